"""Member groups several work objects share (dates, approvals, status enums, actions)."""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.builder import act, coll, dt, enum, s
from wfexplorer.demo.classic.schema.model import ActionDef, CollectionDef, FieldDef

PRIORITY_ENUM = "com.attask.common.constants.TimelinePriorityEnum"
CONDITION_ENUM = "com.attask.common.constants.ConditionEnum"
PROGRESS_ENUM = "com.attask.common.constants.ProgressStatusEnum"


def schedule_dates() -> list[FieldDef]:
    """Planned, projected and actual start/completion dates."""
    return [
        dt(f"{kind}{edge}Date")
        for kind in ("planned", "projected", "actual")
        for edge in ("Start", "Completion")
    ]


def priority_field() -> FieldDef:
    """The 0-4 priority enum (default 0)."""
    return enum("priority", PRIORITY_ENUM, enums.PRIORITY, "int", default=0)


def condition_field() -> FieldDef:
    """The computed condition enum."""
    return enum("condition", CONDITION_ENUM, enums.CONDITION, read_only=True)


def approval_fields() -> list[FieldDef]:
    """Approval process links plus the internal status the work had before it went pending."""
    return [s("approvalProcessID"), s("currentApprovalStepID"), s("_statusBeforeApproval")]


def approval_actions() -> list[ActionDef]:
    """approveApproval, rejectApproval and recallApproval."""
    approval_args = (
        ("userID", "string"), ("approvalUsername", "string"), ("approvalPassword", "string"),
        ("auditNote", "string"), ("auditUserIDs", "string[]"), ("sendNoteAsEmail", "boolean"),
    )
    return [act("approveApproval", *approval_args), act("rejectApproval", *approval_args), act("recallApproval")]


def work_collections(obj_code: str) -> list[CollectionDef]:
    """Collections every work object has: documents, updates/notes, access rules, approvals."""
    return [
        coll("documents", "DOCU", objID="ID", constants={"docObjCode": obj_code}),
        coll("updates", "NOTE", objID="ID", constants={"noteObjCode": obj_code}),
        coll("notes", "NOTE", objID="ID", constants={"noteObjCode": obj_code}),
        coll("accessRules", "ACSRUL", securityObjID="ID", constants={"securityObjCode": obj_code}, nested=True),
        coll("approverStatuses", "ARVSTS", approvableObjID="ID", constants={"approvableObjCode": obj_code}),
    ]


def status_collections(obj_code: str, *names: str) -> list[CollectionDef]:
    """CSTEM collections (allStatuses, allPriorities…) filtered by enum class."""
    classes = {
        "allStatuses": f"STATUS_{obj_code}", "allPriorities": f"PRIORITY_{obj_code}",
        "allSeverities": f"SEVERITY_{obj_code}",
    }
    out = [coll(name, "CSTEM", constants={"enumClass": classes[name]}) for name in names if name in classes]
    if "doneStatuses" in names:
        out.append(coll("doneStatuses", "CSTEM", constants={"enumClass": f"STATUS_{obj_code}", "equatesWith": "CPL"}))
    return out


SHARE_ACTION = act("share", ("accessorID", "string"), ("accessorObjCode", "string"), ("coreAction", "string"))
CALC_DE = act("calculateDataExtension")

"""What a write fills in itself: entry/update stamps, work-item defaults and the derived links of hours and notes."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.dates import to_stored
from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError, business_rule_error
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.classic.schema.statuses import equates_with
from wfexplorer.demo.classic.txrows import rows_where
from wfexplorer.demo.store import Record, Store, Transaction

PROJECT_STATUS_VIOLATION = "com.attask.common.ProjectStatusViolationException"


def to_stored_now(call: ClassicCall) -> str:
    """Return the simulator's current time in the stored UTC form."""
    from datetime import UTC, datetime

    return to_stored(datetime.fromtimestamp(call.context.clock(), UTC))


def stamp(obj: ObjectDef, record: Record, call: ClassicCall, now: str, *, creating: bool) -> None:
    if creating:
        for name, value in (("entryDate", now), ("enteredByID", call.user_id)):
            if name in obj.fields and record.get(name) is None:
                record[name] = value
    for name, value in (("lastUpdateDate", now), ("lastUpdatedByID", call.user_id)):
        if name in obj.fields:
            record[name] = value


def work_defaults(tx: Transaction, store: Store, obj: ObjectDef, record: Record, now: str) -> None:
    """Defaults of new work items (item 44) and the complete-project rule (item 40)."""
    code = obj.obj_code
    if code not in ("PROJ", "TASK", "OPTASK"):
        return
    for name in ("plannedStartDate", "projectedStartDate", "plannedCompletionDate", "projectedCompletionDate"):
        if name in obj.fields and record.get(name) is None:
            start = record.get("plannedStartDate") or now
            record[name] = start
    if code in ("TASK", "OPTASK") and record.get("projectID"):
        project = tx.get("PROJ", str(record["projectID"]))
        if project is None:
            raise ClassicError(f"Project with ID {record['projectID']} does not exist", kind=UNPROCESSABLE)
        if equates_with(tx, "PROJ", project.get("status")) == "CPL":
            raise business_rule_error(
                PROJECT_STATUS_VIOLATION, "Unable to complete operation for a project of status Complete"
            )
    if code == "TASK":
        siblings = rows_where(tx, store, "TASK", {"projectID": record["projectID"]})
        record.setdefault("taskNumber", max((int(row.get("taskNumber") or 0) for row in siblings), default=0) + 1)
        parent_id = record.get("parentID")
        peers = [row for row in siblings if row.get("parentID") == parent_id]
        position = len(peers) + 1
        if parent_id:
            parent = tx.get("TASK", str(parent_id))
            prefix = str(parent.get("wbs") or "") if parent else ""
            record.setdefault("wbs", f"{prefix}.{position}" if prefix else str(position))
        else:
            record.setdefault("wbs", str(position))


_WORK_LINKS = {"PROJ": "projectID", "TASK": "taskID", "OPTASK": "opTaskID"}


def derived_links(tx: Transaction, obj: ObjectDef, record: Record, user_id: str | None) -> None:
    """Fill what Workfront derives for a new hour or note: its owner and its project/task/issue links.

    An hour logged on a task or issue belongs to that item's project; a note on a project, task or
    issue carries the links its ``noteObjCode``/``objID`` imply (as ``addComment`` writes them), and
    a reply joins its parent's thread. Values the client gave are kept.
    """
    code = obj.obj_code
    if code not in ("HOUR", "NOTE"):
        return
    if user_id and not record.get("ownerID"):
        record["ownerID"] = user_id
    if code == "HOUR":
        for kind, field in (("TASK", "taskID"), ("OPTASK", "opTaskID")):
            item = tx.get(kind, str(record[field])) if record.get(field) else None
            if item is not None and not record.get("projectID"):
                record["projectID"] = item.get("projectID")
        return
    if user_id and not record.get("userID"):
        record["userID"] = user_id
    target_code, target_id = record.get("noteObjCode"), record.get("objID")
    target = tx.get(str(target_code), str(target_id)) if target_code in _WORK_LINKS and target_id else None
    if target is not None:
        _fill(record, _WORK_LINKS[str(target_code)], target["ID"])
        if not record.get("projectID"):
            record["projectID"] = target["ID"] if target_code == "PROJ" else target.get("projectID")
    parent = tx.get("NOTE", str(record["parentNoteID"])) if record.get("parentNoteID") else None
    if parent is not None:
        record["isReply"] = True
        _fill(record, "threadID", parent.get("threadID") or parent["ID"])
        _fill(record, "topNoteObjCode", parent.get("topNoteObjCode") or parent.get("noteObjCode"))
        _fill(record, "topObjID", parent.get("topObjID") or parent.get("objID"))
    else:
        _fill(record, "threadID", record["ID"])
        _fill(record, "topNoteObjCode", target_code)
        _fill(record, "topObjID", target_id)


def _fill(record: Record, name: str, value: Any) -> None:
    """Set ``name`` unless the record already has a value for it."""
    if record.get(name) in (None, "") and value is not None:
        record[name] = value

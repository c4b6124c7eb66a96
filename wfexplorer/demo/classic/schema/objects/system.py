"""Custom enums, access rules, the customer and the minimal objects other definitions point at (§7.19)."""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.builder import NG, b, coll, d, define, dt, enum, i, query, ref, s, sl

CUSTOM_ENUM = define(
    "CustomEnum", "CSTEM", "Custom Enum",
    aliases=("customenum",),
    default_fields=("color", "equatesWith", "label", "objCode", "value"),
    drop=("name", "categoryID", "category"),
    fields=[
        s("value", required=True), s("label", required=True), s("color"), s("equatesWith"),
        enum("enumClass", "com.attask.common.constants.EnumClassEnum", enums.ENUM_CLASS, required=True),
        b("isPrimary", default=False), b("isHidden", default=False), s("groupID"), i("valueAsInt"),
        i("displayOrder", default=0),
    ],
    references=[ref("group", "GROUP")],
    queries=[
        query("projectStatuses"),
        query("taskStatuses"),
        query("opTaskStatuses"),
        query("projectGroupStatuses", ("groupID", "string"), ("includeHidden", "boolean")),
        query("taskGroupStatuses", ("groupID", "string"), ("includeHidden", "boolean")),
        query("opTaskGroupStatuses", ("groupID", "string"), ("includeHidden", "boolean")),
    ],
)

ACCESS_RULE = define(
    "AccessRule", "ACSRUL", "Access Rule",
    secondary=True,
    top_level=False,
    default_fields=("ID", "objCode", "accessorID", "accessorObjCode", "coreAction"),
    drop=("name", "description", "categoryID", "category"),
    fields=[
        s("accessorID", required=True, flags=NG),
        enum("accessorObjCode", "com.attask.common.constants.AccessorObjCodeEnum", enums.ACCESSOR_OBJ_CODE,
             required=True),
        enum("coreAction", "com.attask.common.constants.AccessRuleCoreActionEnum", enums.CORE_ACTION,
             default="VIEW"),
        sl("secondaryActions"),
        sl("forbiddenActions"),
        s("securityObjID", flags=NG),
        s("securityObjCode"),
        s("ancestorID", read_only=True),
        s("ancestorObjCode", read_only=True),
        b("isInherited", read_only=True, default=False),
    ],
)

CUSTOMER = define(
    "Customer", "CUST", "Customer",
    drop=("customerID", "customer", "categoryID", "category"),
    fields=[s("name"), s("domain"), s("timeZone"), s("locale"), s("currency"), b("isApiEnabled", default=True)],
)


def _minimal(name: str, code: str, label: str, *extra_fields: object, **kwargs: object) -> None:
    define(name, code, label, fields=list(extra_fields), **kwargs)  # type: ignore[arg-type]


_minimal("Schedule", "SCHED", "Schedule", s("timeZone"), b("isDefault"))
_minimal("ApprovalProcess", "ARVPRC", "Approval Process", s("approvalObjCode"), b("isActive"),
         operations=("add", "copy", "count", "delete", "edit", "get", "report", "search"))
_minimal("ApprovalStep", "ARVSTP", "Approval Step", s("approvalPathID"), i("sequenceNumber"), secondary=True)
_minimal("ApproverStatus", "ARVSTS", "Approver Status", s("approvableObjID"), s("approvableObjCode"),
         s("approvedByID"), s("status"), secondary=True)
_minimal("QueueDef", "QUED", "Queue Definition", s("projectID"), b("isPublic"), secondary=True)
_minimal("QueueTopic", "QUET", "Queue Topic", s("queueDefID"))
_minimal("Milestone", "MILE", "Milestone", s("milestonePathID"), i("sequence"))
_minimal("Expense", "EXPNS", "Expense", s("projectID"), s("taskID"), d("plannedAmount"), d("actualAmount"),
         dt("effectiveDate"), flags=("REPORTABLE", "DATA_EXTENDIBLE"), aliases=("expense",))
_minimal("Risk", "RISK", "Risk", s("projectID"), d("probability"), d("estimatedImpact"))
_minimal("Baseline", "BLIN", "Baseline", s("projectID"), b("isDefault"))
_minimal("Rate", "RATE", "Rate", s("projectID"), s("companyID"), s("roleID"), s("assignmentID"), d("rateValue"),
         s("rateType"), secondary=True)
_minimal("ProjectUser", "PRTU", "Project User", s("projectID"), s("userID"), secondary=True)
_minimal("ProjectUserRole", "PTEAM", "Project User Role", s("projectID"), s("userID"), s("roleID"), secondary=True)
_minimal("LayoutTemplate", "LYTMPL", "Layout Template")
_minimal("UITemplate", "UITMPL", "UI Template")
_minimal("AccessLevel", "ACSLVL", "Access Level", i("rank"), b("isAdmin"),
         collections=[coll("accessLevelPermissions", "ALVPER", accessLevelID="ID")])
ACCESS_LEVEL_PERMISSIONS = define(
    "AccessLevelPermissions", "ALVPER", "Access Level Permissions",
    secondary=True,
    top_level=False,
    default_fields=("ID", "objCode", "objObjCode", "coreAction", "secondaryActions", "forbiddenActions"),
    drop=("name", "description", "categoryID", "category"),
    fields=[
        s("accessLevelID", read_only=True), s("objObjCode", read_only=True), s("coreAction", read_only=True),
        sl("secondaryActions"), sl("forbiddenActions"), b("isAdmin", read_only=True, default=False),
    ],
    references=[ref("accessLevel", "ACSLVL")],
)
"""What an access level allows on one object kind (``coreAction`` VIEW or EDIT): the rows of a level's
``accessLevelPermissions``, read-only, seeded from :mod:`wfexplorer.demo.classic.access.levels`."""
_minimal("HourType", "HOURT", "Hour Type", s("scope"), b("isActive"))
_minimal("Timesheet", "TSHET", "Timesheet", s("userID"), dt("startDate"), dt("endDate"), s("status"),
         d("totalHours"))
_minimal("ScoreCard", "SCORE", "Scorecard")
_minimal("DocumentRequest", "DOCREQ", "Document Request", s("objID"), s("docObjCode"), s("status"))
_minimal("DocumentFolder", "DOCFDR", "Document Folder", s("parentID"), s("objID"), s("docObjCode"))
_minimal("DocumentApproval", "DOCAPL", "Document Approval", s("documentID"), s("approverID"), s("status"))
_minimal("NoteTag", "NTAG", "Note Tag", s("noteID"), s("objID"), s("objObjCode"), secondary=True)
_minimal("Like", "LIKE", "Like", s("noteID"), s("ownerID"), secondary=True)
_minimal("JournalEntry", "JRNLE", "Journal Entry", s("fieldName"), s("oldTextVal"), s("newTextVal"),
         dt("oldDateVal"), dt("newDateVal"), d("oldNumberVal"), d("newNumberVal"), s("objObjCode"), s("objID"),
         s("changeType"), s("subObjCode"), s("subObjID"))
_minimal("Update", "UPDATE", "Update", s("updateObjCode"), s("updateObjID"), s("message"), dt("entryDate"),
         secondary=True)

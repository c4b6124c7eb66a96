"""Time, comments and files: Hour, Note, Document, Document Version (classic-api.md §7.12-7.14)."""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.builder import NG, act, b, coll, d, define, dt, enum, i, ref, s
from wfexplorer.demo.classic.schema.objects.shared import CALC_DE

_NO_NAME = ("name", "categoryID", "category")

HOUR = define(
    "Hour", "HOUR", "Hour",
    aliases=("hour",),
    flags=("REPORTABLE",),
    default_fields=("ID", "objCode", "hours", "entryDate", "ownerID", "status"),
    drop=_NO_NAME,
    fields=[
        d("hours", required=True),
        dt("entryDate"),
        *(s(name, flags=NG) for name in ("ownerID", "taskID", "opTaskID", "projectID", "projectOverheadID",
                                          "hourTypeID", "roleID", "timesheetID", "approvedByID")),
        dt("approvedOnDate", read_only=True),
        enum("status", "com.attask.common.constants.HourStatusEnum", enums.HOUR_STATUS, default="SUB"),
        d("actualCost", flags=("CURRENCY",), read_only=True),
        s("_statusBeforeApproval"),
    ],
    references=[
        ref("owner", "USER"), ref("approvedBy", "USER"), ref("project", "PROJ"), ref("projectOverhead", "PROJ"),
        ref("task", "TASK"), ref("opTask", "OPTASK"), ref("hourType", "HOURT"), ref("role", "ROLE"),
        ref("timesheet", "TSHET"),
    ],
    actions=[act("approve"), act("unapprove"), CALC_DE],
)

NOTE = define(
    "Note", "NOTE", "Note",
    aliases=("note",),
    default_fields=("ID", "objCode", "noteText", "noteObjCode", "objID", "entryDate", "ownerID"),
    drop=("name", "categoryID", "category", "description"),
    fields=[
        s("noteText", required=True),
        enum("noteObjCode", "com.attask.common.constants.NoteObjCodeEnum", enums.NOTE_OBJ_CODE, required=True),
        s("objID", required=True),
        *(s(name, flags=NG) for name in ("parentNoteID", "threadID", "ownerID", "userID", "projectID", "taskID",
                                          "opTaskID", "documentID", "portfolioID", "programID", "topObjID")),
        s("subject"),
        s("topNoteObjCode"),
        b("isReply", read_only=True, default=False),
        b("isPrivate", default=False),
        b("emailUsers", default=False),
        b("hasReplies", read_only=True, default=False),
        b("isDeleted", read_only=True, default=False),
        i("numReplies", read_only=True, default=0),
        i("numLikes", read_only=True, default=0),
    ],
    references=[
        ref("owner", "USER"), ref("user", "USER"), ref("project", "PROJ"), ref("task", "TASK"),
        ref("opTask", "OPTASK"), ref("document", "DOCU"), ref("parentNote", "NOTE"), ref("portfolio", "PORT"),
        ref("program", "PRGM"),
    ],
    collections=[
        coll("replies", "NOTE", parentNoteID="ID"),
        coll("tags", "NTAG", noteID="ID"),
        coll("likes", "LIKE", noteID="ID"),
        coll("attachedDocuments", "DOCU", objID="ID", constants={"docObjCode": "NOTE"}),
    ],
    actions=[
        act("like"),
        act("unlike"),
        act("addNoteToObjects", ("objIDs", "string[]"), ("noteObjCode", "string"), ("noteText", "string"),
            ("isPrivate", "boolean"), ("emailUsers", "boolean"), ("tags", "string[]"), result="string[]",
            needs_object=False),
    ],
)

DOCUMENT = define(
    "Document", "DOCU", "Document",
    aliases=("document",),
    flags=("REPORTABLE", "DATA_EXTENDIBLE", "SHARABLE"),
    default_fields=("ID", "name", "objCode", "description", "docObjCode", "objID"),
    fields=[
        s("name", required=True),
        enum("docObjCode", "com.attask.common.constants.DocObjCodeEnum", enums.DOC_OBJ_CODE),
        s("objID"),
        s("handle", flags=("WRITE_ONLY",)),
        *(s(name, flags=NG) for name in ("currentVersionID", "releaseVersionID", "ownerID", "checkedOutByID",
                                          "projectID", "taskID", "opTaskID", "lastNoteID", "documentRequestID",
                                          "topObjID")),
        s("downloadURL", read_only=True),
        s("topDocObjCode"),
        b("isPrivate", default=False),
        b("isPublic", default=False),
        dt("lastModDate", read_only=True),
    ],
    references=[
        ref("currentVersion", "DOCV"), ref("releaseVersion", "DOCV"), ref("owner", "USER"),
        ref("checkedOutBy", "USER"), ref("project", "PROJ"), ref("task", "TASK"), ref("opTask", "OPTASK"),
        ref("lastNote", "NOTE"), ref("documentRequest", "DOCREQ"),
    ],
    collections=[
        coll("versions", "DOCV", documentID="ID"),
        coll("folders", "DOCFDR", through=("DOCFLK", "documentID", "folderID")),
        coll("approvals", "DOCAPL", documentID="ID"),
        coll("subscribers", "USER", through=("DOCSUB", "documentID", "userID")),
        coll("accessRules", "ACSRUL", securityObjID="ID", constants={"securityObjCode": "DOCU"}, nested=True),
        coll("updates", "NOTE", objID="ID", constants={"noteObjCode": "DOCU"}),
    ],
    actions=[
        act("move", ("objID", "string"), ("docObjCode", "string")),
        CALC_DE,
        act("checkIn", ("documentID", "string"), needs_object=False),
        act("checkOut", ("documentID", "string"), needs_object=False),
        act("createProof", ("documentVersionID", "string"), ("advancedProofingOptions", "string")),
        act("createDocument", ("name", "string"), ("docObjCode", "string"), ("docObjID", "string"),
            ("fileHandle", "string"), ("fileType", "string"), ("folderID", "string"), ("createProof", "boolean"),
            ("advancedProofingOptions", "string"), result="string", needs_object=False),
        act("share", ("accessorID", "string"), ("accessorObjCode", "string"), ("coreAction", "string")),
    ],
)

DOCUMENT_VERSION = define(
    "DocumentVersion", "DOCV", "Document Version",
    aliases=("documentversion",),
    default_fields=("ID", "objCode", "version", "fileName", "documentID"),
    drop=_NO_NAME,
    fields=[
        s("documentID", required=True), s("version"), s("fileName"), s("fileType"), s("ext"),
        i("docSize"), s("ownerID"), s("_handle"), s("_contentKey"), s("proofID"), s("proofStatus"),
        b("isProofable", default=False), s("format"), s("location"), s("externalDownloadURL"),
    ],
    references=[ref("document", "DOCU"), ref("owner", "USER")],
)

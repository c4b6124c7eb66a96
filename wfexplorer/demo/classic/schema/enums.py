"""Enum value lists of the classic model (classic-api.md §7.1), as ``(value, label)`` pairs.

``STATUS_EQUATES`` maps each base status to the base status it equates with (itself for the
required ones), which the CSTEM seed and the status checks use.
"""

from __future__ import annotations

PROJECT_STATUS = (
    ("CUR", "Current"), ("PLN", "Planning"), ("CPL", "Complete"), ("DED", "Dead"), ("ONH", "On Hold"),
    ("REQ", "Requested"), ("APR", "Approved"), ("REJ", "Rejected"), ("IDA", "Idea"),
)
TASK_STATUS = (("NEW", "New"), ("INP", "In Progress"), ("CPL", "Complete"))
ISSUE_STATUS = (
    ("NEW", "New"), ("INP", "In Progress"), ("AWF", "Awaiting Feedback"), ("ONH", "On Hold"),
    ("ROP", "Reopened"), ("CND", "Cannot Duplicate"), ("WTR", "Won't Resolve"), ("RLV", "Resolved"),
    ("VCP", "Verified Complete"), ("CLS", "Closed"),
)
ISSUE_STATUS_EQUATES = {
    "NEW": "NEW", "INP": "INP", "AWF": "ONH", "ONH": "ONH", "ROP": "INP",
    "CND": "CLS", "WTR": "CLS", "RLV": "CLS", "VCP": "CLS", "CLS": "CLS",
}
PRIORITY = ((0, "None"), (1, "Low"), (2, "Normal"), (3, "High"), (4, "Urgent"))
CONDITION = (("ON", "On Target"), ("AR", "At Risk"), ("IT", "In Trouble"))
PROGRESS_STATUS = (("LT", "Late"), ("ON", "On Time"), ("BH", "Behind"), ("AR", "At Risk"))
SEVERITY = ((1, "Cosmetic"), (2, "Minor"), (3, "Moderate"), (4, "Major"), (5, "Critical"))
ISSUE_TYPE = (("BUG", "Bug Report"), ("CHG", "Change Order"), ("ISU", "Issue"), ("REQ", "Request"))
ASSIGNMENT_STATUS = (
    ("NEW", "New"), ("WRK", "Working On It"), ("RDY", "Ready"), ("DN", "Done"),
    ("AA", "Accepted"), ("AD", "Declined"),
)
HOUR_STATUS = (("UNS", "Unsubmitted"), ("SUB", "Submitted"), ("APR", "Approved"), ("REJ", "Rejected"))
DURATION_UNIT = (("M", "Minutes"), ("H", "Hours"), ("D", "Days"), ("W", "Weeks"), ("T", "Months"))
DURATION_TYPE = (("A", "Calculated Assignment"), ("D", "Effort Driven"), ("S", "Simple"))
PREDECESSOR_TYPE = (("fs", "Finish-Start"), ("ss", "Start-Start"), ("ff", "Finish-Finish"), ("sf", "Start-Finish"))
CORE_ACTION = (("VIEW", "View"), ("EDIT", "Edit"), ("DELETE", "Manage"))
ACCESSOR_OBJ_CODE = (
    ("USER", "User"), ("TEAMOB", "Team"), ("GROUP", "Group"), ("ROLE", "Job Role"), ("CMPY", "Company"),
)
CATEGORY_OBJ_CODE = (
    ("CMPY", "Company"), ("TASK", "Task"), ("PROJ", "Project"), ("PORT", "Portfolio"), ("PRGM", "Program"),
    ("USER", "User"), ("DOCU", "Document"), ("OPTASK", "Issue"), ("EXPNS", "Expense"), ("ITRN", "Iteration"),
)
PARAM_DATA_TYPE = (("TEXT", "Text"), ("NMBR", "Number"), ("CRNC", "Currency"), ("DATE", "Date"))
PARAM_DISPLAY_TYPE = (
    ("TEXT", "Single-line text"), ("TXTA", "Paragraph text"), ("SLCT", "Dropdown"), ("MSLCT", "Multi-select dropdown"),
    ("RDIO", "Radio buttons"), ("CHCK", "Checkboxes"), ("DATE", "Date"), ("TYAH", "Typeahead"),
)
ENUM_CLASS = (
    ("STATUS_PROJ", "Project status"), ("STATUS_TASK", "Task status"), ("STATUS_OPTASK", "Issue status"),
    ("PRIORITY_PROJ", "Project priority"), ("PRIORITY_TASK", "Task priority"), ("PRIORITY_OPTASK", "Issue priority"),
    ("CONDITION_PROJ", "Project condition"), ("CONDITION_TASK", "Task condition"),
    ("CONDITION_OPTASK", "Issue condition"), ("SEVERITY_OPTASK", "Issue severity"),
)
USER_INTERFACE = ((0, "Default"), (1, "Project Management Home"), (2, "TeamHome"), (3, "Early Access"))
LICENSE_TYPE = (("F", "Plan"), ("W", "Work"), ("R", "Review"), ("L", "Light"), ("C", "Contributor"))
DOC_OBJ_CODE = (
    ("PROJ", "Project"), ("TASK", "Task"), ("OPTASK", "Issue"), ("PORT", "Portfolio"), ("PRGM", "Program"),
    ("USER", "User"), ("TMPL", "Template"),
)
NOTE_OBJ_CODE = (*DOC_OBJ_CODE, ("DOCU", "Document"))

PROJECT_STATUS_CODES = tuple(value for value, _ in PROJECT_STATUS)
TASK_STATUS_CODES = tuple(value for value, _ in TASK_STATUS)
ISSUE_STATUS_CODES = tuple(value for value, _ in ISSUE_STATUS)

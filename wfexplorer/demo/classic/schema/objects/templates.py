"""Project templates: Template, TemplateTask and TemplatePredecessor (classic-api.md §7.19).

A template (TMPL) holds a task outline of template tasks (TTSK rows, ``parentID`` for the
hierarchy, ``taskNumber`` for the order) linked by template predecessors (TPRED rows, like PRED
between tasks). A project built from it (``POST /PROJ`` with ``templateID``, or ``attachTemplate``)
gets one task per template task, the same hierarchy, the same predecessor links, and the
template's settings (see :mod:`wfexplorer.demo.classic.templates`).
"""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.builder import NG, b, coll, d, define, dt, enum, i, ref, s
from wfexplorer.demo.classic.schema.objects.shared import priority_field

TEMPLATE = define(
    "Template", "TMPL", "Template",
    aliases=("template",),
    operations=("add", "copy", "count", "delete", "edit", "get", "report", "search"),
    fields=[
        s("ownerID"), s("sponsorID"), s("groupID", flags=NG), s("companyID"), s("portfolioID"), s("programID"),
        s("scheduleID"), dt("plannedStartDate"), d("budget"), s("currency"), priority_field(),
        b("isActive", default=True),
    ],
    references=[
        ref("owner", "USER"), ref("sponsor", "USER"), ref("group", "GROUP"), ref("company", "CMPY"),
        ref("portfolio", "PORT"), ref("program", "PRGM"), ref("schedule", "SCHED"),
    ],
    collections=[coll("templateTasks", "TTSK", templateID="ID")],
)

TEMPLATE_TASK = define(
    "TemplateTask", "TTSK", "Template Task",
    fields=[
        s("templateID"), s("parentID"), i("taskNumber"), priority_field(),
        d("duration"), i("durationMinutes"),
        enum("durationUnit", "com.attask.common.constants.DurationUnitEnum", enums.DURATION_UNIT, default="D"),
        i("workRequired"), s("roleID", flags=NG), s("teamID", flags=NG),
        s("taskConstraint", default="ASAP"), s("predecessorExpression"),
    ],
    references=[
        ref("template", "TMPL"), ref("parent", "TTSK"), ref("role", "ROLE"), ref("team", "TEAMOB"),
    ],
    collections=[
        coll("children", "TTSK", parentID="ID"),
        coll("predecessors", "TPRED", successorID="ID", nested=True),
        coll("successors", "TPRED", predecessorID="ID"),
    ],
)

TEMPLATE_PREDECESSOR = define(
    "TemplatePredecessor", "TPRED", "Template Predecessor",
    default_fields=("ID", "objCode", "predecessorID", "successorID", "predecessorType", "lagDays"),
    drop=("name", "description", "categoryID", "category"),
    fields=[
        s("predecessorID", required=True),
        s("successorID", required=True),
        enum("predecessorType", "com.attask.common.constants.PredecessorTypeEnum", enums.PREDECESSOR_TYPE,
             default="fs"),
        i("lagDays", default=0),
        s("lagType", default="d"),
        b("isEnforced", default=False),
    ],
    references=[ref("predecessor", "TTSK"), ref("successor", "TTSK")],
)

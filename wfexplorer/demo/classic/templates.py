"""Building project work from a template: tasks, hierarchy, predecessors and the template's settings.

Used by ``POST /PROJ`` with ``templateID`` (Workfront builds the new project from the template)
and by the ``attachTemplate`` action (which adds a template's tasks to an existing project)::

    template = template_of(tx, obj, project)        # the TMPL a new PROJ names in templateID, or None
    fill_project_settings(project, template, given) # fields the client left out, from the template
    add_template_tasks(tx, project, template, env)  # one TASK per TTSK, PRED per TPRED; renumbered

Every template task becomes a task of the project with the same name, description, duration,
work, priority, role and team, under the task made from its parent template task (or under
``parent_id``); ``templateTaskID`` says where it came from. Template predecessors between copied
template tasks become predecessors between the new tasks, with the same type and lag. The outline
is then renumbered (taskNumber, wbs, indent, numberOfChildren).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wfexplorer.demo.classic.actions.base import ActionEnv, create, rows_where, save
from wfexplorer.demo.classic.actions.rules import renumber_project
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record, Transaction

PROJECT_SETTINGS = (
    "description", "ownerID", "sponsorID", "groupID", "companyID", "portfolioID", "programID", "scheduleID",
    "budget", "currency", "priority", "categoryID",
)
"""Template fields a project built from the template takes when the client gave no value of its own."""

TASK_SETTINGS = (
    "description", "duration", "durationMinutes", "durationUnit", "workRequired", "priority", "roleID", "teamID",
    "taskConstraint",
)
"""Template-task fields the task made from it takes."""

_LINK_SETTINGS = ("predecessorType", "lagDays", "lagType", "isEnforced")


def template_of(tx: Transaction, obj: ObjectDef, record: Record) -> Record | None:
    """Return the template a new project names in ``templateID`` (``None`` for other objects or none)."""
    if obj.obj_code != "PROJ" or not record.get("templateID"):
        return None
    return tx.get("TMPL", str(record["templateID"]))


def fill_project_settings(project: Record, template: Record, given: Iterable[str]) -> None:
    """Copy the template's settings onto ``project`` for every field the client did not give."""
    given = set(given)
    for name in PROJECT_SETTINGS:
        value = template.get(name)
        if value is not None and name not in given:
            project[name] = value


def add_template_tasks(
    tx: Transaction,
    project: Record,
    template: Record,
    env: ActionEnv,
    *,
    parent_id: str | None = None,
    exclude: Iterable[str] = (),
) -> dict[str, str]:
    """Add the template's tasks (but ``exclude`` and their subtasks) to ``project``; return TTSK ID → TASK ID."""
    skipped = set(exclude)
    rows = sorted(rows_where(tx, "TTSK", templateID=template["ID"]), key=lambda row: int(row.get("taskNumber") or 0))
    made: dict[str, str] = {}
    for row in rows:
        if row["ID"] in skipped or row.get("parentID") in skipped:
            skipped.add(row["ID"])
            continue
        values: dict[str, Any] = {name: row.get(name) for name in TASK_SETTINGS}
        values.update({
            "name": row.get("name"), "projectID": project["ID"],
            "parentID": made.get(str(row.get("parentID")), parent_id), "templateTaskID": row["ID"],
            "taskNumber": 10**6 + int(row.get("taskNumber") or 0), "status": "NEW", "percentComplete": 0.0,
            "progressStatus": "ON", "statusEquatesWith": "NEW",
        })
        start = project.get("plannedStartDate")  # as a new task's dates default (writing.defaults.work_defaults)
        for name in ("plannedStartDate", "projectedStartDate", "plannedCompletionDate", "projectedCompletionDate"):
            values[name] = start
        made[row["ID"]] = create(tx, "TASK", values, env)["ID"]
    for link in tx.table("TPRED").values():
        before, after = made.get(str(link.get("predecessorID"))), made.get(str(link.get("successorID")))
        if before and after:
            create(tx, "PRED", {"predecessorID": before, "successorID": after,
                                **{name: link.get(name) for name in _LINK_SETTINGS}}, env)
    renumber_project(tx, project["ID"], env)
    return made


def link_template(tx: Transaction, project: Record, template: Record, env: ActionEnv) -> None:
    """Record that ``project`` was built from ``template`` (``templateID``) unless it already says so."""
    if not project.get("templateID"):
        save(tx, project, {"templateID": template["ID"]}, env)

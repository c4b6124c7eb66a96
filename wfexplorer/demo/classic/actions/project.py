"""Project actions: timeline and finance recalculation, templates, removing users."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.actions.base import (
    ActionEnv,
    action,
    create,
    illegal,
    load,
    require_arg,
    rows_where,
    save,
)
from wfexplorer.demo.classic.actions.rules import ensure_project_open, renumber_project
from wfexplorer.demo.classic.schema.model import ObjectDef, Record
from wfexplorer.demo.classic.schema.statuses import is_done, validate_status
from wfexplorer.demo.store import Transaction


def _min(values: list[Any]) -> Any:
    present = [value for value in values if value]
    return min(present) if present else None


def _max(values: list[Any]) -> Any:
    present = [value for value in values if value]
    return max(present) if present else None


@action("PROJ", "calculateTimeline")
def calculate_timeline(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                       env: ActionEnv) -> None:
    """Recompute the project's projected dates, percentComplete and work from its tasks; renumber tasks.

    Projected start = earliest task projected (or planned) start; projected completion = latest
    task projected (or planned) completion; percentComplete = leaf tasks' completion weighted by
    workRequired (or 1); workRequired/actualWorkRequired = sums over leaf tasks.
    """
    assert record is not None
    ensure_project_open(tx, record["ID"])
    renumber_project(tx, record["ID"], env)
    tasks = rows_where(tx, "TASK", projectID=record["ID"])
    parents = {task.get("parentID") for task in tasks}
    leaves = [task for task in tasks if task["ID"] not in parents]
    changes: dict[str, Any] = {"lastCalcDate": env.now_iso}
    if tasks:
        changes["projectedStartDate"] = _min(
            [task.get("projectedStartDate") or task.get("plannedStartDate") for task in tasks]
        ) or record.get("projectedStartDate")
        changes["projectedCompletionDate"] = _max(
            [task.get("projectedCompletionDate") or task.get("plannedCompletionDate") for task in tasks]
        ) or record.get("projectedCompletionDate")
        weights = [float(task.get("workRequired") or 0) or 1.0 for task in leaves]
        done = [
            100.0 if is_done(tx, "TASK", task.get("status")) else float(task.get("percentComplete") or 0)
            for task in leaves
        ]
        total = sum(weights)
        changes["percentComplete"] = round(sum(w * p for w, p in zip(weights, done, strict=True)) / total, 2)
        changes["workRequired"] = sum(int(task.get("workRequired") or 0) for task in leaves)
        changes["actualWorkRequired"] = sum(int(task.get("actualWorkRequired") or 0) for task in leaves)
        if any(task.get("actualStartDate") for task in tasks) and not record.get("actualStartDate"):
            changes["actualStartDate"] = _min([task.get("actualStartDate") for task in tasks])
    save(tx, tx.get("PROJ", record["ID"]) or record, changes, env)
    return None


@action("PROJ", "calculateFinance")
def calculate_finance(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                      env: ActionEnv) -> None:
    """Cost every hour entry of the project at its owner's costPerHour and total them on the project."""
    assert record is not None
    users = tx.table("USER")
    total = 0.0
    for hour in rows_where(tx, "HOUR", projectID=record["ID"]):
        rate = float((users.get(str(hour.get("ownerID"))) or {}).get("costPerHour") or 0)
        cost = round(float(hour.get("hours") or 0) * rate, 2)
        total += cost
        if hour.get("actualCost") != cost:
            save(tx, hour, {"actualCost": cost}, env)
    save(tx, record, {"actualLaborCost": round(total, 2), "actualCost": round(total, 2)}, env)
    return None


@action("PROJ", "setBudgetToSchedule")
def set_budget_to_schedule(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                           env: ActionEnv) -> None:
    """Set the budget to the planned labour cost: task workRequired (minutes) at the assignees' cost rates."""
    assert record is not None
    users = tx.table("USER")
    budget = 0.0
    for task in rows_where(tx, "TASK", projectID=record["ID"]):
        user = users.get(str(task.get("assignedToID"))) or {}
        budget += float(task.get("workRequired") or 0) / 60.0 * float(user.get("costPerHour") or 0)
    save(tx, record, {"budget": round(budget, 2)}, env)
    return None


@action("PROJ", "removeUsersFromProject")
def remove_users(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                 env: ActionEnv) -> None:
    """Delete the users' assignments on the project's tasks and issues and their project-team rows."""
    assert record is not None
    ensure_project_open(tx, record["ID"])
    users = set(require_arg(args, "userIDs", "removeUsersFromProject"))
    for row in rows_where(tx, "ASSGN", projectID=record["ID"]):
        if row.get("assignedToID") in users:
            tx.delete("ASSGN", row["ID"])
    for kind in ("PRTU", "PTEAM"):
        for row in rows_where(tx, kind, projectID=record["ID"]):
            if row.get("userID") in users:
                tx.delete(kind, row["ID"])
    for code in ("TASK", "OPTASK"):
        for row in rows_where(tx, code, projectID=record["ID"]):
            if row.get("assignedToID") in users:
                save(tx, row, {"assignedToID": None}, env)
    return None


@action("PROJ", "saveProjectAsTemplate")
def save_as_template(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                     env: ActionEnv) -> str:
    """Create a template (TMPL + TTSK rows mirroring the task outline); returns the template ID."""
    assert record is not None
    exclude = set(args.get("excludeIDs") or [])
    template = create(tx, "TMPL", {
        "name": args.get("templateName") or f"{record.get('name')} Template",
        "description": record.get("description"), "ownerID": env.user_id, "budget": record.get("budget"),
    }, env)
    mapping: dict[str, str] = {}
    tasks = sorted(rows_where(tx, "TASK", projectID=record["ID"]), key=lambda row: int(row.get("taskNumber") or 0))
    for task in tasks:
        if task["ID"] in exclude or task.get("parentID") in exclude:
            exclude.add(task["ID"])
            continue
        row = create(tx, "TTSK", {
            "name": task.get("name"), "description": task.get("description"), "templateID": template["ID"],
            "parentID": mapping.get(str(task.get("parentID"))), "taskNumber": task.get("taskNumber"),
        }, env)
        mapping[task["ID"]] = row["ID"]
    return str(template["ID"])


@action("PROJ", "attachTemplate")
def attach_template(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                    env: ActionEnv) -> str:
    """Add the template's tasks (with their predecessors) to the project, under ``parentTaskID``; returns its ID."""
    from wfexplorer.demo.classic import templates  # builds on these actions' helpers

    assert record is not None
    ensure_project_open(tx, record["ID"])
    template = load(tx, "TMPL", require_arg(args, "templateID", "attachTemplate"), "Template")
    parent_id = args.get("parentTaskID")
    if parent_id:
        parent = load(tx, "TASK", parent_id, "Task")
        if parent.get("projectID") != record["ID"]:
            raise illegal("The parent task belongs to a different project")
    templates.add_template_tasks(
        tx, record, template, env, parent_id=parent_id, exclude=args.get("excludeTemplateTaskIDs") or ()
    )
    templates.link_template(tx, tx.get("PROJ", record["ID"]) or record, template, env)
    return str(record["ID"])


@action("PROJ", "createProjectWithOverride")
def create_with_override(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                         env: ActionEnv) -> str:
    """Create a project from the ``project`` map (name required; exchange rate ignored); returns its ID."""
    spec = dict(require_arg(args, "project", "createProjectWithOverride"))
    if not spec.get("name"):
        raise illegal("The project needs a name")
    allowed = {field for field, item in obj.fields.items() if not item.internal and not item.read_only}
    values = {key: value for key, value in spec.items() if key in allowed}
    values.setdefault("ownerID", env.user_id)
    if values.get("status") is not None:
        values["status"] = validate_status(tx, "PROJ", values["status"])
    return str(create(tx, "PROJ", values, env)["ID"])

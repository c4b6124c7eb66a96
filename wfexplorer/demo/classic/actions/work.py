"""Task and issue actions: done/not done, assignments, move, convert, copy, accept, reply."""

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
from wfexplorer.demo.classic.actions.rules import (
    BUSINESS_RULE,
    apply_status,
    descendants,
    ensure_project_open,
    next_task_number,
    renumber_project,
)
from wfexplorer.demo.classic.errors import business_rule_error
from wfexplorer.demo.classic.schema.model import ObjectDef, Record
from wfexplorer.demo.classic.schema.statuses import DONE_EQUIVALENT, equates_with, is_done, split_pending
from wfexplorer.demo.store import Transaction

WORK = ("TASK", "OPTASK")
_LINK = {"TASK": "taskID", "OPTASK": "opTaskID"}


# -- done / not done ------------------------------------------------------------------------


@action(WORK, "markDone")
def mark_done(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Complete the item: status ``args["status"]`` (must equate with done) or CPL/CLS, 100 %, actual end now."""
    assert record is not None
    code = obj.obj_code
    ensure_project_open(tx, record.get("projectID"))
    status = args.get("status") or DONE_EQUIVALENT[code]
    if equates_with(tx, code, status) != DONE_EQUIVALENT[code]:
        raise illegal(f"Status {status} is not a complete status for {obj.label}")
    if record.get("status") == status:
        return None
    apply_status(tx, code, record, status, env)
    return None


@action(WORK, "markNotDone")
def mark_not_done(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Reopen a completed item: back to the status it had before (TASK) or INP (OPTASK)."""
    assert record is not None
    code = obj.obj_code
    ensure_project_open(tx, record.get("projectID"))
    current = str(record.get("status") or "")
    if equates_with(tx, code, split_pending(current)[0]) != DONE_EQUIVALENT[code]:
        raise business_rule_error(BUSINESS_RULE, f"{obj.label} '{record.get('name')}' is not done")
    previous = record.get("_statusBeforeDone") if code == "TASK" else None
    if not previous or equates_with(tx, code, previous) == DONE_EQUIVALENT[code]:
        previous = "INP"
    updated = apply_status(tx, code, record, previous, env, bypass_approval=True)
    assignment_id = args.get("assignmentID")
    if assignment_id:
        assignment = load(tx, "ASSGN", assignment_id, "Assignment")
        if assignment.get(_LINK[code]) != updated["ID"]:
            raise illegal(f"Assignment {assignment_id} does not belong to this {obj.label.lower()}")
        save(tx, assignment, {"status": "WRK"}, env)
    return None


# -- assignments ----------------------------------------------------------------------------


def _assignments(tx: Transaction, code: str, record: Record) -> list[Record]:
    return rows_where(tx, "ASSGN", **{_LINK[code]: record["ID"]})


def _refresh_primary(tx: Transaction, code: str, record: Record, env: ActionEnv) -> None:
    rows = sorted(_assignments(tx, code, record), key=lambda row: (not row.get("isPrimary"), row.get("entryDate", "")))
    users = [row for row in rows if row.get("assignedToID")]
    primary = users[0] if users else (rows[0] if rows else None)
    for row in rows:
        flag = row is primary
        if bool(row.get("isPrimary")) != flag:
            save(tx, row, {"isPrimary": flag}, env)
    current = tx.get(code, record["ID"]) or record
    changes: dict[str, Any] = {"assignedToID": primary.get("assignedToID") if primary else None}
    if code == "TASK":
        changes["primaryAssignmentID"] = primary["ID"] if primary else None
        if primary and primary.get("roleID"):
            changes["roleID"] = primary.get("roleID")
    if any(current.get(key) != value for key, value in changes.items()):
        save(tx, current, changes, env)


def add_assignment(
    tx: Transaction, code: str, record: Record, env: ActionEnv, *, user_id: str | None = None,
    role_id: str | None = None, team_id: str | None = None,
) -> Record | None:
    """Create an ASSGN row for a user, role or team (no duplicate); return it or ``None`` if it existed."""
    existing = _assignments(tx, code, record)
    if user_id and any(row.get("assignedToID") == user_id for row in existing):
        return None
    if not user_id and role_id and any(row.get("roleID") == role_id and not row.get("assignedToID")
                                       for row in existing):
        return None
    if team_id and not user_id and not role_id and any(row.get("teamID") == team_id and row.get("isTeamAssignment")
                                                       for row in existing):
        return None
    values: dict[str, Any] = {
        _LINK[code]: record["ID"],
        "projectID": record.get("projectID"),
        "assignedByID": env.user_id,
        "assignmentPercent": 100.0,
        "status": "NEW",
        "isPrimary": not existing,
    }
    if user_id:
        user = load(tx, "USER", user_id, "User")
        values["assignedToID"] = user_id
        values["roleID"] = role_id or user.get("roleID")
    elif role_id:
        load(tx, "ROLE", role_id, "Job Role")
        values["roleID"] = role_id
    if team_id:
        load(tx, "TEAMOB", team_id, "Team")
        values["teamID"] = team_id
        values["isTeamAssignment"] = not user_id and not role_id
    row = create(tx, "ASSGN", values, env)
    _refresh_primary(tx, code, record, env)
    return row


@action(WORK, "assign")
def assign(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Assign a user (objCode USER), job role (ROLE) or team (TEAMOB): creates an ASSGN row."""
    assert record is not None
    ensure_project_open(tx, record.get("projectID"))
    target_id = require_arg(args, "objID", "assign")
    target_code = str(args.get("objCode") or "USER").upper()
    if target_code == "USER":
        add_assignment(tx, obj.obj_code, record, env, user_id=target_id)
    elif target_code == "ROLE":
        add_assignment(tx, obj.obj_code, record, env, role_id=target_id)
    elif target_code == "TEAMOB":
        add_assignment(tx, obj.obj_code, record, env, team_id=target_id)
        current = tx.get(obj.obj_code, record["ID"]) or record
        save(tx, current, {"teamID": target_id}, env)
    else:
        raise illegal(f"Cannot assign an object of type {target_code}")
    return None


@action(WORK, "assignMultiple")
def assign_multiple(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                    env: ActionEnv) -> None:
    """Assign several users and roles, and optionally a team."""
    assert record is not None
    ensure_project_open(tx, record.get("projectID"))
    for user_id in args.get("userIDs") or []:
        add_assignment(tx, obj.obj_code, record, env, user_id=user_id)
    for role_id in args.get("roleIDs") or []:
        add_assignment(tx, obj.obj_code, record, env, role_id=role_id)
    if args.get("teamID"):
        add_assignment(tx, obj.obj_code, record, env, team_id=args["teamID"])
    return None


@action(WORK, "unassign")
def unassign(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Remove the user's assignment (error when the user is not assigned)."""
    assert record is not None
    ensure_project_open(tx, record.get("projectID"))
    user_id = require_arg(args, "userID", "unassign")
    rows = [row for row in _assignments(tx, obj.obj_code, record) if row.get("assignedToID") == user_id]
    if not rows:
        raise business_rule_error(BUSINESS_RULE, f"User {user_id} is not assigned to this {obj.label.lower()}")
    for row in rows:
        tx.delete("ASSGN", row["ID"])
    _refresh_primary(tx, obj.obj_code, record, env)
    return None


@action("TASK", "unassignOccurrences")
def unassign_occurrences(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                         env: ActionEnv) -> list[str]:
    """Unassign the user from this task; returns the IDs of the tasks changed."""
    unassign(tx, obj, record, args, env)
    assert record is not None
    return [record["ID"]]


def _my_assignment(tx: Transaction, code: str, record: Record, env: ActionEnv) -> Record:
    for row in _assignments(tx, code, record):
        if row.get("assignedToID") == env.user_id:
            return row
    raise business_rule_error(BUSINESS_RULE, "You are not assigned to this work item")


@action(WORK, "acceptWork")
def accept_work(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """The signed-in user accepts their assignment (status AA)."""
    assert record is not None
    save(tx, _my_assignment(tx, obj.obj_code, record, env), {"status": "AA"}, env)
    return None


@action(WORK, "unacceptWork")
def unaccept_work(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                  env: ActionEnv) -> None:
    """The signed-in user takes back their acceptance (status NEW)."""
    assert record is not None
    save(tx, _my_assignment(tx, obj.obj_code, record, env), {"status": "NEW"}, env)
    return None


@action(WORK, "replyToAssignment")
def reply_to_assignment(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                        env: ActionEnv) -> None:
    """Post a note on the item and, with ``commitDate``, record the committed date."""
    assert record is not None
    text = require_arg(args, "noteText", "replyToAssignment")
    create(tx, "NOTE", note_values(record, obj.obj_code, text, env), env)
    if args.get("commitDate"):
        from wfexplorer.demo.classic.customforms import parse_datetime

        when = parse_datetime(args["commitDate"])
        if when is None:
            raise illegal(f"Invalid commitDate {args['commitDate']!r}")
        if obj.obj_code == "TASK":
            save(tx, tx.get("TASK", record["ID"]) or record, {"commitDate": when}, env)
    return None


def note_values(record: Record, code: str, text: str, env: ActionEnv) -> dict[str, Any]:
    """Field values of a NOTE commenting on ``record``."""
    values: dict[str, Any] = {
        "noteText": text, "noteObjCode": code, "objID": record["ID"], "ownerID": env.user_id,
        "projectID": record.get("projectID") if code != "PROJ" else record["ID"],
        "topNoteObjCode": code, "topObjID": record["ID"],
    }
    if code == "TASK":
        values["taskID"] = record["ID"]
    elif code == "OPTASK":
        values["opTaskID"] = record["ID"]
    return values


# -- moving ---------------------------------------------------------------------------------


def move_task(tx: Transaction, record: Record, project_id: str | None, parent_id: str | None, env: ActionEnv) -> None:
    """Move a task (and its subtasks, hours, assignments) under ``parent_id`` in ``project_id``; renumber."""
    source_project = str(record.get("projectID"))
    ensure_project_open(tx, source_project)
    parent = load(tx, "TASK", parent_id, "Task") if parent_id else None
    target_project = project_id or (parent.get("projectID") if parent else None) or source_project
    load(tx, "PROJ", target_project, "Project")
    ensure_project_open(tx, target_project)
    subtree = descendants(tx, record["ID"])
    if parent is not None:
        if parent["ID"] == record["ID"] or parent["ID"] in {row["ID"] for row in subtree}:
            raise illegal("A task cannot be moved under itself or one of its subtasks")
        if parent.get("projectID") != target_project:
            raise illegal("The new parent task belongs to a different project")
    changes: dict[str, Any] = {"projectID": target_project, "parentID": parent["ID"] if parent else None}
    if target_project != source_project or changes["parentID"] != record.get("parentID"):
        changes["taskNumber"] = next_task_number(tx, target_project) + 10**6
    save(tx, record, changes, env)
    if target_project != source_project:
        moved = {record["ID"], *(row["ID"] for row in subtree)}
        for row in subtree:
            save(tx, row, {"projectID": target_project}, env)
        for kind in ("ASSGN", "HOUR"):
            for row in tx.table(kind).values():
                if row.get("taskID") in moved:
                    save(tx, row, {"projectID": target_project}, env)
        for row in tx.table("PRED").values():
            if (row.get("predecessorID") in moved) != (row.get("successorID") in moved):
                tx.delete("PRED", row["ID"])
        renumber_project(tx, source_project, env)
    renumber_project(tx, target_project, env)


@action("TASK", "move")
def move(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Move the task to another project and/or under another parent (renumbers both projects)."""
    assert record is not None
    if not args.get("projectID") and not args.get("parentID"):
        raise illegal("The action move requires projectID or parentID")
    move_task(tx, record, args.get("projectID"), args.get("parentID"), env)
    return None


@action("TASK", "bulkMove")
def bulk_move(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Move several tasks (``taskIDs``) to a project and/or parent."""
    for task_id in require_arg(args, "taskIDs", "bulkMove"):
        move_task(tx, load(tx, "TASK", task_id, "Task"), args.get("projectID"), args.get("parentID"), env)
    return None


_COPY_SKIP = {"ID", "entryDate", "enteredByID", "lastUpdateDate", "lastUpdatedByID", "taskNumber", "wbs"}


def copy_task(tx: Transaction, source: Record, project_id: str, parent_id: str | None, env: ActionEnv,
              *, clear_progress: bool = True) -> Record:
    """Copy one task (not its subtasks) into ``project_id`` under ``parent_id``; return the copy."""
    values = {key: value for key, value in source.items() if key not in _COPY_SKIP}
    values.update({"projectID": project_id, "parentID": parent_id, "taskNumber": next_task_number(tx, project_id)})
    if clear_progress:
        values.update({"status": "NEW", "percentComplete": 0.0, "actualStartDate": None,
                       "actualCompletionDate": None, "statusEquatesWith": "NEW"})
        values = {key: value for key, value in values.items() if not key.startswith("_")}
    copy = create(tx, "TASK", values, env)
    for row in rows_where(tx, "ASSGN", taskID=source["ID"]):
        assignment = {key: value for key, value in row.items() if key not in _COPY_SKIP}
        assignment.update({"taskID": copy["ID"], "projectID": project_id, "status": "NEW"})
        create(tx, "ASSGN", assignment, env)
    return copy


@action("TASK", "bulkCopy")
def bulk_copy(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
              env: ActionEnv) -> list[str]:
    """Copy tasks into a project (and parent); returns the new task IDs."""
    task_ids = require_arg(args, "taskIDs", "bulkCopy")
    parent = load(tx, "TASK", args["parentID"], "Task") if args.get("parentID") else None
    project_id = args.get("projectID") or (parent.get("projectID") if parent else None)
    sources = [load(tx, "TASK", task_id, "Task") for task_id in task_ids]
    project_id = project_id or sources[0].get("projectID")
    project_id = load(tx, "PROJ", project_id, "Project")["ID"]
    ensure_project_open(tx, project_id)
    options = set(args.get("options") or [])
    new_ids = [
        copy_task(tx, source, project_id, parent["ID"] if parent else None, env,
                  clear_progress="keepProgress" not in options)["ID"]
        for source in sources
    ]
    renumber_project(tx, project_id, env)
    return new_ids


@action("OPTASK", "move")
def move_issue(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Move the issue to another project."""
    assert record is not None
    project = load(tx, "PROJ", require_arg(args, "projectID", "move"), "Project")
    ensure_project_open(tx, project["ID"])
    save(tx, record, {"projectID": project["ID"]}, env)
    for row in rows_where(tx, "ASSGN", opTaskID=record["ID"]):
        save(tx, row, {"projectID": project["ID"]}, env)
    return None


@action("OPTASK", "moveToTask")
def move_to_task(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                 env: ActionEnv) -> None:
    """Attach the issue to a task (``parentID``) of a project."""
    assert record is not None
    task = load(tx, "TASK", require_arg(args, "parentID", "moveToTask"), "Task")
    project_id = args.get("projectID") or task.get("projectID")
    if task.get("projectID") != project_id:
        raise illegal("The task belongs to a different project")
    ensure_project_open(tx, project_id)
    save(tx, record, {"projectID": project_id, "parentID": task["ID"], "sourceTaskID": task["ID"]}, env)
    return None


# -- conversions ----------------------------------------------------------------------------


@action("OPTASK", "convertToTask")
def convert_to_task(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                    env: ActionEnv) -> str:
    """Create a task from the issue and link them; returns the task ID.

    ``task`` (map) may give name, description, parentID, enteredByID…; ``options`` may hold
    ``preserveIssue`` (keep the issue open, only linked), ``preservePrimaryContact`` (the issue's
    submitter becomes the task's requester) and ``preserveUpdates`` (copy the issue's notes).
    Without ``preserveIssue`` the issue is closed and resolved by the new task.
    """
    assert record is not None
    project_id = load(tx, "PROJ", record.get("projectID"), "Project")["ID"]
    ensure_project_open(tx, project_id)
    options = set(args.get("options") or [])
    spec = dict(args.get("task") or {})
    parent_id = spec.pop("parentID", None)
    if parent_id:
        parent = load(tx, "TASK", parent_id, "Task")
        if parent.get("projectID") != project_id:
            raise illegal("The parent task belongs to a different project")
    values: dict[str, Any] = {
        "name": record.get("name"),
        "description": record.get("description"),
        "priority": record.get("priority", 0),
        "plannedStartDate": record.get("plannedStartDate"),
        "plannedCompletionDate": record.get("plannedCompletionDate"),
        "projectedStartDate": record.get("projectedStartDate") or record.get("plannedStartDate"),
        "projectedCompletionDate": record.get("projectedCompletionDate") or record.get("plannedCompletionDate"),
        "categoryID": None,
    }
    allowed = {"name", "description", "priority", "plannedStartDate", "plannedCompletionDate", "enteredByID",
               "durationMinutes", "workRequired"}
    values.update({key: value for key, value in spec.items() if key in allowed})
    if "preservePrimaryContact" in options and record.get("submittedByID"):
        values["enteredByID"] = record["submittedByID"]
    values.update({"projectID": project_id, "parentID": parent_id, "taskNumber": next_task_number(tx, project_id)})
    task = create(tx, "TASK", values, env)
    for row in rows_where(tx, "ASSGN", opTaskID=record["ID"]):
        add_assignment(tx, "TASK", task, env, user_id=row.get("assignedToID"), role_id=row.get("roleID"))
    if "preserveUpdates" in options:
        for note in rows_where(tx, "NOTE", noteObjCode="OPTASK", objID=record["ID"]):
            copied = {key: value for key, value in note.items() if key not in ("ID", "objCode")}
            copied.update({"noteObjCode": "TASK", "objID": task["ID"], "taskID": task["ID"], "opTaskID": None})
            create(tx, "NOTE", copied, env)
    link = {"resolveTaskID": task["ID"], "resolvingObjCode": "TASK", "resolvingObjID": task["ID"]}
    issue = save(tx, record, link, env)
    if "preserveIssue" not in options and not is_done(tx, "OPTASK", issue.get("status")):
        apply_status(tx, "OPTASK", issue, "CLS", env, bypass_approval=True)
    renumber_project(tx, str(project_id), env)
    return str(task["ID"])


@action(WORK, "convertToProject")
def convert_to_project(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                       env: ActionEnv) -> str:
    """Create a project from the item (``project`` map overrides name etc.); the item resolves into it."""
    assert record is not None
    spec = dict(args.get("project") or {})
    values: dict[str, Any] = {
        "name": spec.get("name") or record.get("name"),
        "description": spec.get("description") or record.get("description"),
        "ownerID": spec.get("ownerID") or env.user_id,
        "portfolioID": spec.get("portfolioID"),
        "programID": spec.get("programID"),
        "groupID": spec.get("groupID") or record.get("groupID"),
        "status": "PLN",
        "plannedStartDate": record.get("plannedStartDate") or env.now_iso,
        "plannedCompletionDate": record.get("plannedCompletionDate"),
    }
    project = create(tx, "PROJ", values, env)
    if obj.obj_code == "OPTASK":
        issue = save(tx, record, {"resolveProjectID": project["ID"], "resolvingObjCode": "PROJ",
                                  "resolvingObjID": project["ID"]}, env)
        if "preserveIssue" not in set(args.get("options") or []) and not is_done(tx, "OPTASK", issue.get("status")):
            apply_status(tx, "OPTASK", issue, "CLS", env, bypass_approval=True)
    return str(project["ID"])


@action("OPTASK", "copyIssue")
def copy_issue(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> str:
    """Copy the issue (into ``projectID`` when given) as a new, open issue; returns its ID."""
    assert record is not None
    project_id = args.get("projectID") or record.get("projectID")
    load(tx, "PROJ", project_id, "Project")
    ensure_project_open(tx, project_id)
    values = {key: value for key, value in record.items() if key not in _COPY_SKIP and not key.startswith("_")}
    values.update({"projectID": project_id, "status": "NEW", "isComplete": False, "actualCompletionDate": None,
                   "percentComplete": 0.0, "statusEquatesWith": "NEW", "previousStatus": None,
                   "resolveTaskID": None, "resolveProjectID": None, "resolvingObjCode": None,
                   "resolvingObjID": None})
    values["referenceNumber"] = 1 + max((int(row.get("referenceNumber") or 0)
                                         for row in tx.table("OPTASK").values()), default=0)
    return str(create(tx, "OPTASK", values, env)["ID"])

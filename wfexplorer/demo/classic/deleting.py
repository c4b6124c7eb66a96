"""Delete (classic-api.md §3.10): soft delete into ``_recycled:<objCode>`` with owned rows, ``force``.

What a delete takes along is decided per collection of the schema:

- **Owned rows follow their owner.** A project's tasks and issues, a task's subtasks and issues,
  comments and updates (NOTE, with their replies, likes, tags and attached documents), documents
  (with versions and approvals), assignments, access rules, predecessor links, approver
  statuses, expenses, risks, baselines, rates, membership rows (team, group and role members)…
  Without ``force`` they all move to ``_recycled:<objCode>`` (Workfront's recycle bin, which
  restores a project "with all tasks, issues, documents, hours, notes and assignments");
  with ``force=true`` they are deleted permanently.
- **Hours are kept, as Workfront's default deletion preferences do:** hours logged on a deleted
  task or issue move to its project; hours of a deleted project stay as general hours (their
  project, task and issue links are cleared).
- **Other records that merely refer to the object block the delete** ("… is referenced by other
  objects. Please use force delete."): a portfolio's or program's projects, a company's users, a
  user's assignments, hours and direct reports, a team's backlog tasks, a group's subgroups,
  issues resolved by the object (``resolvables``), tasks made from a template task (TTSK).
  A blocker that is itself deleted along (an issue of the same project) does not block.
  ``force=true`` deletes the blockers too (and whatever they own).

Deleting tasks renumbers what is left of their project. Either way it is one transaction.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.access import guard
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError, business_rule_error
from wfexplorer.demo.classic.rendering import not_found
from wfexplorer.demo.classic.schema import CollectionDef, ObjectDef, object_def
from wfexplorer.demo.classic.schema.statuses import equates_with
from wfexplorer.demo.classic.txrows import collection_rows, rows_where
from wfexplorer.demo.classic.writing.checks import require_operation, resolve_id
from wfexplorer.demo.classic.writing.defaults import PROJECT_STATUS_VIOLATION, to_stored_now
from wfexplorer.demo.store import Record, Store, Transaction

RECYCLED_PREFIX = "_recycled:"
MAX_CASCADE = 100_000

OWNED: dict[str, frozenset[str]] = {
    code: frozenset(names.split())
    for code, names in {
        "PROJ": "tasks opTasks openOpTasks documents notes updates approverStatuses baselines expenses"
        " projectUserRoles projectUsers rates risks",
        "TASK": "children opTasks documents notes updates approverStatuses expenses successors",
        "OPTASK": "documents notes updates approverStatuses",
        "DOCU": "versions approvals updates",
        "NOTE": "replies likes tags attachedDocuments",
        "ASSGN": "billingRates costRates",
        "CMPY": "rates billingRates costRates",
        "CTGY": "categoryParameters",
        "PARAM": "parameterOptions",
        "GROUP": "userGroups",
        "ROLE": "userRoles",
        "TEAMOB": "teamMembers updates",
        "USER": "documents updates teamMembers userGroups userRoles workItems",
        "PORT": "documents documentRequests",
        "PRGM": "documents",
    }.items()
}
"""Collections whose rows belong to their owner and are deleted (or recycled) with it."""

OWNED_EVERYWHERE = frozenset({"objectCategories"})
"""Collections owned by every object that has them (an object's OBJCAT rows say which forms it has)."""

KEPT_HOURS: dict[str, frozenset[str]] = {
    "PROJ": frozenset({"hours", "allHours"}),
    "TASK": frozenset({"hours"}),
    "OPTASK": frozenset({"hours"}),
}
"""Hours collections of work items: their rows stay and are re-linked (Workfront's default preferences)."""

REFERRING: dict[str, tuple[tuple[str, str], ...]] = {"TTSK": (("TASK", "templateTaskID"),)}
"""References without a collection that block a delete: objCode → (referring kind, field)."""

_WORK = frozenset({"PROJ", "TASK", "OPTASK"})
_HOUR_LINKS = {"PROJ": "projectID", "TASK": "taskID", "OPTASK": "opTaskID"}

Key = tuple[str, str]


def _dependant_collections(obj: ObjectDef) -> list[CollectionDef]:
    """Collections whose rows point at the owner's ID (ownership links, not nested private rows)."""
    return [
        collection
        for collection in obj.collections.values()
        if collection.through is None
        and not collection.nested
        and collection.link
        and all(own_field == "ID" for _, own_field in collection.link)
    ]


def _nested_collections(obj: ObjectDef) -> list[CollectionDef]:
    return [collection for collection in obj.collections.values() if collection.nested and collection.through is None]


class _Plan:
    """What deleting one record takes along (``doomed``, in discovery order) and what blocks it."""

    def __init__(self) -> None:
        self.doomed: dict[Key, tuple[str, Record]] = {}
        self.blockers: dict[Key, tuple[str, Record]] = {}

    def blocking(self) -> list[tuple[str, Record]]:
        return [item for key, item in self.blockers.items() if key not in self.doomed]


def plan_delete(tx: Transaction, store: Store, obj: ObjectDef, record: Record, *, force: bool) -> _Plan:
    """Return the rows deleting ``record`` removes and the records that block it without ``force``."""
    plan = _Plan()
    pending: list[tuple[ObjectDef, Record]] = [(obj, record)]
    while pending:
        current_obj, current = pending.pop()
        code = current_obj.obj_code
        key = (code, str(current["ID"]))
        if key in plan.doomed:
            continue
        plan.doomed[key] = (code, current)
        if len(plan.doomed) > MAX_CASCADE:
            raise ClassicError("Too many dependent objects to delete in one request")
        owned = OWNED.get(code, frozenset()) | OWNED_EVERYWHERE
        kept = KEPT_HOURS.get(code, frozenset())
        for collection in _nested_collections(current_obj):
            _follow(tx, store, collection, current, pending)
        for collection in _dependant_collections(current_obj):
            if collection.name in kept:
                continue
            if collection.name in owned or force:
                _follow(tx, store, collection, current, pending)
                continue
            for row in collection_rows(tx, store, collection, current):
                if row["ID"] != current["ID"]:
                    plan.blockers[(collection.target, str(row["ID"]))] = (collection.target, row)
        for kind, field in REFERRING.get(code, ()):
            for row in rows_where(tx, store, kind, {field: current["ID"]}):
                target = object_def(kind)
                if force and target is not None:
                    pending.append((target, row))
                else:
                    plan.blockers[(kind, str(row["ID"]))] = (kind, row)
    return plan


def _follow(
    tx: Transaction, store: Store, collection: CollectionDef, owner: Record, pending: list[tuple[ObjectDef, Record]]
) -> None:
    target = object_def(collection.target)
    if target is None:
        return
    for row in collection_rows(tx, store, collection, owner):
        if row["ID"] != owner["ID"]:
            pending.append((target, row))


def dependants(tx: Transaction, store: Store, obj: ObjectDef, record: Record) -> list[tuple[str, Record]]:
    """Return ``(objCode, row)`` of every record that keeps ``record`` from being deleted without force."""
    return plan_delete(tx, store, obj, record, force=False).blocking()


def _check_business_rules(tx: Transaction, obj: ObjectDef, record: Record) -> None:
    if obj.obj_code == "TASK" and record.get("projectID"):
        project = tx.get("PROJ", str(record["projectID"]))
        if project is not None and equates_with(tx, "PROJ", project.get("status")) == "CPL":
            raise business_rule_error(
                PROJECT_STATUS_VIOLATION, "Unable to complete operation for a project of status Complete"
            )


def delete(call: ClassicCall, obj: ObjectDef, object_id: str) -> Any:
    """``DELETE /{obj}/{ID}[?force=true]`` → ``{"success": true}``."""
    require_operation(obj, "delete")
    object_id = resolve_id(call, obj, object_id)
    force = call.params.flag("force")
    if obj.obj_code == "USER" and object_id == call.user_id:
        raise ClassicError("You cannot delete the user you are signed in as", kind=UNPROCESSABLE)
    with call.write() as tx:
        record = tx.get(obj.obj_code, object_id)
        if record is None:
            raise not_found(obj, object_id)
        guard.require_delete(call, obj, record)
        _check_business_rules(tx, obj, record)
        store = call.context.store
        plan = plan_delete(tx, store, obj, record, force=force)
        if not force and plan.blocking():
            raise ClassicError(
                f"{obj.label} {record.get('name') or object_id} is referenced by other objects. "
                "Please use force delete.",
                kind=UNPROCESSABLE,
            )
        _relink_hours(tx, store, plan, call)
        projects = {
            str(row["projectID"]) for code, row in plan.doomed.values() if code == "TASK" and row.get("projectID")
        }
        for code, row in plan.doomed.values():
            if not force:
                tx.put(RECYCLED_PREFIX + code, row)
            tx.delete(code, str(row["ID"]))
        _renumber(tx, call, {project for project in projects if ("PROJ", project) not in plan.doomed})
    return {"success": True}


def _relink_hours(tx: Transaction, store: Store, plan: _Plan, call: ClassicCall) -> None:
    """Keep the hours of deleted work: on the project when it stays, otherwise as general hours.

    Every link of an hour (``projectID``, ``taskID``, ``opTaskID``) to a deleted record is cleared.
    """
    changed: dict[str, Record] = {}
    for code, row in plan.doomed.values():
        link = _HOUR_LINKS.get(code)
        if link is None:
            continue
        for hour in rows_where(tx, store, "HOUR", {link: row["ID"]}):
            if ("HOUR", str(hour["ID"])) in plan.doomed:
                continue
            updated = changed.setdefault(str(hour["ID"]), dict(hour))
            for kind, field in _HOUR_LINKS.items():
                value = updated.get(field)
                if value and (kind, str(value)) in plan.doomed:
                    updated[field] = None
    if not changed:
        return
    now = to_stored_now(call)
    for hour in changed.values():
        if "lastUpdateDate" in hour:
            hour["lastUpdateDate"] = now
        tx.put("HOUR", hour)


def _renumber(tx: Transaction, call: ClassicCall, project_ids: set[str]) -> None:
    """Renumber the tasks left in projects that lost some (taskNumber, wbs, numberOfChildren)."""
    if not project_ids:
        return
    from wfexplorer.demo.classic.actions.base import ActionEnv
    from wfexplorer.demo.classic.actions.rules import renumber_project

    env = ActionEnv.from_context(call.context, call.user_id)
    for project_id in sorted(project_ids):
        renumber_project(tx, project_id, env)

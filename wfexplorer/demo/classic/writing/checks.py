"""Checks a write must pass: allowed operation, ``$$USER`` IDs, required fields, no parent or predecessor loops."""

from __future__ import annotations

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record, Transaction


def require_operation(obj: ObjectDef, operation: str) -> None:
    """Refuse an operation the object's metadata does not list."""
    if not obj.has_operation(operation):
        raise ClassicError(
            f"Operation '{operation}' is not supported on {obj.name}",
            error_class="java.lang.UnsupportedOperationException",
        )


def resolve_id(call: ClassicCall, obj: ObjectDef, object_id: str) -> str:
    """Turn ``$$USER`` (for USER) into the caller's ID; other IDs pass unchanged."""
    if object_id.upper() == "$$USER":
        if obj.obj_code != "USER" or call.user_id is None:
            raise ClassicError(f"$$USER is not a valid ID for {obj.name}")
        return call.user_id
    return object_id


def require_fields(obj: ObjectDef, record: Record) -> None:
    """Refuse a record (new or edited) that lacks one of its object's required fields."""
    missing = [name for name in obj.required_fields if record.get(name) in (None, "")]
    if missing:
        raise ClassicError(f"Missing required field(s) for {obj.name}: {', '.join(missing)}", kind=UNPROCESSABLE)


def refuse_parent_loop(tx: Transaction, obj: ObjectDef, before: Record, record: Record) -> None:
    """Refuse an edit that makes a record its own ancestor (task parentID, group parentID, note thread...).

    Walking such a loop never ends, so move, delete and renumbering would hang with the write lock held.
    """
    for reference in obj.references.values():
        field = reference.id_field
        if reference.target != obj.obj_code or reference.target_code_field or not field.startswith("parent"):
            continue
        ancestor = record.get(field)
        if not ancestor or ancestor == before.get(field):
            continue
        seen: set[str] = set()
        while ancestor and ancestor not in seen:
            if ancestor == record["ID"]:
                raise ClassicError(f"{field} would make a cycle: {obj.name} {record['ID']} cannot be below itself")
            seen.add(ancestor)
            parent = tx.get(obj.obj_code, str(ancestor))
            ancestor = parent.get(field) if parent else None


def refuse_foreign_parent_task(tx: Transaction, obj: ObjectDef, before: Record, record: Record) -> None:
    """Refuse a task whose parent is in another project (the move action refuses it the same way)."""
    if obj.obj_code != "TASK" or not record.get("parentID"):
        return
    if all(record.get(name) == before.get(name) for name in ("parentID", "projectID")):
        return
    parent = tx.get("TASK", str(record["parentID"]))
    if parent is not None and parent.get("projectID") != record.get("projectID"):
        raise ClassicError("The new parent task belongs to a different project")


def refuse_predecessor_loop(tx: Transaction, task_id: str) -> None:
    """Refuse predecessors that lead back to ``task_id`` (a task waiting, in the end, for itself)."""
    predecessors: dict[str, list[str]] = {}
    for row in tx.table("PRED").values():
        predecessors.setdefault(str(row.get("successorID")), []).append(str(row.get("predecessorID")))
    stack, seen = list(predecessors.get(task_id, [])), set()
    while stack:
        current = stack.pop()
        if current == task_id:
            raise ClassicError(f"predecessors would make a cycle: task {task_id} would depend on itself")
        if current not in seen:
            seen.add(current)
            stack.extend(predecessors.get(current, []))

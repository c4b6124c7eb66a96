"""Delete (classic-api.md §3.10): soft delete into ``_recycled:<objCode>``, dependants, ``force``.

Without ``force``, an object that other records depend on (a project's tasks, a task's child
tasks, hours…) is not deleted: Workfront answers "…referenced by other objects. Please use force
delete.". An object without dependants moves, with its private nested rows (assignments, access
rules), to kind ``_recycled:<objCode>`` so ordinary reads never see it. ``force=true`` deletes
the object and everything that depends on it permanently. Either way it is one transaction.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import reads
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError, business_rule_error
from wfexplorer.demo.classic.schema import CollectionDef, ObjectDef, object_def
from wfexplorer.demo.classic.schema.statuses import equates_with
from wfexplorer.demo.classic.txrows import collection_rows
from wfexplorer.demo.classic.writes import PROJECT_STATUS_VIOLATION, require_operation, resolve_id
from wfexplorer.demo.store import Record, Store, Transaction

RECYCLED_PREFIX = "_recycled:"
MAX_CASCADE = 100_000


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


def dependants(tx: Transaction, store: Store, obj: ObjectDef, record: Record) -> list[tuple[str, Record]]:
    """Return ``(objCode, row)`` of every record that depends on ``record`` (no duplicates)."""
    found: dict[tuple[str, str], Record] = {}
    for collection in _dependant_collections(obj):
        for row in collection_rows(tx, store, collection, record):
            if row["ID"] != record["ID"]:
                found[(collection.target, row["ID"])] = row
    return [(code, row) for (code, _), row in found.items()]


def _nested_rows(tx: Transaction, store: Store, obj: ObjectDef, record: Record) -> list[tuple[str, Record]]:
    return [
        (collection.target, row)
        for collection in _nested_collections(obj)
        for row in collection_rows(tx, store, collection, record)
    ]


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
            raise reads.not_found(obj, object_id)
        _check_business_rules(tx, obj, record)
        store = call.context.store
        if force:
            _cascade(tx, store, obj, record)
        else:
            if dependants(tx, store, obj, record):
                raise ClassicError(
                    f"{obj.label} {record.get('name') or object_id} is referenced by other objects. "
                    "Please use force delete.",
                    kind=UNPROCESSABLE,
                )
            for code, row in [*_nested_rows(tx, store, obj, record), (obj.obj_code, record)]:
                tx.put(RECYCLED_PREFIX + code, row)
                tx.delete(code, row["ID"])
    return {"success": True}


def _cascade(tx: Transaction, store: Store, obj: ObjectDef, record: Record) -> None:
    """Delete ``record``, its nested rows and (recursively) its dependants, permanently."""
    pending: list[tuple[ObjectDef, Record]] = [(obj, record)]
    seen: set[tuple[str, str]] = set()
    while pending:
        current_obj, current = pending.pop()
        key = (current_obj.obj_code, current["ID"])
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > MAX_CASCADE:
            raise ClassicError("Too many dependent objects to delete in one request")
        for code, row in _nested_rows(tx, store, current_obj, current):
            tx.delete(code, row["ID"])
        for code, row in dependants(tx, store, current_obj, current):
            target = object_def(code)
            if target is not None:
                pending.append((target, row))
        tx.delete(current_obj.obj_code, current["ID"])

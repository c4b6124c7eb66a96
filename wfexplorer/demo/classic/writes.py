"""Create, edit, bulk create/edit and copy (classic-api.md §3.7, §3.8, §3.11).

Every write runs in one store transaction (the call's, so ``/batch`` and ``atomic`` can share
it): any failure leaves the database exactly as it was. Edits are sparse for scalars; nested
private collections (``assignments``, ``accessRules``…) are replaced whole; editing an ID that
does not exist fails and never inserts.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import customforms, reads
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.dates import to_stored
from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError, business_rule_error
from wfexplorer.demo.classic.schema import CollectionDef, ObjectDef, object_def
from wfexplorer.demo.classic.schema.statuses import equates_with, validate_status
from wfexplorer.demo.classic.txrows import collection_rows, rows_where
from wfexplorer.demo.classic.values import (
    MAX_BULK,
    check_enum,
    coerce,
    parse_json,
    unknown_field,
    updates_param,
    write_values,
)
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.store import Record, Store, Transaction

PROJECT_STATUS_VIOLATION = "com.attask.common.ProjectStatusViolationException"
_IDENTITY_KEYS = frozenset({"ID", "objCode"})


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


# -- applying values ----------------------------------------------------------------------


class _Writer:
    """Applies one object's input values to a record inside a transaction."""

    def __init__(self, call: ClassicCall, tx: Transaction) -> None:
        self.call = call
        self.tx = tx
        self.now = to_stored_now(call)

    def apply(
        self, obj: ObjectDef, record: Record, values: dict[str, Any], from_text: bool
    ) -> list[tuple[CollectionDef, Any]]:
        """Set scalar values on ``record``; return nested collection writes to do once it has an ID."""
        nested: list[tuple[CollectionDef, Any]] = []
        for name, value in values.items():
            if name in _IDENTITY_KEYS:
                continue
            if name.startswith("DE:"):
                self._set_custom(obj, record, name, value, from_text)
                continue
            if name == "parameterValues" and obj.data_extendible:
                mapping = parse_json(value, name) if from_text and isinstance(value, str) else value
                if not isinstance(mapping, dict):
                    raise ClassicError("'parameterValues' must be a JSON object")
                for key, item in mapping.items():
                    if not str(key).startswith("DE:"):
                        raise unknown_field(self.call, obj, str(key))
                    self._set_custom(obj, record, str(key), item, False)
                continue
            field = obj.field(name)
            if field is not None:
                if field.read_only:
                    continue
                stored = coerce(self.call, obj, field, value, from_text)
                if "WRITE_ONLY" in field.flags:
                    # never stored under its API name, so no read can return it
                    if obj.obj_code == "USER" and name == "password" and stored:
                        record["_password"] = stored
                    continue
                if name == "status" and stored is not None and obj.obj_code in ("PROJ", "TASK", "OPTASK"):
                    stored = validate_status(self.tx, obj.obj_code, stored)
                check_enum(obj, field, stored)
                self._check_reference(obj, name, stored)
                record[name] = stored
                continue
            collection = obj.collections.get(name)
            if collection is not None and (collection.nested or collection.writable):
                items = parse_json(value, name) if from_text and isinstance(value, str) else value
                nested.append((collection, items))
                continue
            raise unknown_field(self.call, obj, name)
        return nested

    def _set_custom(self, obj: ObjectDef, record: Record, name: str, value: Any, from_text: bool) -> None:
        if not obj.data_extendible:
            raise unknown_field(self.call, obj, name)
        custom = customforms.require(self.tx, obj.obj_code, name)
        if isinstance(value, str) and "\x00" in value:
            raise ClassicError("Invalid character (NUL) in a field value")
        stored = custom.coerce(value)
        if stored is None:
            record.pop(name, None)
        else:
            record[name] = stored

    def _check_reference(self, obj: ObjectDef, name: str, value: Any) -> None:
        if not value:
            return
        for reference in obj.references.values():
            if reference.id_field != name or reference.target_code_field is not None or reference.when:
                continue
            known = self.call.context.store.table(reference.target)
            if known and self.tx.get(reference.target, str(value)) is None:
                raise ClassicError(
                    f"{reference.label} with ID {value} does not exist ({obj.name}.{name})", kind=UNPROCESSABLE
                )
            return

    def replace_nested(self, obj: ObjectDef, owner: Record, collection: CollectionDef, items: Any) -> None:
        """Replace the rows of a nested collection of ``owner`` with ``items`` (new rows, new IDs)."""
        if items is None:
            items = []
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ClassicError(f"'{collection.name}' must be an array of objects")
        target = object_def(collection.target)
        if target is None:
            raise ClassicError(f"'{collection.name}' cannot be written")
        for row in collection_rows(self.tx, self.call.context.store, collection, owner):
            self.tx.delete(collection.target, row["ID"])
        for item in items:
            row: Record = {"ID": new_id(self.call.context.clock()), "objCode": target.obj_code}
            nested = self.apply(target, row, item, from_text=False)
            if nested:
                raise ClassicError(f"'{collection.name}' rows cannot carry nested collections")
            row.update(collection.link_values(owner))
            _fill_nested_row(self.tx, target, owner, row)
            self.tx.put(target.obj_code, row)
        if target.obj_code == "PRED":
            _refuse_predecessor_loop(self.tx, owner["ID"])
        if collection.name == "assignments" and "assignedToID" in obj.fields:
            first = next((item.get("assignedToID") for item in items if item.get("assignedToID")), None)
            owner["assignedToID"] = first


def to_stored_now(call: ClassicCall) -> str:
    """Return the simulator's current time in the stored UTC form."""
    from datetime import UTC, datetime

    return to_stored(datetime.fromtimestamp(call.context.clock(), UTC))


def _fill_nested_row(tx: Transaction, target: ObjectDef, owner: Record, row: Record) -> None:
    """Fill what Workfront derives for a nested row (an assignment's project and default role)."""
    if target.obj_code != "ASSGN":
        return
    if owner.get("projectID") and "projectID" in target.fields:
        row.setdefault("projectID", owner["projectID"])
    user_id = row.get("assignedToID")
    if user_id and not row.get("roleID"):
        user = tx.get("USER", str(user_id))
        if user is not None and user.get("roleID"):
            row["roleID"] = user["roleID"]
    row.setdefault("assignedByID", owner.get("lastUpdatedByID"))


# -- status changes -----------------------------------------------------------------------

_WORK_CODES = frozenset({"PROJ", "TASK", "OPTASK"})
_IMPLIED_FIELDS = ("percentComplete", "actualStartDate", "actualCompletionDate")
"""Fields a status change implies that a client may still set itself in the same write."""


def _take_status_change(obj: ObjectDef, before: Any, record: Record) -> str | None:
    """Take a new work-item status the client wrote back out of ``record`` (restoring ``before``).

    Returns the new (validated) status, or ``None`` when the write does not change the status,
    so the change can go through the status rules once the rest of the write is stored.
    """
    if obj.obj_code not in _WORK_CODES:
        return None
    wanted = record.get("status")
    if wanted is None or wanted == before:
        return None
    record["status"] = before
    return str(wanted)


def _apply_status_change(
    writer: _Writer, obj: ObjectDef, record: Record, status: str, values: dict[str, Any]
) -> Record:
    """Change ``record``'s status as markDone and the other status actions do (rules.apply_status).

    The knock-on changes follow: approval (``CPL:A`` while an approval process is pending),
    percentComplete, actual dates, ``isComplete``, ``statusEquatesWith`` and assignment states.
    Work in a Complete or Dead project cannot change status. Implied fields the client sent in the
    same write (``actualCompletionDate``…) keep the client's values.
    """
    from wfexplorer.demo.classic.actions.base import ActionEnv
    from wfexplorer.demo.classic.actions.rules import apply_status, ensure_project_open

    call, tx = writer.call, writer.tx
    code = obj.obj_code
    if code != "PROJ":
        ensure_project_open(tx, record.get("projectID"))
    sent = {name: record.get(name) for name in _IMPLIED_FIELDS if name in values}
    updated = apply_status(tx, code, record, status, ActionEnv.from_context(call.context, call.user_id))
    if any(updated.get(name) != value for name, value in sent.items()):
        updated = dict(updated)
        updated.update(sent)
        tx.put(code, updated)
    return updated


# -- create -------------------------------------------------------------------------------


def _new_record(writer: _Writer, obj: ObjectDef, values: dict[str, Any], from_text: bool) -> Record:
    call, tx = writer.call, writer.tx
    record: Record = {"ID": new_id(call.context.clock()), "objCode": obj.obj_code}
    record.update(obj.create_defaults())
    nested = writer.apply(obj, record, values, from_text)
    status = _take_status_change(obj, obj.create_defaults().get("status"), record)
    _require_fields(obj, record)
    _refuse_foreign_parent_task(tx, obj, {}, record)
    _stamp(obj, record, call, writer.now, creating=True)
    _work_defaults(tx, call.context.store, obj, record, writer.now)
    _derived_links(tx, obj, record, call.user_id)
    for collection, items in nested:
        writer.replace_nested(obj, record, collection, items)
    tx.put(obj.obj_code, record)
    if status is not None:
        record = _apply_status_change(writer, obj, record, status, values)
    return record


def _require_fields(obj: ObjectDef, record: Record) -> None:
    """Refuse a record (new or edited) that lacks one of its object's required fields."""
    missing = [name for name in obj.required_fields if record.get(name) in (None, "")]
    if missing:
        raise ClassicError(f"Missing required field(s) for {obj.name}: {', '.join(missing)}", kind=UNPROCESSABLE)


def _refuse_parent_loop(tx: Transaction, obj: ObjectDef, before: Record, record: Record) -> None:
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
                raise ClassicError(
                    f"{field} would make a cycle: {obj.name} {record['ID']} cannot be below itself"
                )
            seen.add(ancestor)
            parent = tx.get(obj.obj_code, str(ancestor))
            ancestor = parent.get(field) if parent else None


def _refuse_foreign_parent_task(tx: Transaction, obj: ObjectDef, before: Record, record: Record) -> None:
    """Refuse a task whose parent is in another project (the move action refuses it the same way)."""
    if obj.obj_code != "TASK" or not record.get("parentID"):
        return
    if all(record.get(name) == before.get(name) for name in ("parentID", "projectID")):
        return
    parent = tx.get("TASK", str(record["parentID"]))
    if parent is not None and parent.get("projectID") != record.get("projectID"):
        raise ClassicError("The new parent task belongs to a different project")


def _refuse_predecessor_loop(tx: Transaction, task_id: str) -> None:
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


def _stamp(obj: ObjectDef, record: Record, call: ClassicCall, now: str, *, creating: bool) -> None:
    if creating:
        for name, value in (("entryDate", now), ("enteredByID", call.user_id)):
            if name in obj.fields and record.get(name) is None:
                record[name] = value
    for name, value in (("lastUpdateDate", now), ("lastUpdatedByID", call.user_id)):
        if name in obj.fields:
            record[name] = value


def _work_defaults(tx: Transaction, store: Store, obj: ObjectDef, record: Record, now: str) -> None:
    """Defaults of new work items (item 44) and the complete-project rule (item 40)."""
    code = obj.obj_code
    if code not in ("PROJ", "TASK", "OPTASK"):
        return
    for name in ("plannedStartDate", "projectedStartDate", "plannedCompletionDate", "projectedCompletionDate"):
        if name in obj.fields and record.get(name) is None:
            start = record.get("plannedStartDate") or now
            record[name] = start
    if code in ("TASK", "OPTASK") and record.get("projectID"):
        project = tx.get("PROJ", str(record["projectID"]))
        if project is None:
            raise ClassicError(f"Project with ID {record['projectID']} does not exist", kind=UNPROCESSABLE)
        if equates_with(tx, "PROJ", project.get("status")) == "CPL":
            raise business_rule_error(
                PROJECT_STATUS_VIOLATION, "Unable to complete operation for a project of status Complete"
            )
    if code == "TASK":
        siblings = rows_where(tx, store, "TASK", {"projectID": record["projectID"]})
        record.setdefault("taskNumber", max((int(row.get("taskNumber") or 0) for row in siblings), default=0) + 1)
        parent_id = record.get("parentID")
        peers = [row for row in siblings if row.get("parentID") == parent_id]
        position = len(peers) + 1
        if parent_id:
            parent = tx.get("TASK", str(parent_id))
            prefix = str(parent.get("wbs") or "") if parent else ""
            record.setdefault("wbs", f"{prefix}.{position}" if prefix else str(position))
        else:
            record.setdefault("wbs", str(position))


_WORK_LINKS = {"PROJ": "projectID", "TASK": "taskID", "OPTASK": "opTaskID"}


def _derived_links(tx: Transaction, obj: ObjectDef, record: Record, user_id: str | None) -> None:
    """Fill what Workfront derives for a new hour or note: its owner and its project/task/issue links.

    An hour logged on a task or issue belongs to that item's project; a note on a project, task or
    issue carries the links its ``noteObjCode``/``objID`` imply (as ``addComment`` writes them), and
    a reply joins its parent's thread. Values the client gave are kept.
    """
    code = obj.obj_code
    if code not in ("HOUR", "NOTE"):
        return
    if user_id and not record.get("ownerID"):
        record["ownerID"] = user_id
    if code == "HOUR":
        for kind, field in (("TASK", "taskID"), ("OPTASK", "opTaskID")):
            item = tx.get(kind, str(record[field])) if record.get(field) else None
            if item is not None and not record.get("projectID"):
                record["projectID"] = item.get("projectID")
        return
    if user_id and not record.get("userID"):
        record["userID"] = user_id
    target_code, target_id = record.get("noteObjCode"), record.get("objID")
    target = tx.get(str(target_code), str(target_id)) if target_code in _WORK_LINKS and target_id else None
    if target is not None:
        _fill(record, _WORK_LINKS[str(target_code)], target["ID"])
        if not record.get("projectID"):
            record["projectID"] = target["ID"] if target_code == "PROJ" else target.get("projectID")
    parent = tx.get("NOTE", str(record["parentNoteID"])) if record.get("parentNoteID") else None
    if parent is not None:
        record["isReply"] = True
        _fill(record, "threadID", parent.get("threadID") or parent["ID"])
        _fill(record, "topNoteObjCode", parent.get("topNoteObjCode") or parent.get("noteObjCode"))
        _fill(record, "topObjID", parent.get("topObjID") or parent.get("objID"))
    else:
        _fill(record, "threadID", record["ID"])
        _fill(record, "topNoteObjCode", target_code)
        _fill(record, "topObjID", target_id)


def _fill(record: Record, name: str, value: Any) -> None:
    """Set ``name`` unless the record already has a value for it."""
    if record.get(name) in (None, "") and value is not None:
        record[name] = value


def create_record(
    call: ClassicCall, tx: Transaction, obj: ObjectDef, values: dict[str, Any], from_text: bool
) -> Record:
    """Create one record from client values inside ``tx`` (validation, defaults, nested rows)."""
    return _new_record(_Writer(call, tx), obj, values, from_text)


def create(call: ClassicCall, obj: ObjectDef) -> Any:
    """``POST /{obj}``: one object from plain params or ``updates``; an ``updates`` array is a bulk create."""
    require_operation(obj, "add")
    values, from_json = write_values(call)
    if isinstance(values, list):
        return _bulk(call, obj, values, editing=False)
    with call.write() as tx:
        record = _new_record(_Writer(call, tx), obj, values, not from_json)
    return reads.render_one(call, obj, record)


def _bulk(call: ClassicCall, obj: ObjectDef, items: list[dict[str, Any]], *, editing: bool) -> Any:
    if len(items) > MAX_BULK:
        raise ClassicError(f"Too many objects in one request: {len(items)} (the maximum is {MAX_BULK})")
    with call.write() as tx:
        writer = _Writer(call, tx)
        records = [
            _edit_record(writer, obj, _item_id(item), item, False) if editing else _new_record(writer, obj, item, False)
            for item in items
        ]
    if call.params.flag("atomic"):
        return {"success": True}
    return reads.render_many(call, obj, records)


def _item_id(item: dict[str, Any]) -> str:
    object_id = item.get("ID")
    if not isinstance(object_id, str) or not object_id:
        raise ClassicError("Every object of a bulk edit needs its 'ID'")
    return object_id


# -- edit ---------------------------------------------------------------------------------


def _edit_record(writer: _Writer, obj: ObjectDef, object_id: str, values: dict[str, Any], from_text: bool) -> Record:
    tx = writer.tx
    object_id = resolve_id(writer.call, obj, object_id)
    current = tx.get(obj.obj_code, object_id)
    if current is None:
        raise reads.not_found(obj, object_id)
    record = dict(current)
    nested = writer.apply(obj, record, values, from_text)
    status = _take_status_change(obj, current.get("status"), record)
    _require_fields(obj, record)
    _refuse_parent_loop(tx, obj, current, record)
    _refuse_foreign_parent_task(tx, obj, current, record)
    _stamp(obj, record, writer.call, writer.now, creating=False)
    for collection, items in nested:
        writer.replace_nested(obj, record, collection, items)
    tx.put(obj.obj_code, record)
    if status is not None:
        record = _apply_status_change(writer, obj, record, status, values)
    return record


def edit(call: ClassicCall, obj: ObjectDef, object_id: str) -> Any:
    """``PUT /{obj}/{ID}``: sparse scalar update; returns the object like a GET."""
    require_operation(obj, "edit")
    values, from_json = write_values(call)
    if isinstance(values, list):
        raise ClassicError("A single edit takes an 'updates' object, not an array")
    with call.write() as tx:
        record = _edit_record(_Writer(call, tx), obj, object_id, values, not from_json)
    return reads.render_one(call, obj, record)


def edit_many_ids(call: ClassicCall, obj: ObjectDef, ids: list[str]) -> Any:
    """``PUT /{obj}?id=a,b``: the same values on several objects; returns an array."""
    require_operation(obj, "edit")
    if len(ids) > MAX_BULK:
        raise ClassicError(f"Too many objects in one request: {len(ids)} (the maximum is {MAX_BULK})")
    values, from_json = write_values(call)
    if isinstance(values, list):
        raise ClassicError("Use either ?id= or an 'updates' array, not both")
    with call.write() as tx:
        writer = _Writer(call, tx)
        records = [_edit_record(writer, obj, one, values, not from_json) for one in ids]
    return reads.render_many(call, obj, records)


def bulk_edit(call: ClassicCall, obj: ObjectDef) -> Any:
    """``PUT /{obj}?updates=[{ID,...},...]``: a bulk edit (≤ 100; ``atomic=true`` → ``{success}``)."""
    require_operation(obj, "edit")
    updates = updates_param(call)
    if isinstance(updates, list):
        return _bulk(call, obj, updates, editing=True)
    if isinstance(updates, dict) and updates.get("ID"):
        return edit(call, obj, str(updates["ID"]))
    raise ClassicError(f"Missing ID for edit of {obj.name}")


# -- copy ---------------------------------------------------------------------------------


def copy(call: ClassicCall, obj: ObjectDef) -> Any:
    """``POST /{obj}?copySourceID=ID[&updates][&options]``: a copy with a new ID."""
    require_operation(obj, "copy")
    source_id = str(call.params.get("copySourceID"))
    updates, from_json = write_values(call)
    if isinstance(updates, list):
        raise ClassicError("A copy takes an 'updates' object, not an array")
    options_text = call.params.get("options")
    options = parse_json(options_text, "options") if options_text else []
    if not isinstance(options, list):
        raise ClassicError("'options' must be a JSON array")
    with call.write() as tx:
        writer = _Writer(call, tx)
        source = tx.get(obj.obj_code, source_id)
        if source is None:
            raise reads.not_found(obj, source_id)
        record = {key: value for key, value in source.items() if key not in ("taskNumber", "wbs")}
        record["ID"] = new_id(call.context.clock())
        if "clearProgress" in options:
            _clear_progress(obj, record)
        nested = writer.apply(obj, record, updates, not from_json)
        for name in ("entryDate", "enteredByID"):
            record.pop(name, None)
        _stamp(obj, record, call, writer.now, creating=True)
        if obj.obj_code == "TASK":
            _work_defaults(tx, call.context.store, obj, record, writer.now)
        for collection, items in nested:
            writer.replace_nested(obj, record, collection, items)
        _copy_nested(writer, obj, source, record, skip={collection.name for collection, _ in nested})
        tx.put(obj.obj_code, record)
        if obj.obj_code == "PROJ":
            _copy_project_tasks(writer, source, record, options)
    return reads.render_one(call, obj, record)


def _clear_progress(obj: ObjectDef, record: Record) -> None:
    defaults = obj.create_defaults()
    for name in ("status", "percentComplete", "progressStatus"):
        if name in defaults:
            record[name] = defaults[name]
    for name in ("actualStartDate", "actualCompletionDate"):
        record.pop(name, None)


def _copy_nested(writer: _Writer, obj: ObjectDef, source: Record, copy_record: Record, skip: set[str]) -> None:
    """Give the copy its own rows of the source's nested collections (assignments, access rules…)."""
    tx = writer.tx
    for collection in obj.collections.values():
        if not collection.nested or collection.name in skip or collection.through is not None:
            continue
        for row in collection_rows(tx, writer.call.context.store, collection, source):
            clone = dict(row)
            clone["ID"] = new_id(writer.call.context.clock())
            clone.update(collection.link_values(copy_record))
            tx.put(collection.target, clone)


def _copy_project_tasks(writer: _Writer, source: Record, project: Record, options: list[Any]) -> None:
    tx = writer.tx
    task_def = object_def("TASK")
    assert task_def is not None
    tasks = rows_where(tx, writer.call.context.store, "TASK", {"projectID": source["ID"]})
    new_ids = {row["ID"]: new_id(writer.call.context.clock()) for row in tasks}
    for row in tasks:
        clone = dict(row)
        clone["ID"] = new_ids[row["ID"]]
        clone["projectID"] = project["ID"]
        if row.get("parentID") in new_ids:
            clone["parentID"] = new_ids[row["parentID"]]
        if "clearProgress" in options:
            _clear_progress(task_def, clone)
        _copy_nested(writer, task_def, row, clone, skip={"predecessors"})
        tx.put("TASK", clone)

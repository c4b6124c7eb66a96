"""Create, edit and bulk create/edit (classic-api.md §3.7, §3.8): the HTTP-facing entry points.

Every write runs in one store transaction (the call's, so ``/batch`` and ``atomic`` can share
it): any failure leaves the database exactly as it was. Edits are sparse for scalars; nested
private collections (``assignments``, ``accessRules``…) are replaced whole; editing an ID that
does not exist fails and never inserts. The work is done by the other modules of this package
(applying values, checks, defaults, status changes); copies are :mod:`.copying`.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.access import guard
from wfexplorer.demo.classic.actions.base import ActionEnv
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.rendering import not_found, render_many, render_one
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.classic.templates import add_template_tasks, fill_project_settings, template_of
from wfexplorer.demo.classic.values import MAX_BULK, updates_param, write_values
from wfexplorer.demo.classic.writing.checks import (
    refuse_foreign_parent_task,
    refuse_parent_loop,
    require_fields,
    require_operation,
    resolve_id,
)
from wfexplorer.demo.classic.writing.defaults import (
    derived_links,
    stamp,
    work_defaults,
)
from wfexplorer.demo.classic.writing.outline import renumber_if_moved
from wfexplorer.demo.classic.writing.status import apply_status_change, take_status_change
from wfexplorer.demo.classic.writing.writer import Writer
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.store import Record, Transaction


def new_record(writer: Writer, obj: ObjectDef, values: dict[str, Any], from_text: bool) -> Record:
    call, tx = writer.call, writer.tx
    record: Record = {"ID": new_id(call.context.clock()), "objCode": obj.obj_code}
    record.update(obj.create_defaults())
    nested = writer.apply(obj, record, values, from_text)
    template = template_of(tx, obj, record)
    if template is not None:
        fill_project_settings(record, template, values)
    status = take_status_change(obj, obj.create_defaults().get("status"), record)
    require_fields(obj, record)
    refuse_foreign_parent_task(tx, obj, {}, record)
    stamp(obj, record, call, writer.now, creating=True)
    work_defaults(tx, call.context.store, obj, record, writer.now)
    derived_links(tx, obj, record, call.user_id)
    guard.require_create(call, obj, record)
    for collection, items in nested:
        writer.replace_nested(obj, record, collection, items)
    tx.put(obj.obj_code, record)
    if template is not None:  # Workfront builds the project from its template
        add_template_tasks(tx, record, template, ActionEnv.from_context(call.context, call.user_id))
    if status is not None:
        record = apply_status_change(writer, obj, record, status, values)
    return record


def edit_record(writer: Writer, obj: ObjectDef, object_id: str, values: dict[str, Any], from_text: bool) -> Record:
    tx = writer.tx
    object_id = resolve_id(writer.call, obj, object_id)
    current = tx.get(obj.obj_code, object_id)
    if current is None:
        raise not_found(obj, object_id)
    guard.require_edit(writer.call, obj, current, values)
    record = dict(current)
    nested = writer.apply(obj, record, values, from_text)
    status = take_status_change(obj, current.get("status"), record)
    require_fields(obj, record)
    refuse_parent_loop(tx, obj, current, record)
    refuse_foreign_parent_task(tx, obj, current, record)
    stamp(obj, record, writer.call, writer.now, creating=False)
    for collection, items in nested:
        writer.replace_nested(obj, record, collection, items)
    tx.put(obj.obj_code, record)
    record = renumber_if_moved(writer.call, tx, obj, current, record)
    if status is not None:
        record = apply_status_change(writer, obj, record, status, values)
    return record


def create_record(
    call: ClassicCall, tx: Transaction, obj: ObjectDef, values: dict[str, Any], from_text: bool
) -> Record:
    """Create one record from client values inside ``tx`` (validation, defaults, nested rows)."""
    return new_record(Writer(call, tx), obj, values, from_text)


def create(call: ClassicCall, obj: ObjectDef) -> Any:
    """``POST /{obj}``: one object from plain params or ``updates``; an ``updates`` array is a bulk create."""
    require_operation(obj, "add")
    values, from_json = write_values(call)
    if isinstance(values, list):
        return _bulk(call, obj, values, editing=False)
    with call.write() as tx:
        record = new_record(Writer(call, tx), obj, values, not from_json)
    return render_one(call, obj, record)


def _bulk(call: ClassicCall, obj: ObjectDef, items: list[dict[str, Any]], *, editing: bool) -> Any:
    if len(items) > MAX_BULK:
        raise ClassicError(f"Too many objects in one request: {len(items)} (the maximum is {MAX_BULK})")
    with call.write() as tx:
        writer = Writer(call, tx)
        records = [
            edit_record(writer, obj, _item_id(item), item, False) if editing else new_record(writer, obj, item, False)
            for item in items
        ]
    if call.params.flag("atomic"):
        return {"success": True}
    return render_many(call, obj, records)


def _item_id(item: dict[str, Any]) -> str:
    object_id = item.get("ID")
    if not isinstance(object_id, str) or not object_id:
        raise ClassicError("Every object of a bulk edit needs its 'ID'")
    return object_id


def edit(call: ClassicCall, obj: ObjectDef, object_id: str) -> Any:
    """``PUT /{obj}/{ID}``: sparse scalar update; returns the object like a GET."""
    require_operation(obj, "edit")
    values, from_json = write_values(call)
    if isinstance(values, list):
        raise ClassicError("A single edit takes an 'updates' object, not an array")
    with call.write() as tx:
        record = edit_record(Writer(call, tx), obj, object_id, values, not from_json)
    return render_one(call, obj, record)


def edit_many_ids(call: ClassicCall, obj: ObjectDef, ids: list[str]) -> Any:
    """``PUT /{obj}?id=a,b``: the same values on several objects; returns an array."""
    require_operation(obj, "edit")
    if len(ids) > MAX_BULK:
        raise ClassicError(f"Too many objects in one request: {len(ids)} (the maximum is {MAX_BULK})")
    values, from_json = write_values(call)
    if isinstance(values, list):
        raise ClassicError("Use either ?id= or an 'updates' array, not both")
    with call.write() as tx:
        writer = Writer(call, tx)
        records = [edit_record(writer, obj, one, values, not from_json) for one in ids]
    return render_many(call, obj, records)


def bulk_edit(call: ClassicCall, obj: ObjectDef) -> Any:
    """``PUT /{obj}?updates=[{ID,...},...]``: a bulk edit (≤ 100; ``atomic=true`` → ``{success}``)."""
    require_operation(obj, "edit")
    updates = updates_param(call)
    if isinstance(updates, list):
        return _bulk(call, obj, updates, editing=True)
    if isinstance(updates, dict) and updates.get("ID"):
        return edit(call, obj, str(updates["ID"]))
    raise ClassicError(f"Missing ID for edit of {obj.name}")

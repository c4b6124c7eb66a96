"""``POST /{obj}?copySourceID=ID``: copy a record with a new ID, its nested rows and (for projects) its tasks."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.access import guard
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.rendering import not_found, render_one
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.classic.txrows import collection_rows, rows_where
from wfexplorer.demo.classic.values import parse_json, write_values
from wfexplorer.demo.classic.writing.checks import require_operation
from wfexplorer.demo.classic.writing.defaults import stamp, work_defaults
from wfexplorer.demo.classic.writing.writer import Writer
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.store import Record


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
        writer = Writer(call, tx)
        source = tx.get(obj.obj_code, source_id)
        if source is None:
            raise not_found(obj, source_id)
        guard.require_view(call, obj, source)
        record = {key: value for key, value in source.items() if key not in ("taskNumber", "wbs")}
        record["ID"] = new_id(call.context.clock())
        if "clearProgress" in options:
            _clear_progress(obj, record)
        nested = writer.apply(obj, record, updates, not from_json)
        for name in ("entryDate", "enteredByID"):
            record.pop(name, None)
        stamp(obj, record, call, writer.now, creating=True)
        guard.require_create(call, obj, record)
        if obj.obj_code == "TASK":
            work_defaults(tx, call.context.store, obj, record, writer.now)
        for collection, items in nested:
            writer.replace_nested(obj, record, collection, items)
        _copy_nested(writer, obj, source, record, skip={collection.name for collection, _ in nested})
        tx.put(obj.obj_code, record)
        if obj.obj_code == "PROJ":
            _copy_project_tasks(writer, source, record, options)
    return render_one(call, obj, record)


def _clear_progress(obj: ObjectDef, record: Record) -> None:
    defaults = obj.create_defaults()
    for name in ("status", "percentComplete", "progressStatus"):
        if name in defaults:
            record[name] = defaults[name]
    for name in ("actualStartDate", "actualCompletionDate"):
        record.pop(name, None)


def _copy_nested(writer: Writer, obj: ObjectDef, source: Record, copy_record: Record, skip: set[str]) -> None:
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


def _copy_project_tasks(writer: Writer, source: Record, project: Record, options: list[Any]) -> None:
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

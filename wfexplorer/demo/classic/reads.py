"""Read operations: get by ID(s), search, count, report and metadata, delegating to the search compiler."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import report as reporting
from wfexplorer.demo.classic import schema
from wfexplorer.demo.classic.access import guard
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.querying import search as searching
from wfexplorer.demo.classic.rendering import not_found, render_many, render_one
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.classic.writing.checks import require_operation, resolve_id
from wfexplorer.demo.store import Record

MAX_IDS = 2000


def metadata_index(call: ClassicCall) -> Any:
    """``GET /metadata``."""
    return schema.metadata_index(call.context.base_url, call.route.version_segment)


def object_metadata(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/metadata[?fields=sections]``."""
    raw = call.params.getlist("fields")
    sections = [part.strip() for value in raw for part in value.split(",") if part.strip()] or None
    return schema.object_metadata(obj, call.context.base_url, call.route.version_segment, sections=sections)


def _load(call: ClassicCall, obj: ObjectDef, object_id: str) -> Record:
    object_id = resolve_id(call, obj, object_id)
    record = call.reader().get(obj.obj_code, object_id)
    if record is None:
        raise not_found(obj, object_id)
    guard.require_view(call, obj, record)
    return record


def get_one(call: ClassicCall, obj: ObjectDef, object_id: str) -> Any:
    """``GET /{obj}/{ID}`` or ``?id=ID``: one object with default fields plus ``fields``."""
    _require(obj, "get")
    return render_one(call, obj, _load(call, obj, object_id))


def get_many(call: ClassicCall, obj: ObjectDef, ids: list[str]) -> Any:
    """``GET /{obj}?id=a,b`` or ``?id=a&id=b``: an array in the order asked."""
    _require(obj, "get")
    if len(ids) > MAX_IDS:
        raise ClassicError(f"Too many IDs in one request: {len(ids)} (the maximum is {MAX_IDS})")
    return render_many(call, obj, [_load(call, obj, one) for one in ids])


def _require(obj: ObjectDef, operation: str) -> None:
    require_operation(obj, operation)


def _query(call: ClassicCall, obj: ObjectDef) -> Any:
    query = searching.parse_search(obj, call.params.to_multidict(), call.env())
    query.scope = guard.visible(call, obj)
    return query


def search(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/search``: an array, or with ``map=true`` an object keyed by ID."""
    _require(obj, "search")
    rows = searching.run_search(call.context.store, _query(call, obj))
    output = render_many(call, obj, rows)
    if call.params.flag("map"):
        return {item["ID"]: item for item in output}
    return output


def count(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/count`` → ``{"count": n}`` with search's filter semantics."""
    _require(obj, "count")
    return {"count": searching.count(call.context.store, _query(call, obj))}


def report(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/report``: groups and aggregates (classic-api.md §3.5)."""
    _require(obj, "report")
    parsed = reporting.parse_report(obj, call.params.to_multidict(), call.env())
    parsed.search.scope = guard.visible(call, obj)
    return reporting.run_report(call.context.store, parsed)

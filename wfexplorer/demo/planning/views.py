"""View operations (v2): list per record type, create, get, put, patch, delete.

``type`` is lower case (``table|timeline|calendar|list|gallery``); ``filter`` is an array of filter nodes,
each checked with the shared filter model; ``sorting``/``grouping`` name fields of the record type; timeline
and calendar views need ``metadata.startDateKey``. The 101st view of a record type → 403 ``VIEW_LIMIT_EXCEEDED``.
"""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.core.planning.filters import FilterError, node_from_v2
from wfexplorer.demo.planning import dto, kinds
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.paging import cursor_page
from wfexplorer.demo.planning.search import _filter_error, prepare_filter
from wfexplorer.demo.planning.support import empty_response, json_response, new_id
from wfexplorer.demo.planning.writes import check_unchanged, clean_input, merge, require_name, require_role, stamp
from wfexplorer.demo.store import Record

TYPES = ("table", "timeline", "calendar", "list", "gallery")
EDITABLE = ("name", "type", "filter", "grouping", "sorting", "metadata", "isHidden")


def _views_of(call: Call, rt_id: str) -> list[Record]:
    return call.pl.ordered(kinds.VIEW, lambda view: view.get("recordTypeId") == rt_id)


def _record_type(call: Call, role: str) -> Record:
    rt = call.pl.require(kinds.RECORD_TYPE, call.path_args["recordTypeId"])
    require_role(call, "record-types", rt, role)
    return rt


def _view(call: Call, role: str) -> tuple[Record, Record]:
    view = call.pl.require(kinds.VIEW, call.path_args["id"])
    rt = call.pl.require(kinds.RECORD_TYPE, view["recordTypeId"])
    require_role(call, "views", view, role)
    return view, rt


def _validate(call: Call, rt: Record, body: dict[str, Any]) -> None:
    require_name(body, "name", 255)
    if body.get("type") not in TYPES:
        raise bad_request(f"'type' must be one of {', '.join(TYPES)}.", "type", "Pattern")
    catalog = call.pl.catalog(rt["ID"])
    nodes = body.get("filter")
    if nodes is not None:
        if not isinstance(nodes, list):
            raise bad_request("'filter' must be an array of filter nodes.", "filter", "TypeMismatch")
        for index, node in enumerate(nodes):
            try:
                node_from_v2(prepare_filter(call, rt["ID"], node), catalog, root=f"filter[{index}]")
            except FilterError as error:
                raise _filter_error(error) from None
    for key in ("sorting", "grouping"):
        items = body.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            raise bad_request(f"'{key}' must be an array.", key, "TypeMismatch")
        for index, item in enumerate(items):
            if not isinstance(item, dict) or call.pl.field_of(rt["ID"], str(item.get("fieldId"))) is None:
                raise bad_request(f"'{key}[{index}].fieldId' must name a field of the record type.",
                                  f"{key}[{index}].fieldId")
            if item.get("direction", "asc") not in ("asc", "desc"):
                raise bad_request(f"'{key}[{index}].direction' must be asc or desc.", f"{key}[{index}].direction")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise bad_request("'metadata' must be an object.", "metadata", "TypeMismatch")
    if body["type"] in ("timeline", "calendar") and not (metadata or {}).get("startDateKey"):
        raise bad_request(f"A {body['type']} view needs 'metadata.startDateKey'.", "metadata.startDateKey", "NotNull")


def list_v2(call: Call) -> Response:
    rt = _record_type(call, "viewer")
    return json_response(cursor_page(call, _views_of(call, rt["ID"]), lambda v: dto.view_v2(call.pl, v), 100))


def create_v2(call: Call) -> Response:
    rt = _record_type(call, "viewer")
    body = clean_input(call.object_body())
    _validate(call, rt, body)
    if len(_views_of(call, rt["ID"])) >= kinds.MAX_VIEWS:
        raise PlanningError(403, f"A record type can have at most {kinds.MAX_VIEWS} views.", "VIEW_LIMIT_EXCEEDED")
    view = {key: body[key] for key in EDITABLE if body.get(key) is not None}
    view.update({"ID": new_id("view"), "recordTypeId": rt["ID"], "isPublicShared": False, "isRestricted": False})
    stamp(call, view, created=True)
    with call.pl.store.transaction() as tx:
        tx.put(kinds.VIEW, view)
    return json_response(dto.view_v2(call.pl, view), 201)


def get_v2(call: Call) -> Response:
    view, _ = _view(call, "viewer")
    return json_response(dto.view_v2(call.pl, view))


def _update(call: Call, replace: bool) -> Response:
    view, rt = _view(call, "editor")
    body = clean_input(call.object_body())
    body.pop("recordTypeId", None)
    updated = merge(view, body, replace, EDITABLE)
    _validate(call, rt, {key: updated.get(key) for key in EDITABLE})
    stamp(call, updated, created=False)
    with call.pl.store.transaction() as tx:
        check_unchanged(tx, kinds.VIEW, view)
        tx.put(kinds.VIEW, updated)
    return json_response(dto.view_v2(call.pl, updated))


def put_v2(call: Call) -> Response:
    return _update(call, replace=True)


def patch_v2(call: Call) -> Response:
    return _update(call, replace=False)


def delete_v2(call: Call) -> Response:
    view, _ = _view(call, "editor")
    with call.pl.store.transaction() as tx:
        tx.delete(kinds.VIEW, view["ID"])
        tx.delete(kinds.ACL, f"views:{view['ID']}")
    return empty_response(204)

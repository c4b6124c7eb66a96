"""Record search: v2 (GET and POST ``/record-types/{id}/records/search``) and v1 (GET and POST
``/records/search``).

Requests are parsed by the shared filter model (``request_from_v2`` / ``request_from_v1``) against the
record type's field catalogue, so a malformed filter (unknown condition such as ``BETWEEN``, a condition the
field type does not allow, a wrong value shape, an unknown field) is a 400 naming every problem's spot. The
parsed tree is applied by ``query.compile_filter``; results are sorted, grouped over all matches and paged.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.core.planning.filters import (
    LENIENT_CONDITIONS,
    V1_MAX_LIMIT,
    FieldKind,
    FilterError,
    SearchRequest,
    request_from_v1,
    request_from_v2,
)
from wfexplorer.demo.planning import dto, kinds, query
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.paging import spring_page
from wfexplorer.demo.planning.support import json_response
from wfexplorer.demo.planning.v1attrs import project
from wfexplorer.demo.planning.writes import require_role
from wfexplorer.demo.store import Record

V2_DEFAULT_SIZE = 100
V1_DEFAULT_LIMIT = 500


def _filter_error(error: FilterError) -> PlanningError:
    errors = [{"field": problem.path, "message": problem.message, "code": "InvalidFilter"}
              for problem in error.problems]
    detail = "; ".join(f"{problem.path}: {problem.message}" for problem in error.problems) or str(error)
    return PlanningError(400, f"Invalid search request: {detail}", "VALIDATION_FAILED", errors=errors)


def prepare_filter(call: Call, rt_id: str, raw: Any) -> Any:
    """The raw v2 filter with the service's documented leniencies applied before strict parsing.

    ``IS_ANY_OF``/``IS_NONE_OF`` on a reference field become ``HAS_ANY_OF``/``HAS_NONE_OF`` (unless
    ``lenient_reference_lists=false``); created-by/updated-by fields, which v2 reports as USER fields, accept
    USER's ``HAS_ANY_OF``/``HAS_NONE_OF`` (and a one-value ``HAS_ALL_OF``/``IS_EXACTLY``); ``matchExternalId`` is
    dropped where it does not apply (non-external fields ignore it). The shared parser then judges the rest.
    """
    if isinstance(raw, list):
        return [prepare_filter(call, rt_id, item) for item in raw]
    if not isinstance(raw, dict):
        return raw
    if "conditions" in raw:
        return {**raw, "conditions": prepare_filter(call, rt_id, raw["conditions"])}
    field = call.pl.field_of(rt_id, str(raw.get("fieldId"))) if isinstance(raw.get("fieldId"), str) else None
    if field is None:
        return raw
    node = dict(raw)
    base = call.pl.base_type(field)
    lenient = LENIENT_CONDITIONS[FieldKind.REFERENCE]
    if base == "REFERENCE" and node.get("condition") in lenient and call.pl.options.flag("lenient_reference_lists"):
        node["condition"] = lenient[node["condition"]].value
    if field.get("type") in ("CREATED_BY", "UPDATED_BY") and call.pl.options.get("field_type_names") == "enum":
        # v2 reports these as USER fields, so USER's list conditions are accepted with the same meaning.
        people = {"HAS_ANY_OF": "IS_ANY_OF", "HAS_NONE_OF": "IS_NONE_OF"}
        value = node.get("value")
        if node.get("condition") in people:
            node["condition"] = people[node["condition"]]
        elif node.get("condition") in ("HAS_ALL_OF", "IS_EXACTLY") and isinstance(value, list) and len(value) == 1:
            node["condition"], node["value"] = "IS", value[0]
    options = field.get("referenceOptions") or {}
    if node.get("matchExternalId") is True and not (field.get("type") == "REFERENCE" and options.get("isExternal")):
        node.pop("matchExternalId")
    return node


def _params(call: Call, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key in call.request.args:
        if key in skip:
            continue
        values = call.request.args.getlist(key)
        params[key] = values if len(values) > 1 else values[0]
    return params


def _by_alias(call: Call, alias: str) -> Record:
    for rt in call.pl.store.table(kinds.RECORD_TYPE).values():
        if rt.get("alias") == alias:
            return rt
    raise PlanningError(404, f"Record type with alias '{alias}' was not found.", call.pl.options.get("not_found_code"),
                        message_arguments={"recordTypeAlias": alias})


def _run(call: Call, rt: Record, request: SearchRequest, spring: list[query.SortSpec], version: str,
         ) -> tuple[list[Record], dict[str, dict[str, Any]], list[dict[str, Any]]]:
    pl = call.pl
    rt_id = rt["ID"]
    ctx = query.FilterContext(
        pl, rt_id,
        plain_people_are_wf=version == "v2" and pl.options.get("people_plain_id").upper() == "WF",
        inclusive=pl.options.flag("between_inclusive"),
        lenient_reference_lists=pl.options.flag("lenient_reference_lists"),
        user_id=call.user_id,
    )
    predicate = query.compile_filter(request.filter, ctx)
    values = pl.values_of(rt_id)
    rows = pl.rows_of(rt_id)
    scope = set(request.scope_workspace_ids or ())
    if scope:
        rows = [row for row in rows if row[0].get("workspaceId") in scope]
    if request.filter is not None:
        rows = [row for row in rows if predicate(row[1])]
    specs = [_spec(call, rt_id, key.field, key.direction.value == "desc") for key in request.sort] or spring
    if specs:
        rows = query.sort_rows(pl, rows, specs)
    matched = [row[0] for row in rows]
    group_specs = [_spec(call, rt_id, key.field, key.direction.value == "desc") for key in request.group]
    groups = query.group_records(pl, matched, values, group_specs, with_count=version == "v2")
    return matched, values, groups


def _spec(call: Call, rt_id: str, key: str, descending: bool) -> query.SortSpec:
    field = call.pl.field_of(rt_id, key)
    if field is None:
        raise bad_request(f"Unknown field '{key}'.", "sort", "UnknownField")
    return query.SortSpec(field["ID"], descending, field)


# -- v2 ------------------------------------------------------------------------------------

def _search_v2(call: Call, body: dict[str, Any]) -> Response:
    pl = call.pl
    rt = pl.require(kinds.RECORD_TYPE, call.path_args["recordTypeId"])
    require_role(call, "record-types", rt, "viewer")
    alias = body.get("recordTypeAlias") or call.arg("recordTypeAlias")
    if alias and alias != rt.get("alias"):
        raise bad_request(f"'recordTypeAlias' {alias!r} does not name record type '{rt['ID']}'.", "recordTypeAlias")
    params = _params(call, skip=("sort", "page", "size"))
    if "filter" in body:
        body = {**body, "filter": prepare_filter(call, rt["ID"], body["filter"])}
    elif isinstance(params.get("filter"), str):
        with contextlib.suppress(ValueError):  # the parser reports malformed JSON
            params["filter"] = prepare_filter(call, rt["ID"], json.loads(params["filter"]))
    try:
        request = request_from_v2(body, params, pl.catalog(rt["ID"]))
    except FilterError as error:
        raise _filter_error(error) from None
    if request.filter is None and (body.get("filter") or params.get("filter")):
        raise bad_request("The filter could not be applied (it holds no usable condition).", "filter")
    spring = [] if body.get("sort") else query.spring_sort(pl, rt["ID"], call.request.args.getlist("sort"))
    page = call.integer("page", 0, minimum=0)
    size = call.integer("size", V2_DEFAULT_SIZE, minimum=1)
    matched, values, groups = _run(call, rt, request, spring, "v2")
    only: set[str] | None = None
    if request.field_ids is not None or request.field_aliases is not None:
        only = set()
        for key in (*(request.field_ids or ()), *(request.field_aliases or ())):
            field = pl.field_of(rt["ID"], key)
            if field is not None:
                only.add(field["ID"])
    chunk = matched[page * size:(page + 1) * size]
    total = len(matched)
    if only is None and not request.aliased and pl.options.get("search_envelope") != "guide":
        fragments = ",".join(pl.record_json_v2(r, values[r["ID"]], dto.record_v2) for r in chunk)
        page_body = spring_page([], page, size, total, bool(request.sort or spring))
        page_body["content"] = None
        page_body["numberOfElements"] = len(chunk)
        page_body["empty"] = not chunk
        text = json.dumps({"records": page_body, "groups": groups}, separators=(",", ":"))
        text = text.replace('"content":null', '"content":[' + fragments + "]", 1)
        return Response(text, status=200, mimetype="application/json")
    content = [dto.record_v2(pl, r, aliased=request.aliased, only=only, values=values.get(r["ID"])) for r in chunk]
    if pl.options.get("search_envelope") == "guide":
        body_out: dict[str, Any] = {"records": content, "page": {
            "size": size, "number": page, "totalElements": total, "totalPages": (total + size - 1) // size}}
        if request.group:
            body_out["groups"] = groups
        return json_response(body_out)
    sorted_ = bool(request.sort or spring)
    return json_response({"records": spring_page(content, page, size, total, sorted_), "groups": groups})


def search_v2_post(call: Call) -> Response:
    body = call.body(required=False)
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.")
    return _search_v2(call, body)


def search_v2_get(call: Call) -> Response:
    return _search_v2(call, {})


# -- v1 ------------------------------------------------------------------------------------

def _search_v1(call: Call, body: dict[str, Any], params: dict[str, Any]) -> Response:
    pl = call.pl
    rt_id = body.get("recordTypeId") or params.get("recordTypeId")
    alias = body.get("recordTypeAlias") or params.get("recordTypeAlias")
    if rt_id:
        rt = pl.require(kinds.RECORD_TYPE, str(rt_id))
    elif alias:
        rt = _by_alias(call, str(alias))
    else:
        raise bad_request("'recordTypeId' or 'recordTypeAlias' is required.", "recordTypeId", "NotNull")
    require_role(call, "record-types", rt, "viewer")
    try:
        request = request_from_v1(body, params, pl.catalog(rt["ID"]))
    except FilterError as error:
        raise _filter_error(error) from None
    if request.filter is None and (body.get("filters") or params.get("filters")):
        raise bad_request("The filters could not be applied (they hold no usable condition).", "filters")
    offset = request.paging.offset if request.paging else 0
    limit = request.paging.limit if request.paging else V1_DEFAULT_LIMIT
    if limit > V1_MAX_LIMIT:
        raise bad_request(f"'limit' must be at most {V1_MAX_LIMIT}, not {limit}.", "limit", "Max")
    view = pl.store.get(kinds.VIEW, request.row_order_view_id) if request.row_order_view_id else None
    if request.row_order_view_id and view is None:
        raise pl.not_found(kinds.VIEW, request.row_order_view_id)
    matched, values, groups = _run(call, rt, request, [], "v1")
    row_order = ((view or {}).get("metadata") or {}).get("rowOrder") or []
    if row_order and not request.sort:
        rank = {record_id: index for index, record_id in enumerate(row_order)}
        matched = sorted(matched, key=lambda r: rank.get(r["ID"], len(rank)))  # stable: the rest keep their order
    chunk = matched[offset:offset + limit]
    records = [project(call, dto.record_v1(pl, r, aliased=request.aliased, values=values.get(r["ID"])))
               for r in chunk]
    return json_response({"records": records, "groups": groups, "totalCount": len(matched)})


def search_v1_post(call: Call) -> Response:
    body = call.object_body()
    params = _params(call, skip=("attributes",))
    return _search_v1(call, body, params)


def search_v1_get(call: Call) -> Response:
    return _search_v1(call, {}, _params(call, skip=("attributes",)))

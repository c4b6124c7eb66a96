"""The model to and from v2 JSON: ``filter``, ``sort``, ``group``, ``fieldIds``/``fieldAliases``, ``page``/``size``.

Wire shapes (``RecordSearchRequestDto``): a group is ``{"operator": "AND"|"OR", "conditions": [...]}`` with at
least one node; a condition is ``{"fieldId", "condition", "value"?, "matchExternalId"?}`` (no ``value`` for
IS_EMPTY/IS_NOT_EMPTY). ``page``, ``size``, ``fieldIds``, ``fieldAliases`` and ``aliased`` are query parameters.
Parsing collects every problem before raising one ``FilterError`` whose paths read like ``filter.AND[2].OR[0]``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from wfexplorer.core.planning.filters.catalog import FieldCatalog
from wfexplorer.core.planning.filters.model import Condition, Group, Node, UserId
from wfexplorer.core.planning.filters.problems import Problem, error_count, raise_if_errors
from wfexplorer.core.planning.filters.relative import RelativeDate
from wfexplorer.core.planning.filters.request import Paging, SearchRequest, SortKey
from wfexplorer.core.planning.filters.validation import FieldsArg, check_condition, check_key_field, check_request_parts
from wfexplorer.core.planning.filters.values import INVALID, parse_value
from wfexplorer.core.planning.filters.vocabulary import ConditionType, Direction, Operator
from wfexplorer.core.planning.filters.wire import (
    Conversion,
    Loss,
    boolean,
    comma_list,
    integer,
    json_text,
    open_search,
    parse_whole,
    pick,
    text,
)

V2_DEFAULT_SIZE = 100
_CONDITIONS: dict[str, ConditionType] = {c.value: c for c in ConditionType}
_V1_ONLY_KEYS = {"filters": "filter", "sorting": "sort", "groupingFieldIds": "group", "offset": "page",
                 "limit": "size"}


# ----------------------------------------------------------------------------------------------- to v2


def node_to_v2(node: Node) -> dict[str, Any]:
    """The v2 JSON of a group or condition."""
    if isinstance(node, Group):
        return {"operator": node.operator.value, "conditions": [node_to_v2(child) for child in node.children]}
    out: dict[str, Any] = {"fieldId": node.field, "condition": node.condition.value}
    if node.value is not None:
        out["value"] = value_to_v2(node.value)
    if node.match_external_id:
        out["matchExternalId"] = True
    return out


def value_to_v2(value: Any) -> Any:
    """The v2 JSON of a condition value."""
    if isinstance(value, tuple):
        return [value_to_v2(item) for item in value]
    if isinstance(value, UserId | RelativeDate):
        return value.to_json()  # a relative date only in wfexplorer's documents: searches resolve it first
    return value


def request_to_v2(request: SearchRequest) -> Conversion:
    """The v2 body and query parameters of a search, with what v2 cannot carry (v1 ``attributes``, ...)."""
    body: dict[str, Any] = {}
    params: dict[str, Any] = {}
    losses: list[Loss] = []
    if request.record_type_id:
        body["recordTypeId"] = request.record_type_id
    if request.record_type_alias:
        body["recordTypeAlias"] = request.record_type_alias
    if request.filter is not None:
        body["filter"] = node_to_v2(request.filter)
    if request.sort:
        body["sort"] = [_key_to_v2(key) for key in request.sort]
    if request.group:
        body["group"] = [_key_to_v2(key) for key in request.group]
    if request.scope_workspace_ids is not None:
        body["scopeWorkspaceIds"] = list(request.scope_workspace_ids)
    if request.global_record_type_workspace_field_id:
        body["globalRecordTypeWorkspaceFieldId"] = request.global_record_type_workspace_field_id
    if request.paging is not None:
        params["page"] = request.paging.page
        params["size"] = request.paging.size
        if not request.paging.is_page_aligned:
            losses.append(Loss(
                "paging",
                f"v2 pages cannot start at record {request.paging.offset} with size {request.paging.limit}; "
                f"page {request.paging.page} starts at record {request.paging.page * request.paging.limit}",
            ))
    if request.field_ids is not None:
        params["fieldIds"] = ",".join(request.field_ids)
    if request.field_aliases is not None:
        params["fieldAliases"] = ",".join(request.field_aliases)
    if request.aliased:
        params["aliased"] = "true"
    if request.attributes is not None:
        losses.append(Loss("attributes", "v2 has no top-level attribute projection (use fieldIds/fieldAliases); "
                                         "all record properties are returned"))
    if request.row_order_view_id:
        losses.append(Loss("rowOrderViewId", "v2 cannot apply a view's row order; sort explicitly instead"))
    return Conversion(body=body, params=params, losses=tuple(losses))


def _key_to_v2(key: SortKey) -> dict[str, str]:
    return {"fieldId": key.field, "direction": key.direction.value}


# --------------------------------------------------------------------------------------------- from v2


def node_from_v2(data: Any, fields: FieldsArg = None, root: str = "filter") -> Node:
    """Parse a v2 group or condition; ``FilterError`` names every problem (with ``fields``: unknown fields too)."""
    node = parse_whole(_parse_node, data, fields, root)
    assert isinstance(node, Condition | Group)  # the checker infers the join (object) of the two
    return node


def group_from_v2(data: Any, fields: FieldsArg = None, root: str = "filter") -> Group:
    """Parse a v2 filter group (the ``filter`` of a search, which must be a group)."""
    return parse_whole(_parse_root, data, fields, root)


def request_from_v2(
    body: Mapping[str, Any] | None, params: Mapping[str, Any] | None = None, fields: FieldsArg = None
) -> SearchRequest:
    """Parse a v2 search from its body and query parameters (GET searches put everything in ``params``)."""
    body, params, problems, catalog = open_search(body, params, fields, "v2", _V1_ONLY_KEYS)
    raw_filter = body.get("filter")
    if raw_filter is None and "filter" in params:
        raw_filter = json_text(params["filter"], "filter", problems)
    group = None if raw_filter is None else _parse_root(raw_filter, "filter", catalog, problems)
    sort = _parse_keys(body.get("sort"), "sort", catalog, problems)
    if "sort" not in body and "sort" in params:
        sort = _parse_spring_sort(params["sort"], catalog, problems)
    grouping = _parse_keys(body.get("group"), "group", catalog, problems)
    if "group" not in body and "groupingFieldIds" in params:
        grouping = _keys_of_ids(params["groupingFieldIds"], "groupingFieldIds", catalog, problems)
    page = integer(pick(params, body, "page"), "page", problems)
    size = integer(pick(params, body, "size"), "size", problems, minimum=1)
    paging = None
    if page is not None or size is not None:
        paging = Paging.of_page(page or 0, size or V2_DEFAULT_SIZE)
    request = SearchRequest(
        filter=group,
        sort=sort,
        group=grouping,
        field_ids=comma_list(pick(params, body, "fieldIds"), "fieldIds", problems),
        field_aliases=comma_list(pick(params, body, "fieldAliases"), "fieldAliases", problems),
        paging=paging,
        record_type_id=text(pick(body, params, "recordTypeId"), "recordTypeId", problems),
        record_type_alias=text(pick(body, params, "recordTypeAlias"), "recordTypeAlias", problems),
        aliased=boolean(pick(params, body, "aliased"), "aliased", problems),
        scope_workspace_ids=comma_list(pick(body, params, "scopeWorkspaceIds"), "scopeWorkspaceIds", problems),
        global_record_type_workspace_field_id=text(
            pick(body, params, "globalRecordTypeWorkspaceFieldId"), "globalRecordTypeWorkspaceFieldId", problems
        ),
    )
    problems.extend(check_request_parts(request, catalog, keys=False))
    raise_if_errors(problems)
    return request


def view_filter_from_v2(nodes: Any, fields: FieldsArg = None) -> Group:
    """A view's ``filter`` (an array of v2 filter nodes, taken as ANDed) as one root group."""
    if nodes is None:
        return Group(Operator.AND, ())
    if not isinstance(nodes, list):
        raise_if_errors([Problem("filter", f"a view's filter is a list of nodes, not {_json_kind(nodes)}")])
    problems: list[Problem] = []
    catalog = None if fields is None else FieldCatalog.of(fields)
    children = [_parse_node(raw, f"filter[{index}]", catalog, problems) for index, raw in enumerate(nodes)]
    raise_if_errors(problems)
    return Group(Operator.AND, tuple(child for child in children if child is not None))


def view_filter_to_v2(root: Group | None) -> list[dict[str, Any]]:
    """A root group as a view's ``filter`` array: an AND root's children, or the group itself."""
    if root is None or not root.children:
        return []
    if root.operator is Operator.AND:
        return [node_to_v2(child) for child in root.children]
    return [node_to_v2(root)]


def _parse_keys(raw: Any, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> tuple[SortKey, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(Problem(path, f"expected a list of {{fieldId, direction}}, not {raw!r}"))
        return ()
    keys = []
    for index, item in enumerate(raw):
        spot = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            problems.append(Problem(spot, f"expected {{fieldId, direction}}, not {item!r}"))
            continue
        key = sort_key(item.get("fieldId"), item.get("direction"), spot, catalog, problems)
        if key is not None:
            keys.append(key)
    return tuple(keys)


def sort_key(field: Any, direction: Any, path: str, catalog: FieldCatalog | None,
             problems: list[Problem]) -> SortKey | None:
    """A sort or group key from its wire parts; None after appending problems."""
    before = error_count(problems)
    if not isinstance(field, str):
        problems.append(Problem(path, "fieldId is required (a field id or alias)"))
    else:
        problem = check_key_field(field, path, catalog)
        if problem is not None:
            problems.append(problem)
    parsed = Direction.ASC
    if direction is not None:
        try:
            parsed = Direction(str(direction).lower())
        except ValueError:
            problems.append(Problem(path, f"unknown direction {direction!r} (expected asc or desc)"))
    if error_count(problems) > before:
        return None
    return SortKey(field, parsed)


def _keys_of_ids(raw: Any, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> tuple[SortKey, ...]:
    ids = comma_list(raw, path, problems) or ()
    keys = (sort_key(field, None, f"{path}[{index}]", catalog, problems) for index, field in enumerate(ids))
    return tuple(key for key in keys if key is not None)


def _parse_spring_sort(raw: Any, catalog: FieldCatalog | None, problems: list[Problem]) -> tuple[SortKey, ...]:
    items = raw if isinstance(raw, list | tuple) else [raw]
    keys = []
    for index, item in enumerate(items):
        spot = f"sort[{index}]"
        if not isinstance(item, str) or not item.strip():
            problems.append(Problem(spot, f"expected 'field,asc|desc', not {item!r}"))
            continue
        name, _, direction = item.partition(",")
        key = sort_key(name.strip(), direction.strip() or None, spot, catalog, problems)
        if key is not None:
            keys.append(key)
    return tuple(keys)


def _parse_root(data: Any, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> Group | None:
    if isinstance(data, Mapping) and "conditions" not in data and "operator" not in data and (
        "fieldId" in data or "condition" in data
    ):
        problems.append(Problem(path, "the filter must be a group {operator, conditions}, not a single condition"))
        return None
    node = _parse_node(data, path, catalog, problems)
    return node if isinstance(node, Group) else None


def _parse_node(data: Any, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> Node | None:
    if type(data) is not dict and not isinstance(data, Mapping):
        problems.append(Problem(path, f"expected a condition or a group object, not {_json_kind(data)}"))
        return None
    is_group = "operator" in data or "conditions" in data
    is_condition = "fieldId" in data or "condition" in data
    if is_group and is_condition:
        problems.append(Problem(path, "mixes group keys (operator, conditions) with condition keys "
                                      "(fieldId, condition)"))
        return None
    if is_group:
        return _parse_group(data, path, catalog, problems)
    if is_condition:
        return _parse_condition(data, path, catalog, problems)
    problems.append(Problem(path, "expected a condition {fieldId, condition, value} or a group "
                                  "{operator, conditions}"))
    return None


def _parse_group(data: Mapping[str, Any], path: str, catalog: FieldCatalog | None,
                 problems: list[Problem]) -> Group | None:
    before = error_count(problems)
    raw_operator = data.get("operator")
    operator = None
    label = "?"
    if raw_operator is None:
        problems.append(Problem(path, "a group needs an operator (AND or OR)"))
    elif raw_operator not in ("AND", "OR"):
        problems.append(Problem(path, f"unknown operator {raw_operator!r} (expected AND or OR)"))
        label = str(raw_operator)
    else:
        operator = Operator(raw_operator)
        label = operator.value
    raw_children = data.get("conditions")
    children: list[Node] = []
    if raw_children is None:
        problems.append(Problem(path, "a group needs a list of conditions"))
    elif not isinstance(raw_children, list):
        problems.append(Problem(path, f"conditions must be a list, not {_json_kind(raw_children)}"))
    elif not raw_children:
        problems.append(Problem(path, f"the {label} group has no conditions"))
    else:
        for index, raw in enumerate(raw_children):
            child = _parse_node(raw, f"{path}.{label}[{index}]", catalog, problems)
            if child is not None:
                children.append(child)
    if error_count(problems) > before or operator is None:
        return None
    return Group(operator, tuple(children))


def _parse_condition(data: Mapping[str, Any], path: str, catalog: FieldCatalog | None,
                     problems: list[Problem]) -> Condition | None:
    ok = True
    field_id = data.get("fieldId")
    if not isinstance(field_id, str) or not field_id:
        problems.append(Problem(path, "fieldId is required (a field id or alias)"))
        ok = False
    condition = _condition_type(data.get("condition"), path, problems)
    match_external = data.get("matchExternalId", False)
    if match_external is None:
        match_external = False
    if not isinstance(match_external, bool):
        problems.append(Problem(path, f"matchExternalId must be true or false, not {match_external!r}"))
        ok = False
    value = parse_value(data.get("value"), f"{path}.value", problems, allow_user_ids=True)
    if not ok or not isinstance(field_id, str) or condition is None or value is INVALID:
        return None
    node = Condition(field_id, condition, value, match_external)
    before = error_count(problems)
    check_condition(node, path, catalog, problems)
    if error_count(problems) > before:
        return None
    return node


def _condition_type(raw: Any, path: str, problems: list[Problem]) -> ConditionType | None:
    if raw is None:
        problems.append(Problem(path, "condition is required"))
        return None
    known = _CONDITIONS.get(raw) if isinstance(raw, str) else None
    if known is not None:
        return known
    hint = ""
    if isinstance(raw, str):
        guess = difflib.get_close_matches(raw.upper(), [c.value for c in ConditionType], n=1, cutoff=0.6)
        if guess:
            hint = f"; did you mean {guess[0]}?"
    problems.append(Problem(path, f"unknown condition {raw!r}{hint}"))
    return None


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"

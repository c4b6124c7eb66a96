"""The model to and from v1 JSON: ``filters`` with ``$`` operators, ``sorting``, ``groupingFieldIds``,
``attributes``, ``offset``/``limit``.

v1 grammar (planning-api.md §4.3): ``filters`` is an array of nodes ANDed together, or one node; a node is
``{"$and": [nodes]}``, ``{"$or": [nodes]}`` or ``{"<field>": {"$op": value}}``. A bare value means ``$is``;
``"$isEmpty"``/``"$isNotEmpty"`` may stand alone. Several fields in one object, or several operators on one
field, are ANDed (Mongo style). The model writes a root AND group as an array of its children and a root OR
group as ``{"$or": [...]}``, so every tree comes back exactly as it went out.

v1 cannot carry everything v2 can: Workfront-typed People ids, ``matchExternalId``, group directions, field
projection, workspace scoping. ``request_to_v1()`` lists each of these as a ``Loss`` instead of dropping it.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from wfexplorer.core.planning.filters.catalog import FieldCatalog
from wfexplorer.core.planning.filters.model import Condition, Group, Node, UserId, label_path
from wfexplorer.core.planning.filters.problems import Problem, error_count, raise_if_errors
from wfexplorer.core.planning.filters.relative import RelativeDate
from wfexplorer.core.planning.filters.request import Paging, SearchRequest, SortKey
from wfexplorer.core.planning.filters.v2_json import request_from_v2, request_to_v2, sort_key
from wfexplorer.core.planning.filters.validation import FieldsArg, check_condition, check_request_parts
from wfexplorer.core.planning.filters.values import INVALID, parse_value
from wfexplorer.core.planning.filters.vocabulary import ConditionType, Direction, IdType, Operator, ValueShape
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

V1_DEFAULT_LIMIT = 500
V1_MAX_LIMIT = 2000
_V2_ONLY_KEYS = {"filter": "filters", "sort": "sorting", "group": "groupingFieldIds"}
_GROUP_KEYS = {"$and": Operator.AND, "$or": Operator.OR}


# ----------------------------------------------------------------------------------------------- to v1


def filters_to_v1(root: Group, losses: list[Loss] | None = None) -> Any:
    """The v1 ``filters`` of a root group (AND: an array of its children; OR: ``{"$or": [...]}``)."""
    sink = [] if losses is None else losses
    if root.operator is Operator.AND:
        return [
            _node_to_v1(child, root, (index,), sink) for index, child in enumerate(root.children)
        ]
    return _node_to_v1(root, root, (), sink)


def node_to_v1(node: Node, losses: list[Loss] | None = None) -> dict[str, Any]:
    """The v1 JSON of one group or condition (``losses`` collects what v1 cannot carry)."""
    return _node_to_v1(node, node, (), [] if losses is None else losses)


def _node_to_v1(node: Node, root: Node, path: tuple[int, ...], losses: list[Loss]) -> dict[str, Any]:
    if isinstance(node, Group):
        return {
            node.operator.v1: [
                _node_to_v1(child, root, (*path, index), losses) for index, child in enumerate(node.children)
            ]
        }
    if node.match_external_id:
        losses.append(Loss(label_path(root, path), "v1 cannot match external ids (matchExternalId); the values "
                                                   "are compared with Planning record ids instead"))
    value = node.value
    if isinstance(value, tuple):
        operand: Any = [_value_to_v1(item, root, path, losses, f".value[{i}]") for i, item in enumerate(value)]
    else:
        operand = _value_to_v1(value, root, path, losses, "")
    return {node.field: {node.condition.v1: operand}}


def _value_to_v1(value: Any, root: Node, path: tuple[int, ...], losses: list[Loss], suffix: str) -> Any:
    if isinstance(value, RelativeDate):
        return value.to_json()  # wfexplorer's documents only: searches resolve relative dates first
    if not isinstance(value, UserId):
        return value
    if value.id_type is IdType.WF:
        losses.append(Loss(label_path(root, path) + suffix, f"v1 takes IMS user ids only; the Workfront id "
                                                            f"{value.id!r} is sent as-is and will be read as an "
                                                            "IMS id"))
    return value.id


def request_to_v1(request: SearchRequest) -> Conversion:
    """The v1 body and query parameters of a search, with everything v1 cannot carry listed in ``losses``."""
    body: dict[str, Any] = {}
    params: dict[str, Any] = {}
    losses: list[Loss] = []
    if request.record_type_id:
        body["recordTypeId"] = request.record_type_id
    if request.record_type_alias:
        body["recordTypeAlias"] = request.record_type_alias
    if request.filter is not None:
        body["filters"] = filters_to_v1(request.filter, losses)
    if request.sort:
        body["sorting"] = [{"fieldId": key.field, "direction": key.direction.value} for key in request.sort]
    if request.group:
        body["groupingFieldIds"] = [key.field for key in request.group]
        for index, key in enumerate(request.group):
            if key.direction is Direction.DESC:
                losses.append(Loss(f"group[{index}]", "v1 groups cannot be ordered descending; "
                                                      "groups come back in ascending order"))
    if request.paging is not None:
        body["offset"] = request.paging.offset
        body["limit"] = request.paging.limit
        if request.paging.limit > V1_MAX_LIMIT:
            losses.append(Loss("paging", f"v1 returns at most {V1_MAX_LIMIT} records per request, "
                                         f"not {request.paging.limit}"))
    if request.row_order_view_id:
        body["rowOrderViewId"] = request.row_order_view_id
    if request.attributes is not None:
        params["attributes"] = ",".join(request.attributes)
    if request.aliased:
        params["aliased"] = "true"
    if request.field_ids is not None:
        losses.append(Loss("fieldIds", "v1 cannot project single fields; every field in data is returned"))
    if request.field_aliases is not None:
        losses.append(Loss("fieldAliases", "v1 cannot project single fields; every field in data is returned"))
    if request.scope_workspace_ids is not None:
        losses.append(Loss("scopeWorkspaceIds", "v1 cannot scope a search of a global record type to workspaces"))
    if request.global_record_type_workspace_field_id:
        losses.append(Loss("globalRecordTypeWorkspaceFieldId", "v1 has no global record types"))
    return Conversion(body=body, params=params, losses=tuple(losses))


def convert_v2_to_v1(
    body: Mapping[str, Any] | None, params: Mapping[str, Any] | None = None, fields: FieldsArg = None
) -> Conversion:
    """A v2 search (body + query) as v1, with an explicit list of what v1 cannot carry."""
    return request_to_v1(request_from_v2(body, params, fields))


def convert_v1_to_v2(
    body: Mapping[str, Any] | None, params: Mapping[str, Any] | None = None, fields: FieldsArg = None
) -> Conversion:
    """A v1 search (body + query) as v2, with an explicit list of what v2 cannot carry."""
    return request_to_v2(request_from_v1(body, params, fields))


# --------------------------------------------------------------------------------------------- from v1


def filters_from_v1(data: Any, fields: FieldsArg = None, root: str = "filters") -> Group:
    """Parse v1 ``filters`` (array or object) into a root group; ``FilterError`` names every problem."""
    return parse_whole(_parse_filters, data, fields, root)


def request_from_v1(
    body: Mapping[str, Any] | None, params: Mapping[str, Any] | None = None, fields: FieldsArg = None
) -> SearchRequest:
    """Parse a v1 search from its body and query parameters (the GET form puts everything in ``params``)."""
    body, params, problems, catalog = open_search(body, params, fields, "v1", _V2_ONLY_KEYS)
    raw_filters = body.get("filters")
    if raw_filters is None and "filters" in params:
        raw_filters = json_text(params["filters"], "filters", problems)
    group = None if raw_filters is None else _parse_filters(raw_filters, "filters", catalog, problems)
    sort = _parse_sorting(body.get("sorting"), catalog, problems)
    grouping_ids = comma_list(pick(body, params, "groupingFieldIds"), "groupingFieldIds", problems) or ()
    grouping = [
        sort_key(field, None, f"groupingFieldIds[{index}]", catalog, problems)
        for index, field in enumerate(grouping_ids)
    ]
    offset = integer(pick(body, params, "offset"), "offset", problems)
    limit = integer(pick(body, params, "limit"), "limit", problems, minimum=1)
    paging = None
    if offset is not None or limit is not None:
        paging = Paging(offset or 0, V1_DEFAULT_LIMIT if limit is None else limit)
    request = SearchRequest(
        filter=group,
        sort=sort,
        group=tuple(key for key in grouping if key is not None),
        attributes=comma_list(pick(params, body, "attributes"), "attributes", problems),
        paging=paging,
        record_type_id=text(pick(body, params, "recordTypeId"), "recordTypeId", problems),
        record_type_alias=text(pick(body, params, "recordTypeAlias"), "recordTypeAlias", problems),
        aliased=boolean(pick(params, body, "aliased"), "aliased", problems),
        row_order_view_id=text(pick(body, params, "rowOrderViewId"), "rowOrderViewId", problems),
    )
    problems.extend(check_request_parts(request, catalog, keys=False))
    raise_if_errors(problems)
    return request


def _parse_sorting(raw: Any, catalog: FieldCatalog | None, problems: list[Problem]) -> tuple[SortKey, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(Problem("sorting", f"expected a list of {{fieldId, direction}}, not {raw!r}"))
        return ()
    keys = []
    for index, item in enumerate(raw):
        spot = f"sorting[{index}]"
        if not isinstance(item, Mapping):
            problems.append(Problem(spot, f"expected {{fieldId, direction}}, not {item!r}"))
            continue
        key = sort_key(item.get("fieldId"), item.get("direction"), spot, catalog, problems)
        if key is not None:
            keys.append(key)
    return tuple(keys)


def _parse_filters(data: Any, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> Group | None:
    if isinstance(data, list):
        if not data:
            return Group(Operator.AND, ())  # no filter at all
        return _group_of(Operator.AND, data, path, catalog, problems, index_prefix=path)
    node = _parse_node(data, path, catalog, problems)
    if node is None or isinstance(node, Group):
        return node
    return Group(Operator.AND, (node,))


def _group_of(operator: Operator, items: list[Any], path: str, catalog: FieldCatalog | None,
              problems: list[Problem], index_prefix: str) -> Group | None:
    before = error_count(problems)
    if not items:
        problems.append(Problem(path, f"the {operator.v1} group has no conditions"))
    children = []
    for index, item in enumerate(items):
        child = _parse_node(item, f"{index_prefix}[{index}]", catalog, problems)
        if child is not None:
            children.append(child)
    if error_count(problems) > before:
        return None
    return Group(operator, tuple(children))


def _parse_node(data: Any, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> Node | None:
    if not isinstance(data, Mapping) or not data:
        problems.append(Problem(path, f"expected {{\"$and\": [...]}}, {{\"$or\": [...]}} or "
                                      f"{{\"<field>\": {{\"$op\": value}}}}, not {data!r}"))
        return None
    before = error_count(problems)
    nodes: list[Node] = []
    for key, operand in data.items():
        spot = f"{path}.{key}"
        if not isinstance(key, str) or not key:
            problems.append(Problem(path, f"invalid key {key!r}"))
        elif key in _GROUP_KEYS:
            if not isinstance(operand, list):
                problems.append(Problem(spot, f"{key} takes a list of nodes, not {operand!r}"))
                continue
            group = _group_of(_GROUP_KEYS[key], operand, spot, catalog, problems, index_prefix=spot)
            if group is not None:
                nodes.append(group)
        elif key.startswith("$"):
            problems.append(Problem(spot, f"unknown operator {key!r} (expected $and or $or, or a field name)"))
        else:
            nodes.extend(_parse_field(key, operand, spot, catalog, problems))
    if error_count(problems) > before:
        return None
    return nodes[0] if len(nodes) == 1 else Group(Operator.AND, tuple(nodes))


def _parse_field(field: str, operand: Any, path: str, catalog: FieldCatalog | None,
                 problems: list[Problem]) -> list[Condition]:
    if isinstance(operand, str) and ConditionType.from_v1(operand) is not None:
        condition = ConditionType.from_v1(operand)
        assert condition is not None
        if condition.shape is ValueShape.NONE:
            return _build(field, condition, None, path, catalog, problems)
    if isinstance(operand, Mapping) and operand and all(isinstance(k, str) and k.startswith("$") for k in operand):
        out: list[Condition] = []
        for name, raw in operand.items():
            spot = f"{path}.{name}"
            condition = ConditionType.from_v1(name)
            if condition is None:
                problems.append(Problem(spot, f"unknown condition {name!r}{_v1_hint(name)}"))
                continue
            value = None if condition.shape is ValueShape.NONE and raw in (None, True) else raw
            out.extend(_build(field, condition, value, spot, catalog, problems))
        return out
    return _build(field, ConditionType.IS, operand, path, catalog, problems)


def _build(field: str, condition: ConditionType, raw: Any, path: str, catalog: FieldCatalog | None,
           problems: list[Problem]) -> list[Condition]:
    value = parse_value(raw, path, problems, allow_user_ids=False)
    if value is INVALID:
        return []
    node = Condition(field, condition, value)
    before = error_count(problems)
    check_condition(node, path, catalog, problems)
    if error_count(problems) > before:
        return []
    return [node]


def _v1_hint(name: str) -> str:
    names = [condition.v1 for condition in ConditionType]
    guess = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f"; did you mean {guess[0]}?" if guess else ""

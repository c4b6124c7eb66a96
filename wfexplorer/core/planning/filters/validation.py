"""Checking a filter tree (and a whole search) against a field catalogue: every problem, with its path.

``validate()`` never raises for a user's mistake. It reports, for each node: empty groups, unknown fields,
field types without filter support, conditions the field type does not allow, values of the wrong shape
(none / scalar / pair / list) and values of the wrong kind (a number for a number field, an ISO date for a
date field, an option of a select field, ``true``/``false`` for a boolean, ``{id, idType}`` only on People
fields; a ``RelativeDate`` only on date fields). ``matchExternalId`` on anything but an external reference
field is a warning: the service ignores it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from wfexplorer.core.planning.filters.catalog import FieldCatalog, FieldInfo
from wfexplorer.core.planning.filters.field_types import (
    LENIENT_CONDITIONS,
    NUMERIC_KINDS,
    PEOPLE_KINDS,
    SELECT_KINDS,
    TEMPORAL_KINDS,
    FieldKind,
)
from wfexplorer.core.planning.filters.model import Condition, Group, Node, UserId
from wfexplorer.core.planning.filters.problems import Problem, Severity
from wfexplorer.core.planning.filters.relative import RelativeDate
from wfexplorer.core.planning.filters.request import SearchRequest
from wfexplorer.core.planning.filters.vocabulary import ValueShape

FieldsArg = FieldCatalog | Iterable[FieldInfo] | None


def validate(tree: Node | None, fields: FieldsArg = None, root: str = "filter") -> list[Problem]:
    """Every problem in ``tree``; with ``fields`` None, only the checks that need no catalogue run."""
    if tree is None:
        return []
    catalog = None if fields is None else FieldCatalog.of(fields)
    problems: list[Problem] = []
    _check_node(tree, root, catalog, problems)
    return problems


def validate_request(request: SearchRequest, fields: FieldsArg = None) -> list[Problem]:
    """Every problem in a whole search: its filter, its sort and group keys, its paging."""
    catalog = None if fields is None else FieldCatalog.of(fields)
    return validate(request.filter, catalog) + check_request_parts(request, catalog)


def check_request_parts(request: SearchRequest, catalog: FieldCatalog | None, keys: bool = True) -> list[Problem]:
    """The problems of a search outside its filter: sort and group keys (unless ``keys`` is false), projection
    and paging."""
    problems: list[Problem] = []
    for name, sort_keys in (("sort", request.sort), ("group", request.group)) if keys else ():
        for index, key in enumerate(sort_keys):
            problem = check_key_field(key.field, f"{name}[{index}]", catalog)
            if problem is not None:
                problems.append(problem)
    for name, names in (("fieldIds", request.field_ids), ("fieldAliases", request.field_aliases)):
        for index, field_key in enumerate(names or ()):
            if catalog is not None and catalog.get(field_key) is None:
                problems.append(Problem(f"{name}[{index}]", f"unknown field {field_key!r}"))
    if request.paging is not None:
        if request.paging.offset < 0:
            problems.append(Problem("paging.offset", "must not be negative"))
        if request.paging.limit < 1:
            problems.append(Problem("paging.limit", "must be at least 1"))
    return problems


def check_key_field(field: str, path: str, catalog: FieldCatalog | None) -> Problem | None:
    """The problem with a sort or group key's field, if any."""
    if not field:
        return Problem(path, "a field id or alias is required")
    if catalog is not None and catalog.get(field) is None:
        return Problem(path, f"unknown field {field!r}")
    return None


def _check_node(node: Node, path: str, catalog: FieldCatalog | None, problems: list[Problem]) -> None:
    if isinstance(node, Group):
        if not node.children:
            problems.append(Problem(path, f"the {node.operator.value} group has no conditions"))
        prefix = f"{path}.{node.operator.value}["
        for index, child in enumerate(node.children):
            _check_node(child, f"{prefix}{index}]", catalog, problems)
    elif isinstance(node, Condition):
        check_condition(node, path, catalog, problems)
    else:
        problems.append(Problem(path, f"not a condition or a group: {node!r}"))


def check_condition(
    node: Condition, path: str, catalog: FieldCatalog | None, problems: list[Problem]
) -> None:
    """Append the problems of one condition (shape always; field, condition and value kinds with a catalogue)."""
    if not node.field:
        problems.append(Problem(path, "a field id or alias is required"))
    before = len(problems)
    _check_shape(node, path, problems)
    shape_ok = len(problems) == before
    if catalog is None or not node.field:
        return
    info = catalog.get(node.field)
    if info is None:
        problems.append(Problem(path, f"unknown field {node.field!r}"))
        return
    kind = info.effective_kind
    if kind is None:
        problems.append(Problem(path, _unsupported_type_message(info)))
        return
    condition = node.condition
    if condition not in info.allowed_conditions:
        lenient = LENIENT_CONDITIONS.get(kind, {}).get(condition)
        if lenient is not None:
            problems.append(Problem(
                path,
                f"condition {condition.value} is not listed for a {_describe(info)}; "
                f"the service treats it as {lenient.value}",
                Severity.WARNING,
            ))
        else:
            allowed = ", ".join(c.value for c in info.allowed_conditions)
            problems.append(Problem(
                path,
                f"condition {condition.value} is not allowed for a {_describe(info)} (allowed: {allowed})",
            ))
            return
    if node.match_external_id and not (kind is FieldKind.REFERENCE and info.is_external):
        problems.append(Problem(
            path,
            f"matchExternalId only applies to external reference fields; it is ignored on "
            f"{info.label!r}",
            Severity.WARNING,
        ))
    if shape_ok:
        _check_value_kinds(node, path, info, kind, problems)


def _describe(info: FieldInfo) -> str:
    kind = info.kind
    if kind is FieldKind.LOOKUP:
        return f"lookup field (linked to a {info.effective_kind} field)"
    return f"{kind} field"


def _unsupported_type_message(info: FieldInfo) -> str:
    if info.kind is FieldKind.LOOKUP:
        linked = info.linked_type or "unknown"
        return f"lookup field {info.label!r} links to a field of type {linked!r}, which cannot be filtered"
    return f"field {info.label!r} has type {info.type or 'unknown'!r}, which cannot be filtered"


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | UserId | RelativeDate)


def _check_shape(node: Condition, path: str, problems: list[Problem]) -> None:
    shape = node.condition.shape
    value = node.value
    name = node.condition.value
    if shape is ValueShape.NONE:
        if value is not None:
            problems.append(Problem(path, f"{name} takes no value"))
    elif shape is ValueShape.SCALAR:
        if value is None:
            problems.append(Problem(path, f"{name} needs a value"))
        elif not _is_scalar(value):
            problems.append(Problem(path, f"{name} takes a single value, not {_shape_of(value)}"))
    else:
        if not isinstance(value, tuple):
            what = "a list of two values [from, to]" if shape is ValueShape.PAIR else "a list of values"
            problems.append(Problem(path, f"{name} takes {what}, not {_shape_of(value)}"))
            return
        if shape is ValueShape.PAIR and len(value) != 2:
            problems.append(Problem(path, f"{name} takes exactly two values [from, to], not {len(value)}"))
        if shape is ValueShape.LIST and not value:
            problems.append(Problem(path, f"{name} needs at least one value"))
        for index, item in enumerate(value):
            if not _is_scalar(item):
                problems.append(Problem(f"{path}.value[{index}]", f"expected a single value, not {_shape_of(item)}"))


def _shape_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, tuple):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return f"{type(value).__name__} {value!r}"


def _items(node: Condition) -> list[tuple[str, Any]]:
    if isinstance(node.value, tuple):
        return [(f".value[{i}]", item) for i, item in enumerate(node.value)]
    if node.value is None:
        return []
    return [("", node.value)]


def _check_value_kinds(
    node: Condition, path: str, info: FieldInfo, kind: FieldKind, problems: list[Problem]
) -> None:
    for suffix, item in _items(node):
        message = _kind_mismatch(item, info, kind)
        if message:
            problems.append(Problem(path + suffix, message))


def _kind_mismatch(item: Any, info: FieldInfo, kind: FieldKind) -> str | None:
    if isinstance(item, RelativeDate):
        return None if kind in TEMPORAL_KINDS else f"relative dates only apply to date fields, not a {kind} field"
    if isinstance(item, UserId):
        if kind in PEOPLE_KINDS:
            return None
        return f"{{id, idType}} values only apply to People fields, not a {kind} field"
    if kind in PEOPLE_KINDS or kind is FieldKind.REFERENCE:
        return None if isinstance(item, str) else f"expected an id string, not {item!r}"
    if kind in NUMERIC_KINDS:
        return None if _is_number(item) else f"expected a number, not {item!r}"
    if kind in TEMPORAL_KINDS:
        return None if _is_iso_date(item) else f"expected an ISO date or date-time, not {item!r}"
    if kind is FieldKind.BOOLEAN:
        return None if isinstance(item, bool) else f"expected true or false, not {item!r}"
    if kind in SELECT_KINDS:
        if not isinstance(item, str):
            return f"expected an option name, not {item!r}"
        if info.options and info.option_named(item) is None:
            return f"{item!r} is not an option of field {info.label!r}"
        return None
    if isinstance(item, bool):
        return f"expected text, not {item!r}"
    return None


def _is_number(item: Any) -> bool:
    if isinstance(item, bool):
        return False
    if isinstance(item, int | float):
        return math.isfinite(item)
    if isinstance(item, str):
        try:
            return math.isfinite(float(item))
        except ValueError:
            return False
    return False


def _is_iso_date(item: Any) -> bool:
    if not isinstance(item, str):
        return False
    try:
        if len(item) == 10:
            date.fromisoformat(item)
        else:
            datetime.fromisoformat(item)
    except ValueError:
        return False
    return True

"""Applying a parsed filter tree to records, sorting and grouping (the shared filter model does the parsing).

``compile_filter`` turns a ``Group``/``Condition`` tree into one Python predicate over a record's complete
values (``Planning.values_of``), specialised per field type once per search, so a 25,000-record scan is a
tight loop. Semantics (planning-api.md §5, checklist 22-26):

- text (TEXT, PARAGRAPH, FORMULA): case-insensitive IS/IS_NOT/CONTAINS/DOES_NOT_CONTAIN;
- numbers: numeric strings are coerced; dates: compared at the filter value's precision (a date compares
  days, a date-time compares instants); IS_BETWEEN bounds are inclusive (``between_inclusive``);
- single select: option ``name`` (a display name is accepted too); multi-valued fields (multi-select, USER,
  REFERENCE): HAS_ANY_OF intersects, HAS_ALL_OF is a subset test, IS_EXACTLY set equality;
- empty means ``None``, ``""`` or ``[]``; a lookup is filtered like its source field, matching when any of
  its values matches (and a negative condition when none does);
- People values: plain strings are IMS IDs (``people_plain_id=WF`` in v2 switches), ``{id, idType}`` picks;
- ``matchExternalId`` on an external reference resolves external (Workfront) IDs to the target record type's
  records; a condition with one value that resolves to nothing is a 400; unresolved list items match nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from wfexplorer.core.planning.filters import Condition, ConditionType, Group, Node, Operator, UserId
from wfexplorer.core.planning.filters.vocabulary import IdType
from wfexplorer.demo.planning import external, kinds
from wfexplorer.demo.planning.errors import bad_request
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.support import timestamp
from wfexplorer.demo.planning.values import canonical_instant
from wfexplorer.demo.store import Record

Predicate = Callable[[dict[str, Any]], bool]
C = ConditionType

_TEXT = frozenset({"TEXT", "PARAGRAPH", "FORMULA", "URL"})
_NUMBER = frozenset({"NUMBER", "PERCENTAGE", "CURRENCY"})
_DATE = frozenset({"DATE", "CREATED_AT", "UPDATED_AT"})
_MULTI = frozenset({"MULTI_SELECT", "USER", "REFERENCE"})
_PERSON = frozenset({"CREATED_BY", "UPDATED_BY"})
_NEGATIVE = {C.IS_NOT: C.IS, C.DOES_NOT_CONTAIN: C.CONTAINS, C.IS_NONE_OF: C.IS_ANY_OF,
             C.IS_NOT_BETWEEN: C.IS_BETWEEN}


@dataclass(frozen=True)
class FilterContext:
    """What evaluation needs besides the tree: the data, the version's People rule and the options."""

    pl: Planning
    record_type_id: str
    plain_people_are_wf: bool = False
    inclusive: bool = True
    lenient_reference_lists: bool = True
    user_id: str = ""


def is_empty(value: Any) -> bool:
    """``None``, ``""`` and ``[]`` are empty."""
    return value is None or value == "" or value == []


def compile_filter(node: Node | None, ctx: FilterContext) -> Predicate:
    """One predicate for the whole tree (``None``: everything matches)."""
    if node is None:
        return lambda values: True
    if isinstance(node, Group):
        parts = [compile_filter(child, ctx) for child in node.children]
        combined = parts[0] if parts else (lambda values: True)
        for part in parts[1:]:
            combined = _and(combined, part) if node.operator is Operator.AND else _or(combined, part)
        return combined
    return _compile_condition(node, ctx)


def _and(first: Predicate, second: Predicate) -> Predicate:
    return lambda values: first(values) and second(values)


def _or(first: Predicate, second: Predicate) -> Predicate:
    return lambda values: first(values) or second(values)


def _compile_condition(node: Condition, ctx: FilterContext) -> Predicate:
    field = ctx.pl.field_of(ctx.record_type_id, node.field)
    if field is None:
        raise bad_request(f"Unknown field '{node.field}' in the filter.", "filter", "UnknownField")
    field_id = field["ID"]
    base = ctx.pl.base_type(field)
    is_lookup = field["type"] == kinds.LOOKUP
    condition = node.condition
    if condition is C.IS_EMPTY:
        return lambda values: is_empty(values.get(field_id))
    if condition is C.IS_NOT_EMPTY:
        return lambda values: not is_empty(values.get(field_id))
    if base in _MULTI:
        return _multi(node, field, base, ctx)
    if base == "CHECKBOX" and not is_lookup:
        wanted = node.value is True or str(node.value).lower() == "true"
        return lambda values: bool(values.get(field_id)) is wanted
    negative = _NEGATIVE.get(condition)
    fast = None if is_lookup else _fast(negative or condition, node, field, base, ctx)
    if fast is not None:
        return (lambda values: not fast(values)) if negative is not None else fast
    test = _scalar_test(negative or condition, node, field, base, ctx)

    if is_lookup:
        def matches(values: dict[str, Any]) -> bool:
            value = values.get(field_id)
            items = value if isinstance(value, list) else [value]
            return any(test(item) for item in items if item is not None)
    else:
        def matches(values: dict[str, Any]) -> bool:
            value = values.get(field_id)
            return value is not None and test(value)

    if negative is not None:
        return lambda values: not matches(values)
    return matches


def _fast(condition: ConditionType, node: Condition, field: Record, base: str,
          ctx: FilterContext) -> Predicate | None:
    """A one-step predicate for the common stored forms (select names, numbers, plain dates), or None."""
    field_id = field["ID"]
    if base == "SINGLE_SELECT" and condition in (C.IS, C.IS_ANY_OF):
        targets = frozenset(_option_name(field, item) for item in _as_items(node.value))
        return lambda values: values.get(field_id) in targets
    if base in _NUMBER and condition in (C.GREATER_THAN, C.GREATER_THAN_OR_EQUAL, C.LESS_THAN,
                                         C.LESS_THAN_OR_EQUAL):
        target = _number(node.value)
        if target is None:
            return None
        test = _number_test(condition, node)
        if condition is C.GREATER_THAN:
            return lambda values: ((v := values.get(field_id)).__class__ in (int, float) and v > target) or (
                v is not None and v.__class__ not in (int, float) and test(v))
        if condition is C.LESS_THAN:
            return lambda values: ((v := values.get(field_id)).__class__ in (int, float) and v < target) or (
                v is not None and v.__class__ not in (int, float) and test(v))
        return None
    if base == "DATE" and condition is C.IS_BETWEEN:
        items = _as_items(node.value)
        if len(items) == 2 and all(isinstance(i, str) and len(i) == 10 for i in items):
            low, high = sorted(str(i) for i in items)
            if ctx.inclusive:
                return lambda values: (v := values.get(field_id)).__class__ is str and low <= v[:10] <= high
            return lambda values: (v := values.get(field_id)).__class__ is str and low < v[:10] < high
    return None


def _as_items(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)


def _scalar_test(condition: ConditionType, node: Condition, field: Record, base: str,
                 ctx: FilterContext) -> Callable[[Any], bool]:
    if base in _TEXT:
        return _text_test(condition, node)
    if base in _NUMBER:
        return _number_test(condition, node)
    if base in _DATE:
        return _date_test(condition, node, ctx)
    if base == "CHECKBOX":
        target = node.value is True or str(node.value).lower() == "true"
        return lambda value: bool(value) == target
    if base == "SINGLE_SELECT":
        source = field if field["type"] != kinds.LOOKUP else _source(ctx, field)
        targets = {_option_name(source, item) for item in _as_items(node.value)}
        return lambda value: value in targets
    if base in _PERSON:
        targets = _people(node, ctx)
        return lambda value: value in targets
    raise bad_request(f"Field '{field.get('displayName')}' cannot be filtered.", "filter")


def _source(ctx: FilterContext, field: Record) -> Record:
    current = field
    for _ in range(6):
        if current.get("type") != kinds.LOOKUP:
            return current
        found = ctx.pl.store.get(kinds.FIELD, str((current.get("lookupOptions") or {}).get("sourceFieldId", "")))
        if found is None:
            break
        current = found
    return current


def _option_name(field: Record, value: Any) -> Any:
    for option in field.get("options") or []:
        if option.get("name") == value:
            return value
    for option in field.get("options") or []:
        if isinstance(value, str) and str(option.get("displayName", "")).lower() == value.lower():
            return option.get("name")
    return value


def _text_test(condition: ConditionType, node: Condition) -> Callable[[Any], bool]:
    target = str(node.value).lower()
    if condition is C.CONTAINS:
        return lambda value: target in (value.lower() if isinstance(value, str) else str(value).lower())
    return lambda value: (value.lower() if isinstance(value, str) else str(value).lower()) == target


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _number_test(condition: ConditionType, node: Condition) -> Callable[[Any], bool]:
    target = _number(node.value)
    if target is None:
        raise bad_request(f"{node.value!r} is not a number.", "filter", "TypeMismatch")
    compare: dict[ConditionType, Callable[[float], bool]] = {
        C.IS: lambda v: v == target,
        C.GREATER_THAN: lambda v: v > target,
        C.GREATER_THAN_OR_EQUAL: lambda v: v >= target,
        C.LESS_THAN: lambda v: v < target,
        C.LESS_THAN_OR_EQUAL: lambda v: v <= target,
    }
    op = compare.get(condition)
    if op is None:
        raise bad_request(f"Condition {condition.value} does not apply to numbers.", "filter")

    def test(value: Any) -> bool:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else _number(value)
        return number is not None and op(number)

    return test


def _date_key(text: Any, day_precision: bool) -> str | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    if day_precision:
        return text[:10]
    if len(text) == 10:
        return text + "T00:00:00.000Z"
    if len(text) == 24 and text.endswith("Z"):
        return text
    try:
        return canonical_instant(text)
    except ValueError:
        return None


def _date_test(condition: ConditionType, node: Condition, ctx: FilterContext) -> Callable[[Any], bool]:
    items = _as_items(node.value)
    day = all(isinstance(item, str) and len(item) == 10 for item in items)
    try:
        for item in items:
            if day:
                date.fromisoformat(item)
        bounds = [_date_key(item if day else str(item), day) for item in items]
    except (TypeError, ValueError):
        raise bad_request(f"{node.value!r} is not an ISO date.", "filter", "TypeMismatch") from None
    if any(bound is None for bound in bounds):
        raise bad_request(f"{node.value!r} is not an ISO date.", "filter", "TypeMismatch")
    if condition in (C.IS_BETWEEN,):
        low, high = sorted(str(b) for b in bounds[:2])
        if ctx.inclusive:
            return lambda value: (key := _date_key(value, day)) is not None and low <= key <= high
        return lambda value: (key := _date_key(value, day)) is not None and low < key < high
    target = str(bounds[0])
    compare: dict[ConditionType, Callable[[str], bool]] = {
        C.IS: lambda k: k == target,
        C.IS_AFTER: lambda k: k > target,
        C.IS_BEFORE: lambda k: k < target,
    }
    op = compare.get(condition)
    if op is None:
        raise bad_request(f"Condition {condition.value} does not apply to dates.", "filter")
    return lambda value: (key := _date_key(value, day)) is not None and op(key)


def _people(node: Condition, ctx: FilterContext) -> set[str]:
    directory = ctx.pl.directory
    targets: set[str] = set()
    for item in _as_items(node.value):
        if isinstance(item, UserId):
            if item.id_type is IdType.WF:
                person = directory.by_wf(item.id)
                targets.add(person.ims_id if person else f"wf:{item.id}")
            else:
                targets.add(item.id)
        elif isinstance(item, str):
            if ctx.plain_people_are_wf:
                person = directory.by_wf(item)
                targets.add(person.ims_id if person else f"wf:{item}")
            else:
                targets.add(item)
    return targets


def _external_targets(node: Condition, field: Record, ctx: FilterContext) -> set[str]:
    target_rt = str((field.get("referenceOptions") or {}).get("recordTypeId", ""))
    items = list(_as_items(node.value))
    wanted = [item for item in items if isinstance(item, str)]
    by_external = external.resolve(ctx.pl, target_rt, wanted, ctx.user_id, timestamp(ctx.pl.context.clock()))
    resolved = {by_external[item] for item in items if isinstance(item, str) and item in by_external}
    if len(items) == 1 and not resolved:
        raise bad_request(f"External ID {items[0]!r} does not match any record of the connected record type.",
                          "filter", "ExternalIdNotFound")
    unresolved = {str(item) for item in items if not (isinstance(item, str) and item in by_external)}
    return resolved | {f"unresolved:{item}" for item in unresolved}


def _multi(node: Condition, field: Record, base: str, ctx: FilterContext) -> Predicate:
    field_id = field["ID"]
    condition = node.condition
    if condition in (C.IS_ANY_OF, C.IS_NONE_OF):
        if base == "REFERENCE" and not ctx.lenient_reference_lists:
            raise bad_request(f"Condition {condition.value} is not allowed on a reference field.", "filter")
        condition = C.HAS_ANY_OF if condition is C.IS_ANY_OF else C.HAS_NONE_OF
    if base == "USER":
        targets = _people(node, ctx)
    elif base == "REFERENCE":
        source = _source(ctx, field)
        external = bool((source.get("referenceOptions") or {}).get("isExternal"))
        if node.match_external_id and external:
            targets = _external_targets(node, source, ctx)
        else:
            targets = {str(item) for item in _as_items(node.value)}
    elif base == "MULTI_SELECT":
        source = _source(ctx, field)
        targets = {_option_name(source, item) for item in _as_items(node.value)}
    else:
        targets = set(_as_items(node.value))

    def members(values: dict[str, Any]) -> set[Any]:
        value = values.get(field_id)
        if value is None:
            return set()
        if isinstance(value, list):
            return set(value)
        return {value}

    if condition is C.HAS_ANY_OF:
        return lambda values: not targets.isdisjoint(members(values))
    if condition is C.HAS_NONE_OF:
        return lambda values: targets.isdisjoint(members(values))
    if condition is C.HAS_ALL_OF:
        return lambda values: targets <= members(values)
    if condition is C.IS_EXACTLY:
        return lambda values: members(values) == targets
    raise bad_request(f"Condition {condition.value} is not allowed on a multi-valued field.", "filter")


# -- sorting and grouping ------------------------------------------------------------------

AUDIT_KEYS = {"createdAt": "createdAt", "updatedAt": "updatedAt", "id": "ID", "createdBy": "createdBy",
              "updatedBy": "updatedBy"}


@dataclass(frozen=True)
class SortSpec:
    """One sort key: a field ID (or an audit property for the plain record list) and its direction."""

    key: str
    descending: bool
    field: Record | None


def spring_sort(pl: Planning, rt_id: str, raw: Iterable[str]) -> list[SortSpec]:
    """``?sort=property,asc|desc`` (repeatable); properties are audit keys, field IDs or aliases."""
    specs = []
    for item in raw:
        name, _, direction = item.partition(",")
        name, direction = name.strip(), direction.strip().lower() or "asc"
        if direction not in ("asc", "desc"):
            raise bad_request(f"Unknown sort direction '{direction}'.", "sort")
        if name in AUDIT_KEYS:
            specs.append(SortSpec(name, direction == "desc", None))
            continue
        field = pl.field_of(rt_id, name)
        if field is None:
            raise bad_request(f"Unknown sort property '{name}'.", "sort", "UnknownField")
        specs.append(SortSpec(field["ID"], direction == "desc", field))
    return specs


def _sort_value(pl: Planning, field: Record | None) -> Callable[[Any], Any]:
    if field is None:
        return lambda value: value
    base = pl.base_type(field)
    if base in _NUMBER:
        return lambda value: _number(value[0] if isinstance(value, list) and value else value)
    if base in ("SINGLE_SELECT", "MULTI_SELECT"):
        order = {o.get("name"): index for index, o in enumerate(field.get("options") or [])}
        return lambda value: order.get(value[0] if isinstance(value, list) and value else value, len(order))
    if base in ("USER", "CREATED_BY", "UPDATED_BY"):
        def person_name(value: Any) -> Any:
            first = value[0] if isinstance(value, list) and value else value
            person = pl.directory.by_any(str(first)) if first else None
            return person.name.lower() if person else (str(first).lower() if first else None)
        return person_name
    if base == "REFERENCE":
        records = pl.store.table(kinds.RECORD)

        def title(value: Any) -> Any:
            first = value[0] if isinstance(value, list) and value else None
            linked = records.get(first) if first else None
            text = None if linked is None else (linked.get("data") or {}).get(
                (pl.store.get(kinds.RECORD_TYPE, linked["recordTypeId"]) or {}).get("primaryFieldId"))
            return None if text is None else str(text).lower()
        return title
    if base == "CHECKBOX":
        return lambda value: 1 if value else 0
    if base in _DATE:
        return lambda value: value if value.__class__ is str and value else None
    return lambda value: None if value in (None, [], "") else str(
        value[0] if isinstance(value, list) and value else value).lower()


def sort_records(pl: Planning, rt_id: str, records: list[Record], values: dict[str, dict[str, Any]],
                 specs: list[SortSpec]) -> list[Record]:
    """``records`` ordered by ``specs`` (stable; empty values last in either direction)."""
    empty: dict[str, Any] = {}
    rows = [(record, values.get(record["ID"], empty)) for record in records]
    return [record for record, _ in sort_rows(pl, rows, specs)]


def sort_rows(pl: Planning, rows: list[tuple[Record, dict[str, Any]]],
              specs: list[SortSpec]) -> list[tuple[Record, dict[str, Any]]]:
    """``(record, values)`` rows ordered by ``specs`` (stable; empty values last in either direction)."""
    ordered = list(rows)
    for spec in reversed(specs):
        if spec.field is None:
            audit = AUDIT_KEYS[spec.key]
            keyed = [(row[0].get(audit), row) for row in ordered]
        else:
            convert = _sort_value(pl, spec.field)
            field_id = spec.key
            keyed = [(convert(row[1].get(field_id)), row) for row in ordered]
        present: list[tuple[Any, Any]] = [pair for pair in keyed if pair[0] is not None]
        missing = [pair[1] for pair in keyed if pair[0] is None]
        present.sort(key=lambda pair: pair[0], reverse=spec.descending)
        ordered = [pair[1] for pair in present] + missing
    return ordered


def group_records(pl: Planning, records: list[Record], values: dict[str, dict[str, Any]],
                  specs: list[SortSpec], with_count: bool) -> list[dict[str, Any]]:
    """``[{fieldId, value, recordIds, count}]`` over every matching record, per grouping field."""
    groups: list[dict[str, Any]] = []
    for spec in specs:
        buckets: dict[Any, list[str]] = {}
        for record in records:
            value = values.get(record["ID"], {}).get(spec.key)
            items = value if isinstance(value, list) and value else [None if value in ("", []) else value]
            for item in items:
                bucket_key = item if not isinstance(item, dict | list) else repr(item)
                buckets.setdefault(bucket_key, []).append(record["ID"])
        convert = _sort_value(pl, spec.field)
        keys = sorted(buckets, key=lambda k: (convert(k) is None, convert(k) if convert(k) is not None else 0),
                      reverse=False)
        if spec.descending:
            present = [k for k in keys if convert(k) is not None]
            keys = list(reversed(present)) + [k for k in keys if convert(k) is None]
        for key in keys:
            group: dict[str, Any] = {"fieldId": spec.key, "value": key, "recordIds": buckets[key]}
            if with_count:
                group["count"] = len(buckets[key])
            groups.append(group)
    return groups

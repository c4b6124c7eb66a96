"""Property-based: random valid trees and searches survive model -> v2 -> model and model -> v1 -> model
unchanged (for what v1 can carry), through real JSON text, and validate without errors."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planning_filter_fields import CATALOG_FIELDS

from wfexplorer.core.planning.filters import (
    LENIENT_CONDITIONS,
    PEOPLE_KINDS,
    Condition,
    FieldCatalog,
    FieldInfo,
    FieldKind,
    Group,
    Operator,
    Paging,
    SearchRequest,
    SortKey,
    UserId,
    ValueShape,
    conditions,
    filters_from_v1,
    filters_to_v1,
    group_from_v2,
    node_to_v2,
    request_from_v1,
    request_from_v2,
    request_to_v1,
    request_to_v2,
    validate,
)

CATALOG = FieldCatalog(CATALOG_FIELDS)
FILTERABLE = [f for f in CATALOG_FIELDS if f.allowed_conditions]

ids = st.text(alphabet="abcdef0123456789", min_size=1, max_size=8)
texts = st.text(min_size=1, max_size=12)
numbers = st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False, width=32)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)).map(date.isoformat)
datetimes = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
    lambda d: d.replace(tzinfo=UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
)


def items_for(info: FieldInfo, typed_people: bool) -> st.SearchStrategy:
    kind = info.effective_kind
    if kind in PEOPLE_KINDS:
        typed = st.builds(UserId, ids, st.sampled_from(["WF", "IMS"]))
        return (ids | typed) if typed_people else ids
    if kind in (FieldKind.NUMBER, FieldKind.PERCENTAGE, FieldKind.CURRENCY):
        return numbers
    if kind in (FieldKind.DATE, FieldKind.CREATED_AT, FieldKind.UPDATED_AT):
        return dates | datetimes
    if kind is FieldKind.BOOLEAN:
        return st.booleans()
    if kind in (FieldKind.SINGLE_SELECT, FieldKind.MULTI_SELECT):
        return st.sampled_from([o.name for o in info.options])
    if kind is FieldKind.REFERENCE:
        return ids
    return texts


@st.composite
def valid_conditions(draw, v1_only: bool) -> Condition:
    info = draw(st.sampled_from(FILTERABLE))
    tolerated = tuple(LENIENT_CONDITIONS.get(info.effective_kind, {}))  # accepted with a warning
    condition = draw(st.sampled_from(info.allowed_conditions + tolerated))
    items = items_for(info, typed_people=not v1_only)
    shape = condition.shape
    if shape is ValueShape.NONE:
        value = None
    elif shape is ValueShape.SCALAR:
        value = draw(items)
    elif shape is ValueShape.PAIR:
        value = (draw(items), draw(items))
    else:
        value = tuple(draw(st.lists(items, min_size=1, max_size=4)))
    external = not v1_only and draw(st.booleans()) and (info.is_external or draw(st.booleans()))  # else a warning
    field = draw(st.sampled_from([info.id, info.alias] if info.alias else [info.id]))
    return Condition(field, condition, value, match_external_id=external)


def trees(v1_only: bool = False) -> st.SearchStrategy[Group]:
    groups = st.recursive(
        valid_conditions(v1_only),
        lambda children: st.builds(Group, st.sampled_from(list(Operator)), st.lists(children, min_size=1, max_size=4)),
        max_leaves=12,
    )
    return st.builds(Group, st.sampled_from(list(Operator)), st.lists(groups, min_size=1, max_size=4))


def through_json(data):
    return json.loads(json.dumps(data))


keys = st.builds(SortKey, st.sampled_from([f.id for f in CATALOG_FIELDS]), st.sampled_from(["asc", "desc"]))
asc_keys = st.builds(SortKey, st.sampled_from([f.id for f in CATALOG_FIELDS]))
field_lists = st.none() | st.lists(st.sampled_from([f.id for f in CATALOG_FIELDS]), min_size=1, max_size=3).map(tuple)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(trees())
def test_random_valid_trees_validate_without_errors(tree):
    assert [p for p in validate(tree, CATALOG) if p.is_error] == []


@FAST
@given(trees())
def test_random_trees_survive_model_to_v2_to_model(tree):
    assert group_from_v2(through_json(node_to_v2(tree)), CATALOG) == tree


@FAST
@given(trees(v1_only=True))
def test_random_trees_v1_can_carry_survive_model_to_v1_to_model(tree):
    assert not any(c.match_external_id or isinstance(c.value, UserId) for c in conditions(tree))
    assert filters_from_v1(through_json(filters_to_v1(tree)), CATALOG) == tree


@FAST
@given(
    tree=st.none() | trees(),
    sort=st.lists(keys, max_size=3).map(tuple),
    group=st.lists(keys, max_size=2).map(tuple),
    field_ids=field_lists,
    page=st.none() | st.tuples(st.integers(0, 50), st.integers(1, 2000)),
    aliased=st.booleans(),
)
def test_random_searches_survive_model_to_v2_to_model(tree, sort, group, field_ids, page, aliased):
    request = SearchRequest(filter=tree, sort=sort, group=group, field_ids=field_ids, aliased=aliased,
                            paging=None if page is None else Paging.of_page(*page))
    conversion = request_to_v2(request)
    assert conversion.losses == ()
    assert request_from_v2(through_json(conversion.body), through_json(conversion.params), CATALOG) == request


@FAST
@given(
    tree=st.none() | trees(v1_only=True),
    sort=st.lists(keys, max_size=3).map(tuple),
    group=st.lists(asc_keys, max_size=2).map(tuple),
    attributes=st.none() | st.lists(st.sampled_from(["data", "createdBy", "updatedAt"]), min_size=1).map(tuple),
    paging=st.none() | st.builds(Paging, st.integers(0, 10**5), st.integers(1, 2000)),
    record_type=st.none() | ids,
)
def test_random_searches_v1_can_carry_survive_model_to_v1_to_model(tree, sort, group, attributes, paging,
                                                                    record_type):
    request = SearchRequest(filter=tree, sort=sort, group=group, attributes=attributes, paging=paging,
                            record_type_id=record_type)
    conversion = request_to_v1(request)
    assert conversion.losses == ()
    assert request_from_v1(through_json(conversion.body), through_json(conversion.params), CATALOG) == request

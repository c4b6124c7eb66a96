"""Property-based, against the simulator: a random valid filter tree finds the same records whether the client
sends it as v2 JSON or as v1 JSON. Values are drawn from the seeded records so that filters match something."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wfexplorer.core.planning import Field, PlanningClient, SearchRequest
from wfexplorer.core.planning.filters import (
    NUMERIC_KINDS,
    TEMPORAL_KINDS,
    Condition,
    FieldKind,
    Group,
    Operator,
    SortKey,
    ValueShape,
    validate,
)


class World(dict):
    """What the strategies draw from; a short repr keeps Hypothesis's reports readable."""

    def __repr__(self) -> str:
        return "World(...)"


@pytest.fixture(scope="module")
def world(demo_server) -> Iterator[World]:
    token = demo_server.credentials()["access_token"]
    with PlanningClient(demo_server.base_url, token, version=2) as v2, \
            PlanningClient(demo_server.base_url, token, version=1) as v1:
        workspace = v2.workspaces()[0]
        record_type = max(v2.record_types(workspace.id), key=lambda rt: len(v2.fields(rt.id)))
        fields = [f for f in v2.fields(record_type.id) if f.info.allowed_conditions]
        records = list(v2.iter_search(record_type.id, SearchRequest(), page_size=200))
        pools: dict[str, list[Any]] = {}
        for field in fields:
            pool: list[Any] = []
            for record in records:
                value = record.data.get(field.id)
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict):
                        item = item.get("id")
                    if item is not None and item != "" and item not in pool:
                        pool.append(item)
            pools[field.id] = pool
        name = next(f for f in fields if f.kind is FieldKind.TEXT)
        yield World(v1=v1, v2=v2, record_type=record_type, fields=[f for f in fields if pools[f.id]], pools=pools,
                    catalog=v2.catalog(record_type.id), sort=(SortKey(name.id),))


def _item(draw, field: Field, pool: list[Any], contains: bool) -> Any:
    value = draw(st.sampled_from(pool))
    kind = field.info.effective_kind
    if contains and isinstance(value, str) and len(value) > 2:
        start = draw(st.integers(0, len(value) - 2))
        return value[start:start + draw(st.integers(1, 4))]
    if kind in NUMERIC_KINDS and isinstance(value, int | float):
        return value + draw(st.sampled_from([-1, 0, 1]))
    if kind in TEMPORAL_KINDS and isinstance(value, str):
        return value[:10] if draw(st.booleans()) else value
    return value


@st.composite
def conditions(draw, world: dict[str, Any]) -> Condition:
    field = draw(st.sampled_from(world["fields"]))
    condition = draw(st.sampled_from(field.info.allowed_conditions))
    pool = world["pools"][field.id]
    contains = condition.value in ("CONTAINS", "DOES_NOT_CONTAIN")
    if condition.shape is ValueShape.NONE:
        value = None
    elif condition.shape is ValueShape.SCALAR:
        value = _item(draw, field, pool, contains)
    elif condition.shape is ValueShape.PAIR:
        value = sorted((_item(draw, field, pool, False), _item(draw, field, pool, False)), key=str)
    else:
        value = [_item(draw, field, pool, False) for _ in range(draw(st.integers(1, 3)))]
    return Condition(field.id, condition, value)


def trees(world: dict[str, Any]) -> st.SearchStrategy[Group]:
    nodes = st.recursive(
        conditions(world),
        lambda children: st.builds(Group, st.sampled_from(list(Operator)), st.lists(children, min_size=1, max_size=3)),
        max_leaves=6,
    )
    return st.builds(Group, st.sampled_from(list(Operator)), st.lists(nodes, min_size=1, max_size=3))


def test_random_filters_find_the_same_records_in_v1_and_v2(world):
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data):
        tree = data.draw(trees(world))
        assert [p for p in validate(tree, world["catalog"]) if p.is_error] == []
        request = SearchRequest(filter=tree, sort=world["sort"])
        rt = world["record_type"].id
        new = [r.id for r in world["v2"].iter_search(rt, request)]
        old = [r.id for r in world["v1"].iter_search(rt, request)]
        assert new == old

    check()

"""The tree model: normalised, immutable, comparable values; walking and editing by index path."""

from __future__ import annotations

import dataclasses

import pytest

from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    ConditionType,
    Group,
    IdType,
    Operator,
    Paging,
    SearchRequest,
    UserId,
    conditions,
    describe,
    insert_at,
    label_path,
    node_at,
    replace_at,
    walk,
)


def test_conditions_built_from_strings_and_lists_equal_those_built_from_enums_and_tuples():
    a = Condition("F", "HAS_ANY_OF", ["x", {"id": "u", "idType": "WF"}])
    b = Condition("F", ConditionType.HAS_ANY_OF, ("x", UserId("u", IdType.WF)))
    assert a == b
    assert hash(a) == hash(b)


def test_groups_compare_by_operator_and_children_in_order():
    x, y = Condition("F", "IS", "x"), Condition("F", "IS", "y")
    assert Group("AND", [x, y]) == AND(x, y)
    assert AND(x, y) != AND(y, x)
    assert AND(x) != OR(x)


def test_nodes_are_immutable():
    node = Condition("F", "IS", "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.value = "y"  # type: ignore[misc]


def test_unknown_condition_or_operator_names_cannot_be_built():
    with pytest.raises(ValueError):
        Condition("F", "BETWEEN", [1, 2])
    with pytest.raises(ValueError):
        Group("XOR", ())


def test_walk_visits_every_node_depth_first_with_index_paths():
    a, b, c = (Condition("F", "IS", v) for v in "abc")
    tree = AND(a, OR(b, c))
    assert list(walk(tree)) == [((), tree), ((0,), a), ((1,), tree[1]), ((1, 0), b), ((1, 1), c)]
    assert list(conditions(tree)) == [a, b, c]
    assert node_at(tree, (1, 1)) is c
    assert label_path(tree, (1, 1)) == "filter.AND[1].OR[1]"


def test_editing_returns_a_new_tree_and_leaves_the_old_one_alone():
    a, b, c = (Condition("F", "IS", v) for v in "abc")
    tree = AND(a, OR(b))
    grown = insert_at(tree, (1,), 1, c)
    assert grown == AND(a, OR(b, c))
    assert replace_at(grown, (1, 0), None) == AND(a, OR(c))
    assert replace_at(grown, (0,), OR(a)) == AND(OR(a), OR(b, c))
    assert tree == AND(a, OR(b))


def test_a_search_with_an_empty_root_group_has_no_filter():
    assert SearchRequest(filter=Group(Operator.AND, ())).filter is None


def test_paging_converts_between_pages_and_offsets():
    paging = Paging.of_page(2, 50)
    assert (paging.offset, paging.limit, paging.page, paging.size) == (100, 50, 2, 50)
    assert paging.is_page_aligned
    assert not Paging(offset=10, limit=50).is_page_aligned


def test_a_tree_reads_as_words_with_field_and_option_names(catalog):
    tree = AND(
        Condition("F_status", "IS_ANY_OF", ["opt_active", "opt_planned"]),
        OR(Condition("F_num", "GREATER_THAN", 1000), Condition("F_date", "IS_EMPTY")),
        Condition("F_owner", "HAS_ANY_OF", [UserId("u1", "WF")]),
        Condition("F_date", "IS_BETWEEN", ["2024-01-01", "2024-12-31"]),
    )
    assert describe(tree, catalog) == (
        "Status is any of Active, Planned and (Budget greater than 1000 or Launch is empty) and "
        "Owner has any of u1 (WF) and Launch is between 2024-01-01 and 2024-12-31"
    )
    assert describe(AND(Condition("F_x", "IS", True))) == "F_x is true"
    assert describe(None) == describe(AND()) == "(no filter)"

"""OR:n: groups, AND:n: groups and EXISTS blocks (checklist items 23 and 24)."""

from __future__ import annotations

import pytest
from classic_query_helpers import ANN, BOB, make_store, task_numbers

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


def test_item23_or_groups_are_ored_with_the_base_group(store: Store) -> None:
    pairs = (("status", "CPL"), ("OR:1:priority", "0"), ("OR:2:name", "Deliver"))
    assert task_numbers(store, *pairs) == [3, 4, 6]


def test_item23_conditions_inside_one_or_group_are_anded(store: Store) -> None:
    pairs = (
        ("OR:1:assignedToID", ANN),
        ("OR:1:priority", "1"),
        ("OR:1:priority_Mod", "gt"),
        ("OR:2:assignedToID", BOB),
        ("OR:2:status", "INP"),
        ("OR:2:priority", "2"),
    )
    assert task_numbers(store, *pairs) == [5]


def test_item23_base_filters_do_not_carry_into_or_groups(store: Store) -> None:
    pairs = (("project:name", "Alpha"), ("OR:1:name", "Paint"))
    assert task_numbers(store, *pairs) == [1, 2, 3, 4]


def test_item23_or_groups_alone_without_a_base_group(store: Store) -> None:
    assert task_numbers(store, ("OR:1:taskNumber", "2"), ("OR:2:taskNumber", "5")) == [2, 5]


def test_item23_and_groups_put_several_conditions_on_one_field(store: Store) -> None:
    pairs = (
        ("AND:1:name", "design"),
        ("AND:1:name_Mod", "cicontains"),
        ("AND:2:name", "sign-off"),
        ("AND:2:name_Mod", "cinotcontains"),
    )
    assert task_numbers(store, *pairs) == [1]


def test_item23_and_groups_inside_an_or_group(store: Store) -> None:
    pairs = (
        ("status", "CPL:A"),
        ("OR:1:AND:1:name", "e"),
        ("OR:1:AND:1:name_Mod", "contains"),
        ("OR:1:AND:2:name", "Build"),
        ("OR:1:AND:2:name_Mod", "notcontains"),
        ("OR:1:projectID", "c0000000000000000000000000000001"),
    )
    assert task_numbers(store, *pairs) == [1, 2, 6]


def test_item24_exists_block_links_to_the_outer_record(store: Store) -> None:
    pairs = (
        ("EXISTS:A:$$OBJCODE", "ASSGN"),
        ("EXISTS:A:taskID", "FIELD:ID"),
        ("EXISTS:A:assignmentPercent", "100"),
        ("EXISTS:A:assignedToID", BOB),
    )
    assert task_numbers(store, *pairs) == [2]


def test_item24_notexists_finds_records_without_matching_rows(store: Store) -> None:
    pairs = (
        ("EXISTS:A:$$OBJCODE", "ASSGN"),
        ("EXISTS:A:taskID", "FIELD:ID"),
        ("EXISTS:A:$$EXISTSMOD", "NOTEXISTS"),
    )
    assert task_numbers(store, *pairs) == [3, 4, 5, 6]


def test_item24_exists_conditions_may_follow_paths_on_the_inner_object(store: Store) -> None:
    pairs = (
        ("EXISTS:1:$$OBJCODE", "ASSGN"),
        ("EXISTS:1:taskID", "FIELD:ID"),
        ("EXISTS:1:assignedTo:name", "Ann"),
        ("EXISTS:1:assignedTo:name_Mod", "cicontains"),
    )
    assert task_numbers(store, *pairs) == [1]


def test_item24_two_exists_blocks_and_together_with_filters(store: Store) -> None:
    pairs = (
        ("priority", "1"),
        ("priority_Mod", "gte"),
        ("EXISTS:A:$$OBJCODE", "ASSGN"),
        ("EXISTS:A:taskID", "FIELD:ID"),
        ("EXISTS:B:$$OBJCODE", "PROJ"),
        ("EXISTS:B:ID", "FIELD:projectID"),
        ("EXISTS:B:name", "Alpha"),
    )
    assert task_numbers(store, *pairs) == [1, 2]


def test_item24_exists_without_objcode_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match=r"EXISTS:A: needs EXISTS:A:\$\$OBJCODE"):
        task_numbers(store, ("EXISTS:A:taskID", "FIELD:ID"))


def test_item24_unknown_exists_modifier_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="only NOTEXISTS"):
        task_numbers(store, ("EXISTS:A:$$OBJCODE", "ASSGN"), ("EXISTS:A:$$EXISTSMOD", "MAYBE"))


def test_item24_unknown_field_inside_exists_names_the_inner_object(store: Store) -> None:
    with pytest.raises(ClassicError, match=r"does not support field colour \(Assignment\)"):
        task_numbers(store, ("EXISTS:A:$$OBJCODE", "ASSGN"), ("EXISTS:A:colour", "red"))

"""The editable search: edits keep ids and places, every change is announced, pasted text replaces all, undo works."""

from __future__ import annotations

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model import (
    ChangeKind,
    ClassicSearch,
    Condition,
    Modifier,
    Operation,
    QueryStringError,
    SearchChange,
    SortKey,
)


@pytest.fixture
def search() -> ClassicSearch:
    return ClassicSearch("task")


@pytest.fixture
def changes(search: ClassicSearch) -> list[SearchChange]:
    seen: list[SearchChange] = []
    search.subscribe(seen.append)
    return seen


def test_building_a_search_with_an_or_group_and_a_reference_path(search: ClassicSearch,
                                                                  changes: list[SearchChange]) -> None:
    status = search.add_condition("status", "in", ["NEW", "INP"])
    group = search.add_group()
    path = search.add_condition("assignedTo:homeGroup:name", "cieq", "finance", group=group)
    assert search.query_string() == ("status=NEW&status=INP&status_Mod=in"
                                     "&OR:1:assignedTo:homeGroup:name=finance&OR:1:assignedTo:homeGroup:name_Mod=cieq")
    assert changes == [
        SearchChange(ChangeKind.CONDITION_ADDED, status, 0, 0),
        SearchChange(ChangeKind.GROUP_ADDED, group=1),
        SearchChange(ChangeKind.CONDITION_ADDED, path, 1, 0),
    ]


def test_updating_a_condition_keeps_its_id_and_place(search: ClassicSearch, changes: list[SearchChange]) -> None:
    first = search.add_condition("name", "cicontains", "a")
    second = search.add_condition("priority", "gte", "2")
    search.update_condition(first, modifier="notcontains", values=["b", "c"])
    assert search.where(first) == (0, 0) and search.where(second) == (0, 1)
    assert search.condition(first) == Condition("name", Modifier.NOTCONTAINS, ("b", "c"))
    assert changes[-1] == SearchChange(ChangeKind.CONDITION_CHANGED, first, 0, 0)


def test_an_update_that_changes_nothing_is_not_announced(search: ClassicSearch, changes: list[SearchChange]) -> None:
    condition = search.add_condition("name", "eq", "a")
    search.update_condition(condition, values="a")
    assert len(changes) == 1


def test_moving_a_condition_into_another_group_and_removing_it(search: ClassicSearch,
                                                              changes: list[SearchChange]) -> None:
    moved = search.add_condition("name", None, "a")
    search.add_condition("status", None, "NEW")
    group = search.add_group()
    search.move_condition(moved, group, 0)
    assert search.where(moved) == (1, 0)
    assert search.query_string() == "status=NEW&OR:1:name=a"
    search.remove_condition(moved)
    assert changes[-2:] == [SearchChange(ChangeKind.CONDITION_MOVED, moved, 1, 0),
                            SearchChange(ChangeKind.CONDITION_REMOVED, moved, 1, 0)]
    with pytest.raises(KeyError):
        search.condition(moved)


def test_removing_an_or_group_removes_its_conditions_and_the_first_group_stays(search: ClassicSearch) -> None:
    group = search.add_group()
    search.add_condition("name", None, "a", group=group)
    search.remove_group(group)
    assert search.query_string() == ""
    with pytest.raises(errors.ValidationError, match="cannot be removed"):
        search.remove_group(0)


def test_pasting_a_url_replaces_everything_and_picks_the_mode(search: ClassicSearch,
                                                              changes: list[SearchChange]) -> None:
    search.add_condition("name", None, "old")
    parsed = search.load("https://acme.my.workfront.com/attask/api/v21.0/proj/report?status_GroupBy=true&sessionID=s")
    assert search.object_code == "PROJ" and search.mode is Operation.REPORT
    assert search.query.group_bys == ("status",) and search.query.conditions == ()
    assert parsed.notes and changes[-1] == SearchChange(ChangeKind.RESET)


def test_text_that_cannot_be_read_changes_nothing(search: ClassicSearch, changes: list[SearchChange]) -> None:
    search.add_condition("name", None, "kept")
    with pytest.raises(QueryStringError):
        search.load("name=x&broken")
    assert search.query_string() == "name=kept" and len(changes) == 1


def test_every_edit_can_be_undone_and_redone(search: ClassicSearch) -> None:
    search.add_condition("name", None, "a")
    search.set_sorts([SortKey("name", "desc")])
    search.set_mode("report")
    search.undo()
    assert search.mode is Operation.SEARCH and search.query.sorts == (SortKey("name", "desc"),)
    search.undo()
    assert search.query_string() == "name=a"
    search.redo()
    assert search.query_string() == "name=a&name_Sort=desc" and search.can_redo


def test_typing_into_one_value_is_undone_as_one_step(search: ClassicSearch) -> None:
    name = search.add_condition("name", "cicontains")
    for text in ("l", "la", "lau", "laun"):
        search.update_condition(name, values=text, typing=True)
    priority = search.add_condition("priority", None, "1")
    search.update_condition(priority, values="12", typing=True)
    search.update_condition(name, values="launch", typing=True)  # another condition in between: a new step
    search.undo()
    assert search.condition(name).values == ("laun",)
    search.undo()
    assert search.condition(priority).values == ("1",)
    search.undo()
    search.undo()
    assert search.condition(name).values == ()  # all four keystrokes at once
    search.redo()
    search.update_condition(name, values="launc", typing=True)  # after an undo or redo: a new step
    search.undo()
    assert search.condition(name).values == ("laun",)


def test_changing_the_object_type_clears_what_belonged_to_the_old_one(search: ClassicSearch) -> None:
    search.add_condition("name", None, "a")
    search.set_fields(["project:name"])
    search.set_paging(limit=50)
    search.set_object("PROJ")
    assert search.query_string() == "$$LIMIT=50"


def test_the_request_follows_the_mode(search: ClassicSearch) -> None:
    search.add_condition("name", None, "a")
    search.set_sorts([("name", "asc")])
    search.set_report(group_bys=["status"], aggregates=[("workRequired", "sum")])
    assert search.request().path == "/task/search"
    assert search.request().params == (("name", "a"), ("name_Sort", "asc"))
    search.set_mode(Operation.REPORT)
    assert search.request().params == (("name", "a"), ("status_GroupBy", "true"), ("workRequired_AggFunc", "sum"))
    assert search.request("count").params == (("name", "a"),)
    with pytest.raises(errors.ValidationError):
        search.set_mode("count")


def test_an_unsubscribed_listener_hears_nothing_more(search: ClassicSearch) -> None:
    seen: list[SearchChange] = []
    stop = search.subscribe(seen.append)
    search.add_condition("name", None, "a")
    stop()
    search.add_condition("name", None, "b")
    assert len(seen) == 1

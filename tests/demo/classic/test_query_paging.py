"""Sorting, $$LIMIT/$$FIRST and count (checklist items 26, 27 and 29)."""

from __future__ import annotations

import pytest
from classic_query_helpers import count_of, make_env, make_store, obj, params, search_ids, task_id

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.querying.search import parse_search, run_search
from wfexplorer.demo.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


@pytest.fixture(scope="module")
def big_store() -> Store:
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put_many("ROLE", [{"ID": f"{n:032x}", "objCode": "ROLE", "name": f"Role {n:04d}"} for n in range(2500)])
    return store


def numbers(ids: list[str]) -> list[int]:
    return [int(found[1:]) for found in ids]


def test_item26_sort_ascending_and_descending(store: Store) -> None:
    assert numbers(search_ids(store, "TASK", ("priority_Sort", "asc"))) == [4, 1, 5, 2, 3, 6]
    assert numbers(search_ids(store, "TASK", ("priority_Sort", "desc"))) == [6, 3, 2, 5, 1, 4]


def test_item26_plain_sort_is_case_sensitive_and_ci_sort_is_not(store: Store) -> None:
    assert numbers(search_ids(store, "TASK", ("name_Sort", "asc")))[:3] == [3, 6, 1]
    assert numbers(search_ids(store, "TASK", ("name_Sort", "ciasc"))) == [3, 6, 1, 2, 5, 4]
    assert numbers(search_ids(store, "TASK", ("name_Sort", "cidesc"))) == [4, 5, 2, 1, 6, 3]


def test_item26_numbered_sorts_apply_in_order(store: Store) -> None:
    pairs = (("status_1_Sort", "asc"), ("priority_2_Sort", "desc"))
    assert numbers(search_ids(store, "TASK", *pairs)) == [3, 6, 2, 5, 1, 4]
    reversed_keys = (("status_2_Sort", "asc"), ("priority_1_Sort", "desc"))
    assert numbers(search_ids(store, "TASK", *reversed_keys)) == [6, 3, 2, 5, 1, 4]


def test_item26_nulls_sort_last_ascending_and_first_descending(store: Store) -> None:
    ascending = numbers(search_ids(store, "TASK", ("description_Sort", "asc")))
    descending = numbers(search_ids(store, "TASK", ("description_Sort", "desc")))
    assert ascending[-1] == 3
    assert descending[0] == 3


def test_item26_sort_through_a_reference_path(store: Store) -> None:
    found = numbers(search_ids(store, "TASK", ("project:name_1_Sort", "desc"), ("taskNumber_2_Sort", "asc")))
    assert found == [4, 5, 6, 1, 2, 3]


def test_item26_dates_sort_chronologically(store: Store) -> None:
    found = numbers(search_ids(store, "TASK", ("plannedStartDate_Sort", "asc")))
    assert found == [4, 3, 1, 2, 6, 5]


def test_item26_bad_sort_direction_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Invalid sort direction 'up'"):
        search_ids(store, "TASK", ("name_Sort", "up"))


def test_item27_limit_defaults_to_100(big_store: Store) -> None:
    assert len(search_ids(big_store, "ROLE")) == 100


def test_item27_limit_up_to_2000_is_honoured(big_store: Store) -> None:
    assert len(search_ids(big_store, "ROLE", ("$$LIMIT", "2000"))) == 2000
    assert len(search_ids(big_store, "ROLE", ("$$LIMIT", "7"))) == 7


def test_item27_limit_over_2000_is_the_documented_error(big_store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        search_ids(big_store, "ROLE", ("$$LIMIT", "2001"))
    assert caught.value.message == "The requested limit 2001 is greater than the maximum allowed limit of 2000"
    assert caught.value.error_class == "java.lang.IllegalArgumentException"


@pytest.mark.parametrize("value", ["0", "-5", ""])
def test_item27_limit_zero_negative_or_empty_means_no_limit(big_store: Store, value: str) -> None:
    assert len(search_ids(big_store, "ROLE", ("$$LIMIT", value))) == 2500


@pytest.mark.parametrize("value", ["abc", "1e999x", "ten"])
def test_item27_a_limit_that_is_not_a_number_is_a_clear_error(big_store: Store, value: str) -> None:
    with pytest.raises(ClassicError) as caught:
        search_ids(big_store, "ROLE", ("$$LIMIT", value))
    assert f"Invalid $$LIMIT value '{value}'" in caught.value.message


def test_item27_first_is_a_zero_based_offset(big_store: Store) -> None:
    everything = search_ids(big_store, "ROLE", ("ID_Sort", "asc"), ("$$LIMIT", "0"))
    page = search_ids(big_store, "ROLE", ("ID_Sort", "asc"), ("$$FIRST", "200"), ("$$LIMIT", "50"))
    assert page == everything[200:250]
    assert search_ids(big_store, "ROLE", ("ID_Sort", "asc"), ("$$FIRST", "0"), ("$$LIMIT", "1")) == everything[:1]


def test_item27_first_past_the_end_is_empty(big_store: Store) -> None:
    assert search_ids(big_store, "ROLE", ("$$FIRST", "5000")) == []


def test_item27_unparsable_first_is_a_clear_error(big_store: Store) -> None:
    with pytest.raises(ClassicError, match=r"Invalid \$\$FIRST value 'x'"):
        search_ids(big_store, "ROLE", ("$$FIRST", "x"))


def test_item29_count_uses_the_search_filters(store: Store) -> None:
    assert count_of(store, "TASK") == 6
    assert count_of(store, "TASK", ("status", "NEW"), ("status", "INP")) == 4
    assert count_of(store, "TASK", ("OR:1:priority", "0"), ("OR:2:priority", "5")) == 2


def test_item29_count_ignores_limit_and_first(big_store: Store) -> None:
    assert count_of(big_store, "ROLE", ("$$LIMIT", "10"), ("$$FIRST", "5")) == 2500


def test_run_search_returns_store_records_unchanged(store: Store) -> None:
    env = make_env(store)
    rows = run_search(store, parse_search(obj("TASK"), params(("taskNumber", "1")), env))
    assert rows == [store.get("TASK", task_id(1))]

"""$$TODAY / $$NOW arithmetic and date filters (checklist item 25)."""

from __future__ import annotations

from datetime import datetime

import pytest
from classic_query_helpers import make_env, make_store, search_ids, task_numbers

from wfexplorer.demo.classic.dates import zone
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.wildcards import date_wildcard, expand, parse_date_value
from wfexplorer.demo.store import Store

CHICAGO = zone("America/Chicago")


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


def local(text: str, store: Store) -> tuple[datetime, datetime]:
    bound = date_wildcard(text, make_env(store))
    assert bound is not None
    return bound.start.astimezone(CHICAGO).replace(tzinfo=None), bound.end.astimezone(CHICAGO).replace(tzinfo=None)


# The clock of make_env: Wednesday 2026-11-25 09:30 in Chicago.


def test_item25_today_is_the_whole_current_day(store: Store) -> None:
    assert local("$$TODAY", store) == (datetime(2026, 11, 25), datetime(2026, 11, 25, 23, 59, 59, 999000))


def test_item25_now_is_the_current_instant(store: Store) -> None:
    assert local("$$NOW", store) == (datetime(2026, 11, 25, 9, 30), datetime(2026, 11, 25, 9, 30))


@pytest.mark.parametrize(
    ("text", "expected_start"),
    [
        ("$$TODAY-7d", datetime(2026, 11, 18)),
        ("$$TODAY+1d", datetime(2026, 11, 26)),
        ("$$TODAY+2w", datetime(2026, 12, 9)),
        ("$$TODAY-1m", datetime(2026, 10, 25)),
        ("$$TODAY+1q", datetime(2027, 2, 25)),
        ("$$TODAY-1y", datetime(2025, 11, 25)),
        ("$$NOW+2h", datetime(2026, 11, 25, 11, 30)),
        ("$$NOW-30d", datetime(2026, 10, 26, 9, 30)),
    ],
)
def test_item25_offsets(store: Store, text: str, expected_start: datetime) -> None:
    assert local(text, store)[0] == expected_start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$$TODAYbw", datetime(2026, 11, 22)),  # Sunday
        ("$$TODAYew", datetime(2026, 11, 28, 23, 59, 59, 999000)),  # Saturday
        ("$$TODAYbm", datetime(2026, 11, 1)),
        ("$$TODAYem", datetime(2026, 11, 30, 23, 59, 59, 999000)),
        ("$$TODAYbq", datetime(2026, 10, 1)),
        ("$$TODAYey", datetime(2026, 12, 31, 23, 59, 59, 999000)),
        ("$$TODAYb", datetime(2026, 11, 25)),
        ("$$TODAYe", datetime(2026, 11, 25, 23, 59, 59, 999000)),
        ("$$TODAYe+1w", datetime(2026, 12, 5, 23, 59, 59, 999000)),
        ("$$TODAYb-1m", datetime(2026, 10, 1)),
        ("$$NOWbh", datetime(2026, 11, 25, 9, 0)),
    ],
)
def test_item25_beginning_and_end_of_periods(store: Store, text: str, expected: datetime) -> None:
    start, end = local(text, store)
    assert start == end == expected


def test_item25_month_arithmetic_clamps_the_day(store: Store) -> None:
    env = make_env(store, now=datetime(2026, 1, 31, 18, 0, tzinfo=CHICAGO).timestamp())
    bound = date_wildcard("$$TODAY+1m", env)
    assert bound is not None and bound.day is not None and bound.day.isoformat() == "2026-02-28"


def test_item25_wildcards_are_case_insensitive(store: Store) -> None:
    assert local("$$today-7D", store) == local("$$TODAY-7d", store)


def test_item25_malformed_wildcard_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Invalid date wildcard"):
        date_wildcard("$$TODAYx", make_env(store))


def test_item25_literals_go_through_the_date_parser(store: Store) -> None:
    assert parse_date_value("2026-11-25", make_env(store)).is_span


def test_item25_date_only_filter_matches_the_whole_day(store: Store) -> None:
    # task 1 starts 00:00 and task 2 at 23:59:59.999 on 25 Nov in Chicago; task 3 at 17:00 on the 24th
    assert task_numbers(store, ("plannedStartDate", "2026-11-25")) == [1, 2]


def test_item25_today_filter_matches_the_whole_day(store: Store) -> None:
    assert task_numbers(store, ("plannedStartDate", "$$TODAY")) == [1, 2]


def test_item25_exacttime_matches_the_instant_only(store: Store) -> None:
    pairs = (("plannedStartDate", "2026-11-25"), ("plannedStartDate_Mod", "exacttime"))
    assert task_numbers(store, *pairs) == [1]
    exact = (("plannedStartDate", "2026-11-24T17:00:00:000-0600"), ("plannedStartDate_Mod", "exacttime"))
    assert task_numbers(store, *exact) == [3]


def test_item25_between_today_minus_7d_and_today(store: Store) -> None:
    pairs = (
        ("plannedStartDate", "$$TODAY-7d"),
        ("plannedStartDate_Range", "$$TODAY"),
        ("plannedStartDate_Mod", "between"),
    )
    assert task_numbers(store, *pairs) == [1, 2, 3, 4]


def test_item25_comparisons_with_a_day(store: Store) -> None:
    assert task_numbers(store, ("plannedStartDate", "2026-11-25"), ("plannedStartDate_Mod", "lt")) == [3, 4]
    assert task_numbers(store, ("plannedStartDate", "2026-11-25"), ("plannedStartDate_Mod", "gt")) == [6]
    assert task_numbers(store, ("plannedStartDate", "2026-11-25"), ("plannedStartDate_Mod", "lte")) == [1, 2, 3, 4]
    assert task_numbers(store, ("plannedStartDate", "2026-11-25"), ("plannedStartDate_Mod", "ne")) == [3, 4, 5, 6]


def test_item25_now_is_an_instant_in_comparisons(store: Store) -> None:
    assert task_numbers(store, ("plannedStartDate", "$$NOW"), ("plannedStartDate_Mod", "gte")) == [2, 6]


def test_item25_week_range_with_wildcards(store: Store) -> None:
    pairs = (("plannedStartDate", "$$TODAYbw"), ("plannedStartDate_Range", "$$TODAYew"))
    assert task_numbers(store, *pairs) == [1, 2, 3]


def test_item25_bad_date_filter_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Unable to parse date 'soon'"):
        task_numbers(store, ("plannedStartDate", "soon"))


def test_item15_expand_user_and_customer_wildcards(store: Store) -> None:
    env = make_env(store)
    assert expand("$$USER", env) == env.user_id
    assert expand("$$USER.name", env) == "Ann Archer"
    assert expand("plain text", env) == "plain text"
    assert expand("$$USER", make_env(store, user_id=None)) is None
    with pytest.raises(ClassicError, match="Unknown wildcard attribute"):
        expand("$$USER.shoeSize", env)


def test_item15_customer_and_account_rep_wildcards() -> None:
    store = make_store()
    with store.transaction() as tx:
        tx.put("CUST", {"ID": "k1", "objCode": "CUST", "name": "Acme", "accountRepID": "rep1"})
        tx.put("PROJ", {"ID": "p9", "objCode": "PROJ", "name": "Customer project", "customerID": "k1"})
    env = make_env(store)
    assert expand("$$CUSTOMER", env) == "k1"
    assert expand("$$CUSTOMER.name", env) == "Acme"
    assert expand("$$AR", env) == "rep1"
    assert search_ids(store, "PROJ", ("customerID", "$$CUSTOMER")) == ["p9"]

"""/report: group by, aggregate functions, default dcount_ID, rollup (checklist item 30)."""

from __future__ import annotations

import math

import pytest
from classic_query_helpers import ALPHA, BETA, make_env, make_store, obj, params

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.report import parse_report, run_report
from wfexplorer.demo.store import Store

FIRST = "c1000000000000000000000000000001"
SECOND = "c1000000000000000000000000000002"


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


@pytest.fixture(scope="module")
def hours() -> Store:
    """The documented example: 15 hours on First Project, 30 on Second Project."""
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put("PROJ", {"ID": FIRST, "objCode": "PROJ", "name": "First Project"})
        tx.put("PROJ", {"ID": SECOND, "objCode": "PROJ", "name": "Second Project"})
        for n, (project, amount) in enumerate([(FIRST, 10), (FIRST, 5), (SECOND, 20), (SECOND, 8), (SECOND, 2)]):
            tx.put(
                "HOUR",
                {
                    "ID": f"h{n}",
                    "objCode": "HOUR",
                    "projectID": project,
                    "hours": amount,
                    "entryDate": f"2026-11-0{n + 1}T15:00:00.000Z",
                },
            )
    return store


def report(store: Store, code: str, *pairs: tuple[str, str]) -> dict:
    env = make_env(store)
    return run_report(store, parse_report(obj(code), params(*pairs), env))


def test_item30_group_by_status_counts_distinct_ids_by_default(store: Store) -> None:
    data = report(store, "TASK", ("status_GroupBy", "true"))
    assert data == {
        "CPL": {"dcount_ID": 1, "status": "CPL"},
        "CPL:A": {"dcount_ID": 1, "status": "CPL:A"},
        "INP": {"dcount_ID": 2, "status": "INP"},
        "NEW": {"dcount_ID": 2, "status": "NEW"},
    }


def test_item30_documented_hours_example_with_rollup(hours: Store) -> None:
    data = report(hours, "HOUR", ("project:name_1_GroupBy", "true"), ("hours_AggFunc", "sum"), ("$$ROLLUP", "true"))
    assert data["First Project"]["sum_hours"] == 15
    assert data["Second Project"]["sum_hours"] == 30
    assert data["$$ROLLUP"] == {"sum_hours": 45}
    assert data["First Project"]["project:name"] == "First Project"


def test_item30_no_rollup_unless_asked(hours: Store) -> None:
    assert "$$ROLLUP" not in report(hours, "HOUR", ("project:name_GroupBy", "true"))


@pytest.mark.parametrize(
    ("function", "first", "second"),
    [
        ("sum", 15, 30),
        ("count", 2, 3),
        ("min", 5, 2),
        ("max", 10, 20),
        ("avg", 7.5, 10.0),
        ("var", 12.5, 84.0),
        ("std", math.sqrt(12.5), math.sqrt(84.0)),
    ],
)
def test_item30_aggregate_functions(hours: Store, function: str, first: float, second: float) -> None:
    data = report(hours, "HOUR", ("projectID_GroupBy", "true"), ("hours_AggFunc", function))
    assert data[FIRST][f"{function}_hours"] == pytest.approx(first)
    assert data[SECOND][f"{function}_hours"] == pytest.approx(second)


def test_item30_distinct_aggregate_functions(store: Store) -> None:
    # Beta's three tasks have three different statuses; Alpha's three tasks share one project status
    pairs = [("projectID_GroupBy", "true")] + [("status_AggFunc", fn) for fn in ("count", "dcount")]
    data = report(store, "TASK", *pairs)
    assert data[BETA]["count_status"] == 3
    assert data[BETA]["dcount_status"] == 3
    duplicates = report(store, "TASK", ("projectID_GroupBy", "true"), ("project:status_AggFunc", "dcount"))
    assert duplicates[ALPHA]["dcount_project:status"] == 1


@pytest.mark.parametrize(
    ("function", "expected"),
    [("dsum", 7), ("davg", 3.5), ("dmax", 5), ("dmin", 2), ("dcount", 2), ("dvar", 4.5), ("dstd", math.sqrt(4.5))],
)
def test_item30_distinct_numeric_functions_ignore_repeated_values(function: str, expected: float) -> None:
    store = Store(":memory:")
    with store.transaction() as tx:
        for n, amount in enumerate([2, 5, 5, 2]):
            tx.put("HOUR", {"ID": f"h{n}", "objCode": "HOUR", "hours": amount, "status": "A"})
    data = report(store, "HOUR", ("status_GroupBy", "true"), ("hours_AggFunc", function))
    assert data["A"][f"{function}_hours"] == pytest.approx(expected)


def test_item30_ordered_group_bys_make_one_combined_key(store: Store) -> None:
    data = report(store, "TASK", ("project:name_1_GroupBy", "true"), ("status_2_GroupBy", "true"))
    assert data["Alpha|NEW"] == {"dcount_ID": 1, "project:name": "Alpha", "status": "NEW"}
    assert data["Beta|CPL:A"]["dcount_ID"] == 1
    assert next(iter(data)).startswith("Alpha|")


def test_item30_group_order_follows_the_numbers(store: Store) -> None:
    data = report(store, "TASK", ("project:name_2_GroupBy", "true"), ("status_1_GroupBy", "true"))
    assert "NEW|Alpha" in data


def test_item30_null_group_value(store: Store) -> None:
    data = report(store, "TASK", ("assignedToID_GroupBy", "true"))
    assert data["null"] == {"dcount_ID": 2, "assignedToID": None}
    assert list(data)[-1] == "null"


def test_item30_date_groups_use_the_output_format(hours: Store) -> None:
    data = report(hours, "HOUR", ("entryDate_GroupBy", "true"), ("hours_AggFunc", "max"))
    assert "2026-11-01T09:00:00:000-0600" in data
    assert data["2026-11-01T09:00:00:000-0600"]["entryDate"] == "2026-11-01T09:00:00:000-0600"


def test_item30_filters_apply_before_grouping(store: Store) -> None:
    data = report(store, "TASK", ("status_GroupBy", "true"), ("priority", "2"), ("priority_Mod", "gte"))
    assert data == {
        "CPL": {"dcount_ID": 1, "status": "CPL"},
        "CPL:A": {"dcount_ID": 1, "status": "CPL:A"},
        "INP": {"dcount_ID": 2, "status": "INP"},
    }


def test_item30_without_group_by_the_totals_are_returned(store: Store) -> None:
    assert report(store, "TASK", ("priority_AggFunc", "sum")) == {"sum_priority": 15}
    assert report(store, "TASK") == {"dcount_ID": 6}


def test_item30_unknown_aggregate_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Unknown aggregate function 'median'"):
        report(store, "TASK", ("priority_AggFunc", "median"))


def test_item30_unknown_group_field_is_the_unknown_field_error(store: Store) -> None:
    with pytest.raises(ClassicError, match=r"does not support field colour \(Task\)"):
        report(store, "TASK", ("colour_GroupBy", "true"))


def test_item30_group_by_false_is_ignored(store: Store) -> None:
    assert report(store, "TASK", ("status_GroupBy", "false")) == {"dcount_ID": 6}

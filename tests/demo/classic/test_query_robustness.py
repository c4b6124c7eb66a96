"""Malformed search, fields and report parameters give a ClassicError, never another exception (issue 2: bad input)."""

from __future__ import annotations

import contextlib

from classic_query_helpers import make_env, make_store, obj
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.projection import parse_fields, project
from wfexplorer.demo.classic.querying.search import count, parse_search, run_search
from wfexplorer.demo.classic.report import parse_report, run_report
from wfexplorer.demo.store import Store

STORE: Store = make_store()

_NAMES = st.sampled_from(
    [
        "name",
        "status",
        "priority",
        "plannedStartDate",
        "description",
        "DE:Regions",
        "DE:Budget",
        "DE:Nope",
        "project:name",
        "project:portfolio:name",
        "assignments:assignedTo:name",
        "assignedTo",
        "ID",
        "objCode",
        "bogus",
        "",
        ":",
        "DE:",
        "DE:*",
        "*",
        "project:",
        "a:b:c:d:e",
        "isActive",
        "taskNumber",
        "\x00",
    ]
)
_PREFIXES = st.sampled_from(["", "OR:1:", "OR:x:", "AND:1:", "EXISTS:A:", "OR:2:AND:3:", "EXISTS:B:", "OR:"])
_SUFFIXES = st.sampled_from(["", "_Mod", "_Range", "_Sort", "_1_Sort", "_GroupBy", "_2_GroupBy", "_AggFunc"])
_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "x",
            "NEW",
            "1",
            "-3",
            "1e400",
            "nan",
            "true",
            "True",
            "$$TODAY",
            "$$TODAYbw",
            "$$NOW+2h",
            "$$TODAYzz",
            "$$USER",
            "$$USER.roleIDs",
            "$$USER.nope",
            "$$CUSTOMER",
            "2026-11-25",
            "2026-02-30",
            "2020-05-18T17:00:00:000-0600",
            "[1,2]",
            "[",
            '["a",null]',
            "{}",
            "FIELD:ID",
            "FIELD:bogus",
            "eq",
            "cicontains",
            "between",
            "in",
            "isnull",
            "allof",
            "bitwiseand",
            "length_gt",
            "like",
            "asc",
            "cidesc",
            "sum",
            "dcount",
            "median",
            "NOTEXISTS",
            "ASSGN",
            "PROJ",
            "NOPE",
            "%_%",
            "\x00",
        ]
    ),
    st.text(max_size=12),
)
_PARAMS = st.lists(st.tuples(st.builds(lambda p, n, s: p + n + s, _PREFIXES, _NAMES, _SUFFIXES), _VALUES), max_size=8)
_EXTRA = st.lists(
    st.tuples(st.sampled_from(["$$LIMIT", "$$FIRST", "filters", "$$ROLLUP", "fields"]), _VALUES), max_size=3
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=_PARAMS, extra=_EXTRA)
def test_malformed_search_parameters_raise_classic_errors_only(pairs: list, extra: list) -> None:
    env = make_env(STORE)
    try:
        query = parse_search(obj("TASK"), pairs + extra, env)
        run_search(STORE, query)
        count(STORE, query)
    except ClassicError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=_PARAMS, extra=_EXTRA)
def test_malformed_report_parameters_raise_classic_errors_only(pairs: list, extra: list) -> None:
    env = make_env(STORE)
    with contextlib.suppress(ClassicError):
        run_report(STORE, parse_report(obj("TASK"), pairs + extra, env))


@settings(max_examples=150, deadline=None)
@given(fields=st.lists(st.one_of(_NAMES, _VALUES, st.builds(lambda a, b: a + ":" + b, _NAMES, _NAMES)), max_size=5))
def test_malformed_fields_raise_classic_errors_only(fields: list[str]) -> None:
    env = make_env(STORE)
    with contextlib.suppress(ClassicError):
        project(parse_fields(obj("PROJ"), fields, env), list(STORE.table("PROJ").values()), env)

"""``GET /{obj}/report`` (classic-api.md §3.5): group by fields, aggregate, optional rollup.

Public API::

    report = parse_report(obj, params, env)   # ReportQuery (filters as in search; raises ClassicError)
    data = run_report(store, report)          # the ``data`` object of the response

Parameters:

- ``path_GroupBy=true`` groups by a field (colon paths allowed: ``project:name_GroupBy=true``);
  ``path_n_GroupBy=true`` orders several groupings by ``n`` (unnumbered ones follow in request order).
- ``path_AggFunc=fn`` (repeatable) with ``fn`` one of :data:`FUNCTIONS`: ``max min avg sum count std
  var`` and the distinct versions ``dmax dmin davg dsum dcount dstd dvar``. Without any, the
  aggregate is ``dcount_ID``. Each result key is ``<fn>_<path>`` (``sum_hours``, ``dcount_ID``).
- ``$$ROLLUP=true`` adds a ``"$$ROLLUP"`` entry with the aggregates over every matching record.
- Every other parameter filters as in search (``$$LIMIT``/``$$FIRST`` do not apply).

Response: an object keyed by group value, each entry holding the aggregates plus the grouped
field(s) echoed under their path (``{"NEW": {"dcount_ID": 117, "status": "NEW"}}``). Keys are the
output form of the value (dates in Workfront format, numbers without a trailing ``.0``, booleans
``true``/``false``, NULL as ``"null"``); several groupings join their values with ``"|"`` in one
key (the sources leave that shape open). Entries are ordered by group value, NULL last. Without
any grouping the response is the aggregate object alone (``{"dcount_ID": 147}``).
``std``/``var`` are sample statistics (n-1; 0 for a single value); ``count`` counts non-NULL values;
values reached through a collection path all count.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.demo.classic.dates import format_datetime, stored_key
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.coercion import as_number, as_text, as_truth
from wfexplorer.demo.classic.querying.params import SUFFIX, param_items
from wfexplorer.demo.classic.querying.paths import FieldPath, resolve_path
from wfexplorer.demo.classic.querying.search import SearchQuery, matching, parse_search
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record, Store

FUNCTIONS = (
    "max",
    "min",
    "avg",
    "sum",
    "count",
    "std",
    "var",
    "dmax",
    "dmin",
    "davg",
    "dsum",
    "dcount",
    "dstd",
    "dvar",
)
ROLLUP_KEY = "$$ROLLUP"
NULL_KEY = "null"
KEY_SEPARATOR = "|"


@dataclass(frozen=True)
class Aggregate:
    """One ``<fn>_<path>`` column."""

    function: str
    path: FieldPath

    @property
    def key(self) -> str:
        """The response key, e.g. ``sum_hours``."""
        return f"{self.function}_{self.path.text}"


@dataclass
class ReportQuery:
    """A parsed report: the search filters, the groupings in order, the aggregates and the rollup flag."""

    search: SearchQuery
    groups: list[FieldPath] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
    rollup: bool = False


def parse_report(obj: ObjectDef, params: Any, env: QueryEnv) -> ReportQuery:
    """Parse report parameters for ``obj`` (raises :class:`ClassicError`)."""
    search = parse_search(obj, params, env, default_limit=None)
    group_specs: list[tuple[int, int, str]] = []
    aggregates: list[Aggregate] = []
    rollup = False
    for position, (key, values) in enumerate(param_items(params)):
        if key.upper() == ROLLUP_KEY:
            rollup = bool(values) and as_truth(values[-1]) is True
            continue
        match = SUFFIX.match(key)
        if match is None:
            continue
        suffix = match.group("suffix")
        path = match.group("path")
        if suffix == "GroupBy":
            if values and as_truth(values[-1]) is False:
                continue
            number = int(match.group("n")) if match.group("n") else 1_000_000 + position
            group_specs.append((number, position, path))
        elif suffix == "AggFunc":
            resolved = resolve_path(obj, path, env)
            for value in values:
                function = value.strip().lower()
                if function not in FUNCTIONS:
                    raise ClassicError(
                        f"Unknown aggregate function '{value}' for {path}; use one of: {', '.join(FUNCTIONS)}"
                    )
                aggregates.append(Aggregate(function, resolved))
    groups = [resolve_path(obj, path, env) for _, _, path in sorted(group_specs)]
    if not aggregates:
        aggregates = [Aggregate("dcount", resolve_path(obj, "ID", env))]
    return ReportQuery(search=search, groups=groups, aggregates=aggregates, rollup=rollup)


# -- values ------------------------------------------------------------------------------------


def _all_values(path: FieldPath, record: Record) -> list[Any]:
    """Every value at the end of ``path`` (several through collections; NULLs left out)."""
    current: list[Record] = [record]
    for kind, resolver in path.hops:
        following: list[Record] = []
        for row in current:
            if kind == "ref":
                target = resolver(row)
                if target is not None:
                    following.append(target)
            else:
                following.extend(resolver(row))
        current = following
    out: list[Any] = []
    for row in current:
        value = row.get(path.name)
        if isinstance(value, list):
            out.extend(item for item in value if item is not None)
        elif value is not None:
            out.append(value)
    return out


def _comparable(path: FieldPath, value: Any) -> Any:
    if path.field_type in {"int", "double"}:
        return as_number(value)
    if path.field_type == "dateTime" and isinstance(value, str):
        return stored_key(value)
    if path.field_type == "boolean":
        return as_number(value)
    return as_text(value)


def _output(path: FieldPath, value: Any, zone_name: str) -> Any:
    if value is None:
        return None
    if path.field_type == "dateTime" and isinstance(value, str):
        return format_datetime(value, zone_name) or value
    return value


def _clean_number(value: float) -> int | float:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _aggregate(aggregate: Aggregate, rows: list[Record], zone_name: str) -> Any:
    path = aggregate.path
    function = aggregate.function
    distinct = function.startswith("d")
    base = function[1:] if distinct else function
    values: list[Any] = []
    for row in rows:
        values.extend(_all_values(path, row))
    if distinct:
        seen: dict[Any, Any] = {}
        for value in values:
            try:
                seen.setdefault(_comparable(path, value), value)
            except TypeError:
                continue
        values = list(seen.values())
    if base == "count":
        return len(values)
    if base in {"max", "min"}:
        pairs = [(_comparable(path, value), value) for value in values]
        pairs = [pair for pair in pairs if pair[0] is not None]
        if not pairs:
            return None
        chosen = (max if base == "max" else min)(pairs, key=lambda pair: pair[0])
        return _output(path, chosen[1], zone_name)
    numbers = [number for number in (as_number(value) for value in values) if number is not None]
    if not numbers:
        return None if base != "sum" else 0
    if base == "sum":
        total = math.fsum(numbers)
        return _clean_number(total) if all(isinstance(value, int) for value in values) else total
    mean = math.fsum(numbers) / len(numbers)
    if base == "avg":
        return mean
    variance = 0.0 if len(numbers) < 2 else math.fsum((n - mean) ** 2 for n in numbers) / (len(numbers) - 1)
    return variance if base == "var" else math.sqrt(variance)


def _group_key_part(path: FieldPath, value: Any, zone_name: str) -> str:
    if value is None:
        return NULL_KEY
    if isinstance(value, tuple):
        return ",".join(as_text(item) for item in value)
    output = _output(path, value, zone_name)
    return as_text(output)


def _sort_part(path: FieldPath, value: Any) -> tuple[int, Any]:
    comparable = None if value is None else _comparable(path, value)
    if comparable is None:
        return (1, "")
    return (0, comparable)


def run_report(store: Store, report: ReportQuery) -> dict[str, Any]:
    """Run a report and return the response's ``data`` object."""
    zone_name = report.search.env.time_zone
    rows = matching(store, report.search)

    def aggregates_of(members: list[Record]) -> dict[str, Any]:
        return {aggregate.key: _aggregate(aggregate, members, zone_name) for aggregate in report.aggregates}

    if not report.groups:
        return aggregates_of(rows)
    getters: list[Callable[[Record], Any]] = []
    for path in report.groups:
        if path.hops:
            getters.append(path.value)
        else:
            getters.append(operator.methodcaller("get", path.name))
    buckets: dict[tuple[Any, ...], list[Record]] = {}
    raw_values: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for row in rows:
        raw = tuple(_hashable(getter(row)) for getter in getters)
        key = tuple(_group_key_part(path, value, zone_name) for path, value in zip(report.groups, raw, strict=True))
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = bucket = []
            raw_values[key] = raw
        bucket.append(row)

    def order(key: tuple[Any, ...]) -> tuple[Any, ...]:
        parts = []
        for path, value in zip(report.groups, raw_values[key], strict=True):
            flag, comparable = _sort_part(path, value)
            parts.append((flag, "" if flag else type(comparable).__name__, comparable))
        return tuple(parts)

    data: dict[str, Any] = {}
    for key in sorted(buckets, key=order):
        entry = aggregates_of(buckets[key])
        for path, value in zip(report.groups, raw_values[key], strict=True):
            entry[path.text] = _output(path, list(value) if isinstance(value, tuple) else value, zone_name)
        data[KEY_SEPARATOR.join(key)] = entry
    if report.rollup:
        data[ROLLUP_KEY] = aggregates_of(rows)
    return data


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return value

"""Benchmark: a classic query string of 100 conditions parsed into the search model (target: <= 100 ms).

Run: .venv/bin/python tests/benchmarks/bench_classic_search_model.py
Prints the median and 95th percentile of parsing (into ``ClassicSearch.load``, the builder's path), of
writing the query string back, and of validating the query without metadata.
"""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable

from wfexplorer.core.classic.search_model import ClassicSearch, Condition, between, query, to_query_string, validate

TARGET_MS = 100.0
ROUNDS = 100

SAMPLES = (
    Condition("name", "cicontains", "launch plan"),
    Condition("status", "in", ("NEW", "INP", "CPL:A")),
    between("plannedCompletionDate", "$$TODAY-7d", "$$TODAYe+1w"),
    Condition("assignedTo:homeGroup:name", "eq", "Finance"),
    Condition("DE:Deliverable Type", "notin", ("Copy", "Report")),
    Condition("priority", "gte", "2"),
    Condition("description", "isnull"),
    Condition("assignedToID", None, "$$USER"),
    Condition("project:portfolio:name", "like", "%Retail%"),
    Condition("percentComplete", "lt", "50"),
)


def build_text(n: int = 100) -> str:
    """100 conditions: 40 in the unprefixed group, then six OR groups of 10, plus sorts, fields and paging."""
    base = [SAMPLES[i % len(SAMPLES)] for i in range(40)]
    groups = [[SAMPLES[(g + i) % len(SAMPLES)] for i in range(10)] for g in range((n - 40) // 10)]
    built = query("TASK", *base, or_groups=groups, fields=("project:name", "assignedTo:name", "assignments:*"),
                  limit=200, first=0)
    assert len(built.conditions) == n
    return to_query_string(built)


def measure(action: Callable[[], object]) -> list[float]:
    """Milliseconds of ``ROUNDS`` single runs."""
    return [seconds * 1000 for seconds in timeit.repeat(action, number=1, repeat=ROUNDS)]


def report(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    print(f"{label}: median {median:.2f} ms, p95 {p95:.2f} ms")
    return median


def main() -> int:
    text = build_text()
    print(f"query string: {len(text)} characters, 100 conditions in 7 groups")
    search = ClassicSearch("TASK")
    parse_ms = report("parse into the model (ClassicSearch.load)", measure(lambda: search.load(text)))
    assert len(search.query.conditions) == 100
    report("write the query string back", measure(search.query_string))
    report("validate without metadata", measure(lambda: validate(search.query)))
    verdict = "within" if parse_ms <= TARGET_MS else "OVER"
    print(f"target: parse <= {TARGET_MS:.0f} ms -> {verdict}")
    return 0 if parse_ms <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: validate and serialise a 200-condition filter tree (target: median <= 5 ms).

Run: .venv/bin/python tests/benchmarks/bench_planning_filters.py
Prints the median and 95th percentile of validate + v2 JSON + v1 JSON, and of parsing the v2 JSON back.
"""

from __future__ import annotations

import statistics
import time

from wfexplorer.core.planning.filters import (
    Condition,
    FieldCatalog,
    FieldInfo,
    Group,
    SelectOption,
    UserId,
    filters_to_v1,
    group_from_v2,
    node_to_v2,
    validate,
)

TARGET_MS = 5.0
ROUNDS = 200

FIELDS = FieldCatalog((
    FieldInfo("F_text", "Name", "TEXT"),
    FieldInfo("F_num", "Budget", "CURRENCY"),
    FieldInfo("F_date", "Launch", "DATE"),
    FieldInfo("F_status", "Status", "SINGLE_SELECT",
              options=tuple(SelectOption(f"opt_{i}", f"Option {i}") for i in range(20))),
    FieldInfo("F_owner", "Owner", "USER"),
    FieldInfo("F_ref", "Project", "REFERENCE", is_external=True),
))  # fmt: skip

SAMPLES = (
    Condition("F_text", "CONTAINS", "launch"),
    Condition("F_num", "GREATER_THAN_OR_EQUAL", 1000),
    Condition("F_date", "IS_BETWEEN", ["2024-01-01", "2024-12-31T23:59:59.000Z"]),
    Condition("F_status", "IS_ANY_OF", ["opt_1", "opt_2", "opt_3"]),
    Condition("F_owner", "HAS_ANY_OF", [UserId("63e3b130", "WF"), "ims@AdobeID"]),
    Condition("F_ref", "HAS_ANY_OF", ["5f6a4f6e"], match_external_id=True),
    Condition("F_text", "IS_EMPTY"),
    Condition("F_date", "IS_AFTER", "2024-06-01"),
)


def build_tree(n: int = 200) -> Group:
    """200 conditions in 20 OR groups of 10, nested two deep under an AND root."""
    groups = []
    for g in range(n // 10):
        leaves = tuple(SAMPLES[(g * 10 + i) % len(SAMPLES)] for i in range(10))
        groups.append(Group("OR", (Group("AND", leaves[:5]), Group("AND", leaves[5:]))))
    return Group("AND", tuple(groups))


def measure(action) -> list[float]:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    tree = build_tree()
    count = sum(1 for g in tree for sub in g for _ in sub)
    assert count == 200, count
    assert [p for p in validate(tree, FIELDS) if p.is_error] == []
    v2 = node_to_v2(tree)

    def validate_and_serialise() -> None:
        validate(tree, FIELDS)
        node_to_v2(tree)
        filters_to_v1(tree)

    for name, action in (("validate + to v2 + to v1", validate_and_serialise),
                         ("parse v2 (with field checks)", lambda: group_from_v2(v2, FIELDS))):
        times = measure(action)
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        verdict = "OK" if median <= TARGET_MS else "OVER TARGET"
        print(f"{name:32s} 200 conditions: median {median:.2f} ms, p95 {p95:.2f} ms "
              f"(target <= {TARGET_MS} ms) {verdict}")


if __name__ == "__main__":
    main()

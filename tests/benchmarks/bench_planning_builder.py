"""Benchmarks of the Planning filter builder (run as a script, offscreen; prints figures).

1. Editing one value of a 50-condition tree: the time from the edit until both JSON tabs, the sentence and the
   problems show it (target: within one frame, 16 ms; median and 95th percentile over 100 edits).
2. Pasting a 200-condition filter into the v2 tab: text in the editor → tree built and every view refreshed
   (target <= 200 ms, median of 10).
3. Searching 25,000 records (three conditions and a sort, as in ``bench_demo_planning``): Run → first page
   painted in the results table (target <= 300 ms, median of 9, after one warm-up run).

    .venv/bin/python tests/benchmarks/bench_planning_builder.py
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6.QtWidgets  # noqa: F401 - PySide6 before qasync
import qasync
from PySide6.QtWidgets import QApplication

from wfexplorer.core.planning import PlanningClient
from wfexplorer.core.planning.builder import Grammar
from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    Group,
    RelativeDate,
    SortKey,
    node_to_v2,
)
from wfexplorer.demo.planning.seed import grow_record_type
from wfexplorer.demo.server import DemoServer
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.filters.planning_builder import PlanningBuilder

TIMEOUT = 30.0


def _wait(loop: qasync.QEventLoop, condition, timeout: float = TIMEOUT) -> None:
    async def wait() -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the builder did not get there in time")
            await asyncio.sleep(0.001)

    loop.run_until_complete(wait())


def _report(name: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
    verdict = "OK" if median <= target else "SLOW"
    print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms, max {max(times):.1f} ms (target <= {target:.0f} ms) "
          f"{verdict}", flush=True)


def _tree(fields: dict[str, str], count: int) -> Group:
    samples = [
        Condition(fields["Name"], "CONTAINS", "launch"),
        Condition(fields["Budget"], "GREATER_THAN_OR_EQUAL", 1000),
        Condition(fields["Launch date"], "IS_BETWEEN", ("2027-01-01", RelativeDate(days=30))),
        Condition(fields["Status"], "IS_ANY_OF", ("opt_status_active", "opt_status_planned")),
        Condition(fields["Tags"], "HAS_ALL_OF", ("opt_tags_web",)),
        Condition(fields["Approved"], "IS", True),
        Condition(fields["Description"], "IS_NOT_EMPTY"),
        Condition(fields["Completion"], "LESS_THAN", 80),
    ]
    groups = []
    for start in range(0, count, 10):  # an AND of OR groups of ten, nested two levels deep
        items = [samples[(start + i) % len(samples)] for i in range(min(10, count - start))]
        groups.append(OR(*items[:5], AND(*items[5:])) if len(items) > 5 else OR(*items))
    return AND(*groups)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp, DemoServer(Path(tmp), scale=0.2) as server:
        assert server.context is not None
        started = time.perf_counter()
        record_type_id = grow_record_type(server.context, "campaigns", 25_000)
        print(f"built 25,000 campaigns in {time.perf_counter() - started:.1f} s", flush=True)
        client = PlanningClient(server.base_url, server.credentials()["access_token"])
        ops = Operations()
        builder = PlanningBuilder(ops, client, record_type_id=record_type_id, count_delay_ms=60_000)
        builder.resize(1440, 900)
        builder.show()
        _wait(loop, lambda: builder.record_type is not None and ops.running == 0)
        fields = {field.label: field.id for field in builder.fields}

        # 1. one edit of a 50-condition tree, until both JSON tabs show it
        builder.state.set_tree(_tree(fields, 50))
        budget_nodes = [node.id for node in builder.state.conditions() if node.field == fields["Budget"]]
        times = []
        for index in range(100):
            node = budget_nodes[index % len(budget_nodes)]
            start = time.perf_counter()
            builder.state.set_value(node, 1000 + index)
            elapsed = (time.perf_counter() - start) * 1000
            assert f'"value": {1000 + index}' in builder.json_panel.text_of(Grammar.V2)
            assert f": {1000 + index}" in builder.json_panel.text_of(Grammar.V1)
            times.append(elapsed)
            app.processEvents()
        _report("edit one value of a 50-condition tree → both JSON tabs updated", times, 16)

        # 2. paste a 200-condition filter
        text = json.dumps({"filter": node_to_v2(_tree(fields, 200))}, indent=2)
        editor = builder.json_panel.tab(Grammar.V2).editor
        times = []
        for _ in range(10):
            builder.state.clear()
            app.processEvents()
            start = time.perf_counter()
            editor.setPlainText(text)
            builder.json_panel.apply_now()
            times.append((time.perf_counter() - start) * 1000)
            assert sum(1 for _ in builder.state.conditions()) == 200
            app.processEvents()
        _report("paste a 200-condition filter → tree built and shown", times, 200)

        # 3. search 25,000 records: Run → first page painted
        builder.state.set_tree(AND(
            Condition(fields["Status"], "IS_ANY_OF", ("opt_status_active", "opt_status_planned")),
            Condition(fields["Budget"], "GREATER_THAN", 20_000),
            Condition(fields["Launch date"], "IS_BETWEEN", ("2027-02-01", "2027-11-30")),
        ))
        builder.state.set_sort([SortKey(fields["Launch date"], "desc")])
        builder.state.set_page_size(100)
        shown: list[object] = []
        builder.search_done.connect(shown.append)
        times = []
        for run in range(10):
            shown.clear()
            start = time.perf_counter()
            assert builder.run(), builder.status.text()
            _wait(loop, lambda: bool(shown))
            builder.results.table.viewport().repaint()  # painted, not only queued
            elapsed = (time.perf_counter() - start) * 1000
            if run:
                times.append(elapsed)
        total = builder.last_page.total if builder.last_page else None
        print(f"the search matches {total} of 25,000 records; page of {len(builder.results.page.rows)}", flush=True)
        _report("search 25,000 records: Run → first page painted", times, 300)
        ops.shutdown()
        client.close()


if __name__ == "__main__":
    main()

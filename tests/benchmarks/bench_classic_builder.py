"""Benchmarks of the classic search builder (run as a script, offscreen; prints figures).

1. A query string of 100 conditions (40 unprefixed, six OR groups of ten, sorts, fields, paging) pasted into the
   builder: text in the box → search rebuilt, tree, options and query string shown (target <= 100 ms, median of
   20; the same text as ``bench_classic_search_model``).
2. The count while editing never blocks the GUI thread: 60 edits of a value, 40 ms apart (each one starts a
   debounced count and a metadata check against the simulator), while a 10 ms heartbeat timer runs; the longest
   gap between two beats (target <= 50 ms), and how many counts were asked and answered.

    .venv/bin/python tests/benchmarks/bench_classic_builder.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6.QtWidgets  # noqa: F401 - PySide6 before qasync
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_classic_search_model import build_text

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import SearchStore
from wfexplorer.demo.server import DemoServer
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.filters.classic_builder import ClassicBuilder

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


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp, DemoServer(Path(tmp) / "demo", scale=0.2) as server:
        session = Session("demo", url_template=server.base_url + "/attask/api/{api_version}", api_version="v21.0",
                          use_cache=False)
        session.login("admin", "demo")
        ops = Operations()
        builder = ClassicBuilder(ops, session, SearchStore(Path(tmp) / "searches", "bench"), "TASK",
                                 count_delay_ms=60_000)
        builder.resize(1440, 900)
        builder.show()
        _wait(loop, lambda: builder.object_picker.count() > 1 and ops.running == 0)

        # 1. paste 100 conditions
        text = build_text()
        editor = builder.query_panel.editor
        times = []
        for _ in range(20):
            builder.search.load("")
            _wait(loop, lambda: True)  # events handled inside the running loop
            start = time.perf_counter()
            editor.setPlainText(text)
            builder.query_panel.apply_now()
            elapsed = (time.perf_counter() - start) * 1000
            assert len(builder.search.query.conditions) == 100, builder.query_panel.problem.text()
            assert builder.tree_model.rowCount() == 7
            times.append(elapsed)
            _wait(loop, lambda: True)  # events handled inside the running loop
        _report("paste a 100-condition query string → builder rebuilt and shown", times, 100)
        builder.check_timer.stop()
        builder.counter.timer.stop()
        _wait(loop, lambda: ops.running == 0)

        # 2. the heartbeat while editing with a live count (the real debounce of the builder's default)
        builder.search.load("name=a&name_Mod=cicontains&status=NEW&OR:1:priority=2&OR:1:priority_Mod=gte")
        builder.counter.timer.setInterval(20)
        builder.check_timer.setInterval(20)
        condition = builder.search.query.conditions[0].id
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(tick)
        answered = [0]
        builder.counter.counted.connect(lambda total, _text: answered.__setitem__(0, answered[0] + (total is not None)))
        asked_before = builder.counter.asked
        last[0] = time.perf_counter()
        heartbeat.start()
        for index in range(60):
            builder.search.update_condition(condition, values="abcdefghij"[index % 10])
            deadline = time.perf_counter() + 0.04
            _wait(loop, lambda deadline=deadline: time.perf_counter() >= deadline)
        _wait(loop, lambda: ops.running == 0 and not builder.counter.timer.isActive())
        heartbeat.stop()
        asked = builder.counter.asked - asked_before
        print(f"heartbeat while editing with a live count: longest gap {max(gaps):.1f} ms, median "
              f"{statistics.median(gaps):.1f} ms over {len(gaps)} beats (target <= 50 ms) "
              f"{'OK' if max(gaps) <= 50 else 'SLOW'}; {asked} counts asked, {answered[0]} answered",
              flush=True)
        ops.shutdown()
        session.close()


if __name__ == "__main__":
    main()

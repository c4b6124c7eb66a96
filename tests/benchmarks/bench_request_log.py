"""The request log while browsing: 5,000 rows, a 5 ms GUI heartbeat and the memory it costs (offscreen).

    .venv/bin/python tests/benchmarks/bench_request_log.py [--requests 5000] [--rate 100]

The simulator runs in its own process (so its work does not compete with the GUI for the interpreter). Four
worker threads browse it through one classic Session and a Planning client (searches with reference fields,
counts, loads, metadata, Planning lists, an error now and then) while the request log dock shows every request
and the "user" selects the newest row four times a second (the detail pane formats its body). A 5 ms timer on
the GUI thread records its longest gap. Each run is measured twice, without the log (the baseline: what the
browsing itself costs the GUI) and with it:

1. browsing at ``--rate`` requests a second (100: ten tree expansions a second of ten requests each);
2. the same number of requests as fast as the four workers go (a stress figure: the worker threads then
   keep the interpreter lock busy, and every call the GUI makes into Python waits for it).

The longest gaps at the browsing rate were full garbage collections (about 60 ms over the start-up objects);
the application now freezes those once its first main window is up, and runs full collections at quiet moments
(``wfexplorer.ui.collector``); so does this benchmark, and ``--no-gc-freeze`` shows the figures without it.

Targets: longest heartbeat gap <= 50 ms and memory growth (resident set) <= 50 MB for 5,000 rows.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import gc
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6.QtWidgets  # noqa: F401 - PySide6 before qasync
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.planning import PlanningClient
from wfexplorer.core.requestlog import RequestLog
from wfexplorer.core.transport import Transport
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.collector import COLLECTOR
from wfexplorer.ui.requests import RequestLogDock, RequestLogWidget

sys.path.insert(0, str(Path(__file__).parent))
from benchmark_support import Heartbeat, rss_mb, start_simulator

WORKERS = 4


def browsing_calls(session: Session, planning: PlanningClient) -> list[Callable[[], Any]]:
    """The kinds of request an explorer makes, to be cycled through."""
    project_ids = [project.id for project in session.search("PROJ", fields=["name"], **{"$$LIMIT": 50})]
    workspace = planning.workspaces()[0]
    return [
        lambda: session.search("PROJ", status="CUR", fields=["name", "owner:name", "plannedCompletionDate"]),
        lambda: session.count("TASK", status="INP"),
        lambda: session.search("TASK", fields=["name", "project:name", "assignedTo:name"], **{"$$LIMIT": 40}),
        lambda: session.load("PROJ", project_ids[:20], fields=["name", "status"]),
        lambda: session.get("/user/metadata"),
        lambda: planning.record_types(workspace.id),
        lambda: session.search("ISSUE", fields=["name", "status"], **{"$$LIMIT": 25}),
        lambda: session.get("/proj/noSuchOperation"),  # an error now and then
    ]


async def browse(calls: list[Callable[[], Any]], count: int, executor: concurrent.futures.Executor,
                 rate: float = 0) -> float:
    """Make ``count`` requests from the worker threads, ``rate`` per second (0: as fast as they go); return the
    seconds it took."""
    loop = asyncio.get_running_loop()
    cycle = itertools.cycle(calls)
    started = time.perf_counter()

    def one(call: Callable[[], Any]) -> None:
        with contextlib.suppress(Exception):  # errors are part of browsing
            call()

    pending = []
    for number in range(count):
        if rate:
            delay = started + number / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
        pending.append(loop.run_in_executor(executor, one, next(cycle)))
    await asyncio.gather(*pending)
    return time.perf_counter() - started


class Bench:
    """One simulator, one session and Planning client, the worker pool and the heartbeat."""

    def __init__(self, loop: qasync.QEventLoop, credentials: dict[str, Any], cache: Path) -> None:
        self.loop = loop
        self.transport = Transport(pool_size=WORKERS + 2)
        self.session = Session("demo", api_key=credentials["api_key"], api_version="v21.0",
                               url_template=base_url_template(credentials["base_url"]), transport=self.transport,
                               cache_dir=cache)
        self.planning = PlanningClient(credentials["base_url"], credentials["access_token"], transport=self.transport)
        self.calls = browsing_calls(self.session, self.planning)
        self.executor = concurrent.futures.ThreadPoolExecutor(WORKERS)
        self.heartbeat = Heartbeat()
        self.loop.run_until_complete(browse(self.calls, 200, self.executor))  # warm caches, pools and imports

    def baseline(self, count: int, rate: float) -> str:
        self.heartbeat.start()
        seconds = self.loop.run_until_complete(browse(self.calls, count, self.executor, rate))
        gap, p99 = self.heartbeat.stop()
        return (f"  without the log: {count} requests in {seconds:.1f} s; heartbeat longest gap {gap} ms, "
                f"99th percentile {p99:.0f} ms")

    def with_log(self, count: int, rate: float) -> tuple[list[str], int, float]:
        log = RequestLog()
        ops = Operations()
        widget = RequestLogWidget(log, ops, session=self.session, planning=self.planning)
        dock = RequestLogDock(widget)
        dock.resize(1200, 800)
        dock.show()
        self.loop.run_until_complete(asyncio.sleep(0.3))
        gc.collect()
        before = rss_mb()
        stop = self.transport.subscribe(log.add)
        selector = QTimer()
        selector.setInterval(250)
        selector.timeout.connect(lambda: widget.select_row(widget.model.rowCount() - 1)
                                 if widget.model.rowCount() else None)
        selector.start()
        self.heartbeat.start()
        seconds = self.loop.run_until_complete(browse(self.calls, count, self.executor, rate))
        self.loop.run_until_complete(asyncio.sleep(0.3))  # the last batch of rows
        gap, p99 = self.heartbeat.stop()
        selector.stop()
        stop()
        gc.collect()
        growth = rss_mb() - before
        kept = sum(len(e.response.text or "") for e in log.entries() if e.response) / 1e6
        lines = [f"  with the request log: {count} requests in {seconds:.1f} s ({count / seconds:.0f}/s), "
                 f"{widget.model.rowCount()} rows shown",
                 f"    heartbeat longest gap {gap} ms, 99th percentile {p99:.0f} ms "
                 f"(target <= 50 ms: {'OK' if gap <= 50 else 'MISSED'})",
                 f"    memory growth {growth:.1f} MB resident for {len(log)} rows, {kept:.1f} MB of bodies kept "
                 f"(target <= 50 MB: {'OK' if growth <= 50 else 'MISSED'})"]
        widget.model.close()
        ops.shutdown()
        dock.close()
        dock.deleteLater()
        return lines, gap, growth

    def close(self) -> None:
        self.executor.shutdown()
        self.session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second while browsing")
    parser.add_argument("--no-gc-freeze", dest="gc_freeze", action="store_false",
                        help="leave the start-up objects to the collector (the application freezes them once its "
                             "first main window is up)")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (figures are noisier under load)")
    with tempfile.TemporaryDirectory() as folder:
        process, credentials = start_simulator(Path(folder) / "demo")
        try:
            with loop:
                bench = Bench(loop, credentials, Path(folder) / "cache")
                if args.gc_freeze:
                    COLLECTOR.start()
                policy = "frozen after start-up, full collections when quiet" if args.gc_freeze else "as Python sets it"
                print(f"garbage collector: {policy}")
                print(f"1. browsing at {args.rate:.0f} requests a second:")
                print(bench.baseline(min(args.requests, 1000), args.rate))
                lines, _, _ = bench.with_log(args.requests, args.rate)
                print("\n".join(lines))
                print(f"2. stress: {args.requests} requests as fast as {WORKERS} workers go:")
                print(bench.baseline(min(args.requests, 2000), 0))
                lines, _, _ = bench.with_log(args.requests, 0)
                print("\n".join(lines))
                bench.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())

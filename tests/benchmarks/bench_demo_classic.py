"""Benchmarks of the classic simulator (issue 2), run as a plain script; prints the figures.

    .venv/bin/python tests/benchmarks/bench_demo_classic.py [--data DIR] [--scale 1]

It starts ``wfexplorer-demo`` as a subprocess on a loopback port with the default dataset (built
in a temporary directory unless ``--data`` names one), then measures:

- task/search returning 2,000 tasks with ``fields=project:name,assignedTo:name,assignments:*``
  (median, target ≤ 150 ms);
- get by ID with default fields (median of sequential requests, target ≤ 5 ms) and throughput
  with 8 concurrent clients (target ≥ 300 requests/s);
- start on an existing database: from process start to the first answered request (median of
  five restarts, ≤ 0.5 s);
- the server's RSS with the default dataset after the runs above, and again once every classic
  object type has been read (the store loads a kind on first use), ≤ 150 MB (psutil).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import requests

TIMEOUT = 30
SEARCH_FIELDS = "project:name,assignedTo:name,assignments:*"


def _command(data_dir: Path, scale: float) -> list[str]:
    script = Path(sys.executable).with_name("wfexplorer-demo")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "wfexplorer.demo"]
    return [*base, "--port", "0", "--data", str(data_dir), "--scale", str(scale)]


class RunningServer:
    """A ``wfexplorer-demo`` subprocess: its process, base URL and the time its first request took."""

    def __init__(self, data_dir: Path, scale: float) -> None:
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            _command(data_dir, scale), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        first_line = self.process.stdout.readline().strip()
        if not first_line.startswith("wfexplorer-demo listening on "):
            self.stop()
            raise RuntimeError(f"unexpected first line: {first_line!r}")
        self.base_url = first_line.rsplit(" ", 1)[-1]
        threading.Thread(target=self.process.stdout.read, daemon=True).start()  # drain the rest
        credentials = json.loads((data_dir / "demo-credentials.json").read_text(encoding="utf-8"))
        self.headers = {"sessionID": credentials["access_token"]}
        self.api = f"{self.base_url}/attask/api/v21.0"
        response = requests.get(f"{self.api}/proj/search", params={"$$LIMIT": 1}, headers=self.headers,
                                timeout=TIMEOUT)
        response.raise_for_status()
        self.first_response_seconds = time.perf_counter() - self.started

    def rss_mb(self) -> float:
        """Resident memory of the server process, in MB."""
        return psutil.Process(self.process.pid).memory_info().rss / 1e6

    def stop(self) -> None:
        """Stop the server with Ctrl-C and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _timed(call: Any) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def bench_search(server: RunningServer, runs: int = 15) -> tuple[float, int]:
    """Median seconds of the 2,000-task search, and how many tasks it returned."""
    params = {"$$LIMIT": 2000, "fields": SEARCH_FIELDS, "ID_Sort": "asc"}
    session = requests.Session()
    returned = len(session.get(f"{server.api}/task/search", params=params, headers=server.headers,
                               timeout=TIMEOUT).json()["data"])

    def one() -> None:
        response = session.get(f"{server.api}/task/search", params=params, headers=server.headers, timeout=TIMEOUT)
        response.raise_for_status()
        response.json()

    times = [_timed(one) for _ in range(runs)]
    return statistics.median(times), returned


def _task_ids(server: RunningServer, count: int) -> list[str]:
    response = requests.get(f"{server.api}/task/search", params={"$$LIMIT": count}, headers=server.headers,
                            timeout=TIMEOUT)
    return [item["ID"] for item in response.json()["data"]]


def bench_get(server: RunningServer, runs: int = 300) -> float:
    """Median seconds of sequential get-by-ID requests with default fields."""
    ids = _task_ids(server, runs)
    session = requests.Session()
    times = []
    for object_id in ids:
        start = time.perf_counter()
        response = session.get(f"{server.api}/task/{object_id}", headers=server.headers, timeout=TIMEOUT)
        response.raise_for_status()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_concurrent_get(server: RunningServer, clients: int = 8, seconds: float = 3.0) -> float:
    """Requests per second of get-by-ID with ``clients`` threads for ``seconds``."""
    ids = _task_ids(server, 500)
    done = [0] * clients
    errors = [0] * clients
    stop_at = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        session = requests.Session()
        position = slot
        while time.perf_counter() < stop_at:
            object_id = ids[position % len(ids)]
            position += clients
            response = session.get(f"{server.api}/task/{object_id}", headers=server.headers, timeout=TIMEOUT)
            if response.status_code == 200:
                done[slot] += 1
            else:
                errors[slot] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if sum(errors):
        print(f"  ({sum(errors)} failed requests during the concurrent run)")
    return sum(done) / elapsed


def touch_every_classic_kind(server: RunningServer) -> int:
    """Count every classic object once, so every kind is loaded in memory; return how many answered."""
    objects = requests.get(f"{server.api}/metadata", headers=server.headers, timeout=TIMEOUT).json()["data"]["objects"]
    answered = 0
    for entry in objects.values():
        response = requests.get(f"{server.api}/{entry['objCode']}/count", headers=server.headers, timeout=TIMEOUT)
        answered += response.status_code == 200
    return answered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="data directory to use (default: a fresh temporary one)")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    temporary = args.data is None
    data_dir = Path(tempfile.mkdtemp(prefix="wfx-bench-")) if temporary else args.data
    try:
        build_started = time.perf_counter()
        first = RunningServer(data_dir, args.scale)  # builds the dataset if the directory is empty
        build_seconds = time.perf_counter() - build_started
        first.stop()
        restarts = []
        for _ in range(4):  # start on the existing database; median of several, the machine is noisy
            again = RunningServer(data_dir, args.scale)
            restarts.append(again.first_response_seconds)
            again.stop()
        server = RunningServer(data_dir, args.scale)
        restarts.append(server.first_response_seconds)
        try:
            search_median, returned = bench_search(server)
            get_median = bench_get(server)
            throughput = bench_concurrent_get(server)
            rss = server.rss_mb()
            touch_every_classic_kind(server)
            rss_all = server.rss_mb()
        finally:
            server.stop()
        results = [
            ("first start incl. dataset build (s)", build_seconds, None),
            ("start on existing database, first response, median of 5 (s)", statistics.median(restarts), "<= 0.5"),
            (f"task/search {returned} tasks with {SEARCH_FIELDS}, median (ms)", search_median * 1000, "<= 150"),
            ("get by ID, default fields, median (ms)", get_median * 1000, "<= 5"),
            ("get by ID, 8 concurrent clients (requests/s)", throughput, ">= 300"),
            ("server RSS after the runs (MB)", rss, "<= 150"),
            ("server RSS after reading every classic object type too (MB)", rss_all, "<= 150"),
        ]
        for label, value, target in results:
            print(f"{label:70s} {value:10.2f}  {target or ''}")
        if returned < 2000:
            print(f"note: the dataset has only {returned} tasks; the search target assumes 2,000")
    finally:
        if temporary:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())

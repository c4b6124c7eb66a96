"""Benchmark: build the classic demo dataset (default scale and --scale 10) into a fresh SQLite store.

Run: ``.venv/bin/python tests/benchmarks/bench_demo_seed.py [--scales 1 10] [--file]``.
Prints seconds per scale (building records in memory, then the whole seed into the store).
Targets (issue 2): default dataset ≤ 5 s, ``--scale 10`` ≤ 60 s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from wfexplorer.demo.classic.seed import build_dataset
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.seed import seed_all
from wfexplorer.demo.store import Store


def measure(scale: float, on_disk: bool) -> None:
    started = time.perf_counter()
    rows = build_dataset(scale)
    built = time.perf_counter() - started
    records = sum(len(items) for items in rows.values())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3" if on_disk else ":memory:"
        store = Store(path)
        started = time.perf_counter()
        seed_all(DemoContext(store), scale)
        seeded = time.perf_counter() - started
        store.close()
    print(
        f"scale {scale:g}: {records} classic records ({len(rows['TASK'])} tasks) "
        f"built in {built:.2f} s; full seed into {'file' if on_disk else 'memory'} store {seeded:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 10.0])
    parser.add_argument("--file", action="store_true", help="seed into a SQLite file instead of :memory:")
    args = parser.parse_args()
    for scale in args.scales:
        measure(scale, args.file)


if __name__ == "__main__":
    main()

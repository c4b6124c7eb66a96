"""Run every benchmark script in this folder, one after another, and print their figures.

    .venv/bin/python tests/benchmarks/run_all.py [NAME ...]

Each ``bench_*.py`` runs in its own process (so one benchmark's caches and memory never
flatter the next). Give names (``demo_classic``, ``gui_startup``) to run only those. The
benchmarks are scripts, not tests: pytest never collects them, and nothing here asserts a
target — the figures are for README and the issues' closing notes.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    """Run the selected benchmarks (all by default); return the number that failed."""
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        wanted = {name.removeprefix("bench_").removesuffix(".py") for name in names}
        scripts = [script for script in scripts if script.stem.removeprefix("bench_") in wanted]
    failures = 0
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parents[1], check=False)
        print(f"--- {script.name}: exit {result.returncode} in {time.perf_counter() - started:.1f} s", flush=True)
        failures += result.returncode != 0
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

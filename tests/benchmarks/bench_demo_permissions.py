"""What authorization costs the classic simulator (issue 15): searches and reads as each access level.

    .venv/bin/python tests/benchmarks/bench_demo_permissions.py [--scale 1] [--rounds 15]

Starts an in-process simulator on the default dataset (in a temporary directory) and prints medians:

- ``task/search`` of up to 2,000 tasks with ``fields=project:name,assignments:*`` as the administrator
  (no visibility filter) and as the planner and the worker (every row, reference and collection row
  filtered by sharing);
- the same search as the worker right after a write (the sharing indexes are rebuilt);
- ``GET /proj/{ID}`` of the shared project as the worker.

The administrator's figure is the baseline; the others show the filter's overhead.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

import requests

from wfexplorer.demo.server import DemoServer

FIELDS = "project:name,assignments:*"


def median_ms(action: Callable[[], Any], rounds: int) -> float:
    action()  # warm the caches
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data, DemoServer(data, scale=args.scale) as server:
        base = f"{server.base_url}/attask/api/v21.0"
        keys = {entry["username"]: entry["api_key"] for entry in server.credentials()["users"]}
        http = requests.Session()

        def search(who: str) -> Callable[[], Any]:
            def run() -> Any:
                response = http.get(f"{base}/task/search", timeout=60,
                                    params={"apiKey": keys[who], "fields": FIELDS, "$$LIMIT": 2000})
                response.raise_for_status()
                return response.json()["data"]
            return run

        for who in ("admin", "planner", "worker"):
            rows = len(search(who)())
            print(f"task/search as {who:8} ({rows:4} rows): {median_ms(search(who), args.rounds):7.1f} ms median")

        def write_then_search() -> Any:
            http.put(f"{base}/user/{server.credentials()['users'][2]['user_id']}", timeout=60,
                     params={"apiKey": keys["worker"], "title": f"t{time.perf_counter()}"}).raise_for_status()
            return search("worker")()

        print(f"write + task/search as worker:      {median_ms(write_then_search, args.rounds):7.1f} ms median")
        shared = search("worker")()
        project_id = shared[0]["project"]["ID"] if shared and shared[0].get("project") else None
        if project_id:
            def get_project() -> Any:
                http.get(f"{base}/proj/{project_id}", params={"apiKey": keys["worker"]}, timeout=60).raise_for_status()
            print(f"GET /proj/ID as worker:             {median_ms(get_project, args.rounds * 4):7.2f} ms median")


if __name__ == "__main__":
    main()

"""Benchmarks of the Planning simulator (run as a script; prints figures).

1. Search over a record type of 25,000 records, three conditions and a sort, page size 500 (target: median
   <= 150 ms per request, over real HTTP on loopback).
2. List 100 fields of a record type (target: median <= 20 ms).

    .venv/bin/python tests/benchmarks/bench_demo_planning.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests

from wfexplorer.demo.planning.seed import grow_record_type
from wfexplorer.demo.server import DemoServer

RUNS = 21
TIMEOUT = 30


def _timed(call, runs: int = RUNS) -> list[float]:
    call()  # warm-up (builds the caches a long-running server keeps)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(name: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    verdict = "OK" if median <= target else "SLOW"
    print(f"{name}: median {median:.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms "
          f"(target <= {target:.0f} ms) {verdict}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, DemoServer(Path(tmp), scale=0.2) as server:
        assert server.context is not None
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {server.credentials()['access_token']}"
        base = server.base_url + "/maestro/api"
        started = time.perf_counter()
        rt_id = grow_record_type(server.context, "campaigns", 25_000)
        print(f"built 25,000 campaigns in {time.perf_counter() - started:.1f} s")

        body = {
            "filter": {"operator": "AND", "conditions": [
                {"fieldId": "status", "condition": "IS_ANY_OF", "value": ["opt_status_active", "opt_status_planned"]},
                {"fieldId": "budget", "condition": "GREATER_THAN", "value": 20_000},
                {"fieldId": "launch_date", "condition": "IS_BETWEEN", "value": ["2027-02-01", "2027-11-30"]},
            ]},
            "sort": [{"fieldId": "launch_date", "direction": "desc"}],
        }

        def search() -> None:
            response = session.post(f"{base}/v2/record-types/{rt_id}/records/search", params={"size": 500},
                                    json=body, timeout=TIMEOUT)
            response.raise_for_status()
            assert len(response.json()["records"]["content"]) == 500

        first = session.post(f"{base}/v2/record-types/{rt_id}/records/search", params={"size": 500}, json=body,
                             timeout=TIMEOUT).json()["records"]
        print(f"search matches {first['totalElements']} of 25,000 records")
        _report("search 25,000 records, 3 conditions + sort, page 500", _timed(search), 150)

        field_rt = session.post(f"{base}/v2/workspaces/{_workspace(session, base)}/record-types",
                                json={"displayName": f"Wide {uuid.uuid4().hex[:6]}"}, timeout=TIMEOUT).json()["id"]
        existing = len(session.get(f"{base}/v2/record-types/{field_rt}/fields", params={"limit": 100},
                                   timeout=TIMEOUT).json()["content"])
        for index in range(100 - existing):
            kind = ("TEXT", "NUMBER", "DATE", "CHECKBOX")[index % 4]
            session.post(f"{base}/v2/record-types/{field_rt}/fields", json={"displayName": f"Field {index}",
                                                                            "type": kind}, timeout=TIMEOUT)

        def list_fields() -> None:
            response = session.get(f"{base}/v2/record-types/{field_rt}/fields", params={"limit": 100},
                                   timeout=TIMEOUT)
            response.raise_for_status()
            assert len(response.json()["content"]) == 100

        _report("list 100 fields of a record type", _timed(list_fields), 20)


def _workspace(session: requests.Session, base: str) -> str:
    return str(session.get(f"{base}/v2/workspaces", timeout=TIMEOUT).json()["content"][0]["id"])


if __name__ == "__main__":
    main()

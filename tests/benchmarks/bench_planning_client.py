"""Benchmark: list the 100 fields of a record type through the Planning client (target: median <= 20 ms).

Run: .venv/bin/python tests/benchmarks/bench_planning_client.py
Starts a private simulator, creates a record type with exactly 100 fields, then times ``client.fields()``
end to end (HTTP over loopback, JSON, model objects) for v2 (one cursor page of 100) and v1 (the record type
with its fields embedded). Also times the field catalogue a filter builder needs.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from wfexplorer.core.planning import PlanningClient
from wfexplorer.demo.server import DemoServer

TARGET_MS = 20.0
ROUNDS = 60
FIELD_COUNT = 100
TYPES = ("TEXT", "NUMBER", "PERCENTAGE", "CURRENCY", "DATE", "CHECKBOX")


def make_record_type(client: PlanningClient) -> str:
    workspace = client.workspaces()[0]
    record_type = client.create_record_type(workspace.id, {"displayName": "Benchmark fields"})
    existing = len(client.fields(record_type.id))
    for index in range(FIELD_COUNT - existing):
        body = {"displayName": f"Field {index:03d}", "type": TYPES[index % len(TYPES)]}
        if index % 10 == 9:
            body = {"displayName": f"Select {index:03d}", "type": "SINGLE_SELECT",
                    "options": [{"name": f"opt_{index}_{n}", "displayName": f"Option {n}", "color": "blue"}
                                for n in range(8)]}
        client.create_field(record_type.id, body)
    assert len(client.fields(record_type.id)) == FIELD_COUNT
    return record_type.id


def timed(action, rounds: int = ROUNDS) -> list[float]:
    action()  # warm the connection pool and the server's caches
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    verdict = "OK" if median <= TARGET_MS else "OVER TARGET"
    print(f"{name:40s} median {median:6.2f} ms, p95 {p95:6.2f} ms (target <= {TARGET_MS} ms) {verdict}")


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir, DemoServer(Path(data_dir), scale=0.1) as server:
        token = server.credentials()["access_token"]
        with PlanningClient(server.base_url, token, version=2) as v2, \
                PlanningClient(server.base_url, token, version=1) as v1:
            record_type_id = make_record_type(v2)
            assert len(v1.fields(record_type_id)) == FIELD_COUNT
            report("v2 fields() of 100 (one cursor page)", timed(lambda: v2.fields(record_type_id)))
            report("v1 fields() of 100 (embedded in type)", timed(lambda: v1.fields(record_type_id)))
            report("v2 catalog() for the filter builder", timed(lambda: v2.catalog(record_type_id)))


if __name__ == "__main__":
    main()

"""Benchmark: classic search + projection of 2,000 tasks, in-process (no HTTP).

Run: ``.venv/bin/python tests/benchmarks/bench_classic_query.py [--scale N] [--seed]``

Measures what ``GET /task/search?$$LIMIT=2000&fields=project:name,assignedTo:name,assignments:*``
costs inside the simulator: parsing the parameters, filtering, sorting, paging and rendering the
output dicts (dates formatted, references and collections resolved). Uses the real demo seed with
``--seed`` (when it produces tasks), otherwise a synthetic dataset of the default size: 40 users,
60 projects, 3,000 tasks, about 4,500 assignments. The target is well under 100 ms median, so
the HTTP round trip stays within 150 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from werkzeug.datastructures import MultiDict

from wfexplorer.demo.classic.projection import parse_fields, projector
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.search import count, parse_search, run_search
from wfexplorer.demo.classic.schema import object_def
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.store import Store

FIELDS = "project:name,assignedTo:name,assignments:*"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def synthetic_store(scale: float = 1.0) -> Store:
    """Build a default-sized dataset of users, projects, tasks and assignments in memory."""
    rng = random.Random(7)
    store = Store(":memory:")
    base = datetime(2026, 1, 5, 15, 0, tzinfo=UTC)
    users = [
        {
            "ID": new_id(1_700_000_000 + n, rng),
            "objCode": "USER",
            "name": f"User {n}",
            "firstName": "User",
            "lastName": str(n),
            "username": f"user{n}",
            "isActive": True,
        }
        for n in range(40)
    ]
    projects = []
    tasks = []
    assignments = []
    for p in range(int(60 * scale)):
        project_id = new_id(1_700_000_000 + p, rng)
        projects.append(
            {
                "ID": project_id,
                "objCode": "PROJ",
                "name": f"Project {p}",
                "status": "CUR",
                "priority": p % 5,
                "percentComplete": 10.0,
                "ownerID": rng.choice(users)["ID"],
                "plannedStartDate": _stamp(base),
                "plannedCompletionDate": _stamp(base + timedelta(days=90)),
            }
        )
        for t in range(50):
            start = base + timedelta(days=rng.randrange(0, 120), hours=rng.randrange(0, 8))
            user = rng.choice(users)
            task_id = new_id(1_700_000_000 + p * 100 + t, rng)
            tasks.append(
                {
                    "ID": task_id,
                    "objCode": "TASK",
                    "name": f"Task {p}.{t}",
                    "projectID": project_id,
                    "status": rng.choice(["NEW", "INP", "CPL"]),
                    "priority": rng.randrange(0, 5),
                    "percentComplete": float(rng.randrange(0, 101)),
                    "taskNumber": t + 1,
                    "wbs": str(t + 1),
                    "plannedStartDate": _stamp(start),
                    "plannedCompletionDate": _stamp(start + timedelta(days=5)),
                    "projectedStartDate": _stamp(start),
                    "projectedCompletionDate": _stamp(start + timedelta(days=6)),
                    "progressStatus": "ON",
                    "assignedToID": user["ID"],
                    "workRequired": 480,
                    "entryDate": _stamp(base - timedelta(days=30)),
                }
            )
            for extra in range(1 + (t % 2)):
                assignee = user if extra == 0 else rng.choice(users)
                assignments.append(
                    {
                        "ID": new_id(1_700_000_000 + len(assignments), rng),
                        "objCode": "ASSGN",
                        "taskID": task_id,
                        "projectID": project_id,
                        "assignedToID": assignee["ID"],
                        "assignmentPercent": 100.0,
                        "isPrimary": extra == 0,
                        "status": "NEW",
                        "workRequired": 480,
                        "workUnit": "H",
                        "entryDate": _stamp(base - timedelta(days=30)),
                    }
                )
    with store.transaction() as tx:
        tx.put_many("USER", users)
        tx.put_many("PROJ", projects)
        tx.put_many("TASK", tasks)
        tx.put_many("ASSGN", assignments)
    return store


def seeded_store(scale: float) -> Store | None:
    """Build the real demo dataset, or ``None`` when the seed does not make tasks yet."""
    from wfexplorer.demo.classic.seed import seed_classic
    from wfexplorer.demo.context import DemoContext

    store = Store(":memory:")
    seed_classic(DemoContext(store), scale)
    return store if len(store.table("TASK")) >= 1000 else None


def measure(store: Store, rounds: int) -> dict[str, float]:
    """Time search+projection of 2,000 tasks ``rounds`` times; return the figures in ms."""
    task = object_def("TASK")
    assert task is not None
    params = MultiDict([("$$LIMIT", "2000"), ("fields", FIELDS), ("ID_Sort", "asc")])
    timings = []
    cpu_timings = []
    search_only = []
    json_sizes = 0
    rows_out = 0
    for _ in range(rounds):
        env = QueryEnv(store, user_id=None, time_zone="America/Chicago")
        started = time.perf_counter()
        cpu_started = time.process_time()
        query = parse_search(task, params, env)
        rows = run_search(store, query)
        searched = time.perf_counter()
        spec = parse_fields(task, params.getlist("fields"), env)
        render = projector(spec, env)
        data = [render(row) for row in rows]
        finished = time.perf_counter()
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
        timings.append((finished - started) * 1000)
        search_only.append((searched - started) * 1000)
        rows_out = len(data)
        json_sizes = len(json.dumps(data))
    env = QueryEnv(store)
    started = time.perf_counter()
    total = count(
        store, parse_search(task, MultiDict([("status", "INP"), ("priority_Mod", "gte"), ("priority", "2")]), env)
    )
    count_ms = (time.perf_counter() - started) * 1000
    return {
        "rows": rows_out,
        "json_bytes": json_sizes,
        "median_ms": statistics.median(timings),
        "p90_ms": sorted(timings)[int(len(timings) * 0.9) - 1],
        "first_ms": timings[0],
        "min_ms": min(timings),
        "cpu_median_ms": statistics.median(cpu_timings),
        "search_median_ms": statistics.median(search_only),
        "count_ms": count_ms,
        "count": total,
    }


def main() -> None:
    """Print the benchmark figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--seed", action="store_true", help="use the real demo seed instead of synthetic data")
    args = parser.parse_args()
    store = seeded_store(args.scale) if args.seed else None
    source = "demo seed"
    if store is None:
        store = synthetic_store(args.scale)
        source = "synthetic"
    tasks = len(store.table("TASK"))
    figures = measure(store, args.rounds)
    print(f"dataset: {source}, {tasks} tasks, {len(store.table('ASSGN'))} assignments")
    print(f"task/search $$LIMIT=2000 fields={FIELDS} (in-process, {args.rounds} rounds)")
    print(f"  rows returned          {figures['rows']}")
    print(f"  output JSON size       {figures['json_bytes'] / 1024:.0f} KiB")
    print(
        f"  search+projection      median {figures['median_ms']:.1f} ms, p90 {figures['p90_ms']:.1f} ms, "
        f"min {figures['min_ms']:.1f} ms, first {figures['first_ms']:.1f} ms"
    )
    print(
        f"  CPU time (this process) median {figures['cpu_median_ms']:.1f} ms (robust when other work shares the CPUs)"
    )
    print(f"  search only (sorted)   median {figures['search_median_ms']:.1f} ms")
    print(f"  count with 2 filters   {figures['count_ms']:.1f} ms ({figures['count']} matches)")


if __name__ == "__main__":
    main()

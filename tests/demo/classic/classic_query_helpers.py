"""Small hand-made classic datasets and shortcuts for the query, projection and report tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from werkzeug.datastructures import MultiDict

from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.search import count, parse_search, run_search
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.store import Store

ANN = "a0000000000000000000000000000001"
BOB = "a0000000000000000000000000000002"
ROLE_DEV = "r0000000000000000000000000000001"
ROLE_QA = "r0000000000000000000000000000002"
PORT = "b0000000000000000000000000000001"
ALPHA = "c0000000000000000000000000000001"
BETA = "c0000000000000000000000000000002"
FORM = "d0000000000000000000000000000001"
PARAM_REGIONS = "d0000000000000000000000000000002"
PARAM_BUDGET = "d0000000000000000000000000000003"

#: Wednesday 25 November 2026, 15:30 UTC (09:30 in America/Chicago).
NOW = datetime(2026, 11, 25, 15, 30, tzinfo=UTC).timestamp()


def task_id(number: int) -> str:
    """The ID of hand-made task ``number``."""
    return f"e{number:031d}"


def make_store() -> Store:
    """Two users, one portfolio, two projects, six tasks, three assignments and a custom form on tasks."""
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put(
            "USER",
            {
                "ID": ANN,
                "objCode": "USER",
                "name": "Ann Archer",
                "firstName": "Ann",
                "roleID": ROLE_DEV,
                "homeTeamID": None,
                "_password": "secret",
            },
        )
        tx.put("USER", {"ID": BOB, "objCode": "USER", "name": "Bob Baker", "firstName": "Bob", "roleID": ROLE_QA})
        tx.put("USRROL", {"ID": "f1", "objCode": "USRROL", "userID": ANN, "roleID": ROLE_QA})
        tx.put("ROLE", {"ID": ROLE_DEV, "objCode": "ROLE", "name": "Developer", "maxUsers": 0, "description": "Builds"})
        tx.put("ROLE", {"ID": ROLE_QA, "objCode": "ROLE", "name": "QA", "maxUsers": 0, "description": "Tests"})
        tx.put("PORT", {"ID": PORT, "objCode": "PORT", "name": "Fixed Assets"})
        tx.put(
            "PROJ",
            {
                "ID": ALPHA,
                "objCode": "PROJ",
                "name": "Alpha",
                "portfolioID": PORT,
                "status": "CUR",
                "priority": 2,
                "ownerID": ANN,
                "percentComplete": 50.0,
                "plannedStartDate": "2026-03-02T15:00:00.000Z",
            },
        )
        tx.put("PROJ", {"ID": BETA, "objCode": "PROJ", "name": "Beta", "status": "PLN", "priority": 0})
        tasks = [
            # number, name, project, assignee, priority, description, status, plannedStartDate (UTC)
            (1, "Design review", ALPHA, ANN, 1, "Check the drawings", "NEW", "2026-11-25T06:00:00.000Z"),
            (2, "design sign-off", ALPHA, BOB, 3, "", "INP", "2026-11-26T05:59:59.999Z"),
            (3, "Build frame", ALPHA, None, 4, None, "CPL", "2026-11-24T23:00:00.000Z"),
            (4, "Paint", BETA, ANN, 0, "Two coats", "NEW", "2026-11-18T15:00:00.000Z"),
            (5, "Inspect_1", BETA, BOB, 2, "Robert checks 100%", "INP", None),
            (6, "Deliver", BETA, None, 5, "Truck", "CPL:A", "2026-12-01T15:00:00.000Z"),
        ]
        for number, name, project, assignee, priority, description, status, start in tasks:
            record: dict[str, Any] = {
                "ID": task_id(number),
                "objCode": "TASK",
                "name": name,
                "projectID": project,
                "assignedToID": assignee,
                "priority": priority,
                "status": status,
                "plannedStartDate": start,
                "taskNumber": number,
                "workRequired": number * 60,
            }
            if description is not None:
                record["description"] = description
            tx.put("TASK", record)
        tx.put(
            "ASSGN",
            {
                "ID": "g1",
                "objCode": "ASSGN",
                "taskID": task_id(1),
                "assignedToID": ANN,
                "assignmentPercent": 100.0,
                "isPrimary": True,
            },
        )
        tx.put(
            "ASSGN",
            {
                "ID": "g2",
                "objCode": "ASSGN",
                "taskID": task_id(1),
                "assignedToID": BOB,
                "assignmentPercent": 50.0,
                "isPrimary": False,
            },
        )
        tx.put(
            "ASSGN",
            {
                "ID": "g3",
                "objCode": "ASSGN",
                "taskID": task_id(2),
                "assignedToID": BOB,
                "assignmentPercent": 100.0,
                "isPrimary": True,
            },
        )
        # a custom form on tasks: a multi-select "Regions" and a number "Budget"
        tx.put("CTGY", {"ID": FORM, "objCode": "CTGY", "name": "Task extras", "catObjCode": "TASK"})
        tx.put(
            "PARAM",
            {"ID": PARAM_REGIONS, "objCode": "PARAM", "name": "Regions", "dataType": "TEXT", "displayType": "MSLCT"},
        )
        tx.put(
            "PARAM",
            {"ID": PARAM_BUDGET, "objCode": "PARAM", "name": "Budget", "dataType": "NMBR", "displayType": "TEXT"},
        )
        tx.put(
            "CTGYPA",
            {"ID": "h1", "objCode": "CTGYPA", "categoryID": FORM, "parameterID": PARAM_REGIONS, "displayOrder": 1},
        )
        tx.put(
            "CTGYPA",
            {"ID": "h2", "objCode": "CTGYPA", "categoryID": FORM, "parameterID": PARAM_BUDGET, "displayOrder": 2},
        )
        for n, value in enumerate(("North", "South", "East")):
            tx.put(
                "POPT",
                {
                    "ID": f"i{n}",
                    "objCode": "POPT",
                    "parameterID": PARAM_REGIONS,
                    "value": value,
                    "label": value,
                    "displayOrder": n,
                },
            )
        first = dict(tx.get("TASK", task_id(1)) or {})
        first.update({"categoryID": FORM, "DE:Regions": ["North", "South"], "DE:Budget": 1200.0})
        tx.put("TASK", first)
        second = dict(tx.get("TASK", task_id(2)) or {})
        second.update({"categoryID": FORM, "DE:Regions": ["North"], "DE:Budget": 300.0})
        tx.put("TASK", second)
    return store


def make_env(store: Store, **overrides: Any) -> QueryEnv:
    """A request environment: Ann signed in, Chicago time, the clock at :data:`NOW`."""
    values: dict[str, Any] = {"api_model": "V21_0", "user_id": ANN, "time_zone": "America/Chicago", "now": NOW}
    values.update(overrides)
    return QueryEnv(store, **values)


def params(*pairs: tuple[str, str], **single: str) -> MultiDict[str, str]:
    """Build request parameters from ``(name, value)`` pairs (repeatable) and keywords."""
    built: MultiDict[str, str] = MultiDict(list(pairs))
    for key, value in single.items():
        built.add(key, value)
    return built


def obj(name: str) -> ObjectDef:
    """The object definition for ``name`` (fails the test when unknown)."""
    found = object_def(name)
    assert found is not None, name
    return found


def search_ids(store: Store, code: str, *pairs: tuple[str, str], env: QueryEnv | None = None) -> list[str]:
    """Run a search with ``pairs`` and return the IDs found, in result order."""
    query = parse_search(obj(code), params(*pairs), env or make_env(store))
    return [row["ID"] for row in run_search(store, query)]


def task_numbers(store: Store, *pairs: tuple[str, str], env: QueryEnv | None = None) -> list[int]:
    """Run a task search and return the matching task numbers, sorted (order-independent checks)."""
    return sorted(int(found[1:]) for found in search_ids(store, "TASK", *pairs, env=env))


def count_of(store: Store, code: str, *pairs: tuple[str, str]) -> int:
    """Run a count with ``pairs``."""
    return count(store, parse_search(obj(code), params(*pairs), make_env(store)))

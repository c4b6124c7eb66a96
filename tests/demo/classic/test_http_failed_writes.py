"""Bad input (issue 2): every refused write leaves the whole database exactly as it was, not only the row it aimed at.

Each case sends one malformed or refused write and compares a dump of every stored kind (sessions
aside) before and after, so a half-applied bulk, a stray DOCV or a moved child would show up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest
import requests
from classic_http_helpers import Client, data_of, error_of

from wfexplorer.demo.server import DemoServer

MISSING = "1" * 32


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with DemoServer(tmp_path_factory.mktemp("failed-writes"), scale=0.02) as server:
        yield server


@pytest.fixture(scope="module")
def client(private_server: DemoServer) -> Client:
    return Client(private_server)


@pytest.fixture(scope="module")
def work(client: Client) -> dict[str, str]:
    project = client.new_project("Failed writes")
    task = client.new_task(project["ID"], "Stays put")
    portfolio = data_of(client.post("/port", json={"name": "Has a project"}))
    client.new_project("Keeps the portfolio", portfolioID=portfolio["ID"])
    return {"project": project["ID"], "task": task["ID"], "portfolio": portfolio["ID"]}


def _dump(server: DemoServer) -> str:
    assert server.context is not None
    store = server.context.store
    kinds = sorted(kind for kind in store.kinds() if "session" not in kind.lower())
    return json.dumps({kind: dict(store.table(kind)) for kind in kinds}, sort_keys=True, default=str)


def _uri(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}"


Write = Callable[[Client, dict[str, str]], requests.Response]

FAILED_WRITES: dict[str, Write] = {
    "bulk create with one bad object": lambda c, w: c.post("/proj", json=[{"name": "bulk ok 1"}, {"name": "bulk ok 2"},
                                                                          {"name": "bulk bad", "priority": "high"}]),
    "atomic bulk create with one bad object": lambda c, w: c.post(
        "/proj", params={"atomic": "true"}, json=[{"name": "atomic ok"}, {"description": "no name"}]),
    "bulk edit with a missing ID": lambda c, w: c.put("/task", json=[{"ID": w["task"], "name": "renamed"},
                                                                     {"ID": MISSING, "name": "nobody"}]),
    "edit of several IDs with one missing": lambda c, w: c.put(
        "/task", params={"id": f"{w['task']},{MISSING}"}, json={"name": "renamed"}),
    "a 101-object bulk": lambda c, w: c.post("/proj", json=[{"name": f"too many {n}"} for n in range(101)]),
    "bad JSON in updates": lambda c, w: c.put(f"/task/{w['task']}", params={"updates": '{"name": "x",'}),
    "unknown field in an edit": lambda c, w: c.put(f"/task/{w['task']}", json={"name": "x", "noSuchField": 1}),
    "bad custom value with a good field": lambda c, w: c.put(
        f"/task/{w['task']}", json={"name": "x", "DE:No Such Parameter": "y"}),
    "move to a missing project": lambda c, w: c.put(f"/task/{w['task']}/move", params={"projectID": MISSING}),
    "copy of a missing source": lambda c, w: c.post("/proj", params={"copySourceID": MISSING, "name": "copy"}),
    "delete blocked by dependants": lambda c, w: c.delete(f"/port/{w['portfolio']}"),
    "document with an unknown handle": lambda c, w: c.post(
        "/document", json={"handle": MISSING, "name": "x.txt", "docObjCode": "PROJ", "objID": w["project"]}),
    "atomic batch with a failing uri": lambda c, w: c.post("/batch", data=[
        ("atomic", "true"), ("uri", _uri("proj", method="POST", name="batch ok")),
        ("uri", _uri(f"task/{w['task']}", method="PUT", priority="urgent"))]),
    "mixing updates with plain params": lambda c, w: c.put(
        f"/task/{w['task']}", params={"name": "x", "updates": json.dumps({"description": "y"})}),
}


@pytest.mark.parametrize("case", list(FAILED_WRITES))
def test_a_refused_write_leaves_the_whole_database_unchanged(
    private_server: DemoServer, client: Client, work: dict[str, str], case: str
) -> None:
    before = _dump(private_server)
    response = FAILED_WRITES[case](client, work)
    assert 400 <= response.status_code < 500, response.text
    assert error_of(response)["message"]
    assert _dump(private_server) == before


def test_the_dump_sees_a_write_that_succeeds(private_server: DemoServer, client: Client, work: dict[str, str]) -> None:
    before = _dump(private_server)
    data_of(client.put(f"/task/{work['task']}", json={"description": "changed"}))
    assert _dump(private_server) != before

"""Checklist items 42, 45 and 46 over HTTP: named queries, /batch, /upload and documents."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from classic_http_helpers import Client, data_of, error_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


def test_item42_project_statuses_are_cstem_rows(client: Client) -> None:
    rows = data_of(client.get("/CSTEM/projectStatuses"))
    values = {row["value"] for row in rows}
    assert {"CUR", "PLN", "CPL", "DED", "ONH"} <= values
    assert all(row["objCode"] == "CSTEM" and "equatesWith" in row and "label" in row for row in rows)


def test_item42_group_statuses_carry_the_group_id(client: Client) -> None:
    rows = data_of(client.get("/cstem/taskGroupStatuses", params={"groupID": "ab" * 16}))
    assert {"NEW", "INP", "CPL"} <= {row["value"] for row in rows}
    assert {row["groupID"] for row in rows} == {"ab" * 16}


def test_item42_my_work_lists_the_callers_open_tasks(client: Client) -> None:
    me = data_of(client.get("/user", params={"id": "$$USER"}))["ID"]
    project = client.new_project("My work project")
    mine = client.new_task(project["ID"], "mine to do", assignments=[{"assignedToID": me}])
    client.new_task(project["ID"], "nobody's")
    rows = data_of(client.get("/work/myWork"))
    ids = {row["ID"] for row in rows}
    assert mine["ID"] in ids
    assert all(row["objCode"] in ("TASK", "OPTASK") for row in rows)


def _uri(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def test_item45_batch_runs_each_uri_with_its_own_method(client: Client) -> None:
    project = client.new_project("Batch target")
    uris = [
        _uri("proj/search", method="GET", name="Batch target"),
        _uri(f"proj/{project['ID']}", method="PUT", description="set in batch", fields="description"),
        _uri(f"/proj/{'0' * 32}", method="GET"),
    ]
    results = data_of(client.post("/batch", data=[("uri", uri) for uri in uris]))
    assert [item["ID"] for item in results[0]["data"]] == [project["ID"]]
    assert results[1]["data"]["description"] == "set in batch"
    assert set(results[2]) == {"error"}


def test_item45_concurrent_batch_keeps_order(client: Client) -> None:
    projects = [client.new_project(f"Concurrent {n}") for n in range(5)]
    uris = [_uri(f"proj/{project['ID']}", method="GET") for project in projects]
    results = data_of(client.post("/batch", data=[("concurrent", "true")] + [("uri", uri) for uri in uris]))
    assert [item["data"]["ID"] for item in results] == [project["ID"] for project in projects]


def test_item45_atomic_batch_returns_success_or_undoes_everything(client: Client) -> None:
    ok = client.post("/batch", data=[("atomic", "true"),
                                     ("uri", _uri("proj", method="POST", name="Atomic batch 1")),
                                     ("uri", _uri("proj", method="POST", name="Atomic batch 2"))])
    assert data_of(ok) == {"success": True}
    assert client.count("proj", name="Atomic batch 2") == 1
    failing = client.post("/batch", data=[("atomic", "true"),
                                          ("uri", _uri("proj", method="POST", name="Atomic batch 3")),
                                          ("uri", _uri("proj", method="POST", description="no name"))])
    assert "error" in failing.json()
    assert client.count("proj", name="Atomic batch 3") == 0


def test_item45_batch_without_uri_is_an_error(client: Client) -> None:
    assert error_of(client.post("/batch", data={"atomic": "false"}))["message"]


def test_item46_upload_then_document_creates_docu_and_docv(client: Client) -> None:
    project = client.new_project("With document")
    uploaded = data_of(client.post("/upload", files={"uploadedFile": ("notes.txt", b"hello world", "text/plain")}))
    handle = uploaded["handle"]
    assert len(handle) == 32
    document = data_of(client.post("/document", params={"fields": "currentVersion:*,projectID"}, data={
        "updates": json.dumps({"name": "Notes", "handle": handle, "docObjCode": "PROJ", "objID": project["ID"],
                               "currentVersion": {"version": "v1.0", "fileName": "notes.txt"}})}))
    assert document["name"] == "Notes"
    assert document["projectID"] == project["ID"]
    assert document["currentVersion"]["fileName"] == "notes.txt"
    assert document["currentVersion"]["docSize"] == len(b"hello world")


def test_item46_upload_needs_the_uploaded_file_field(client: Client) -> None:
    response = client.post("/upload", files={"file": ("x.txt", b"x", "text/plain")})
    assert "uploadedFile" in error_of(response)["message"]


def test_item46_unknown_handle_is_refused(client: Client) -> None:
    response = client.post("/document", json={"name": "ghost", "handle": "f" * 32})
    assert response.status_code == 404
    assert "handle" in error_of(response)["message"]

"""Items 11 and 12 on real data, the catch-all for unexpected failures, and session expiry."""

from __future__ import annotations

import json

import pytest
import requests
from classic_http_helpers import TIMEOUT, Client, api, data_of, error_of

from wfexplorer.demo.classic import reads
from wfexplorer.demo.server import DemoServer


def test_item12_stored_text_is_escaped_to_ascii(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    name = "Café </script> \u2028 tab\t \U0001f600 back\\slash"
    project = client.new_project(name)
    response = client.get(f"/proj/{project['ID']}")
    raw = response.content
    assert raw.isascii()
    assert b"\\u00e9" in raw
    assert b"\\u003c\\/script>" in raw
    assert b"\\ud83d\\ude00" in raw
    assert b"\\t" in raw
    assert json.loads(raw)["data"]["name"] == name


def test_item11_unexpected_failure_is_logged_and_rendered_as_a_workfront_error(
    fresh_demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(fresh_demo_server)
    project = client.new_project("Boom")

    def explode(*_: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(reads, "get_one", explode)
    response = client.get(f"/proj/{project['ID']}")
    assert response.status_code == 400
    error = error_of(response)
    assert error["class"] == "java.lang.IllegalStateException"
    assert "simulated bug" not in response.text
    assert "Traceback" not in response.text
    assert any("simulated bug" in (record.exc_text or str(record.exc_info)) for record in caplog.records)


def test_item05_session_expiry_fault_ends_login_sessions(fresh_demo_server: DemoServer) -> None:
    client = Client(fresh_demo_server)
    assert "objects" in data_of(client.get("/metadata"))
    assert fresh_demo_server.context is not None
    fresh_demo_server.context.faults.session_expiry = 30
    fresh_demo_server.context.clock.advance(31)
    response = client.get("/metadata")
    assert response.status_code == 401
    assert error_of(response)["message"] == "You are not currently logged in."


def test_item11_head_and_other_verbs_never_break_the_envelope(demo_server: DemoServer) -> None:
    head = requests.head(f"{api(demo_server)}/metadata", timeout=TIMEOUT)
    assert head.status_code == 401
    patch = requests.patch(f"{api(demo_server)}/proj", timeout=TIMEOUT)
    assert patch.status_code == 400
    assert "method" in error_of(patch)["message"].lower()


def test_item04_oversized_or_binary_garbage_bodies_get_workfront_errors(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    garbage = client.post("/proj", data=b"\xff\xfe\x00garbage", headers={"Content-Type": "application/json"})
    assert garbage.status_code == 400
    assert error_of(garbage)["message"]
    nested = client.post("/proj", data="[" * 100_000, headers={"Content-Type": "application/json"})
    assert nested.status_code == 400
    assert error_of(nested)["message"]

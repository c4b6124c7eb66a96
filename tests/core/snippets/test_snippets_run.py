"""Copied code runs as pasted against the simulator and gets the same answer as the request it was copied from.

Requests are made through core (a classic Session, a Planning client), copied from the request log, and run as
subprocesses with the secrets in environment variables: curl through bash, Python (requests, wfexplorer.core,
python-workfront) through this interpreter, fetch through Node.js when it is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.planning import PlanningClient, SearchRequest
from wfexplorer.core.planning.filters import Paging
from wfexplorer.core.requestlog import LogEntry, RequestLog
from wfexplorer.core.snippets import SnippetKind, call_from_event, live_secrets, render, unavailable


class Connection:
    """A signed-in classic session and a Planning client on one transport, logged into one request log."""

    def __init__(self, server: Any) -> None:
        self.log = RequestLog()
        self.template = base_url_template(server.base_url)
        self.session = Session("demo", api_version="v21.0", url_template=self.template, use_cache=False)
        self.session.subscribe(self.log.add)
        self.session.login("admin", "demo")
        self.token = server.credentials()["access_token"]
        self.planning = PlanningClient(server.base_url, self.token, transport=self.session.transport)

    def last(self) -> LogEntry:
        return self.log.entries()[-1]

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "WORKFRONT_SESSION_ID": self.session.session_id or "", "WORKFRONT_TOKEN": self.token,
                "WORKFRONT_PASSWORD": "demo"}


@pytest.fixture(scope="module")
def connection(demo_server: Any) -> Iterator[Connection]:
    connected = Connection(demo_server)
    yield connected
    connected.session.close()


def run(code: str, kind: SnippetKind, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    if kind is SnippetKind.CURL:
        command = ["bash", "-c", code]
    elif kind is SnippetKind.FETCH:
        script = folder / "request.mjs"
        script.write_text(code, encoding="utf-8")
        command = ["node", str(script)]
    else:
        command = [sys.executable, "-c", code]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder, timeout=60, check=False)


def runnable(kind: SnippetKind) -> bool:
    if kind is SnippetKind.FETCH:
        return shutil.which("node") is not None
    if kind is SnippetKind.CURL:
        return shutil.which("curl") is not None and shutil.which("bash") is not None
    if kind is SnippetKind.PYTHON_WORKFRONT:
        return sys.version_info[:2] == (3, 11)
    return True


def expected_of(kind: SnippetKind, entry: LogEntry) -> Any:
    """What a snippet prints for ``entry``: the whole body (curl, requests, fetch), the ``data`` element (the
    classic clients) or the Planning body (the Planning client)."""
    assert entry.response is not None and entry.response.text is not None
    body = json.loads(entry.response.text)
    if kind in (SnippetKind.CORE, SnippetKind.PYTHON_WORKFRONT) and "/attask/api/" in entry.url:
        return body["data"]
    return body


KINDS = list(SnippetKind)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_copied_classic_search_gets_the_same_projects(connection: Connection, kind: SnippetKind,
                                                       tmp_path: Path) -> None:
    if not runnable(kind):
        pytest.skip(f"nothing here runs {kind}")
    connection.session.search("PROJ", status="CUR", fields=["name", "status", "owner:name"], ID_Sort="asc")
    entry = connection.last()
    code = render(call_from_event(entry.last), kind)
    assert connection.session.session_id not in code
    done = run(code, kind, tmp_path, connection.env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected_of(kind, entry)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_copied_login_reads_the_password_from_the_environment_and_signs_in(connection: Connection,
                                                                             kind: SnippetKind, tmp_path: Path) -> None:
    if not runnable(kind):
        pytest.skip(f"nothing here runs {kind}")
    probe = Session("demo", api_version="v21.0", url_template=connection.template, use_cache=False)
    probe.subscribe(connection.log.add)
    probe.login("admin", "demo")
    entry = connection.last()
    code = render(call_from_event(entry.last), kind)
    assert "WORKFRONT_PASSWORD" in code and '"demo"' not in code and "'demo'" not in code
    done = run(code, kind, tmp_path, connection.env)
    assert done.returncode == 0, done.stderr
    answer, expected = json.loads(done.stdout), expected_of(kind, entry)
    data = answer.get("data", answer)
    assert data["userID"] == (expected.get("data", expected))["userID"] and len(data["sessionID"]) == 32


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_copied_planning_search_gets_the_same_records(connection: Connection, kind: SnippetKind,
                                                       tmp_path: Path) -> None:
    planning = connection.planning
    record_type = next(rt for ws in planning.workspaces() for rt in planning.record_types(ws.id))
    planning.search(record_type.id, SearchRequest(paging=Paging.of_page(0, 10)))
    entry = connection.last()
    call = call_from_event(entry.last)
    if kind is SnippetKind.PYTHON_WORKFRONT:
        assert unavailable(call, kind) and "classic" in (unavailable(call, kind) or "")
        return
    if not runnable(kind):
        pytest.skip(f"nothing here runs {kind}")
    code = render(call, kind)
    assert connection.token not in code and "WORKFRONT_TOKEN" in code
    done = run(code, kind, tmp_path, connection.env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected_of(kind, entry)


@pytest.mark.parametrize("kind", [SnippetKind.CURL, SnippetKind.PYTHON, SnippetKind.CORE], ids=str)
def test_a_snippet_run_without_its_variable_stops_and_names_it(connection: Connection, kind: SnippetKind,
                                                               tmp_path: Path) -> None:
    connection.session.count("PROJ")
    code = render(call_from_event(connection.last().last), kind)
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKFRONT_")}
    done = run(code, kind, tmp_path, env)
    assert done.returncode != 0 and "WORKFRONT_SESSION_ID" in done.stderr


@pytest.mark.parametrize("kind", [SnippetKind.CURL, SnippetKind.PYTHON], ids=str)
def test_revealing_writes_the_live_secret_inline_so_the_snippet_needs_no_variable(connection: Connection,
                                                                                  kind: SnippetKind,
                                                                                  tmp_path: Path) -> None:
    connection.session.count("PROJ")
    entry = connection.last()
    code = render(call_from_event(entry.last), kind, reveal=live_secrets(connection.session, connection.planning))
    assert connection.session.session_id in code and "WORKFRONT_SESSION_ID" not in code
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKFRONT_")}
    done = run(code, kind, tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected_of(kind, entry)


def test_live_secrets_name_each_credential_by_its_variable(connection: Connection) -> None:
    secrets = live_secrets(connection.session, connection.planning)
    assert secrets == {"WORKFRONT_SESSION_ID": connection.session.session_id, "WORKFRONT_TOKEN": connection.token}

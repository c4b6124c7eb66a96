"""Copied code runs as pasted against the simulator, reads the secret from the environment, and gets the model's rows.

python-workfront and ``wfexplorer.core`` snippets run in a fresh Python; the ``workfront-api`` snippet runs in
Node.js after ``npm install workfront-api`` into a temporary folder (skipped, saying why, when node or the npm
registry is out of reach).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from search_model_probe import Probe, session_secret

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import (
    API_KEY_ENV,
    SESSION_ID_ENV,
    Aggregate,
    Auth,
    ClassicQuery,
    Condition,
    SnippetTarget,
    SortKey,
    core_snippet,
    count,
    javascript_snippet,
    python_workfront_snippet,
    query,
    run_report,
    run_search,
)
from wfexplorer.demo.server import DemoServer

TIMEOUT = 120


def _search(probe: Probe) -> ClassicQuery:
    return query(
        "TASK",
        Condition("projectID", None, probe.project_id), Condition("priority", None, ["1", "2"]),
        or_groups=[[Condition("project:name", None, probe.project_name), Condition("name", "cicontains", "ALPHA")]],
        sorts=(SortKey("name"),), fields=("project:name", "assignedTo:homeGroup:name"), limit=50,
    )


def _custom(probe: Probe) -> ClassicQuery:
    """A custom field with a space in its name (a key the clients must encode), and a date wildcard."""
    return query("TASK", Condition("projectID", None, probe.project_id), Condition("DE:Deliverable Type", "isnull"),
                 Condition("entryDate", "lte", "$$TODAY+1d"), sorts=(SortKey("name"),))


def _report(probe: Probe) -> ClassicQuery:
    return query("TASK", Condition("projectID", None, probe.project_id),
                 group_bys=("priority", "assignedTo:homeGroup:name"), aggregates=(Aggregate("workRequired", "sum"),))


def _environment(tmp_path: Path, secret_name: str, secret: str) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("WORKFRONT_")}
    environment.update({secret_name: secret, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONWARNINGS": "ignore"})
    return environment


def _run(command: list[str], code: str, environment: dict[str, str], cwd: Path) -> Any:
    script = cwd / ("snippet.js" if command[0] == "node" else "snippet.py")
    script.write_text(code)
    done = subprocess.run([*command, str(script)], cwd=cwd, env=environment, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def _python(code: str, environment: dict[str, str], cwd: Path) -> Any:
    return _run([sys.executable], code, environment, cwd)


def test_no_snippet_holds_the_secret(session: Session, probe: Probe) -> None:
    target = SnippetTarget.of_session(session)
    for operation in ("search", "count", "report"):
        for code in (python_workfront_snippet(_search(probe), target, operation, "Task"),
                     core_snippet(_search(probe), target, operation), javascript_snippet(_search(probe), target,
                                                                                       operation)):
            assert session_secret(session) not in code and SESSION_ID_ENV in code


def test_the_python_workfront_snippet_returns_the_models_rows(session: Session, probe: Probe, tmp_path: Path) -> None:
    pytest.importorskip("workfront")
    search = _search(probe)
    expected = list(run_search(session, search).rows)
    assert [row["name"] for row in expected] == ["alpha one", "alpha two", "beta", "epsilon", "gamma"]
    environment = _environment(tmp_path, SESSION_ID_ENV, session_secret(session))
    target = SnippetTarget.of_session(session)
    assert _python(python_workfront_snippet(search, target, "search", class_name="Task"), environment, tmp_path) \
        == expected
    assert _python(python_workfront_snippet(search, target, "count"), environment, tmp_path) == count(session, search)
    custom = list(run_search(session, _custom(probe)).rows)
    assert len(custom) == 6 and _python(python_workfront_snippet(_custom(probe), target), environment, tmp_path) \
        == custom
    report = run_report(session, _report(probe))
    got = _python(python_workfront_snippet(_report(probe), target, "report"), environment, tmp_path)
    assert list(got.values()) == list(report.rows)


def test_the_core_snippet_returns_the_models_rows(session: Session, probe: Probe, tmp_path: Path) -> None:
    search = _search(probe)
    environment = _environment(tmp_path, SESSION_ID_ENV, session_secret(session))
    target = SnippetTarget.of_session(session)
    assert _python(core_snippet(search, target, "search"), environment, tmp_path) == list(run_search(session,
                                                                                                     search).rows)
    assert _python(core_snippet(search, target, "count"), environment, tmp_path) == count(session, search)
    custom = list(run_search(session, _custom(probe)).rows)
    assert len(custom) == 6 and _python(core_snippet(_custom(probe), target), environment, tmp_path) == custom
    got = _python(core_snippet(_report(probe), target, "report"), environment, tmp_path)
    assert list(got.values()) == list(run_report(session, _report(probe)).rows)


def test_the_core_snippet_with_an_api_key(session: Session, probe: Probe, demo_server: DemoServer,
                                          tmp_path: Path) -> None:
    api_key = demo_server.credentials()["api_key"]
    target = SnippetTarget.of_session(session, Auth.API_KEY)
    code = core_snippet(_search(probe), target, "count")
    assert API_KEY_ENV in code and api_key not in code
    assert _python(code, _environment(tmp_path, API_KEY_ENV, api_key), tmp_path) == count(session, _search(probe))


@pytest.fixture(scope="module")
def node_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js and npm are not installed")
    folder = tmp_path_factory.mktemp("workfront-api")
    try:
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "workfront-api"], cwd=folder,
                              capture_output=True, text=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("npm install workfront-api took more than 5 minutes (no registry here?)")
    if done.returncode != 0:
        pytest.skip(f"npm could not install workfront-api: {(done.stderr or done.stdout).strip()[:300]}")
    return folder


def test_the_javascript_snippet_returns_the_models_rows(session: Session, probe: Probe, node_modules: Path,
                                                        tmp_path: Path) -> None:
    search = _search(probe)
    environment = _environment(tmp_path, SESSION_ID_ENV, session_secret(session))
    target = SnippetTarget.of_session(session)
    run = lambda code: _run(["node"], code, environment, node_modules)  # noqa: E731
    assert run(javascript_snippet(search, target, "search")) == list(run_search(session, search).rows)
    assert run(javascript_snippet(search, target, "count")) == count(session, search)
    custom = list(run_search(session, _custom(probe)).rows)
    assert len(custom) == 6 and run(javascript_snippet(_custom(probe), target, "search")) == custom
    got = run(javascript_snippet(_report(probe), target, "report"))
    assert list(got.values()) == list(run_report(session, _report(probe)).rows)

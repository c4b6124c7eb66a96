"""Issue 15 §2: one record whose text holds a lone UTF-16 surrogate must not stop the client.

A Java server can send ``"\\ud800"`` (valid JSON); the fast parser refuses it, the client falls back to
the standard library and keeps the string as the server sent it. The record is put into the
simulator's store directly, as data a real server already holds (the simulator refuses such input).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.demo.ids import new_id

LONE = "Broken \ud800 name"


@pytest.fixture
def session(demo_server: Any, tmp_path: Path) -> Any:
    session = Session("demo", url_template=base_url_template(demo_server.base_url), api_version="v21.0",
                      cache_dir=tmp_path, api_key=demo_server.credentials()["api_key"])
    yield session
    session.close()


@pytest.fixture
def broken_project(demo_server: Any) -> str:
    project_id = new_id()
    with demo_server.context.store.transaction() as tx:
        tx.put("PROJ", {"ID": project_id, "objCode": "PROJ", "name": LONE, "status": "CUR",
                        "description": "surrogate-probe"})
    return project_id


def test_a_search_that_includes_a_project_with_a_lone_surrogate_succeeds(session: Any, broken_project: str) -> None:
    found = session.search("Project", fields=["name", "description"], where={"description": "surrogate-probe"})

    assert [project.id for project in found] == [broken_project]
    assert found[0]["name"] == LONE  # kept as the server sent it


def test_reading_the_project_by_id_keeps_the_string(session: Any, broken_project: str) -> None:
    project = session.get(f"/proj/{broken_project}", {"fields": "name"})

    assert project["name"] == LONE

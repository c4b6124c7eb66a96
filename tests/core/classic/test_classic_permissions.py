"""Issue 15 §1 from the client's side: a save the simulator refuses is a PermissionError that says why.

The classic client, signed in with the worker's own API key (``demo-credentials.json`` lists a user of
each access level), against the simulator over HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template


def user_entry(server: Any, username: str) -> dict[str, str]:
    return next(entry for entry in server.credentials()["users"] if entry["username"] == username)


@pytest.fixture
def worker(demo_server: Any, tmp_path: Path) -> Iterator[Session]:
    session = Session("demo", url_template=base_url_template(demo_server.base_url), api_version="v21.0",
                      cache_dir=tmp_path, api_key=user_entry(demo_server, "worker")["api_key"])
    yield session
    session.close()


def test_making_oneself_an_administrator_is_a_permission_error_that_says_why(worker: Session) -> None:
    me = worker.who_am_i(["isAdmin"])
    me["isAdmin"] = True

    with pytest.raises(errors.PermissionError) as refused:
        me.save()

    assert refused.value.status == 403
    report = errors.describe(refused.value)
    assert report.headline == "Only an administrator can change isAdmin of a user"
    assert "ask an administrator" in report.advice
    assert worker.who_am_i(["isAdmin"])["isAdmin"] is False


def test_a_project_not_shared_with_the_worker_is_absent_from_the_clients_search(worker: Session, demo_server: Any,
                                                                                tmp_path: Path) -> None:
    admin = Session("demo", url_template=base_url_template(demo_server.base_url), api_version="v21.0",
                    cache_dir=tmp_path / "admin", api_key=user_entry(demo_server, "admin")["api_key"])
    try:
        hidden = admin.post("/proj", {"name": "Client-hidden project"})
    finally:
        admin.close()

    found = worker.search("Project", where={"name": "Client-hidden project"})

    assert found == []
    with pytest.raises(errors.PermissionError):
        worker.get(f"/proj/{hidden['ID']}")

"""Test data for the search-model tests: a project of six tasks with known priorities, work and assignees."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
from wfexplorer.core.auth.profiles import Environment, Profile
from wfexplorer.core.classic import Session
from wfexplorer.core.connection import Connection
from wfexplorer.demo.server import DemoServer

#: name → (priority, workRequired, which assignee: 0, 1 or None)
TASKS = {
    "alpha one": (4, 60, 0),
    "alpha two": (1, 120, 1),
    "beta": (1, 30, 0),
    "gamma": (2, 0, 1),
    "delta": (4, 15, None),
    "epsilon": (1, 45, 0),
}


@dataclass(frozen=True)
class Probe:
    """The project made for a test module, its tasks by name, and the two assignees with their home groups."""

    project_id: str
    project_name: str
    task_ids: dict[str, str]
    users: tuple[dict[str, Any], dict[str, Any]]

    def group_of(self, index: int | None) -> str | None:
        return None if index is None else str(self.users[index]["homeGroup"]["name"])

    @property
    def groups(self) -> tuple[str, str]:
        """The two assignees' home group names."""
        return str(self.group_of(0)), str(self.group_of(1))


def sign_in(server: DemoServer, folder: Path) -> Connection:
    """The demo administrator signed in the way the app signs in: the Authenticator, then a Connection
    (its ``session`` is the classic Session; ``sign_out()`` ends it). ``folder`` holds the profile store."""
    authenticator = Authenticator(profiles=ProfileStore(folder / "config"), secrets=SecretStore())
    profile = Profile(name="Search model tests", environment=Environment.CUSTOM, custom_url=server.base_url)
    return Connection(authenticator.sign_in_with_password(profile, "admin", "demo"), use_cache=False)


def session_secret(session: Session) -> str:
    """The session ID the signed-in session sends now (its provider's credential), for snippets run as pasted."""
    credential = session.credentials.current() if session.credentials is not None else None
    secret = credential.value if credential is not None else session.session_id
    assert secret, "the session is signed in"
    return str(secret)


def make_probe(session: Session) -> Probe:
    """Create the project and tasks (two assignees whose home groups have one-word names, different ones)."""
    users = session.request("GET", "/user/search", [("fields", "homeGroup:name"), ("homeGroupID_Mod", "notnull"),
                                                    ("ID_Sort", "asc"), ("$$LIMIT", "200")])
    chosen: list[dict[str, Any]] = []
    for user in users:
        group = user["homeGroup"]["name"]
        if re.fullmatch(r"[A-Za-z]+", group) and all(other["homeGroup"]["name"] != group for other in chosen):
            chosen.append(user)
        if len(chosen) == 2:
            break
    assert len(chosen) == 2, "the demo data has two users in differently named one-word groups"
    name = f"H14 probe {uuid.uuid4().hex[:8]}"
    project = session.api.Project(session, name=name)
    project.save()
    assert project.id is not None
    ids = {}
    for task_name, (priority, work, assignee) in TASKS.items():
        fields: dict[str, Any] = {"name": task_name, "project_id": project.id, "priority": priority,
                                  "work_required": work}
        if assignee is not None:
            fields["assigned_to_id"] = chosen[assignee]["ID"]
        task = session.api.Task(session, **fields)
        task.save()
        assert task.id is not None
        ids[task_name] = task.id
    return Probe(project.id, name, ids, (chosen[0], chosen[1]))

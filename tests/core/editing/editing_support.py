"""Helpers for editing tests: sign in to the simulator with OAuth (so Planning works), record the wire, new objects."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore, demo_profile
from wfexplorer.core.auth.profiles import AuthMethod
from wfexplorer.core.classic.writing_requests import is_write
from wfexplorer.core.connection import Connection
from wfexplorer.core.transport import RequestEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "auth"))

from auth_support import FormBrowser  # the "browser" that submits the simulator's sign-in form


class Wire:
    """Every HTTP attempt of a connection, with the classic form body decoded."""

    def __init__(self) -> None:
        self.events: list[RequestEvent] = []

    def __call__(self, event: RequestEvent) -> None:
        self.events.append(event)

    def clear(self) -> None:
        self.events.clear()

    def writes(self) -> list[RequestEvent]:
        """Attempts that change something (classic PUT/POST/DELETE except reads sent as POST, Planning writes)."""
        found = []
        for event in self.events:
            if "/attask/api/" in event.url:
                pairs = list(event.request.form) if event.request is not None else []
                url = event.url.split("?", 1)[0]
                if is_write(event.method, url, pairs) and not url.endswith("/login"):
                    found.append(event)
            elif event.method in ("PUT", "POST", "PATCH", "DELETE") and not event.url.split("?")[0].endswith(
                    ("/search", "/token")):
                found.append(event)
        return found

    @staticmethod
    def updates(event: RequestEvent) -> dict[str, Any]:
        assert event.request is not None
        return json.loads(dict(event.request.form)["updates"])


def sign_in(server: Any, tmp_path: Path, *, read_only: bool = False, planning_version: str = "v2") -> Connection:
    profile = demo_profile(server.base_url, auth_method=AuthMethod.OAUTH_BROWSER).with_changes(
        read_only=read_only, planning_version=planning_version)
    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore(),
                                  open_browser=FormBrowser())
    return Connection(authenticator.sign_in_with_browser(profile), use_cache=False)


def new_task(connection: Connection, name: str = "Editing test task") -> dict[str, Any]:
    """A task of its own in a seeded project (tests change their own objects only)."""
    session = connection.session
    project = session.get("/proj/search", {"$$LIMIT": 1, "fields": "ID"})[0]
    return session.post("/task", {"updates": {"name": name, "projectID": project["ID"]}})

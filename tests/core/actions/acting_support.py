"""Helpers for action, bulk, journal and acting GUI tests: the editing tests' sign-in and wire, new objects, and
the fixtures their conftests share (a signed-in connection, its wire, a journal in the test's folder)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "editing"))

from editing_support import Wire, new_task, sign_in

from wfexplorer.core.connection import Connection
from wfexplorer.core.journal import Journal

__all__ = ["Wire", "connection", "journal", "new_project", "new_task", "sign_in", "wire"]


def new_project(connection: Any, name: str = "Acting test project") -> dict[str, Any]:
    """A project of its own."""
    return connection.session.post("/proj", {"updates": {"name": name}})


@pytest.fixture
def connection(demo_server: Any, tmp_path: Path) -> Iterator[Connection]:
    """The demo user signed in with OAuth (so Planning works too)."""
    connected = sign_in(demo_server, tmp_path)
    yield connected
    connected.sign_out()


@pytest.fixture
def wire(connection: Connection) -> Iterator[Wire]:
    """The connection's HTTP attempts from now on."""
    recorder = Wire()
    unsubscribe = connection.subscribe(recorder)
    yield recorder
    unsubscribe()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A journal of its own in the test's folder."""
    opened = Journal.for_profile("Simulator", tmp_path / "journal")
    yield opened
    opened.close()

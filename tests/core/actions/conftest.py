"""Fixtures for actions and bulk edits: a signed-in connection (OAuth, so Planning works), its wire, a journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from acting_support import Wire, sign_in

from wfexplorer.core.connection import Connection
from wfexplorer.core.journal import Journal


@pytest.fixture
def connection(demo_server: Any, tmp_path: Path) -> Iterator[Connection]:
    connected = sign_in(demo_server, tmp_path)
    yield connected
    connected.sign_out()


@pytest.fixture
def wire(connection: Connection) -> Iterator[Wire]:
    recorder = Wire()
    unsubscribe = connection.subscribe(recorder)
    yield recorder
    unsubscribe()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.for_profile("Simulator", tmp_path / "journal")
    yield opened
    opened.close()

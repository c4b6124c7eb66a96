"""Fixtures for core editing: a signed-in connection to the simulator (OAuth, so Planning works) and the wire."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from editing_support import Wire, sign_in

from wfexplorer.core.connection import Connection


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

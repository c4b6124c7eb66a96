"""Fixtures for the classic client tests: a canned loopback server, optionally serving metadata."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from classic_canned import CannedServer, serve_metadata, start_canned, stop_canned


@pytest.fixture(scope="session")
def canned_server() -> Iterator[CannedServer]:
    """One canned server for the whole run (starting and stopping one costs half a second)."""
    server, httpd, thread = start_canned()
    try:
        yield server
    finally:
        stop_canned(httpd, thread)


@pytest.fixture
def canned(canned_server: CannedServer) -> CannedServer:
    """The canned server with no routes and no recorded requests."""
    canned_server.routes.clear()
    canned_server.requests.clear()
    return canned_server


@pytest.fixture
def reflected(canned: CannedServer) -> CannedServer:
    """A canned server that serves metadata for ROLE (the reference fixture), USER and OPTASK."""
    return serve_metadata(canned)

"""Fixtures for the simulator's OAuth surface tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from oauth_support import OAuthDriver

from wfexplorer.demo.server import DemoServer
from wfexplorer.demo.settings import DemoSettings


@pytest.fixture
def oauth(demo_server: DemoServer) -> OAuthDriver:
    """A driver for the session-wide simulator."""
    return OAuthDriver(demo_server)


@pytest.fixture
def fresh_oauth(private_server: DemoServer) -> OAuthDriver:
    """A driver for a private simulator whose clock and settings a test may change."""
    return OAuthDriver(private_server)


@pytest.fixture(scope="module")
def _module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    with DemoServer(tmp_path_factory.mktemp("oauth-demo"), scale=0.05) as server:
        yield server


@pytest.fixture
def private_server(_module_server: DemoServer) -> Iterator[DemoServer]:
    """A simulator only this module uses, so tests may move its clock; settings are reset after each test."""
    yield _module_server
    assert _module_server.context is not None
    settings, defaults = _module_server.context.settings, DemoSettings()
    for name in vars(defaults):
        setattr(settings, name, getattr(defaults, name))
    _module_server.context.faults.reset()

"""Fixtures for the simulator's OAuth surface tests."""

from __future__ import annotations

import pytest
from oauth_support import OAuthDriver

from wfexplorer.demo.server import DemoServer


@pytest.fixture
def oauth(demo_server: DemoServer) -> OAuthDriver:
    """A driver for the session-wide simulator."""
    return OAuthDriver(demo_server)


@pytest.fixture
def fresh_oauth(private_server: DemoServer) -> OAuthDriver:
    """A driver for a private simulator whose clock and settings a test may change."""
    return OAuthDriver(private_server)



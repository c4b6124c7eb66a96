"""Fixtures for core auth tests: profiles pointing at the simulator, an Authenticator with temp dirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from auth_support import FormBrowser, profile_for

from wfexplorer.core.auth import Authenticator, Profile, ProfileStore, SecretStore
from wfexplorer.demo.server import DemoServer
from wfexplorer.demo.settings import DemoSettings


@pytest.fixture
def profile(demo_server: DemoServer) -> Profile:
    return profile_for(demo_server)


@pytest.fixture
def credentials(demo_server: DemoServer) -> dict[str, Any]:
    return demo_server.credentials()


@pytest.fixture
def browser() -> FormBrowser:
    return FormBrowser()


@pytest.fixture
def authenticator(tmp_path: Path, browser: FormBrowser) -> Authenticator:
    return Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore(), open_browser=browser)


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

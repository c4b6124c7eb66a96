"""Fixtures for core auth tests: profiles pointing at the simulator, an Authenticator with temp dirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from auth_support import FormBrowser, profile_for

from wfexplorer.core.auth import Authenticator, Profile, ProfileStore, SecretStore
from wfexplorer.demo.server import DemoServer


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



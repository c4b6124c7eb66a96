"""Shared fixtures: offscreen Qt, an in-memory keyring, and a running simulator on port 0.

Every test that uses a QApplication (pytest-qt's ``qapp``, directly or through ``qtbot``, ``qtmodeltester`` or
our ``qt_loop``) is marked ``gui``, so ``-m "not gui"`` runs the suite without Qt.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
# The user's own settings, metadata cache and logs are never read or written by the suite: the
# per-user folders point into one temporary folder for the run.
os.environ["WFEXPLORER_TEST_HOME"] = tempfile.mkdtemp(prefix="wfexplorer-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(os.environ["WFEXPLORER_TEST_HOME"], "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(os.environ["WFEXPLORER_TEST_HOME"], "cache")
os.environ["XDG_DATA_HOME"] = os.path.join(os.environ["WFEXPLORER_TEST_HOME"], "data")
os.environ["XDG_STATE_HOME"] = os.path.join(os.environ["WFEXPLORER_TEST_HOME"], "state")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
from wfexplorer.core.auth.profiles import Environment, Profile
from wfexplorer.core.connection import Connection
from wfexplorer.demo.server import DemoServer
from wfexplorer.demo.settings import DemoSettings

#: Volume of the session-wide simulator's data: small enough to seed in a second or two.
TEST_SCALE = float(os.environ.get("WFEXPLORER_TEST_SCALE", "0.2"))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps secrets in a dict, so tests never touch a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(f"no secret for {service}/{username}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``gui`` every test whose fixtures include pytest-qt's ``qapp`` (the QApplication)."""
    for item in items:
        if "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test runs against a fresh in-memory keyring."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    """One simulator for the whole run: fresh database in a temp dir, port chosen by the OS.

    Tests that change data should create their own objects rather than rely on seeded ones
    staying untouched; tests that need pristine or specially configured data start their own
    ``DemoServer`` (see ``fresh_demo_server``).
    """
    data_dir: Path = tmp_path_factory.mktemp("demo")
    with DemoServer(data_dir, scale=TEST_SCALE) as server:
        yield server


@pytest.fixture
def demo_credentials(demo_server: DemoServer) -> dict[str, Any]:
    """The demo credentials of the session-wide simulator (as in demo-credentials.json)."""
    return demo_server.credentials()


@pytest.fixture
def fresh_demo_server(tmp_path: Path) -> Iterator[DemoServer]:
    """A private simulator with its own database, for tests that change settings or faults."""
    with DemoServer(tmp_path / "demo", scale=TEST_SCALE) as server:
        yield server


@pytest.fixture
def demo_faults(demo_server: DemoServer) -> Iterator[Any]:
    """The session simulator's fault settings, turned off again after the test."""
    assert demo_server.context is not None
    faults = demo_server.context.faults
    try:
        yield faults
    finally:
        faults.reset()


@pytest.fixture(scope="module")
def _module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    with DemoServer(tmp_path_factory.mktemp("module-demo"), scale=0.05) as server:
        yield server


@pytest.fixture
def private_server(_module_server: DemoServer) -> Iterator[DemoServer]:
    """A small simulator only this test module uses, so tests may move its clock and change settings;
    settings and faults are reset after each test (cheaper than ``fresh_demo_server`` per test)."""
    yield _module_server
    assert _module_server.context is not None
    settings, defaults = _module_server.context.settings, DemoSettings()
    for name in vars(defaults):
        setattr(settings, name, getattr(defaults, name))
    _module_server.context.faults.reset()


class Requests:
    """Every request event of a connection (one per HTTP attempt), in the order they happened."""

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def __call__(self, event: Any) -> None:
        self.sent.append(event)

    def count(self) -> int:
        return len(self.sent)

    def clear(self) -> None:
        self.sent.clear()


@pytest.fixture
def planning_accepts_login_sessions(demo_server: Any) -> Iterator[None]:
    """Let the simulator's Planning API accept a classic /login session, as ``wfexplorer --demo`` does."""
    options = demo_server.context.settings.planning_options
    before = options.get("accept_login_sessions", "false")
    options["accept_login_sessions"] = "true"
    yield
    options["accept_login_sessions"] = before


@pytest.fixture
def connection(demo_server: Any, demo_credentials: dict[str, Any], memory_keyring: Any, tmp_path: Any,
               planning_accepts_login_sessions: None) -> Iterator[Connection]:
    """The admin signed in with a password: classic Session and Planning client over loopback."""
    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore())
    profile = Profile(name="Simulator", environment=Environment.CUSTOM, custom_url=demo_server.base_url)
    signed_in = authenticator.sign_in_with_password(profile, demo_credentials["username"],
                                                    demo_credentials["password"])
    connected = Connection(signed_in, cache_dir=tmp_path / "metadata-cache")  # no metadata from other tests
    yield connected
    connected.sign_out()


@pytest.fixture
def requests_sent(connection: Connection) -> Iterator[Requests]:
    """The connection's request events from now on."""
    recorder = Requests()
    unsubscribe = connection.subscribe(recorder)
    yield recorder
    unsubscribe()

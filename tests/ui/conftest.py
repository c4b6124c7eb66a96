"""Fixtures for GUI tests: a qasync event loop on the test QApplication, an Operations helper, and a check that
no widget is shown as a window of its own before it is put in its place."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import PySide6.QtWidgets  # noqa: F401 - PySide6 must be imported before qasync
import pytest
import qasync
from PySide6.QtWidgets import QApplication
from stray_windows import StrayWindows

from wfexplorer.ui.asyncops import Operations

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "editing"))  # editing_support


@pytest.fixture(autouse=True)
def no_stray_windows(qapp: QApplication) -> Iterator[None]:
    """Every GUI test also checks that nothing flashed up as a window of its own (see ``stray_windows``)."""
    watch = StrayWindows()
    qapp.installEventFilter(watch)
    try:
        yield
    finally:
        qapp.removeEventFilter(watch)
    assert not watch.strays, "\n".join(watch.strays)


@pytest.fixture
def qt_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync loop on the test application, set as the current asyncio loop."""
    qapp.setQuitOnLastWindowClosed(False)  # a closing dialog must not stop the loop mid-test
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def crashes() -> list[BaseException]:
    """Errors that reached the crash handler (tests assert it stays empty unless they expect one)."""
    return []


@pytest.fixture
def ops(qt_loop: qasync.QEventLoop, crashes: list[BaseException]) -> Iterator[Operations]:
    """An Operations helper whose crash handler records instead of showing a dialog."""
    operations = Operations(crash_handler=crashes.append)
    try:
        yield operations
    finally:
        operations.shutdown()


@pytest.fixture
def run_until(qt_loop: qasync.QEventLoop) -> Callable[..., Any]:
    """Spin the loop until ``condition()`` is true (or fail after ``timeout`` seconds)."""

    def run(condition: Callable[[], bool], timeout: float = 10.0) -> None:
        async def wait() -> None:
            deadline = qt_loop.time() + timeout
            while not condition():
                if qt_loop.time() > deadline:
                    raise AssertionError("condition not met in time")
                await asyncio.sleep(0.01)

        qt_loop.run_until_complete(wait())

    return run


class FixtureDemo:
    """The session simulator as the dialog's demo provider (already running; start() just reports it)."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.started = 0

    def defaults(self) -> dict[str, str]:
        credentials = self.server.credentials()
        return {"username": credentials["username"], "password": credentials["password"]}

    def start(self) -> dict[str, Any]:
        self.started += 1
        return self.server.credentials()


class FormBrowser:
    """A stand-in for the system browser: fetches the simulator's sign-in page and submits its form."""

    def __init__(self, username: str = "admin", password: str = "demo") -> None:
        self.username = username
        self.password = password
        self.opened: list[str] = []

    def __call__(self, url: str) -> bool:
        import re
        from html import unescape
        from urllib.parse import urlsplit, urlunsplit

        import requests

        self.opened.append(url)
        with requests.Session() as http:
            page = http.get(url, timeout=5)
            hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text))
            form = {name: unescape(value) for name, value in hidden.items()}
            action = urlunsplit(urlsplit(url)._replace(query=""))
            answer = http.post(action, data={**form, "username": self.username, "password": self.password,
                                             "decision": "allow"}, timeout=5, allow_redirects=False)
            if answer.status_code == 302:
                http.get(answer.headers["Location"], timeout=5)
        return True


@pytest.fixture
def demo_provider(demo_server: Any) -> FixtureDemo:
    """The session simulator as the sign-in backend's demo provider."""
    return FixtureDemo(demo_server)


@pytest.fixture
def browser() -> FormBrowser:
    """The "browser" the OAuth sign-in opens in tests."""
    return FormBrowser()


@pytest.fixture
def signin_backend(demo_provider: FixtureDemo, tmp_path: Any, browser: FormBrowser) -> Any:
    """Core-backed sign-in with profiles in a temp dir, the in-memory keyring and the session simulator as demo."""
    from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
    from wfexplorer.ui.login.core_backend import CoreSignInBackend

    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore(),
                                  open_browser=browser)
    return CoreSignInBackend(authenticator.profiles, authenticator, demo_provider, tmp_path / "cache")


@pytest.fixture
def login_dialog(qtbot: Any, signin_backend: Any, ops: Operations) -> Any:
    """A shown sign-in dialog on the core backend."""
    from wfexplorer.ui.login.dialog import LoginDialog

    dialog = LoginDialog(signin_backend, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


@pytest.fixture
def editing_connection(demo_server: Any, tmp_path: Any) -> Iterator[Any]:
    """A connection to the shared simulator signed in through OAuth (so Planning works too), for edit forms."""
    from editing_support import sign_in

    connected = sign_in(demo_server, tmp_path)
    yield connected
    if not connected.closed:
        connected.sign_out()

"""The browser sign-in with a real browser: headless Chromium fills in and submits the simulator's sign-in form.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: commands on fd 3,
answers on fd 4, NUL-terminated JSON), so no extra package is needed. Skipped when Chromium is not installed.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from auth_support import profile_for

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore

CHROMIUM = next((path for path in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"),
                                   shutil.which("google-chrome")) if path and os.path.exists(path)), None)

pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"), pytest.mark.slow]


class HeadlessChromium:
    """One headless Chromium driven over the DevTools pipe; usable as an ``open_browser`` callable."""

    def __init__(self, user_data_dir: Path, username: str = "admin", password: str = "demo") -> None:
        self.user_data_dir = user_data_dir
        self.username = username
        self.password = password
        self.process: subprocess.Popen[bytes] | None = None
        self.session_id: str | None = None
        self._next_id = 0
        self._buffer = b""

    # -- the DevTools pipe -----------------------------------------------------------------------

    def _start(self, url: str) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:  # in the child: its fd 3 reads our commands, its fd 4 writes answers
            command_end, answer_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(command_end, 3)
            os.dup2(answer_end, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", f"--user-data-dir={self.user_data_dir}", url],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, pass_fds=(3, 4),  # the DevTools pipe needs fds 3 and 4
        )
        os.close(to_browser_read)
        os.close(from_browser_write)

    def _send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True,
              timeout: float = 10) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session_id:
            message["sessionId"] = self.session_id
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if answer.get("id") == self._next_id:
                    if "error" in answer:
                        raise RuntimeError(f"{method}: {answer['error']}")
                    return answer.get("result", {})
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"Chromium did not answer {method}")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self._from_browser, 65536)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buffer += chunk

    def evaluate(self, expression: str) -> Any:
        """Run JavaScript in the page and return its value."""
        result = self._send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 10) -> Any:
        """Poll ``expression`` in the page until it is truthy."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:  # the page is navigating
                value = None
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(f"the page never satisfied {expression!r}")

    # -- the "user" ----------------------------------------------------------------------------

    def __call__(self, url: str) -> bool:
        """Open the sign-in page, type the username and password, and press "Sign in and allow"."""
        self._start(url)
        deadline = time.monotonic() + 15
        page = None
        while page is None and time.monotonic() < deadline:
            targets = self._send("Target.getTargets", session=False)["targetInfos"]
            page = next((t for t in targets if t["type"] == "page"), None)
            time.sleep(0.05 if page is None else 0)
        assert page is not None, "Chromium opened no page"
        self.session_id = self._send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True},
                                     session=False)["sessionId"]
        self.wait_for("document.readyState === 'complete' && !!document.getElementById('username')")
        self.evaluate(
            f"document.getElementById('username').value = {json.dumps(self.username)};"
            f"document.getElementById('password').value = {json.dumps(self.password)};"
            "document.getElementById('allow').click(); true"
        )
        return True

    def close(self) -> None:
        if self.process is not None:
            with contextlib.suppress(RuntimeError, TimeoutError, OSError):
                self._send("Browser.close", session=False, timeout=3)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            os.close(self._to_browser)
            os.close(self._from_browser)


@pytest.fixture
def chromium(tmp_path: Path):
    browser = HeadlessChromium(tmp_path / "chromium-profile")
    yield browser
    browser.close()


def test_headless_chromium_submits_the_sign_in_form_and_lands_on_the_close_this_tab_page(demo_server, tmp_path,
                                                                                          chromium):
    auth = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore(), open_browser=chromium)

    signed_in = auth.sign_in_with_browser(profile_for(demo_server), timeout=30)

    assert signed_in.username == "admin"
    assert signed_in.provider.tokens.refresh_token
    assert chromium.wait_for("document.title") == "You are signed in to wfexplorer"
    assert "You can close this tab" in chromium.evaluate("document.body.innerText")

"""Test helpers for core auth: a "browser" that is an HTTP client submitting the simulator's sign-in form."""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Callable
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
import requests

from wfexplorer.core.auth import Profile, demo_profile, oauth
from wfexplorer.demo.server import DemoServer

TIMEOUT = 5
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
_HEADLINE = re.compile(r"<h1>(.*?)</h1>")


class FormBrowser:
    """Opens the authorization URL, fills in the sign-in form, submits it and follows the redirect.

    Use an instance as the ``open_browser`` callable. ``before_redirect`` may rewrite the redirect
    URL (to forge a state) or do something first (advance the simulator's clock); ``pages`` keeps
    the headline of every page the "browser" showed, the loopback page last.
    """

    def __init__(self, username: str = "admin", password: str = "demo", *, decision: str = "allow",
                 before_redirect: Callable[[str], str] | None = None) -> None:
        self.username = username
        self.password = password
        self.decision = decision
        self.before_redirect = before_redirect
        self.pages: list[str] = []
        self.opened: list[str] = []
        self.http = requests.Session()

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        page = self.http.get(url, timeout=TIMEOUT)
        self._seen(page)
        form = {name: unescape(value) for name, value in _HIDDEN.findall(page.text)}
        action = urlunsplit(urlsplit(url)._replace(query=""))
        answer = self.http.post(action, data={**form, "username": self.username, "password": self.password,
                                              "decision": self.decision}, timeout=TIMEOUT, allow_redirects=False)
        self._seen(answer)
        if answer.status_code != 302:
            return True  # the sign-in page again (wrong password): a real user would now give up or retry
        location = answer.headers["Location"]
        if self.before_redirect is not None:
            location = self.before_redirect(location)
        self._seen(self.http.get(location, timeout=TIMEOUT))
        return True

    def _seen(self, response: requests.Response) -> None:
        match = _HEADLINE.search(response.text)
        self.pages.append(unescape(match.group(1)) if match else f"HTTP {response.status_code}")


class CodeKeepingBrowser(FormBrowser):
    """A form browser that runs in its own thread (like a real browser) and remembers the codes it carried."""

    def __init__(self, password: str, codes: list[str], thread_name: str = "simulated-browser") -> None:
        super().__init__(password=password, before_redirect=self._keep_code)
        self.codes = codes
        self.thread_name = thread_name

    def _keep_code(self, url: str) -> str:
        self.codes.append(url.split("code=")[1].split("&")[0])
        return url

    def __call__(self, url: str) -> bool:
        threading.Thread(target=super().__call__, args=(url,), name=self.thread_name, daemon=True).start()
        return True


def fresh_admin_password(server: DemoServer) -> str:
    """Give the simulator's admin a new random password (one no other text contains) and return it."""
    assert server.context is not None
    password = "Pw-" + secrets.token_hex(12)
    admin = server.context.sessions.find_user("admin")
    with server.context.store.transaction() as tx:
        tx.put("USER", {**admin, "_password": password})
    return password


def record_verifiers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PKCE code verifier the OAuth code makes from now on (secrets a scan must not find)."""
    verifiers: list[str] = []
    real_generate = oauth.generate_token

    def recording_generate(length: int = 30) -> str:
        verifiers.append(real_generate(length))
        return verifiers[-1]

    monkeypatch.setattr(oauth, "generate_token", recording_generate)
    return verifiers


def with_query(url: str, **changes: str) -> str:
    """``url`` with some query parameters replaced."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


class FakeClock:
    """A client clock tests move forward."""

    def __init__(self, start: float = 1_900_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def profile_for(server: DemoServer, name: str = "Local test") -> Profile:
    """A saveable (non built-in) custom profile for ``server``."""
    credentials = server.credentials()
    return demo_profile(server.base_url, client_id=credentials["oauth_public_client_id"]).with_changes(
        name=name, builtin=False
    )

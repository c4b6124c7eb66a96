"""Sign-in latencies against the in-process simulator (run: .venv/bin/python tests/benchmarks/bench_auth.py).

Each figure is the median (and 90th percentile) of repeated sign-ins through
:class:`wfexplorer.core.auth.Authenticator`, including the "who am I" request that follows each one.
The browser flow uses an HTTP client that submits the sign-in form (no real browser start-up).
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import keyring
import keyring.backend
import requests

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore, TokenService, demo_profile
from wfexplorer.demo.server import DemoServer

ROUNDS = 30
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


class _MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


def _form_browser(url: str) -> bool:
    http = requests.Session()
    page = http.get(url, timeout=5)
    form = {name: unescape(value) for name, value in _HIDDEN.findall(page.text)}
    action = urlunsplit(urlsplit(url)._replace(query=""))
    answer = http.post(action, data={**form, "username": "admin", "password": "demo", "decision": "allow"},
                       timeout=5, allow_redirects=False)
    http.get(answer.headers["Location"], timeout=5)
    return True


def _measure(name: str, action: Callable[[], object]) -> None:
    action()  # warm up
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p90 = samples[int(len(samples) * 0.9) - 1]
    print(f"{name:<42} median {statistics.median(samples):7.1f} ms   p90 {p90:7.1f} ms")


def main() -> int:
    keyring.set_keyring(_MemoryKeyring())
    with tempfile.TemporaryDirectory() as scratch, DemoServer(Path(scratch) / "demo", scale=0.2) as server:
        credentials = server.credentials()
        profile = demo_profile(server.base_url, client_id=credentials["oauth_public_client_id"]).with_changes(
            name="bench", builtin=False)
        auth = Authenticator(profiles=ProfileStore(Path(scratch) / "config"), secrets=SecretStore(),
                             open_browser=_form_browser)
        print(f"wfexplorer auth benchmarks, {ROUNDS} rounds each, simulator at {server.base_url}")
        _measure("password sign-in (+ who am I)",
                 lambda: auth.sign_in_with_password(profile, "admin", "demo").http.close())
        _measure("API key sign-in (+ who am I)",
                 lambda: auth.sign_in_with_api_key(profile, credentials["api_key"]).http.close())
        _measure("OAuth browser flow, form browser (+ who am I)",
                 lambda: auth.sign_in_with_browser(profile, timeout=10).http.close())
        signed_in = auth.sign_in_with_browser(profile, timeout=10)
        provider = signed_in.provider
        _measure("OAuth refresh (renew after 401)", lambda: provider.renew(provider.current()))
        for service in TokenService:
            _measure(f"client credentials via {service} (+ who am I)",
                     lambda service=service: auth.sign_in_with_client_credentials(
                         profile, credentials["oauth_client_id"], credentials["oauth_client_secret"],
                         service=service).http.close())
    return 0


if __name__ == "__main__":
    sys.exit(main())

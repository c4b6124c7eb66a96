"""Test helpers for the simulator's OAuth surface: PKCE pairs and a driver that submits the sign-in form."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from wfexplorer.demo.server import DemoServer

AUTHORIZE = "/integrations/oauth2/authorize"
TOKEN = "/integrations/oauth2/api/v1/token"
REVOKE = "/integrations/oauth2/api/v1/revoke"
IMS_TOKEN = "/ims/token/v3"
LOOPBACK_REDIRECT = "http://127.0.0.1:49152/callback"
TIMEOUT = 5

_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def pkce_pair() -> tuple[str, str]:
    """A code verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def hidden_fields(page: str) -> dict[str, str]:
    """The hidden inputs of the sign-in form."""
    from html import unescape

    return {name: unescape(value) for name, value in _HIDDEN.findall(page)}


def query_of(location: str) -> dict[str, str]:
    """The query parameters of a redirect location (first value of each)."""
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


@dataclass
class Authorization:
    """A code obtained through the sign-in page, with what the token request needs."""

    code: str
    verifier: str
    redirect_uri: str
    client_id: str
    state: str


class OAuthDriver:
    """Drives the simulator's OAuth pages and token endpoint over real HTTP."""

    def __init__(self, server: DemoServer) -> None:
        self.base = server.base_url
        self.credentials = server.credentials()
        self.http = requests.Session()

    def authorize_params(self, *, client_id: str | None = None, redirect_uri: str = LOOPBACK_REDIRECT,
                         challenge: str | None = None, state: str = "state-123", **extra: str) -> dict[str, str]:
        params = {
            "client_id": client_id or self.credentials["oauth_public_client_id"],
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "state": state,
        }
        if challenge is not None:
            params.update(code_challenge=challenge, code_challenge_method="S256")
        params.update(extra)
        return params

    def open_page(self, params: dict[str, str]) -> requests.Response:
        return self.http.get(self.base + AUTHORIZE, params=params, timeout=TIMEOUT, allow_redirects=False)

    def submit(self, page: requests.Response, *, username: str = "admin", password: str = "demo",
               decision: str = "allow") -> requests.Response:
        form = {**hidden_fields(page.text), "username": username, "password": password, "decision": decision}
        return self.http.post(self.base + AUTHORIZE, data=form, timeout=TIMEOUT, allow_redirects=False)

    def authorize(self, *, client_id: str | None = None, redirect_uri: str = LOOPBACK_REDIRECT) -> Authorization:
        verifier, challenge = pkce_pair()
        params = self.authorize_params(client_id=client_id, redirect_uri=redirect_uri, challenge=challenge)
        answer = self.submit(self.open_page(params))
        assert answer.status_code == 302, answer.text
        query = query_of(answer.headers["Location"])
        return Authorization(query["code"], verifier, redirect_uri, params["client_id"], query["state"])

    def exchange(self, authorization: Authorization, **overrides: Any) -> requests.Response:
        data = {
            "grant_type": "authorization_code",
            "code": authorization.code,
            "redirect_uri": authorization.redirect_uri,
            "client_id": authorization.client_id,
            "code_verifier": authorization.verifier,
            **overrides,
        }
        return self.http.post(self.base + TOKEN, data={k: v for k, v in data.items() if v is not None},
                              timeout=TIMEOUT)

    def refresh(self, refresh_token: str, client_id: str | None = None) -> requests.Response:
        data = {"grant_type": "refresh_token", "refresh_token": refresh_token,
                "client_id": client_id or self.credentials["oauth_public_client_id"]}
        return self.http.post(self.base + TOKEN, data=data, timeout=TIMEOUT)

    def whoami(self, token: str) -> requests.Response:
        """The classic API's current user with ``token`` as sessionID."""
        return self.http.get(self.base + "/attask/api/v21.0/user", params={"id": "$$USER", "fields": "username"},
                             headers={"sessionID": token}, timeout=TIMEOUT)

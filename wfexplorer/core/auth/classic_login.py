"""The classic API's own sign-in calls: ``/login``, ``/logout``, API keys and "who am I".

These are the few classic requests auth needs before (or without) a full classic client. They
send credentials only in the form body or headers, never in the URL, and decode answers with the
classic client's envelope rules, so a bad password raises
:class:`~wfexplorer.core.errors.AuthenticationError` with the server's own message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core import errors, transport
from wfexplorer.core.auth.profiles import Profile
from wfexplorer.core.classic import envelope

WHOAMI_FIELDS = "ID,name,username,emailAddr,isAdmin"


@dataclass(frozen=True)
class LoginResult:
    """A classic session: its ID and the signed-in user's ID."""

    session_id: str = field(repr=False)
    user_id: str | None


def login(http: transport.Transport, profile: Profile, username: str, password: str) -> LoginResult:
    """``POST /login`` with the username and password in the form body."""
    if not username.strip() or not password:
        raise errors.ValidationError("Enter your username and password.",
                                     field_errors={"username" if not username.strip() else "password": ["required"]})
    url = f"{profile.classic_url}/login"
    response = http.request("POST", url, data={"username": username.strip(), "password": password}, idempotent=False)
    data = envelope.decode(response, "POST")
    if not isinstance(data, dict) or not data.get("sessionID"):
        raise errors.ProtocolError("The /login answer has no sessionID",
                                   request_line=transport.request_line("POST", url))
    return LoginResult(session_id=str(data["sessionID"]), user_id=data.get("userID"))


def logout(http: transport.Transport, profile: Profile, session_id: str) -> None:
    """End a classic session (``/logout`` with the session in a header)."""
    response = http.request("GET", f"{profile.classic_url}/logout", headers={"sessionID": session_id})
    envelope.decode(response, "GET")


def get_api_key(http: transport.Transport, profile: Profile, username: str, password: str, *,
                generate_if_missing: bool = True) -> str:
    """Return the user's API key (``action=getApiKey``), generating one when none exists yet."""
    key = _api_key_action(http, profile, "getApiKey", username, password)
    if not key and generate_if_missing:
        key = _api_key_action(http, profile, "generateApiKey", username, password)
    if not key:
        raise errors.NotFoundError("This user has no API key yet.")
    return key


def _api_key_action(http: transport.Transport, profile: Profile, action: str, username: str, password: str) -> str:
    if not username.strip() or not password:
        raise errors.ValidationError("Enter your username and password to get an API key.",
                                     field_errors={"username" if not username.strip() else "password": ["required"]})
    url = f"{profile.classic_url}/user"
    response = http.request("PUT", url, params={"action": action},
                            data={"username": username.strip(), "password": password}, idempotent=False)
    data = envelope.decode(response, "PUT")
    result = data.get("result") if isinstance(data, dict) else None
    return "" if result is None else str(result)


def whoami(http: transport.Transport, profile: Profile, headers: dict[str, str]) -> dict[str, Any]:
    """Return the signed-in user (``GET /user?id=$$USER``) for the credential in ``headers``."""
    response = http.request("GET", f"{profile.classic_url}/user", params={"id": "$$USER", "fields": WHOAMI_FIELDS},
                            headers=headers)
    data = envelope.decode(response, "GET")
    if isinstance(data, list):
        data = data[0] if data else None
    if not isinstance(data, dict):
        raise errors.ProtocolError("The answer for the current user is not an object")
    return data

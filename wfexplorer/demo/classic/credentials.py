"""Who is calling: the credential a classic request carries, resolved to a user (classic-api.md §2.1).

Accepted, first present wins: a ``sessionID`` header (any case), a ``sessionID`` parameter, an
``X-XSRF-TOKEN`` header matching the ``XSRF-TOKEN`` cookie of the session cookie (what a browser
client such as Workfront's JS client sends; it may write), an ``apiKey`` header, an ``apiKey``
parameter, ``Authorization: Bearer <token>``, and last the session cookie set by ``/login`` alone
(read-only requests only, as Workfront documents). Session IDs,
OAuth access tokens and the demo token are all sessions of ``context.sessions``; an API key is
never accepted where a session ID is expected. A credential that is present but dead fails
the request even if a weaker one would have worked.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from werkzeug.wrappers import Request

from wfexplorer.demo.classic.errors import AUTH, AUTHENTICATION, ClassicError
from wfexplorer.demo.classic.params import Params
from wfexplorer.demo.sessions import SessionRegistry

SESSION_COOKIE = "attask"
XSRF_COOKIE = "XSRF-TOKEN"
XSRF_HEADER = "X-XSRF-TOKEN"
NOT_LOGGED_IN = "You are not currently logged in."


@dataclass(frozen=True)
class Caller:
    """The authenticated caller: user ID, and the session token when the credential is a session."""

    user_id: str
    session_token: str | None
    via: str


def not_logged_in() -> ClassicError:
    """Return the AuthenticationException for a missing or dead credential."""
    return ClassicError(NOT_LOGGED_IN, error_class=AUTHENTICATION, kind=AUTH)


def xsrf_token(session_id: str) -> str:
    """Return the XSRF token that goes with a session (set as a cookie by ``/login``)."""
    return hashlib.sha256(f"wfexplorer-xsrf:{session_id}".encode()).hexdigest()[:32]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def presented(request: Request, params: Params) -> tuple[str, str] | None:
    """Return ``(kind, value)`` of the strongest credential present, or ``None``."""
    candidates = (
        ("session", request.headers.get("sessionID")),
        ("session", params.get_ci("sessionID")),
        ("xsrf", request.headers.get(XSRF_HEADER)),
        ("apikey", request.headers.get("apiKey")),
        ("apikey", params.get_ci("apiKey")),
        ("session", _bearer(request)),
        ("cookie", request.cookies.get(SESSION_COOKIE)),
    )
    for kind, value in candidates:
        if value is not None and value.strip():
            return kind, value.strip()
    return None


def resolve_caller(request: Request, params: Params, sessions: SessionRegistry, method: str) -> Caller:
    """Return the caller or raise the "not logged in" AuthenticationException."""
    credential = presented(request, params)
    if credential is None:
        raise not_logged_in()
    kind, value = credential
    if kind == "apikey":
        user_id = sessions.user_for_api_key(value)
        if user_id is None:
            raise not_logged_in()
        return Caller(user_id, None, "apiKey")
    if kind == "cookie" and method != "GET":
        raise not_logged_in()
    if kind == "xsrf":
        cookie = (request.cookies.get(SESSION_COOKIE) or "").strip()
        if not cookie or not hmac.compare_digest(xsrf_token(cookie), value):
            raise not_logged_in()
        value = cookie
    info = sessions.resolve(value)
    if info is None:
        raise not_logged_in()
    return Caller(info.user_id, info.token, kind)


def optional_caller(request: Request, params: Params, sessions: SessionRegistry, method: str) -> Caller | None:
    """Return the caller when a live credential is present, else ``None`` (never raises)."""
    try:
        return resolve_caller(request, params, sessions, method)
    except ClassicError:
        return None

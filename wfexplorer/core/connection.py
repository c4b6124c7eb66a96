"""What a sign-in returns and a main window holds: one :class:`Connection` to one Workfront.

    signed_in = Authenticator().sign_in_with_password(profile, "me@acme.com", password)
    connection = Connection(signed_in)
    connection.session.search("PROJ", status="CUR")          # the classic Session (python-workfront surface)
    connection.planning.workspaces()                          # the Planning client, v1 or v2 per the profile
    connection.prompt = ask_the_user                          # the "ask again" hook for an expired session
    unsubscribe = connection.subscribe(request_log.add)       # every HTTP attempt, redacted
    connection.sign_out()

Both clients send through the connection's one transport and its one credential provider, so an
expired session is renewed once per refused request, whichever client met it (the one renewal policy,
:mod:`wfexplorer.core.renewal`). ``prompt`` is called on the thread whose request was refused, never
the caller's GUI thread; it returns the password (or any non-empty answer for a browser sign-in), or
``None`` to decline, and is asked again with the server's reason while the answer is refused.

Workfront Planning accepts OAuth 2.0 only. With an API key there is no Planning client
(:attr:`Connection.planning_unavailable` says why). With a password session the Planning client sends
the session as its Bearer token, as servers that allow it take it, and a refusal is shown as the
server's own answer: it is not an expired session, so the user is never asked again because of it.

A profile marked ``read_only`` makes both clients refuse every write before sending it
(:class:`~wfexplorer.core.errors.ReadOnlyError`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wfexplorer.core.auth.credentials import (
    ApiKeyProvider,
    Credential,
    CredentialProvider,
    PasswordProvider,
    ReauthPrompt,
)
from wfexplorer.core.auth.profiles import AuthMethod, Profile
from wfexplorer.core.auth.signin import SignedIn
from wfexplorer.core.classic.session import Session
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.renewal import CannotRenewError
from wfexplorer.core.transport import RequestListener, Transport

log = logging.getLogger(__name__)

PLANNING_NEEDS_OAUTH = ("Workfront Planning does not accept API keys. Sign in with OAuth 2.0 (the browser, "
                        "or server-to-server credentials) to browse Planning.")


class _SessionAsBearer:
    """The provider's login session as a Planning credential that a Planning refusal never renews.

    A 401 from Planning on a password session means Planning does not take login sessions, not that the
    session expired; the classic side renews the session when it really expires, and the next Planning
    request picks the new one up through :meth:`current`.
    """

    def __init__(self, provider: CredentialProvider) -> None:
        self.provider = provider

    def current(self) -> Credential:
        return self.provider.current()

    def renew(self, stale: Credential) -> Credential:
        raise CannotRenewError


class Connection:
    """One signed-in connection: classic session, Planning client, request events, sign-out, the prompt hook."""

    def __init__(self, signed_in: SignedIn, *, cache_dir: Path | str | None = None,
                 use_cache: bool | None = None) -> None:
        self.signed_in = signed_in
        profile = signed_in.profile
        self.session: Session = signed_in.classic_session(cache_dir=cache_dir, use_cache=use_cache)
        self.session.read_only = profile.read_only
        self.planning_unavailable: str | None = None
        self.planning: PlanningClient | None = None
        provider = signed_in.provider
        if isinstance(provider, ApiKeyProvider):
            self.planning_unavailable = PLANNING_NEEDS_OAUTH
        else:
            source: Any = _SessionAsBearer(provider) if isinstance(provider, PasswordProvider) else provider
            self.planning = PlanningClient(profile.base_url, version=profile.planning_version,
                                           transport=signed_in.http, credentials=source,
                                           read_only=profile.read_only)
        self._closed = False

    # -- who and where -----------------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        """The profile signed in with (no secrets)."""
        return self.signed_in.profile

    @property
    def method(self) -> AuthMethod:
        """How the user signed in."""
        return self.signed_in.method

    @property
    def user(self) -> dict[str, Any]:
        """What Workfront said about the signed-in user (``ID``, ``name``, ``username``…)."""
        return self.signed_in.user

    @property
    def user_id(self) -> str | None:
        """The signed-in user's ID, when known."""
        value = self.user.get("ID") or self.signed_in.provider.user_id
        return str(value) if value else None

    @property
    def user_name(self) -> str:
        """The user's display name."""
        return self.signed_in.user_name

    @property
    def username(self) -> str:
        """The user's login name."""
        return self.signed_in.username

    @property
    def host(self) -> str:
        """The host (and port) the connection talks to."""
        return self.profile.host

    @property
    def classic_version(self) -> str:
        """The classic API version (``v21.0``)."""
        return self.profile.classic_version

    @property
    def planning_version(self) -> str:
        """The Planning API version (``v2`` or ``v1``)."""
        return self.profile.planning_version

    @property
    def read_only(self) -> bool:
        """Whether every write is refused before it is sent."""
        return self.profile.read_only

    @property
    def transport(self) -> Transport:
        """The one HTTP path of this connection."""
        return self.signed_in.http

    # -- the "ask again" hook ------------------------------------------------------------------

    @property
    def prompt(self) -> ReauthPrompt | None:
        """Called (on a worker thread) when an expired password, API key or browser sign-in needs the user."""
        return self.signed_in.provider.prompt

    @prompt.setter
    def prompt(self, prompt: ReauthPrompt | None) -> None:
        self.signed_in.provider.prompt = prompt

    # -- events and lifetime -------------------------------------------------------------------

    def subscribe(self, listener: RequestListener) -> Callable[[], None]:
        """Call ``listener`` with every HTTP attempt of both clients (redacted); returns the unsubscribe."""
        return self.transport.subscribe(listener)

    def sign_out(self) -> None:
        """End the session on the server (logout or token revocation) and release the connection.

        Remembered secrets stay. A failure on the server still ends the connection here.
        """
        if self._closed:
            return
        self._closed = True
        self.prompt = None  # nobody may be asked again once the user signed out
        try:
            self.signed_in.sign_out()
        finally:
            self.session.close()
            self.transport.close()

    @property
    def closed(self) -> bool:
        """Whether :meth:`sign_out` ran."""
        return self._closed

"""Credential providers: what API clients attach to each request, and how they recover from a 401.

The contract for the classic and Planning clients (a session that expires mid-work)::

    credential = provider.current()               # before each request; may refresh an OAuth token early
    headers = credential.classic_headers()        # or credential.planning_headers()
    ... send; if the answer is AuthenticationError (HTTP 401, "not currently logged in") ...
    credential = provider.renew(credential)       # refresh (OAuth) or ask for the password again
    ... resend the same request ONCE with the new credential; a second 401 is raised to the caller.

That is the one renewal policy of :mod:`wfexplorer.core.renewal`; :func:`call_with_credentials` is
it, for one ``attempt(credential)`` callable;
:class:`TokenSource` adapts a provider to clients that take ``token``/``refresh`` callables; the
classic ``Session(..., credentials=provider)`` (or ``SignedIn.classic_session()``) does it for
every classic request, typed against the structural protocol in
:mod:`wfexplorer.core.classic.credentials` so the classic client never imports this package.
``renew`` is thread-safe and coalesces: when several requests fail with the same stale
credential at once, one of them renews and the others get the new credential without another
round trip. ``renew`` raises AuthenticationError (or ReauthenticationDeclined) when it cannot
renew; the request is then not retried.

Every provider has a ``prompt`` (:data:`ReauthPrompt`, the connection's "ask the user again" hook,
settable after sign-in): a blocking callable run on the thread whose request was refused, which
returns what the user typed or ``None`` to decline. A wrong answer is asked for again, with the
server's reason in :attr:`ReauthRequest.error`, until it works or the user declines.

Providers: :class:`PasswordProvider` (classic ``/login`` session), :class:`ApiKeyProvider`,
:class:`OAuthProvider` (authorization code; refreshes about a minute before expiry and once on
401), :class:`ClientCredentialsProvider` (server-to-server) and :class:`StaticTokenProvider`.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from wfexplorer.core import errors, transport
from wfexplorer.core.auth import classic_login
from wfexplorer.core.auth.exceptions import ReauthenticationDeclined
from wfexplorer.core.auth.oauth import TokenSet, WorkfrontOAuth
from wfexplorer.core.auth.profiles import AuthMethod, Profile, TokenService
from wfexplorer.core.renewal import send_renewing

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Refresh an OAuth access token when it expires within this many seconds.
REFRESH_LEEWAY_SECONDS = 60.0


class CredentialKind(enum.StrEnum):
    """How a credential is sent."""

    SESSION = "session"  # classic sessionID (also a /login session or a Workfront OAuth access token)
    API_KEY = "api_key"
    BEARER = "bearer"  # Authorization: Bearer (IMS tokens)


@dataclass(frozen=True)
class Credential:
    """One credential value and how to attach it to a request."""

    kind: CredentialKind
    value: str = field(repr=False)
    user_id: str | None = None

    def classic_headers(self) -> dict[str, str]:
        """Headers for the classic API (``sessionID``, ``apiKey`` or ``Authorization``)."""
        if self.kind is CredentialKind.SESSION:
            return {"sessionID": self.value}
        if self.kind is CredentialKind.API_KEY:
            return {"apiKey": self.value}
        return {"Authorization": f"Bearer {self.value}"}

    def planning_headers(self) -> dict[str, str]:
        """Headers for the Planning API (``Authorization: Bearer``)."""
        if self.kind is CredentialKind.API_KEY:
            raise errors.AuthenticationError(
                "Workfront Planning does not accept API keys; sign in with a password or OAuth 2.0."
            )
        return {"Authorization": f"Bearer {self.value}"}


@dataclass(frozen=True)
class ReauthRequest:
    """What a re-authentication prompt asks the user for.

    ``needs`` is ``"password"`` (for ``username`` on ``profile``), ``"api_key"``, or ``"browser"``
    (an OAuth sign-in in the browser: any non-empty answer goes ahead); ``message`` explains why
    (the session expired); ``error`` says why the previous answer was refused, when this asks again.
    The prompt returns the value, or ``None`` to decline.
    """

    profile: Profile
    needs: str
    username: str
    message: str
    error: str | None = None


ReauthPrompt = Callable[[ReauthRequest], "str | None"]


class CredentialProvider(ABC):
    """Supplies credentials for requests and renews them after a 401 (see the module docstring)."""

    method: AuthMethod

    def __init__(self, prompt: ReauthPrompt | None = None) -> None:
        self._lock = threading.RLock()
        self._credential: Credential | None = None
        self._declined: tuple[str, float] | None = None  # (stale credential value, when the user declined)
        #: The "ask the user again" hook (``None``: renewing what needs the user raises AuthenticationError).
        self.prompt = prompt

    @property
    def user_id(self) -> str | None:
        """The signed-in user's ID when known."""
        return None if self._credential is None else self._credential.user_id

    def current(self) -> Credential:
        """Return the credential to send now."""
        with self._lock:
            if self._credential is None:
                self._credential = self._obtain()
            return self._credential

    def renew(self, stale: Credential) -> Credential:
        """Replace ``stale`` (refused with 401) and return the new credential, or raise AuthenticationError."""
        return self.renew_refused(stale, None)

    def renew_refused(self, stale: Credential, sent_at: float | None) -> Credential:
        """:meth:`renew` for a request sent at ``sent_at`` (monotonic).

        A request sent (``sent_at``, monotonic) before the user declined to sign in again for this same
        stale credential shares that answer: the user is asked once, not once per request in flight.
        """
        with self._lock:
            if self._credential is not None and self._credential.value != stale.value:
                return self._credential  # someone renewed it meanwhile
            declined = self._declined
            if declined is not None and declined[0] == stale.value and sent_at is not None and sent_at < declined[1]:
                raise ReauthenticationDeclined("Sign-in was cancelled, so the request was not sent again.")
            try:
                self._credential = self._renewed(stale)
            except ReauthenticationDeclined:
                self._declined = (stale.value, time.monotonic())
                raise
            self._declined = None
            return self._credential

    def sign_out(self) -> None:  # noqa: B027 - optional hook; most credentials need no server call
        """End the credential on the server where that is possible (logout, token revocation)."""

    def _ask(self, request: ReauthRequest) -> str:
        """Ask the prompt; raise AuthenticationError without one, ReauthenticationDeclined when declined."""
        if self.prompt is None:
            raise errors.AuthenticationError("Your Workfront session has expired; sign in again.")
        answer = self.prompt(request)
        if not answer:
            raise ReauthenticationDeclined("Sign-in was cancelled, so the request was not sent again.")
        return answer

    def _ask_until_accepted(self, request: ReauthRequest, use: Callable[[str], T]) -> T:
        """Ask, then ``use`` the answer; while the server refuses it, ask again with its reason."""
        while True:
            answer = self._ask(request)
            try:
                return use(answer)
            except errors.AuthenticationError as refused:
                request = replace(request, error=refused.message or "Workfront did not accept that.")

    @abstractmethod
    def _obtain(self) -> Credential:
        """Get the first credential."""

    @abstractmethod
    def _renewed(self, stale: Credential) -> Credential:
        """Get a fresh credential after ``stale`` was refused."""


def call_with_credentials(provider: CredentialProvider, attempt: Callable[[Credential], T]) -> T:
    """Run ``attempt`` with the current credential; on AuthenticationError renew once and retry once."""
    return send_renewing(provider, attempt)


class TokenSource:
    """Adapts a provider to clients that take ``token=`` and ``refresh=`` callables (the Planning connection).

        source = TokenSource(signed_in.provider)
        PlanningConnection(profile.base_url, source.token, refresh=source.refresh, transport=signed_in.http)

    ``token()`` returns the current access token (refreshed early when it is about to expire);
    ``refresh()`` is for after a 401: it renews the token last handed out and returns the new one.
    """

    def __init__(self, provider: CredentialProvider) -> None:
        self.provider = provider
        self._last: Credential | None = None

    def token(self) -> str:
        credential = self.provider.current()
        credential.planning_headers()  # raises for credentials Planning refuses (API keys)
        self._last = credential
        return credential.value

    def refresh(self) -> str:
        stale = self._last or self.provider.current()
        self._last = self.provider.renew(stale)
        return self._last.value


class PasswordProvider(CredentialProvider):
    """A classic ``/login`` session.

    On a 401 it signs in again: silently when the user chose to keep the password for this
    connection (``password`` given with ``keep_password=True``), otherwise by asking ``prompt``
    for the password. Without a prompt it raises AuthenticationError, and the GUI can call
    :meth:`reauthenticate` with the password it asked for itself.
    """

    method = AuthMethod.PASSWORD

    def __init__(self, profile: Profile, http: transport.Transport, username: str, password: str | None = None, *,
                 keep_password: bool = False, prompt: ReauthPrompt | None = None) -> None:
        super().__init__(prompt)
        self.profile = profile
        self.http = http
        self.username = username
        self._password = password if keep_password else None
        self._first_password = password
        self.session_user_id: str | None = None

    def _login(self, password: str) -> Credential:
        result = classic_login.login(self.http, self.profile, self.username, password)
        return Credential(CredentialKind.SESSION, result.session_id, result.user_id)

    def _obtain(self) -> Credential:
        password, self._first_password = self._first_password, None
        if password is None:
            password = self._password
        if password is None:
            return self._ask_for_password("Sign in to continue.")
        return self._login(password)

    def _renewed(self, stale: Credential) -> Credential:
        if self._password:
            try:
                return self._login(self._password)
            except errors.AuthenticationError:
                self._password = None  # changed on the server: ask instead
        return self._ask_for_password("Your Workfront session has expired. Enter your password to continue.")

    def _ask_for_password(self, message: str) -> Credential:
        return self._ask_until_accepted(ReauthRequest(self.profile, "password", self.username, message), self._login)

    def reauthenticate(self, password: str) -> Credential:
        """Sign in again with ``password`` (the GUI's own prompt); raises AuthenticationError if refused."""
        with self._lock:
            self._credential = self._login(password)
            return self._credential

    def sign_out(self) -> None:
        with self._lock:
            credential, self._credential = self._credential, None
        if credential is not None:
            try:
                classic_login.logout(self.http, self.profile, credential.value)
            except errors.WorkfrontError as failure:
                log.info("Logout failed: %s", failure.message)


class ApiKeyProvider(CredentialProvider):
    """An API key. On a 401 (the key was cleared or expired) it asks ``prompt`` for the password
    and fetches the user's current key with it; with no username it asks for a key instead.
    ``on_new_key`` is told about a replacement key (to update the keyring).
    """

    method = AuthMethod.API_KEY

    def __init__(self, profile: Profile, http: transport.Transport, api_key: str, *, username: str = "",
                 prompt: ReauthPrompt | None = None, on_new_key: Callable[[str], None] | None = None) -> None:
        super().__init__(prompt)
        self.profile = profile
        self.http = http
        self.username = username
        self.on_new_key = on_new_key
        self._key = api_key

    def _obtain(self) -> Credential:
        return Credential(CredentialKind.API_KEY, self._key)

    def _renewed(self, stale: Credential) -> Credential:
        if self.prompt is None:
            raise errors.AuthenticationError("The API key was refused; enter a new API key or sign in again.")
        if self.username:
            message = "Workfront refused the API key. Enter your password to get the current key."
            key = self._ask_until_accepted(
                ReauthRequest(self.profile, "password", self.username, message),
                lambda password: classic_login.get_api_key(self.http, self.profile, self.username, password))
        else:
            message = "Workfront refused the API key. Enter a valid API key to continue."
            key = self._ask(ReauthRequest(self.profile, "api_key", "", message))
        self._key = key
        if self.on_new_key is not None:
            self.on_new_key(key)
        return Credential(CredentialKind.API_KEY, key)

    def reauthenticate(self, password: str) -> Credential:
        """Fetch the current API key with ``password`` (the GUI's own prompt)."""
        with self._lock:
            self._key = classic_login.get_api_key(self.http, self.profile, self.username, password)
            if self.on_new_key is not None:
                self.on_new_key(self._key)
            self._credential = Credential(CredentialKind.API_KEY, self._key)
            return self._credential


def _token_credential(tokens: TokenSet) -> Credential:
    kind = CredentialKind.BEARER if tokens.token_type.lower() == "bearer" else CredentialKind.SESSION
    return Credential(kind, tokens.access_token, tokens.user_id)


class OAuthProvider(CredentialProvider):
    """Tokens from the authorization-code flow.

    :meth:`current` refreshes when the access token expires within ``leeway`` seconds;
    :meth:`renew` refreshes once after a 401. Refresh tokens rotate, so ``on_tokens`` is told
    about every new token set (to keep the refresh token in the keyring). When refreshing is
    impossible (no refresh token, or it was revoked) and there is a ``prompt``, the user is asked
    (``needs="browser"``) and ``reauthorize`` runs (the browser flow again); otherwise
    AuthenticationError is raised.
    """

    method = AuthMethod.OAUTH_BROWSER

    def __init__(self, oauth: WorkfrontOAuth, tokens: TokenSet | None = None, *, refresh_token: str | None = None,
                 on_tokens: Callable[[TokenSet], None] | None = None,
                 reauthorize: Callable[[], TokenSet] | None = None,
                 leeway: float = REFRESH_LEEWAY_SECONDS, clock: Callable[[], float] | None = None,
                 prompt: ReauthPrompt | None = None) -> None:
        super().__init__(prompt)
        self.oauth = oauth
        self.on_tokens = on_tokens
        self.reauthorize = reauthorize
        self.leeway = leeway
        self.clock = clock or oauth.clock
        self.tokens = tokens
        self._refresh_token = refresh_token or (tokens.refresh_token if tokens else None)
        if tokens is not None:
            self._credential = _token_credential(tokens)

    def current(self) -> Credential:
        with self._lock:
            if self.tokens is not None and self.tokens.expires_within(self.leeway, self.clock()):
                log.debug("Access token expires soon; refreshing it")
                try:
                    self._credential = self._refresh()
                except errors.AuthenticationError:
                    self._credential = self._without_refresh()
            return super().current()

    def _obtain(self) -> Credential:
        if self._refresh_token:
            return self._refresh()
        return self._without_refresh()

    def _renewed(self, stale: Credential) -> Credential:
        try:
            return self._refresh()
        except errors.AuthenticationError:
            return self._without_refresh()

    def _refresh(self) -> Credential:
        if not self._refresh_token:
            raise errors.AuthenticationError("There is no refresh token; sign in with the browser again.")
        return self._accept(self.oauth.refresh(self._refresh_token))

    def _without_refresh(self) -> Credential:
        if self.reauthorize is None or self.prompt is None:
            raise errors.AuthenticationError("Your OAuth sign-in has expired or was revoked; sign in again.")
        reauthorize = self.reauthorize
        message = "Your OAuth sign-in has expired. Sign in again in the browser to continue."
        request = ReauthRequest(self.oauth.profile, "browser", self.oauth.profile.username, message)
        return self._ask_until_accepted(request, lambda _answer: self._accept(reauthorize()))

    def _accept(self, tokens: TokenSet) -> Credential:
        self.tokens = tokens
        self._refresh_token = tokens.refresh_token or self._refresh_token
        if self.on_tokens is not None:
            self.on_tokens(tokens)
        return _token_credential(tokens)

    def sign_out(self) -> None:
        """Revoke the refresh token (which also ends its access token)."""
        with self._lock:
            token, self._refresh_token = self._refresh_token, None
            self._credential = None
            self.tokens = None
        if token:
            try:
                self.oauth.revoke(token)
            except errors.WorkfrontError as failure:
                log.info("Revoking the refresh token failed: %s", failure.message)


class ClientCredentialsProvider(CredentialProvider):
    """Server-to-server tokens from a client ID and secret; a new token before expiry and after a 401."""

    method = AuthMethod.OAUTH_CLIENT_CREDENTIALS

    def __init__(self, oauth: WorkfrontOAuth, service: TokenService | None = None, *,
                 leeway: float = REFRESH_LEEWAY_SECONDS, clock: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.oauth = oauth
        self.service = service
        self.leeway = leeway
        self.clock = clock or oauth.clock
        self.tokens: TokenSet | None = None

    def current(self) -> Credential:
        with self._lock:
            if self.tokens is not None and self.tokens.expires_within(self.leeway, self.clock()):
                self._credential = self._obtain()
            return super().current()

    def _obtain(self) -> Credential:
        self.tokens = self.oauth.client_credentials(self.service)
        return _token_credential(self.tokens)

    def _renewed(self, stale: Credential) -> Credential:
        return self._obtain()


class StaticTokenProvider(CredentialProvider):
    """A pasted access token or session ID; it cannot be renewed."""

    method = AuthMethod.OAUTH_BROWSER

    def __init__(self, token: str, kind: CredentialKind = CredentialKind.SESSION) -> None:
        super().__init__()
        self._credential = Credential(kind, token)

    def _obtain(self) -> Credential:
        raise AssertionError("unreachable")  # pragma: no cover - set in __init__

    def _renewed(self, stale: Credential) -> Credential:
        raise errors.AuthenticationError("The token was refused and cannot be renewed; paste a new one.")

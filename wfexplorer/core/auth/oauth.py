"""OAuth 2.0 for Workfront: authorization code + PKCE through the system browser, refresh, client credentials.

The protocol is Authlib's generic :class:`authlib.oauth2.client.OAuth2Client` (authorization URL,
``state``, PKCE S256 challenge, token request bodies, client authentication, token parsing,
``state`` verification of the redirect, refresh and RFC 7009 revocation). Every HTTP request it
makes goes through :class:`wfexplorer.core.transport.Transport`: Authlib's client only needs an
object with ``post``/``request`` methods, and :class:`_TransportSession` is that object. (Authlib's
``requests_client.OAuth2Session`` is itself a ``requests.Session`` and would bypass the transport's
timeouts, retry policy, http:// refusal and request events, so it is not used.)

    oauth = WorkfrontOAuth(profile, transport, client_id="wfexplorer-desktop")
    tokens = oauth.authorize_in_browser()            # opens the browser, waits for the loopback redirect
    tokens = oauth.refresh(tokens.refresh_token)     # later
"""

from __future__ import annotations

import json
import logging
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.oauth2.client import OAuth2Client
from authlib.oauth2.rfc6749 import MismatchingStateException, OAuth2Error
from authlib.oauth2.rfc6749.parameters import parse_authorization_code_response

from wfexplorer.core import errors, transport
from wfexplorer.core.auth.exceptions import BrowserUnavailableError, StateMismatchError
from wfexplorer.core.auth.loopback import LoopbackReceiver
from wfexplorer.core.auth.profiles import Profile, TokenService

log = logging.getLogger(__name__)

#: Length of the PKCE code verifier (RFC 7636 allows 43 to 128 unreserved characters).
VERIFIER_LENGTH = 64
DEFAULT_BROWSER_TIMEOUT = 300.0

BrowserOpener = Callable[[str], object]
"""Opens the sign-in URL in a browser; returning ``False`` means no browser could be opened."""

_AUTH_ERRORS = frozenset({"invalid_grant", "invalid_client", "unauthorized_client", "access_denied",
                          "invalid_token"})


@dataclass(frozen=True)
class TokenSet:
    """Tokens from one token response. ``expires_at`` is by the client's clock (``None``: unknown).

    ``token_type`` is ``sessionID`` for Workfront's token endpoint (use the access token as a
    classic ``sessionID``) and ``bearer`` for IMS; the simulator accepts either anywhere.
    """

    access_token: str = field(repr=False)
    token_type: str
    expires_at: float | None
    refresh_token: str | None = field(default=None, repr=False)
    user_id: str | None = None
    scope: str = ""

    @classmethod
    def from_response(cls, token: dict[str, Any], now: float) -> TokenSet:
        """Build from a token response body."""
        expires_in = token.get("expires_in")
        try:
            seconds = float(expires_in) if expires_in is not None else 0.0
        except (TypeError, ValueError):
            seconds = 0.0
        return cls(
            access_token=str(token["access_token"]),
            token_type=str(token.get("token_type") or "bearer"),
            expires_at=now + seconds if seconds > 0 else None,
            refresh_token=token.get("refresh_token") or None,
            user_id=token.get("wid") or None,
            scope=str(token.get("scope") or ""),
        )

    def expires_within(self, seconds: float, now: float) -> bool:
        """Tell whether the access token expires within ``seconds`` of ``now``."""
        return self.expires_at is not None and now + seconds >= self.expires_at


class _TransportSession:
    """The slice of a requests session Authlib's OAuth2Client uses, sending through :class:`Transport`."""

    def __init__(self, http: transport.Transport) -> None:
        self.http = http

    def post(self, url: str, data: Any = None, headers: dict[str, str] | None = None, auth: Any = None,
             **_: Any) -> requests.Response:
        body = urlencode(data or {}) if not isinstance(data, str) else data
        return self._send("POST", url, body, headers, auth)

    def request(self, method: str, url: str, headers: dict[str, str] | None = None, auth: Any = None,
                **_: Any) -> requests.Response:
        return self._send(method, url, "", headers, auth)

    def _send(self, method: str, url: str, body: str, headers: dict[str, str] | None, auth: Any) -> requests.Response:
        prepared_headers = dict(headers or {})
        if auth is not None:  # Authlib's ClientAuth: Basic header, body fields, or client_id only
            url, prepared_headers, body = auth.prepare(method, url, prepared_headers, body)
        # Token requests consume codes and rotate refresh tokens: never repeat one blindly.
        return self.http.request(method, url, data=body or None, headers=prepared_headers, idempotent=False)


def _error_from_response(response: requests.Response) -> errors.WorkfrontError | None:
    """Map a token-endpoint answer to an error, or ``None`` when it is a token."""
    line = transport.request_line(response.request.method or "POST", response.url or "")
    status = response.status_code
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    if isinstance(body, dict) and body.get("error"):
        code = str(body["error"])
        message = str(body.get("error_description") or code)
        if isinstance(body["error"], dict):  # a classic-style error object
            code = str(body["error"].get("class") or "error")
            message = str(body["error"].get("message") or code)
        if status >= 500:
            error_type: type[errors.WorkfrontError] = errors.ServerError
        elif code in _AUTH_ERRORS or status == 401:
            error_type = errors.AuthenticationError
        elif status == 429:
            error_type = errors.RateLimitedError
        else:
            error_type = errors.ValidationError
        return error_type(message, status=status, error_code=code, request_line=line)
    if status >= 400:
        return errors.error_for_status(status)(f"The token endpoint answered HTTP {status}", status=status,
                                               request_line=line)
    if not isinstance(body, dict) or "access_token" not in body:
        return errors.ProtocolError("The token endpoint's answer is not a token", status=status, request_line=line)
    return None


def _checked(response: requests.Response) -> requests.Response:
    failure = _error_from_response(response)
    if failure is not None:
        raise failure
    return response


class WorkfrontOAuth:
    """OAuth 2.0 flows against one profile's Workfront (and IMS) token endpoints.

    ``client_secret`` ``None`` makes a public client (PKCE, ``client_id`` in the body); with a
    secret the client authenticates with HTTP Basic (Workfront) or in the body (IMS). ``clock``
    dates ``TokenSet.expires_at``. Thread-safe: each call builds its own Authlib client.
    """

    def __init__(
        self,
        profile: Profile,
        http: transport.Transport,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        scope: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.profile = profile
        self.http = http
        self.client_id = client_id or profile.client_id
        if not self.client_id:
            raise errors.ValidationError("Enter the client ID of your OAuth 2.0 application.",
                                         field_errors={"client_id": ["required"]})
        self.client_secret = client_secret or None
        self.scope = scope if scope is not None else (profile.scope or None)
        self.clock = clock

    def _client(self, *, redirect_uri: str | None = None, auth_method: str | None = None) -> OAuth2Client:
        if auth_method is None:
            auth_method = "client_secret_basic" if self.client_secret else "none"
        client = OAuth2Client(
            _TransportSession(self.http),
            client_id=self.client_id,
            client_secret=self.client_secret,
            token_endpoint_auth_method=auth_method,
            revocation_endpoint_auth_method=auth_method,
            scope=self.scope,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
        )
        client.register_compliance_hook("access_token_response", _checked)
        client.register_compliance_hook("refresh_token_response", _checked)
        return client

    def _tokens(self, token: dict[str, Any]) -> TokenSet:
        return TokenSet.from_response(dict(token), self.clock())

    # -- authorization code + PKCE ---------------------------------------------------------------

    def authorize_in_browser(
        self,
        *,
        open_browser: BrowserOpener = webbrowser.open,
        timeout: float = DEFAULT_BROWSER_TIMEOUT,
        cancel: threading.Event | None = None,
    ) -> TokenSet:
        """Sign in through the browser and return the tokens.

        Opens the authorization page with ``open_browser`` (the system browser by default; tests
        pass an HTTP client that submits the sign-in form), waits for the one redirect to the
        loopback listener, checks ``state``, and exchanges the code with its PKCE verifier.
        Raises SignInCancelled, SignInTimedOut, StateMismatchError, BrowserUnavailableError,
        AuthenticationError (denied, or a code the server refused) or NetworkError.
        """
        verifier = generate_token(VERIFIER_LENGTH)
        with LoopbackReceiver() as receiver:
            client = self._client(redirect_uri=receiver.redirect_uri)
            url, state = client.create_authorization_url(self.profile.authorize_url, code_verifier=verifier)
            receiver.expected_state = state
            self.http.check_url(url)
            if open_browser(url) is False:
                raise BrowserUnavailableError("No web browser could be opened; open the sign-in address by hand.", url)
            callback = receiver.wait(timeout, cancel)
        return self.finish_authorization(client, callback, state=state, code_verifier=verifier)

    def finish_authorization(self, client: OAuth2Client, callback_url: str, *, state: str,
                             code_verifier: str) -> TokenSet:
        """Check the redirect the browser brought back and exchange its code for tokens."""
        params = parse_qs(urlsplit(callback_url).query)
        if "error" in params:
            code = params["error"][0]
            description = (params.get("error_description") or [code])[0]
            if code == "access_denied":
                description = "Access was denied in the browser."
            raise errors.AuthenticationError(description, error_code=code)
        try:
            redirect = parse_authorization_code_response(callback_url, state=state)
        except MismatchingStateException:
            raise StateMismatchError(
                "The browser's answer did not belong to this sign-in (state mismatch); sign in again."
            ) from None
        except OAuth2Error as failure:  # MissingCodeException and the like
            raise errors.ProtocolError(
                f"The sign-in redirect carried no usable authorization code ({type(failure).__name__})"
            ) from None
        token = client.fetch_token(self.profile.token_url, grant_type="authorization_code", code=redirect["code"],
                                   code_verifier=code_verifier)
        return self._tokens(token)

    # -- refresh, client credentials, revocation -----------------------------------------------

    def refresh(self, refresh_token: str) -> TokenSet:
        """Exchange a refresh token for new tokens (the answer may carry a new refresh token)."""
        token = self._client().refresh_token(self.profile.token_url, refresh_token=refresh_token)
        result = self._tokens(token)
        if result.refresh_token is None:  # the server kept the old one valid
            result = TokenSet(result.access_token, result.token_type, result.expires_at, refresh_token,
                              result.user_id, result.scope)
        return result

    def client_credentials(self, service: TokenService | None = None) -> TokenSet:
        """Get a server-to-server token with the client ID and secret (Workfront or IMS endpoint)."""
        if not self.client_secret:
            raise errors.ValidationError("Enter the client secret of your OAuth 2.0 application.",
                                         field_errors={"client_secret": ["required"]})
        service = service or self.profile.token_service
        if service is TokenService.IMS:
            client = self._client(auth_method="client_secret_post")
            url = self.profile.ims_url
        else:
            client = self._client()
            url = self.profile.token_url
        return self._tokens(client.fetch_token(url, grant_type="client_credentials"))

    def revoke(self, token: str, *, hint: str = "refresh_token") -> None:
        """Revoke a refresh or access token (RFC 7009); an unknown token is not an error."""
        # types-authlib leaves revoke_token unannotated; it returns the requests Response of the POST.
        response: requests.Response = self._client().revoke_token(  # type: ignore[no-untyped-call]
            self.profile.revoke_url, token=token, token_type_hint=hint)
        if response.status_code >= 400:
            failure = _error_from_response(response)
            if failure is not None:
                raise failure

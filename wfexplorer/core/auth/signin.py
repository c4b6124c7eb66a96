"""Sign-in as the login dialog (or a script) uses it: one call per method, profiles and secrets kept.

    auth = Authenticator()                                   # profiles in the config dir, secrets in the keyring
    if auth.notice: show(auth.notice.message)                # no keyring: secrets last for this run only
    signed_in = auth.sign_in_with_password(profile, "admin", "demo", remember=True)
    signed_in.provider                                       # hand to the classic and Planning clients
    signed_in.user_name                                      # "Admin User"
    session = signed_in.classic_session()                    # classic Session that renews an expired sign-in

Every method is blocking (run it off the GUI thread) and raises the library's errors:
AuthenticationError for refused credentials (with the server's message), NetworkError for
unreachable hosts and TLS failures, ValidationError for incomplete input, SignInCancelled when
``cancel`` is set. ``remember=True`` saves the profile (no secrets in it) and keeps the method's
secret in the keyring under the profile: the API key, the OAuth refresh token, the client secret;
the password only with ``remember_password=True``.
"""

from __future__ import annotations

import logging
import threading
import time
import webbrowser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wfexplorer.core import errors, transport
from wfexplorer.core.auth import classic_login
from wfexplorer.core.auth.credentials import (
    ApiKeyProvider,
    ClientCredentialsProvider,
    CredentialProvider,
    OAuthProvider,
    PasswordProvider,
    ReauthPrompt,
)
from wfexplorer.core.auth.exceptions import SignInCancelled
from wfexplorer.core.auth.oauth import DEFAULT_BROWSER_TIMEOUT, BrowserOpener, TokenSet, WorkfrontOAuth
from wfexplorer.core.auth.profiles import AuthMethod, Profile, ProfileStore, TokenService
from wfexplorer.core.auth.secrets import KeyringNotice, SecretKind, SecretStore
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import base_url_template

log = logging.getLogger(__name__)

TransportFactory = Callable[[Profile], transport.Transport]


def default_transport(profile: Profile) -> transport.Transport:
    """A transport with the profile's http:// policy."""
    return transport.Transport(allow_insecure_http=profile.allow_insecure_http)


@dataclass
class SignedIn:
    """A signed-in connection: the profile, the credential provider for API clients, the user."""

    profile: Profile
    provider: CredentialProvider
    http: transport.Transport
    user: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> AuthMethod:
        """How the user signed in."""
        return self.provider.method

    @property
    def user_name(self) -> str:
        """The user's display name (falls back to the username)."""
        return str(self.user.get("name") or self.user.get("username") or self.profile.username or "")

    @property
    def username(self) -> str:
        """The user's login name."""
        return str(self.user.get("username") or self.profile.username or "")

    def classic_session(self, *, cache_dir: Path | str | None = None, use_cache: bool | None = None,
                        lazy: bool = False, headers: Mapping[str, str] | None = None) -> Session:
        """A classic :class:`~wfexplorer.core.classic.session.Session` on this connection.

        It talks to the profile's host and classic version through :attr:`http`, sends the
        provider's credential with every request and, when that credential expires, renews it
        once (OAuth refresh; the password or API key through the Authenticator's ``prompt``) and
        resends the refused request once. ``use_cache`` defaults to caching metadata on disk
        except for built-in profiles (the demo's port changes every run); ``lazy=False`` (the
        GUI's way) makes unloaded references raise FieldNotLoaded instead of fetching. Closing
        the session leaves :attr:`http` open; :meth:`sign_out` ends the sign-in.
        """
        profile = self.profile
        session = Session(
            profile.domain or "workfront",
            api_version=profile.classic_version,
            url_template=base_url_template(profile.base_url),
            transport=self.http,
            cache_dir=cache_dir,
            use_cache=not profile.builtin if use_cache is None else use_cache,
            lazy=lazy,
            headers=headers,
            credentials=self.provider,
        )
        if self.user.get("ID"):
            session.user_id = str(self.user["ID"])
        return session

    def sign_out(self) -> None:
        """End the session or revoke the tokens on the server; remembered secrets stay."""
        self.provider.sign_out()


class Authenticator:
    """Signs in with each method, and keeps profiles and secrets.

    ``profiles`` and ``secrets`` default to the user's config dir and the OS keyring;
    ``open_browser`` opens the OAuth sign-in page (tests pass an HTTP client that submits the
    form); ``prompt`` is the re-authentication callback credential providers use when a
    session expires (``None``: they raise AuthenticationError and the caller asks itself).
    """

    def __init__(
        self,
        *,
        profiles: ProfileStore | None = None,
        secrets: SecretStore | None = None,
        transport_factory: TransportFactory = default_transport,
        open_browser: BrowserOpener = webbrowser.open,
        prompt: ReauthPrompt | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.profiles = profiles or ProfileStore()
        self.secrets = secrets or SecretStore()
        self.transport_factory = transport_factory
        self.open_browser = open_browser
        self.prompt = prompt
        self.clock = clock

    @property
    def notice(self) -> KeyringNotice | None:
        """Set when no keyring works: what to tell the user (secrets last for this run only)."""
        return self.secrets.notice

    # -- password --------------------------------------------------------------------------------

    def sign_in_with_password(self, profile: Profile, username: str, password: str, *, remember: bool = False,
                              remember_password: bool = False, cancel: threading.Event | None = None) -> SignedIn:
        """Sign in with ``/login``; on session expiry the provider asks ``prompt`` for the password."""
        profile = profile.with_changes(auth_method=AuthMethod.PASSWORD, username=username.strip(),
                                       remember_password=remember_password).validated()
        http = self.transport_factory(profile)
        provider = PasswordProvider(profile, http, username.strip(), password, keep_password=remember_password,
                                    prompt=self.prompt)
        signed_in = self._finish(profile, http, provider, cancel)
        if remember:
            self._remember(profile, {SecretKind.PASSWORD: password if remember_password else ""})
        return signed_in

    # -- API key ---------------------------------------------------------------------------------

    def get_api_key(self, profile: Profile, username: str, password: str) -> str:
        """Fetch (or generate) the user's API key with their username and password."""
        http = self.transport_factory(profile)
        try:
            return classic_login.get_api_key(http, profile, username, password)
        finally:
            http.close()

    def sign_in_with_api_key(self, profile: Profile, api_key: str, *, username: str = "", remember: bool = False,
                             cancel: threading.Event | None = None) -> SignedIn:
        """Check the key against the server (who am I) and sign in with it."""
        if not api_key.strip():
            raise errors.ValidationError("Enter an API key.", field_errors={"api_key": ["required"]})
        profile = profile.with_changes(auth_method=AuthMethod.API_KEY, username=username.strip()).validated()
        http = self.transport_factory(profile)
        secret_name = profile.name

        def keep_new_key(key: str) -> None:
            if remember:
                self.secrets.set(secret_name, SecretKind.API_KEY, key)

        provider = ApiKeyProvider(profile, http, api_key.strip(), username=username.strip(), prompt=self.prompt,
                                  on_new_key=keep_new_key)
        try:
            signed_in = self._finish(profile, http, provider, cancel, user_required=True)
        except errors.AuthenticationError as refused:
            raise errors.AuthenticationError(
                f"Workfront did not accept this API key ({refused.message}). Check it, or use Get API key.",
                status=refused.status, error_class=refused.error_class, request_line=refused.request_line,
            ) from refused
        if remember:
            self._remember(profile, {SecretKind.API_KEY: api_key.strip()})
        return signed_in

    # -- OAuth 2.0 -------------------------------------------------------------------------------

    def oauth_for(self, profile: Profile, http: transport.Transport,
                  client_secret: str | None = None) -> WorkfrontOAuth:
        """The OAuth flows of ``profile`` through ``http``."""
        return WorkfrontOAuth(profile, http, client_secret=client_secret, clock=self.clock)

    def sign_in_with_browser(self, profile: Profile, *, client_id: str | None = None, remember: bool = False,
                             cancel: threading.Event | None = None,
                             timeout: float = DEFAULT_BROWSER_TIMEOUT) -> SignedIn:
        """Authorization code + PKCE through the browser and a loopback redirect."""
        profile = profile.with_changes(auth_method=AuthMethod.OAUTH_BROWSER,
                                       client_id=(client_id or profile.client_id).strip()).validated()
        http = self.transport_factory(profile)
        oauth = self.oauth_for(profile, http)
        tokens = oauth.authorize_in_browser(open_browser=self.open_browser, timeout=timeout, cancel=cancel)
        provider = self._oauth_provider(profile, oauth, tokens, remember)
        signed_in = self._finish(profile, http, provider, cancel)
        if remember:
            self._remember(profile, {SecretKind.REFRESH_TOKEN: tokens.refresh_token or ""})
        return signed_in

    def _oauth_provider(self, profile: Profile, oauth: WorkfrontOAuth, tokens: TokenSet | None,
                        remember: bool, refresh_token: str | None = None) -> OAuthProvider:
        def keep_tokens(new: TokenSet) -> None:
            if remember and new.refresh_token:
                self.secrets.set(profile.name, SecretKind.REFRESH_TOKEN, new.refresh_token)

        def browser_again() -> TokenSet:
            return oauth.authorize_in_browser(open_browser=self.open_browser)

        return OAuthProvider(oauth, tokens, refresh_token=refresh_token, on_tokens=keep_tokens,
                             reauthorize=browser_again, clock=self.clock, prompt=self.prompt)

    def sign_in_with_client_credentials(self, profile: Profile, client_id: str, client_secret: str, *,
                                        service: TokenService | None = None, remember: bool = False,
                                        cancel: threading.Event | None = None) -> SignedIn:
        """Server-to-server: the Workfront token endpoint or IMS, with the client ID and secret."""
        profile = profile.with_changes(auth_method=AuthMethod.OAUTH_CLIENT_CREDENTIALS, client_id=client_id.strip(),
                                       token_service=service or profile.token_service).validated()
        http = self.transport_factory(profile)
        provider = ClientCredentialsProvider(self.oauth_for(profile, http, client_secret), profile.token_service)
        signed_in = self._finish(profile, http, provider, cancel)
        if remember:
            self._remember(profile, {SecretKind.CLIENT_SECRET: client_secret})
        return signed_in

    # -- remembered profiles ---------------------------------------------------------------------

    def remembered_secret(self, profile: Profile, kind: SecretKind) -> str | None:
        """A secret kept for ``profile`` (``None`` when none is kept)."""
        return self.secrets.get(profile.name, kind)

    def restore(self, profile: Profile, *, cancel: threading.Event | None = None) -> SignedIn | None:
        """Sign in with the profile's remembered secret, or return ``None`` when there is none.

        Raises AuthenticationError when the remembered secret is refused (for example a revoked
        refresh token); the caller then asks the user as usual.
        """
        method = profile.auth_method
        if method is AuthMethod.PASSWORD:
            password = self.remembered_secret(profile, SecretKind.PASSWORD)
            if not password:
                return None
            return self.sign_in_with_password(profile, profile.username, password, remember=True,
                                              remember_password=True, cancel=cancel)
        if method is AuthMethod.API_KEY:
            key = self.remembered_secret(profile, SecretKind.API_KEY)
            return None if not key else self.sign_in_with_api_key(profile, key, username=profile.username,
                                                                  remember=True, cancel=cancel)
        if method is AuthMethod.OAUTH_CLIENT_CREDENTIALS:
            secret = self.remembered_secret(profile, SecretKind.CLIENT_SECRET)
            return None if not secret else self.sign_in_with_client_credentials(
                profile, profile.client_id, secret, remember=True, cancel=cancel)
        refresh_token = self.remembered_secret(profile, SecretKind.REFRESH_TOKEN)
        if not refresh_token:
            return None
        http = self.transport_factory(profile)
        provider = self._oauth_provider(profile, self.oauth_for(profile, http), None, True, refresh_token)
        return self._finish(profile, http, provider, cancel)

    def forget(self, profile_name: str) -> None:
        """Delete a saved profile and every secret kept for it."""
        self.profiles.delete(profile_name)
        self.secrets.forget_profile(profile_name)

    def rename(self, old_name: str, profile: Profile) -> None:
        """Save ``profile`` in place of the one called ``old_name``, and move that one's secrets to the new name."""
        if profile.builtin or old_name == profile.name:
            return
        self.profiles.rename(old_name, profile)
        self.secrets.move_profile(old_name, profile.name)

    def _remember(self, profile: Profile, secrets: dict[SecretKind, str]) -> None:
        self.profiles.save(profile)
        for kind, value in secrets.items():
            self.secrets.set(profile.name, kind, value)

    # -- shared ------------------------------------------------------------------------------------

    def _finish(self, profile: Profile, http: transport.Transport, provider: CredentialProvider,
                cancel: threading.Event | None, *, user_required: bool = False) -> SignedIn:
        """Get the first credential, learn who signed in, and honour a late cancel."""
        try:
            _check_cancel(cancel)
            credential = provider.current()
            _check_cancel(cancel)
            try:
                user = classic_login.whoami(http, profile, credential.classic_headers())
            except (errors.AuthenticationError, errors.NetworkError, SignInCancelled):
                raise
            except errors.WorkfrontError as failure:
                if user_required:
                    raise
                log.info("Signed in, but the user's details could not be read: %s", failure.message)
                user = {"ID": credential.user_id} if credential.user_id else {}
            if cancel is not None and cancel.is_set():
                provider.sign_out()
                raise SignInCancelled("Sign-in cancelled.")
            return SignedIn(profile, provider, http, user)
        except BaseException:
            http.close()
            raise


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise SignInCancelled("Sign-in cancelled.")

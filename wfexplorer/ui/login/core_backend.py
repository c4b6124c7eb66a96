"""The sign-in dialog's backend made of ``wfexplorer.core``: the Authenticator, profiles, keyring, classic session.

Everything that talks to a server happens in blocking methods the dialog runs through
:class:`~wfexplorer.ui.asyncops.Operations`. URLs come from :class:`~wfexplorer.core.auth.Profile`;
nothing here builds one.

What the dialog needs to draw itself (environments, versions, saved profiles) comes from
``wfexplorer.core.auth.profiles`` alone; the :class:`~wfexplorer.core.auth.Authenticator` (HTTP stack,
OAuth library, keyring) is created on first use, so the dialog can appear before those are loaded.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wfexplorer.core import errors
from wfexplorer.core.auth.profiles import (
    CLASSIC_VERSIONS,
    DEFAULT_CLASSIC_VERSION,
    DEFAULT_PLANNING_VERSION,
    ENVIRONMENT_LABELS,
    PLANNING_VERSIONS,
    Environment,
    Profile,
    ProfileStore,
    TokenService,
)
from wfexplorer.core.auth.profiles import (
    demo_profile as core_demo_profile,
)
from wfexplorer.ui.login.backend import DemoProvider
from wfexplorer.ui.login.form import DEMO, AuthMethod, LoginForm

if TYPE_CHECKING:
    from wfexplorer.core.auth import Authenticator, SignedIn
    from wfexplorer.core.connection import Connection

log = logging.getLogger(__name__)

DEMO_ADDRESS_BEFORE_START = "This computer (starts when you sign in)"


class CoreSignInBackend:
    """Implements :class:`~wfexplorer.ui.login.backend.SignInBackend` with core's Authenticator.

    ``authenticator`` is an Authenticator or a function that makes one (called once, on first
    use); it must keep its profiles in ``profiles``. ``demo`` starts the in-process simulator when
    the built-in demo profile is used (``None``: no demo profile). ``cache_dir`` is where metadata
    is cached (``None``: core's default).
    """

    def __init__(self, profiles: ProfileStore, authenticator: Authenticator | Callable[[], Authenticator],
                 demo: DemoProvider | None = None, cache_dir: Path | None = None) -> None:
        self.profile_store = profiles
        self._authenticator = authenticator
        self._auth_lock = threading.Lock()
        self.demo = demo
        self.cache_dir = cache_dir
        self._demo_credentials: dict[str, Any] | None = None

    @property
    def auth(self) -> Authenticator:
        """The Authenticator, made on first use (thread-safe)."""
        with self._auth_lock:
            if not hasattr(self._authenticator, "sign_in_with_password"):
                self._authenticator = self._authenticator()  # type: ignore[operator]
            return self._authenticator  # type: ignore[return-value]

    # -- what the dialog offers ----------------------------------------------------------------

    def environments(self) -> list[tuple[str, str]]:
        return [(str(key), label) for key, label in ENVIRONMENT_LABELS.items()]

    def classic_versions(self) -> list[str]:
        default = DEFAULT_CLASSIC_VERSION
        return [default, *(v for v in CLASSIC_VERSIONS if v != default)]

    def planning_versions(self) -> list[str]:
        return list(PLANNING_VERSIONS)

    def address(self, form: LoginForm) -> str:
        if form.is_demo:
            if self._demo_credentials:
                return str(self._demo_credentials["base_url"])
            return DEMO_ADDRESS_BEFORE_START
        profile = self.profile_for(form)
        problems = profile.problems()
        if "domain" in problems or "custom_url" in problems:
            raise ValueError(problems.get("domain") or problems.get("custom_url"))
        return profile.base_url

    def demo_profile(self) -> LoginForm | None:
        if self.demo is None:
            return None
        defaults = dict(self.demo.defaults())
        if self._demo_credentials:
            defaults = {key: str(self._demo_credentials[key]) for key in ("username", "password")}
        return LoginForm(
            environment=DEMO,
            classic_version=DEFAULT_CLASSIC_VERSION,
            planning_version=DEFAULT_PLANNING_VERSION,
            username=defaults.get("username", ""),
            password=defaults.get("password", ""),
        )

    def profiles(self) -> list[LoginForm]:
        try:
            saved = self.profile_store.load()
        except errors.ValidationError as damaged:
            log.warning("%s", damaged)
            return []
        return [self.form_for(profile) for profile in saved]

    def keyring_notice(self) -> str | None:
        notice = self.auth.notice
        return notice.message if notice else None

    # -- profiles and secrets ------------------------------------------------------------------

    @staticmethod
    def profile_for(form: LoginForm, base_url: str | None = None) -> Profile:
        """The core profile a form describes (``base_url`` for the demo, whose port changes)."""
        if form.is_demo:
            return core_demo_profile(base_url or "", username=form.username, auth_method=form.method)\
                .with_changes(classic_version=form.classic_version or DEFAULT_CLASSIC_VERSION,
                              planning_version=form.planning_version, client_id=form.client_id,
                              token_service=TokenService(form.token_service))
        environment = Environment(form.environment)
        return Profile(
            name=form.profile_name or form.domain or form.custom_url,
            environment=environment,
            domain=form.domain,
            custom_url=form.custom_url if environment is Environment.CUSTOM else "",
            classic_version=form.classic_version or DEFAULT_CLASSIC_VERSION,
            planning_version=form.planning_version or DEFAULT_PLANNING_VERSION,
            auth_method=form.method,
            username=form.username,
            client_id=form.client_id,
            token_service=TokenService(form.token_service),
            remember_password=form.remember,
        )

    @staticmethod
    def form_for(profile: Profile) -> LoginForm:
        """The form showing a saved profile (no secrets yet)."""
        return LoginForm(
            profile_name=profile.name,
            environment=str(profile.environment),
            domain=profile.domain,
            custom_url=profile.custom_url,
            classic_version=profile.classic_version,
            planning_version=profile.planning_version,
            method=profile.auth_method,
            username=profile.username,
            client_id=profile.client_id,
            token_service=str(profile.token_service),
            remember=profile.remember_password,
            saved_name=profile.name,
        )

    def load_secrets(self, form: LoginForm) -> LoginForm:
        from wfexplorer.core.auth import SecretKind

        profile = self.profile_for(form)
        filled = LoginForm(**form.__dict__)
        if form.saved_name:  # a profile being renamed keeps its secrets under its saved name until signed in
            profile = profile.with_changes(name=form.saved_name)
        filled.password = self.auth.remembered_secret(profile, SecretKind.PASSWORD) or form.password
        filled.api_key = self.auth.remembered_secret(profile, SecretKind.API_KEY) or form.api_key
        filled.client_secret = self.auth.remembered_secret(profile, SecretKind.CLIENT_SECRET) or form.client_secret
        return filled

    def delete_profile(self, name: str) -> None:
        self.auth.forget(name)

    def _keep(self, profile: Profile, form: LoginForm) -> None:
        """Without Remember me: save the profile (it holds no secrets) and forget any kept secret."""
        from wfexplorer.core.auth import SecretKind

        if profile.builtin or form.remember:
            return
        self.profile_store.save(profile)
        for kind in SecretKind:
            self.auth.secrets.delete(profile.name, kind)

    # -- signing in ----------------------------------------------------------------------------

    def _demo_base(self, form: LoginForm) -> tuple[LoginForm, str]:
        """Start the simulator and fill what the demo tenant generates (API key, OAuth clients) if empty."""
        assert self.demo is not None
        credentials = dict(self.demo.start())
        self._demo_credentials = credentials
        filled = LoginForm(**form.__dict__)
        filled.username = filled.username or str(credentials.get("username", ""))
        filled.password = filled.password or str(credentials.get("password", ""))
        filled.api_key = filled.api_key or str(credentials.get("api_key", ""))
        if form.method is AuthMethod.OAUTH_BROWSER:
            filled.client_id = filled.client_id or str(credentials.get("oauth_public_client_id", ""))
        elif form.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS:
            filled.client_id = filled.client_id or str(credentials.get("oauth_client_id", ""))
            filled.client_secret = filled.client_secret or str(credentials.get("oauth_client_secret", ""))
        return filled, str(credentials["base_url"])

    def sign_in(self, form: LoginForm, cancelled: threading.Event) -> Connection:
        base_url = None
        if form.is_demo:
            form, base_url = self._demo_base(form)
        profile = self.profile_for(form, base_url)
        remember = form.remember and not profile.builtin
        signed_in = self._sign_in(profile, form, remember, cancelled)
        if form.saved_name and form.saved_name != signed_in.profile.name:
            self.auth.rename(form.saved_name, signed_in.profile)  # renamed: nothing stays under the old name
        self._keep(signed_in.profile, form)
        from wfexplorer.core.connection import Connection

        connection = Connection(signed_in, cache_dir=self.cache_dir)
        # The main window's modules load here, on this worker: the GUI thread would otherwise wait, unpainted,
        # on Python's import lock while the start-up warm-up is still importing them.
        importlib.import_module("wfexplorer.ui.shell.main_window")
        return connection

    def _sign_in(self, profile: Profile, form: LoginForm, remember: bool, cancelled: threading.Event) -> SignedIn:
        auth = self.auth
        method = form.method
        if method is AuthMethod.PASSWORD:
            return auth.sign_in_with_password(profile, form.username, form.password, remember=remember,
                                              remember_password=remember, cancel=cancelled)
        if method is AuthMethod.API_KEY:
            return auth.sign_in_with_api_key(profile, form.api_key, username=form.username, remember=remember,
                                             cancel=cancelled)
        if method is AuthMethod.OAUTH_CLIENT_CREDENTIALS:
            return auth.sign_in_with_client_credentials(profile, form.client_id, form.client_secret,
                                                        remember=remember, cancel=cancelled)
        if remember:
            try:  # a remembered refresh token signs in without the browser
                restored = auth.restore(profile, cancel=cancelled)
            except errors.AuthenticationError as refused:
                log.info("The remembered sign-in no longer works: %s", refused.message)
                restored = None
            if restored is not None:
                return restored
        return auth.sign_in_with_browser(profile, client_id=form.client_id, remember=remember, cancel=cancelled)

    def get_api_key(self, form: LoginForm) -> str:
        base_url = None
        if form.is_demo:
            form, base_url = self._demo_base(form)
        return self.auth.get_api_key(self.profile_for(form, base_url), form.username, form.password)

"""The sign-in dialog's backend made of ``wfexplorer.core``: profiles, keyring secrets, classic sessions.

Everything that talks to a server happens in blocking methods the dialog runs through
:class:`~wfexplorer.ui.asyncops.Operations`. URLs come from :class:`~wfexplorer.core.auth.profiles.Profile`;
nothing here builds one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.auth import profiles as core_profiles
from wfexplorer.core.auth.profiles import Environment, Profile, ProfileStore
from wfexplorer.core.auth.secrets import SecretKind, SecretStore
from wfexplorer.ui.login.backend import DemoProvider
from wfexplorer.ui.login.form import DEMO, AuthMethod, LoginForm

log = logging.getLogger(__name__)

DEMO_ADDRESS_BEFORE_START = "This computer (starts when you sign in)"


@dataclass
class CoreConnection:
    """A signed-in classic session plus what the windows show about it."""

    profile: Profile
    session: Any  # wfexplorer.core.classic.Session
    user_name: str = ""
    username: str = ""
    _reauth: Callable[[CoreConnection, str], None] | None = field(default=None, repr=False)

    @property
    def host(self) -> str:
        return self.profile.host

    @property
    def classic_version(self) -> str:
        return self.profile.classic_version

    @property
    def planning_version(self) -> str:
        return self.profile.planning_version

    @property
    def method(self) -> AuthMethod:
        return self.profile.auth_method

    @property
    def profile_name(self) -> str:
        return self.profile.name

    def reauthenticate(self, password: str) -> None:
        """Sign in again after the session expired (blocking)."""
        if self._reauth is None:
            raise errors.AuthenticationError("This connection cannot sign in again; sign out and in.")
        self._reauth(self, password)

    def sign_out(self) -> None:
        """End the session on the server and release the connection."""
        try:
            if self.profile.auth_method is AuthMethod.PASSWORD and self.session.session_id:
                self.session.logout()
        finally:
            self.session.close()


class CoreSignInBackend:
    """Implements :class:`~wfexplorer.ui.login.backend.SignInBackend` with core's profiles, secrets and sessions.

    ``demo`` starts the in-process simulator when the built-in demo profile is used (``None``: no
    demo profile). ``cache_dir`` is where metadata is cached (``None``: core's default).
    """

    def __init__(
        self,
        profiles: ProfileStore,
        secrets: SecretStore,
        demo: DemoProvider | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.profile_store = profiles
        self.secrets = secrets
        self.demo = demo
        self.cache_dir = cache_dir
        self._demo_credentials: dict[str, Any] | None = None

    # -- what the dialog offers ----------------------------------------------------------------

    def environments(self) -> list[tuple[str, str]]:
        return [(str(key), label) for key, label in core_profiles.ENVIRONMENT_LABELS.items()]

    def classic_versions(self) -> list[str]:
        versions = list(core_profiles.CLASSIC_VERSIONS)
        default = core_profiles.DEFAULT_CLASSIC_VERSION
        return [default, *(v for v in versions if v != default)]

    def planning_versions(self) -> list[str]:
        return list(core_profiles.PLANNING_VERSIONS)

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
        defaults = self.demo.defaults()
        return LoginForm(
            environment=DEMO,
            classic_version=core_profiles.DEFAULT_CLASSIC_VERSION,
            planning_version=core_profiles.DEFAULT_PLANNING_VERSION,
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
        notice = self.secrets.notice
        return notice.message if notice else None

    # -- profiles and secrets ------------------------------------------------------------------

    @staticmethod
    def profile_for(form: LoginForm, base_url: str | None = None) -> Profile:
        """The core profile a form describes (``base_url`` for the demo, whose port changes)."""
        if form.is_demo:
            return core_profiles.demo_profile(base_url or "", username=form.username, auth_method=form.method)\
                .with_changes(classic_version=form.classic_version or core_profiles.DEFAULT_CLASSIC_VERSION,
                              planning_version=form.planning_version, client_id=form.client_id)
        environment = Environment(form.environment)
        name = form.profile_name or form.domain or form.custom_url
        return Profile(
            name=name,
            environment=environment,
            domain=form.domain,
            custom_url=form.custom_url if environment is Environment.CUSTOM else "",
            classic_version=form.classic_version or core_profiles.DEFAULT_CLASSIC_VERSION,
            planning_version=form.planning_version or core_profiles.DEFAULT_PLANNING_VERSION,
            auth_method=form.method,
            username=form.username,
            client_id=form.client_id,
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
            remember=profile.remember_password,
        )

    def load_secrets(self, form: LoginForm) -> LoginForm:
        name = form.profile_name
        return LoginForm(
            **{**form.__dict__,
               "password": self.secrets.get(name, SecretKind.PASSWORD) or form.password,
               "api_key": self.secrets.get(name, SecretKind.API_KEY) or form.api_key,
               "client_secret": self.secrets.get(name, SecretKind.CLIENT_SECRET) or form.client_secret}
        )

    def delete_profile(self, name: str) -> None:
        self.profile_store.delete(name)
        self.secrets.forget_profile(name)

    def _remember(self, profile: Profile, form: LoginForm) -> None:
        """Save the profile (no secrets in it) and, with Remember me, its secret in the keyring."""
        if profile.builtin:
            return
        self.profile_store.save(profile)
        secrets = {
            SecretKind.PASSWORD: form.password if form.method is AuthMethod.PASSWORD else "",
            SecretKind.API_KEY: form.api_key if form.method is AuthMethod.API_KEY else "",
            SecretKind.CLIENT_SECRET: form.client_secret
            if form.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS else "",
        }
        for kind, value in secrets.items():
            if form.remember and value:
                self.secrets.set(profile.name, kind, value)
            else:
                self.secrets.delete(profile.name, kind)

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

    def _session(self, profile: Profile) -> Any:
        from wfexplorer.core.classic.session import Session
        from wfexplorer.core.classic.templates import base_url_template

        return Session(
            profile.domain or "workfront",
            api_version=profile.classic_version,
            url_template=base_url_template(profile.base_url),
            cache_dir=self.cache_dir,
            use_cache=not profile.builtin,  # the demo's port changes every run
            lazy=False,
            allow_insecure_http=profile.allow_insecure_http,
        )

    def sign_in(self, form: LoginForm, cancelled: threading.Event) -> CoreConnection:
        base_url = None
        if form.is_demo:
            form, base_url = self._demo_base(form)
        profile = self.profile_for(form, base_url).validated()
        session = self._session(profile)
        try:
            self._authenticate(session, profile, form, cancelled)
            user = self._who(session)
        except BaseException:
            session.close()
            raise
        if cancelled.is_set():
            session.close()
            raise errors.WorkfrontError("Sign-in cancelled")
        self._remember(profile, form)
        return CoreConnection(
            profile=profile,
            session=session,
            user_name=str(user.get("name") or ""),
            username=str(user.get("username") or form.username),
            _reauth=self._reauthenticate,
        )

    def _authenticate(self, session: Any, profile: Profile, form: LoginForm, cancelled: threading.Event) -> None:
        method = profile.auth_method
        if method is AuthMethod.PASSWORD:
            session.login(form.username, form.password)
        elif method is AuthMethod.API_KEY:
            session.api_key = form.api_key
        else:
            raise errors.ValidationError("OAuth 2.0 sign-in is not available in this build yet.")

    @staticmethod
    def _who(session: Any) -> dict[str, Any]:
        """The signed-in user's name and username (one request; also proves an API key works)."""
        data = session.get("/user", {"id": "$$USER", "fields": "name,username"})
        if not isinstance(data, dict):
            raise errors.ProtocolError("Workfront did not describe the signed-in user")
        return data

    @staticmethod
    def _reauthenticate(connection: CoreConnection, password: str) -> None:
        username = connection.username or connection.profile.username
        connection.session.login(username, password)

    def get_api_key(self, form: LoginForm) -> str:
        base_url = None
        if form.is_demo:
            form, base_url = self._demo_base(form)
        profile = self.profile_for(form, base_url)
        session = self._session(profile)
        try:
            return str(session.get_api_key(form.username, form.password))
        finally:
            session.close()

"""Connection profiles: where a Workfront lives, which API versions to speak, how to sign in.

A :class:`Profile` holds no secrets. Profiles are saved as one readable JSON file,
``profiles.json`` in the user config directory (platformdirs; pass ``config_dir`` to use another
place, as tests do). Secrets belong to :mod:`wfexplorer.core.auth.secrets`.

The URL of every endpoint comes from here, so no other layer builds one:

====================  ==========================================
``production``        ``https://{domain}.my.workfront.com``
``preview``           ``https://{domain}.preview.workfront.com`` (preview sandbox)
``legacy``            ``https://{domain}.attask-ondemand.com``
``custom``            any template, e.g. ``http://127.0.0.1:8080`` (the demo) or ``https://{domain}.example.com``
====================  ==========================================
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wfexplorer.core import errors
from wfexplorer.core.app_dirs import default_config_dir
from wfexplorer.core.files import write_text_atomic

PROFILES_FILE = "profiles.json"
FILE_VERSION = 1

#: Classic API versions offered for new profiles, newest first.
CLASSIC_VERSIONS = (*(f"v{n}.0" for n in range(22, 14, -1)), "unsupported")
DEFAULT_CLASSIC_VERSION = "v21.0"
PLANNING_VERSIONS = ("v2", "v1")
DEFAULT_PLANNING_VERSION = "v2"
#: Adobe IMS token endpoint used for server-to-server credentials outside the custom environment.
ADOBE_IMS_TOKEN_URL = "https://ims-na1.adobelogin.com/ims/token/v3"
DEMO_PROFILE_NAME = "Demo (local simulator)"

_DOMAIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_CLASSIC_VERSION = re.compile(r"^(v\d+(\.\d+)?|unsupported|internal)$")


class Environment(enum.StrEnum):
    """Which Workfront host family a profile talks to."""

    PRODUCTION = "production"
    PREVIEW = "preview"
    LEGACY = "legacy"
    CUSTOM = "custom"


ENVIRONMENT_LABELS: dict[Environment, str] = {
    Environment.PRODUCTION: "Production (my.workfront.com)",
    Environment.PREVIEW: "Preview sandbox (preview.workfront.com)",
    Environment.LEGACY: "Legacy (attask-ondemand.com)",
    Environment.CUSTOM: "Custom address",
}

HOST_TEMPLATES: dict[Environment, str] = {
    Environment.PRODUCTION: "https://{domain}.my.workfront.com",
    Environment.PREVIEW: "https://{domain}.preview.workfront.com",
    Environment.LEGACY: "https://{domain}.attask-ondemand.com",
}


DOMAIN_PLACEHOLDER = "{domain}"


def uses_domain(environment: str, custom_url: str = "") -> bool:
    """Tell whether a profile on ``environment`` needs a domain (a custom address only if it has ``{domain}``)."""
    if environment == Environment.CUSTOM:
        return DOMAIN_PLACEHOLDER in custom_url
    return environment in HOST_TEMPLATES


class AuthMethod(enum.StrEnum):
    """How the user proves who they are (the values match the login dialog's)."""

    PASSWORD = "password"
    API_KEY = "api_key"
    OAUTH_BROWSER = "oauth_browser"
    OAUTH_CLIENT_CREDENTIALS = "oauth_client_credentials"


class TokenService(enum.StrEnum):
    """Where server-to-server client credentials are exchanged for a token."""

    WORKFRONT = "workfront"  # {host}/integrations/oauth2/api/v1/token, token used as sessionID
    IMS = "ims"  # Adobe IMS /ims/token/v3, token used as Bearer


@dataclass(frozen=True)
class Profile:
    """One saved connection (no secrets).

    ``custom_url`` is used when ``environment`` is ``custom``: a base address such as
    ``http://127.0.0.1:8080`` which may contain ``{domain}``. ``ims_token_url`` overrides where IMS
    client credentials go (the default is Adobe's, or ``{base}/ims/token/v3`` for custom hosts).
    ``allow_insecure_http`` permits ``http://`` to a non-loopback host; loopback is always allowed.
    ``read_only`` makes every connection of the profile refuse writes before sending them.
    """

    name: str
    environment: Environment = Environment.PRODUCTION
    domain: str = ""
    custom_url: str = ""
    classic_version: str = DEFAULT_CLASSIC_VERSION
    planning_version: str = DEFAULT_PLANNING_VERSION
    auth_method: AuthMethod = AuthMethod.PASSWORD
    username: str = ""
    client_id: str = ""
    token_service: TokenService = TokenService.WORKFRONT
    scope: str = ""
    ims_token_url: str = ""
    remember_password: bool = False
    allow_insecure_http: bool = False
    read_only: bool = False
    builtin: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "environment", Environment(self.environment))
        object.__setattr__(self, "auth_method", AuthMethod(self.auth_method))
        object.__setattr__(self, "token_service", TokenService(self.token_service))

    # -- validation --------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Map each invalid field to a sentence for the user (empty when the profile is usable)."""
        found: dict[str, str] = {}
        if not self.name.strip():
            found["name"] = "Give the profile a name."
        if self.environment is Environment.CUSTOM:
            url = self.custom_url.strip()
            parts = urlsplit(url.replace("{domain}", self.domain.strip() or "x"))
            if parts.scheme not in ("http", "https") or not parts.hostname:
                found["custom_url"] = "Enter an address that starts with https:// (or http:// for a local server)."
            elif "{domain}" in url and not _DOMAIN.match(self.domain.strip()):
                found["domain"] = "Enter your Workfront domain (the first part of its address)."
        elif not _DOMAIN.match(self.domain.strip()):
            found["domain"] = "Enter your Workfront domain: letters, digits and dashes (the first part of its address)."
        if not _CLASSIC_VERSION.match(self.classic_version):
            found["classic_version"] = "Choose a classic API version such as v21.0."
        if self.planning_version not in PLANNING_VERSIONS:
            found["planning_version"] = "Choose Planning API v1 or v2."
        if self.auth_method in (AuthMethod.OAUTH_BROWSER, AuthMethod.OAUTH_CLIENT_CREDENTIALS) and not self.client_id:
            found["client_id"] = "Enter the client ID of your OAuth 2.0 application."
        return found

    def validated(self) -> Profile:
        """Return self, or raise ValidationError naming every problem."""
        found = self.problems()
        if found:
            raise errors.ValidationError(
                "The connection profile is incomplete: " + " ".join(found.values()),
                field_errors={name: [text] for name, text in found.items()},
            )
        return self

    # -- addresses ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``scheme://host[:port]`` of the Workfront server, without a trailing slash."""
        domain = self.domain.strip()
        if self.environment is Environment.CUSTOM:
            return self.custom_url.strip().replace("{domain}", domain).rstrip("/")
        return HOST_TEMPLATES[self.environment].format(domain=domain)

    @property
    def is_production(self) -> bool:
        """Whether the profile talks to a production tenant (the window marks it)."""
        return self.environment is Environment.PRODUCTION

    @property
    def host(self) -> str:
        """The host (and port) the profile talks to, for display."""
        return urlsplit(self.base_url).netloc

    @property
    def classic_url(self) -> str:
        """``{base}/attask/api/{version}``."""
        return f"{self.base_url}/attask/api/{self.classic_version}"

    @property
    def planning_url(self) -> str:
        """``{base}/maestro/api/{v1|v2}``."""
        return f"{self.base_url}/maestro/api/{self.planning_version}"

    @property
    def authorize_url(self) -> str:
        """Workfront OAuth2 authorization endpoint."""
        return f"{self.base_url}/integrations/oauth2/authorize"

    @property
    def token_url(self) -> str:
        """Workfront OAuth2 token endpoint (codes, refresh tokens, client credentials)."""
        return f"{self.base_url}/integrations/oauth2/api/v1/token"

    @property
    def revoke_url(self) -> str:
        """Token revocation endpoint (RFC 7009)."""
        return f"{self.base_url}/integrations/oauth2/api/v1/revoke"

    @property
    def ims_url(self) -> str:
        """Where IMS client credentials are exchanged."""
        if self.ims_token_url:
            return self.ims_token_url
        if self.environment is Environment.CUSTOM:
            return f"{self.base_url}/ims/token/v3"
        return ADOBE_IMS_TOKEN_URL

    @property
    def client_credentials_url(self) -> str:
        """The token endpoint client credentials use for this profile."""
        return self.ims_url if self.token_service is TokenService.IMS else self.token_url

    # -- (de)serialisation -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (enums as their strings)."""
        values = asdict(self)
        values.pop("builtin")
        return {key: (str(value) if isinstance(value, enum.Enum) else value) for key, value in values.items()}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Profile:
        """Build a profile from saved values, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)} - {"builtin"}
        return cls(**{key: value for key, value in values.items() if key in known})

    def with_changes(self, **changes: Any) -> Profile:
        """Return a copy with some fields changed."""
        return replace(self, **changes)


def demo_profile(base_url: str, *, username: str = "admin", client_id: str = "wfexplorer-desktop",
                 auth_method: AuthMethod = AuthMethod.PASSWORD) -> Profile:
    """The built-in profile for the local simulator at ``base_url`` (never saved: its port changes)."""
    return Profile(
        name=DEMO_PROFILE_NAME,
        environment=Environment.CUSTOM,
        domain="demo",
        custom_url=base_url,
        auth_method=auth_method,
        username=username,
        client_id=client_id,
        builtin=True,
    )


class ProfileStore:
    """Saved profiles in ``<config_dir>/profiles.json``, in the order the user created them."""

    def __init__(self, config_dir: Path | str | None = None) -> None:
        self.config_dir = Path(config_dir) if config_dir is not None else default_config_dir()
        self.path = self.config_dir / PROFILES_FILE

    def load(self) -> list[Profile]:
        """Return every saved profile (none when the file does not exist yet).

        A damaged file raises ValidationError rather than being silently replaced.
        """
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        try:
            document = json.loads(text)
            return [Profile.from_dict(item) for item in document.get("profiles", [])]
        except (ValueError, TypeError, AttributeError) as failure:
            raise errors.ValidationError(f"The profile file {self.path} is damaged: {failure}") from failure

    def get(self, name: str) -> Profile | None:
        """Return the saved profile with this name (case-sensitive), if any."""
        return next((profile for profile in self.load() if profile.name == name), None)

    def save(self, profile: Profile) -> None:
        """Add or replace (by name) a profile. Built-in profiles are never written."""
        if profile.builtin:
            return
        profiles = [p for p in self.load() if p.name != profile.name]
        existing = [p.name for p in self.load()]
        profiles.append(profile)
        order = {name: index for index, name in enumerate(existing)}
        profiles.sort(key=lambda p: order.get(p.name, len(order)))
        self._write(profiles)

    def rename(self, old_name: str, profile: Profile) -> None:
        """Replace the profile saved as ``old_name`` by ``profile`` (its new name), in the same place.

        Any other entry already called ``profile.name`` is replaced too; without an ``old_name``
        entry this is :meth:`save`.
        """
        if profile.builtin:
            return
        profiles = self.load()
        names = [p.name for p in profiles]
        if old_name not in names:
            self.save(profile)
            return
        position = sum(1 for p in profiles[: names.index(old_name)] if p.name != profile.name)
        kept = [p for p in profiles if p.name not in (old_name, profile.name)]
        kept.insert(position, profile)
        self._write(kept)

    def delete(self, name: str) -> bool:
        """Forget a profile; return whether it existed."""
        profiles = self.load()
        kept = [p for p in profiles if p.name != name]
        if len(kept) == len(profiles):
            return False
        self._write(kept)
        return True

    def _write(self, profiles: list[Profile]) -> None:
        document = {"version": FILE_VERSION, "profiles": [p.to_dict() for p in profiles]}
        write_text_atomic(self.path, json.dumps(document, indent=2) + "\n")

"""What the sign-in dialog holds, as plain Python: the fields, which are missing, and the sandbox hint.

The dialog fills a :class:`LoginForm` from its widgets and the backend turns it into a core profile
and credentials; nothing here knows Qt, so the rules are testable without a display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wfexplorer.core.auth.profiles import AuthMethod, uses_domain

__all__ = ["CUSTOM", "DEMO", "LEGACY", "PREVIEW", "PRODUCTION", "AuthMethod", "LoginForm", "looks_like_sandbox"]

#: environment keys the dialog offers; labels and host patterns come from core's profiles
PRODUCTION = "production"
PREVIEW = "preview"
LEGACY = "legacy"
CUSTOM = "custom"
DEMO = "demo"

_SANDBOX_DOMAIN = re.compile(r"(sandbox|preview|\bsb\d*\b|[-_.]sb\d*$|sb\d+$)", re.IGNORECASE)


def looks_like_sandbox(domain: str) -> bool:
    """Tell whether a domain name looks like a sandbox's (``acme-sandbox``, ``acme.preview``, ``acmesb01``)."""
    return bool(_SANDBOX_DOMAIN.search(domain.strip()))


@dataclass
class LoginForm:
    """Everything the user typed or chose in the sign-in dialog."""

    profile_name: str = ""
    environment: str = PRODUCTION
    domain: str = ""
    custom_url: str = ""
    classic_version: str = ""
    planning_version: str = "v2"
    method: AuthMethod = AuthMethod.PASSWORD
    username: str = ""
    password: str = field(default="", repr=False)
    api_key: str = field(default="", repr=False)
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    token_service: str = "workfront"  # client credentials: "workfront" (OAuth2 app) or "ims" (Adobe IMS)
    remember: bool = False
    saved_name: str = ""  # the name the profile is saved under ("" until saved); differs from profile_name on rename

    @property
    def is_demo(self) -> bool:
        """The built-in simulator profile."""
        return self.environment == DEMO

    def missing(self) -> dict[str, str]:
        """Map each field that must be filled before signing in to what to tell the user."""
        problems: dict[str, str] = {}
        if self.environment == CUSTOM:
            if not self.custom_url.strip():
                problems["custom_url"] = "Enter the address of your Workfront server."
            elif uses_domain(self.environment, self.custom_url) and not self.domain.strip():
                problems["domain"] = "Enter your Workfront domain (it takes the place of {domain} in the address)."
        elif not self.is_demo and not self.domain.strip():
            problems["domain"] = "Enter your Workfront domain (the first part of its address)."
        if self.is_demo:
            return problems  # the simulator provides what is left empty (its user, API key, OAuth clients)
        if self.method is AuthMethod.PASSWORD:
            if not self.username.strip():
                problems["username"] = "Enter your username."
            if not self.password:
                problems["password"] = "Enter your password."
        elif self.method is AuthMethod.API_KEY:
            if not self.api_key.strip():
                problems["api_key"] = "Enter an API key, or use Get API key… to fetch one."
        elif self.method is AuthMethod.OAUTH_BROWSER:
            if not self.client_id.strip():
                problems["client_id"] = "Enter the client ID of your OAuth 2.0 application."
        elif self.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS:
            if not self.client_id.strip():
                problems["client_id"] = "Enter the client ID of your OAuth 2.0 application."
            if not self.client_secret:
                problems["client_secret"] = "Enter the client secret of your OAuth 2.0 application."
        return problems

    def sandbox_hint(self) -> str | None:
        """A hint when a sandbox-looking domain is used with the production environment."""
        if self.environment in (PRODUCTION, LEGACY) and looks_like_sandbox(self.domain):
            return (
                f"“{self.domain.strip()}” looks like a sandbox domain, but the environment is Production. "
                "Sandboxes live on the Preview sandbox environment: choose it under Environment."
            )
        return None

"""Authentication: profiles, secrets in the OS keyring, password/API key/OAuth 2.0 sign-in, credential providers.

The public API (what the GUI and scripts use):

- :class:`Profile`, :class:`ProfileStore`, :func:`demo_profile`, :class:`Environment`, :class:`AuthMethod`,
  :class:`TokenService`, ``ENVIRONMENT_LABELS``, ``CLASSIC_VERSIONS``, ``PLANNING_VERSIONS``;
- :class:`Authenticator` (one ``sign_in_with_*`` per method, ``restore``, ``get_api_key``, ``forget``,
  ``notice``) and :class:`SignedIn` (``SignedIn.classic_session()``: a classic Session that renews an
  expired sign-in by itself);
- :class:`SecretStore`, :class:`SecretKind`, :class:`KeyringNotice`;
- :class:`CredentialProvider` and :func:`call_with_credentials` (the 401 → renew → retry-once contract
  the classic and Planning clients follow), :class:`Credential`, :class:`ReauthRequest`;
- :class:`WorkfrontOAuth` and :class:`TokenSet` for the OAuth flows themselves.

The package imports its modules lazily (PEP 562): ``from wfexplorer.core.auth import profiles``
costs only that small module, so the sign-in dialog can appear before requests, Authlib and the
keyring are loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wfexplorer.core.auth.credentials import (
        ApiKeyProvider,
        ClientCredentialsProvider,
        Credential,
        CredentialKind,
        CredentialProvider,
        OAuthProvider,
        PasswordProvider,
        ReauthPrompt,
        ReauthRequest,
        StaticTokenProvider,
        TokenSource,
        call_with_credentials,
    )
    from wfexplorer.core.auth.exceptions import (
        BrowserUnavailableError,
        ReauthenticationDeclined,
        SignInCancelled,
        SignInTimedOut,
        StateMismatchError,
    )
    from wfexplorer.core.auth.oauth import (
        TokenSet,
        WorkfrontOAuth,
    )
    from wfexplorer.core.auth.profiles import (
        CLASSIC_VERSIONS,
        DEFAULT_CLASSIC_VERSION,
        DEFAULT_PLANNING_VERSION,
        ENVIRONMENT_LABELS,
        PLANNING_VERSIONS,
        AuthMethod,
        Environment,
        Profile,
        ProfileStore,
        TokenService,
        demo_profile,
    )
    from wfexplorer.core.auth.secrets import (
        KeyringNotice,
        SecretKind,
        SecretStore,
    )
    from wfexplorer.core.auth.signin import (
        Authenticator,
        SignedIn,
    )

#: Where each public name lives; imported on first access.
_EXPORTS: dict[str, str] = {
    "ApiKeyProvider": "wfexplorer.core.auth.credentials",
    "AuthMethod": "wfexplorer.core.auth.profiles",
    "Authenticator": "wfexplorer.core.auth.signin",
    "BrowserUnavailableError": "wfexplorer.core.auth.exceptions",
    "CLASSIC_VERSIONS": "wfexplorer.core.auth.profiles",
    "ClientCredentialsProvider": "wfexplorer.core.auth.credentials",
    "Credential": "wfexplorer.core.auth.credentials",
    "CredentialKind": "wfexplorer.core.auth.credentials",
    "CredentialProvider": "wfexplorer.core.auth.credentials",
    "DEFAULT_CLASSIC_VERSION": "wfexplorer.core.auth.profiles",
    "DEFAULT_PLANNING_VERSION": "wfexplorer.core.auth.profiles",
    "ENVIRONMENT_LABELS": "wfexplorer.core.auth.profiles",
    "Environment": "wfexplorer.core.auth.profiles",
    "KeyringNotice": "wfexplorer.core.auth.secrets",
    "OAuthProvider": "wfexplorer.core.auth.credentials",
    "PLANNING_VERSIONS": "wfexplorer.core.auth.profiles",
    "PasswordProvider": "wfexplorer.core.auth.credentials",
    "Profile": "wfexplorer.core.auth.profiles",
    "ProfileStore": "wfexplorer.core.auth.profiles",
    "ReauthPrompt": "wfexplorer.core.auth.credentials",
    "ReauthRequest": "wfexplorer.core.auth.credentials",
    "ReauthenticationDeclined": "wfexplorer.core.auth.exceptions",
    "SecretKind": "wfexplorer.core.auth.secrets",
    "SecretStore": "wfexplorer.core.auth.secrets",
    "SignInCancelled": "wfexplorer.core.auth.exceptions",
    "SignInTimedOut": "wfexplorer.core.auth.exceptions",
    "SignedIn": "wfexplorer.core.auth.signin",
    "StateMismatchError": "wfexplorer.core.auth.exceptions",
    "StaticTokenProvider": "wfexplorer.core.auth.credentials",
    "TokenService": "wfexplorer.core.auth.profiles",
    "TokenSet": "wfexplorer.core.auth.oauth",
    "TokenSource": "wfexplorer.core.auth.credentials",
    "WorkfrontOAuth": "wfexplorer.core.auth.oauth",
    "call_with_credentials": "wfexplorer.core.auth.credentials",
    "demo_profile": "wfexplorer.core.auth.profiles",
}

__all__ = [
    "CLASSIC_VERSIONS",
    "DEFAULT_CLASSIC_VERSION",
    "DEFAULT_PLANNING_VERSION",
    "ENVIRONMENT_LABELS",
    "PLANNING_VERSIONS",
    "ApiKeyProvider",
    "AuthMethod",
    "Authenticator",
    "BrowserUnavailableError",
    "ClientCredentialsProvider",
    "Credential",
    "CredentialKind",
    "CredentialProvider",
    "Environment",
    "KeyringNotice",
    "OAuthProvider",
    "PasswordProvider",
    "Profile",
    "ProfileStore",
    "ReauthPrompt",
    "ReauthRequest",
    "ReauthenticationDeclined",
    "SecretKind",
    "SecretStore",
    "SignInCancelled",
    "SignInTimedOut",
    "SignedIn",
    "StateMismatchError",
    "StaticTokenProvider",
    "TokenService",
    "TokenSet",
    "TokenSource",
    "WorkfrontOAuth",
    "call_with_credentials",
    "demo_profile",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` the first time it is asked for."""
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))

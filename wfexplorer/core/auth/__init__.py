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
"""

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
from wfexplorer.core.auth.oauth import TokenSet, WorkfrontOAuth
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
from wfexplorer.core.auth.secrets import KeyringNotice, SecretKind, SecretStore
from wfexplorer.core.auth.signin import Authenticator, SignedIn

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

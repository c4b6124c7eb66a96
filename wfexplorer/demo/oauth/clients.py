"""The simulator's registered OAuth 2.0 apps: one public PKCE client and one confidential client.

Apps are records of kind ``_oauth_client`` in the store, keyed by client ID:

- the *public* client (``wfexplorer-desktop``) has no secret, must use PKCE S256, and may redirect
  to a loopback address on any port (RFC 8252 §7.3: ``http://127.0.0.1:<any>/callback``);
- the *confidential* client (``wfexplorer-service``) has a secret, redirects only to its exact
  registered URIs, and may also use ``client_credentials`` (on the Workfront token endpoint and
  the IMS-style ``/ims/token/v3``); its tokens act as the user that "owns" the app (the admin),
  like a Workfront technical account.
"""

from __future__ import annotations

import hmac
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from authlib.oauth2.rfc6749 import ClientMixin

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.ids import new_token
from wfexplorer.demo.store import Record

CLIENT_KIND = "_oauth_client"
PUBLIC_CLIENT_ID = "wfexplorer-desktop"
CONFIDENTIAL_CLIENT_ID = "wfexplorer-service"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

_PUBLIC_REDIRECTS = ["http://127.0.0.1/callback", "http://localhost/callback", "http://[::1]/callback"]
_CONFIDENTIAL_REDIRECTS = ["https://wfexplorer.invalid/oauth/callback"]


@dataclass(frozen=True)
class OAuthClient(ClientMixin):
    """A registered app as Authlib's grants and endpoints need to see it."""

    client_id: str
    name: str
    public: bool
    secret: str | None
    redirect_uris: tuple[str, ...]
    grant_types: tuple[str, ...]
    owner_user_id: str | None

    @classmethod
    def from_record(cls, record: Record) -> OAuthClient:
        """Build the client from its store record."""
        return cls(
            client_id=str(record["ID"]),
            name=str(record.get("name", record["ID"])),
            public=bool(record.get("public")),
            secret=record.get("clientSecret"),
            redirect_uris=tuple(record.get("redirectURIs", ())),
            grant_types=tuple(record.get("grantTypes", ())),
            owner_user_id=record.get("ownerUserID"),
        )

    # -- ClientMixin -----------------------------------------------------------------------

    def get_client_id(self) -> str:
        return self.client_id

    # Authlib treats None as "no default" (the request must name one); the stubs say ``str``.
    def get_default_redirect_uri(self) -> str | None:  # type: ignore[override]
        # A public client's registered loopback URIs have no port, so it must always name one.
        return None if self.public else (self.redirect_uris[0] if self.redirect_uris else None)

    def get_allowed_scope(self, scope: Collection[str] | str | None) -> str:
        return scope if isinstance(scope, str) else " ".join(scope or ())

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        if redirect_uri in self.redirect_uris:
            return True
        return self.public and any(_same_loopback_target(redirect_uri, uri) for uri in self.redirect_uris)

    def check_client_secret(self, client_secret: str) -> bool:
        return self.secret is not None and hmac.compare_digest(self.secret.encode(), str(client_secret).encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if self.public:
            return method == "none"
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code" and "authorization_code" in self.grant_types

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in self.grant_types


def _same_loopback_target(requested: str, registered: str) -> bool:
    """Tell whether ``requested`` is ``registered`` on another port of the same loopback host."""
    try:
        want, have = urlsplit(requested), urlsplit(registered)
        want.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    return (
        want.scheme == "http"
        and have.scheme == "http"
        and (want.hostname or "") in LOOPBACK_HOSTS
        and want.hostname == have.hostname
        and (want.path or "/") == (have.path or "/")
        and not want.query
        and not want.fragment
    )


def find_client(context: DemoContext, client_id: str | None) -> OAuthClient | None:
    """Return the registered app with this ID, or ``None``."""
    if not client_id:
        return None
    record = context.store.get(CLIENT_KIND, str(client_id))
    return None if record is None else OAuthClient.from_record(record)


def seed_oauth_clients(context: DemoContext) -> dict[str, Any]:
    """Register the two demo apps and return their entries for ``demo-credentials.json``."""
    admin = context.sessions.find_user("admin")
    owner = None if admin is None else admin["ID"]
    secret = new_token()
    public = {
        "ID": PUBLIC_CLIENT_ID,
        "name": "wfexplorer (desktop, PKCE)",
        "public": True,
        "clientSecret": None,
        "redirectURIs": _PUBLIC_REDIRECTS,
        "grantTypes": ["authorization_code", "refresh_token"],
        "ownerUserID": owner,
    }
    confidential = {
        "ID": CONFIDENTIAL_CLIENT_ID,
        "name": "wfexplorer service (confidential)",
        "public": False,
        "clientSecret": secret,
        "redirectURIs": _CONFIDENTIAL_REDIRECTS,
        "grantTypes": ["authorization_code", "refresh_token", "client_credentials"],
        "ownerUserID": owner,
    }
    with context.store.transaction() as tx:
        tx.put(CLIENT_KIND, public)
        tx.put(CLIENT_KIND, confidential)
    return {
        "oauth_public_client_id": PUBLIC_CLIENT_ID,
        "oauth_client_id": CONFIDENTIAL_CLIENT_ID,
        "oauth_client_secret": secret,
        "oauth_redirect_uri": _CONFIDENTIAL_REDIRECTS[0],
    }

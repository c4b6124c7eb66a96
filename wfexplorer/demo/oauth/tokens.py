"""Authorization codes and refresh tokens of the simulator, kept in the store.

- A code (kind ``_oauth_code``) lives ``settings.oauth_code_lifetime_seconds`` by
  ``context.clock`` and is *consumed* by the first token request that presents it, whether that
  request then succeeds or not, so a code never works twice even under concurrent requests.
- A refresh token (kind ``_oauth_refresh``) is rotated on use (a refresh returns a new one and
  revokes the old one, as Adobe IMS does) and can be revoked; revoking it also ends the access
  token issued with it.
- Access tokens are ordinary sessions (``context.sessions``, origin ``"oauth"``), so they work as
  a classic ``sessionID`` and as a Planning ``Bearer`` token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from authlib.oauth2.rfc6749 import AuthorizationCodeMixin, TokenMixin

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.store import Record

CODE_KIND = "_oauth_code"
REFRESH_KIND = "_oauth_refresh"


@dataclass(frozen=True)
class AuthorizationCode(AuthorizationCodeMixin):
    """A consumed authorization code, as the authorization-code grant validates it."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user_id: str
    code_challenge: str | None
    code_challenge_method: str | None
    expires: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope


@dataclass(frozen=True)
class IssuedToken(TokenMixin):
    """A refresh token or access token found by the refresh grant or the revocation endpoint."""

    kind: str  # "refresh_token" or "access_token"
    value: str
    client_id: str | None
    user_id: str
    scope: str
    access_token: str | None = None
    code: str | None = None
    """The authorization code the token descends from (kept through refresh rotations)."""

    def check_client(self, client: Any) -> bool:
        return self.client_id == client.get_client_id()

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return 0

    def is_expired(self) -> bool:
        return False

    def is_revoked(self) -> bool:
        return False


class TokenStore:
    """Saves, finds, consumes and revokes codes and refresh tokens."""

    def __init__(self, context: DemoContext) -> None:
        self.context = context

    # -- codes -----------------------------------------------------------------------------

    def save_code(self, code: str, *, client_id: str, redirect_uri: str, scope: str, user_id: str,
                  code_challenge: str | None, code_challenge_method: str | None) -> None:
        """Remember a freshly issued code."""
        record = {
            "ID": code,
            "clientID": client_id,
            "redirectURI": redirect_uri,
            "scope": scope,
            "userID": user_id,
            "codeChallenge": code_challenge,
            "codeChallengeMethod": code_challenge_method,
            "expires": self.context.clock() + self.context.settings.oauth_code_lifetime_seconds,
        }
        with self.context.store.transaction() as tx:
            tx.put(CODE_KIND, record)

    def consume_code(self, code: str, client_id: str) -> AuthorizationCode | None:
        """Mark the code used and return it when it exists, is unexpired and belongs to the client.

        A code presented a second time is refused, and every token issued from it is revoked
        (RFC 6749 §4.1.2): a replayed code means it leaked.
        """
        with self.context.store.transaction() as tx:
            record = tx.get(CODE_KIND, code)
            if record is None:
                return None
            if record.get("used"):
                replayed = True
            else:
                tx.put(CODE_KIND, {**record, "used": True})
                replayed = False
        if replayed:
            self.revoke_descendants(code)
            return None
        if record["clientID"] != client_id or self.context.clock() >= record["expires"]:
            return None
        return AuthorizationCode(
            code=code,
            client_id=record["clientID"],
            redirect_uri=record["redirectURI"],
            scope=record.get("scope") or "",
            user_id=record["userID"],
            code_challenge=record.get("codeChallenge"),
            code_challenge_method=record.get("codeChallengeMethod"),
            expires=record["expires"],
        )

    # -- tokens ----------------------------------------------------------------------------

    def save_tokens(self, token: dict[str, Any], *, client_id: str, user_id: str, scope: str,
                    lifetime: float, code: str | None = None) -> None:
        """Start the access token's session and remember its refresh token, if any.

        ``code`` is the authorization code the tokens descend from: reusing it revokes them.
        """
        self.context.sessions.create(
            user_id, origin="oauth", lifetime=lifetime, client_id=client_id, token=token["access_token"]
        )
        refresh = token.get("refresh_token")
        with self.context.store.transaction() as tx:
            if refresh:
                record: Record = {
                    "ID": refresh,
                    "clientID": client_id,
                    "userID": user_id,
                    "scope": scope,
                    "created": self.context.clock(),
                    "accessToken": token["access_token"],
                    "codeID": code,
                }
                tx.put(REFRESH_KIND, record)
            issued = tx.get(CODE_KIND, code) if code else None
            if issued is not None:
                tx.put(CODE_KIND, {**issued, "accessTokens": [*issued.get("accessTokens", []), token["access_token"]]})

    def revoke_descendants(self, code: str) -> None:
        """Revoke every access and refresh token issued from ``code`` (directly or by refreshing)."""
        with self.context.store.transaction() as tx:
            issued = tx.get(CODE_KIND, code) or {}
            tx.delete(CODE_KIND, code)
            access = list(issued.get("accessTokens", []))
            for record in list(tx.table(REFRESH_KIND).values()):
                if record.get("codeID") == code:
                    tx.delete(REFRESH_KIND, record["ID"])
                    access.append(record.get("accessToken"))
        for value in access:
            if value:
                self.context.sessions.revoke(value)

    def find_refresh(self, value: str) -> IssuedToken | None:
        """Return the live refresh token with this value, or ``None``."""
        record = self.context.store.get(REFRESH_KIND, value)
        if record is None:
            return None
        return IssuedToken("refresh_token", value, record["clientID"], record["userID"], record.get("scope") or "",
                           record.get("accessToken"), record.get("codeID"))

    def find_access(self, value: str) -> IssuedToken | None:
        """Return the live access token (an OAuth session) with this value, or ``None``."""
        info = self.context.sessions.resolve(value)
        if info is None or info.origin != "oauth":
            return None
        return IssuedToken("access_token", value, info.client_id, info.user_id, "")

    def revoke(self, token: IssuedToken) -> None:
        """Revoke a refresh token (and the access token issued with it) or an access token."""
        if token.kind == "refresh_token":
            with self.context.store.transaction() as tx:
                tx.delete(REFRESH_KIND, token.value)
            if token.access_token:
                self.context.sessions.revoke(token.access_token)
        else:
            self.context.sessions.revoke(token.value)

    def retire_refresh(self, value: str) -> None:
        """Invalidate a refresh token that was just used (rotation); its access token lives on."""
        with self.context.store.transaction() as tx:
            tx.delete(REFRESH_KIND, value)

"""Who is signed in: sessions, OAuth access tokens and API keys, shared by every API surface.

A classic ``/login`` session, an OAuth access token and the demo's ready-made token are all
*sessions*: a token that resolves to a user until it expires or is revoked. The classic API
accepts any of them as a ``sessionID``; Planning accepts them as ``Authorization: Bearer``.
Sessions and API keys live in the store, so they survive a restart of the simulator.
Users are classic USER records; their password is kept in the internal ``_password`` key,
which no API ever outputs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from wfexplorer.demo.faults import Faults
from wfexplorer.demo.ids import new_token
from wfexplorer.demo.store import Record, Store

SESSION_KIND = "_session"
API_KEY_KIND = "_apikey"


@dataclass(frozen=True)
class SessionInfo:
    """A live session: its token, its user and how it was obtained."""

    token: str
    user_id: str
    origin: str
    created: float
    expires: float | None
    client_id: str | None = None


class SessionRegistry:
    """Creates, resolves and revokes sessions and API keys."""

    def __init__(self, store: Store, faults: Faults, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._faults = faults
        self._clock = clock

    # -- users -----------------------------------------------------------------------------

    def find_user(self, username: str) -> Record | None:
        """Return the active USER record with this username (case-insensitive), if any."""
        wanted = username.strip().lower()
        for user in self._store.table("USER").values():
            if str(user.get("username", "")).lower() == wanted and user.get("isActive", True):
                return user
        return None

    def check_password(self, username: str, password: str) -> Record | None:
        """Return the user when the username and password match, else ``None``."""
        user = self.find_user(username)
        if user is None or user.get("_password") != password:
            return None
        return user

    # -- sessions --------------------------------------------------------------------------

    def create(
        self,
        user_id: str,
        *,
        origin: str = "login",
        lifetime: float | None = None,
        client_id: str | None = None,
        token: str | None = None,
    ) -> SessionInfo:
        """Start a session for ``user_id``; ``lifetime`` ``None`` means it never expires by age."""
        now = self._clock()
        info = SessionInfo(
            token=token or new_token(),
            user_id=user_id,
            origin=origin,
            created=now,
            expires=None if lifetime is None else now + lifetime,
            client_id=client_id,
        )
        record = {
            "ID": info.token,
            "userID": user_id,
            "origin": origin,
            "created": now,
            "expires": info.expires,
            "clientID": client_id,
        }
        with self._store.transaction() as tx:
            tx.put(SESSION_KIND, record)
        return info

    def resolve(self, token: str | None) -> SessionInfo | None:
        """Return the live session for ``token``, or ``None`` if unknown, expired or revoked."""
        if not token:
            return None
        record = self._store.get(SESSION_KIND, token.strip())
        if record is None:
            return None
        now = self._clock()
        if record["expires"] is not None and now >= record["expires"]:
            return None
        expiry = self._faults.session_expiry
        if expiry and record["origin"] != "demo" and now - record["created"] >= expiry:
            return None
        return SessionInfo(
            token=record["ID"],
            user_id=record["userID"],
            origin=record["origin"],
            created=record["created"],
            expires=record["expires"],
            client_id=record.get("clientID"),
        )

    def revoke(self, token: str) -> bool:
        """End a session; return whether it existed."""
        if self._store.get(SESSION_KIND, token) is None:
            return False
        with self._store.transaction() as tx:
            tx.delete(SESSION_KIND, token)
        return True

    # -- API keys --------------------------------------------------------------------------

    def api_key_for(self, user_id: str) -> str | None:
        """Return the user's current API key, or ``None`` when none was generated."""
        for record in self._store.table(API_KEY_KIND).values():
            if record["userID"] == user_id:
                return str(record["ID"])
        return None

    def generate_api_key(self, user_id: str, key: str | None = None) -> str:
        """Replace the user's API key with a new one and return it."""
        new_key = key or new_token()
        with self._store.transaction() as tx:
            for record in self._store.table(API_KEY_KIND).values():
                if record["userID"] == user_id:
                    tx.delete(API_KEY_KIND, record["ID"])
            tx.put(API_KEY_KIND, {"ID": new_key, "userID": user_id, "created": self._clock()})
        return new_key

    def clear_api_key(self, user_id: str) -> None:
        """Invalidate the user's API key."""
        with self._store.transaction() as tx:
            for record in self._store.table(API_KEY_KIND).values():
                if record["userID"] == user_id:
                    tx.delete(API_KEY_KIND, record["ID"])

    def user_for_api_key(self, key: str | None) -> str | None:
        """Return the user ID that owns ``key``, or ``None``."""
        if not key:
            return None
        record = self._store.get(API_KEY_KIND, key.strip())
        return None if record is None else str(record["userID"])

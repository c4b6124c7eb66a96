"""Secrets (password, API key, refresh token, client secret) in the OS keyring, under their profile.

Each secret is stored with service ``wfexplorer`` and user name ``<profile name>/<kind>``. When no
keyring backend works (no backend installed, a locked or broken one), :class:`SecretStore` keeps
secrets in this process's memory only, for this run, and exposes :attr:`SecretStore.notice` so
the GUI can tell the user. It never falls back to a file.
"""

from __future__ import annotations

import enum
import logging
import threading
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "wfexplorer"


class SecretKind(enum.StrEnum):
    """The kinds of secret a profile may keep."""

    PASSWORD = "password"
    API_KEY = "api_key"
    REFRESH_TOKEN = "refresh_token"
    CLIENT_SECRET = "client_secret"


@dataclass(frozen=True)
class KeyringNotice:
    """What to tell the user when secrets cannot be kept in the OS keyring."""

    message: str
    detail: str


def _notice(detail: str) -> KeyringNotice:
    return KeyringNotice(
        message=(
            "No working system keyring was found, so saved passwords, API keys and tokens are kept "
            "only until wfexplorer closes. You will be asked for them again next time."
        ),
        detail=detail,
    )


def _backend_problem(backend: Any) -> str | None:
    """Say why ``backend`` cannot keep secrets, or ``None`` when it looks usable."""
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyring.backends.fail"):
        return "No keyring backend is installed or available."
    if name.startswith("keyring.backends.null"):
        return "The keyring is configured to discard secrets (null backend)."
    if name.startswith("keyring.backends.chainer"):
        members = list(getattr(backend, "backends", None) or [])
        if not members:
            return "No keyring backend is installed or available."
        if all(_plain_file(member) for member in members):
            return "The only keyring available keeps secrets in a plain file."
        return None
    if _plain_file(backend):
        return "The only keyring available keeps secrets in a plain file."
    return None


def _plain_file(backend: Any) -> bool:
    """Tell whether a backend writes secrets unencrypted to a file (keyrings.alt's PlaintextKeyring)."""
    return type(backend).__name__ == "PlaintextKeyring"


class SecretStore:
    """Reads and writes a profile's secrets, in the keyring or (failing that) in memory for this run.

    Safe to use from several threads.
    """

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._memory: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()
        self._notice: KeyringNotice | None = None
        problem = _backend_problem(keyring.get_keyring())
        if problem:
            self._fall_back(problem)

    # -- state -------------------------------------------------------------------------------

    @property
    def notice(self) -> KeyringNotice | None:
        """``None`` while the keyring works; otherwise what the GUI should show the user."""
        return self._notice

    @property
    def persistent(self) -> bool:
        """Whether secrets outlive this run (they are in the OS keyring)."""
        return self._notice is None

    def _fall_back(self, detail: str) -> None:
        if self._notice is None:
            log.warning("Keyring unavailable, keeping secrets in memory for this run: %s", detail)
            self._notice = _notice(detail)

    @staticmethod
    def _user(profile_name: str, kind: SecretKind | str) -> str:
        return f"{profile_name}/{SecretKind(kind).value}"

    # -- operations --------------------------------------------------------------------------

    def get(self, profile_name: str, kind: SecretKind | str) -> str | None:
        """Return the secret, or ``None`` when none is kept."""
        user = self._user(profile_name, kind)
        with self._lock:
            if (self.service, user) in self._memory:
                return self._memory[(self.service, user)]
            if not self.persistent:
                return None
        try:
            return keyring.get_password(self.service, user)
        except keyring.errors.KeyringError as failure:
            self._fall_back(f"Reading from the keyring failed: {type(failure).__name__}")
            return None

    def set(self, profile_name: str, kind: SecretKind | str, value: str) -> None:
        """Keep a secret (an empty value deletes it)."""
        if not value:
            self.delete(profile_name, kind)
            return
        user = self._user(profile_name, kind)
        if self.persistent:
            try:
                keyring.set_password(self.service, user, value)
            except keyring.errors.KeyringError as failure:
                self._fall_back(f"Writing to the keyring failed: {type(failure).__name__}")
            else:
                with self._lock:
                    self._memory.pop((self.service, user), None)
                return
        with self._lock:
            self._memory[(self.service, user)] = value

    def delete(self, profile_name: str, kind: SecretKind | str) -> None:
        """Forget a secret (forgetting a missing one is not an error)."""
        user = self._user(profile_name, kind)
        with self._lock:
            self._memory.pop((self.service, user), None)
        if not self.persistent:
            return
        try:
            keyring.delete_password(self.service, user)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as failure:
            self._fall_back(f"Deleting from the keyring failed: {type(failure).__name__}")

    def forget_profile(self, profile_name: str) -> None:
        """Forget every secret of a profile."""
        for kind in SecretKind:
            self.delete(profile_name, kind)

    def move_profile(self, old_name: str, new_name: str) -> None:
        """Move a renamed profile's secrets to its new name; nothing stays under the old one.

        A secret already kept under the new name (just saved by a sign-in) wins over the old one.
        """
        if old_name == new_name:
            return
        for kind in SecretKind:
            value = self.get(old_name, kind)
            if value and not self.get(new_name, kind):
                self.set(new_name, kind, value)
            self.delete(old_name, kind)

"""What the sign-in dialog needs from the layers below, as protocols the composition root fills.

:class:`SignInBackend` turns a :class:`~wfexplorer.ui.login.form.LoginForm` into a signed-in
:class:`~wfexplorer.core.connection.Connection` through ``wfexplorer.core`` (see
:mod:`wfexplorer.ui.login.core_backend`); its blocking methods run in
:class:`~wfexplorer.ui.asyncops.Operations`, never on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from wfexplorer.ui.login.form import LoginForm

if TYPE_CHECKING:
    from wfexplorer.core.connection import Connection


class DemoProvider(Protocol):
    """Starts the in-process simulator on demand (only the composition root knows how)."""

    def defaults(self) -> Mapping[str, str]:
        """The demo's username and password, known without starting anything."""

    def start(self) -> Mapping[str, Any]:
        """Start the simulator if needed (blocking) and return its credentials (``base_url``, users, keys)."""


class SignInBackend(Protocol):
    """Profiles, secrets and sign-in, in the dialog's terms."""

    def environments(self) -> list[tuple[str, str]]:
        """(key, label) of every environment a profile may use, the demo excluded."""

    def classic_versions(self) -> list[str]:
        """Classic API versions to offer, newest first."""

    def planning_versions(self) -> list[str]:
        """Planning API versions to offer, the default first."""

    def address(self, form: LoginForm) -> str:
        """The server address the form points at, for display; raise ValueError when incomplete."""

    def demo_profile(self) -> LoginForm | None:
        """The built-in "Demo (local simulator)" profile, or ``None`` when this build has no simulator."""

    def profiles(self) -> list[LoginForm]:
        """Saved profiles, without secrets."""

    def load_secrets(self, form: LoginForm) -> LoginForm:
        """Return ``form`` with its remembered secrets filled in from the keyring (blocking)."""

    def delete_profile(self, name: str) -> None:
        """Forget a saved profile and its secrets."""

    def keyring_notice(self) -> str | None:
        """A sentence for the user when no keyring works (secrets then last only for this run)."""

    def sign_in(self, form: LoginForm, cancelled: threading.Event) -> Connection:
        """Sign in (blocking); remember the profile and secrets when ``form.remember``; honour ``cancelled``."""

    def get_api_key(self, form: LoginForm) -> str:
        """Fetch the user's API key with ``form.username``/``form.password`` (blocking)."""

"""When a session expires mid-work: renew silently if possible, else ask, then let the call retry once.

:func:`make_reauthenticator` returns the coroutine :class:`~wfexplorer.ui.asyncops.Operations` awaits
when a call fails with an expired session. It first renews without asking (an OAuth refresh token,
a new client-credentials token); when that is impossible it opens :class:`ReauthDialog`
(window-modal over the window the user is working in, so everything they typed stays where it
is), which asks for the password (or a browser sign-in, for OAuth) and signs in again off the GUI
thread. It answers True once the connection works again, False if the user gives up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from wfexplorer.core import errors
from wfexplorer.ui import messages
from wfexplorer.ui.asyncops import Operations, Reauthenticator
from wfexplorer.ui.login.backend import Connection
from wfexplorer.ui.login.form import AuthMethod
from wfexplorer.ui.login.password_prompt import PasswordPrompt

log = logging.getLogger(__name__)


class ReauthDialog(PasswordPrompt):
    """Asks for the password (or a browser sign-in) to continue an expired session.

    Signals:
        renewed(): the connection signed in again.
    """

    renewed = Signal()

    def __init__(self, connection: Connection, ops: Operations, reason: str, parent: QWidget | None = None) -> None:
        oauth = connection.method is AuthMethod.OAUTH_BROWSER
        super().__init__(ops, "&Continue" if not oauth else "Sign in with the &browser", parent)
        self.setObjectName("reauthDialog")
        self.setWindowTitle("Session expired — wfexplorer")
        self.connection = connection
        self.needs_password = not oauth
        who = connection.username or connection.user_name
        then = "to continue where you left off; nothing you typed is lost."
        ask = f"Enter the password of <b>{_escape(who)}</b> {then}" if not oauth else f"Sign in again {then}"
        intro = QLabel(f"Your session on {_escape(connection.host)} has ended. {ask}")
        intro.setToolTip(reason)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.intro = intro
        self.password.setObjectName("reauthPassword")
        self.buttons.accepted.connect(self.renew)

        fields = None
        if self.needs_password:
            fields = QFormLayout()
            fields.addRow("&Password:", self.password)
        else:
            self.password.hide()
        self._lay_out(intro, fields)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.password.setFocus()

    def renew(self) -> None:
        """Sign in again off the GUI thread."""
        if self._task is not None:
            return
        password = self.password.text()
        if self.needs_password and not password:
            self._show("Enter your password.")
            return
        self._attempt(lambda: self.connection.reauthenticate(password), on_success=self._renewed,
                      on_error=self._failed, name="reauthenticate")

    def _renewed(self, _result: object) -> None:
        self.password.clear()
        self.renewed.emit()
        self.accept()

    def _failed(self, error: errors.WorkfrontError) -> None:
        text = error.message if isinstance(error, errors.AuthenticationError) else messages.explain(error)
        self._show(text)


def make_reauthenticator(
    connection: Connection,
    ops: Operations,
    parent: Callable[[], QWidget | None],
) -> Reauthenticator:
    """The coroutine Operations awaits on an expired session: True when signed in again."""

    async def reauthenticate(expired: errors.AuthenticationError) -> bool:
        try:
            if await ops.call(connection.renew_silently):
                return True
        except errors.WorkfrontError as failure:  # e.g. the network is down: ask, the dialog will say
            log.info("silent renewal failed: %s", failure.message)
        if connection.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS:
            return False  # nobody to ask: the application's own secret was refused; the caller shows why
        outcome: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        dialog = ReauthDialog(connection, ops, expired.message or "it expired", parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        modality = Qt.WindowModality.WindowModal if dialog.parent() else Qt.WindowModality.ApplicationModal
        dialog.setWindowModality(modality)

        def finished(result: int) -> None:
            if not outcome.done():
                outcome.set_result(result == QDialog.DialogCode.Accepted)

        dialog.finished.connect(finished)
        dialog.open()
        reauthenticate.dialog = dialog  # type: ignore[attr-defined]  # tests and the app can reach it
        return await outcome

    return reauthenticate


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

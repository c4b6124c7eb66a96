"""When a session expires mid-work: the connection's "ask again" hook, answered by a window-modal dialog.

Core renews an expired session for the one request that was refused (:mod:`wfexplorer.core.renewal`).
When that needs the user (a password, an API key, a browser sign-in) it calls the connection's
``prompt`` on the worker thread whose request was refused. :class:`GuiPrompt` is that hook: it waits
on the worker while :class:`ReauthDialog` asks on the GUI thread, window-modal over the window the
user works in, so every unsaved edit stays where it is. A refused answer comes back as a new question
with the server's reason; Cancel declines, and nothing is sent again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from wfexplorer.ui import fit, resources

if TYPE_CHECKING:
    from wfexplorer.core.auth.credentials import ReauthRequest
    from wfexplorer.ui.asyncops import Operations

log = logging.getLogger(__name__)

#: A question nobody answers for this long is declined (so a worker never waits forever).
ANSWER_TIMEOUT_SECONDS = 30 * 60


class ReauthDialog(QDialog):
    """Asks for what an expired session needs: the password, an API key, or a browser sign-in."""

    def __init__(self, request: ReauthRequest, host: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reauthDialog")
        self.setWindowTitle("Session expired — wfexplorer")
        self.request = request
        self.needs_password = request.needs == "password"
        who = request.username or "you"
        if request.needs == "password":
            ask = f"Enter the password of <b>{_escape(who)}</b> to continue where you left off."
        elif request.needs == "api_key":
            ask = "Enter a valid API key to continue where you left off."
        else:
            ask = "Sign in again in your web browser to continue where you left off."
        self.intro = QLabel(f"Your session on {_escape(host)} has ended. {ask} Nothing you typed is lost.")
        self.intro.setToolTip(request.message)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.error = resources.message_label("error", "error")
        self.password = QLineEdit()
        self.password.setObjectName("reauthPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Sign in with the &browser" if request.needs == "browser" else "&Continue")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if request.needs in ("password", "api_key"):
            fields = QFormLayout()
            label = "&Password:" if request.needs == "password" else "&API key:"
            fields.addRow(label, self.password)
            self.password.setAccessibleName(label.replace("&", "").rstrip(":"))
            layout.addLayout(fields)
        else:
            self.password.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        if request.error:
            said = request.error.strip()
            self.error.setText(said if said.lower().endswith("try again.") else f"{said} Try again.")
            self.error.show()
            fit.grow_to_fit(self)
        self.password.setFocus()

    @property
    def answer(self) -> str | None:
        """What the user gave (``None`` when they cancelled)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return self.password.text() if self.request.needs in ("password", "api_key") else "browser"

    def _submit(self) -> None:
        if self.request.needs in ("password", "api_key") and not self.password.text():
            self.error.setText("Enter your password." if self.needs_password else "Enter an API key.")
            self.error.show()
            return
        self.accept()


class GuiPrompt:
    """The connection's prompt hook for a main window: blocking on the worker, a dialog on the GUI thread.

    ``parent()`` gives the window to put the dialog over (None once it is gone: the question is
    declined). :meth:`close` declines what is being asked (sign-out, closing the window).
    """

    def __init__(self, ops: Operations, host: str, parent: Callable[[], QWidget | None]) -> None:
        self.ops = ops
        self.host = host
        self.parent = parent
        self.dialog: ReauthDialog | None = None
        self.asked: list[ReauthRequest] = []
        self._closed = False

    def __call__(self, request: ReauthRequest) -> str | None:
        """Ask the user (called on a worker thread; waits for the answer)."""
        if self._closed:
            return None
        return self.ops.ask_on_gui(lambda: self._ask(request), timeout=ANSWER_TIMEOUT_SECONDS)

    async def _ask(self, request: ReauthRequest) -> str | None:
        parent = self.parent()
        if self._closed or parent is None:
            return None
        self.asked.append(request)
        outcome: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        dialog = ReauthDialog(request, self.host, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def finished(_result: int) -> None:
            if not outcome.done():
                outcome.set_result(dialog.answer)

        def gone() -> None:
            if not outcome.done():
                outcome.set_result(None)

        dialog.finished.connect(finished)
        dialog.destroyed.connect(gone)
        self.dialog = dialog
        dialog.open()
        try:
            return await outcome
        finally:
            self.dialog = None

    def close(self) -> None:
        """Decline the open question, and every later one."""
        self._closed = True
        if self.dialog is not None:
            self.dialog.reject()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

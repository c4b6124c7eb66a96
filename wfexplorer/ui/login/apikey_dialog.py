"""A small dialog that fetches the user's API key with their username and password."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.ui import messages, resources
from wfexplorer.ui.busy import BusyIndicator
from wfexplorer.ui.login.backend import SignInBackend
from wfexplorer.ui.login.form import AuthMethod, LoginForm

if TYPE_CHECKING:
    import asyncio

    from wfexplorer.ui.asyncops import Operations


class GetApiKeyDialog(QDialog):
    """Asks Workfront for the user's API key; the password is used once and not kept.

    Signals:
        key_received(str): the API key, just before the dialog closes.
    """

    key_received = Signal(str)

    def __init__(self, backend: SignInBackend, ops: Operations, form: LoginForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("getApiKeyDialog")
        self.setWindowTitle("Get API key")
        self.backend = backend
        self.ops = ops
        self._form = form
        self._task: asyncio.Task[None] | None = None

        intro = QLabel("Workfront gives your API key to you after checking your username and password.")
        intro.setWordWrap(True)
        self.username = QLineEdit(form.username)
        self.username.setObjectName("apiKeyUsername")
        self.password = QLineEdit()
        self.password.setObjectName("apiKeyPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = resources.message_label("error", "error")
        self.progress = BusyIndicator(with_text=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Get key")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.fetch)
        self.buttons.rejected.connect(self.reject)

        fields = QFormLayout()
        fields.addRow("&Username:", self.username)
        fields.addRow("&Password:", self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        (self.password if form.username else self.username).setFocus()

    def fetch(self) -> None:
        """Request the key off the GUI thread."""
        if self._task is not None:
            return
        form = replace(self._form, username=self.username.text().strip(), password=self.password.text(),
                       method=AuthMethod.PASSWORD)
        missing = {k: v for k, v in form.missing().items() if k in ("username", "password")}
        if missing:
            self._show(next(iter(missing.values())))
            return
        self._show(None)
        self._task = self.ops.run(
            lambda: self.backend.get_api_key(form),
            on_success=self._received,
            on_error=lambda error: self._failed(error, form),
            busy=self._set_busy,
            reauthenticate=False,
        )

    def _received(self, api_key: str) -> None:
        self.key_received.emit(api_key)
        self.accept()

    def _failed(self, error: errors.WorkfrontError, form: LoginForm) -> None:
        self._show(messages.explain_sign_in_error(error, form).text)

    def _show(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.progress.setVisible(busy)  # a BusyIndicator without text
        if not busy:
            self._task = None
            self.ok_button.setDefault(True)
            if self.error.isVisible():
                self.password.setFocus()
                self.password.selectAll()

    def reject(self) -> None:
        """Esc / Cancel: stop the request if one runs, else close."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            return
        super().reject()

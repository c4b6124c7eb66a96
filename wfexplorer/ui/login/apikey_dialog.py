"""A small dialog that fetches the user's API key with their username and password."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from wfexplorer.core import errors
from wfexplorer.ui import messages
from wfexplorer.ui.login.backend import SignInBackend
from wfexplorer.ui.login.form import AuthMethod, LoginForm
from wfexplorer.ui.login.password_prompt import PasswordPrompt

if TYPE_CHECKING:
    from wfexplorer.ui.asyncops import Operations


class GetApiKeyDialog(PasswordPrompt):
    """Asks Workfront for the user's API key; the password is used once and not kept.

    Signals:
        key_received(str): the API key, just before the dialog closes.
    """

    key_received = Signal(str)

    def __init__(self, backend: SignInBackend, ops: Operations, form: LoginForm, parent: QWidget | None = None) -> None:
        super().__init__(ops, "&Get key", parent)
        self.setObjectName("getApiKeyDialog")
        self.setWindowTitle("Get API key")
        self.backend = backend
        self._form = form

        intro = QLabel("Workfront gives your API key to you after checking your username and password.")
        intro.setWordWrap(True)
        self.username = QLineEdit(form.username)
        self.username.setObjectName("apiKeyUsername")
        self.password.setObjectName("apiKeyPassword")
        self.buttons.accepted.connect(self.fetch)

        fields = QFormLayout()
        fields.addRow("&Username:", self.username)
        fields.addRow("&Password:", self.password)
        self._lay_out(intro, fields)
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
        self._attempt(lambda: self.backend.get_api_key(form), on_success=self._received,
                      on_error=lambda error: self._failed(error, form), name="get-api-key")

    def _received(self, api_key: str) -> None:
        self.key_received.emit(api_key)
        self.accept()

    def _failed(self, error: errors.WorkfrontError, form: LoginForm) -> None:
        self._show(messages.explain_sign_in_error(error, form).text)

    def _inputs(self) -> list[QWidget]:
        return [self.username, self.password]

    def _after_attempt(self) -> None:
        if self.error.isVisible():
            super()._after_attempt()

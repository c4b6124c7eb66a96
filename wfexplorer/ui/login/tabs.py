"""The three ways to sign in, one tab widget each: password, API key, OAuth 2.0."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.ui import resources
from wfexplorer.ui.login.form import AuthMethod, LoginForm


def _secret_field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setClearButtonEnabled(False)
    return edit


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    resources.set_role(label, "note")
    return label


class PasswordTab(QWidget):
    """Username and password (classic ``/login``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText("name@example.com")
        self.password = _secret_field("password")
        layout = QFormLayout(self)
        layout.addRow("&Username:", self.username)
        layout.addRow("&Password:", self.password)

    def fill(self, form: LoginForm) -> None:
        self.username.setText(form.username)
        self.password.setText(form.password)

    def read(self, form: LoginForm) -> None:
        form.username = self.username.text().strip()
        form.password = self.password.text()


class ApiKeyTab(QWidget):
    """An API key, with a button that fetches one with username and password.

    Signals:
        get_key_requested(): the user asked to fetch the API key.
    """

    get_key_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api_key = _secret_field("api_key")
        self.get_key = QPushButton("&Get API key…")
        self.get_key.setObjectName("getApiKey")
        self.get_key.setAutoDefault(False)
        self.get_key.clicked.connect(self.get_key_requested)
        row = QHBoxLayout()
        row.addWidget(self.api_key, 1)
        row.addWidget(self.get_key)
        label = QLabel("API &key:")
        label.setBuddy(self.api_key)
        layout = QFormLayout(self)
        layout.addRow(label, row)
        layout.addRow(_note("An API key signs in without a password. Get API key… asks Workfront for yours "
                            "with your username and password."))

    def fill(self, form: LoginForm) -> None:
        self.api_key.setText(form.api_key)

    def read(self, form: LoginForm) -> None:
        form.api_key = self.api_key.text().strip()


class _ChoiceButton(QRadioButton):
    """A radio button of an exclusive group that passes keyboard focus on to the group's checked option.

    Standard radio-group behaviour: Tab (either way) enters the group on the checked option, and the
    tab order then goes on to that option's fields. Works without Qt's enums (loaded after the first paint).
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        checked = self.group().checkedButton() if self.group() is not None else None
        if checked is not None and checked is not self and checked.isVisible() and checked.isEnabled():
            checked.setFocus()


class OAuthTab(QWidget):
    """OAuth 2.0: sign in with the browser (authorization code + PKCE), or server-to-server client credentials."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = _ChoiceButton("Sign in with the &browser")
        self.browser.setObjectName("oauthBrowser")
        self.server = _ChoiceButton("Ser&ver-to-server (client credentials)")
        self.server.setObjectName("oauthClientCredentials")
        self.browser.setChecked(True)
        self.flows = QButtonGroup(self)
        self.flows.addButton(self.browser)
        self.flows.addButton(self.server)
        self.client_id = QLineEdit()
        self.client_id.setObjectName("client_id")
        self.client_secret = _secret_field("client_secret")
        self.token_service = QComboBox()
        self.token_service.setObjectName("token_service")
        self.token_service.addItem("Workfront OAuth 2.0 app", "workfront")
        self.token_service.addItem("Adobe IMS (Developer Console)", "ims")
        self.explanation = _note("")

        form = QFormLayout()
        form.addRow("Client &ID:", self.client_id)
        form.addRow("Client secre&t:", self.client_secret)
        form.addRow("Token &from:", self.token_service)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.server)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.browser.toggled.connect(self._update)
        self.flows.buttonToggled.connect(self._keep_focus_on_checked)
        self._update()

    @property
    def method(self) -> AuthMethod:
        """The chosen OAuth flow."""
        return AuthMethod.OAUTH_BROWSER if self.browser.isChecked() else AuthMethod.OAUTH_CLIENT_CREDENTIALS

    @staticmethod
    def _keep_focus_on_checked(button: QRadioButton, checked: bool) -> None:
        """Arrow keys check the next option after focusing it: the focus follows the check."""
        if not checked and button.hasFocus():
            group = button.group()
            checked_button = group.checkedButton() if group is not None else None
            if checked_button is not None:
                checked_button.setFocus()

    def _update(self) -> None:
        browser = self.browser.isChecked()
        self._form.setRowVisible(self.client_secret, not browser)
        self._form.setRowVisible(self.token_service, not browser)
        self.explanation.setText(
            "Your web browser opens Workfront's sign-in page; come back here when it says you can close it."
            if browser
            else "For scripts and service accounts: the application signs in as itself with its secret."
        )

    def fill(self, form: LoginForm) -> None:
        self.client_id.setText(form.client_id)
        self.client_secret.setText(form.client_secret)
        self.token_service.setCurrentIndex(max(0, self.token_service.findData(form.token_service)))
        if form.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS:
            self.server.setChecked(True)
        elif form.method is AuthMethod.OAUTH_BROWSER:
            self.browser.setChecked(True)

    def read(self, form: LoginForm) -> None:
        form.client_id = self.client_id.text().strip()
        form.client_secret = self.client_secret.text() if not self.browser.isChecked() else ""
        form.token_service = self.token_service.currentData() or "workfront"

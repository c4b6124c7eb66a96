"""A panel that says who is signed in, to which host, with which API versions and how."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from wfexplorer.ui import resources
from wfexplorer.ui.login.backend import Connection
from wfexplorer.ui.login.form import AuthMethod

METHOD_LABELS = {
    AuthMethod.PASSWORD: "Password",
    AuthMethod.API_KEY: "API key",
    AuthMethod.OAUTH_BROWSER: "OAuth 2.0 (browser sign-in)",
    AuthMethod.OAUTH_CLIENT_CREDENTIALS: "OAuth 2.0 (client credentials)",
}


def describe_connection(connection: Connection) -> str:
    """One line for a status bar or a window title: ``Ada Lovelace on acme.my.workfront.com``."""
    return f"{connection.user_name or connection.username} on {connection.host}"


class ConnectionView(QWidget):
    """Read-only facts about the current connection (the explorer will sit next to it)."""

    def __init__(self, connection: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionView")
        title = QLabel(f"Signed in as {connection.user_name or connection.username}")
        title.setTextFormat(Qt.TextFormat.PlainText)
        resources.set_role(title, "title")
        title.setObjectName("signedInAs")
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, label, value in (
            ("profile", "Profile:", connection.profile_name),
            ("username", "Username:", connection.username),
            ("host", "Host:", connection.host),
            ("classic_version", "Classic API:", connection.classic_version),
            ("planning_version", "Planning API:", connection.planning_version),
            ("method", "Signed in with:", METHOD_LABELS.get(connection.method, str(connection.method))),
        ):
            shown = QLabel(value or "—")
            shown.setObjectName(key)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = shown
            facts.addRow(label, shown)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setLayout(facts)
        box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 80)
        note = QLabel("The object explorer will appear here.")
        resources.set_role(note, "note")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(box)
        layout.addWidget(note)
        layout.addStretch(1)


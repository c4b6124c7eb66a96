"""The browser sign-in's link, shown while the dialog waits, with a Copy button.

A browser that never came up, or one that closed at once, would otherwise leave the dialog waiting
with nothing to do but Cancel: the link lets the user open the sign-in page in any browser by hand.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from wfexplorer.ui import resources

OPENED = "Sign in in the browser window that opened. If none came up, or it closed, open this link in a browser:"
NOT_OPENED = "No web browser could be started. Open this link in a web browser to sign in:"
COPIED = "Copied the link. Paste it into a web browser's address bar to sign in."


class SignInLink(QWidget):
    """What the user reads (``note``), the link (``field``, read-only and selectable) and ``copy``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInLinkPanel")
        self.note = QLabel()
        self.note.setObjectName("signInLinkNote")
        self.note.setWordWrap(True)
        resources.set_role(self.note, "note")
        self.field = QLineEdit()
        self.field.setObjectName("signInLink")
        self.field.setReadOnly(True)
        self.field.setAccessibleName("Sign-in link")
        self.note.setBuddy(self.field)
        self.copy = QPushButton("Cop&y link")
        self.copy.setObjectName("copySignInLink")
        self.copy.setAccessibleName("Copy the sign-in link")
        self.copy.setAutoDefault(False)
        self.copy.clicked.connect(self.copy_link)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.hide()

    def show_link(self, url: str, opened: bool) -> None:
        """Show ``url``, saying whether a browser was started for it."""
        self.note.setText(OPENED if opened else NOT_OPENED)
        self.note.setAccessibleDescription(self.note.text())
        self.field.setText(url)
        self.field.setCursorPosition(0)
        self.show()

    def copy_link(self) -> None:
        """Put the link on the clipboard."""
        QGuiApplication.clipboard().setText(self.field.text())
        self.note.setText(COPIED)

    def clear(self) -> None:
        """Hide the panel (the sign-in ended or was cancelled)."""
        self.hide()
        self.field.clear()

"""The main window of one connection: docks and actions only (the explorer issue fills it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

import wfexplorer
from wfexplorer.core import errors
from wfexplorer.ui import resources
from wfexplorer.ui.busy import BusyIndicator
from wfexplorer.ui.connection_view import ConnectionView, describe_connection
from wfexplorer.ui.login.backend import Connection

if TYPE_CHECKING:
    from wfexplorer.ui.asyncops import Operations


class MainWindow(QMainWindow):
    """Shows the connection and offers Sign out / Quit.

    Signals:
        signed_out(): the user signed out; the application shows the sign-in dialog again.
    """

    signed_out = Signal()

    def __init__(self, connection: Connection, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.connection = connection
        self.ops = ops
        self._signing_out = False
        self.setWindowTitle(f"{describe_connection(connection)} — wfexplorer")
        self.setWindowIcon(resources.app_icon())
        self.setCentralWidget(ConnectionView(connection))

        self.sign_out_action = QAction("Sign &out", self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.setStatusTip("End this session and return to the sign-in dialog")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction("&About wfexplorer", self)
        self.about_action.triggered.connect(self.about)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

        self.busy = BusyIndicator(with_text=False)
        self.busy.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.who = QLabel(
            f"{describe_connection(connection)} · classic {connection.classic_version} · "
            f"Planning {connection.planning_version}"
        )
        self.who.setObjectName("statusConnection")
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.who)
        ops.busy_changed.connect(self.busy.setVisible)
        em = self.fontMetrics().averageCharWidth()
        self.resize(em * 120, self.fontMetrics().lineSpacing() * 36)

    @property
    def signing_out(self) -> bool:
        """True once the user chose Sign out (closing then does not quit the application)."""
        return self._signing_out

    def sign_out(self) -> None:
        """End the session on the server, then hand back to the sign-in dialog."""
        if self._signing_out:
            return
        self._signing_out = True
        self.sign_out_action.setEnabled(False)
        self.statusBar().showMessage("Signing out…")
        self.ops.run(
            self.connection.sign_out,
            on_success=lambda _result: self._signed_out(None),
            on_error=self._signed_out,
        )

    def _signed_out(self, error: errors.WorkfrontError | None) -> None:
        # A failed server-side sign-out (network down, session already gone) still ends it here.
        self.signed_out.emit()
        self.close()

    def about(self) -> None:
        """Version and a one-line description."""
        QMessageBox.about(
            self,
            "About wfexplorer",
            f"<b>wfexplorer {wfexplorer.__version__}</b><br>A desktop explorer for Adobe Workfront.",
        )

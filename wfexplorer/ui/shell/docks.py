"""The main window's bottom docks: the connection's request log and the console, tabbed together.

    docks = ConnectionDocks(window, connection, ops, config_dir)   # adds both docks to the window
    docks.show_console(request)                                    # a log row opened in the console
    docks.close()                                                  # the window closes: stop listening

The log listens to the connection's request events from the moment the window exists, so the
requests that load the first rows of the tree are in it too. The console is built when first shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from wfexplorer.core.connection import Connection
from wfexplorer.core.console import ConsoleHistory, ConsoleRequest
from wfexplorer.core.requestlog import RequestLog
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.requests.console import ConsoleWidget
from wfexplorer.ui.requests.log_widget import RequestLogDock, RequestLogWidget


class ConnectionDocks:
    """Builds and owns the request log and console docks of one window."""

    def __init__(self, window: QMainWindow, connection: Connection, ops: Operations,
                 config_dir: Path | None) -> None:
        self.log = RequestLog()
        self._detach = self.log.attach(connection.subscribe)
        self.log_widget = RequestLogWidget(self.log, ops, session=connection.session, planning=connection.planning)
        self.log_dock = RequestLogDock(self.log_widget, window)
        self._connection, self._ops, self._config_dir = connection, ops, config_dir
        self._console: ConsoleWidget | None = None
        self.console_dock = QDockWidget("Console", window)
        self.console_dock.setObjectName("consoleDock")
        self.console_dock.setAccessibleName("Console")
        self.console_dock.visibilityChanged.connect(lambda visible: self.console if visible else None)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_dock)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.console_dock)
        window.tabifyDockWidget(self.log_dock, self.console_dock)
        self.console_dock.hide()  # until asked for (Ctrl+3, "Open in console"): the log keeps a low dock
        self.log_dock.raise_()
        self.log_widget.open_in_console.connect(self.show_console)
        self.log_action = self.log_dock.toggleViewAction()
        self.log_action.setShortcut(QKeySequence("Ctrl+2"))
        self.log_action.setObjectName("requestLogAction")
        self.console_action = self.console_dock.toggleViewAction()
        self.console_action.setShortcut(QKeySequence("Ctrl+3"))
        self.console_action.setObjectName("consoleAction")

    @property
    def console(self) -> ConsoleWidget:
        """The console, built the first time it is wanted (most windows never show it)."""
        if self._console is None:
            connection = self._connection
            history = (ConsoleHistory(self._config_dir, connection.profile.name)
                       if self._config_dir is not None else None)
            self._console = ConsoleWidget(self._ops, connection.session, planning=connection.planning,
                                          history=history, read_only=connection.read_only)
            self.console_dock.setWidget(self._console)
        return self._console

    def show_console(self, request: ConsoleRequest | None = None) -> None:
        """Bring the console forward, with ``request`` in it to change and resend."""
        if request is not None:
            self.console.load(request)
        self.console_dock.show()
        self.console_dock.raise_()
        self.console.setFocus()

    def close(self) -> None:
        """Stop feeding the log (the window is closing)."""
        self._detach()

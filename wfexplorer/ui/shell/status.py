"""The status bar of a main window: connection, user, API versions, work in flight, the last error."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from wfexplorer.core import errors
from wfexplorer.core.connection import Connection
from wfexplorer.ui import messages
from wfexplorer.ui.busy import BusyIndicator


class StatusBar(QStatusBar):
    """Permanent fields on the right; transient messages on the left."""

    def __init__(self, connection: Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setAccessibleName("Status bar")
        self.busy = BusyIndicator(with_text=False)
        self.busy.setMaximumWidth(self.fontMetrics().averageCharWidth() * 10)
        self.in_flight = QLabel()
        self.in_flight.setObjectName("statusInFlight")
        self.last_error = QLabel()
        self.last_error.setObjectName("statusLastError")
        self.last_error.setAccessibleName("Last error")
        self.last_error.hide()
        planning = f"Planning {connection.planning_version}" if connection.planning else "Planning: not available"
        self.connection = QLabel(f"{connection.host} · {connection.user_name or connection.username} · "
                                 f"classic {connection.classic_version} · {planning}"
                                 + (" · read-only" if connection.read_only else ""))
        self.connection.setObjectName("statusConnection")
        self.connection.setAccessibleName("Connection")
        self.connection.setAccessibleDescription(self.connection.text())  # what a screen reader reads after the name
        if connection.planning_unavailable:
            self.connection.setToolTip(connection.planning_unavailable)
        self.addPermanentWidget(self.last_error, 1)
        self.addPermanentWidget(self.in_flight)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.connection)
        self.set_in_flight(0)

    def set_in_flight(self, count: int) -> None:
        """How many operations (each one request or a few) are under way."""
        self.busy.setVisible(count > 0)
        self.in_flight.setText(f"{count} in flight" if count else "")
        self.in_flight.setAccessibleName(f"{count} requests in flight" if count else "Nothing in flight")

    def show_error(self, error: errors.WorkfrontError) -> None:
        """Remember the last error where the user can see it (a lost network, a refused request)."""
        text = messages.explain(error)
        self.last_error.setText(f"Last error: {error.message}")
        self.last_error.setToolTip(text)
        self.last_error.show()

    def clear_error(self) -> None:
        """The connection works again."""
        self.last_error.hide()
        self.last_error.clear()

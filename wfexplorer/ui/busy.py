"""A busy indicator: what is going on, and a thin bar that moves while it does."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from wfexplorer.ui import resources


class BusyIndicator(QWidget):
    """Hidden until :meth:`start`; the label is left out when ``with_text`` is False."""

    def __init__(self, with_text: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("status")
        resources.set_role(self.label, "note")
        if not with_text:
            self.label.hide()  # (showing a widget with no parent yet would open it as a window of its own)
        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setRange(0, 0)  # indeterminate: it moves without promising a duration
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2 + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.hide()

    def start(self, text: str = "") -> None:
        """Show the indicator, saying ``text``."""
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        """Hide the indicator."""
        self.hide()
        self.label.clear()

"""The Raw JSON tab: what the server returned, formatted, with find (Enter for the next match).

The window's Ctrl+F comes to the find box when the focus is in the view (one Ctrl+F, routed by focus).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget


class RawJsonView(QWidget):
    """Read-only, monospaced, searchable JSON."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setObjectName("rawJson")
        self.text.setAccessibleName("Raw JSON")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.find_box = QLineEdit()
        self.find_box.setObjectName("rawJsonFind")
        self.find_box.setPlaceholderText("Find in the JSON (Enter: next match)")
        self.find_box.setAccessibleName("Find in the JSON")
        self.find_box.setClearButtonEnabled(True)
        self.matches = QLabel()
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.textChanged.connect(self._restart)
        bar = QHBoxLayout()
        bar.addWidget(self.find_box, 1)
        bar.addWidget(self.matches)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)

    def show_data(self, data: Any) -> None:
        """Show ``data`` as indented JSON (keys in the server's order)."""
        self.text.setPlainText(json.dumps(data, indent=2, ensure_ascii=False, default=str))

    def focus_find(self) -> None:
        """Put the focus in the find box (the window's Ctrl+F does, when the focus is in this view)."""
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Select the next match of the find text (wrapping around); False when there is none."""
        needle = self.find_box.text()
        if not needle:
            return False
        if self.text.find(needle):
            self._count()
            return True
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.text.setTextCursor(cursor)
        found = self.text.find(needle)
        self.matches.setText("" if found else "No match")
        if found:
            self._count()
        return found

    def _restart(self) -> None:
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.text.setTextCursor(cursor)
        if self.find_box.text():
            self.find_next()
        else:
            self.matches.clear()

    def _count(self) -> None:
        total = self.text.toPlainText().casefold().count(self.find_box.text().casefold())
        self.matches.setText(f"{total} match{'es' if total != 1 else ''}")


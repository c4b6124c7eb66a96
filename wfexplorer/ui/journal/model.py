"""The Qt table model over journal entries, newest first: time, kind, object, changes, result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from wfexplorer.core.journal import JournalEntry
from wfexplorer.core.journal.store import Row, entry_of

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Time", "Kind", "Object", "Changes", "Result")


def _time(entry: JournalEntry) -> str:
    return dt.datetime.fromtimestamp(entry.time).strftime("%Y-%m-%d %H:%M:%S")


class JournalModel(QAbstractTableModel):
    """Journal entries as rows (newest first); :meth:`add` puts a new one on top.

    It holds the journal's stored rows and makes an entry of a row only when that row is shown or asked for,
    so a journal of ten thousand writes opens as fast as it is read.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[JournalEntry | Row] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and \
                0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self.entry(index.row())
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == 0:
                return _time(entry)
            if column == 1:
                return entry.title or entry.kind.value
            if column == 2:
                return entry.target
            if column == 3:
                return entry.summary() or "—"
            if column == 4:
                return entry.result if entry.ok else f"Failed: {entry.result}"
        return None

    def entry(self, row: int) -> JournalEntry:
        """The entry shown in ``row``."""
        held = self._entries[row]
        if not isinstance(held, JournalEntry):
            held = self._entries[row] = entry_of(held)
        return held

    def reset(self, entries: list[JournalEntry] | list[Row]) -> None:
        """Show ``entries`` (or stored rows, newest first) instead of what was shown."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def add(self, entry: JournalEntry) -> None:
        """Put a new entry on top (ignored when it is shown already)."""
        if any(self.entry(row).id == entry.id for row in range(min(50, len(self._entries)))):
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._entries.insert(0, entry)
        self.endInsertRows()

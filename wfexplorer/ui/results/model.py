"""The item model of a results page: rows of typed values under typed columns, under their groups when grouped.

Ungrouped, the rows are the top level. Grouped, each group is a top-level row ("Status: Active — 12 records")
with its rows below it; a row the server put in no group, or in several, is listed under each group that names
it, and rows no group names are gathered under "Other". Cells show ``wfexplorer.core.results.display`` text;
option cells carry their colour as a swatch; numbers align right. ``KEY_ROLE`` gives a row's key (a record id),
``SORT_KEY_ROLE`` on a header the key the server sorts by.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from wfexplorer.core.results import ResultGroup, ResultPage, ResultRow, display, option_colours
from wfexplorer.ui.filters import icons

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
NO_PARENT = 0xFFFFFFFF
Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractItemModel):
    """A read-only view of one ``ResultPage`` (``set_page`` replaces it)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.page = ResultPage((), ())
        self._groups: list[tuple[ResultGroup, list[ResultRow]]] = []
        self._sorted: dict[str, str] = {}

    def set_page(self, page: ResultPage) -> None:
        """Show ``page``."""
        self.beginResetModel()
        self.page = page
        self._groups = []
        if page.groups:
            by_key = {row.key: row for row in page.rows}
            placed: set[Any] = set()
            for group in page.groups:
                rows = [by_key[key] for key in group.row_keys if key in by_key]
                placed.update(row.key for row in rows)
                if rows:
                    self._groups.append((group, rows))
            rest = [row for row in page.rows if row.key not in placed]
            if rest:
                self._groups.append((ResultGroup("Other", len(rest), tuple(r.key for r in rest)), rest))
        self.endResetModel()

    def set_sorted(self, directions: dict[str, str]) -> None:
        """Mark the columns the search sorts by (column key → ``asc``/``desc``) in their headers."""
        self._sorted = dict(directions)
        if self.page.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.page.columns) - 1)

    @property
    def grouped(self) -> bool:
        """True when rows sit under group rows."""
        return bool(self._groups)

    def row_at(self, index: Index) -> ResultRow | None:
        """The result row an index shows (None for a group row)."""
        if not index.isValid():
            return None
        if not self._groups:
            return self.page.rows[index.row()] if 0 <= index.row() < len(self.page.rows) else None
        group = index.internalId()
        if group == NO_PARENT:
            return None
        rows = self._groups[group][1]
        return rows[index.row()] if 0 <= index.row() < len(rows) else None

    # -- structure ---------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < self.columnCount():
            return QModelIndex()
        if not parent.isValid():
            count = len(self._groups) if self._groups else len(self.page.rows)
            return self.createIndex(row, column, NO_PARENT) if row < count else QModelIndex()
        if not self._groups or parent.internalId() != NO_PARENT or parent.column() != 0:
            return QModelIndex()
        if parent.row() >= len(self._groups) or row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or not self._groups or index.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups) if self._groups else len(self.page.rows)
        if self._groups and parent.internalId() == NO_PARENT and parent.column() == 0 \
                and parent.row() < len(self._groups):
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.page.columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    # -- data --------------------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.page.columns):
            return None
        column = self.page.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            direction = self._sorted.get(column.key)
            return column.title + {"asc": " ↑", "desc": " ↓"}.get(direction or "", "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{column.title} ({column.kind.value}) · click to sort by it" if column.sort_key
                    else f"{column.title} ({column.kind.value}) · cannot be sorted")
        if role == SORT_KEY_ROLE:
            return column.sort_key
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        if row is None:  # a group row
            if not 0 <= index.row() < len(self._groups):
                return None
            group, rows = self._groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.column() == 0:
                shown = f" ({len(rows)} on this page)" if len(rows) != group.count else ""
                return f"{group.label} — {group.count} record{'' if group.count == 1 else 's'}{shown}"
            return None
        column = self.page.columns[index.column()]
        value = row.values.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return display(value, column, self.page.names)
        if role == Qt.ItemDataRole.DecorationRole:
            colours = option_colours(value, column)
            return icons.swatch(colours[0]) if colours else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind.is_numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = display(value, column, self.page.names)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.title}: {display(value, column, self.page.names) or 'empty'}"
        if role == KEY_ROLE:
            return row.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

"""The Qt model over the core request log: a translator of the log's announcements, nothing more.

The log announces ``Appended`` / ``Dropped`` / ``Updated`` / ``Cleared`` from whichever thread fed it, while
holding its lock. :class:`RequestLogModel` only queues each announcement (a deque append) and asks its own
thread to apply the queue soon; applying turns each change into ``beginInsertRows``/``beginRemoveRows``/
``dataChanged``/``beginResetModel`` on the model's own copy of the rows (immutable entries, shared with the
log), so the view never reads the log while a worker thread changes it. Consecutive appends become one
insertion, and the queue is applied at most every ``FLUSH_MS`` milliseconds, so thousands of requests cost
the GUI thread a few insertions per second. :class:`RequestLogFilter` applies core's :class:`LogFilter`.
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from wfexplorer.core.requestlog import Appended, Cleared, Dropped, LogChange, LogEntry, LogFilter, RequestLog, Updated

#: Longest wait between a request and its row (coalescing window).
FLUSH_MS = 40
AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """The table's columns."""

    TIME = 0
    METHOD = 1
    URL = 2
    STATUS = 3
    MILLISECONDS = 4
    BYTES = 5
    ATTEMPTS = 6


HEADERS = {Column.TIME: "Time", Column.METHOD: "Method", Column.URL: "URL", Column.STATUS: "Status",
           Column.MILLISECONDS: "ms", Column.BYTES: "Bytes", Column.ATTEMPTS: "Attempts"}
HEADER_TIPS = {Column.MILLISECONDS: "Milliseconds, all attempts together", Column.BYTES: "Bytes of the answer",
               Column.ATTEMPTS: "How many times the request was sent (retries)"}
#: The role that gives a row's :class:`LogEntry`.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_ERROR_BRUSH = QBrush(QColor("#b3261e"))
_NUMERIC = {Column.STATUS, Column.MILLISECONDS, Column.BYTES, Column.ATTEMPTS}


def status_text(entry: LogEntry) -> str:
    """``200``, or ``failed`` when no answer came."""
    return str(entry.status) if entry.status is not None else "failed"


def time_text(entry: LogEntry) -> str:
    """The local time the request started, to the millisecond."""
    return dt.datetime.fromtimestamp(entry.started_at).strftime("%H:%M:%S.%f")[:-3]


class RequestLogModel(QAbstractTableModel):
    """The rows of a :class:`RequestLog`, kept in step with it on the model's thread.

    Signals:
        rows_applied(): queued changes were applied (tests and views that follow the newest row).
    """

    rows_applied = Signal()
    _pending_changed = Signal()

    def __init__(self, log: RequestLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self._pending: collections.deque[LogChange] = collections.deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.apply_pending)
        self._pending_changed.connect(self._schedule, Qt.ConnectionType.QueuedConnection)
        self._rows, self._unsubscribe = log.subscribe_with_snapshot(self._queue)

    def close(self) -> None:
        """Stop following the log."""
        self._unsubscribe()
        self._timer.stop()

    # -- feeding (any thread) --------------------------------------------------------------------

    def _queue(self, change: LogChange) -> None:
        first = not self._pending
        self._pending.append(change)
        if first:
            self._pending_changed.emit()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def apply_pending(self) -> None:
        """Apply every queued change now (normally a timer does it)."""
        if not self._pending:
            return
        while self._pending:
            change = self._pending.popleft()
            if isinstance(change, Appended):
                entries = list(change.entries)
                while self._pending and isinstance(self._pending[0], Appended):
                    entries.extend(self._pending.popleft().entries)  # type: ignore[union-attr]
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
                self._rows.extend(entries)
                self.endInsertRows()
            elif isinstance(change, Dropped):
                count = min(change.count, len(self._rows))
                if count:
                    self.beginRemoveRows(QModelIndex(), 0, count - 1)
                    del self._rows[:count]
                    self.endRemoveRows()
            elif isinstance(change, Updated):
                if 0 <= change.index < len(self._rows):
                    self._rows[change.index] = change.entry
                    self.dataChanged.emit(self.index(change.index, 0),
                                          self.index(change.index, len(Column) - 1))
            elif isinstance(change, Cleared):
                self.beginResetModel()
                self._rows.clear()
                self.endResetModel()
        self.rows_applied.emit()

    # -- the model -------------------------------------------------------------------------------

    def entry(self, row: int) -> LogEntry:
        """The entry shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.STATUS and entry.error:
                return entry.error
            if column == Column.URL:
                return entry.url
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS and entry.status_class in (
                "4xx", "5xx", "failed"):
            return _ERROR_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(entry: LogEntry, column: Column) -> str:
        if column == Column.TIME:
            return time_text(entry)
        if column == Column.METHOD:
            return entry.method
        if column == Column.URL:
            return entry.url
        if column == Column.STATUS:
            return status_text(entry)
        if column == Column.MILLISECONDS:
            return f"{entry.duration_ms:.0f}"
        if column == Column.BYTES:
            return f"{entry.bytes_received:,}"
        return str(entry.attempt_count)


class RequestLogFilter(QSortFilterProxyModel):
    """Shows the rows core's :class:`LogFilter` lets through (no sorting: the log's order is time)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = LogFilter()

    @property
    def log_filter(self) -> LogFilter:
        """The filter in force."""
        return self._filter

    def set_log_filter(self, log_filter: LogFilter) -> None:
        """Filter by ``log_filter``."""
        if log_filter == self._filter:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter() is deprecated there
            self.beginFilterChange()
            self._filter = log_filter
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._filter = log_filter
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._filter.is_empty:
            return True
        model = self.sourceModel()
        assert isinstance(model, RequestLogModel)
        return self._filter.matches(model.entry(source_row))

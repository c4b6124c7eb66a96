"""The Qt model over the core request log: a translator of the log's announcements, and core's filter.

The log announces ``Appended`` / ``Dropped`` / ``Updated`` / ``Cleared`` from whichever thread fed it, while
holding its lock. :class:`RequestLogModel` only queues each announcement (a deque append) and asks its own
thread to apply the queue soon; applying turns each change into row insertions, removals and data changes of
its own rows (the model never reads the log while a worker thread changes it). Consecutive appends become one
insertion, and the queue is applied at most every ``FLUSH_MS`` milliseconds. The rows are those core's
:class:`LogFilter` lets through (:meth:`RequestLogModel.set_log_filter`).

Painting is what costs while requests stream in: each call from Qt into Python must first take the
interpreter lock from the worker threads, so the model answers a cell in two calls (``index``, and
``multiData`` for every role at once) instead of the nine of Qt's default path (or twenty through a proxy:
hence the filter here rather than in a QSortFilterProxyModel), and its cell texts are made once per entry.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from wfexplorer.core.requestlog import Appended, Cleared, Dropped, LogChange, LogEntry, LogFilter, RequestLog, Updated

#: Longest wait between a request and its row (coalescing window).
FLUSH_MS = 100


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
COLUMNS = len(Column)
_NUMERIC = frozenset({Column.STATUS, Column.MILLISECONDS, Column.BYTES, Column.ATTEMPTS})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ERROR_BRUSH = QBrush(QColor("#b3261e"))
_ERROR_CLASSES = frozenset({"4xx", "5xx", "failed"})
_DISPLAY, _ACCESSIBLE = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP, _FOREGROUND = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
AnyIndex = QModelIndex | QPersistentModelIndex


def status_text(entry: LogEntry) -> str:
    """``200``, or ``failed`` when no answer came."""
    return str(entry.status) if entry.status is not None else "failed"


def time_text(entry: LogEntry) -> str:
    """The local time the request started, to the millisecond."""
    return dt.datetime.fromtimestamp(entry.started_at).strftime("%H:%M:%S.%f")[:-3]


def cell_texts(entry: LogEntry) -> tuple[str, ...]:
    """The texts of a row, column by column."""
    return (time_text(entry), entry.method, entry.url, status_text(entry), f"{entry.duration_ms:.0f}",
            f"{entry.bytes_received:,}", str(entry.attempt_count))


class RequestLogModel(QAbstractTableModel):
    """The rows of a :class:`RequestLog` that pass a :class:`LogFilter`, kept in step with it on this thread.

    Signals:
        rows_applied(): queued changes were applied (tests and views that follow the newest row).
    """

    rows_applied = Signal()
    _pending_changed = Signal()

    def __init__(self, log: RequestLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self._filter = LogFilter()
        self._pending: collections.deque[LogChange] = collections.deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.apply_pending)
        self._pending_changed.connect(self._schedule, Qt.ConnectionType.QueuedConnection)
        entries, self._unsubscribe = log.subscribe_with_snapshot(self._queue)
        #: Every entry of the log as of the last applied change, oldest first.
        self._all: collections.deque[LogEntry] = collections.deque()
        #: The entries shown, row by row (ordered by ``sequence``), their sequences (for bisecting) and texts.
        self._rows: list[LogEntry] = []
        self._sequences: list[int] = []
        self._texts: list[tuple[str, ...]] = []
        self._append(entries)

    def close(self) -> None:
        """Stop following the log."""
        self._unsubscribe()
        self._timer.stop()

    @property
    def total(self) -> int:
        """How many entries the log held at the last applied change (shown or not)."""
        return len(self._all)

    def entry(self, row: int) -> LogEntry:
        """The entry shown in ``row``."""
        return self._rows[row]

    def row_of(self, entry: LogEntry) -> int | None:
        """The row showing ``entry``'s call (any version of it), if shown."""
        row = bisect.bisect_left(self._sequences, entry.sequence)
        return row if row < len(self._sequences) and self._sequences[row] == entry.sequence else None

    # -- filtering -------------------------------------------------------------------------------

    @property
    def log_filter(self) -> LogFilter:
        """The filter in force."""
        return self._filter

    def set_log_filter(self, log_filter: LogFilter) -> None:
        """Show only the entries ``log_filter`` lets through."""
        if log_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = log_filter
        self._rows = [entry for entry in self._all if self._passes(entry)]
        self._sequences = [entry.sequence for entry in self._rows]
        self._texts = [cell_texts(entry) for entry in self._rows]
        self.endResetModel()

    def _passes(self, entry: LogEntry) -> bool:
        return self._filter.is_empty or self._filter.matches(entry)

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
                self._append(entries)
            elif isinstance(change, Dropped):
                self._drop(change.count)
            elif isinstance(change, Updated):
                self._update(change.index, change.entry)
            elif isinstance(change, Cleared):
                self.beginResetModel()
                self._all.clear()
                self._rows.clear()
                self._sequences.clear()
                self._texts.clear()
                self.endResetModel()
        self.rows_applied.emit()

    # -- applying --------------------------------------------------------------------------------

    def _append(self, entries: list[LogEntry]) -> None:
        self._all.extend(entries)
        shown = [entry for entry in entries if self._passes(entry)]
        if not shown:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
        self._rows.extend(shown)
        self._sequences.extend(entry.sequence for entry in shown)
        self._texts.extend(cell_texts(entry) for entry in shown)
        self.endInsertRows()

    def _drop(self, count: int) -> None:
        count = min(count, len(self._all))
        for _ in range(count):
            self._all.popleft()
        rows = bisect.bisect_left(self._sequences, self._all[0].sequence) if self._all else len(self._rows)
        self._remove_rows(0, rows)

    def _update(self, index: int, entry: LogEntry) -> None:
        if not 0 <= index < len(self._all):
            return
        self._all[index] = entry
        row = bisect.bisect_left(self._sequences, entry.sequence)
        present = row < len(self._sequences) and self._sequences[row] == entry.sequence
        passes = self._passes(entry)
        if present and passes:
            self._rows[row] = entry
            self._texts[row] = cell_texts(entry)
            self.dataChanged.emit(self.createIndex(row, 0), self.createIndex(row, COLUMNS - 1))
        elif present:
            self._remove_rows(row, 1)
        elif passes:
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, entry)
            self._sequences.insert(row, entry.sequence)
            self._texts.insert(row, cell_texts(entry))
            self.endInsertRows()

    def _remove_rows(self, first: int, count: int) -> None:
        if count <= 0:
            return
        self.beginRemoveRows(QModelIndex(), first, first + count - 1)
        del self._rows[first:first + count]
        del self._sequences[first:first + count]
        del self._texts[first:first + count]
        self.endRemoveRows()


    # -- the model -------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        return self._value(row, index.column(), int(role))

    def multiData(self, index: AnyIndex, role_data_span: QModelRoleDataSpan) -> None:  # type: ignore[override]
        """Every role a delegate asks for at once (one call per cell instead of one per role)."""
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return
        column = index.column()
        for role_data in role_data_span:  # type: ignore[attr-defined]  # iterable at run time
            value = self._value(row, column, role_data.role())
            if value is None:
                role_data.clearData()  # the span is reused from cell to cell: an unset role keeps the last value
            else:
                role_data.setData(value)

    def _value(self, row: int, column: int, role: int) -> Any:
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._texts[row][column]
        if role == _ALIGNMENT:
            return _RIGHT if column in _NUMERIC else None
        if role == _FOREGROUND:
            return _ERROR_BRUSH if column == Column.STATUS and self._rows[row].status_class in _ERROR_CLASSES \
                else None
        if role == _TOOLTIP:
            entry = self._rows[row]
            if column == Column.STATUS and entry.error:
                return entry.error
            return entry.url if column == Column.URL else None
        return None

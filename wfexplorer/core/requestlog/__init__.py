"""The request log: every HTTP request of a connection, grouped by call, filterable, exportable as HAR.

See :mod:`wfexplorer.core.requestlog.store` for the store and its change announcements,
:mod:`~wfexplorer.core.requestlog.har` for the HAR 1.2 export.
"""

from wfexplorer.core.requestlog.entry import STATUS_CLASSES, LogEntry, status_class
from wfexplorer.core.requestlog.filters import LogFilter
from wfexplorer.core.requestlog.store import (
    Appended,
    ChangeListener,
    Cleared,
    Dropped,
    LogChange,
    RequestLog,
    Updated,
    entries_of,
)

__all__ = [
    "STATUS_CLASSES", "Appended", "ChangeListener", "Cleared", "Dropped", "LogChange", "LogEntry", "LogFilter",
    "RequestLog", "Updated", "entries_of", "status_class",
]

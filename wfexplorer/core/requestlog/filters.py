"""Which request-log entries to show: text, methods and status classes (an empty criterion lets all through)."""

from __future__ import annotations

from dataclasses import dataclass

from wfexplorer.core.requestlog.entry import LogEntry


@dataclass(frozen=True)
class LogFilter:
    """Entries whose search text holds every word of ``text``, with one of ``methods`` and ``status_classes``.

    ``methods`` are HTTP methods (``GET``…) and ``status_classes`` values of
    :data:`~wfexplorer.core.requestlog.entry.STATUS_CLASSES`; empty sets do not filter.
    """

    text: str = ""
    methods: frozenset[str] = frozenset()
    status_classes: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        """Whether every entry passes."""
        return not self.text.strip() and not self.methods and not self.status_classes

    def matches(self, entry: LogEntry) -> bool:
        """Whether ``entry`` passes the filter."""
        if self.methods and entry.method.upper() not in {method.upper() for method in self.methods}:
            return False
        if self.status_classes and entry.status_class not in self.status_classes:
            return False
        words = self.text.lower().split()
        return all(word in entry.search_text for word in words)

"""The request log: a thread-safe store of the latest requests, fed by transport events, announcing its changes.

    log = RequestLog()
    stop = session.subscribe(log.add)                   # and planning.connection.transport, a Connection…
    stop_watching = log.subscribe(print)                # Appended / Dropped / Updated / Cleared, in order
    failures = log.entries(LogFilter(status_classes=frozenset({"4xx", "5xx"})))

One :class:`LogEntry` per call (``RequestEvent.call_id``); a retry replaces the call's entry with one more
attempt (:class:`Updated`). The log keeps the latest ``capacity`` entries (5,000) and drops the oldest from
the front (:class:`Dropped`); response bodies of the oldest entries are let go of first when all bodies together
pass ``body_budget`` characters (the entry stays, its body flagged ``body_released``). ``pause()`` stops
recording new calls (retries of calls already shown still update them); ``clear()`` empties it.

Announcements work like napari's evented containers, without Qt: each change says what happened at which
index of the log as it was just before, so a view that applies them in order holds the same rows. Listeners
are called synchronously, in order, from the thread that changed the log (a worker thread for events), while
the log's lock is held: they must be quick (a Qt model queues the change for its own thread) and must not
call back into the log.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wfexplorer.core.requestlog.entry import LogEntry
from wfexplorer.core.requestlog.filters import LogFilter
from wfexplorer.core.transport import RequestEvent

log = logging.getLogger(__name__)

DEFAULT_CAPACITY = 5000
#: Characters of response bodies the log keeps in all (about as many bytes for the usual ASCII JSON).
DEFAULT_BODY_BUDGET = 16 * 1024 * 1024


@dataclass(frozen=True)
class Appended:
    """``entries`` were added at the end, the first of them at index ``first``."""

    first: int
    entries: tuple[LogEntry, ...]


@dataclass(frozen=True)
class Dropped:
    """The ``count`` oldest entries (indexes 0 … count-1) were removed."""

    count: int


@dataclass(frozen=True)
class Updated:
    """The entry at ``index`` was replaced by ``entry`` (another attempt, or its body let go of)."""

    index: int
    entry: LogEntry


@dataclass(frozen=True)
class Cleared:
    """Every entry was removed."""


LogChange = Appended | Dropped | Updated | Cleared
ChangeListener = Callable[[LogChange], None]


class RequestLog:
    """The latest requests of one or more transports; safe to feed from any thread."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, body_budget: int = DEFAULT_BODY_BUDGET) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.body_budget = body_budget
        self._lock = threading.RLock()
        self._entries: deque[LogEntry] = deque()
        self._by_call: dict[int, LogEntry] = {}
        self._next_sequence = 0
        self._body_chars = 0
        #: Sequence of the oldest entry that may still hold a body (older ones have let go of theirs).
        self._bodies_from = 0
        self._paused = False
        self._listeners: list[ChangeListener] = []
        #: Calls not recorded because the log was paused.
        self.missed_while_paused = 0

    # -- feeding ---------------------------------------------------------------------------------

    def add(self, event: RequestEvent) -> None:
        """Record one attempt (a transport listener): a new entry, or one more attempt of a known call."""
        with self._lock:
            known = self._by_call.get(event.call_id) if event.call_id else None
            if known is not None:
                self._replace(known, dataclasses.replace(known, attempts=(*known.attempts, event)))
            elif self._paused:
                self.missed_while_paused += 1
                return
            else:
                self._append(event)
            self._keep_within_budget()

    def attach(self, subscribe: Callable[[Callable[[RequestEvent], None]], Callable[[], None]]) -> Callable[[], None]:
        """Feed the log from a source's ``subscribe`` (``session.subscribe``, ``transport.subscribe``…)."""
        return subscribe(self.add)

    # -- control ---------------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        """Whether new calls are being ignored."""
        return self._paused

    def pause(self) -> None:
        """Stop recording new calls."""
        self._paused = True

    def resume(self) -> None:
        """Record new calls again."""
        self._paused = False

    def clear(self) -> None:
        """Remove every entry."""
        with self._lock:
            if not self._entries:
                return
            self._entries.clear()
            self._by_call.clear()
            self._body_chars = 0
            self._announce(Cleared())

    # -- reading ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, where: LogFilter | None = None) -> list[LogEntry]:
        """A snapshot of the entries, oldest first, optionally only those ``where`` lets through."""
        with self._lock:
            snapshot = list(self._entries)
        return snapshot if where is None or where.is_empty else [entry for entry in snapshot if where.matches(entry)]

    def entry(self, call_id: int) -> LogEntry | None:
        """The entry of a call, if the log still holds it."""
        return self._by_call.get(call_id)

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener`` with every change (see the module docstring); return an unsubscribe function."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def subscribe_with_snapshot(self, listener: ChangeListener) -> tuple[list[LogEntry], Callable[[], None]]:
        """Atomically take the current entries and subscribe, so no change falls between the two."""
        with self._lock:
            return list(self._entries), self.subscribe(listener)

    # -- internals -------------------------------------------------------------------------------

    def _append(self, event: RequestEvent) -> None:
        if len(self._entries) >= self.capacity:
            overflow = len(self._entries) - self.capacity + 1
            for _ in range(overflow):
                self._forget(self._entries.popleft())
            self._announce(Dropped(overflow))
        entry = LogEntry(event.call_id, (event,), self._next_sequence)
        self._next_sequence += 1
        self._entries.append(entry)
        if event.call_id:
            self._by_call[event.call_id] = entry
        self._body_chars += _body_chars(entry)
        self._announce(Appended(len(self._entries) - 1, (entry,)))

    def _forget(self, entry: LogEntry) -> None:
        self._by_call.pop(entry.call_id, None)
        self._body_chars -= _body_chars(entry)

    def _index(self, entry: LogEntry) -> int:
        return entry.sequence - self._entries[0].sequence

    def _replace(self, old: LogEntry, new: LogEntry) -> None:
        index = self._index(old)
        self._entries[index] = new
        self._by_call[new.call_id] = new
        added = _body_chars(new)
        self._body_chars += added - _body_chars(old)
        if added and new.sequence < self._bodies_from:
            self._bodies_from = new.sequence
        self._announce(Updated(index, new))

    def _keep_within_budget(self) -> None:
        """Let go of the oldest bodies until all bodies fit the budget (the newest entry always keeps its own)."""
        if self._body_chars <= self.body_budget or not self._entries:
            return
        first = self._entries[0].sequence
        index = max(0, self._bodies_from - first)
        while self._body_chars > self.body_budget and index < len(self._entries) - 1:
            entry = self._entries[index]
            if _body_chars(entry):
                bare = tuple(_without_body(attempt) for attempt in entry.attempts)
                self._replace(entry, dataclasses.replace(entry, attempts=bare))
            index += 1
            self._bodies_from = first + index

    def _announce(self, change: LogChange) -> None:
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:  # a broken view must never break the requests that feed the log
                log.exception("request log listener failed")


def _body_chars(entry: LogEntry) -> int:
    return sum(len(attempt.response.text or "") for attempt in entry.attempts if attempt.response is not None)


def _without_body(event: RequestEvent) -> RequestEvent:
    if event.response is None or event.response.text is None:
        return event
    return dataclasses.replace(event, response=dataclasses.replace(event.response, text=None, body_released=True))


def entries_of(changes: Iterable[LogChange], start: Iterable[LogEntry] = ()) -> list[LogEntry]:
    """Apply ``changes`` in order to the rows ``start`` (what a view does); for tests and scripts."""
    rows = list(start)
    for change in changes:
        if isinstance(change, Appended):
            rows.extend(change.entries)
        elif isinstance(change, Dropped):
            del rows[: change.count]
        elif isinstance(change, Updated):
            rows[change.index] = change.entry
        else:
            rows.clear()
    return rows

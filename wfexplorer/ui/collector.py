"""Python's garbage collector, kept out of the user's way: full collections wait for a quiet moment.

A full collection scans every object the collector tracks. With 25,000 Planning records in the tree
that pauses the GUI thread for 30 to 40 ms, and Python starts one on its own whenever enough new objects
have survived, which is exactly while a large node pages in. Once the first main window is up,
:meth:`Collector.start`:

- freezes the objects alive then (modules, classes, the Qt wrappers of the first window): they live as
  long as the process, and no collection needs to scan them again;
- leaves the young generations to Python (they are cheap and free most garbage);
- runs the full collection itself, when no operation has been running for :data:`QUIET_SECONDS`, or at
  once when it is overdue by far (:data:`OVERDUE`), so cyclic garbage never piles up without bound;
- and never sooner after the last one than :data:`PACE` times as long as that one took. A full
  collection costs in proportion to everything alive, so a larger heap is collected less often, as
  Python's own rule (a quarter more survivors) would.

Every :class:`~wfexplorer.ui.asyncops.Operations` reports to :data:`COLLECTOR`, and so does the navigator
when it scrolls, so "quiet" means no window loads, saves or searches anything and the tree stands still.
"""

from __future__ import annotations

import gc
import time
import weakref
from typing import Protocol

from PySide6.QtCore import QTimer

#: Young-generation collections between two full ones: CPython's own default.
FULL_AFTER = 10
#: A full collection that many young ones late runs even while operations run.
OVERDUE = 100
#: How long no operation must have run before a full collection may start.
QUIET_SECONDS = 1.0
#: How often the collector looks whether a full collection is due.
CHECK_MS = 250
#: A full collection waits at least this many times as long as the last one took (2 % of the time at most).
PACE = 50
#: The oldest generation's threshold while we run full collections ourselves: never reached.
_NEVER = 2**31 - 1


class Busy(Protocol):
    """What the collector reads of an operations helper."""

    @property
    def running(self) -> int: ...


class Collector:
    """Decides when the full garbage collections run (one per process: :data:`COLLECTOR`)."""

    def __init__(self, quiet_seconds: float = QUIET_SECONDS, check_ms: int = CHECK_MS, pace: float = PACE) -> None:
        self.quiet_seconds = quiet_seconds
        self.check_ms = check_ms
        self.pace = pace
        self._next_allowed = 0.0  # monotonic time before which no full collection runs
        self._watched: weakref.WeakSet[Busy] = weakref.WeakSet()
        self._last_busy = time.monotonic()
        self._timer: QTimer | None = None
        self._thresholds: tuple[int, int, int] | None = None
        self.full_collections = 0  # run by us since start()

    @property
    def started(self) -> bool:
        """Whether this collector runs the full collections (not Python)."""
        return self._timer is not None

    def watch(self, ops: Busy) -> None:
        """Count ``ops``'s operations as activity (it is forgotten when it goes)."""
        self._watched.add(ops)

    def busy(self) -> bool:
        """Whether an operation of a watched helper runs now."""
        return any(ops.running for ops in self._watched)

    def quiet_for(self) -> float:
        """Seconds since the last activity it heard of."""
        return time.monotonic() - self._last_busy

    def note_busy(self) -> None:
        """Something started or ended just now: the quiet moment starts again."""
        self._last_busy = time.monotonic()

    def start(self) -> None:
        """Freeze what lives now, and run full collections from now on at quiet moments (idempotent)."""
        if self.started:
            return
        gc.freeze()
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, _NEVER)
        self._timer = QTimer()
        self._timer.setInterval(self.check_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def stop(self) -> None:
        """Give every object and the full collections back to Python."""
        if self._timer is None:
            return
        self._timer.stop()
        self._timer = None
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
        gc.unfreeze()

    def collect_if_due(self) -> bool:
        """Run a full collection if one is due and the moment is quiet (or it is long overdue)."""
        late = gc.get_count()[2]
        if late < FULL_AFTER:
            return False
        if self.busy():
            self.note_busy()
        now = time.monotonic()
        if now < self._next_allowed:
            return False
        quiet = self.quiet_for() >= self.quiet_seconds
        if not quiet and late < OVERDUE:
            return False
        gc.collect()
        took = time.monotonic() - now
        self._next_allowed = now + took * (1 + self.pace)
        self.full_collections += 1
        return True


#: The process's collector: every Operations reports to it; the application starts it.
COLLECTOR = Collector()

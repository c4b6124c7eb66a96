"""Work split into parts that run one per turn of the event loop, so no single turn holds the GUI thread.

    turns = Turns(self)              # owned by a widget: its parts die with it
    turns.add(lambda: build_rows(0, 25))
    turns.add(lambda: build_rows(25, 50))
    turns.clear()                    # a newer answer came: the parts still waiting are dropped

Parts run in the order added, each after a real (1 ms) timer rather than a queued call: queued calls
all run in one pass of the event loop, timers let the loop paint and serve other timers in between.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Turns(QObject):
    """A queue of GUI parts, one run per turn of the event loop."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts: deque[Callable[[], object]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._run_next)

    @property
    def pending(self) -> int:
        """How many parts are still waiting."""
        return len(self._parts)

    def add(self, part: Callable[[], object]) -> None:
        """Run ``part`` on a later turn, after the parts already waiting."""
        self._parts.append(part)
        if not self._timer.isActive():
            self._timer.start()

    def clear(self) -> None:
        """Drop every part still waiting."""
        self._parts.clear()
        self._timer.stop()

    def _run_next(self) -> None:
        if not self._parts:
            return
        part = self._parts.popleft()
        if self._parts:
            self._timer.start()
        part()

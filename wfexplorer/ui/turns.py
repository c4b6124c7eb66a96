"""Work split into parts that run one per turn of the event loop, so no single turn holds the GUI thread.

    turns = Turns(self)              # owned by a widget: its parts die with it
    turns.add(lambda: build_rows(0, 25))
    turns.add(lambda: build_rows(25, 50))
    turns.clear()                    # a newer answer came: the parts still waiting are dropped

Every Turns feeds one queue for the GUI thread, so two tabs building at once still run one part a turn
between them, in the order added. A part runs after a real (1 ms) timer rather than a queued call
(queued calls all run in one pass of the event loop), and that timer is armed only once the code that
added the part, or the part before it, has returned: the timers that fell due meanwhile (a heartbeat,
an animation) and the paint come first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer

Part = Callable[[], object]


class _Queue:
    """The GUI thread's one queue of parts, whichever Turns added them."""

    def __init__(self) -> None:
        self.parts: deque[tuple[Turns, Part]] = deque()
        self._timer: QTimer | None = None
        self._arming = False

    def push(self, owner: Turns, part: Part) -> None:
        self.parts.append((owner, part))
        if self._timer is not None and self._timer.isActive():
            self._timer.stop()  # armed before the code adding this part began: it would fire right after it
        self._arm_soon()

    def drop(self, owner: Turns) -> None:
        self.parts = deque(entry for entry in self.parts if entry[0] is not owner)

    def count(self, owner: Turns) -> int:
        return sum(1 for entry_owner, _ in self.parts if entry_owner is owner)

    def _arm_soon(self) -> None:
        """Arm the timer on the next pass of the loop, after whatever runs now has returned."""
        if self._arming:
            return
        self._arming = True
        QTimer.singleShot(0, self._arm)

    def _arm(self) -> None:
        self._arming = False
        if not self.parts:
            return
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.setInterval(1)
            self._timer.timeout.connect(self._run_next)
        if not self._timer.isActive():
            self._timer.start()

    def _run_next(self) -> None:
        while self.parts:
            owner, part = self.parts.popleft()
            if shiboken6.isValid(owner):  # its widget may be gone, and the part with it
                try:
                    part()
                finally:
                    self._arm_soon()
                return


_QUEUE = _Queue()


class Turns(QObject):
    """One owner's parts in the GUI thread's queue: one part runs per turn of the event loop."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.destroyed.connect(lambda: _QUEUE.drop(self))

    @property
    def pending(self) -> int:
        """How many of this owner's parts are still waiting."""
        return _QUEUE.count(self)

    def add(self, part: Part) -> None:
        """Run ``part`` on a later turn, after the parts already waiting."""
        _QUEUE.push(self, part)

    def clear(self) -> None:
        """Drop every part of this owner still waiting."""
        _QUEUE.drop(self)

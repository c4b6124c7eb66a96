"""The live match count: how many records the filter matches, asked a moment after editing stops.

``schedule()`` (re)starts a short timer; when it fires, the count is asked off the GUI thread with a one-record
page. A newer count cancels the older one and an answer that arrives late is dropped, so the label only ever
shows the count of the filter on screen. While the filter has problems nothing is asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from wfexplorer.core import errors
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.messages import explain

#: Builds the count call for the filter on screen, or returns why there is none (a message).
CountFactory = Callable[[], Callable[[], int | None] | str]
DELAY_MS = 500


class MatchCounter(QObject):
    """Counts matches on behalf of the builder.

    Signals:
        counting(): a count was asked.
        counted(object, str): the count (int, or None when the server gave none) and the words to show.
    """

    counting = Signal()
    counted = Signal(object, str)

    def __init__(self, ops: Operations, factory: CountFactory, delay_ms: int = DELAY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.factory = factory
        self.generation = 0
        self.asked = 0
        self._task: asyncio.Task[None] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.count_now)

    def schedule(self) -> None:
        """Count again once editing pauses."""
        self.timer.start()

    def count_now(self) -> None:
        """Count at once (cancelling a count on its way)."""
        self.timer.stop()
        self.generation += 1
        generation = self.generation
        if self._task is not None and not self._task.done():
            self._task.cancel()
        call = self.factory()
        if isinstance(call, str):
            self.counted.emit(None, call)
            return
        self.asked += 1
        self.counting.emit()
        self._task = self.ops.run(call, on_success=lambda total: self._answer(generation, total),
                                  on_error=lambda error: self._failed(generation, error))

    def _answer(self, generation: int, total: int | None) -> None:
        if generation != self.generation:
            return
        if total is None:
            self.counted.emit(None, "matches: unknown")
        else:
            self.counted.emit(total, f"{total:,} match{'' if total == 1 else 'es'}")

    def _failed(self, generation: int, error: errors.WorkfrontError) -> None:
        if generation == self.generation:
            self.counted.emit(None, f"Not counted: {explain(error)}")

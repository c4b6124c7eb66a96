"""The one way the GUI runs a core call: off the GUI thread, with busy state, routed results and errors.

    task = ops.run(
        lambda: session.search("PROJ", name="Apollo"),
        on_success=self.show_projects,
        on_error=self.error_label.show_error,    # expected errors (WorkfrontError) in the user's terms
        busy=self.set_busy,                        # busy(True) now, busy(False) in ``finally``
    )

Blocking calls run in a bounded thread pool (Workfront allows about ten concurrent API requests per
customer, so the pool stays below that). Expected errors (:class:`~wfexplorer.core.errors.WorkfrontError`)
go to ``on_error``; anything else is a bug and goes to the crash handler (the crash dialog), and then to
``on_error`` as an :class:`~wfexplorer.core.errors.UnexpectedError`, so the widget that waited says so in
place instead of waiting for ever. Every task is kept referenced until it finishes, and ``run`` returns it
so the caller can cancel it. The ``failed`` and ``succeeded`` signals tell the window (its status bar)
how each operation ended.

An operation is never retried here: an expired session is renewed inside core, for the one request
that was refused (the connection's prompt hook asks the user through :meth:`Operations.ask_on_gui`).
Each main window has its own Operations, so each connection has its own pool.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from wfexplorer.core import errors
from wfexplorer.ui.collector import COLLECTOR

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Threads for blocking core calls; stays below Workfront's ~10 concurrent requests per customer.
MAX_WORKERS = 6

CrashHandler = Callable[[BaseException], None]


class Operations(QObject):
    """Runs blocking core calls in a bounded executor on behalf of widgets.

    Signals:
        busy_changed(bool): True when the first operation starts, False when the last one ends.
        running_changed(int): how many operations run, each time one starts or ends.
        failed(WorkfrontError): an operation ended with an error (an unexpected one as UnexpectedError).
        succeeded(): an operation ended with its result.
    """

    busy_changed = Signal(bool)
    running_changed = Signal(int)
    failed = Signal(object)
    succeeded = Signal()

    def __init__(
        self,
        *,
        max_workers: int = MAX_WORKERS,
        crash_handler: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not 0 < max_workers < 10:
            raise ValueError("max_workers must be between 1 and 9")
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers, thread_name_prefix="wfx-io")
        self._tasks: set[asyncio.Task[Any]] = set()
        self.crash_handler = crash_handler
        #: The GUI thread's event loop (the qasync loop set as current before this is made).
        self._loop: asyncio.AbstractEventLoop = asyncio.get_event_loop_policy().get_event_loop()
        COLLECTOR.watch(self)  # full garbage collections wait until no operation runs
        self.busy_changed.connect(COLLECTOR.note_busy)

    # -- public API ----------------------------------------------------------------------------

    @property
    def running(self) -> int:
        """How many operations have not finished yet."""
        return len(self._tasks)

    async def call(self, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` in the executor and return its result (raises what it raises).

        The GUI thread's loop is the one captured at creation: a task may be stepped by Qt's own event
        processing (a modal dialog's or a test's), where asyncio sees no running loop.
        """
        return await self._loop.run_in_executor(self._executor, function, *args)

    def run(
        self,
        function: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[errors.WorkfrontError], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        busy: Callable[[bool], None] | None = None,
        name: str | None = None,
    ) -> asyncio.Task[None]:
        """Start ``function`` off the GUI thread and return the task that awaits it.

        ``on_success`` gets the result and ``on_error`` the expected errors; both run on the GUI
        thread. Without ``on_error``, expected errors go to the crash handler too, since nobody
        would see them otherwise. ``busy(False)`` runs however the operation ends (also after a crash).
        """
        if busy is not None:
            busy(True)  # at once, so the caller's widgets never look idle while the call is queued
        finished = [False]
        coroutine = self._operate(function, on_success, on_error, on_cancel, busy, finished)
        task = asyncio.ensure_future(coroutine)
        if name:
            task.set_name(name)
        self._tasks.add(task)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        self.running_changed.emit(len(self._tasks))

        def done(task: asyncio.Task[None]) -> None:
            if not finished[0]:  # cancelled before it even started: still leave the busy state
                if on_cancel is not None:
                    on_cancel()
                self._end_busy(busy)
            self._forget(task)

        task.add_done_callback(done)
        return task

    async def wait_idle(self) -> None:
        """Wait until every running operation has finished (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def cancel_all(self) -> None:
        """Cancel every running operation (their blocking calls finish in the background and are ignored)."""
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self) -> None:
        """Cancel what runs and stop the executor without waiting for calls in flight."""
        self.cancel_all()
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- internals -----------------------------------------------------------------------------

    def _forget(self, task: asyncio.Task[Any]) -> None:
        if task not in self._tasks:
            return
        self._tasks.discard(task)
        if not shiboken6.isValid(self):  # the window (our parent) may be gone already
            return
        self.running_changed.emit(len(self._tasks))
        if not self._tasks:
            self.busy_changed.emit(False)

    async def _operate(
        self,
        function: Callable[[], T],
        on_success: Callable[[T], None] | None,
        on_error: Callable[[errors.WorkfrontError], None] | None,
        on_cancel: Callable[[], None] | None,
        busy: Callable[[bool], None] | None,
        finished: list[bool],
    ) -> None:
        try:
            try:
                result = await self.call(function)
            except asyncio.CancelledError:
                if on_cancel is not None:
                    on_cancel()
                return
            except errors.WorkfrontError as error:
                self.failed.emit(error)
                if on_error is not None:
                    on_error(error)
                else:
                    self._crash(error)
                return
            except Exception as error:  # an unexpected failure is a bug: show it, never swallow it
                self._crash(error)
                unexpected = errors.UnexpectedError(error)
                self.failed.emit(unexpected)
                if on_error is not None:
                    on_error(unexpected)
                return
            self.succeeded.emit()
            if on_success is not None:
                try:
                    on_success(result)
                except Exception as error:
                    self._crash(error)
        finally:
            finished[0] = True
            self._end_busy(busy)

    @staticmethod
    def _end_busy(busy: Callable[[bool], None] | None) -> None:
        if busy is None:
            return
        try:
            busy(False)
        except RuntimeError:  # the widget was deleted while the call ran
            log.debug("busy callback target is gone")

    def ask_on_gui(self, ask: Callable[[], Awaitable[T]], *, timeout: float | None = None) -> T:
        """From a worker thread: run the coroutine ``ask()`` on the GUI thread's loop and wait for its answer.

        This is how core's blocking hooks (the connection's prompt) reach a dialog: the worker waits,
        the GUI keeps running. Calling it on the GUI thread itself would deadlock, so that raises.
        """
        loop = self._loop
        if loop.is_closed():
            raise RuntimeError("no GUI event loop to ask on")
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            raise RuntimeError("ask_on_gui() must be called from a worker thread, not the GUI thread")

        async def wrapped() -> T:
            return await ask()

        return asyncio.run_coroutine_threadsafe(wrapped(), loop).result(timeout)

    def _crash(self, error: BaseException) -> None:
        log.error("unexpected error in a background operation", exc_info=error)
        if self.crash_handler is not None:
            with contextlib.suppress(Exception):
                self.crash_handler(error)

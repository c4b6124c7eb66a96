"""The one way the GUI runs a core call: off the GUI thread, with busy state, routed results and errors.

    task = ops.run(
        lambda: session.search("PROJ", name="Apollo"),
        on_success=self.show_projects,
        on_error=self.error_label.show_error,    # expected errors (WorkfrontError) in the user's terms
        busy=self.set_busy,                        # busy(True) now, busy(False) in ``finally``
    )

Blocking calls run in a bounded thread pool (Workfront allows about ten concurrent API requests per
customer, so the pool stays below that). Expected errors (:class:`~wfexplorer.core.errors.WorkfrontError`)
go to ``on_error``; anything else is a bug and goes to the crash handler (the crash dialog). Every task is
kept referenced until it finishes, and ``run`` returns it so the caller can cancel it.

When a call fails with :class:`~wfexplorer.core.errors.AuthenticationError` and a re-authenticator is
installed (a signed-in connection whose session expired), the operation awaits it — it asks the user for
the password again — and, if that succeeds, retries the call once. The call is retried as a whole, so
give one operation one write (the classic session has already renewed silently what it could, such
as an OAuth token, before the error gets here).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from wfexplorer.core import errors

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Threads for blocking core calls; stays below Workfront's ~10 concurrent requests per customer.
MAX_WORKERS = 6

Reauthenticator = Callable[[errors.AuthenticationError], Awaitable[bool]]
CrashHandler = Callable[[BaseException], None]


class Operations(QObject):
    """Runs blocking core calls in a bounded executor on behalf of widgets.

    Signals:
        busy_changed(bool): True when the first operation starts, False when the last one ends.
    """

    busy_changed = Signal(bool)

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
        self.reauthenticator: Reauthenticator | None = None
        self._reauth_lock: asyncio.Lock | None = None
        self._reauth_generation = 0

    # -- public API ----------------------------------------------------------------------------

    @property
    def running(self) -> int:
        """How many operations have not finished yet."""
        return len(self._tasks)

    async def call(self, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` in the executor and return its result (raises what it raises)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, function, *args)

    def run(
        self,
        function: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[errors.WorkfrontError], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        busy: Callable[[bool], None] | None = None,
        reauthenticate: bool = True,
        name: str | None = None,
    ) -> asyncio.Task[None]:
        """Start ``function`` off the GUI thread and return the task that awaits it.

        ``on_success`` gets the result and ``on_error`` the expected errors; both run on the GUI
        thread. Without ``on_error``, expected errors go to the crash handler too, since nobody
        would see them otherwise. ``reauthenticate=False`` turns off asking for the password again
        (the sign-in itself must report a wrong password, not ask for it).
        """
        if busy is not None:
            busy(True)  # at once, so the caller's widgets never look idle while the call is queued
        finished = [False]
        coroutine = self._operate(function, on_success, on_error, on_cancel, busy, reauthenticate, finished)
        task = asyncio.ensure_future(coroutine)
        if name:
            task.set_name(name)
        self._tasks.add(task)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)

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
        self._tasks.discard(task)
        if not self._tasks:
            self.busy_changed.emit(False)

    async def _operate(
        self,
        function: Callable[[], T],
        on_success: Callable[[T], None] | None,
        on_error: Callable[[errors.WorkfrontError], None] | None,
        on_cancel: Callable[[], None] | None,
        busy: Callable[[bool], None] | None,
        reauthenticate: bool,
        finished: list[bool],
    ) -> None:
        try:
            try:
                result = await self._call_with_reauth(function, reauthenticate)
            except asyncio.CancelledError:
                if on_cancel is not None:
                    on_cancel()
                return
            except errors.WorkfrontError as error:
                if on_error is not None:
                    on_error(error)
                else:
                    self._crash(error)
                return
            except Exception as error:  # an unexpected failure is a bug: show it, never swallow it
                self._crash(error)
                return
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

    async def _call_with_reauth(self, function: Callable[[], T], reauthenticate: bool) -> T:
        generation = self._reauth_generation
        try:
            return await self.call(function)
        except errors.AuthenticationError as expired:
            if not reauthenticate or self.reauthenticator is None:
                raise
            if not await self._reauthenticate(expired, generation):
                raise
        return await self.call(function)

    async def _reauthenticate(self, expired: errors.AuthenticationError, generation: int) -> bool:
        """Ask once for new credentials even when several operations fail together.

        An operation that started before someone else's successful re-authentication just retries.
        """
        if self._reauth_lock is None:
            self._reauth_lock = asyncio.Lock()
        assert self.reauthenticator is not None
        async with self._reauth_lock:
            if self._reauth_generation != generation:
                return True
            renewed = await self.reauthenticator(expired)
            if renewed:
                self._reauth_generation += 1
            return renewed

    def _crash(self, error: BaseException) -> None:
        log.error("unexpected error in a background operation", exc_info=error)
        if self.crash_handler is not None:
            with contextlib.suppress(Exception):
                self.crash_handler(error)

"""Quit cleanly when the system asks: SIGTERM (log-out, ``kill``) and SIGINT (Ctrl+C in a terminal).

Python runs a signal handler only when the interpreter gets control, which a Qt event loop waiting in C++
may not give it for a long time. So the handler only writes the signal's number to a socket
(``signal.set_wakeup_fd``) that a QSocketNotifier watches; the notifier runs the quit on the GUI thread.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    """Calls ``quit`` on the GUI thread when SIGTERM or SIGINT arrives; ``close()`` puts things back."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None) -> None:  # noqa: A002
        super().__init__(parent)
        self._quit = quit
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, lambda *_: None) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if any(number in received for number in SIGNALS):
            self._quit()

    def close(self) -> None:
        """Stop listening and restore the handlers that were there before."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()

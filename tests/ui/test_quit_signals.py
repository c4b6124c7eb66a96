"""SIGTERM and SIGINT quit the application cleanly, on the GUI thread, while the Qt event loop waits."""

from __future__ import annotations

import os
import signal

import pytest

from wfexplorer.ui.quit_signals import QuitOnSignals


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_asks_the_application_to_quit(qtbot, number):
    asked = []
    before = signal.getsignal(number)
    watcher = QuitOnSignals(lambda: asked.append(True))
    try:
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: asked == [True], timeout=2000)
    finally:
        watcher.close()
    assert signal.getsignal(number) is before  # closing puts the old handler back


def test_after_close_nothing_is_listening(qtbot):
    watcher = QuitOnSignals(lambda: None)
    watcher.close()
    assert signal.set_wakeup_fd(-1) == -1

"""Operations: core calls run off the GUI thread; results, expected and unexpected errors each go their way."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from wfexplorer.core import errors
from wfexplorer.ui.asyncops import MAX_WORKERS, Operations


def test_result_reaches_on_success_and_the_call_ran_off_the_gui_thread(ops, run_until, crashes):
    results = []
    gui_thread = threading.current_thread()
    ops.run(lambda: threading.current_thread(), on_success=results.append)
    run_until(lambda: results)
    assert results[0] is not gui_thread
    assert results[0].name.startswith("wfx-io")
    assert crashes == []


def test_expected_error_goes_to_on_error_and_not_to_the_crash_dialog(ops, run_until, crashes):
    shown = []

    def fail():
        raise errors.NotFoundError("No such project")

    ops.run(fail, on_success=pytest.fail, on_error=shown.append)
    run_until(lambda: shown)
    assert isinstance(shown[0], errors.NotFoundError)
    assert crashes == []


def test_unexpected_error_goes_to_the_crash_handler_and_the_caller_hears_that_it_failed(ops, run_until, crashes):
    shown, ended = [], []

    def broken():
        raise KeyError("bug")

    ops.failed.connect(ended.append)
    ops.run(broken, on_success=pytest.fail, on_error=shown.append)
    run_until(lambda: crashes and shown)
    assert isinstance(crashes[0], KeyError)
    (error,) = shown
    assert isinstance(error, errors.UnexpectedError) and error.cause is crashes[0]
    assert error.message == "Something went wrong inside wfexplorer (KeyError: 'bug')"
    assert ended == [error], "the window's status bar hears of it too"


def test_the_window_hears_how_each_operation_ended(ops, run_until, crashes):
    ended = []
    ops.failed.connect(ended.append)
    ops.succeeded.connect(lambda: ended.append("succeeded"))

    def fail():
        raise errors.NetworkError("The connection failed or was dropped")

    ops.run(fail, on_error=lambda _error: None)
    run_until(lambda: ended)
    ops.run(lambda: 1)
    run_until(lambda: len(ended) == 2)
    assert isinstance(ended[0], errors.NetworkError) and ended[1] == "succeeded"
    assert crashes == []


def test_expected_error_without_on_error_is_not_swallowed(ops, run_until, crashes):
    def fail():
        raise errors.ServerError("boom")

    ops.run(fail)
    run_until(lambda: crashes)
    assert isinstance(crashes[0], errors.ServerError)


def test_busy_state_is_switched_off_even_when_the_call_fails(ops, run_until):
    states = []

    def fail():
        raise errors.NetworkError("Host not found: nowhere.invalid")

    ops.run(fail, on_error=lambda error: None, busy=states.append)
    assert states == [True]
    run_until(lambda: ops.running == 0)
    assert states == [True, False]


def test_cancel_stops_waiting_calls_on_cancel_and_never_delivers_the_result(ops, run_until):
    release = threading.Event()
    events = []
    task = ops.run(lambda: release.wait(5), on_success=events.append, on_cancel=lambda: events.append("cancelled"),
                   busy=lambda on: events.append(("busy", on)))
    run_until(lambda: ("busy", True) in events)
    task.cancel()
    run_until(lambda: ops.running == 0)
    release.set()
    assert events == [("busy", True), "cancelled", ("busy", False)]


def test_tasks_stay_referenced_until_they_finish_and_busy_signal_brackets_them(ops, run_until):
    overall = []
    ops.busy_changed.connect(overall.append)
    gate = threading.Event()
    first = ops.run(lambda: gate.wait(5))
    second = ops.run(lambda: gate.wait(5))
    assert ops.running == 2
    gate.set()
    run_until(lambda: first.done() and second.done() and ops.running == 0)
    assert overall == [True, False]


def test_executor_runs_at_most_max_workers_calls_at_once(ops, run_until):
    assert MAX_WORKERS < 10
    active = 0
    peak = 0
    lock = threading.Lock()

    def call():
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.05)
        with lock:
            active -= 1

    for _ in range(MAX_WORKERS * 3):
        ops.run(call)
    run_until(lambda: ops.running == 0)
    assert peak == MAX_WORKERS


def test_pool_size_of_ten_or_more_is_refused(qt_loop):
    with pytest.raises(ValueError):
        Operations(max_workers=10)


def test_an_expired_session_reaches_the_caller_and_the_call_is_never_run_again(ops, run_until, crashes):
    calls = []

    def call():
        calls.append(1)
        raise errors.AuthenticationError("Your session has expired")

    shown = []
    ops.run(call, on_success=pytest.fail, on_error=shown.append)
    run_until(lambda: shown)
    assert shown[0].message == "Your session has expired"
    assert calls == [1]  # renewal is core's, per request: an operation is never re-run as a whole
    assert crashes == []


def test_a_worker_thread_can_ask_the_gui_and_wait_for_the_answer(ops, run_until):
    asked_on = []

    async def ask():
        asked_on.append(threading.current_thread())
        await asyncio.sleep(0.01)
        return "typed by the user"

    results = []
    ops.run(lambda: ops.ask_on_gui(ask, timeout=5), on_success=results.append, on_error=pytest.fail)
    run_until(lambda: results)
    assert results == ["typed by the user"]
    assert asked_on == [threading.main_thread()]


def test_asking_the_gui_from_the_gui_thread_is_refused_instead_of_deadlocking(ops, qt_loop):
    async def ask():
        return "never"

    async def on_gui():
        with pytest.raises(RuntimeError, match="worker thread"):
            ops.ask_on_gui(ask)

    qt_loop.run_until_complete(on_gui())


def test_gui_thread_keeps_ticking_while_a_slow_call_runs(ops, run_until):
    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    done = []
    ops.run(lambda: time.sleep(0.5), on_success=done.append)
    run_until(lambda: done)
    heartbeat.stop()
    assert len(gaps) > 20
    assert max(gaps) <= 50


def test_an_operation_cancelled_before_it_started_still_leaves_the_busy_state(ops, run_until):
    states = []
    task = ops.run(lambda: "never delivered", on_success=pytest.fail, busy=states.append)
    task.cancel()
    run_until(lambda: ops.running == 0)
    assert states == [True, False]


def test_the_number_running_is_told_each_time_an_operation_starts_or_ends(ops, run_until, crashes):
    counts: list[int] = []
    ops.running_changed.connect(counts.append)
    release = threading.Event()
    ops.run(release.wait)
    ops.run(release.wait)
    assert counts == [1, 2]
    release.set()
    run_until(lambda: counts[-1] == 0)
    assert counts == [1, 2, 1, 0]

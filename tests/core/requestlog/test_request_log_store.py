"""The request log store: one entry per call, the latest 5,000 kept, filters, pause, clear, a body budget,
and announcements that let a view that applies them in order hold exactly the log's rows (even under threads)."""

from __future__ import annotations

import threading
from typing import Any

from wfexplorer.core.exchange import ReceivedResponse, SentRequest
from wfexplorer.core.requestlog import (
    Appended,
    Cleared,
    Dropped,
    LogChange,
    LogFilter,
    RequestLog,
    Updated,
    entries_of,
)
from wfexplorer.core.transport import RequestEvent


def event(call_id: int, *, attempt: int = 1, method: str = "GET", status: int | None = 200,
          url: str = "https://acme.my.workfront.com/attask/api/v21.0/proj/search", body: str = "{}",
          error_class: str | None = None, request_id: str | None = None) -> RequestEvent:
    response = None if status is None else ReceivedResponse(status=status, text=body, size=len(body),
                                                              error_class=error_class, server_request_id=request_id)
    return RequestEvent(method, url, status, 12.5, len(body), attempt, None if status else "refused", call_id,
                        1_700_000_000.0 + call_id, SentRequest(), response)


class Recorder:
    """A change listener that keeps every announcement."""

    def __init__(self, log: RequestLog) -> None:
        self.changes: list[LogChange] = []
        log.subscribe(self.changes.append)


def test_a_retry_updates_its_calls_entry_instead_of_adding_one() -> None:
    log = RequestLog()
    seen = Recorder(log)
    log.add(event(1, status=503))
    log.add(event(2))
    log.add(event(1, attempt=2))
    assert [entry.call_id for entry in log.entries()] == [1, 2]
    first = log.entries()[0]
    assert first.attempt_count == 2 and first.status == 200 and first.duration_ms == 25.0
    assert isinstance(seen.changes[-1], Updated) and seen.changes[-1].index == 0


def test_past_its_capacity_the_log_drops_the_oldest_entries_and_says_so() -> None:
    log = RequestLog(capacity=3)
    seen = Recorder(log)
    for call in range(1, 6):
        log.add(event(call))
    assert [entry.call_id for entry in log.entries()] == [3, 4, 5]
    assert sum(change.count for change in seen.changes if isinstance(change, Dropped)) == 2
    assert log.entry(1) is None and log.entry(5) is not None


def test_the_default_log_keeps_the_latest_5000_requests() -> None:
    log = RequestLog()
    for call in range(1, 5101):
        log.add(event(call))
    assert len(log) == 5000 and log.entries()[0].call_id == 101


def test_a_retry_of_a_dropped_call_is_not_recorded_as_a_new_entry_at_the_wrong_place() -> None:
    log = RequestLog(capacity=2)
    for call in (1, 2, 3):
        log.add(event(call))
    log.add(event(3, attempt=2))
    assert [(entry.call_id, entry.attempt_count) for entry in log.entries()] == [(2, 1), (3, 2)]


def test_text_method_and_status_filters_combine() -> None:
    log = RequestLog()
    log.add(event(1, url="https://h/attask/api/v21.0/task/search"))
    log.add(event(2, method="PUT", status=400, error_class="java.lang.IllegalArgumentException"))
    log.add(event(3, status=None))
    log.add(event(4, method="POST", status=500, request_id="req-77"))
    assert [e.call_id for e in log.entries(LogFilter(text="/TASK/"))] == [1]
    assert [e.call_id for e in log.entries(LogFilter(text="illegalargument"))] == [2]
    assert [e.call_id for e in log.entries(LogFilter(text="req-77"))] == [4]
    assert [e.call_id for e in log.entries(LogFilter(methods=frozenset({"put", "POST"})))] == [2, 4]
    assert [e.call_id for e in log.entries(LogFilter(status_classes=frozenset({"failed", "5xx"})))] == [3, 4]
    assert [e.call_id for e in log.entries(LogFilter(text="proj", status_classes=frozenset({"4xx"})))] == [2]
    assert LogFilter().is_empty and len(log.entries(LogFilter())) == 4


def test_a_paused_log_ignores_new_calls_but_keeps_retries_of_shown_ones_up_to_date() -> None:
    log = RequestLog()
    log.add(event(1, status=503))
    log.pause()
    log.add(event(2))
    log.add(event(1, attempt=2))
    log.resume()
    log.add(event(3))
    assert [(entry.call_id, entry.attempt_count) for entry in log.entries()] == [(1, 2), (3, 1)]
    assert log.missed_while_paused == 1


def test_clear_empties_the_log_and_announces_it_once() -> None:
    log = RequestLog()
    seen = Recorder(log)
    log.add(event(1))
    log.clear()
    log.clear()
    assert log.entries() == [] and [type(change) for change in seen.changes] == [Appended, Cleared]


def test_past_the_body_budget_the_oldest_bodies_are_let_go_of_and_the_entries_stay() -> None:
    log = RequestLog(body_budget=2500)
    for call in range(1, 6):
        log.add(event(call, body="x" * 1000))
    kept = [entry.response.text is not None for entry in log.entries() if entry.response]
    assert len(log) == 5 and kept == [False, False, False, True, True]
    assert all(entry.response.body_released for entry in log.entries()[:3] if entry.response)


def test_applying_the_announcements_in_order_gives_the_logs_rows_while_threads_feed_it() -> None:
    log = RequestLog(capacity=300, body_budget=50_000)
    log.add(event(1))
    changes: list[LogChange] = []
    start, _ = log.subscribe_with_snapshot(changes.append)  # called under the log's lock, so in order

    def feed(worker: int) -> None:
        for n in range(400):
            call = worker * 10_000 + n
            log.add(event(call, status=503, body="y" * 100))
            if n % 3 == 0:
                log.add(event(call, attempt=2, body="z" * 100))

    threads = [threading.Thread(target=feed, args=(worker,)) for worker in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = entries_of(changes, start)
    assert rows == log.entries() and len(rows) == 300
    assert any(isinstance(change, Dropped) for change in changes) and any(isinstance(c, Updated) for c in changes)


def test_a_listener_that_fails_breaks_neither_the_log_nor_other_listeners(caplog: Any) -> None:
    log = RequestLog()
    log.subscribe(lambda change: 1 / 0)
    seen = Recorder(log)
    log.add(event(1))
    assert len(log) == 1 and len(seen.changes) == 1 and "listener failed" in caplog.text

"""``Transport.request(retry_if=...)``: a client marks answers its status does not show as refusals.

The hook only classifies; the transport keeps every retry decision (idempotent requests only, the
same attempt budget and backoff as a 429). Driven against the simulator over loopback: a classic
read without credentials is answered 401, which the transport alone would return at once.
"""

from __future__ import annotations

from typing import Any

import requests

from wfexplorer.core.transport import RequestEvent, Transport


class Recorder:
    """A transport's sleep function that records the waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class Hook:
    """A ``retry_if`` hook that says "retry" for the first ``refusals`` answers it is asked about."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.seen: list[int] = []

    def __call__(self, response: requests.Response) -> bool:
        self.seen.append(response.status_code)
        return len(self.seen) <= self.refusals


def count_url(server: Any) -> str:
    return f"{server.base_url}/attask/api/v21.0/proj/count"


def test_a_read_the_hook_marks_as_refused_is_retried_after_the_same_backoff_as_a_429(demo_server: Any) -> None:
    waits, hook, events = Recorder(), Hook(refusals=1), list[RequestEvent]()
    transport = Transport(sleep=waits, backoff_seconds=0.5)
    transport.subscribe(events.append)
    response = transport.request("GET", count_url(demo_server), retry_if=hook)
    assert response.status_code == 401
    assert hook.seen == [401, 401]
    assert [event.attempt for event in events] == [1, 2]
    assert len(waits.waits) == 1 and 0.25 <= waits.waits[0] <= 0.5


def test_the_hook_is_never_asked_about_a_write_and_the_write_is_sent_once(demo_server: Any) -> None:
    waits, hook, events = Recorder(), Hook(refusals=10), list[RequestEvent]()
    transport = Transport(sleep=waits)
    transport.subscribe(events.append)
    response = transport.request("POST", count_url(demo_server), data={"name": "x"}, retry_if=hook)
    assert response.status_code == 401
    assert hook.seen == [] and len(events) == 1 and waits.waits == []


def test_a_read_the_hook_always_refuses_gets_the_bounded_attempts_and_then_the_last_answer(
        demo_server: Any) -> None:
    waits, hook, events = Recorder(), Hook(refusals=10), list[RequestEvent]()
    transport = Transport(sleep=waits, max_retries=2, backoff_seconds=0.5)
    transport.subscribe(events.append)
    response = transport.request("GET", count_url(demo_server), retry_if=hook)
    assert response.status_code == 401
    assert [event.attempt for event in events] == [1, 2, 3]
    assert len(hook.seen) == 2, "the last attempt's answer goes to the caller without asking"
    assert len(waits.waits) == 2 and 0.25 <= waits.waits[0] <= 0.5 and 0.5 <= waits.waits[1] <= 1.0

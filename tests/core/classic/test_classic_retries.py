"""Retries, timeouts and network failures of the classic client, against the simulator's fault injection.

The simulator (``wfexplorer/demo/faults.py``) answers injected errors before serving a request,
drops connections and answers 429 past ``max_in_flight``. Reads must recover from all of these by
retrying a bounded number of times with backoff; writes must never be repeated by the transport.
A listener that turns a fault off after the first attempt makes "fails once, then works"
deterministic. Sleeps are recorded instead of slept unless a test needs real waiting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from classic_canned import CannedServer
from werkzeug.wrappers import Request, Response

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.transport import MAX_RETRY_AFTER, RequestEvent, Transport


class Recorder:
    """A transport's sleep function that records the waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def simulator_session(server: Any, transport: Transport) -> tuple[Session, list[RequestEvent]]:
    """An API-key session on the simulator through ``transport``, with its request events collected."""
    session = Session("demo", api_key=server.credentials()["api_key"], api_version="v21.0",
                      url_template=base_url_template(server.base_url), transport=transport, use_cache=False)
    events: list[RequestEvent] = []
    session.subscribe(events.append)
    return session, events


def after_first_attempt(action: Callable[[], None]) -> Callable[[RequestEvent], None]:
    """A listener that runs ``action`` once, right after the first attempt is reported."""
    done: list[bool] = []

    def listener(_event: RequestEvent) -> None:
        if not done:
            done.append(True)
            action()

    return listener


def test_a_read_answered_503_is_retried_after_a_backoff_and_succeeds(demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits, backoff_seconds=0.5))
    demo_faults.error_rate, demo_faults.error_status = 1.0, 503
    session.subscribe(after_first_attempt(lambda: setattr(demo_faults, "error_rate", 0.0)))
    assert session.get("/proj/count")["count"] >= 0
    assert [event.status for event in events] == [503, 200]
    assert [event.attempt for event in events] == [1, 2]
    assert len(waits.waits) == 1 and 0.25 <= waits.waits[0] <= 0.5


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_read_that_keeps_failing_stops_after_the_bounded_retries_with_growing_backoff(
        demo_server: Any, demo_faults: Any, status: int) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits, max_retries=3, backoff_seconds=0.5))
    demo_faults.error_rate, demo_faults.error_status = 1.0, status
    with pytest.raises(errors.ServerError) as caught:
        session.get("/proj/count")
    assert caught.value.status == status
    assert [event.status for event in events] == [status] * 4
    # Exponential backoff with jitter: attempt n waits between half and all of 0.5 * 2**(n-1) seconds.
    assert len(waits.waits) == 3
    for n, wait in enumerate(waits.waits, start=1):
        assert 0.25 * 2 ** (n - 1) <= wait <= 0.5 * 2 ** (n - 1)


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_a_write_answered_with_a_retryable_status_is_never_repeated(
        demo_server: Any, demo_faults: Any, status: int) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    name = f"never repeated {status}"
    demo_faults.error_rate, demo_faults.error_status = 1.0, status
    with pytest.raises(errors.WorkfrontError) as caught:
        session.post("/project", {"name": name})
    assert caught.value.status == status
    assert [(event.method, event.status) for event in events] == [("POST", status)]
    assert waits.waits == []
    demo_faults.error_rate = 0.0
    assert session.get("/proj/count", {"name": name})["count"] == 0


def test_a_dropped_connection_on_a_read_is_retried(demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    demo_faults.drop_rate = 1.0
    session.subscribe(after_first_attempt(lambda: setattr(demo_faults, "drop_rate", 0.0)))
    assert session.get("/proj/count")["count"] >= 0
    assert [event.status for event in events] == [None, 200]
    assert events[0].error and "127.0.0.1" in events[0].error
    assert len(waits.waits) == 1


def test_a_dropped_connection_on_a_write_is_a_network_error_and_not_resent(
        demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    demo_faults.drop_rate = 1.0
    with pytest.raises(errors.NetworkError, match=r"127\.0\.0\.1") as caught:
        session.post("/project", {"name": "dropped write"})
    assert caught.value.request_line and caught.value.request_line.startswith("POST ")
    assert [(event.method, event.status) for event in events] == [("POST", None)]
    assert waits.waits == []


def wait_until_idle(server: Any) -> None:
    """Wait until the simulator serves no request (an earlier test's abandoned one, after a client timeout)."""
    deadline = time.monotonic() + 5
    while server.in_flight and time.monotonic() < deadline:
        time.sleep(0.01)


def arrivals(faults: Any, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """An event set when a request reaches the simulator (it asks the faults for its latency on arrival)."""
    arrived = threading.Event()
    original = faults.delay_seconds

    def delay_seconds() -> float:
        arrived.set()
        return original()

    monkeypatch.setattr(faults, "delay_seconds", delay_seconds)
    return arrived


def test_reads_past_the_concurrency_limit_get_429_and_are_retried_until_served(
        demo_server: Any, demo_faults: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    wait_until_idle(demo_server)
    session, events = simulator_session(demo_server, Transport(backoff_seconds=0.2, max_retries=5))
    demo_faults.max_in_flight, demo_faults.latency_ms = 1, 400
    arrived = arrivals(demo_faults, monkeypatch)
    results: list[Any] = []
    failures: list[BaseException] = []

    def read() -> None:
        try:
            results.append(session.get("/proj/count")["count"])
        except BaseException as failure:  # reported by the assertion below
            failures.append(failure)

    first = threading.Thread(target=read)
    first.start()
    assert arrived.wait(5), "the first read reached the simulator"
    read()  # while the first read holds the only slot
    first.join(10)
    assert failures == [] and len(results) == 2
    statuses = [event.status for event in events]
    assert 429 in statuses and statuses.count(200) == 2


def test_a_write_past_the_concurrency_limit_is_rate_limited_and_not_resent(
        demo_server: Any, demo_faults: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    wait_until_idle(demo_server)
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    demo_faults.max_in_flight, demo_faults.latency_ms = 1, 400
    arrived = arrivals(demo_faults, monkeypatch)
    slow_read = threading.Thread(target=lambda: session.get("/proj/count"))
    slow_read.start()
    try:
        assert arrived.wait(5), "the read reached the simulator and holds the only slot"
        with pytest.raises(errors.RateLimitedError):
            session.post("/project", {"name": "over the limit"})
    finally:
        slow_read.join(10)
    assert [event.status for event in events if event.method == "POST"] == [429]
    assert waits.waits == []


def test_a_server_slower_than_the_read_timeout_is_a_network_error_naming_the_host(
        demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits, timeout=(2.0, 0.1), max_retries=1))
    demo_faults.latency_ms = 500
    with pytest.raises(errors.NetworkError, match=r"127\.0\.0\.1 did not answer in time"):
        session.get("/proj/count")
    assert [event.status for event in events] == [None, None], "a read that timed out is tried again once"
    assert all(event.duration_ms < 450 for event in events)


def test_tls_to_a_server_without_tls_is_a_network_error_naming_the_host_and_not_retried(
        demo_server: Any) -> None:
    waits = Recorder()
    address = demo_server.base_url.replace("http://", "https://")
    session = Session("demo", api_key="k", url_template=base_url_template(address), use_cache=False,
                      transport=Transport(sleep=waits))
    with pytest.raises(errors.NetworkError, match=r"127\.0\.0\.1.*TLS"):
        session.get("/proj/count")
    assert waits.waits == []


def test_an_unknown_host_is_a_network_error_naming_it() -> None:
    session = Session("wfexplorer-no-such-host", url_template="https://{domain}.invalid/attask/api/{api_version}",
                      api_key="k", use_cache=False, transport=Transport(sleep=Recorder()))
    with pytest.raises(errors.NetworkError, match=r"Host not found: wfexplorer-no-such-host\.invalid"):
        session.get("/proj/count")


def rate_limited_once(retry_after: str) -> Callable[[Request], Response]:
    """A handler that answers 429 with ``Retry-After`` the first time and a count after that."""
    calls: list[int] = []

    def handler(_request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            body = '{"error": {"class": "x", "message": "429 Too many concurrent API requests"}}'
            return Response(body, status=429, headers={"Retry-After": retry_after}, mimetype="application/json")
        return Response('{"data": {"count": 7}}', mimetype="application/json")

    return handler


def test_retry_after_in_seconds_is_honoured(canned: CannedServer) -> None:
    waits = Recorder()
    canned.answer_with("GET", "/proj/count", rate_limited_once("2"))
    session = canned.session(api_key="k", transport=Transport(sleep=waits, backoff_seconds=0.01))
    assert session.get("/proj/count") == {"count": 7}
    assert waits.waits == [2.0]


def test_retry_after_as_an_http_date_is_honoured(canned: CannedServer) -> None:
    waits = Recorder()
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    canned.answer_with("GET", "/proj/count", rate_limited_once(when))
    session = canned.session(api_key="k", transport=Transport(sleep=waits, backoff_seconds=0.01))
    assert session.get("/proj/count") == {"count": 7}
    assert len(waits.waits) == 1 and 3.0 <= waits.waits[0] <= 5.0


def test_a_retry_after_longer_than_the_transport_waits_reaches_the_caller_at_once(canned: CannedServer) -> None:
    # Retrying before the server's time would not honour it, and blocking for an hour helps no one:
    # the caller gets the RateLimitedError with the hint (the GUI says "try again in …").
    waits = Recorder()
    canned.answer_with("GET", "/proj/count", rate_limited_once(str(int(MAX_RETRY_AFTER) + 1)))
    session = canned.session(api_key="k", transport=Transport(sleep=waits))
    with pytest.raises(errors.RateLimitedError) as caught:
        session.get("/proj/count")
    assert caught.value.retry_after == MAX_RETRY_AFTER + 1
    assert waits.waits == [] and len(canned.requests) == 1


def test_no_log_line_or_event_shows_a_secret(demo_server: Any, demo_faults: Any,
                                             caplog: pytest.LogCaptureFixture) -> None:
    credentials = demo_server.credentials()
    password, api_key = credentials["password"], credentials["api_key"]
    events: list[RequestEvent] = []
    caplog.set_level(logging.DEBUG)
    transport = Transport(sleep=Recorder(), max_retries=1)
    transport.subscribe(events.append)
    session = Session("demo", api_version="v21.0", url_template=base_url_template(demo_server.base_url),
                      transport=transport, use_cache=False)
    session.login(credentials["username"], password)
    session_id = session.session_id
    assert session_id
    session.get("/proj/count", {"apiKey": api_key})
    session.get("/proj/count", {"sessionID": session_id, "password": password})
    demo_faults.drop_rate = 1.0
    with pytest.raises(errors.NetworkError) as dropped:
        session.get("/proj/count", {"sessionID": session_id})
    demo_faults.drop_rate, demo_faults.error_rate, demo_faults.error_status = 0.0, 1.0, 401
    with pytest.raises(errors.AuthenticationError) as refused:
        session.get("/proj/count", {"apiKey": api_key})
    shown = [record.getMessage() for record in caplog.records]
    shown += [f"{event.url} {event.error}" for event in events]
    shown += [str(dropped.value), str(dropped.value.details), str(refused.value)]
    assert len(events) >= 6
    for secret in (password, api_key, session_id):
        assert not [line for line in shown if secret in line], f"a secret leaked: {secret[:3]}…"


# -- rate limits reported the legacy way: HTTP 200 with an {"error": ...} body -------------------


@pytest.fixture
def legacy_errors(demo_server: Any) -> Any:
    """The session simulator answering every classic error with HTTP 200, as old Workfront servers do."""
    settings = demo_server.context.settings
    settings.classic_legacy_errors = True
    try:
        yield settings
    finally:
        settings.classic_legacy_errors = False


class SlotHolder:
    """Holds the simulator's only request slot (``max_in_flight = 1``) with a read that waits for ``release``.

    The first request to reach the simulator blocks inside it, while counted in flight, until
    released; every other request meanwhile is refused as over the concurrency limit.
    """

    def __init__(self, server: Any, faults: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self._server = server
        self._arrived, self._released = threading.Event(), threading.Event()
        original = faults.delay_seconds

        def delay_seconds() -> float:
            if not self._arrived.is_set():
                self._arrived.set()
                self._released.wait(10)
            return original()

        monkeypatch.setattr(faults, "delay_seconds", delay_seconds)
        faults.max_in_flight = 1
        holder, _ = simulator_session(server, Transport(sleep=Recorder(), max_retries=0))
        self._thread = threading.Thread(target=lambda: holder.get("/proj/count"))

    def __enter__(self) -> SlotHolder:
        wait_until_idle(self._server)
        self._thread.start()
        assert self._arrived.wait(5), "the holding read reached the simulator"
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def release(self) -> None:
        """Let the holding read finish and wait until its slot is free."""
        self._released.set()
        self._thread.join(10)


def test_a_read_rate_limited_with_http_200_is_retried_after_a_backoff_and_succeeds(
        demo_server: Any, demo_faults: Any, legacy_errors: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    with SlotHolder(demo_server, demo_faults, monkeypatch) as holder:

        def sleep(seconds: float) -> None:  # the backoff is where the slot gets freed
            waits.append(seconds)
            holder.release()

        session, events = simulator_session(demo_server, Transport(sleep=sleep, backoff_seconds=0.5))
        assert session.get("/proj/count")["count"] >= 0
    assert [(event.status, event.attempt) for event in events] == [(200, 1), (200, 2)]
    assert len(waits) == 1 and 0.25 <= waits[0] <= 0.5


def test_a_write_rate_limited_with_http_200_is_not_resent(
        demo_server: Any, demo_faults: Any, legacy_errors: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    waits = Recorder()
    name = "legacy rate limit, never resent"
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    with SlotHolder(demo_server, demo_faults, monkeypatch), pytest.raises(errors.RateLimitedError) as caught:
        session.post("/project", {"name": name})
    assert caught.value.status == 200 and caught.value.message == "429 Too many concurrent API requests"
    assert [(event.method, event.status) for event in events] == [("POST", 200)]
    assert waits.waits == []
    assert session.get("/proj/count", {"name": name})["count"] == 0


def test_a_read_rate_limited_with_http_200_every_time_stops_after_the_bounded_retries(
        demo_server: Any, demo_faults: Any, legacy_errors: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits, max_retries=3, backoff_seconds=0.5))
    with SlotHolder(demo_server, demo_faults, monkeypatch), pytest.raises(errors.RateLimitedError) as caught:
        session.get("/proj/count")
    assert caught.value.status == 200
    assert [(event.status, event.attempt) for event in events] == [(200, 1), (200, 2), (200, 3), (200, 4)]
    assert len(waits.waits) == 3
    for n, wait in enumerate(waits.waits, start=1):
        assert 0.25 * 2 ** (n - 1) <= wait <= 0.5 * 2 ** (n - 1)


def test_a_legacy_error_that_is_not_a_rate_limit_is_not_retried(
        demo_server: Any, legacy_errors: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    with pytest.raises(errors.NotFoundError):
        session.get("/proj/" + "0" * 32)
    assert [(event.status, event.attempt) for event in events] == [(200, 1)]
    assert waits.waits == []


@pytest.mark.parametrize(("body", "attempts"), [
    ('{"error": {"class": "com.attask.common.TooManyConcurrentRequestsException", "message": "busy"}}', 2),
    ('{"error": "429 Too many concurrent API requests"}', 2),
    ('{"data": {"error": "429 Too many concurrent API requests"}}', 1),
    ('["error", "429 Too many concurrent API requests"]', 1),
    ('{"error": "429 Too many concurrent', 1),
])
def test_only_a_rate_limit_envelope_answered_with_http_200_is_retried(
        canned: CannedServer, body: str, attempts: int) -> None:
    answers = iter([body])

    def handler(_request: Request) -> Response:
        return Response(next(answers, '{"data": {"count": 3}}'), mimetype="application/json")

    canned.answer_with("GET", "/proj/count", handler)
    session = canned.session(api_key="k", transport=Transport(sleep=Recorder()))
    try:
        session.get("/proj/count")
    except errors.WorkfrontError:
        assert attempts == 1, "a retried refusal is followed by the canned success"
    assert len(canned.requests) == attempts


def test_preloading_metadata_with_the_network_down_fails_at_once_instead_of_trying_each_type(
        demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    session.metadata.objects()  # the type list is in hand; the types' own metadata is not
    events.clear()
    demo_faults.drop_rate = 1.0
    with pytest.raises(errors.NetworkError):
        session.metadata.preload(["PROJ", "TASK", "OPTASK"])
    assert {event.method for event in events} == {"POST"}, "one batch (and its retries), not one GET per type"
    assert [event.attempt for event in events] == list(range(1, len(events) + 1))


def test_a_batch_of_reads_answered_503_is_retried_like_any_read(demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits, backoff_seconds=0.5))
    demo_faults.error_rate, demo_faults.error_status = 1.0, 503
    session.subscribe(after_first_attempt(lambda: setattr(demo_faults, "error_rate", 0.0)))
    count, page = session.batch([("GET", "/proj/count", None), ("GET", "/proj/search", {"$$LIMIT": "1"})])
    assert count["count"] >= 1 and len(page) == 1
    assert [(event.method, event.status) for event in events] == [("POST", 503), ("POST", 200)]
    assert len(waits.waits) == 1


def test_a_batch_with_a_write_in_it_is_never_repeated(demo_server: Any, demo_faults: Any) -> None:
    waits = Recorder()
    session, events = simulator_session(demo_server, Transport(sleep=waits))
    demo_faults.error_rate, demo_faults.error_status = 1.0, 503
    with pytest.raises(errors.ServerError):
        session.batch([("GET", "/proj/count", None), ("POST", "/proj", {"name": "never twice in a batch"})])
    assert [(event.method, event.status) for event in events] == [("POST", 503)]
    assert waits.waits == []
    demo_faults.error_rate = 0.0

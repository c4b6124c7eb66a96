"""Fault injection end to end (issue 2, §5): latency with jitter, error rate, dropped connections, spec parsing.

The 429-when-too-many-in-flight fault and session expiry are tested with the classic surface
(tests/demo/classic/test_http_routing.py, test_http_robustness.py); the CLI route in test_cli.py.
"""

from __future__ import annotations

import logging
import random
import time

import pytest
import requests

from wfexplorer.demo.faults import Faults
from wfexplorer.demo.server import DemoServer

TIMEOUT = 10


def _metadata_url(server: DemoServer) -> str:
    return f"{server.base_url}/attask/api/v21.0/metadata"


def test_faults_are_off_by_default_and_reset_turns_every_one_off() -> None:
    faults = Faults.parse("latency=1,jitter=2,error_rate=0.5,error_status=503,max_in_flight=3,"
                          "session_expiry=4,drop_rate=0.5")
    assert (faults.latency_ms, faults.jitter_ms, faults.error_rate, faults.error_status) == (1, 2, 0.5, 503)
    assert (faults.max_in_flight, faults.session_expiry, faults.drop_rate) == (3, 4, 0.5)
    faults.reset()
    assert faults == Faults()
    assert faults.delay_seconds() == 0 and not faults.should_fail() and not faults.should_drop()


def test_jitter_spreads_the_latency_around_its_fixed_part() -> None:
    faults = Faults(latency_ms=100, jitter_ms=40, _rng=random.Random(7))
    delays = [faults.delay_seconds() for _ in range(200)]
    assert all(0.06 <= delay <= 0.14 for delay in delays)
    assert max(delays) - min(delays) > 0.05


def test_added_latency_delays_each_response(demo_server: DemoServer, demo_faults: Faults) -> None:
    demo_faults.latency_ms = 250
    started = time.perf_counter()
    response = requests.get(_metadata_url(demo_server), timeout=TIMEOUT)
    assert time.perf_counter() - started >= 0.25
    assert response.status_code == 401  # the request itself is still answered as usual


def test_an_error_rate_fails_that_share_of_requests_with_the_chosen_status(
    demo_server: DemoServer, demo_faults: Faults
) -> None:
    demo_faults.error_rate = 0.5
    demo_faults.error_status = 503
    statuses = [requests.get(_metadata_url(demo_server), timeout=TIMEOUT).status_code for _ in range(40)]
    assert set(statuses) == {401, 503}
    assert 5 <= statuses.count(503) <= 35


def test_injected_errors_keep_the_classic_envelope(demo_server: DemoServer, demo_faults: Faults) -> None:
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 500
    response = requests.get(_metadata_url(demo_server), timeout=TIMEOUT)
    assert response.status_code == 500
    assert set(response.json()) == {"error"}


def test_a_dropped_connection_reaches_the_client_as_a_connection_error(
    demo_server: DemoServer, demo_faults: Faults
) -> None:
    demo_faults.drop_rate = 1.0
    with pytest.raises(requests.ConnectionError):
        requests.get(_metadata_url(demo_server), timeout=TIMEOUT)
    demo_faults.drop_rate = 0.0
    assert requests.get(_metadata_url(demo_server), timeout=TIMEOUT).status_code == 401


def test_a_dropped_connection_is_logged_in_one_line_without_a_traceback(
    demo_server: DemoServer, demo_faults: Faults, caplog: pytest.LogCaptureFixture
) -> None:
    demo_faults.drop_rate = 1.0
    with caplog.at_level(logging.INFO), pytest.raises(requests.ConnectionError):
        requests.get(_metadata_url(demo_server), timeout=TIMEOUT)
    demo_faults.drop_rate = 0.0
    requests.get(_metadata_url(demo_server), timeout=TIMEOUT)  # the dropped request's thread has finished

    dropped = [record for record in caplog.records if "drop_rate fault" in record.getMessage()]
    assert len(dropped) == 1 and "\n" not in dropped[0].getMessage()
    assert not [record for record in caplog.records if record.exc_info or "Traceback" in record.getMessage()]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("error_status=99", "error_status must be an HTTP status from 100 to 599"),
        ("error_status=1000", "error_status must be an HTTP status from 100 to 599"),
        ("error_rate=1.5", "error_rate must be between 0 and 1"),
        ("drop_rate=-0.1", "drop_rate must be between 0 and 1"),
        ("latency=-5", "latency must not be negative"),
        ("session_expiry=-1", "session_expiry must not be negative"),
    ],
)
def test_out_of_range_fault_values_are_refused_with_a_clear_message(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Faults.parse(spec)

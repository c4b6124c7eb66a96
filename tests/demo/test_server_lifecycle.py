"""The simulator's server starts, serves and stops cleanly, even with a request still running."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import requests

from wfexplorer.demo.server import DemoServer


def test_stop_waits_for_a_request_in_flight_before_closing_the_database(tmp_path: Path) -> None:
    DemoServer(tmp_path / "demo", scale=0.05).start().stop()
    server = DemoServer(tmp_path / "demo", scale=0.05).start()  # a restart reads its data from SQLite on demand
    assert server.context is not None
    server.context.faults.latency_ms = 400
    token = server.credentials()["access_token"]
    answers: list[int] = []

    def slow_request() -> None:
        response = requests.get(f"{server.base_url}/attask/api/v21.0/proj/search",
                                headers={"sessionID": token}, timeout=10)
        answers.append(response.status_code)

    worker = threading.Thread(target=slow_request)
    worker.start()
    time.sleep(0.15)  # the request is now sleeping inside the server
    server.stop()
    worker.join(10)
    assert answers == [200]


def test_the_server_serves_again_after_a_restart_on_the_same_database(tmp_path: Path) -> None:
    with DemoServer(tmp_path / "demo", scale=0.05) as first:
        token = first.credentials()["access_token"]
    with DemoServer(tmp_path / "demo", scale=0.05) as second:
        assert second.credentials()["access_token"] == token
        response = requests.get(f"{second.base_url}/attask/api/v21.0/user?id=$$USER",
                                headers={"sessionID": token}, timeout=10)
        assert response.status_code == 200
        assert response.json()["data"]["objCode"] == "USER"

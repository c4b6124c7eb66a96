"""Checklist 48 (second half): the optional CDN limit of 8892 bytes on request URIs (classic-api.md §8)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from classic_http_helpers import TIMEOUT, Client, data_of, error_of

from wfexplorer.demo.server import DemoServer

LIMIT = 8892


@pytest.fixture
def limited(demo_server: DemoServer) -> Iterator[Client]:
    """The shared simulator with the URI limit switched on for one test (restored afterwards)."""
    client = Client(demo_server)
    settings = demo_server.context.settings
    previous = settings.classic_max_uri_bytes
    settings.classic_max_uri_bytes = LIMIT
    try:
        yield client
    finally:
        settings.classic_max_uri_bytes = previous


def _search_url(client: Client, total_bytes: int) -> str:
    """A project search URL whose request target (path and query) is exactly ``total_bytes`` long."""
    prefix = f"{client.base}/proj/search?name_Mod=contains&name="
    target_start = prefix.index("/attask/")
    padding = total_bytes - (len(prefix) - target_start)
    assert padding > 0
    return prefix + "x" * padding


def test_item48_uri_limit_is_off_by_default(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    assert demo_server.context.settings.classic_max_uri_bytes is None
    response = requests.get(_search_url(client, LIMIT + 500), headers=client.headers, timeout=TIMEOUT)
    assert data_of(response) == []


def test_item48_uri_over_8892_bytes_gets_414_in_the_workfront_envelope(limited: Client) -> None:
    response = requests.get(_search_url(limited, LIMIT + 1), headers=limited.headers, timeout=TIMEOUT)
    assert response.status_code == 414
    error = error_of(response)
    assert error["message"].startswith("414 Request-URI Too Long")
    assert str(LIMIT + 1) in error["message"]
    assert error["class"]


def test_item48_uri_of_exactly_8892_bytes_is_served(limited: Client) -> None:
    response = requests.get(_search_url(limited, LIMIT), headers=limited.headers, timeout=TIMEOUT)
    assert data_of(response) == []


def test_item48_long_filters_pass_as_post_with_method_get(limited: Client) -> None:
    response = requests.post(
        f"{limited.base}/proj/search",
        data={"method": "GET", "name_Mod": "contains", "name": "x" * (LIMIT * 2)},
        headers=limited.headers,
        timeout=TIMEOUT,
    )
    assert data_of(response) == []

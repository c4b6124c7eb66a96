"""TLS failures are explained in the user's terms: a certificate problem is not a protocol mix-up."""

from __future__ import annotations

import pytest

from wfexplorer.core import errors
from wfexplorer.core.transport import Transport


def test_https_to_a_plain_http_server_suggests_the_address_is_http(demo_server) -> None:
    address = demo_server.base_url.replace("http://", "https://") + "/attask/api/v21.0/proj/search"
    with pytest.raises(errors.NetworkError) as caught:
        Transport(max_retries=0).request("GET", address)
    message = caught.value.message
    assert "TLS" in message and "http://" in message
    assert "certificate" not in message


def test_the_simulator_answers_a_tls_hello_without_a_traceback(demo_server, capfd) -> None:
    address = demo_server.base_url.replace("http://", "https://") + "/attask/api/v21.0/proj/search"
    with pytest.raises(errors.NetworkError):
        Transport(max_retries=0).request("GET", address)
    assert "Traceback" not in capfd.readouterr().err

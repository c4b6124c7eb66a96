"""A classic session keeps its connections alive: one pooled TCP connection serves consecutive requests.

Werkzeug's development server (the simulator) closes every connection, so this uses a minimal
HTTP/1.1 keep-alive server from the standard library that records each request's client port.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.transport import Transport

BODY = b'{"data": {"count": 1}}'


class KeepAliveHandler(BaseHTTPRequestHandler):
    """Answers every GET and POST with a count, keeping the connection open; records the client port."""

    protocol_version = "HTTP/1.1"
    ports: list[int] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.ports.append(self.client_address[1])
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    do_GET = _answer  # noqa: N815 - the standard library's handler names
    do_POST = _answer  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
        """Keep test output quiet."""


@pytest.fixture
def keep_alive_server() -> Iterator[str]:
    """The base URL of a keep-alive server on loopback."""
    KeepAliveHandler.ports = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepAliveHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_consecutive_reads_and_writes_of_a_session_share_one_connection(keep_alive_server: str) -> None:
    session = Session("pool", api_key="k", url_template=base_url_template(keep_alive_server), use_cache=False)
    for _ in range(5):
        assert session.get("/proj/count") == {"count": 1}
    session.post("/proj/count")
    assert len(KeepAliveHandler.ports) == 6 and len(set(KeepAliveHandler.ports)) == 1


def test_sessions_sharing_a_transport_share_its_pool(keep_alive_server: str) -> None:
    transport = Transport()
    sessions = [Session("pool", api_key=key, url_template=base_url_template(keep_alive_server), use_cache=False,
                        transport=transport) for key in ("a", "b")]
    for session in sessions * 2:
        session.get("/proj/count")
    assert len(set(KeepAliveHandler.ports)) == 1

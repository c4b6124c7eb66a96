"""The loopback listener that receives the browser's OAuth redirect (RFC 8252 §7.3).

It binds ``127.0.0.1`` on a port the OS picks, serves in a background thread from the moment it
is created, accepts exactly one request to its callback path whose ``state`` matches (a request
with another ``state`` is answered 400 and ignored, so a stray or hostile request cannot end the
sign-in: the listener keeps waiting for the real redirect; later ones get "already finished"),
answers it with a friendly page ("you can close this tab", or what went wrong), and hands the
full redirect URL to :meth:`LoopbackReceiver.wait`. Other paths (``/favicon.ico``) get 404 and do
not count. Nothing it receives is logged: the URL carries the authorization code.
"""

from __future__ import annotations

import hmac
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from wfexplorer.core.auth.exceptions import SignInCancelled, SignInTimedOut

CALLBACK_PATH = "/callback"
_POLL_SECONDS = 0.1
_SOCKET_TIMEOUT = 10.0


def _page(title: str, message: str) -> bytes:
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}"
        "h1{font-size:1.4rem}</style></head>"
        f"<body><h1>{escape(title)}</h1><p>{escape(message)}</p></body></html>"
    ).encode()


SUCCESS_PAGE = _page("You are signed in to wfexplorer", "You can close this tab and return to wfexplorer.")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = _SOCKET_TIMEOUT
    server_version = "wfexplorer"
    sys_version = ""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != self.server.receiver.callback_path:
            self._send(404, _page("Not found", "This address only receives the wfexplorer sign-in."))
            return
        receiver = self.server.receiver
        status, page, first = receiver.accept(parts.query)
        try:
            self._send(status, page)
        finally:
            if first:  # only now, so the browser has its page before the listener goes away
                receiver.delivered()

    def _send(self, status: int, page: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Log nothing: request lines carry the authorization code."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    receiver: LoopbackReceiver


class LoopbackReceiver:
    """Listens on ``http://127.0.0.1:<random port>/callback`` for one OAuth redirect.

    Use as a context manager; :attr:`redirect_uri` is what to register in the authorization
    request. Set :attr:`expected_state` before the browser is sent off so the page it shows can
    say whether the sign-in went through (the caller still verifies ``state`` itself).
    """

    def __init__(self, callback_path: str = CALLBACK_PATH, host: str = "127.0.0.1") -> None:
        self.callback_path = callback_path
        self.expected_state: str | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._query: str | None = None
        self._server = _Server((host, 0), _Handler)
        self._server.receiver = self
        self.port = self._server.server_address[1]
        self.redirect_uri = f"http://{host}:{self.port}{callback_path}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="wfexplorer-oauth-loopback",
            daemon=True,
        )
        self._thread.start()

    def accept(self, query: str) -> tuple[int, bytes, bool]:
        """Take the first redirect with the expected state (called by the request handler).

        Returns the page and whether this request was the one taken; a request whose ``state``
        does not match is answered 400 and changes nothing.
        """
        if not self._state_matches(query):
            return 400, _page(
                "Sign-in failed",
                "The answer did not belong to the sign-in wfexplorer started, so it was ignored. "
                "Close this tab; wfexplorer is still waiting for the sign-in it started.",
            ), False
        with self._lock:
            if self._query is not None:
                return 409, _page("This sign-in has already finished", "You can close this tab."), False
            self._query = query
        status, page = self._page_for(query)
        return status, page, True

    def delivered(self) -> None:
        """Release :meth:`wait` once the first redirect's page has been sent."""
        self._done.set()

    def _state_matches(self, query: str) -> bool:
        if self.expected_state is None:
            return True
        state = (parse_qs(query).get("state") or [""])[0]
        return hmac.compare_digest(state.encode(), self.expected_state.encode())

    def _page_for(self, query: str) -> tuple[int, bytes]:
        params = parse_qs(query)
        if "error" in params:
            reason = (params.get("error_description") or params["error"])[0]
            return 200, _page("Sign-in was not completed", f"{reason} You can close this tab and try again.")
        if "code" not in params:
            return 400, _page("Sign-in failed", "The answer carried no authorization code. Close this tab, try again.")
        return 200, SUCCESS_PAGE

    def wait(self, timeout: float = 300.0, cancel: threading.Event | None = None) -> str:
        """Block until the redirect arrives; return its full URL (with the query string).

        Raises SignInTimedOut after ``timeout`` seconds and SignInCancelled when ``cancel`` is set.
        """
        deadline = time.monotonic() + timeout
        while not self._done.wait(_POLL_SECONDS):
            if cancel is not None and cancel.is_set():
                raise SignInCancelled("Sign-in cancelled.")
            if time.monotonic() >= deadline:
                raise SignInTimedOut(
                    f"The browser did not come back to wfexplorer within {timeout:g} seconds; sign in again."
                )
        return f"{self.redirect_uri}?{self._query or ''}"

    def close(self) -> None:
        """Stop listening."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> LoopbackReceiver:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

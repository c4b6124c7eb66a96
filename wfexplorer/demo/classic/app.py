"""The classic API surface (``/attask/...``): parse, authenticate, dispatch, render.

``create_app(context)`` returns the WSGI-level surface the server mounts. Every request ends
as ``{"data": ...}`` or ``{"error": {...}}``; no input, however malformed, produces a 5xx or
a stack trace: unexpected exceptions are logged and rendered as a Workfront-shaped error.
With ``settings.classic_max_uri_bytes`` set (8892 is Workfront's CDN limit), longer request
targets are refused with HTTP 414 before anything else happens.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from werkzeug.wrappers import Request, Response

from wfexplorer.demo.classic import dispatch
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.credentials import (
    SESSION_COOKIE,
    XSRF_COOKIE,
    optional_caller,
    resolve_caller,
    xsrf_token,
)
from wfexplorer.demo.classic.errors import BAD_REQUEST, RATE_LIMITED, ClassicError
from wfexplorer.demo.classic.params import parse_request
from wfexplorer.demo.classic.routing import parse_path
from wfexplorer.demo.classic.wire import data_response, error_response, json_response
from wfexplorer.demo.context import DemoContext

log = logging.getLogger(__name__)

RATE_LIMIT_CLASS = "com.attask.common.TooManyConcurrentRequestsException"
INTERNAL_CLASS = "java.lang.IllegalStateException"
TOO_MANY = "429 Too many concurrent API requests"
URI_TOO_LONG = "uri_too_long"
URI_TOO_LONG_STATUS = 414


class ClassicApp:
    """The classic surface: one instance per simulator, called once per request (thread-safe)."""

    def __init__(self, context: DemoContext) -> None:
        self.context = context

    def __call__(self, request: Request) -> Response:
        try:
            return self._serve(request)
        except ClassicError as error:
            return error_response(error, self.context.settings)
        except Exception as error:  # the catch-all: log, never leak a stack trace or a 5xx
            log.exception("classic API failed on %s %s", request.method, request.path)
            failure = ClassicError(
                f"The request could not be processed ({type(error).__name__})",
                error_class=INTERNAL_CLASS,
                kind=BAD_REQUEST,
            )
            return error_response(failure, self.context.settings)

    def _uri_too_long(self, request: Request) -> Response | None:
        """Refuse a request target longer than ``settings.classic_max_uri_bytes`` (off when ``None``).

        Workfront's CDN limits URIs to 8892 bytes (classic-api.md §8): the answer is HTTP 414
        (``classic_error_statuses["uri_too_long"]`` overrides it; the CDN ignores legacy mode).
        """
        limit = self.context.settings.classic_max_uri_bytes
        if limit is None:
            return None
        size = request_uri_bytes(request)
        if size <= limit:
            return None
        error = ClassicError(
            f"{URI_TOO_LONG_STATUS} Request-URI Too Long: {size} bytes, the maximum is {limit}"
            " (send long searches as POST with method=GET)",
            kind=URI_TOO_LONG,
        )
        status = self.context.settings.classic_error_statuses.get(URI_TOO_LONG, URI_TOO_LONG_STATUS)
        return json_response({"error": error.body()}, status=int(status))

    def fault_response(self, request: Request, status: int, message: str) -> Response:
        """Render an injected fault as a classic error (429 uses Workfront's text and the configured status)."""
        if status == 429:
            error = ClassicError(TOO_MANY, error_class=RATE_LIMIT_CLASS, kind=RATE_LIMITED)
            return error_response(error, self.context.settings)
        return json_response({"error": {"class": INTERNAL_CLASS, "message": message}}, status=status)

    def _serve(self, request: Request) -> Response:
        too_long = self._uri_too_long(request)
        if too_long is not None:
            return too_long
        if "\x00" in request.path:
            raise ClassicError("Invalid character (NUL) in request path")
        route = parse_path(request.path)
        parsed = parse_request(request)
        call = ClassicCall(
            context=self.context,
            route=route,
            params=parsed.params,
            method=parsed.method,
            files=parsed.files,
        )
        sessions = self.context.sessions
        if dispatch.is_public(call):
            call.caller = optional_caller(request, call.params, sessions, call.method)
        else:
            call.caller = resolve_caller(request, call.params, sessions, call.method)
        data = dispatch.dispatch(call)
        response = data_response(data)
        endpoint = route.root_endpoint
        if endpoint == "login":
            response.set_cookie(SESSION_COOKIE, data["sessionID"], httponly=True, samesite="Lax", path="/attask")
            # readable by the page's script, which echoes it in X-XSRF-TOKEN to write
            response.set_cookie(XSRF_COOKIE, xsrf_token(data["sessionID"]), samesite="Lax", path="/attask")
        elif endpoint == "logout":
            response.delete_cookie(SESSION_COOKIE, path="/attask")
            response.delete_cookie(XSRF_COOKIE, path="/attask")
        return response


def request_uri_bytes(request: Request) -> int:
    """Return the length in bytes of the request target as sent (path and query string)."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    if isinstance(raw, str) and raw:
        return len(raw.encode("latin-1", "replace"))  # WSGI strings carry the raw bytes as latin-1
    target = quote(request.script_root + request.path)
    query = request.query_string
    return len(target) + (len(query) + 1 if query else 0)


def create_app(context: DemoContext) -> ClassicApp:
    """Build the classic surface for ``context``."""
    return ClassicApp(context)

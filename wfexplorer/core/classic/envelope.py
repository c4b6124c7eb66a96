"""Turn a classic response into its ``data`` element, or into the right error of the tree.

Workfront answers ``{"data": ...}`` or ``{"error": {"class", "message", ...}}``, sometimes with
HTTP 200 for an error. The error class is chosen by HTTP status when the status says something
specific, otherwise by the Java exception class; a body that is not JSON (or is cut short) is a
:class:`~wfexplorer.core.errors.ProtocolError` quoting a short, redacted snippet.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import requests

try:  # orjson parses large answers 3-5x faster; the standard library is the fallback
    import orjson

    _fast_loads: Callable[[bytes], Any] = orjson.loads
except ImportError:  # pragma: no cover - orjson is a declared dependency
    _fast_loads = json.loads

from wfexplorer.core import errors, redaction, transport

SNIPPET_LENGTH = 120
#: Bodies longer than this are never error envelopes worth a second look (a rate-limit error is ~150 bytes).
MAX_ERROR_BODY = 4096

#: Java exception class fragments → error class, for errors sent with HTTP 200 (or a generic 400).
_BY_JAVA_CLASS: tuple[tuple[str, type[errors.WorkfrontError]], ...] = (
    ("AuthenticationException", errors.AuthenticationError),
    ("NotLoggedIn", errors.AuthenticationError),
    ("SecurityException", errors.PermissionError),
    ("AccessDenied", errors.PermissionError),
    ("Permission", errors.PermissionError),
    ("NotFound", errors.NotFoundError),
    ("ObjectDeleted", errors.NotFoundError),
    ("StaleObject", errors.ConflictError),
    ("TooManyConcurrent", errors.RateLimitedError),  # before "Concurrent" (a conflict)
    ("Concurrent", errors.ConflictError),
    ("TooManyRequests", errors.RateLimitedError),
)


def _loads(content: bytes) -> Any:
    """Parse a JSON document: fast, or by the standard library where the fast parser refuses valid JSON.

    orjson refuses escapes of lone UTF-16 surrogates (``"\\ud800"``), which the JSON standard allows and
    a Java server can send; the standard library keeps such a string as the server sent it. Both refuse
    what is not JSON (ValueError).
    """
    try:
        return _fast_loads(content)
    except ValueError:
        return json.loads(content)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def snippet(text: str) -> str:
    """Return the start of a body for an error message: one line, redacted, at most 120 characters."""
    flat = " ".join(text.split())
    short = flat[:SNIPPET_LENGTH] + ("…" if len(flat) > SNIPPET_LENGTH else "")
    return redaction.redact_text(short)


def decode(response: requests.Response, method: str) -> Any:
    """Return the ``data`` element of ``response`` or raise the matching WorkfrontError."""
    line = transport.request_line(method, response.url or "")
    status = response.status_code
    content = response.content
    try:
        body = _loads(content) if content else None
    except ValueError:
        text = content.decode("utf-8", "replace")
        if status >= 400:
            raise _status_error(status, f"HTTP {status}: {snippet(text)}", line, response) from None
        raise errors.ProtocolError(
            f"The server's answer is not valid JSON (truncated or not an API response): {snippet(text)!r}",
            status=status, request_line=line,
        ) from None
    if isinstance(body, dict) and "error" in body:
        raise error_from_body(body["error"], status, line, response)
    if status >= 400:
        raise _status_error(status, f"HTTP {status} {response.reason or ''}".strip(), line, response)
    if not isinstance(body, dict) or "data" not in body:
        shown = snippet(content.decode("utf-8", "replace")) if content else "(empty body)"
        raise errors.ProtocolError(f"The answer has no 'data' element: {shown!r}", status=status, request_line=line)
    return body["data"]


def is_rate_limited(response: requests.Response) -> bool:
    """Tell whether :func:`decode` would raise ``response`` as a RateLimitedError.

    Old servers (and the simulator's ``classic_legacy_errors``) answer "429 Too many concurrent
    API requests" with HTTP 200 and an ``{"error": ...}`` body, which the transport cannot see
    by status. This is the transport's ``retry_if`` hook for classic requests: it only
    classifies, by the same rules as :func:`decode`, and the transport decides whether and when
    to retry. It is cheap on success (a large body or one without ``"error"`` is not parsed) and
    never raises.
    """
    status = response.status_code
    content = response.content
    if not content or len(content) > MAX_ERROR_BODY or b'"error"' not in content:
        return False
    try:
        body = _loads(content)
    except ValueError:
        return False
    if not isinstance(body, dict) or "error" not in body:
        return False
    java_class, message = _class_and_message(body["error"])
    return _classify(status, java_class, message) is errors.RateLimitedError


def error_from_body(
    error: Any, status: int, request_line: str | None, response: requests.Response | None = None
) -> errors.WorkfrontError:
    """Build the error for a classic ``error`` object (a dict, or any odd value some servers send)."""
    java_class, message = _class_and_message(error)
    error_type = _classify(status, java_class, message)
    kwargs: dict[str, Any] = {
        "status": status,
        "error_class": java_class,
        "request_line": request_line,
        "details": error,
        "request_id": _request_id(response),
    }
    if error_type is errors.RateLimitedError:
        return errors.RateLimitedError(message, retry_after=_retry_after(response), **kwargs)
    return error_type(message, **kwargs)


def _class_and_message(error: Any) -> tuple[str | None, str]:
    """Return the Java class (or ``None``) and the message of a classic ``error`` object."""
    if not isinstance(error, dict):
        return None, str(error)
    java_class = str(error.get("class") or "") or None
    return java_class, str(error.get("message") or error.get("title") or java_class or "Workfront reported an error")


def _classify(status: int, java_class: str | None, message: str) -> type[errors.WorkfrontError]:
    by_status = errors.error_for_status(status) if status >= 400 else None
    if by_status is not None and status not in (400, 422):
        return by_status
    if message.startswith("429"):
        return errors.RateLimitedError
    for fragment, error_type in _BY_JAVA_CLASS:
        if java_class and fragment in java_class:
            return error_type
    if java_class is None and "not currently logged in" in message:
        return errors.AuthenticationError
    return by_status or errors.ValidationError


def _status_error(status: int, message: str, line: str, response: requests.Response) -> errors.WorkfrontError:
    error_type = errors.error_for_status(status)
    kwargs: dict[str, Any] = {"status": status, "request_line": line, "request_id": _request_id(response)}
    if error_type is errors.RateLimitedError:
        return errors.RateLimitedError(message, retry_after=_retry_after(response), **kwargs)
    return error_type(message, **kwargs)


def _retry_after(response: requests.Response | None) -> float | None:
    return None if response is None else transport.parse_retry_after(response.headers.get("Retry-After"))


def _request_id(response: requests.Response | None) -> str | None:
    if response is None:
        return None
    return response.headers.get("X-Request-Id") or response.headers.get("X-Request-ID")

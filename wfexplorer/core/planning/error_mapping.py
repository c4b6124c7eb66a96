"""Planning error bodies -> the shared error tree, keeping the server's code, message and request id.

v2 answers RFC 7807 problem details (``title``, ``status``, ``detail``, ``errorCode``, ``requestId``,
``errors[{field, message, code}]``); v1 answers ``{type: 40001, title, report: {detailedMessage}}``. The class
comes from the HTTP status (``errors.error_for_status``); ``error_code`` is v2's ``errorCode`` or v1's numeric
``type`` as a string, and ``field_errors`` gathers the per-field messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests

from wfexplorer.core import errors
from wfexplorer.core.transport import parse_retry_after, request_line


def body_of(response: requests.Response) -> Any:
    """The response's JSON, or None when it has no JSON body."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None


def error_from_response(response: requests.Response, method: str) -> errors.WorkfrontError:
    """The error for a non-2xx Planning answer (either version's body shape, or none)."""
    body = body_of(response)
    status = response.status_code
    line = request_line(method, response.url or "")
    request_id = response.headers.get("X-Request-Id")
    message = f"HTTP {status} {response.reason or ''}".strip()
    code: str | None = None
    field_errors: dict[str, list[str]] = {}
    if isinstance(body, Mapping):
        if "errorCode" in body or "detail" in body:  # v2 problem details
            code = _text(body.get("errorCode"))
            message = _text(body.get("detail")) or _text(body.get("title")) or message
            request_id = _text(body.get("requestId")) or request_id
            _collect(body.get("errors"), field_errors)
        elif "report" in body or "type" in body:  # v1 {type, title, report}
            report = body.get("report")
            if not isinstance(report, Mapping):
                report = {}
            code = _text(body.get("type"))
            message = _text(report.get("detailedMessage")) or _text(body.get("title")) or message
            _collect(report.get("errors"), field_errors)
        elif "message" in body:
            message = _text(body.get("message")) or message
    cls = errors.error_for_status(status)
    kwargs: dict[str, Any] = {
        "status": status, "error_code": code, "request_id": request_id, "request_line": line,
        "field_errors": field_errors, "details": body,
    }  # fmt: skip
    if cls is errors.RateLimitedError:
        return errors.RateLimitedError(message, retry_after=parse_retry_after(response.headers.get("Retry-After")),
                                       **kwargs)
    return cls(message, **kwargs)


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _collect(raw: Any, into: dict[str, list[str]]) -> None:
    if not isinstance(raw, list):
        return
    for item in raw:
        if isinstance(item, Mapping):
            name = _text(item.get("field")) or "_"
            into.setdefault(name, []).append(_text(item.get("message")) or _text(item.get("code")) or "invalid")

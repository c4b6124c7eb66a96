"""Errors the HTTP server answers before any surface sees the request, in the API's own error shape.

Python's HTTP server refuses a request line over 64 KB (414) or a header over 64 KB (431) itself,
with an HTML page. Clients of an API expect its JSON error instead: Planning's problem detail under
``/maestro/`` (v1's shape under ``/maestro/api/v1/``), the classic ``{"error": {...}}`` elsewhere.
The request target is read from the start of the raw request line, the only part that was read.
"""

from __future__ import annotations

import json
import uuid
from http import HTTPStatus

CLASSIC_CLASS = "java.lang.IllegalArgumentException"
JSON = "application/json"


def _target(raw_request_line: bytes) -> str:
    parts = raw_request_line[:512].split(b" ", 2)
    return parts[1].decode("latin-1") if len(parts) > 1 else ""


def _message(status: int) -> str:
    if status == HTTPStatus.REQUEST_URI_TOO_LONG:
        return "414 Request-URI Too Long: the request line is over 65536 bytes (send long searches as POST)"
    if status == HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE:
        return "431 Request Header Fields Too Large: a header line is over 65536 bytes"
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Bad Request"
    return f"{status} {phrase}"


def error_body(raw_request_line: bytes, status: int) -> tuple[bytes, str, dict[str, str]]:
    """Return the body, content type and extra headers of an early refusal of ``raw_request_line``."""
    target = _target(raw_request_line)
    message = _message(status)
    if target.startswith("/maestro/"):
        from wfexplorer.demo.planning.errors import PlanningError, v1_body, v2_body

        error = PlanningError(status, message, "URI_TOO_LONG" if status == HTTPStatus.REQUEST_URI_TOO_LONG else "")
        request_id = str(uuid.uuid4())
        if target.startswith("/maestro/api/v1/"):
            return json.dumps(v1_body(error)).encode(), JSON, {}
        return json.dumps(v2_body(error, request_id)).encode(), JSON, {"X-Request-Id": request_id}
    body = {"error": {"class": CLASSIC_CLASS, "message": message}}
    return json.dumps(body).encode(), JSON, {}

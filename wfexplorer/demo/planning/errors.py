"""Planning errors and how each API version renders them.

Handlers raise :class:`PlanningError`; the surface renders it as a v2 problem detail (``V2ProblemDetail``:
``title``, ``status``, ``detail``, ``errorCode``, ``requestId``, optional ``messageArguments`` and ``errors``) or
as a v1 body (``{type, title, report: {detailedMessage}}``, ``type`` = status * 100 + 1).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from werkzeug.wrappers import Response

TITLES = {
    400: "Validation failed",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Unprocessable entity",
    429: "Too many requests",
    500: "Internal error",
    501: "Not implemented",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}

GENERIC_CODES = {
    400: "VALIDATION_FAILED",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "UPLOAD_SIZE_EXCEEDED",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "UNPROCESSABLE_ENTITY",
    429: "RATE_LIMIT_EXCEEDED",
}


@dataclass
class PlanningError(Exception):
    """A failure with an HTTP status, a machine-readable ``error_code`` and an English ``detail``."""

    status: int
    detail: str
    error_code: str = ""
    message_arguments: dict[str, str] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.detail)
        if not self.error_code:
            self.error_code = GENERIC_CODES.get(self.status, "INTERNAL_ERROR")


def bad_request(detail: str, field_name: str | None = None, code: str = "Invalid") -> PlanningError:
    """A 400 ``VALIDATION_FAILED``, with a field error when ``field_name`` is given."""
    errors = [{"field": field_name, "message": detail, "code": code}] if field_name else []
    return PlanningError(400, detail, "VALIDATION_FAILED", errors=errors)


def forbidden(detail: str, code: str = "FORBIDDEN") -> PlanningError:
    """A 403 with a specific code (quota and business-rule codes are 403 too)."""
    return PlanningError(403, detail, code)


def v2_body(error: PlanningError, request_id: str) -> dict[str, Any]:
    """The ``V2ProblemDetail`` body of ``error``."""
    body: dict[str, Any] = {
        "title": TITLES.get(error.status, "Error"),
        "status": error.status,
        "detail": error.detail,
        "errorCode": error.error_code,
        "messageArguments": {k: str(v) for k, v in error.message_arguments.items()},
        "requestId": request_id,
    }
    if error.errors:
        body["errors"] = error.errors
    return body


def v1_body(error: PlanningError) -> dict[str, Any]:
    """The v1 error body of ``error``: numeric ``type``, ``title`` and ``report.detailedMessage``."""
    report: dict[str, Any] = {"detailedMessage": error.detail, "errorCode": error.error_code}
    if error.errors:
        report["errors"] = error.errors
    return {"type": error.status * 100 + 1, "title": TITLES.get(error.status, "Error"), "report": report}


def render(error: PlanningError, version: str, request_id: str, content_type: str) -> Response:
    """The HTTP response for ``error`` in ``version``'s shape (v1 for ``"v1"``, v2 otherwise)."""
    body = v1_body(error) if version == "v1" else v2_body(error, request_id)
    mimetype = "application/json" if version == "v1" else content_type
    response = Response(json.dumps(body), status=error.status, mimetype=mimetype)
    response.headers["X-Request-Id"] = request_id
    for name, value in error.headers.items():
        response.headers[name] = value
    return response

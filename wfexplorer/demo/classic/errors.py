"""The error a classic handler raises; the HTTP layer renders it as ``{"error": {...}}``."""

from __future__ import annotations

from typing import Any

AUTH = "auth"
FORBIDDEN = "forbidden"
BAD_REQUEST = "bad_request"
NOT_FOUND = "not_found"
UNPROCESSABLE = "unprocessable"
RATE_LIMITED = "rate_limited"

ILLEGAL_ARGUMENT = "java.lang.IllegalArgumentException"
AUTHENTICATION = "com.attask.common.AuthenticationException"
UNSUPPORTED_OPERATION = "java.lang.UnsupportedOperationException"
NOT_FOUND_CLASS = "com.attask.common.NotFoundException"


class ClassicError(Exception):
    """A Workfront-shaped failure: Java ``error_class``, ``message`` and an error ``kind``.

    ``kind`` picks the HTTP status through ``DemoSettings.classic_error_statuses``.
    ``extra`` holds optional keys of the error body (``title``, ``msgKey``, ``attributes``,
    ``code``) in the order Workfront sends them.
    """

    def __init__(
        self,
        message: str,
        *,
        error_class: str = ILLEGAL_ARGUMENT,
        kind: str = BAD_REQUEST,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.error_class = error_class
        self.kind = kind
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        """Return the ``error`` object of the response envelope."""
        return {"class": self.error_class, "message": self.message, **self.extra}


def business_rule_error(error_class: str, message: str) -> ClassicError:
    """Build a business-rule failure in the ProjectStatusViolationException shape."""
    return ClassicError(
        message,
        error_class=error_class,
        kind=UNPROCESSABLE,
        extra={"title": None, "msgKey": "exception.attask", "attributes": [""], "code": 0},
    )

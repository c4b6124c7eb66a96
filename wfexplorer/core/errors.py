"""Every failure the Workfront library reports, as one tree of exception classes.

    WorkfrontError
    ├── AuthenticationError     401, an expired or unknown session, a bad password or API key
    ├── PermissionError         403, signed in but not allowed
    ├── NotFoundError           404, no such object, record or endpoint
    ├── ValidationError         400/422, the server (or a local check) refused the input
    ├── ConflictError           409, someone else changed or holds the object
    ├── RateLimitedError        429, too many requests; ``retry_after`` in seconds when known
    ├── ServerError             5xx, the server failed
    ├── NetworkError            no answer: connection refused, DNS, TLS, timeout, dropped connection
    ├── ProtocolError           an answer that is not what the API promises (not JSON, truncated, odd shape)
    └── ReadOnlyError           refused before sending: the profile is read-only and this is a write

Each error keeps what a person needs to understand it and what a developer needs to debug it:
the HTTP ``status``, the server's ``error_class`` (classic) or ``error_code`` (Planning),
its ``message``, the ``request_id`` and the redacted ``request_line`` (``GET https://…``).
:func:`error_for_status` is the one table from HTTP status to class.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass, field


class WorkfrontError(Exception):
    """Base class of every error the library raises.

    ``field_errors`` maps a field name to its messages for validation failures.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        error_class: str | None = None,
        error_code: str | None = None,
        request_id: str | None = None,
        request_line: str | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        details: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.error_class = error_class
        self.error_code = error_code
        self.request_id = request_id
        self.request_line = request_line
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})
        self.details = details

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.append(f"(HTTP {self.status})")
        if self.request_line:
            parts.append(f"[{self.request_line}]")
        return " ".join(parts)


class AuthenticationError(WorkfrontError):
    """The credentials are missing, wrong or expired (HTTP 401)."""


class PermissionError(WorkfrontError):  # noqa: A001 - the architecture names it so
    """Signed in, but not allowed to do this (HTTP 403)."""


class NotFoundError(WorkfrontError):
    """The object, record or endpoint does not exist (HTTP 404)."""


class ValidationError(WorkfrontError):
    """The input was refused, by the server (HTTP 400/422) or by a local check before sending."""


class ConflictError(WorkfrontError):
    """The change conflicts with the object's current state (HTTP 409)."""


class RateLimitedError(WorkfrontError):
    """Too many requests (HTTP 429); ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class ServerError(WorkfrontError):
    """The server failed (HTTP 5xx)."""


class NetworkError(WorkfrontError):
    """No usable answer: connection refused, DNS failure, TLS failure, timeout or dropped connection."""


class ProtocolError(WorkfrontError):
    """The answer is not what the API promises: not JSON, truncated, or an unexpected shape."""


class ReadOnlyError(WorkfrontError):
    """A write refused by the client itself, before anything was sent: the profile is read-only."""


class UnexpectedError(WorkfrontError):
    """A failure inside wfexplorer itself (a bug), not an answer from Workfront.

    The GUI reports the original exception to the crash dialog and hands this to the caller's error
    path, so the widget that was waiting shows what happened, in place, and offers to try again.
    """

    def __init__(self, cause: builtins.BaseException) -> None:
        text = str(cause)
        what = f"{type(cause).__name__}: {text}" if text else type(cause).__name__
        super().__init__(f"Something went wrong inside wfexplorer ({what})", details=cause)
        self.cause = cause


#: Errors that say nothing about the request itself, only that no request gets through now (the network, the
#: session, the server's rate limit): trying other requests at once, one by one, only makes the user wait.
UNAVAILABLE: tuple[type[WorkfrontError], ...] = (NetworkError, AuthenticationError, RateLimitedError)

_BY_STATUS: dict[int, type[WorkfrontError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitedError,
}


def error_for_status(status: int) -> type[WorkfrontError]:
    """Return the error class for an HTTP status (5xx → ServerError, other 4xx → ValidationError)."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    if status >= 400:
        return ValidationError
    return ProtocolError


@dataclass(frozen=True)
class ErrorReport:
    """A plain description of an error for people: a headline and what to do about it."""

    headline: str
    advice: str
    details: list[str] = field(default_factory=list)


def describe(error: builtins.BaseException) -> ErrorReport:
    """Say in words what happened and what the user can do, by error type."""
    if isinstance(error, AuthenticationError):
        return ErrorReport(error.message, "Check your credentials and sign in again.")
    if isinstance(error, PermissionError):
        return ErrorReport(error.message, "Your Workfront user is not allowed to do this; ask an administrator.")
    if isinstance(error, NotFoundError):
        return ErrorReport(error.message, "It may have been deleted or moved; refresh and try again.")
    if isinstance(error, ValidationError):
        details = [f"{name}: {'; '.join(messages)}" for name, messages in error.field_errors.items()]
        return ErrorReport(error.message, "Correct the highlighted input and try again.", details)
    if isinstance(error, ConflictError):
        return ErrorReport(error.message, "Someone else changed it; reload to see their change, then reapply yours.")
    if isinstance(error, RateLimitedError):
        wait = f" in {error.retry_after:g} s" if error.retry_after else " in a moment"
        return ErrorReport(error.message, f"Workfront is busy; try again{wait}.")
    if isinstance(error, ServerError):
        return ErrorReport(error.message, "The server failed; try again later.")
    if isinstance(error, NetworkError):
        return ErrorReport(error.message, "Check the address and your network connection, then try again.")
    if isinstance(error, ProtocolError):
        return ErrorReport(error.message, "The server answered something unexpected; check the address and version.")
    if isinstance(error, ReadOnlyError):
        return ErrorReport(error.message, "Nothing was sent. Turn off Read-only in the profile to make changes.")
    if isinstance(error, UnexpectedError):
        return ErrorReport(error.message, "This is a bug in wfexplorer; the crash report has the details. "
                                          "Try again, or report it.")
    if isinstance(error, WorkfrontError):
        return ErrorReport(error.message, "Try again.")
    return ErrorReport(str(error) or type(error).__name__, "This is a bug in wfexplorer; please report it.")

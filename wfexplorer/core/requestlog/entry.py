"""One row of the request log: a logical request (one ``Transport.request`` call) with all its attempts."""

from __future__ import annotations

from dataclasses import dataclass, field

from wfexplorer.core.exchange import ReceivedResponse, SentRequest
from wfexplorer.core.transport import RequestEvent

#: The status classes a log can be filtered by; ``failed`` means no answer came (network error).
STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx", "failed")


def status_class(status: int | None) -> str:
    """``2xx`` … ``5xx`` for a status, ``failed`` for none (``1xx`` counts with ``2xx``'s informational kin)."""
    if status is None:
        return "failed"
    return f"{max(1, min(status // 100, 5))}xx"


@dataclass(frozen=True, slots=True)
class LogEntry:
    """A request and its attempts (retries of the same call share one entry); immutable, replaced when it grows."""

    call_id: int
    attempts: tuple[RequestEvent, ...]
    #: Position in the log's history (grows by one per new entry; never reused).
    sequence: int = field(default=0, compare=False)

    @property
    def last(self) -> RequestEvent:
        """The latest attempt (whose answer counts)."""
        return self.attempts[-1]

    @property
    def method(self) -> str:
        """The HTTP method."""
        return self.last.method

    @property
    def url(self) -> str:
        """The redacted URL of the latest attempt."""
        return self.last.url

    @property
    def status(self) -> int | None:
        """The latest attempt's HTTP status, ``None`` when it got no answer."""
        return self.last.status

    @property
    def status_class(self) -> str:
        """``2xx`` … ``5xx`` or ``failed``."""
        return status_class(self.status)

    @property
    def started_at(self) -> float:
        """Wall-clock start of the first attempt (``time.time()``)."""
        return self.attempts[0].started_at

    @property
    def duration_ms(self) -> float:
        """Milliseconds spent in all attempts together."""
        return sum(attempt.duration_ms for attempt in self.attempts)

    @property
    def bytes_received(self) -> int:
        """Body bytes of the latest answer."""
        return self.last.bytes_received

    @property
    def attempt_count(self) -> int:
        """How many times the request was sent."""
        return len(self.attempts)

    @property
    def error(self) -> str | None:
        """Why the latest attempt got no answer, or the server's error message."""
        response = self.last.response
        return self.last.error or (response.error_message if response is not None else None)

    @property
    def request(self) -> SentRequest | None:
        """What the latest attempt sent."""
        return self.last.request

    @property
    def response(self) -> ReceivedResponse | None:
        """What the latest attempt received."""
        return self.last.response

    @property
    def server_request_id(self) -> str | None:
        """The server's request id of the latest answer."""
        return self.last.server_request_id

    @property
    def search_text(self) -> str:
        """Lower-case text the log's text filter looks in: method, URL, status, error, class/code, request id."""
        response = self.response
        parts = [self.method, self.url, str(self.status or ""), self.status_class, self.error or ""]
        if response is not None:
            parts += [response.error_class or "", response.error_code or "", response.server_request_id or ""]
        return " ".join(parts).lower()

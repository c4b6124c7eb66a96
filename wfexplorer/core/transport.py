"""One HTTP connection to a Workfront host: pooling, timeouts, bounded retries, redaction, events.

Every request of the library goes through :meth:`Transport.request`. It

- always passes a connect and a read timeout;
- retries only what is safe to repeat (``idempotent=True``, by default GET/HEAD/OPTIONS) on
  connection errors and on HTTP 429/502/503/504, with exponential backoff, honouring
  ``Retry-After`` when the server sends one (a wait longer than ``MAX_RETRY_AFTER`` is not made:
  the answer goes to the caller at once, with its hint) — a write is never retried blindly;
- lets a client mark more answers as worth retrying through ``retry_if(response) -> bool``, for
  refusals a status does not show (old Workfront servers answer "429 Too many concurrent API
  requests" with HTTP 200 and an ``{"error": ...}`` body; the classic client passes
  :func:`wfexplorer.core.classic.envelope.is_rate_limited`). The hook only *classifies* an
  answer; whether to retry, how often and after what wait stay decided here, by the same rules
  as a 429 (idempotent requests only, the same attempt budget, backoff and ``Retry-After``). It is
  never called for a request that cannot be repeated, nor on the last attempt;
- turns connection, DNS, TLS and timeout failures into :class:`~wfexplorer.core.errors.NetworkError`
  naming the host;
- tells subscribers about every attempt with a :class:`RequestEvent` whose URL has its secrets
  redacted (the GUI's request log listens here); while anyone listens, the event also describes
  what was sent and received (:mod:`wfexplorer.core.exchange`, redacted there), and every attempt
  of one call shares the event's ``call_id``;
- refuses plain ``http://`` except to loopback addresses, unless the caller opts in.

It does not interpret response bodies (a client's ``retry_if`` hook may): the classic and
Planning clients map statuses and error bodies into the error tree themselves.
"""

from __future__ import annotations

import ipaddress
import itertools
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.adapters

from wfexplorer.core import errors, redaction
from wfexplorer.core.exchange import ReceivedResponse, SentRequest, describe_request, describe_response

log = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_TIMEOUT = (5.0, 60.0)
MAX_RETRY_AFTER = 30.0


#: Call ids: one per :meth:`Transport.request` call, shared by its attempts (``next()`` is atomic).
_CALL_IDS = itertools.count(1)


@dataclass(frozen=True, slots=True)
class RequestEvent:
    """One HTTP attempt as the request log shows it; everything in it is already redacted.

    ``call_id`` is the same for every attempt of one call (its retries) and unique in the process;
    ``started_at`` is the attempt's wall-clock start (``time.time()``). ``request`` and ``response``
    describe what went and came back (``None`` when the transport had no listener with details, or
    no answer came: see ``error``).
    """

    method: str
    url: str
    status: int | None
    duration_ms: float
    bytes_received: int
    attempt: int
    error: str | None = None
    call_id: int = 0
    started_at: float = 0.0
    request: SentRequest | None = None
    response: ReceivedResponse | None = None

    @property
    def server_request_id(self) -> str | None:
        """The server's request id (``X-Request-Id``), when the answer had one."""
        return self.response.server_request_id if self.response is not None else None


RequestListener = Callable[[RequestEvent], None]


class Transport:
    """A pooled ``requests.Session`` with the policies above; safe to share between threads."""

    def __init__(
        self,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        backoff_seconds: float = 0.5,
        allow_insecure_http: bool = False,
        pool_size: int = 10,
        user_agent: str = "wfexplorer",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.allow_insecure_http = allow_insecure_http
        self._sleep = sleep
        self._session = requests.Session()
        self._session.verify = True
        self._session.trust_env = False
        self._session.headers["User-Agent"] = user_agent
        adapter = requests.adapters.HTTPAdapter(pool_connections=2, pool_maxsize=pool_size, max_retries=0)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._listeners: list[RequestListener] = []
        self._listeners_lock = threading.Lock()

    # -- events ------------------------------------------------------------------------------

    def subscribe(self, listener: RequestListener) -> Callable[[], None]:
        """Call ``listener`` for every attempt (from the thread that made it); return an unsubscribe function."""
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, method: str, url: str, started: float, wall: float, attempt: int, call_id: int,
              prepared: requests.PreparedRequest | None, response: requests.Response | None,
              error: str | None = None) -> None:
        """Tell every listener about one attempt (nothing is built when nobody listens)."""
        with self._listeners_lock:
            listeners = list(self._listeners)
        if not listeners:
            return
        duration = (time.perf_counter() - started) * 1000
        sent: SentRequest | None = None
        received: ReceivedResponse | None = None
        if prepared is not None:
            sent, secrets = describe_request(prepared)
            if response is not None:
                received = describe_response(response, secrets, sent)
        event = RequestEvent(
            method=method,
            url=redaction.redact_url(response.url or url if response is not None else url),
            status=response.status_code if response is not None else None,
            duration_ms=duration,
            bytes_received=len(response.content) if response is not None else 0,
            attempt=attempt,
            error=error,
            call_id=call_id,
            started_at=wall,
            request=sent,
            response=received,
        )
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a broken listener must never break a request
                log.exception("request listener failed")

    # -- requests ----------------------------------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
        data: Any = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        files: Any = None,
        idempotent: bool | None = None,
        timeout: tuple[float, float] | None = None,
        retry_if: Callable[[requests.Response], bool] | None = None,
    ) -> requests.Response:
        """Send one request (retrying when safe) and return the response, whatever its status.

        ``retry_if`` marks a response with a non-retryable status as a refusal worth retrying
        (see the module docstring); it must be cheap and must not raise. Raises NetworkError
        when no response could be had.
        """
        method = method.upper()
        self.check_url(url)
        safe_to_repeat = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        attempts = 1 + (self.max_retries if safe_to_repeat else 0)
        call_id = next(_CALL_IDS)
        for attempt in range(1, attempts + 1):
            started, wall = time.perf_counter(), time.time()
            try:
                response = self._session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    json=json,
                    headers=dict(headers or {}),
                    files=files,
                    timeout=timeout or self.timeout,
                    allow_redirects=False,
                )
            except requests.RequestException as failure:
                error = _network_error(failure, method, url)
                prepared = failure.request if isinstance(failure.request, requests.PreparedRequest) else None
                self._emit(method, url, started, wall, attempt, call_id, prepared, None, str(error.message))
                if attempt < attempts and _worth_retrying(failure):
                    self._sleep(self._backoff(attempt))
                    continue
                raise error from failure
            self._emit(method, url, started, wall, attempt, call_id, response.request, response)
            if attempt < attempts and (response.status_code in RETRYABLE_STATUSES
                                       or (retry_if is not None and retry_if(response))):
                wait = self._wait_before_retry(attempt, response.headers.get("Retry-After"))
                if wait is not None:
                    self._sleep(wait)
                    continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def check_url(self, url: str) -> None:
        """Refuse URLs the policy forbids (plain http to a non-loopback host)."""
        parts = urlsplit(url)
        if parts.scheme == "https":
            return
        if parts.scheme != "http":
            raise errors.ValidationError(f"Unsupported address {redaction.redact_url(url)!r}: use https://")
        if not self.allow_insecure_http and not is_loopback(parts.hostname or ""):
            raise errors.ValidationError(
                f"Refusing unencrypted http:// to {parts.hostname}: use https://, or allow plain http for this profile"
            )

    def close(self) -> None:
        """Close pooled connections."""
        self._session.close()

    def _wait_before_retry(self, attempt: int, retry_after: str | None) -> float | None:
        """Seconds to wait before the next attempt; ``None`` when the server asks for longer than we wait."""
        hinted = parse_retry_after(retry_after)
        if hinted is not None:
            return hinted if hinted <= MAX_RETRY_AFTER else None
        return self._backoff(attempt)

    def _backoff(self, attempt: int) -> float:
        return self.backoff_seconds * (2.0 ** (attempt - 1)) * (0.5 + random.random() / 2)


def request_line(method: str, url: str) -> str:
    """Return ``METHOD redacted-url`` for error messages."""
    return f"{method.upper()} {redaction.redact_url(url)}"


def parse_retry_after(value: str | None) -> float | None:
    """Return the seconds a ``Retry-After`` header asks for (number or HTTP date), or ``None``."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def is_loopback(host: str) -> bool:
    """Tell whether ``host`` is a loopback name or address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _worth_retrying(failure: requests.RequestException) -> bool:
    return not isinstance(failure, requests.exceptions.SSLError | requests.exceptions.InvalidURL)


def _network_error(failure: requests.RequestException, method: str, url: str) -> errors.NetworkError:
    host = urlsplit(url).hostname or url
    text = str(failure)
    if isinstance(failure, requests.exceptions.SSLError):
        if "CERTIFICATE_VERIFY_FAILED" in text:
            message = f"Secure connection to {host} failed (TLS): the certificate could not be verified"
        elif "WRONG_VERSION_NUMBER" in text or "wrong version number" in text:
            message = f"Secure connection to {host} failed (TLS): the server does not speak https here; is the address http://?"
        else:
            message = f"Secure connection to {host} failed (TLS handshake)"
    elif isinstance(failure, requests.exceptions.Timeout):
        message = f"{host} did not answer in time"
    elif "NameResolutionError" in text or "Name or service not known" in text or "getaddrinfo" in text:
        message = f"Host not found: {host}"
    elif "Connection refused" in text:
        message = f"{host} refused the connection"
    elif isinstance(failure, requests.exceptions.ConnectionError):
        message = f"The connection to {host} failed or was dropped"
    else:
        message = f"Request to {host} failed: {type(failure).__name__}"
    return errors.NetworkError(message, request_line=request_line(method, url), details=redaction.redact_text(text))

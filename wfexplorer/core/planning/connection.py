"""One authenticated Planning connection: base URL, API version, Bearer token, and the shared transport.

Every call goes through ``wfexplorer.core.transport.Transport`` (timeouts, safe retries, redaction, request
events). Planning accepts OAuth 2.0 Bearer tokens only. The token is a credential source (``credentials=``, such
as a sign-in's provider: anything with ``current()``/``renew()`` whose credentials have ``planning_headers()``),
or a string, or a function returning the current one with an optional ``refresh`` function. Either way a call
refused with 401 is renewed and resent once, by the one renewal policy (:mod:`wfexplorer.core.renewal`).
With ``read_only=True`` every write (anything but GET and the record searches) is refused before sending.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from wfexplorer.core import errors
from wfexplorer.core.planning.error_mapping import body_of, error_from_response
from wfexplorer.core.renewal import CannotRenewError, RenewableSource, send_renewing
from wfexplorer.core.transport import Transport, request_line

TokenSource = str | Callable[[], str]
API_ROOT = "/maestro/api"
#: The last path segment of the POSTs that only read (record searches).
READING_POSTS = frozenset({"search"})


class PlanningCredential(Protocol):
    """A credential that knows the Planning headers that carry it (``Authorization: Bearer …``)."""

    def planning_headers(self) -> dict[str, str]:
        """Headers to send with a Planning request; raise AuthenticationError for credentials Planning refuses."""
        ...


@dataclass(frozen=True)
class _BearerToken:
    """A plain access token as a credential."""

    value: str

    def planning_headers(self) -> dict[str, str]:
        if not self.value:
            raise errors.AuthenticationError("No Planning access token: sign in with OAuth first")
        return {"Authorization": f"Bearer {self.value}"}


class _CallableTokens:
    """A token string or function, with an optional ``refresh`` function, as a renewable source."""

    def __init__(self, token: TokenSource, refresh: Callable[[], str] | None) -> None:
        self._token = token
        self._refresh = refresh

    def current(self) -> PlanningCredential:
        return _BearerToken(self._token() if callable(self._token) else self._token)

    def renew(self, stale: PlanningCredential) -> PlanningCredential:
        if self._refresh is None:
            raise CannotRenewError
        self._token = self._refresh()
        return self.current()


@dataclass(frozen=True)
class Reply:
    """A successful answer: HTTP status, parsed JSON body (None when empty) and the request id."""

    status: int
    body: Any
    request_id: str | None = None


class PlanningConnection:
    """Sends Planning requests for one host and one API version (1 or 2)."""

    def __init__(
        self,
        base_url: str,
        token: TokenSource | None = None,
        version: int | str = 2,
        *,
        transport: Transport | None = None,
        refresh: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
        credentials: RenewableSource[Any] | None = None,
        read_only: bool = False,
    ) -> None:
        version = _version_number(version)
        root = base_url.rstrip("/")
        if not root.endswith(API_ROOT):
            root += API_ROOT
        self.root = root
        self.version = version
        self.transport = transport or Transport()
        self._owns_transport = transport is None
        if credentials is None and token is None:
            raise ValueError("give a token or credentials")
        self._credentials: RenewableSource[Any] = credentials or _CallableTokens(token or "", refresh)
        self._headers = dict(headers or {})
        self.read_only = read_only

    def url(self, *segments: str) -> str:
        """The URL of ``/v{version}/<segments>``; each segment is percent-encoded (ids are opaque)."""
        return api_url(self.root, self.version, *segments)

    def call(
        self,
        method: str,
        segments: tuple[str, ...],
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: Any = None,
        idempotent: bool | None = None,
        send_json: bool = False,
    ) -> Reply:
        """Send one request; return the reply for 2xx, raise the mapped ``WorkfrontError`` otherwise."""
        url = self.url(*segments)
        if self.read_only and method.upper() != "GET" and segments[-1] not in READING_POSTS:
            raise errors.ReadOnlyError(f"This connection is read-only, so {method.upper()} "
                                       f"/{'/'.join(segments)} was not sent.", request_line=request_line(method, url))
        clean = {k: v for k, v in (params or {}).items() if v is not None}

        def attempt(credential: PlanningCredential) -> Reply:
            headers = {**credential.planning_headers(), "Accept": "application/json", **self._headers}
            response = self.transport.request(
                method, url, params=clean or None, json=json if (json is not None or send_json) else None,
                files=files, headers=headers, idempotent=idempotent,
            )  # fmt: skip
            if response.status_code >= 400 or response.status_code < 200:
                raise error_from_response(response, method)
            body = body_of(response)
            if response.content and body is None:
                raise errors.ProtocolError(
                    "the answer is not JSON", status=response.status_code,
                    request_line=request_line(method, url), request_id=response.headers.get("X-Request-Id"),
                )  # fmt: skip
            return Reply(response.status_code, body, response.headers.get("X-Request-Id"))

        return send_renewing(self._credentials, attempt)

    def close(self) -> None:
        """Close the transport if this connection created it."""
        if self._owns_transport:
            self.transport.close()

    def current_headers(self) -> dict[str, str]:
        """The credential header the next call would carry (``Authorization: Bearer …``), for "reveal secret"."""
        headers: dict[str, str] = self._credentials.current().planning_headers()
        return headers


def api_url(root: str, version: int, *segments: str) -> str:
    """The URL of ``/v{version}/<segments>`` below an API root; each segment is percent-encoded."""
    return f"{root}/v{version}/" + "/".join(quote(str(s), safe="") for s in segments)


def _version_number(version: int | str) -> int:
    """1 or 2 from ``1``, ``"2"``, ``"v1"`` or ``"V2"`` (profiles store ``"v2"``)."""
    text = str(version).strip().lower().removeprefix("v")
    if text not in ("1", "2"):
        raise ValueError(f"Planning API version must be 1 or 2 (or 'v1'/'v2'), not {version!r}")
    return int(text)

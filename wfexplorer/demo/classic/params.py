"""The parameters of one classic request, merged from the query string and the body.

Workfront reads parameters from the query string and from a urlencoded (or multipart) form
body; a raw JSON body on a write *is* the ``updates`` parameter, as the official JS client
sends it. When both carry a key, the query string wins. Repeated keys keep every value in
order (``status=CUR&status=PLN``). Values are text; a NUL byte or invalid UTF-8 is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl

from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.wrappers import Request

from wfexplorer.demo.classic.errors import ClassicError

METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
MAX_BODY_BYTES = 64 * 1024 * 1024


class Params:
    """Ordered multi-valued parameters (``key -> [values]``) with Workfront's lookup helpers."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._values: dict[str, list[str]] = {}
        for key, value in pairs:
            self._values.setdefault(key, []).append(value)

    # -- reading -------------------------------------------------------------------------

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Params({self._values!r})"

    def get(self, key: str, default: str | None = None) -> str | None:
        """Return the first value of ``key``."""
        values = self._values.get(key)
        return values[0] if values else default

    def getlist(self, key: str) -> list[str]:
        """Return every value of ``key`` (empty list when absent)."""
        return list(self._values.get(key, ()))

    def get_ci(self, key: str) -> str | None:
        """Return the first value of ``key`` matched case-insensitively (credential names)."""
        wanted = key.lower()
        for name, values in self._values.items():
            if name.lower() == wanted and values:
                return values[0]
        return None

    def items(self) -> Iterator[tuple[str, list[str]]]:
        """Yield ``(key, values)`` in first-seen order."""
        for key, values in self._values.items():
            yield key, list(values)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Yield every ``(key, value)`` pair in order."""
        for key, values in self._values.items():
            for value in values:
                yield key, value

    def to_multidict(self) -> MultiDict[str, str]:
        """Return the parameters as a werkzeug MultiDict."""
        return MultiDict(list(self.pairs()))

    def to_dict(self) -> dict[str, list[str]]:
        """Return a copy as ``{key: [values]}``."""
        return {key: list(values) for key, values in self._values.items()}

    def flag(self, key: str) -> bool:
        """Read a boolean parameter: ``true``/``True``/``1``/``yes`` are true (item 50)."""
        value = self.get(key)
        return value is not None and value.strip().lower() in ("true", "1", "yes", "on")

    # -- building ------------------------------------------------------------------------

    def without(self, *keys: str) -> Params:
        """Return a copy without ``keys``."""
        dropped = set(keys)
        return Params((key, value) for key, value in self.pairs() if key not in dropped)

    def merged_under(self, stronger: Params) -> Params:
        """Return ``stronger`` plus the keys of ``self`` it does not carry (stronger wins per key)."""
        result = Params(stronger.pairs())
        for key, values in self._values.items():
            if key not in stronger._values:
                result._values[key] = list(values)
        return result


def _check_text(text: str) -> str:
    if "\x00" in text:
        raise ClassicError("Invalid character (NUL) in request parameters")
    return text


def parse_urlencoded(raw: bytes | str) -> Params:
    """Parse ``a=1&b=2`` (``+`` is a space) strictly as UTF-8."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ClassicError("Request parameters are not valid UTF-8") from None
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise ClassicError("Request parameters are not valid UTF-8") from None
    return Params((_check_text(key), _check_text(value)) for key, value in pairs)


class ParsedRequest:
    """Parameters, uploaded files and the effective method of one HTTP request."""

    def __init__(self, params: Params, files: MultiDict[str, FileStorage], http_method: str) -> None:
        self.params = params
        self.files = files
        self.http_method = http_method

    @property
    def method(self) -> str:
        """The effective method: the ``method`` parameter (any case) or else the HTTP verb."""
        override = self.params.get("method")
        if override is not None and override.strip():
            method = override.strip().upper()
            if method not in METHODS:
                raise ClassicError(f"Unsupported method: {override.strip()}")
            return method
        verb = self.http_method.upper()
        if verb == "HEAD":
            return "GET"
        if verb not in METHODS:
            raise ClassicError(f"Unsupported method: {verb}")
        return verb


def parse_request(request: Request) -> ParsedRequest:
    """Merge query and body parameters of ``request`` (query wins)."""
    query = parse_urlencoded(request.query_string)
    body = Params()
    files: MultiDict[str, FileStorage] = MultiDict()
    content_type = (request.headers.get("Content-Type") or "").strip().lower()
    if request.content_length and request.content_length > MAX_BODY_BYTES:
        raise ClassicError("Request body too large")
    if content_type.startswith("multipart/form-data"):
        body = Params((_check_text(k), _check_text(v)) for k, v in request.form.items(multi=True))
        files = MultiDict(request.files.items(multi=True))
    else:
        raw = request.get_data(cache=True)
        if raw:
            body = _parse_body(raw, content_type)
    return ParsedRequest(body.merged_under(query), files, request.method)


def _parse_body(raw: bytes, content_type: str) -> Params:
    if content_type.startswith("application/json") or (
        not content_type.startswith("application/x-www-form-urlencoded") and raw.lstrip()[:1] in (b"{", b"[")
    ):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ClassicError("Request body is not valid UTF-8") from None
        return Params([("updates", _check_text(text))])
    return parse_urlencoded(raw)

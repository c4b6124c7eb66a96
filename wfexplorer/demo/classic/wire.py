"""Workfront's response wire format: ``{"data": ...}`` / ``{"error": {...}}`` as escaped ASCII JSON.

Workfront writes ``/`` as ``\\/``, ``<`` as ``\\u003c`` and every code point above 127 as
``\\uXXXX``, so its responses are pure ASCII (classic-api.md §6).
"""

from __future__ import annotations

import codecs
import json
from typing import Any

try:  # a fast encoder when installed; the standard library gives byte-identical output otherwise
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None  # type: ignore[assignment]

from werkzeug.wrappers import Response

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.settings import DemoSettings

_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)
_ERROR_HANDLER = "wfexplorer-json-escape"


def _escape_non_ascii(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: write each non-ASCII character as ``\\uXXXX`` (surrogate pairs above U+FFFF)."""
    assert isinstance(error, UnicodeEncodeError)
    parts = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            parts.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            parts.append(f"\\u{code:04x}")
    return "".join(parts), error.end


codecs.register_error(_ERROR_HANDLER, _escape_non_ascii)


def encode_stdlib(payload: Any) -> bytes:
    """Serialise with the standard library (the reference form of :func:`encode`)."""
    # After ensure_ascii, "/" and "<" can only occur inside strings, so a plain replace is exact.
    return _ENCODER.encode(payload).replace("/", "\\/").replace("<", "\\u003c").encode("ascii")


def encode(payload: Any) -> bytes:
    """Serialise ``payload`` the way Workfront does (ASCII only, ``\\/`` and ``\\u003c``)."""
    if orjson is None:
        return encode_stdlib(payload)
    try:
        raw = orjson.dumps(payload, option=orjson.OPT_NON_STR_KEYS)
    except (TypeError, ValueError):  # e.g. integers beyond 64 bits: let the standard library decide
        return encode_stdlib(payload)
    if not raw.isascii():
        raw = raw.decode("utf-8").encode("ascii", _ERROR_HANDLER)
    if b"\x7f" in raw:  # the standard library escapes DEL too
        raw = raw.replace(b"\x7f", b"\\u007f")
    return raw.replace(b"/", b"\\/").replace(b"<", b"\\u003c")


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Return ``payload`` as a Workfront JSON response."""
    response = Response(encode(payload), status=status, mimetype="application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def data_response(data: Any) -> Response:
    """Return the success envelope ``{"data": data}`` with HTTP 200."""
    return json_response({"data": data})


def error_status(error: ClassicError, settings: DemoSettings) -> int:
    """Pick the HTTP status of an error from the settings (HTTP 200 in legacy mode)."""
    if settings.classic_legacy_errors:
        return 200
    return int(settings.classic_error_statuses.get(error.kind, 400))


def error_response(error: ClassicError, settings: DemoSettings) -> Response:
    """Return the failure envelope ``{"error": {...}}`` with the configured status."""
    return json_response({"error": error.body()}, status=error_status(error, settings))

"""Workfront's response wire format: ``{"data": ...}`` / ``{"error": {...}}`` as escaped ASCII JSON.

Workfront writes ``/`` as ``\\/``, ``<`` as ``\\u003c`` and every code point above 127 as
``\\uXXXX``, so its responses are pure ASCII (classic-api.md §6).
"""

from __future__ import annotations

import json
from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.settings import DemoSettings

_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def encode(payload: Any) -> str:
    """Serialise ``payload`` the way Workfront does (ASCII only, ``\\/`` and ``\\u003c``)."""
    # After ensure_ascii, "/" and "<" can only occur inside strings, so a plain replace is exact.
    return _ENCODER.encode(payload).replace("/", "\\/").replace("<", "\\u003c")


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

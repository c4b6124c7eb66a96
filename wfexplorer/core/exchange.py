"""What one HTTP attempt sent and received, redacted, as the request log, HAR export and "copy as code" use it.

:func:`describe_request` reads a prepared request (query, headers, form or JSON body) and
:func:`describe_response` an answer (headers, content type, decoded body capped at
:data:`RESPONSE_TEXT_LIMIT` characters, the server's request id, and the classic ``error.class`` or the
Planning ``errorCode`` of an error body). Every secret is hidden through :mod:`wfexplorer.core.redaction`
before anything is kept; values the request sent as secrets are also scrubbed from the answer.

The work is sized for every request: a body is parsed only when it may hold a secret key or is an error,
and the transport builds these only while someone listens. A log keeps thousands of them, so they have
slots and share their header names and short values (``sys.intern``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

import requests

from wfexplorer.core import redaction

#: Characters of a response body kept for display; longer bodies are cut and flagged ``truncated``.
RESPONSE_TEXT_LIMIT = 128 * 1024
#: Characters of a request body kept when it is neither a form nor JSON (or is too long to parse).
REQUEST_TEXT_LIMIT = 64 * 1024
#: Error bodies longer than this are not parsed for their class or code.
MAX_ERROR_BODY = 64 * 1024

BodyKind = Literal["none", "form", "json", "text", "binary"]
_TEXT_TYPES = ("text/", "application/json", "+json", "application/xml", "+xml", "application/javascript",
               "application/x-www-form-urlencoded", "application/problem")


@dataclass(frozen=True, slots=True)
class SentRequest:
    """What an attempt sent, secrets hidden: query pairs, headers and the body as form pairs, JSON or text."""

    query: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    body_kind: BodyKind = "none"
    form: tuple[tuple[str, str], ...] = ()
    json: Any = None
    #: The body as text for ``text`` bodies, or a short note for ``binary`` ones (uploads).
    text: str | None = None
    content_type: str | None = None
    body_size: int = 0

    def header(self, name: str) -> str | None:
        """The value of a header (case-insensitive), or ``None``."""
        return _header(self.headers, name)


@dataclass(frozen=True, slots=True)
class ReceivedResponse:
    """What an attempt received, secrets hidden: status, headers, body text and the server's error fields."""

    status: int
    reason: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str | None = None
    #: The decoded body (at most RESPONSE_TEXT_LIMIT characters); ``None`` for an empty or binary body.
    text: str | None = None
    truncated: bool = False
    size: int = 0
    #: The server's ``X-Request-Id`` (or a Planning body's ``requestId``).
    server_request_id: str | None = None
    #: The classic ``error.class`` (a Java exception class) of an error body.
    error_class: str | None = None
    #: The Planning ``errorCode`` (v2) or ``type`` (v1) of an error body.
    error_code: str | None = None
    error_message: str | None = None
    #: True when a request log let go of the body to stay within its memory budget.
    body_released: bool = False

    def header(self, name: str) -> str | None:
        """The value of a header (case-insensitive), or ``None``."""
        return _header(self.headers, name)

    @property
    def is_json(self) -> bool:
        """Whether the body is JSON by its content type."""
        kind = (self.content_type or "").lower()
        return "json" in kind


def describe_request(prepared: requests.PreparedRequest) -> tuple[SentRequest, frozenset[str]]:
    """The redacted description of a prepared request, and the secret values it carries (to scrub from answers)."""
    query = parse_qsl(urlsplit(prepared.url or "").query, keep_blank_values=True)
    raw_headers = list(prepared.headers.items())
    content_type = prepared.headers.get("Content-Type")
    body = prepared.body
    kind: BodyKind = "none"
    form: tuple[tuple[str, str], ...] = ()
    value: Any = None
    text: str | None = None
    secrets = redaction.secret_values(raw_headers) | redaction.secret_values(query)
    size = len(body) if body is not None and isinstance(body, str | bytes) else 0
    lowered = (content_type or "").lower()
    if isinstance(body, str | bytes) and body:
        decoded = body if isinstance(body, str) else _decode(body, content_type)
        if decoded is None or lowered.startswith("multipart/"):
            kind, text = "binary", f"{content_type or 'binary body'}, {size:,} bytes (not shown)"
        elif "x-www-form-urlencoded" in lowered:
            pairs = parse_qsl(decoded, keep_blank_values=True)
            secrets |= redaction.secret_values(pairs)
            kind, form = "form", redaction.redact_pairs(pairs)
        elif "json" in lowered and len(decoded) <= REQUEST_TEXT_LIMIT:
            try:
                kind, value = "json", redaction.redact_json(json.loads(decoded))
            except ValueError:
                kind, text = "text", redaction.redact_text(decoded[:REQUEST_TEXT_LIMIT])
        else:
            kind, text = "text", redaction.redact_text(decoded[:REQUEST_TEXT_LIMIT])
    elif body is not None and not isinstance(body, str | bytes):
        kind, text = "binary", "a streamed body (not shown)"
    sent = SentRequest(
        query=_shared(redaction.redact_pairs(query)), headers=_shared(redaction.redact_headers(raw_headers)),
        body_kind=kind,
        form=form, json=value, text=text, content_type=content_type, body_size=size,
    )  # fmt: skip
    return sent, secrets


def describe_response(response: requests.Response, secrets: frozenset[str] = frozenset(),
                      sent: SentRequest | None = None) -> ReceivedResponse:
    """The redacted description of an answer; ``secrets`` are values to scrub, ``sent`` what asked for it."""
    content = response.content or b""
    headers = response.headers
    content_type = headers.get("Content-Type")
    truncated = len(content) > RESPONSE_TEXT_LIMIT
    head = content[:RESPONSE_TEXT_LIMIT] if truncated else content
    text = _decode(head, content_type) if head else None
    error: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None)
    if text is not None:
        extra = frozenset({"result"}) if sent is not None and _asks_for_a_secret(sent) else frozenset()
        if "json" in (content_type or "").lower() or text[:1] in ("{", "["):
            if not truncated and len(text) <= MAX_ERROR_BODY and (response.status_code >= 400 or '"error' in text):
                error = _error_fields(text)
            text = redaction.redact_json_text(text, extra, complete=not truncated)
        else:
            text = redaction.redact_text(text)
        text = redaction.scrub_values(text, secrets)
    class_, code, message, body_request_id = error
    return ReceivedResponse(
        status=response.status_code, reason=response.reason or "",
        headers=_shared(redaction.redact_headers(headers.items())), content_type=content_type, text=text,
        truncated=truncated, size=len(content),
        server_request_id=headers.get("X-Request-Id") or body_request_id,
        error_class=class_, error_code=code,
        error_message=redaction.scrub_values(redaction.redact_text(message), secrets) if message else None,
    )  # fmt: skip


def _asks_for_a_secret(sent: SentRequest) -> bool:
    """Whether the request is an action whose result is a credential (``getApiKey``)."""
    for name, value in (*sent.query, *sent.form):
        if name == "action" and value.lower() in redaction.SECRET_RESULT_ACTIONS:
            return True
    return False


def _error_fields(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(classic class, Planning code, message, body request id) of an error body, else Nones."""
    try:
        body = json.loads(text)
    except ValueError:
        return None, None, None, None
    if not isinstance(body, dict):
        return None, None, None, None
    error = body.get("error")
    if isinstance(error, dict):  # classic {"error": {"class", "message"}}
        return _text(error.get("class")), _text(error.get("code")), _text(error.get("message")), None
    if "errorCode" in body or "detail" in body:  # Planning v2 problem details
        return (None, _text(body.get("errorCode")), _text(body.get("detail")) or _text(body.get("title")),
                _text(body.get("requestId")))
    report = body.get("report")
    if isinstance(report, dict) or "type" in body:  # Planning v1 {type, title, report}
        detail = report.get("detailedMessage") if isinstance(report, dict) else None
        return None, _text(body.get("type")), _text(detail) or _text(body.get("title")), None
    return None, None, None, None


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _decode(data: bytes, content_type: str | None) -> str | None:
    """Text of a body in its declared charset (UTF-8 by default); ``None`` for a binary body."""
    lowered = (content_type or "").lower()
    charset = "utf-8"
    if "charset=" in lowered:
        charset = lowered.split("charset=", 1)[1].split(";", 1)[0].strip().strip('"') or "utf-8"
    if lowered and not any(kind in lowered for kind in _TEXT_TYPES):
        return None
    try:
        return data.decode(charset, errors="strict" if not lowered else "replace")
    except (LookupError, UnicodeDecodeError):
        return None if not lowered else data.decode("utf-8", errors="replace")


def _shared(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Pairs whose names and short values are interned (thousands of log entries repeat them)."""
    return tuple((sys.intern(name), sys.intern(value) if len(value) <= 64 else value) for name, value in pairs)


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    lowered = name.lower()
    return next((value for key, value in headers if key.lower() == lowered), None)

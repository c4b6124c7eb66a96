"""Hide secrets in URLs, parameters, headers and curl commands before anything is logged or shown."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Parameter, header and JSON key names whose values are secrets (compared case-insensitively).
SECRET_NAMES = frozenset(
    name.lower()
    for name in (
        "password",
        "apiKey",
        "sessionID",
        "Authorization",
        "access_token",
        "refresh_token",
        "client_secret",
        "code",
        "code_verifier",
        "approvalPassword",
        "Cookie",
        "Set-Cookie",
    )
)
REDACTED = "***"


def is_secret(name: str) -> bool:
    """Tell whether a parameter, header or key of this name carries a secret."""
    return name.lower() in SECRET_NAMES


def redact_mapping(values: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> dict[str, Any]:
    """Return a copy with every secret value replaced by ``***``."""
    if values is None:
        return {}
    items = values.items() if isinstance(values, Mapping) else values
    return {key: (REDACTED if is_secret(str(key)) else value) for key, value in items}


def redact_url(url: str) -> str:
    """Return ``url`` with secret query parameters replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is not None:
        user, _, host = parts.netloc.rpartition("@")
        parts = parts._replace(netloc=f"{user.partition(':')[0]}:{REDACTED}@{host}")
    if not parts.query:
        return urlunsplit(parts) if parts.password is not None else url
    pairs = [(k, REDACTED if is_secret(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(pairs, safe="*:,/$")))


_TEXT_NAMES = r"password|apiKey|sessionID|access_token|refresh_token|client_secret|code_verifier|code|approvalPassword"
#: ``name=value`` (query strings, form bodies).
_PAIR_IN_TEXT = re.compile(rf"(?i)\b({_TEXT_NAMES})=([^&\s'\"]+)")
#: ``"name": "value"`` in JSON or ``'name': 'value'`` in a Python repr; the value may be cut off.
_QUOTED_IN_TEXT = re.compile(
    rf"""(?i)(["'](?:{_TEXT_NAMES}|Authorization|Cookie)["']\s*:\s*)(["'])(?:\\.|(?!\2).)*(\2|$)"""
)
#: ``Name: value`` header lines (curl commands, dumped headers), up to the end of the line or a quote.
_HEADER_IN_TEXT = re.compile(
    r"(?i)\b(Authorization|Proxy-Authorization|Cookie|Set-Cookie|apiKey|sessionID|X-XSRF-TOKEN)(\s*:\s*)[^'\"\r\n]+"
)
#: ``scheme://user:password@host``.
_USERINFO_IN_TEXT = re.compile(r"(://[^/\s:@]+:)[^@\s/]+@")


def redact_text(text: str) -> str:
    """Replace secrets inside free text (log lines, error messages, body snippets, tracebacks).

    Handles ``name=value``, JSON/repr ``"name": "value"`` (also when a truncated body cuts the
    value off), ``Name: value`` headers and passwords in addresses.
    """
    text = _QUOTED_IN_TEXT.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}{m.group(3)}", text)
    text = _HEADER_IN_TEXT.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _PAIR_IN_TEXT.sub(lambda m: f"{m.group(1)}={REDACTED}", text)
    return _USERINFO_IN_TEXT.sub(lambda m: f"{m.group(1)}{REDACTED}@", text)

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
    if not parts.query:
        return url
    pairs = [(k, REDACTED if is_secret(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(pairs, safe="*:,/$")))


_TOKEN_IN_TEXT = re.compile(
    r"(?i)\b(password|apiKey|sessionID|access_token|refresh_token|client_secret|code_verifier|code)=([^&\s'\"]+)"
)


def redact_text(text: str) -> str:
    """Replace ``name=value`` secrets inside free text (log lines, error messages)."""
    return _TOKEN_IN_TEXT.sub(lambda match: f"{match.group(1)}={REDACTED}", text)

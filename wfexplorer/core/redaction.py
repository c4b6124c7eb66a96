"""Hide secrets in URLs, parameters, headers, bodies and curl commands before anything is logged or shown.

This module is the one place that decides what a secret is: a parameter, header or JSON key named in
:data:`SECRET_NAMES`, the result of an action that returns a credential (:data:`SECRET_RESULT_ACTIONS`),
and any value the request itself sent as a secret when it comes back in an answer (:func:`scrub_values`).
"""

from __future__ import annotations

import json
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
        "newPassword",  # USER resetPassword(oldPassword, newPassword)
        "oldPassword",
        "Cookie",
        "Set-Cookie",
        "Proxy-Authorization",
        "X-XSRF-TOKEN",
        "id_token",
        "token",  # the RFC 7009 revocation body (token=…)
        "client_assertion",
    )
)
REDACTED = "***"
#: Classic actions whose ``result`` is a credential (``PUT /user?action=getApiKey`` answers the API key).
SECRET_RESULT_ACTIONS = frozenset({"getapikey", "generateapikey"})
#: Known secret values shorter than this are not scrubbed from free text (they would hit ordinary words).
MIN_SCRUBBED_LENGTH = 8
#: Schemes an ``Authorization`` value keeps when its credential is hidden (``Bearer ***``).
_AUTH_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s+\S")


def is_secret(name: str) -> bool:
    """Tell whether a parameter, header or key of this name carries a secret."""
    return name.lower() in SECRET_NAMES


def redact_mapping(values: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> dict[str, Any]:
    """Return a copy with every secret value replaced by ``***``."""
    if values is None:
        return {}
    items = values.items() if isinstance(values, Mapping) else values
    return {key: (REDACTED if is_secret(str(key)) else value) for key, value in items}


def redact_header(name: str, value: str) -> str:
    """Return a header's value for display: secrets hidden, an ``Authorization`` scheme kept (``Bearer ***``)."""
    if not is_secret(name):
        return value
    scheme = _AUTH_SCHEME.match(value) if name.lower() in ("authorization", "proxy-authorization") else None
    return f"{scheme.group(1)} {REDACTED}" if scheme else REDACTED


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Return header pairs with secret values hidden (see :func:`redact_header`)."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return tuple((name, redact_header(name, value)) for name, value in items)


def redact_json(value: Any, extra_names: frozenset[str] = frozenset()) -> Any:
    """Return a copy of a JSON value with the value of every secret key (at any depth) replaced by ``***``.

    ``extra_names`` (lower case) are secret here too, e.g. ``{"result"}`` in the answer of a
    :data:`SECRET_RESULT_ACTIONS` action.
    """
    if isinstance(value, dict):
        return {key: (REDACTED if (is_secret(str(key)) or str(key).lower() in extra_names)
                      else redact_json(item, extra_names))
                for key, item in value.items()}
    if isinstance(value, list):
        return [redact_json(item, extra_names) for item in value]
    return value


def redact_pairs(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Return parameter pairs with secret values hidden, also inside values that are JSON (``updates={…}``)."""
    return tuple((name, REDACTED if is_secret(name) else _redact_json_text(value)) for name, value in pairs)


def _redact_json_text(value: str) -> str:
    if value[:1] not in ("{", "[") or not may_hold_secrets(value):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return redact_text(value)
    return json.dumps(redact_json(parsed), separators=(",", ":"), ensure_ascii=False)


_QUOTED_SECRET_KEYS = tuple(f'"{name}"' for name in SECRET_NAMES)


def may_hold_secrets(text: str | bytes) -> bool:
    """Tell cheaply whether JSON ``text`` may hold a secret key (``"password"``…); False means it surely holds none."""
    lowered = text.lower() if isinstance(text, str) else text.decode("utf-8", "replace").lower()
    return any(key in lowered for key in _QUOTED_SECRET_KEYS)


def redact_json_text(text: str, extra_names: frozenset[str] = frozenset(), *, complete: bool = True) -> str:
    """Return JSON ``text`` with its secrets hidden; text cut short (``complete=False``) or not JSON is handled as
    free text (:func:`redact_text`). Text that holds no secret key comes back unchanged."""
    if not extra_names and not may_hold_secrets(text):
        return text
    if complete:
        try:
            parsed = json.loads(text)
        except ValueError:
            pass
        else:
            return json.dumps(redact_json(parsed, extra_names), ensure_ascii=False)
    return redact_text(text)


def secret_values(pairs: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The values of the secret parameters or headers among ``pairs`` (``Authorization`` values without the scheme)."""
    found = set()
    for name, value in pairs:
        if is_secret(name) and value:
            scheme = _AUTH_SCHEME.match(value)
            found.add(value[scheme.end(1):].strip() if scheme else value)
    return frozenset(value for value in found if len(value) >= MIN_SCRUBBED_LENGTH)


def scrub_values(text: str, values: Iterable[str]) -> str:
    """Replace every occurrence of the known secret ``values`` in ``text`` by ``***`` (an answer echoing a secret)."""
    for value in values:
        if len(value) >= MIN_SCRUBBED_LENGTH and value in text:
            text = text.replace(value, REDACTED)
    return text


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


_TEXT_NAMES = (r"password|apiKey|sessionID|access_token|refresh_token|id_token|client_secret|client_assertion|"
               r"code_verifier|code|approvalPassword")
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

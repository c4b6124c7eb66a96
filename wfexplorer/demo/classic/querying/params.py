"""Request parameters as ordered ``(name, [values])`` items (MultiDict, mapping, ``filters={json}``, JSON arrays)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from wfexplorer.demo.classic.errors import ClassicError

RESERVED = frozenset(
    name.lower()
    for name in (
        "fields",
        "method",
        "sessionID",
        "apiKey",
        "username",
        "password",
        "map",
        "action",
        "updates",
        "filters",
        "atomic",
        "force",
        "copySourceID",
        "options",
        "uri",
        "concurrent",
        "subdomain",
        "callback",
        "jsonp",
        "_",
        "bForce",
    )
)
"""Parameter names (case-insensitive) that are never filters when they come as plain parameters.

Lower-case ``id`` (the get-by-ID parameter) is skipped too; ``ID`` (capital) is a filter on the ID field.
"""


SUFFIX = re.compile(r"^(?P<path>.+?)(?:_(?P<n>\d+))?_(?P<suffix>Mod|Range|Sort|GroupBy|AggFunc)$")


def json_text(value: Any) -> str:
    """Spell a JSON or Python value as a parameter text (``None`` → ``""``, ``True`` → ``"true"``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def param_items(params: Any) -> list[tuple[str, list[str]]]:
    """Return request parameters as ``[(name, [values...]), ...]`` in order (MultiDict, mapping or pairs)."""
    if params is None:
        return []
    if hasattr(params, "lists"):
        return [(key, [json_text(value) for value in values]) for key, values in params.lists()]
    items: Iterable[tuple[str, Any]] = params.items() if isinstance(params, Mapping) else params
    out = []
    for key, value in items:
        values = value if isinstance(value, list | tuple) else [value]
        out.append((key, [json_text(item) for item in values]))
    return out


def json_filter_items(texts: list[str]) -> list[tuple[str, list[str]]]:
    """Turn ``filters={json}`` texts into ``(name, [values])`` items (raises on bad JSON)."""
    out: list[tuple[str, list[str]]] = []
    for text in texts:
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ClassicError(f"Invalid JSON in filters: {error}") from error
        except RecursionError:
            raise ClassicError("Invalid JSON in filters: nested too deeply") from None
        if not isinstance(data, dict):
            raise ClassicError("filters must be a JSON object of field names to values")
        for key, value in data.items():
            values = value if isinstance(value, list) else [value]
            out.append((str(key), [json_text(item) for item in values]))
    return out


def json_array_value(text: str) -> list[Any] | None:
    """Return the list a parameter value spells as a JSON array (python-workfront's lists), else None."""
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, list) else None


def expand_values(texts: list[str]) -> list[str]:
    """Repeated values stay separate; a JSON-array value becomes several values."""
    out: list[str] = []
    for text in texts:
        data = json_array_value(text)
        if data is None:
            out.append(text)
        else:
            out.extend(json_text(item) for item in data)
    return out

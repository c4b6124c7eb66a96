"""Text the simulator refuses to store: lone UTF-16 surrogates, which JSON can escape but Unicode forbids.

``"\\ud800"`` is a valid JSON escape, but the string it makes is not valid Unicode: stored, it would be
sent back to every client that reads the record (Workfront refuses such input with a validation error).
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_in(value: Any) -> str | None:
    """Return the first string (key or value) of a decoded JSON value that holds a surrogate, else ``None``.

    Walks without recursion, so a value nested as deep as the JSON parser allows is fine.
    """
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return item
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return None


def describe(text: str) -> str:
    """Say which surrogate ``text`` holds, for an error message (``\\ud800``)."""
    found = _SURROGATE.search(text)
    return "" if found is None else f"\\u{ord(found.group()):04x}"

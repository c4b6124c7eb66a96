"""What a serialised search looks like: a JSON body, query parameters, and what could not be carried.

Both versions split a search between the body and the query string (v2 sends ``page``/``size`` and
``fieldIds`` as query parameters; v1 sends ``attributes`` there). A conversion never drops anything silently:
whatever the target version cannot express is listed in ``losses``, each with the spot it came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core.planning.filters.problems import Problem


@dataclass(frozen=True, slots=True)
class Loss:
    """Something the target version cannot carry: where it was in the model, and what happens to it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Conversion:
    """A search serialised for one API version: ``body`` (JSON), ``params`` (query string), ``losses``."""

    body: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    losses: tuple[Loss, ...] = ()

    @property
    def is_lossless(self) -> bool:
        """True when the target version carries everything."""
        return not self.losses


def comma_list(raw: Any, path: str, problems: list[Problem]) -> tuple[str, ...] | None:
    """A list given as ``"a,b"`` or ``["a", "b"]``; ``"*"`` and absence mean None (everything)."""
    if raw is None:
        return None
    if isinstance(raw, str):
        items = [part.strip() for part in raw.split(",") if part.strip()]
    elif isinstance(raw, list | tuple):
        items = []
        for index, item in enumerate(raw):
            if not isinstance(item, str):
                problems.append(Problem(f"{path}[{index}]", f"expected a string, not {item!r}"))
                continue
            items.extend(part.strip() for part in item.split(",") if part.strip())
    else:
        problems.append(Problem(path, f"expected a comma-separated list, not {raw!r}"))
        return None
    if items == ["*"]:
        return None
    return tuple(items)


def integer(raw: Any, path: str, problems: list[Problem], minimum: int = 0) -> int | None:
    """An integer given as a JSON number or a numeric string (query strings and some v1 examples)."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        value = int(raw.strip())
    else:
        value = None
    if value is None:
        problems.append(Problem(path, f"expected an integer, not {raw!r}"))
        return None
    if value < minimum:
        problems.append(Problem(path, f"must be at least {minimum}, not {value}"))
        return None
    return value


def boolean(raw: Any, path: str, problems: list[Problem]) -> bool:
    """A flag given as a JSON boolean or as ``true``/``false`` in a query string."""
    if raw is None:
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    problems.append(Problem(path, f"expected true or false, not {raw!r}"))
    return False


def json_text(raw: Any, path: str, problems: list[Problem]) -> Any:
    """A JSON document that may arrive as text (the GET forms put filters in the query string)."""
    if not isinstance(raw, str | bytes):
        return raw
    try:
        return json.loads(raw)
    except ValueError as exc:
        problems.append(Problem(path, f"not valid JSON: {exc}"))
        return None

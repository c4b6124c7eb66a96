"""What a serialised search looks like: a JSON body, query parameters, and what could not be carried.

Both versions split a search between the body and the query string (v2 sends ``page``/``size`` and
``fieldIds`` as query parameters; v1 sends ``attributes`` there). A conversion never drops anything silently:
whatever the target version cannot express is listed in ``losses``, each with the spot it came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from wfexplorer.core.planning.filters.catalog import FieldCatalog
from wfexplorer.core.planning.filters.problems import Problem, raise_if_errors
from wfexplorer.core.planning.filters.validation import FieldsArg

T = TypeVar("T")
#: A parser of one part of a search: ``(data, path, catalog, problems)`` → the part, or None after a problem.
Parser = Callable[[Any, str, FieldCatalog | None, list[Problem]], T | None]


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
    except RecursionError:
        problems.append(Problem(path, "nested too deeply to read"))
        return None


def pick(first: Mapping[str, Any], second: Mapping[str, Any], key: str) -> Any:
    """``first[key]``, else ``second[key]`` (a search may give a key in its body or its query string)."""
    value = first.get(key)
    return second.get(key) if value is None else value


def text(raw: Any, path: str, problems: list[Problem]) -> str | None:
    """An optional string; empty means absent."""
    if raw is None or isinstance(raw, str):
        return raw or None
    problems.append(Problem(path, f"expected a string, not {raw!r}"))
    return None


def parse_whole(parse: Parser[T], data: Any, fields: FieldsArg, root: str) -> T:
    """Run ``parse`` on ``data``; ``FilterError`` names every problem (with ``fields``: unknown fields too)."""
    problems: list[Problem] = []
    catalog = None if fields is None else FieldCatalog.of(fields)
    result = parse(data, root, catalog, problems)
    raise_if_errors(problems)
    assert result is not None  # a None result always comes with an error
    return result


def open_search(
    body: Mapping[str, Any] | None, params: Mapping[str, Any] | None, fields: FieldsArg, version: str,
    foreign_keys: Mapping[str, str],
) -> tuple[Mapping[str, Any], Mapping[str, Any], list[Problem], FieldCatalog | None]:
    """The start of parsing a ``version`` ("v1"/"v2") search: body and params (never None), the catalogue, and
    the problem list, holding one problem per body key of the other version (``foreign_keys``: key → ours)."""
    body = body or {}
    params = params or {}
    if not isinstance(body, Mapping):
        raise_if_errors([Problem("body", f"expected a JSON object, not {type(body).__name__}")])
    other = "v1" if version == "v2" else "v2"
    problems = [Problem(key, f"{key!r} is {other} syntax; {version} uses {ours!r}")
                for key, ours in foreign_keys.items() if key in body]
    return body, params, problems, None if fields is None else FieldCatalog.of(fields)

"""Wire values in model form: lists become tuples, ``{id, idType}`` objects become ``UserId``.

Shared by the v1 and v2 parsers; v1 refuses ``{id, idType}`` because it takes IMS id strings only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wfexplorer.core.planning.filters.model import UserId
from wfexplorer.core.planning.filters.problems import Problem
from wfexplorer.core.planning.filters.vocabulary import IdType

_PLAIN = frozenset({str, int, float, bool, type(None)})

#: Returned by ``parse_value`` after it appended a problem.
INVALID = object()


def parse_value(raw: Any, path: str, problems: list[Problem], allow_user_ids: bool) -> Any:
    """A wire value in model form (tuples, ``UserId``); ``INVALID`` after appending a problem."""
    if type(raw) in _PLAIN:
        return raw
    if isinstance(raw, list):
        items = [parse_value(item, f"{path}[{index}]", problems, allow_user_ids) for index, item in enumerate(raw)]
        return INVALID if any(item is INVALID for item in items) else tuple(items)
    if isinstance(raw, Mapping):
        if set(raw) == {"id", "idType"}:
            if not allow_user_ids:
                problems.append(Problem(path, "v1 People filters take IMS id strings only, not {id, idType}"))
                return INVALID
            if raw["idType"] not in ("WF", "IMS"):
                problems.append(Problem(path, f"idType must be WF or IMS, not {raw['idType']!r}"))
                return INVALID
            if not isinstance(raw["id"], str) or not raw["id"]:
                problems.append(Problem(path, f"id must be a non-empty string, not {raw['id']!r}"))
                return INVALID
            return UserId(raw["id"], IdType(raw["idType"]))
        problems.append(Problem(path, "unexpected object value (only People values are objects: {id, idType})"))
        return INVALID
    return raw



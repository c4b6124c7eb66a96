"""Wire values in model form: lists become tuples, ``{id, idType}`` objects become ``UserId``.

Shared by the v1 and v2 parsers; v1 refuses ``{id, idType}`` because it takes IMS id strings only.
``{"relativeDate": "today-7d"}`` becomes a ``RelativeDate`` only inside ``reading_documents()`` (wfexplorer's
saved filters and history); a server never takes one, so the parsers refuse it everywhere else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from typing import Any

from wfexplorer.core.planning.filters.model import UserId
from wfexplorer.core.planning.filters.problems import Problem
from wfexplorer.core.planning.filters.relative import EXPRESSION_HELP, RELATIVE_KEY, RelativeDate
from wfexplorer.core.planning.filters.vocabulary import IdType

_PLAIN = frozenset({str, int, float, bool, type(None)})

#: Returned by ``parse_value`` after it appended a problem.
INVALID = object()

_DOCUMENTS: ContextVar[bool] = ContextVar("reading_wfexplorer_documents", default=False)


@contextlib.contextmanager
def reading_documents() -> Iterator[None]:
    """Within this block the parsers also read wfexplorer's relative dates (``{"relativeDate": ...}``)."""
    token = _DOCUMENTS.set(True)
    try:
        yield
    finally:
        _DOCUMENTS.reset(token)


def parse_value(raw: Any, path: str, problems: list[Problem], allow_user_ids: bool) -> Any:
    """A wire value in model form (tuples, ``UserId``); ``INVALID`` after appending a problem."""
    if type(raw) in _PLAIN:
        return raw
    if isinstance(raw, list):
        items = [parse_value(item, f"{path}[{index}]", problems, allow_user_ids) for index, item in enumerate(raw)]
        return INVALID if any(item is INVALID for item in items) else tuple(items)
    if isinstance(raw, Mapping):
        if set(raw) == {RELATIVE_KEY}:
            if not _DOCUMENTS.get():
                problems.append(Problem(path, f"{{{RELATIVE_KEY!r}: ...}} is wfexplorer's notation for a relative "
                                              "date; send the date it stands for"))
                return INVALID
            relative = RelativeDate.parse(raw[RELATIVE_KEY])
            if relative is None:
                problems.append(Problem(path, f"unknown relative date {raw[RELATIVE_KEY]!r} (expected "
                                              f"{EXPRESSION_HELP})"))
                return INVALID
            return relative
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



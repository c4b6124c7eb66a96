"""Relative dates as filter values: today, N days ago or ahead, the start of this week, month or quarter.

A ``RelativeDate`` is a value like any other in a ``Condition`` (``Condition("F_date", "IS_AFTER",
RelativeDate(days=-7))``); the server never sees one. Before a search is sent, ``resolve_relative_dates``
replaces each by the ISO date it means on a given day and lists every ``Resolution`` (where, which expression,
which date), so what ran can say which value each relative date stood for.

The text form (``expression``) reads like JQL's date functions: ``today``, ``today-7d``, ``today+3d``,
``startOfWeek`` (weeks start on Monday, as ISO 8601 has it), ``startOfMonth``, ``startOfQuarter``, each optionally
followed by ``+Nd``/``-Nd``. In saved documents it is written as ``{"relativeDate": "today-7d"}``.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wfexplorer.core.planning.filters.model import Group, Node
from wfexplorer.core.planning.filters.request import SearchRequest

#: The JSON key of a relative date in wfexplorer's own documents (saved filters, history).
RELATIVE_KEY = "relativeDate"


class DateAnchor(enum.StrEnum):
    """Where a relative date starts counting from."""

    TODAY = "today"
    START_OF_WEEK = "startOfWeek"
    START_OF_MONTH = "startOfMonth"
    START_OF_QUARTER = "startOfQuarter"

    @property
    def label(self) -> str:
        """Words for people: ``today``, ``start of this week`` ..."""
        return _ANCHOR_LABELS[self]


_ANCHOR_LABELS = {
    DateAnchor.TODAY: "today",
    DateAnchor.START_OF_WEEK: "start of this week",
    DateAnchor.START_OF_MONTH: "start of this month",
    DateAnchor.START_OF_QUARTER: "start of this quarter",
}
_EXPRESSION = re.compile(r"^\s*(today|startOfWeek|startOfMonth|startOfQuarter)\s*(?:([+-])\s*(\d{1,5})\s*d)?\s*$",
                         re.IGNORECASE)
_ANCHOR_BY_LOWER = {anchor.value.lower(): anchor for anchor in DateAnchor}


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A date relative to the day a search runs: ``anchor`` moved by ``days`` (negative: earlier)."""

    anchor: DateAnchor = DateAnchor.TODAY
    days: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "anchor", DateAnchor(self.anchor))
        object.__setattr__(self, "days", int(self.days))

    def resolve(self, today: date) -> date:
        """The date this stands for when the search runs on ``today``."""
        if self.anchor is DateAnchor.TODAY:
            start = today
        elif self.anchor is DateAnchor.START_OF_WEEK:
            start = today - timedelta(days=today.weekday())
        elif self.anchor is DateAnchor.START_OF_MONTH:
            start = today.replace(day=1)
        else:
            start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        return start + timedelta(days=self.days)

    @property
    def expression(self) -> str:
        """The text form: ``today-7d``, ``startOfMonth`` ..."""
        if not self.days:
            return self.anchor.value
        return f"{self.anchor.value}{'+' if self.days > 0 else '-'}{abs(self.days)}d"

    @property
    def label(self) -> str:
        """Words for people: ``7 days ago``, ``in 3 days``, ``start of this month + 2 days``."""
        if self.anchor is DateAnchor.TODAY and self.days:
            count = abs(self.days)
            unit = "day" if count == 1 else "days"
            return f"{count} {unit} ago" if self.days < 0 else f"in {count} {unit}"
        if not self.days:
            return self.anchor.label
        count = abs(self.days)
        return f"{self.anchor.label} {'+' if self.days > 0 else '-'} {count} day{'' if count == 1 else 's'}"

    def to_json(self) -> dict[str, str]:
        """The form wfexplorer's documents store (never sent to a server)."""
        return {RELATIVE_KEY: self.expression}

    @classmethod
    def parse(cls, text: str) -> RelativeDate | None:
        """The relative date an expression names (case-insensitive), or None when it names none."""
        match = _EXPRESSION.match(text) if isinstance(text, str) else None
        if match is None:
            return None
        anchor = _ANCHOR_BY_LOWER[match.group(1).lower()]
        days = int(match.group(3) or 0) * (-1 if match.group(2) == "-" else 1)
        return cls(anchor, days)


#: What ``parse`` understands, for error messages.
EXPRESSION_HELP = "today, today-7d, today+3d, startOfWeek, startOfMonth or startOfQuarter (optionally ±Nd)"


@dataclass(frozen=True, slots=True)
class Resolution:
    """One relative date replaced before sending: where (``filter.AND[1].value[0]``), what, and the date."""

    path: str
    relative: RelativeDate
    value: str

    def __str__(self) -> str:
        return f"{self.path}: {self.relative.expression} → {self.value}"


def has_relative_dates(node: Node | None) -> bool:
    """True when any condition under ``node`` holds a relative date."""
    if node is None:
        return False
    if isinstance(node, Group):
        return any(has_relative_dates(child) for child in node.children)
    items = node.value if isinstance(node.value, tuple) else (node.value,)
    return any(isinstance(item, RelativeDate) for item in items)


def resolve_tree(node: Node, today: date, root: str = "filter") -> tuple[Node, tuple[Resolution, ...]]:
    """A copy of ``node`` with every relative date replaced by its ISO date on ``today``, and what was replaced."""
    resolutions: list[Resolution] = []
    return _resolve(node, today, root, resolutions), tuple(resolutions)


def resolve_request(request: SearchRequest, today: date) -> tuple[SearchRequest, tuple[Resolution, ...]]:
    """``request`` with its filter's relative dates resolved on ``today`` (unchanged when it has none)."""
    if not has_relative_dates(request.filter):
        return request, ()
    assert request.filter is not None
    tree, resolutions = resolve_tree(request.filter, today)
    assert isinstance(tree, Group)
    return dataclasses.replace(request, filter=tree), resolutions


def _resolve(node: Node, today: date, path: str, resolutions: list[Resolution]) -> Node:
    if isinstance(node, Group):
        operator = node.operator.value
        children = tuple(_resolve(child, today, f"{path}.{operator}[{index}]", resolutions)
                         for index, child in enumerate(node.children))
        if all(new is old for new, old in zip(children, node.children, strict=True)):
            return node
        return Group(node.operator, children)
    value = node.value
    if isinstance(value, RelativeDate):
        resolved = value.resolve(today).isoformat()
        resolutions.append(Resolution(f"{path}.value", value, resolved))
        return dataclasses.replace(node, value=resolved)
    if isinstance(value, tuple) and any(isinstance(item, RelativeDate) for item in value):
        items: list[Any] = []
        for index, item in enumerate(value):
            if isinstance(item, RelativeDate):
                resolved = item.resolve(today).isoformat()
                resolutions.append(Resolution(f"{path}.value[{index}]", item, resolved))
                items.append(resolved)
            else:
                items.append(item)
        return dataclasses.replace(node, value=tuple(items))
    return node

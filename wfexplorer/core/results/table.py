"""The parts of a results table (columns, rows, groups, a page) and the words each typed value is shown as."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class ValueKind(enum.StrEnum):
    """How a column's values are shown."""

    TEXT = "text"
    NUMBER = "number"
    PERCENTAGE = "percentage"
    CURRENCY = "currency"
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"
    OPTION = "option"
    OPTIONS = "options"
    PEOPLE = "people"
    REFERENCES = "references"
    OTHER = "other"

    @property
    def is_numeric(self) -> bool:
        """True for kinds shown right-aligned."""
        return self in (ValueKind.NUMBER, ValueKind.PERCENTAGE, ValueKind.CURRENCY)


@dataclass(frozen=True, slots=True)
class OptionLabel:
    """How one option value reads and, when it has one, its colour name or ``#rrggbb``."""

    label: str
    color: str | None = None


@dataclass(frozen=True)
class ColumnSpec:
    """One column: the key of its values in each row, a title, how to show the values, and whether (and by
    which key) the server can sort on it."""

    key: str
    title: str
    kind: ValueKind = ValueKind.TEXT
    sort_key: str | None = None
    options: Mapping[str, OptionLabel] = field(default_factory=dict)
    currency: str | None = None
    precision: int | None = None


@dataclass(frozen=True)
class ResultRow:
    """One row: ``key`` identifies it to whoever opens it (a record id), ``values`` by column key."""

    key: Any
    values: Mapping[str, Any]


@dataclass(frozen=True)
class ResultGroup:
    """Rows that share one value of the grouping column(s)."""

    label: str
    count: int
    row_keys: tuple[Any, ...]


@dataclass(frozen=True)
class ResultPage:
    """One page of results and where it sits: ``offset`` rows skipped, at most ``limit`` per page, ``total``
    rows in all (None when the server did not say); ``paging`` reads as the request put it (``page=0&size=100``
    or ``offset=0&limit=500``)."""

    columns: tuple[ColumnSpec, ...]
    rows: tuple[ResultRow, ...]
    groups: tuple[ResultGroup, ...] = ()
    total: int | None = None
    offset: int = 0
    limit: int | None = None
    paging: str = ""
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def page(self) -> int:
        """The zero-based page number."""
        return self.offset // self.limit if self.limit else 0

    @property
    def pages(self) -> int | None:
        """How many pages there are (None when the total is unknown)."""
        if self.total is None or not self.limit:
            return None
        return max(1, -(-self.total // self.limit))

    @property
    def has_more(self) -> bool:
        """True when a later page has rows."""
        if self.total is None:
            return self.limit is not None and len(self.rows) >= self.limit
        return self.offset + len(self.rows) < self.total

    def column(self, key: str) -> ColumnSpec | None:
        """The column with ``key``."""
        return next((column for column in self.columns if column.key == key), None)


def display(value: Any, column: ColumnSpec, names: Mapping[str, str] | None = None) -> str:
    """The text a cell shows for ``value`` in ``column`` (``names``: ids of people or records → names)."""
    names = names or {}
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text for text in (display(item, column, names) for item in value) if text)
    kind = column.kind
    if isinstance(value, Mapping):
        if kind is ValueKind.REFERENCES or "value" in value:
            title = value.get("value")
            identifier = str(value.get("id") or "")
            return str(title) if title not in (None, "") else names.get(identifier, identifier)
        if "name" in value and "id" in value:
            return str(value["name"] or value["id"])
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind in (ValueKind.OPTION, ValueKind.OPTIONS):
        option = column.options.get(str(value))
        return option.label if option is not None else str(value)
    if kind is ValueKind.PEOPLE or kind is ValueKind.REFERENCES:
        return names.get(str(value), str(value))
    if kind is ValueKind.BOOLEAN:
        return "Yes" if value is True or str(value).lower() == "true" else "No"
    if kind.is_numeric and isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value, column)
    if kind is ValueKind.DATE and isinstance(value, str):
        return value[:10]
    if kind is ValueKind.DATETIME and isinstance(value, str):
        return _moment(value)
    return str(value)


def option_colours(value: Any, column: ColumnSpec) -> tuple[str, ...]:
    """The colours of the options a cell shows, in order (empty for a column without coloured options)."""
    if column.kind not in (ValueKind.OPTION, ValueKind.OPTIONS) or value is None:
        return ()
    items = value if isinstance(value, list | tuple) else (value,)
    colours = []
    for item in items:
        option = column.options.get(str(item))
        if option is not None and option.color:
            colours.append(option.color)
    return tuple(colours)


def _number(value: float, column: ColumnSpec) -> str:
    precision = column.precision
    if precision is None:
        precision = 2 if column.kind is ValueKind.CURRENCY else (0 if float(value).is_integer() else 2)
    text = f"{value:,.{precision}f}"
    if column.kind is ValueKind.PERCENTAGE:
        return f"{text} %"
    if column.kind is ValueKind.CURRENCY and column.currency:
        return f"{text} {column.currency}"
    return text


def _moment(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    zone = " UTC" if moment.utcoffset() is not None and not moment.utcoffset() else ""
    return moment.strftime("%Y-%m-%d %H:%M") + zone

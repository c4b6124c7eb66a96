"""A filter tree in words, for summaries and tooltips: ``Status is any of Active, Planned and (Budget greater
than 1000 or Launch date is empty)``.

Field ids become display names and option names become labels when a catalogue is given; people and record ids
become names with ``names`` (id → name, e.g. from a people directory or the titles of referenced records); with
``today`` dates read as people say them (``1 Mar``, with the year only when it is not this year). Relative dates
read as words (``7 days ago``, ``start of this month``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from wfexplorer.core.planning.filters.catalog import FieldCatalog, FieldInfo
from wfexplorer.core.planning.filters.field_types import TEMPORAL_KINDS
from wfexplorer.core.planning.filters.model import Condition, Group, Node, UserId
from wfexplorer.core.planning.filters.relative import RelativeDate
from wfexplorer.core.planning.filters.validation import FieldsArg
from wfexplorer.core.planning.filters.vocabulary import ValueShape

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def describe(tree: Node | None, fields: FieldsArg = None, *, names: Mapping[str, str] | None = None,
             today: date | None = None) -> str:
    """The tree in words; nested groups are parenthesised, an empty tree is ``(no filter)``."""
    if tree is None or (isinstance(tree, Group) and not tree.children):
        return "(no filter)"
    catalog = None if fields is None else FieldCatalog.of(fields)
    return _Words(catalog, names or {}, today).node(tree, top=True)


def condition_words(node: Condition, fields: FieldsArg = None, *, names: Mapping[str, str] | None = None,
                    today: date | None = None) -> tuple[str, str, str]:
    """One condition as three phrases: the field, the condition and the value (``""`` when it takes none)."""
    catalog = None if fields is None else FieldCatalog.of(fields)
    return _Words(catalog, names or {}, today).parts(node)


class _Words:
    def __init__(self, catalog: FieldCatalog | None, names: Mapping[str, str], today: date | None) -> None:
        self.catalog = catalog
        self.names = names
        self.today = today

    def node(self, node: Node, top: bool) -> str:
        if isinstance(node, Condition):
            return self.condition(node)
        if not node.children:
            return "(empty group)"
        joiner = f" {node.operator.value.lower()} "
        alone = top and len(node.children) == 1  # a group that is all there is needs no parentheses
        text = joiner.join(self.node(child, top=alone) for child in node.children)
        return text if top or len(node.children) == 1 else f"({text})"

    def condition(self, node: Condition) -> str:
        return " ".join(part for part in self.parts(node) if part)

    def parts(self, node: Condition) -> tuple[str, str, str]:
        info = self.catalog.get(node.field) if self.catalog is not None else None
        name = info.label if info is not None else (node.field or "(no field)")
        shape = node.condition.shape
        if shape is ValueShape.NONE:
            value = ""
        elif shape is ValueShape.PAIR and isinstance(node.value, tuple) and len(node.value) == 2:
            value = f"{self.value(node.value[0], info)} and {self.value(node.value[1], info)}"
        elif isinstance(node.value, tuple):
            value = ", ".join(self.value(item, info) for item in node.value) or "…"
        else:
            value = self.value(node.value, info)
        if node.match_external_id:
            value += " (external ids)"
        return name, node.condition.label, value

    def value(self, value: Any, info: FieldInfo | None) -> str:
        if value is None or value == "":
            return "…"
        if isinstance(value, RelativeDate):
            return value.label
        if isinstance(value, UserId):
            name = self.names.get(value.id)
            return name if name else f"{value.id} ({value.id_type.value})"
        if info is not None and info.options:
            option = info.option_named(value)
            if option is not None:
                return option.display_name or option.name
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            if self.today is not None and info is not None and info.effective_kind in TEMPORAL_KINDS:
                return self.date(value)
            return self.names.get(value, value)
        return str(value)

    def date(self, text: str) -> str:
        assert self.today is not None
        try:
            moment = datetime.fromisoformat(text) if len(text) > 10 else None
            day = moment.date() if moment is not None else date.fromisoformat(text)
        except ValueError:
            return text
        words = f"{day.day} {_MONTHS[day.month - 1]}"
        if day.year != self.today.year:
            words += f" {day.year}"
        if moment is not None and (moment.hour or moment.minute):
            words += f" {moment.hour:02d}:{moment.minute:02d}"
        return words

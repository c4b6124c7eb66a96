"""Keeping what the text of a tree cannot show when the tree is rebuilt from that text.

The JSON tabs show what is sent: relative dates as the dates they resolve to, and in v1 no ``matchExternalId``
and no Workfront id types. When the user edits such a text, the tree rebuilt from it would lose those. For each
condition that is still the same condition (same place, field and condition type), ``carry_over`` puts them back:
a date equal to what the old relative date resolves to becomes that relative date again; a v1 text keeps the old
``matchExternalId`` and the ``WF`` type of a person whose id is unchanged. Each kept thing is named in a note.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from wfexplorer.core.planning.filters import Condition, Group, IdType, Node, RelativeDate, UserId


def carry_over(new: Group, old: Group, *, from_v1: bool, today: date) -> tuple[Group, tuple[str, ...]]:
    """``new`` with what ``old`` had at the same places and the text could not say; and notes on what was kept."""
    notes: list[str] = []
    result = _carry(new, old, from_v1, today, "filter", notes)
    assert isinstance(result, Group)
    return result, tuple(notes)


def _carry(new: Node, old: Node, from_v1: bool, today: date, path: str, notes: list[str]) -> Node:
    if isinstance(new, Group):
        if not isinstance(old, Group):
            return new
        children = []
        for index, child in enumerate(new.children):
            spot = f"{path}.{new.operator.value}[{index}]"
            children.append(_carry(child, old.children[index], from_v1, today, spot, notes)
                            if index < len(old.children) else child)
        return Group(new.operator, tuple(children))
    if not isinstance(old, Condition) or (old.field, old.condition) != (new.field, new.condition):
        return new
    value = _carry_value(new.value, old.value, from_v1, today, path, notes)
    match = new.match_external_id
    if from_v1 and old.match_external_id and not match:
        match = True
        notes.append(f"{path}: kept matchExternalId, which v1 cannot say")
    if value is new.value and match is new.match_external_id:
        return new
    return dataclasses.replace(new, value=value, match_external_id=match)


def _carry_value(new: Any, old: Any, from_v1: bool, today: date, path: str, notes: list[str]) -> Any:
    if isinstance(new, tuple) and isinstance(old, tuple) and len(new) == len(old):
        items = tuple(_carry_item(n, o, from_v1, today, f"{path}.value[{i}]", notes)
                      for i, (n, o) in enumerate(zip(new, old, strict=True)))
        return new if all(a is b for a, b in zip(items, new, strict=True)) else items
    if not isinstance(new, tuple) and not isinstance(old, tuple):
        return _carry_item(new, old, from_v1, today, f"{path}.value", notes)
    return new


def _carry_item(new: Any, old: Any, from_v1: bool, today: date, path: str, notes: list[str]) -> Any:
    if isinstance(old, RelativeDate) and new == old.resolve(today).isoformat():
        return old
    if from_v1 and isinstance(old, UserId) and old.id_type is IdType.WF and new == old.id:
        notes.append(f"{path}: kept the Workfront id type of {old.id!r}, which v1 cannot say")
        return old
    return new

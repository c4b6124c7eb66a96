"""A filter tree in words, for summaries and tooltips: ``Status is any of Active, Planned and (Budget greater
than 1000 or Launch date is empty)``. Field ids become display names and option names become labels when a
catalogue is given."""

from __future__ import annotations

from typing import Any

from wfexplorer.core.planning.filters.catalog import FieldCatalog, FieldInfo
from wfexplorer.core.planning.filters.model import Condition, Group, Node, UserId
from wfexplorer.core.planning.filters.validation import FieldsArg
from wfexplorer.core.planning.filters.vocabulary import ValueShape


def describe(tree: Node | None, fields: FieldsArg = None) -> str:
    """The tree in words; nested groups are parenthesised, an empty tree is ``(no filter)``."""
    if tree is None or (isinstance(tree, Group) and not tree.children):
        return "(no filter)"
    catalog = None if fields is None else FieldCatalog.of(fields)
    return _node(tree, catalog, top=True)


def _node(node: Node, catalog: FieldCatalog | None, top: bool) -> str:
    if isinstance(node, Condition):
        return _condition(node, catalog)
    if not node.children:
        return "(empty group)"
    joiner = f" {node.operator.value.lower()} "
    text = joiner.join(_node(child, catalog, top=False) for child in node.children)
    return text if top or len(node.children) == 1 else f"({text})"


def _condition(node: Condition, catalog: FieldCatalog | None) -> str:
    info = catalog.get(node.field) if catalog is not None else None
    name = info.label if info is not None else node.field
    words = f"{name} {node.condition.label}"
    shape = node.condition.shape
    if shape is ValueShape.NONE:
        text = words
    elif shape is ValueShape.PAIR and isinstance(node.value, tuple) and len(node.value) == 2:
        text = f"{words} {_value(node.value[0], info)} and {_value(node.value[1], info)}"
    elif isinstance(node.value, tuple):
        text = f"{words} {', '.join(_value(item, info) for item in node.value)}"
    else:
        text = f"{words} {_value(node.value, info)}"
    return text + (" (external ids)" if node.match_external_id else "")


def _value(value: Any, info: FieldInfo | None) -> str:
    if isinstance(value, UserId):
        return f"{value.id} ({value.id_type.value})"
    if info is not None and info.options:
        option = info.option_named(value)
        if option is not None:
            return option.display_name or option.name
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

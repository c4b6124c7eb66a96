"""Icons for tree rows and tabs: an SVG per object type and per kind of row, drawn once and kept.

A Planning record type and its records show the record type's own icon (``icons/record_types/megaphone.svg``)
on a tile of its colour, as Workfront Planning shows them; an icon name there is no picture of gets the
generic record-type or record glyph, still in the record type's colour. Each (icon, colour) is drawn once.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from wfexplorer.core.browse import LoadState, MessageRole, Node, NodeKind
from wfexplorer.ui import planning_colours, resources

ICON_FOLDER = "icons"
RECORD_TYPE_FOLDER = "icons/record_types"
KIND_ICONS = {
    NodeKind.CLASSIC: "classic", NodeKind.PLANNING: "planning", NodeKind.WORKSPACE: "workspace",
    NodeKind.RECORD_TYPE: "record_type", NodeKind.RECORD: "record", NodeKind.REFERENCE: "reference",
    NodeKind.COLLECTION: "collection", NodeKind.MORE: "more", NodeKind.PINNED: "pinned",
}  # fmt: skip


@functools.cache
def _available() -> frozenset[str]:
    return resources.names(ICON_FOLDER, ".svg")


@functools.cache
def _record_type_icons() -> frozenset[str]:
    return resources.names(RECORD_TYPE_FOLDER, ".svg")


@functools.cache
def named(name: str) -> QIcon:
    """The icon called ``name`` (an objCode such as ``PROJ``, or ``workspace``, ``error``…); a generic one if none."""
    key = name.lower()
    if key not in _available():
        key = "object"
    return resources.svg_icon(f"{ICON_FOLDER}/{key}.svg")


@functools.cache
def record_type_icon(icon: str, colour: str, generic: str = "record_type") -> QIcon:
    """A Planning record type's icon (``megaphone``) on a tile of its colour (``purple``); the ``generic``
    icon's glyph for a name there is no picture of, and that icon's own tile for no or an unknown colour."""
    key = icon.lower()
    name = f"{RECORD_TYPE_FOLDER}/{key}.svg" if key in _record_type_icons() else f"{ICON_FOLDER}/{generic}.svg"
    return resources.svg_icon(name, planning_colours.tile_colour(colour))


def for_code(code: str) -> QIcon:
    """The icon of a classic object type."""
    return named(code)


def for_node(node: Node) -> QIcon:
    """The icon of a tree row."""
    if node.kind is NodeKind.MESSAGE:
        role = node.payload if isinstance(node.payload, MessageRole) else MessageRole.INFO
        return named(role.value)
    if node.kind is NodeKind.MORE and node.state is LoadState.FAILED:
        return named("error")
    if node.kind is NodeKind.RECORD_LINK:
        return named(node.icon or "record_link")
    if node.kind in (NodeKind.RECORD_TYPE, NodeKind.RECORD):
        return record_type_icon(node.icon, node.color, KIND_ICONS[node.kind])
    if node.kind in KIND_ICONS:
        return named(KIND_ICONS[node.kind])
    if node.kind is NodeKind.OBJECT_TYPE and node.icon.lower() not in _available():
        return named("object_type")
    return named(node.icon or "object")

"""Icons for tree rows and tabs: an SVG per object type and per kind of row, drawn once and kept."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from wfexplorer.core.browse import MessageRole, Node, NodeKind
from wfexplorer.ui import resources

ICON_FOLDER = "icons"
KIND_ICONS = {
    NodeKind.CLASSIC: "classic", NodeKind.PLANNING: "planning", NodeKind.WORKSPACE: "workspace",
    NodeKind.RECORD_TYPE: "record_type", NodeKind.RECORD: "record", NodeKind.REFERENCE: "reference",
    NodeKind.COLLECTION: "collection", NodeKind.MORE: "more", NodeKind.PINNED: "pinned",
}  # fmt: skip


@functools.cache
def _available() -> frozenset[str]:
    return resources.names(ICON_FOLDER, ".svg")


@functools.cache
def named(name: str) -> QIcon:
    """The icon called ``name`` (an objCode such as ``PROJ``, or ``workspace``, ``error``…); a generic one if none."""
    key = name.lower()
    if key not in _available():
        key = "object"
    return resources.svg_icon(f"{ICON_FOLDER}/{key}.svg")


def for_code(code: str) -> QIcon:
    """The icon of a classic object type."""
    return named(code)


def for_node(node: Node) -> QIcon:
    """The icon of a tree row."""
    if node.kind is NodeKind.MESSAGE:
        role = node.payload if isinstance(node.payload, MessageRole) else MessageRole.INFO
        return named(role.value)
    if node.kind is NodeKind.RECORD_LINK:
        return named(node.icon or "record_link")
    if node.kind in KIND_ICONS:
        return named(KIND_ICONS[node.kind])
    if node.kind is NodeKind.OBJECT_TYPE and node.icon.lower() not in _available():
        return named("object_type")
    return named(node.icon or "object")

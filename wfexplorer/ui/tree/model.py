"""The Qt model over :class:`~wfexplorer.core.browse.tree.BrowseTree`: a translator of its announcements.

The tree owns the nodes; this model only maps them to indexes (``internalId`` is the node's id, so an
index never holds a Python object that may be freed) and turns ``rows_inserting``/``rows_inserted``,
``rows_removing``/``rows_removed`` and ``node_changed`` into ``beginInsertRows``/``endInsertRows``,
``beginRemoveRows``/``endRemoveRows`` and ``dataChanged``. ``canFetchMore`` is true only for a node
that was never loaded; ``fetchMore`` asks the controller to start its load and returns at once.

The load starts on the next turn of the event loop, not inside ``fetchMore``: Qt calls ``fetchMore``
from wherever a view or a model checker happens to be, including inside another insertion, and
starting a load inserts a "Loading…" row at once, which must never nest in a running insert.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from wfexplorer.core.browse import BrowseTree, LoadState, MessageRole, Node, NodeKind
from wfexplorer.ui.tree import icons

Index = QModelIndex | QPersistentModelIndex

#: Role carrying the node id of a row (tests, the view's actions).
NODE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# The roles as plain ints: data() runs for every painted cell, and comparing ints is cheapest.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ACCESSIBLE_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_MUTED = frozenset({NodeKind.MESSAGE, NodeKind.MORE})  # rows drawn in a muted (or link, or error) colour
HEADERS = ("Name", "Details")
_COLUMNS = len(HEADERS)


class NavigatorModel(QAbstractItemModel):
    """Two columns (name, details) over the browse tree; ``load(node)`` starts a node's load."""

    def __init__(self, tree: BrowseTree, load: Callable[[Node], object], parent: Any = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self._load = load
        self._italic: QFont | None = None
        self._fetching: set[int] = set()
        #: A word on some rows by node id (why a bulk edit failed there), in their tooltip and description.
        self.notes: dict[int, str] = {}
        tree.listeners.append(self)

    def set_notes(self, notes: dict[int, str]) -> None:
        """Replace the rows' notes (``{node id: text}``) and repaint the rows that had or have one."""
        touched = set(self.notes) | set(notes)
        self.notes = dict(notes)
        for node_id in touched:
            node = self.tree.node(node_id)
            if node is not None:
                self.node_changed(node)

    def detach(self) -> None:
        """Stop listening to the tree (the window closes)."""
        if self in self.tree.listeners:
            self.tree.listeners.remove(self)

    # -- node <-> index -----------------------------------------------------------------------------

    def node(self, index: Index) -> Node:
        """The node of ``index`` (the invisible root for an invalid index)."""
        if not index.isValid():
            return self.tree.root
        node = self.tree.node(index.internalId())
        return node if node is not None else self.tree.root

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The index of ``node`` (invalid for the root)."""
        if node.kind is NodeKind.ROOT or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.id)

    # -- QAbstractItemModel -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The view calls this for every row of every expanded node each time it lays itself out: kept lean.
        if parent.isValid():
            owner = self.tree.node(parent.internalId()) if parent.column() == 0 else None
            if owner is None:
                return QModelIndex()
        else:
            owner = self.tree.root
        children = owner.children
        if 0 <= row < len(children) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, children[row].id)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.tree.node(index.internalId())
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    # flags(): QAbstractItemModel's own (enabled and selectable, nothing for the root), with no call into Python

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Also called for every row of every expanded node on each layout.
        if not parent.isValid():
            return bool(self.tree.root.children)
        node = self.tree.node(parent.internalId()) if parent.column() == 0 else None
        return node is not None and (bool(node.children) or (node.expandable and node.state is LoadState.UNLOADED))

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self.node(parent)
        return node.can_fetch and node.id not in self._fetching

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if node.can_fetch and node.id not in self._fetching:
            self._fetching.add(node.id)
            QTimer.singleShot(0, self, lambda: self._fetch(node.id))

    def _fetch(self, node_id: int) -> None:
        self._fetching.discard(node_id)
        node = self.tree.node(node_id)
        if node is not None and node.can_fetch:
            self._load(node)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.tree.node(index.internalId())
        return None if node is None else self._value(node, index.column(), int(role))

    def multiData(self, index: Index, role_data_span: QModelRoleDataSpan) -> None:  # type: ignore[override]
        """Every role a delegate asks for at once: one call per painted cell instead of one per role."""
        if not index.isValid():
            return
        node = self.tree.node(index.internalId())
        column = index.column()
        for role_data in role_data_span:  # type: ignore[attr-defined]  # iterable at run time
            value = None if node is None else self._value(node, column, role_data.role())
            if value is None:
                role_data.clearData()  # the span is reused from cell to cell: an unset role keeps the last value
            else:
                role_data.setData(value)

    def _value(self, node: Node, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return node.label if column == 0 else node.detail
        if role == _DECORATION:
            return icons.for_node(node) if column == 0 else None
        if role == _FOREGROUND:
            return self._muted(node) if node.kind in _MUTED else None
        if role == _FONT:
            if node.kind is not NodeKind.MESSAGE or node.payload is not MessageRole.LOADING:
                return None
            if self._italic is None:
                self._italic = QFont()
                self._italic.setItalic(True)
            return self._italic
        if role == _ACCESSIBLE_TEXT:
            return node.label if column == 0 else (node.detail or "")
        if role == _TOOLTIP:
            note = self.notes.get(node.id)
            return f"{note}\n\n{self._tooltip(node)}" if note else self._tooltip(node)
        if role == _ACCESSIBLE_DESCRIPTION:
            return self.notes.get(node.id)
        if role == NODE_ID_ROLE:
            return node.id
        return None

    @staticmethod
    def _tooltip(node: Node) -> str:
        if node.kind is NodeKind.MESSAGE and node.payload is MessageRole.ERROR:
            return f"{node.label}\nPress F5 or choose Retry to load it again."
        if node.kind is NodeKind.MORE:
            return "Activate (Enter or double-click) to load the next page"
        payload = node.payload
        ident = getattr(payload, "id", None)
        code = getattr(payload, "code", None)
        if ident:
            return f"{node.label}\n{code + ':' if code else ''}{ident}"
        return node.label

    @staticmethod
    def _muted(node: Node) -> QBrush:
        palette = QApplication.palette()
        if node.kind is NodeKind.MESSAGE and node.payload is MessageRole.ERROR:
            return QBrush(Qt.GlobalColor.red if palette.color(QPalette.ColorRole.Base).lightness() > 128
                          else Qt.GlobalColor.magenta)
        if node.kind is NodeKind.MORE:
            return palette.link()
        return palette.placeholderText()

    # -- TreeListener: the tree's announcements -> Qt's -----------------------------------------------

    def rows_inserting(self, parent: Node, first: int, last: int) -> None:
        self.beginInsertRows(self.index_of(parent), first, last)

    def rows_inserted(self, parent: Node, first: int, last: int) -> None:
        self.endInsertRows()

    def rows_removing(self, parent: Node, first: int, last: int) -> None:
        self.beginRemoveRows(self.index_of(parent), first, last)

    def rows_removed(self, parent: Node, first: int, last: int) -> None:
        self.endRemoveRows()

    def node_changed(self, node: Node) -> None:
        if node.parent is None:
            return
        self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, 1))

"""Keeps a list's open rows open when the list is loaded again (F5, Retry, a new name filter).

A reload replaces a node's children with new nodes, so the view forgets which of them were expanded and
which was current: the user who pressed F5 on "Project (PROJ)" with one project open would find it closed.
Just before the old rows go, :class:`ExpansionKeeper` notes the expanded rows under the node and the current
one, each by the path of payloads that leads to it (an object's code and ID, a reference's name…), and as the
new rows come, it expands the ones on those paths again and makes the noted row current. Expanding costs what
expanding by hand costs (at most one request a row); rows that did not come back are forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QTreeView

from wfexplorer.core.browse import Node, NodeKind
from wfexplorer.ui.tree.model import NavigatorModel

Path = tuple[Hashable, ...]
_NO_KEY = frozenset({NodeKind.MESSAGE, NodeKind.MORE})


def row_key(node: Node) -> Hashable:
    """What identifies a row among its siblings across loads: its kind and payload (else its label)."""
    try:
        hash(node.payload)
    except TypeError:  # a payload that is no value (a dict): the label is the best we know
        return node.kind, node.label
    return node.kind, node.payload


class _Noted:
    """The open rows and the current row under one reloaded node, by path below it."""

    def __init__(self, expanded: set[Path], current: Path | None) -> None:
        self.expanded = expanded
        self.current = current

    @property
    def done(self) -> bool:
        return not self.expanded and self.current is None


class ExpansionKeeper(QObject):
    """Watches ``view``'s model: a node whose rows are all replaced gets its open rows and current row back."""

    def __init__(self, view: QTreeView, model: NavigatorModel, put_back: Callable[[Node], None]) -> None:
        """``put_back(node)`` makes a row current again without opening it (the view knows how)."""
        super().__init__(view)
        self.view = view
        self.model = model
        self._put_back = put_back
        self._noted: dict[int, _Noted] = {}  # reloaded node id -> what to bring back under it
        model.rowsAboutToBeRemoved.connect(self._rows_going)
        model.rowsInserted.connect(self._rows_came)

    # -- noting -------------------------------------------------------------------------------------

    def _rows_going(self, parent: QModelIndex, first: int, last: int) -> None:
        if self.model.is_range(parent) or first != 0 or last != self.model.rowCount(parent) - 1:
            return  # only a list losing all its rows is being loaded again
        owner = self.model.node(parent)
        if owner.kind is NodeKind.ROOT:
            return
        expanded: set[Path] = set()
        self._note_open(owner, (), expanded)
        index = self.view.currentIndex()
        current = self._path_below(owner, self.model.node(index)) \
            if index.isValid() and not self.model.is_range(index) else None
        if expanded or current is not None:
            self._noted[owner.id] = _Noted(expanded, current)
        else:
            self._noted.pop(owner.id, None)

    def _note_open(self, node: Node, path: Path, expanded: set[Path]) -> None:
        for child in node.children:
            if child.children and child.kind not in _NO_KEY and self.view.isExpanded(self.model.index_of(child)):
                below = (*path, row_key(child))
                expanded.add(below)
                self._note_open(child, below, expanded)

    @staticmethod
    def _path_below(owner: Node, node: Node) -> Path | None:
        keys: list[Hashable] = []
        while node is not owner:
            if node.parent is None or node.kind in _NO_KEY:
                return None
            keys.append(row_key(node))
            node = node.parent
        return tuple(reversed(keys)) or None

    # -- bringing back ------------------------------------------------------------------------------

    def _rows_came(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self._noted or self.model.is_range(parent):
            return
        under = self.model.node(parent)
        found = self._noted_above(under)
        if found is None:
            return
        root, noted = found
        prefix = (self._path_below(root, under) or ()) if under is not root else ()
        for row in range(first, last + 1):
            child = self.model.node(self.model.index(row, 0, parent))
            if child is under or child.kind in _NO_KEY:
                continue
            path = (*prefix, row_key(child))
            if path in noted.expanded:
                noted.expanded.discard(path)
                QTimer.singleShot(0, self, lambda child=child: self._expand(child))
            if path == noted.current:
                noted.current = None
                QTimer.singleShot(0, self, lambda child=child: self._make_current(child))
        if noted.done:
            del self._noted[root.id]

    def _noted_above(self, node: Node | None) -> tuple[Node, _Noted] | None:
        while node is not None:
            noted = self._noted.get(node.id)
            if noted is not None:
                return node, noted
            node = node.parent
        return None

    def _expand(self, node: Node) -> None:
        if node.parent is not None:  # still in the tree
            self.view.expand(self.model.index_of(node))

    def _make_current(self, node: Node) -> None:
        if node.parent is not None and self.model.node(self.view.currentIndex()) is not node:
            self._put_back(node)

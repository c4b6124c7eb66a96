"""The Qt model over :class:`~wfexplorer.core.browse.tree.BrowseTree`: a translator of its announcements.

The tree owns the nodes; this model only maps them to indexes (``internalId`` is the node's id, so an
index never holds a Python object that may be freed) and turns ``rows_inserting``/``rows_inserted``,
``rows_removing``/``rows_removed`` and ``node_changed`` into ``beginInsertRows``/``endInsertRows``,
``beginRemoveRows``/``endRemoveRows`` and ``dataChanged``. ``canFetchMore`` is true only for a node
that was never loaded; ``fetchMore`` asks the controller to start its load and returns at once.

The load starts on the next turn of the event loop, not inside ``fetchMore``: Qt calls ``fetchMore``
from wherever a view or a model checker happens to be, including inside another insertion, and
starting a load inserts a "Loading…" row at once, which must never nest in a running insert.

A list that pages in is folded: when a page arrives, the rows before it go, by 500s, into range rows
("Rows 1 to 500", collapsed until the user expands them; nothing is loaded), and only the newest rows
(the page, and fewer than 500 before it) stay in the list itself, above its "Load more" row. Qt's tree
view lays out every shown row again after any insertion under an expanded node, asking this model for
each one; folding keeps that to under a thousand rows a page however many were loaded. A list loaded
at once is not folded. A message row above the rows (a failed reload's error, whose old rows stay) is a
leading row: it stands above the ranges and leaves them folded. The browse tree knows nothing of it: a
range row is a model row only, with an id of its own (``GROUP_BIT`` set), and moving rows into or out
of ranges is a layout change that keeps selections, the current row and expanded rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from wfexplorer.core import errors
from wfexplorer.core.browse import BrowseTree, LinkRef, LoadState, MessageRole, Node, NodeKind
from wfexplorer.ui import messages
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
#: Rows a range row holds; a list keeps at most this many rows of its own (the newest) besides its ranges.
FOLD = 500
#: A range row's internal id: this bit, the list node's id shifted by ``_GROUP_SHIFT``, and the range's number.
GROUP_BIT = 1 << 62
_GROUP_SHIFT = 24
_GROUP_NUMBER = (1 << _GROUP_SHIFT) - 1
_NOT_FOLDED = frozenset({NodeKind.MORE, NodeKind.MESSAGE})
#: A failed load's row says in its Details column how to try again (the message fills the Name column),
#: and a screen reader hears the whole sentence.
RETRY_DETAIL = "Enter: retry"
RETRY_SPOKEN = " — press Enter or F5 to retry"


def _failed(node: Node) -> bool:
    """A row that stands for a load that failed: an error message, or a "Load more" whose page failed."""
    if node.kind is NodeKind.MESSAGE:
        return node.payload is MessageRole.ERROR
    return node.kind is NodeKind.MORE and node.state is LoadState.FAILED


class NavigatorModel(QAbstractItemModel):
    """Two columns (name, details) over the browse tree; ``load(node)`` starts a node's load."""

    def __init__(self, tree: BrowseTree, load: Callable[[Node], object], parent: Any = None, *,
                 fold: int | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self._load = load
        self.fold = fold or FOLD
        #: list node id -> (its leading rows, its range rows), for the lists that show range rows: the model
        #: shows the list's first ``lead`` children, then ``ranges`` range rows holding the next
        #: ``ranges * fold`` children, then the rest of the children.
        self._folds: dict[int, tuple[int, int]] = {}
        self._folds_after_change: dict[int, tuple[int, int]] = {}
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
        """The node of ``index`` (the invisible root for an invalid index; the list for a range row)."""
        if not index.isValid():
            return self.tree.root
        ident = index.internalId()
        node = self.tree.node(ident if ident < GROUP_BIT else (ident - GROUP_BIT) >> _GROUP_SHIFT)
        return node if node is not None else self.tree.root

    def is_range(self, index: Index) -> bool:
        """Whether ``index`` is a range row ("Rows 1 to 500" of a folded list), which stands for no node."""
        return index.isValid() and index.internalId() >= GROUP_BIT

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The index of ``node`` (invalid for the root); inside a range row when its list is folded there."""
        parent = node.parent
        if node.kind is NodeKind.ROOT or parent is None:
            return QModelIndex()
        fold = self._folds.get(parent.id)
        if fold:
            lead, ranges = fold
            folded = ranges * self.fold
            row = node.row
            if row < lead:
                return self.createIndex(row, column, node.id)
            if row < lead + folded:
                return self.createIndex((row - lead) % self.fold, column, node.id)
            return self.createIndex(row - folded + ranges, column, node.id)
        return self.createIndex(node.row, column, node.id)

    def _range_index(self, owner: Node, number: int, column: int = 0) -> QModelIndex:
        lead = self._folds[owner.id][0]
        return self.createIndex(lead + number, column, GROUP_BIT + (owner.id << _GROUP_SHIFT) + number)

    def _range_of(self, ident: int) -> tuple[Node, int] | None:
        """The list and the number of the range row with internal id ``ident``; None once it is gone."""
        owner = self.tree.node((ident - GROUP_BIT) >> _GROUP_SHIFT)
        number = ident & _GROUP_NUMBER
        if owner is None or number >= self._folds.get(owner.id, (0, 0))[1]:
            return None
        return owner, number

    # -- QAbstractItemModel -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The view calls this for every row of every expanded node each time it lays itself out: kept lean.
        if parent.isValid():
            ident = parent.internalId()
            if parent.column() != 0:
                return QModelIndex()
            if ident >= GROUP_BIT:  # a row inside a range row
                found = self._range_of(ident)
                if found is None or not 0 <= row < self.fold or not 0 <= column < _COLUMNS:
                    return QModelIndex()
                owner, number = found
                lead = self._folds[owner.id][0]
                return self.createIndex(row, column, owner.children[lead + number * self.fold + row].id)
            found_owner = self.tree.node(ident)
            if found_owner is None:
                return QModelIndex()
            owner = found_owner
        else:
            owner = self.tree.root
        at = row
        fold = self._folds.get(owner.id)
        if fold and row >= fold[0]:
            lead, ranges = fold
            if row < lead + ranges:
                if not 0 <= column < _COLUMNS:
                    return QModelIndex()
                return self.createIndex(row, column, GROUP_BIT + (owner.id << _GROUP_SHIFT) + row - lead)
            at += ranges * self.fold - ranges
        children = owner.children
        if 0 <= at < len(children) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, children[at].id)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        ident = index.internalId()
        if ident >= GROUP_BIT:
            found = self._range_of(ident)
            return QModelIndex() if found is None else self.index_of(found[0])
        node = self.tree.node(ident)
        if node is None or node.parent is None:
            return QModelIndex()
        owner = node.parent
        fold = self._folds.get(owner.id)
        if fold:
            inside = node.row - fold[0]
            if 0 <= inside < fold[1] * self.fold:
                return self._range_index(owner, inside // self.fold)
        return self.index_of(owner)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        if self.is_range(parent):
            return self.fold if self._range_of(parent.internalId()) is not None else 0
        owner = self.node(parent)
        ranges = self._folds.get(owner.id, (0, 0))[1]
        return len(owner.children) - ranges * self.fold + ranges

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    # flags(): QAbstractItemModel's own (enabled and selectable, nothing for the root), with no call into Python

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Also called for every row of every expanded node on each layout.
        if not parent.isValid():
            return bool(self.tree.root.children)
        if parent.column() != 0:
            return False
        ident = parent.internalId()
        if ident >= GROUP_BIT:
            return self._range_of(ident) is not None
        node = self.tree.node(ident)
        return node is not None and (bool(node.children) or (node.expandable and node.state is LoadState.UNLOADED))

    def canFetchMore(self, parent: Index) -> bool:
        if (parent.isValid() and parent.column() != 0) or self.is_range(parent):
            return False
        node = self.node(parent)
        return node.can_fetch and node.id not in self._fetching

    def fetchMore(self, parent: Index) -> None:
        if self.is_range(parent):
            return
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
        ident = index.internalId()
        if ident >= GROUP_BIT:
            return self._range_value(ident, index.column(), int(role))
        node = self.tree.node(ident)
        return None if node is None else self._value(node, index.column(), int(role))

    def multiData(self, index: Index, role_data_span: QModelRoleDataSpan) -> None:  # type: ignore[override]
        """Every role a delegate asks for at once: one call per painted cell instead of one per role."""
        if not index.isValid():
            return
        ident = index.internalId()
        node = self.tree.node(ident) if ident < GROUP_BIT else None
        column = index.column()
        for role_data in role_data_span:  # type: ignore[attr-defined]  # iterable at run time
            if ident >= GROUP_BIT:
                value = self._range_value(ident, column, role_data.role())
            else:
                value = None if node is None else self._value(node, column, role_data.role())
            if value is None:
                role_data.clearData()  # the span is reused from cell to cell: an unset role keeps the last value
            else:
                role_data.setData(value)

    def _value(self, node: Node, column: int, role: int) -> Any:
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            if _failed(node):  # the row itself says it can be tried again
                if column != 0:
                    return RETRY_DETAIL
                return node.label if role == _DISPLAY else f"{node.label}{RETRY_SPOKEN}"
            if column != 0:
                return node.detail if role == _DISPLAY else (node.detail or "")
            return node.label
        if role == _DECORATION:
            return icons.for_node(node) if column == 0 else None
        if role == _FOREGROUND:
            return self._muted(node) if node.kind in _MUTED and column == 0 else None
        if role == _FONT:
            if node.kind is not NodeKind.MESSAGE or node.payload is not MessageRole.LOADING:
                return None
            if self._italic is None:
                self._italic = QFont()
                self._italic.setItalic(True)
            return self._italic
        if role == _TOOLTIP:
            note = self.notes.get(node.id)
            return f"{note}\n\n{self._tooltip(node)}" if note else self._tooltip(node)
        if role == _ACCESSIBLE_DESCRIPTION:
            return self.notes.get(node.id)
        if role == NODE_ID_ROLE:
            return node.id
        return None

    def _range_value(self, ident: int, column: int, role: int) -> Any:
        found = self._range_of(ident)
        if found is None:
            return None
        owner, number = found
        first = number * self.fold + 1
        last = first + self.fold - 1
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return f"Rows {first:,} to {last:,}" if column == 0 else f"{self.fold:,}"
        if role == _TOOLTIP:
            return (f"Rows {first:,} to {last:,} of “{owner.label}”, folded so that a long list stays quick.\n"
                    "Expand to show them; nothing more is loaded.")
        if role == _ACCESSIBLE_DESCRIPTION:
            return f"{self.fold:,} rows, folded; expand to show them"
        if role == _FOREGROUND:
            return QApplication.palette().placeholderText()
        return None

    @staticmethod
    def _tooltip(node: Node) -> str:
        if _failed(node):
            error = node.error if node.kind is NodeKind.MORE else node.data
            if not isinstance(error, errors.WorkfrontError):
                said = node.label
            elif type(error) in (errors.WorkfrontError, errors.ValidationError):
                said = messages.headline(error)  # their advice (a form's fields, "try again") adds nothing here
            else:
                said = messages.explain(error)
            return f"{said}\nPress Enter or F5, or choose Retry in the row's menu, to try again."
        if node.kind is NodeKind.MORE:
            return "Activate (Enter or double-click) to load the next page"
        payload = node.payload
        if isinstance(payload, LinkRef):
            what = "A reference to" if node.kind is NodeKind.REFERENCE else "A collection of"
            shown = f"\n{node.detail}" if node.kind is NodeKind.REFERENCE and node.detail else ""
            return f"{node.label} ({payload.name}){shown}\n{what} {payload.target_code} objects"
        ident = getattr(payload, "id", None)
        code = getattr(payload, "code", None)
        if ident:
            return f"{node.label}\n{code + ':' if code else ''}{ident}"
        return node.label

    @staticmethod
    def _muted(node: Node) -> QBrush:
        palette = QApplication.palette()
        if _failed(node):
            return QBrush(Qt.GlobalColor.red if palette.color(QPalette.ColorRole.Base).lightness() > 128
                          else Qt.GlobalColor.magenta)
        if node.kind is NodeKind.MORE:
            return palette.link()
        return palette.placeholderText()

    # -- TreeListener: the tree's announcements -> Qt's -----------------------------------------------

    def rows_inserting(self, parent: Node, first: int, last: int) -> None:
        # Rows come in one of three places of a folded list: among its leading rows (a failed reload's error
        # goes on top: the ranges stay), after its ranges (a page: the rows before it fold, by whole ranges,
        # before it comes, in one layout, and the page stays in sight), or inside a range (nothing in the
        # app does that: the ranges from there on open into plain rows first).
        lead, ranges = self._folds.get(parent.id, (0, 0))
        if ranges and first <= lead:
            self._folds_after_change[parent.id] = (lead + last - first + 1, ranges)
            self.beginInsertRows(self.index_of(parent), first, last)
            return
        if not ranges:
            children = parent.children
            lead = 1 if children and children[0].kind is NodeKind.MESSAGE else 0
            plain_before = first > lead and children[lead].kind not in _NOT_FOLDED
            wanted = (first - lead) // self.fold if plain_before else 0
        else:
            wanted = (first - lead) // self.fold
        if wanted != ranges:
            self._set_ranges(parent, lead, wanted)
            ranges = wanted
        at = first - ranges * self.fold + ranges
        self.beginInsertRows(self.index_of(parent), at, at + last - first)

    def rows_inserted(self, parent: Node, first: int, last: int) -> None:
        self._settle(parent)
        self.endInsertRows()

    def rows_removing(self, parent: Node, first: int, last: int) -> None:
        lead, ranges = self._folds.get(parent.id, (0, 0))
        folded = ranges * self.fold
        count = last - first + 1
        if not ranges or first >= lead + folded:  # plain rows after the ranges (or no ranges)
            at = first - folded + ranges
            self.beginRemoveRows(self.index_of(parent), at, at + count - 1)
            return
        if last < lead:  # leading rows only (the error row of a failed reload, before the next load)
            self._folds_after_change[parent.id] = (lead - count, ranges)
            self.beginRemoveRows(self.index_of(parent), first, last)
            return
        if last >= lead + folded - 1 and (first <= lead or (first - lead) % self.fold == 0):
            # whole ranges and everything after them up to ``last`` (a reload's new rows replacing the old):
            # one run of the model's rows
            kept = 0 if first <= lead else (first - lead) // self.fold
            self._folds_after_change[parent.id] = (min(first, lead), kept)
            at = first if first <= lead else lead + kept
            self.beginRemoveRows(self.index_of(parent), at, last - folded + ranges)
            return
        # rows inside a range: the ranges from there on open into plain rows first
        kept = 0 if first < lead else (first - lead) // self.fold
        self._set_ranges(parent, lead, kept)
        at = first - kept * self.fold + kept
        self.beginRemoveRows(self.index_of(parent), at, at + count - 1)

    def rows_removed(self, parent: Node, first: int, last: int) -> None:
        self._settle(parent)
        for gone in [ident for ident in self._folds if self.tree.node(ident) is None]:
            del self._folds[gone]  # a list removed with its parent
        self.endRemoveRows()
        self._unfold_short(parent)

    # -- folding long lists into range rows ------------------------------------------------------------

    def _settle(self, owner: Node) -> None:
        """The leading rows and ranges an insertion or removal under way leaves, now that the tree made it."""
        after = self._folds_after_change.pop(owner.id, None)
        if after is not None:
            self._store_ranges(owner, *after)

    def _unfold_short(self, owner: Node) -> None:
        """After rows went: fewer ranges if no plain row would be left after them."""
        lead, ranges = self._folds.get(owner.id, (0, 0))
        if not ranges:
            return
        children = owner.children
        plain = len(children) - lead - (1 if children and children[-1].kind in _NOT_FOLDED else 0)
        wanted = min(ranges, max(0, (plain - 1) // self.fold))
        if wanted != ranges:
            self._set_ranges(owner, lead, wanted)

    def _store_ranges(self, owner: Node, lead: int, ranges: int) -> None:
        if ranges:
            self._folds[owner.id] = (lead, ranges)
        else:
            self._folds.pop(owner.id, None)

    def _set_ranges(self, owner: Node, lead: int, ranges: int) -> None:
        """Show ``lead`` leading rows and ``ranges`` range rows in ``owner``, as a layout change: what the user
        selected, expanded or stands on stays (a row that leaves a range keeps its place in the list; a range
        row that goes gives its place to its first row)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        where = [(index.internalId(), index.column()) for index in before]
        self._store_ranges(owner, lead, ranges)
        after = []
        for ident, column in where:
            if ident < GROUP_BIT:
                node = self.tree.node(ident)
                after.append(self.index_of(node, column) if node is not None else QModelIndex())
                continue
            list_id, number = (ident - GROUP_BIT) >> _GROUP_SHIFT, ident & _GROUP_NUMBER
            list_node = self.tree.node(list_id)
            if list_node is None or (list_id != owner.id and list_id not in self._folds):
                after.append(QModelIndex())
            elif list_id != owner.id or number < ranges:
                after.append(self._range_index(list_node, number, column))
            elif lead + number * self.fold < len(list_node.children):
                after.append(self.index_of(list_node.children[lead + number * self.fold], column))
            else:
                after.append(self.index_of(list_node, column))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def node_changed(self, node: Node) -> None:
        if node.parent is None:
            return
        self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, 1))

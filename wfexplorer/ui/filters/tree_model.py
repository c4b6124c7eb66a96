"""The Qt item model over a ``BuilderState``: a translator of its announcements, nothing more.

Rows are the state's nodes (the root group is the one top-level row, so it can be dropped into and switched
between AND and OR); an index carries its node id. Columns: the field (or "All of"/"Any of" for a group), the
condition, the value in words. Each state announcement becomes the matching ``begin…``/``end…`` call; the model
keeps no tree of its own. Drag and drop moves nodes through ``BuilderState.move``; problems found by the builder
(``set_problems``) mark their rows with an icon and a tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from wfexplorer.core.planning.builder import (
    BuilderEvent,
    BuilderFields,
    BuilderNode,
    BuilderState,
    Changed,
    Inserted,
    Inserting,
    Moved,
    Moving,
    NodeProblem,
    Removed,
    Removing,
    Reset,
    Resetting,
)
from wfexplorer.core.planning.filters import Condition, FieldKind, condition_words
from wfexplorer.ui.filters import icons

MIME_TYPE = "application/x-wfexplorer-filter-nodes"
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Field", "Condition", "Value")
GROUP_WORDS = {"AND": "All of these (AND)", "OR": "Any of these (OR)"}

Index = QModelIndex | QPersistentModelIndex


class FilterTreeModel(QAbstractItemModel):
    """A view of one ``BuilderState``'s tree (see the module docs)."""

    def __init__(self, state: BuilderState, fields: BuilderFields | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.fields = fields or BuilderFields()
        self.names: Mapping[str, str] = {}
        self.today: date | None = None
        self._problems: dict[int, list[NodeProblem]] = {}
        self._unsubscribe = state.subscribe(self._on_event)

    def close(self) -> None:
        """Stop following the state."""
        self._unsubscribe()

    # -- what the builder tells it -----------------------------------------------------------------------

    def set_fields(self, fields: BuilderFields) -> None:
        """Show field labels and icons from ``fields``."""
        self.fields = fields
        self._all_changed()

    def set_names(self, names: Mapping[str, str], today: date | None = None) -> None:
        """Read people and record ids in values as these names; write dates as of ``today``."""
        self.names, self.today = names, today
        self._all_changed()

    def set_problems(self, problems: Iterable[NodeProblem]) -> None:
        """Mark the rows that have problems (replacing the previous marks)."""
        found: dict[int, list[NodeProblem]] = {}
        for problem in problems:
            if problem.node is not None and problem.node in self.state:
                found.setdefault(problem.node, []).append(problem)
        if found == self._problems:
            return
        changed = set(found) | set(self._problems)
        self._problems = found
        for node_id in changed:
            if node_id in self.state:
                self._node_changed(node_id)

    def problems_of(self, node_id: int) -> list[NodeProblem]:
        """The problems shown on a row."""
        return list(self._problems.get(node_id, ()))

    # -- navigation ------------------------------------------------------------------------------------

    def node_of(self, index: Index) -> BuilderNode | None:
        """The node an index shows (None for the invisible root or a stale id)."""
        if not index.isValid():
            return None
        node_id = index.internalId()
        return self.state.node(node_id) if node_id in self.state else None

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        """The index of a node's row."""
        node = self.state.node(node_id)
        return self.createIndex(node.row, column, node.id)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self.state.root_id) if row == 0 else QModelIndex()
        node = self.node_of(parent)
        if node is None or parent.column() != 0 or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].id)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node_of(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        node = self.node_of(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    # -- data ------------------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node_of(index)
        if node is None:
            return None
        column = index.column()
        if role == NODE_ID_ROLE:
            return node.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(node)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            problems = self._problems.get(node.id)
            if problems:
                return icons.problem_icon(any(problem.is_error for problem in problems))
            if node.is_group:
                return icons.group_icon(node.operator.value if node.operator else "AND")
            field = self.fields.get(node.field) if node.field else None
            return icons.field_icon(field.kind if field else None, bool(field and field.own_kind is FieldKind.LOOKUP))
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self._problems.get(node.id)
            return "\n".join(problem.message for problem in problems) if problems else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe_row(node)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            problems = self._problems.get(node.id)
            return "; ".join(problem.message for problem in problems) if problems else None
        return None

    def describe_row(self, node: BuilderNode) -> str:
        """The row in words, for screen readers: ``Condition 2 of 3: Status is Active``."""
        texts = [text for text in self._texts(node) if text]
        if node.parent is None:
            return f"Filter: {texts[0]}"
        kind = "Group" if node.is_group else "Condition"
        return f"{kind} {node.row + 1} of {len(node.parent.children)}: {' '.join(texts)}"

    def _texts(self, node: BuilderNode) -> tuple[str, str, str]:
        if node.is_group:
            operator = node.operator.value if node.operator else "AND"
            count = len(node.children)
            return GROUP_WORDS[operator], "", f"{count} condition{'' if count == 1 else 's'}"
        frozen = node.frozen()
        assert isinstance(frozen, Condition)
        if not node.field:
            return "(choose a field)", frozen.condition.label, ""
        return condition_words(frozen, self.fields.catalog, names=self.names, today=self.today)

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self.node_of(index)
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.parent is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if node.is_group:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- drag and drop ---------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = []
        for index in indexes:
            node = self.node_of(index)
            if node is not None and node.parent is not None and node.id not in ids:
                ids.append(node.id)
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not data.hasFormat(MIME_TYPE) or action != Qt.DropAction.MoveAction:
            return False
        target = self._drop_target(parent, row)
        if target is None:
            return False
        group = self.state.node(target[0])
        return all(not group.descends_from(self.state.node(node_id)) for node_id in self._dragged(data)
                   if node_id in self.state)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._drop_target(parent, row)
        assert target is not None
        group_id, before = target
        moved = False
        for node_id in self._dragged(data):
            if node_id in self.state and self.state.move(node_id, group_id, before):
                moved = True
                node = self.state.node(node_id)
                before = node.row + 1
        return moved  # the view then asks removeRows, which this model refuses: the move is already done

    def _drop_target(self, parent: Index, row: int) -> tuple[int, int] | None:
        """Where a drop lands: (group id, row before which to insert)."""
        node = self.node_of(parent)
        if node is None:
            return None
        if node.is_group:
            return node.id, (len(node.children) if row < 0 else row)
        assert node.parent is not None  # a condition dropped onto: go right after it
        return node.parent.id, node.row + 1

    @staticmethod
    def _dragged(data: QMimeData) -> list[int]:
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        return [int(part) for part in raw.split(",") if part.strip().isdigit()]

    # -- following the state ---------------------------------------------------------------------------

    def _on_event(self, event: BuilderEvent) -> None:
        if isinstance(event, Inserting):
            self.beginInsertRows(self.index_of(event.parent), event.index, event.index + event.count - 1)
        elif isinstance(event, Inserted):
            self.endInsertRows()
            self._node_changed(event.parent)
        elif isinstance(event, Removing):
            self.beginRemoveRows(self.index_of(event.parent), event.index, event.index + event.count - 1)
        elif isinstance(event, Removed):
            self.endRemoveRows()
            self._node_changed(event.parent)
        elif isinstance(event, Moving):
            source, destination = self.index_of(event.source), self.index_of(event.destination)
            if not self.beginMoveRows(source, event.index, event.index, destination, event.before):
                raise AssertionError(f"Qt refused a move the state made: {event}")
        elif isinstance(event, Moved):
            self.endMoveRows()
            self._node_changed(event.source)
            if event.destination != event.source:
                self._node_changed(event.destination)
        elif isinstance(event, Resetting):
            self.beginResetModel()
        elif isinstance(event, Reset):
            self._problems = {}
            self.endResetModel()
        elif isinstance(event, Changed):
            self._node_changed(event.node)

    def _node_changed(self, node_id: int) -> None:
        if node_id not in self.state:
            return
        left, right = self.index_of(node_id, 0), self.index_of(node_id, len(COLUMNS) - 1)
        self.dataChanged.emit(left, right)

    def _all_changed(self) -> None:
        for node in self.state.walk():
            self._node_changed(node.id)

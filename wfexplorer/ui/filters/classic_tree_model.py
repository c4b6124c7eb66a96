"""The item model of a classic search's conditions: OR groups as top-level rows, their conditions below them.

Group 0 reads "All of these" (the conditions sent without a prefix); group n reads "OR 1: all of these"
(``OR:n:``). Columns: field (its label path when known), modifier, value(s). Problems are shown on the row they
concern (a warning icon, the message as tooltip and in the accessible text). The model is a translator of the
``ClassicSearch``: the builder calls :meth:`refresh` after every change, which resets the rows (a search holds
tens of conditions, not thousands).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from wfexplorer.core.classic.search_model import MODIFIER_LABELS, ClassicSearch, Condition, Modifier, Problem
from wfexplorer.ui.filters import icons

NO_PARENT = 0xFFFFFFFF
CONDITION_ROLE = Qt.ItemDataRole.UserRole + 1  # the condition id (None on a group row)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the group index
HEADERS = ("Field", "Modifier", "Value")
Index = QModelIndex | QPersistentModelIndex


def group_title(index: int, number: int | None = None) -> str:
    """How a group row reads (``number``: the ``OR:n:`` it is sent as; None: empty, so not sent)."""
    if index == 0:
        return "All of these"
    return f"OR {number}: all of these" if number is not None else "OR (empty: not sent)"


def value_text(condition: Condition) -> str:
    """A condition's values as the value column shows them."""
    if condition.range is not None:
        return f"{', '.join(condition.values) or '…'} and {condition.range}"
    return ", ".join(condition.values)


def modifier_text(condition: Condition) -> str:
    """A condition's modifier as words (``eq`` when left to Workfront, marked as the default)."""
    modifier = condition.effective_modifier
    words = MODIFIER_LABELS.get(modifier, str(modifier)) if isinstance(modifier, Modifier) else f"{modifier}?"
    return words if condition.modifier is not None else f"{words} (default)"


class ClassicTreeModel(QAbstractItemModel):
    """Groups and conditions of one ``ClassicSearch`` (read-only; editing goes through the builder)."""

    def __init__(self, search: ClassicSearch, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = search
        self.labels: dict[str, str] = {}
        self._problems: dict[int, list[str]] = {}
        self._group_problems: dict[int, list[str]] = {}

    def refresh(self) -> None:
        """Show the search as it is now."""
        self.beginResetModel()
        self.endResetModel()

    def condition_changed(self, condition_id: int) -> None:
        """One condition changed in place (its row stays; the selection stays with it)."""
        first = self.index_of(condition_id)
        self.dataChanged.emit(first, first.siblingAtColumn(len(HEADERS) - 1))

    def set_labels(self, labels: dict[str, str]) -> None:
        """Readable labels of field paths (``project:name`` → ``Project > Name``)."""
        self.labels = dict(labels)
        self._changed_all()

    def set_problems(self, problems: list[Problem]) -> None:
        """Mark problems on the conditions (and groups) they concern."""
        self._problems, self._group_problems = {}, {}
        for problem in problems:
            if problem.target_id is None:
                continue
            if self.search.query.find(problem.target_id) is not None:
                self._problems.setdefault(problem.target_id, []).append(problem.message)
            elif problem.index is not None:
                self._group_problems.setdefault(problem.index, []).append(problem.message)
        self._changed_all()

    def problems_of(self, condition_id: int) -> list[str]:
        """The messages shown on a condition."""
        return list(self._problems.get(condition_id, []))

    def index_of(self, condition_id: int) -> QModelIndex:
        """The index of a condition's first column."""
        group, position = self.search.where(condition_id)
        return self.index(position, 0, self.index(group, 0))

    def _changed_all(self) -> None:
        groups = len(self.search.query.groups)
        if groups:
            self.dataChanged.emit(self.index(0, 0), self.index(groups - 1, len(HEADERS) - 1))
            for group in range(groups):
                rows = len(self.search.query.groups[group].conditions)
                if rows:
                    parent = self.index(group, 0)
                    self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, len(HEADERS) - 1, parent))

    # -- structure ---------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(HEADERS):
            return QModelIndex()
        groups = self.search.query.groups
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT) if row < len(groups) else QModelIndex()
        if parent.internalId() != NO_PARENT or parent.column() != 0 or parent.row() >= len(groups):
            return QModelIndex()
        if row >= len(groups[parent.row()].conditions):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        groups = self.search.query.groups
        if not parent.isValid():
            return len(groups)
        if parent.internalId() == NO_PARENT and parent.column() == 0 and parent.row() < len(groups):
            return len(groups[parent.row()].conditions)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    # -- data --------------------------------------------------------------------------------------------

    def condition_at(self, index: Index) -> Condition | None:
        """The condition a row shows (None for a group row)."""
        if not index.isValid() or index.internalId() == NO_PARENT:
            return None
        groups = self.search.query.groups
        group = index.internalId()
        if group >= len(groups) or index.row() >= len(groups[group].conditions):
            return None
        return groups[group].conditions[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        groups = self.search.query.groups
        if index.internalId() == NO_PARENT:
            if index.row() >= len(groups):
                return None
            return self._group_data(index.row(), index.column(), role)
        condition = self.condition_at(index)
        if condition is None:
            return None
        if role == CONDITION_ROLE:
            return condition.id
        if role == GROUP_ROLE:
            return index.internalId()
        problems = self._problems.get(condition.id, [])
        texts = (self.labels.get(condition.field) or condition.field or "(choose a field)", modifier_text(condition),
                 value_text(condition))
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{condition.field} {condition.effective_modifier} {value_text(condition)}".strip()
            return "\n".join([tip, *problems])
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and problems:
            return icons.problem_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            group_size = len(groups[index.internalId()].conditions)
            words = f"Condition {index.row() + 1} of {group_size}: {texts[0]} {texts[1]} {texts[2]}".rstrip()
            return f"{words}. Problem: {' '.join(problems)}" if problems else words
        return None

    def _group_data(self, group: int, column: int, role: int) -> Any:
        if role == GROUP_ROLE:
            return group
        if role == CONDITION_ROLE:
            return None
        problems = self._group_problems.get(group, [])
        groups = self.search.query.groups
        size = len(groups[group].conditions)
        number = sum(1 for other in groups[1 : group + 1] if other.conditions) if size else None
        title = group_title(group, number)
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{title} ({size})"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            words = f"Group {title}, {size} condition{'' if size == 1 else 's'}"
            return f"{words}. {' '.join(problems)}" if problems else words
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            sent = "Conditions sent without a prefix" if group == 0 else (
                f"Sent as OR:{number}:" if number is not None else "Empty: left out of the request")
            return "\n".join(problems) or sent
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and problems:
            return icons.problem_icon()
        return None

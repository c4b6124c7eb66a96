"""The filter tree's view: rows you can drag to another place or group, every action also on the keyboard.

Keys (while the tree has the focus): Insert adds a condition (not Ctrl+N: that is the window's New connection),
Ctrl+G a group, Ctrl+D duplicates, Delete removes, Ctrl+Up/Down moves a row, Ctrl+Right moves it into the group
above, Ctrl+Left out of its group, F2 or Enter goes to the selected row's editor. Groups stay open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from wfexplorer.ui.filters.tree_model import FilterTreeModel

#: Action name → (menu text, shortcuts).
ACTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "add_condition": ("Add &condition", ("Insert",)),
    "add_group": ("Add &group", ("Ctrl+G",)),
    "duplicate": ("&Duplicate", ("Ctrl+D",)),
    "remove": ("&Remove", ("Delete",)),
    "move_up": ("Move &up", ("Ctrl+Up",)),
    "move_down": ("Move do&wn", ("Ctrl+Down",)),
    "indent": ("Into the group &above", ("Ctrl+Right",)),
    "outdent": ("&Out of its group", ("Ctrl+Left",)),
}


class FilterTreeView(QTreeView):
    """The tree of groups and conditions.

    Signals:
        node_selected(object): the selected node's id (None when nothing is selected).
        edit_requested(): the user asked to edit the selected row (F2, Enter).
    """

    node_selected = Signal(object)
    edit_requested = Signal()

    def __init__(self, model: FilterTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterTree")
        self.setAccessibleName("Filter: groups and conditions")
        self.filter_model = model
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        width = self.fontMetrics().averageCharWidth()
        self.setColumnWidth(0, width * 34)
        self.setColumnWidth(1, width * 16)
        model.modelReset.connect(self._expand)
        model.rowsInserted.connect(lambda *_: self._expand())
        model.rowsMoved.connect(lambda *_: self._expand())
        self._expand()
        self.actions_by_name: dict[str, QAction] = {}

    def add_actions(self, handlers: dict[str, Callable[[], object]]) -> None:
        """Make the tree's keyboard actions call these handlers (name → function, see ``ACTIONS``)."""
        for name, (text, keys) in ACTIONS.items():
            action = QAction(text.replace("&", ""), self)
            action.setObjectName(f"{name}Action")
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.actions_by_name[name] = action

    def selected_node(self) -> int | None:
        """The id of the selected row's node."""
        node = self.filter_model.node_of(self.currentIndex())
        return None if node is None else node.id

    def select_node(self, node_id: int | None) -> None:
        """Select and show a node's row."""
        if node_id is None or node_id not in self.filter_model.state:
            self.clearSelection()
            return
        index = self.filter_model.index_of(node_id)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        node = self.filter_model.node_of(current)
        self.node_selected.emit(None if node is None else node.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)

    def _expand(self) -> None:
        self.expandAll()

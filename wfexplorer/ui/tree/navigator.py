"""The navigator: the tree view over the browse model, a find bar (Ctrl+F) and the rows' context menu.

Selecting an object, record or type row shows it in the current detail tab; Ctrl+click, middle-click or
Ctrl+Enter opens it in a new tab. Several rows can be selected as in a file manager: Shift+click and
Shift+arrows extend the selection from the current row, Ctrl+arrows move the current row without changing
the selection or the detail tab (Ctrl+Enter then opens that row in a new tab) and Ctrl+Space adds or
removes the current row; the current row is otherwise the one the detail tab shows. Enter (or a
double-click) on "Load more" loads the next page; on an error row it retries. A list row (object types,
objects of a type, a collection, records) can be filtered by name on the server (Filter by name…); Find
searches the rows already loaded. A long list shows its older rows in range rows ("Rows 1 to 500"; see
the model): Enter, Right or a double-click opens one; a range row opens nothing in the detail area and is
never among the selected objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.browse import MessageRole, Node, NodeKind
from wfexplorer.ui.collector import COLLECTOR
from wfexplorer.ui.context_menus import ItemViewMenu
from wfexplorer.ui.tree.controller import BrowseController
from wfexplorer.ui.tree.expansion import ExpansionKeeper
from wfexplorer.ui.tree.model import NavigatorModel

#: Rows whose children can be filtered by name on the server (or, for the type list, locally).
FILTERABLE = frozenset({NodeKind.CLASSIC, NodeKind.OBJECT_TYPE, NodeKind.COLLECTION, NodeKind.RECORD_TYPE})
#: Rows that open in the detail area.
OPENABLE = frozenset({NodeKind.OBJECT, NodeKind.RECORD, NodeKind.OBJECT_TYPE})


_MOVING = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
                     Qt.Key.Key_End})


class NavigatorView(QTreeView):
    """The tree; reports which rows the user opens, and with which gesture.

    An assistive client (AT-SPI) selects rows through the selection model, not through keys or clicks: a row it
    adds to the selection becomes current (so it opens) while the rows it selected before stay selected, so it
    can select several rows too.

    Signals:
        open_requested(object, bool): show this Node (True: in a new tab).
    """

    open_requested = Signal(object, bool)

    def __init__(self, model: NavigatorModel, controller: BrowseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._own = 0  # > 0 while the view handles the user's key or click, or the code moves the current row
        self._rows_going = False
        self._ctrl_click = False
        self._moving_only = False  # Ctrl+arrow keys move the current row without opening it
        self.setObjectName("navigator")
        self.setAccessibleName("Navigator")
        self.setModel(model)
        self.navigator_model = model
        self.controller = controller
        model.rowsRemoved.connect(self._rows_gone)
        model.rowsInserted.connect(self._rows_added)
        self._anchor: tuple[QPersistentModelIndex, int] | None = None
        self._anchor_due = False
        model.layoutAboutToBeChanged.connect(self._keep_anchor)
        model.layoutChanged.connect(self._anchor_later)
        self._expansion = ExpansionKeeper(self, model, self.put_back)  # a list loaded again keeps its open rows
        # scrolling is activity too: a full garbage collection then would be a visible stutter
        self.verticalScrollBar().valueChanged.connect(lambda _value: COLLECTOR.note_busy())
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setExpandsOnDoubleClick(True)
        self.setAnimated(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().averageCharWidth() * 14)
        self.activated.connect(self._activated)
        self.viewport().installEventFilter(self)

    def node_at(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        """The node of a view index."""
        return self.navigator_model.node(index)

    def current_node(self) -> Node | None:
        """The current row's node (the one the detail tab shows)."""
        index = self.currentIndex()
        return self.node_at(index) if index.isValid() else None

    def select(self, node: Node) -> None:
        """Make ``node`` current and the only row selected, expanding its ancestors, and scroll to it."""
        self.select_nodes([node])

    def selected_nodes(self) -> list[Node]:
        """The selected rows' nodes, top to bottom (range rows stand for no node and are left out)."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() is not None else []
        nodes = [self.node_at(index) for index in rows if not self.navigator_model.is_range(index)]
        return sorted((node for node in nodes if node.parent is not None),
                      key=lambda node: [step.row for step in node.path()])

    def select_nodes(self, nodes: list[Node], current: Node | None = None) -> None:
        """Select exactly ``nodes`` (expanding their ancestors); ``current`` (default: the first) becomes current."""
        live = [node for node in nodes if node.parent is not None]
        if not live:
            return
        current = current if current in live else live[0]
        for node in live:
            parent = self.navigator_model.index_of(node).parent()
            while parent.isValid():
                self.expand(parent)
                parent = parent.parent()
        selection = QItemSelection()
        for node in live:
            index = self.navigator_model.index_of(node)
            selection.select(index, index)
        index = self.navigator_model.index_of(current)
        flags = QItemSelectionModel.SelectionFlag
        with self._by_user():
            self.selectionModel().setCurrentIndex(index, flags.NoUpdate)
            self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)

    def put_back(self, node: Node) -> None:
        """Make ``node`` current and selected again without opening it: a reload put back the row that was."""
        flags = QItemSelectionModel.SelectionFlag
        index = self.navigator_model.index_of(node)
        self._rows_going = True  # a move nobody chose: nothing opens
        try:
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        finally:
            self._rows_going = False

    def setCurrentIndex(self, index: QModelIndex | QPersistentModelIndex) -> None:
        with self._by_user():
            super().setCurrentIndex(index)

    def rowsAboutToBeRemoved(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        self._rows_going = True  # the current row may move (to a neighbour or the parent): nobody chose that
        super().rowsAboutToBeRemoved(parent, start, end)

    def _rows_gone(self) -> None:
        self._rows_going = False

    def _keep_anchor(self) -> None:
        """Rows are about to move into or out of range rows: remember where the row the user reads is shown.

        That row is the current one when it is in sight, else the top one in sight.
        """
        if self._anchor is not None:
            return  # a second change before the first was shown: the place to keep is the first one's
        index = self.currentIndex()
        rect = self.visualRect(index) if index.isValid() else None
        if rect is None or not rect.intersects(self.viewport().rect()):
            index = self.indexAt(QPoint(1, 1))
            rect = self.visualRect(index) if index.isValid() else None
        if rect is not None and index.isValid():
            self._anchor = (QPersistentModelIndex(index), rect.top())

    def _anchor_later(self) -> None:
        """The rows moved: put the remembered row back in its place once the view has laid them out.

        That waits for the rows a page brings right after (``_rows_added``), which would lay everything out
        a second time, or else for the next turn of the event loop.
        """
        if not self._anchor_due and self._anchor is not None:
            self._anchor_due = True
            QTimer.singleShot(0, self, self._restore_anchor)

    def _restore_anchor(self, instead: QModelIndex | None = None) -> None:
        """Scroll so that the remembered row (or ``instead``, a row taking its place) stands where it stood."""
        anchor, self._anchor, self._anchor_due = self._anchor, None, False
        if anchor is None or not anchor[0].isValid():
            return
        index, top = (instead if instead is not None else anchor[0]), anchor[1]
        self.executeDelayedItemsLayout()
        rect = self.visualRect(index)
        if not rect.isValid() or rect.height() <= 0:  # folded out of sight: nothing to keep
            return
        bar = self.verticalScrollBar()
        moved = rect.top() - top
        if self.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem:
            bar.setValue(bar.value() + round(moved / rect.height()))
        else:
            bar.setValue(bar.value() + moved)

    def _rows_added(self, parent: QModelIndex, first: int, last: int) -> None:
        """A page arrived above the current "Load more" row: its first row becomes current, scrolled to.

        Where a "load more" control's new items begin is where the user reads on (and where a screen
        reader's focus should go). The row is not opened: the page, not the user, put it there.
        """
        current = self.currentIndex()
        if not current.isValid() or current.parent() != parent or current.row() != last + 1 or \
                self.node_at(current).kind is not NodeKind.MORE:
            self._restore_anchor()  # rows folded before these came: the row the user reads stays in its place
            return
        first_new = self.navigator_model.index(first, 0, parent)
        flags = QItemSelectionModel.SelectionFlag
        self._rows_going = True  # a move nobody chose: nothing opens
        try:
            with self._by_user():
                self.selectionModel().setCurrentIndex(first_new, flags.ClearAndSelect | flags.Rows)
        finally:
            self._rows_going = False
        anchor = self._anchor
        # the first new row takes the place of "Load more" if rows folded on the way, else it comes into sight
        self._restore_anchor(first_new if anchor is not None and anchor[0] == current else None)
        self.scrollTo(first_new)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and not self._ctrl_click and not self._rows_going and not self._moving_only and \
                not self.navigator_model.is_range(current):
            node = self.node_at(current)
            if node.kind in OPENABLE or node.kind is NodeKind.REFERENCE:
                self.open_requested.emit(node, False)

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        if self._own or self._rows_going:
            return
        added = [index for index in selected.indexes() if index.column() == 0]
        current = self.currentIndex().siblingAtColumn(0)
        if added and current not in added:
            # a row selected from outside (a screen reader or another AT-SPI client) becomes current, so it
            # opens; what was selected before stays selected, so such a client can select several rows
            self.selectionModel().setCurrentIndex(added[-1], QItemSelectionModel.SelectionFlag.NoUpdate)

    def _activated(self, index: QModelIndex) -> None:
        if self.navigator_model.is_range(index):
            return  # Enter opens or closes it (keyPressEvent); a double-click already did
        node = self.node_at(index)
        if node.kind in (NodeKind.MORE, NodeKind.MESSAGE):
            self.controller.activate(node)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.navigator_model.is_range(self.currentIndex()):
            index = self.currentIndex().siblingAtColumn(0)
            self.setExpanded(index, not self.isExpanded(index))
            return
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            node = self.current_node()
            if node is not None:
                self.open_requested.emit(node, True)
            return
        # Ctrl with a moving key moves the current row and leaves the selection and the open tab alone (then
        # Ctrl+Space selects the row, Ctrl+Enter opens it in a new tab), as the docstring says
        self._moving_only = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier) and event.key() in _MOVING
        try:
            with self._by_user():
                super().keyPressEvent(event)
        finally:
            self._moving_only = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        with self._by_user():
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        with self._by_user():
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        with self._by_user():
            super().mouseReleaseEvent(event)

    @contextmanager
    def _by_user(self) -> Iterator[None]:
        """Selection changes inside are the user's own (or the code's), not an assistive client's."""
        self._own += 1
        try:
            yield
        finally:
            self._own -= 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            mouse = event if isinstance(event, QMouseEvent) else None
            if mouse is not None:
                index = self.indexAt(mouse.position().toPoint())
                ctrl = bool(mouse.modifiers() & Qt.KeyboardModifier.ControlModifier) and \
                    mouse.button() == Qt.MouseButton.LeftButton
                if index.isValid() and (mouse.button() == Qt.MouseButton.MiddleButton or ctrl) and \
                        not self.navigator_model.is_range(index):
                    flags = QItemSelectionModel.SelectionFlag
                    self._ctrl_click = True
                    try:  # the row becomes current and selected (Ctrl does not toggle it here: it opens a tab)
                        with self._by_user():
                            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
                    finally:
                        self._ctrl_click = False
                    self.open_requested.emit(self.node_at(index), True)
                    return True
        return super().eventFilter(watched, event)


class Navigator(QWidget):
    """The navigator panel: find bar above the tree.

    Signals:
        open_requested(object, bool): show this Node (True: in a new tab).
        copy_requested(object, str): copy something about a node (``"id"``, ``"link"``, ``"name"``).
        search_requested(object): open a search builder for this object type or record type Node.
        new_requested(object): make a new object of a type row, or in a collection row (its parent filled in).
        move_requested(object): move a Planning record row (and the records selected with it) in its type's order.

    ``selection_actions`` are added to the context menu of a selected object or record row (the window's
    "Bulk edit N selected…").
    """

    open_requested = Signal(object, bool)
    copy_requested = Signal(object, str)
    search_requested = Signal(object)
    new_requested = Signal(object)
    move_requested = Signal(object)

    def __init__(self, model: NavigatorModel, controller: BrowseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigatorPanel")
        self.controller = controller
        self.view = NavigatorView(model, controller)
        self.view.open_requested.connect(self.open_requested)
        self.context_menu = ItemViewMenu(self.view, self._context_menu)  # the current row's, from the keyboard
        self.find_box = QLineEdit()
        self.find_box.setObjectName("navigatorFind")
        self.find_box.setPlaceholderText("Find among loaded rows (Ctrl+F, Enter: next)")
        self.find_box.setAccessibleName("Find in the navigator")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.textChanged.connect(lambda _text: self._reset_find())
        self.find_status = QLabel()
        self.find_status.setObjectName("navigatorFindStatus")
        self.filter_button = QToolButton()
        self.filter_button.setText("Filter…")
        self.filter_button.setObjectName("navigatorFilter")
        self.filter_button.setAccessibleName("Filter the selected list by name on the server")
        self.filter_button.setToolTip("Filter the selected list by name on the server (Ctrl+Shift+F)")
        self.filter_button.clicked.connect(self.filter_current)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.find_box, 1)
        bar.addWidget(self.find_status)
        bar.addWidget(self.filter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._matches: list[Node] = []
        self._match = -1
        self.selection_actions: list[QAction] = []
        self._reselecting: tuple[set[int], list[Node], set[str], str | None] | None = None
        self._reselect_connected = False
        filter_action = QAction("Filter by name…", self)
        filter_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        filter_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        filter_action.triggered.connect(self.filter_current)
        self.addAction(filter_action)

    # -- find among loaded rows ----------------------------------------------------------------------

    def find_next(self) -> Node | None:
        """Select the next loaded row whose name contains the find text (wrapping around)."""
        text = self.find_box.text()
        if not text:
            return None
        if not self._matches:
            self._matches = self.controller.tree.find(text)
            self._match = -1
        if not self._matches:
            self.find_status.setText("No match")
            return None
        self._match = (self._match + 1) % len(self._matches)
        node = self._matches[self._match]
        if node.parent is None:  # removed since the search: search again
            self._reset_find()
            return self.find_next()
        self.view.select(node)
        self.find_status.setText(f"{self._match + 1} of {len(self._matches)}")
        return node

    def _reset_find(self) -> None:
        self._matches = []
        self._match = -1
        self.find_status.clear()

    # -- reloading lists and keeping rows selected -----------------------------------------------------

    def reload_selecting(self, parents: list[Node], ids: set[str], current_id: str | None = None) -> None:
        """Reload ``parents`` (lists), then select their rows that show ``ids`` again (``current_id``'s current).

        A reload replaces a list's rows, which drops them from the selection; after a write the rows the user
        still needs (the ones that failed, or the ones just moved) are selected again once their list is back.
        """
        pending = {node.id for node in parents if node.parent is not None}
        controller = self.controller
        self._reselecting = None if not pending else (pending, parents, ids, current_id)
        if self._reselecting is not None and not self._reselect_connected:
            controller.loaded.connect(self._reselect)
            self._reselect_connected = True
        for node in parents:
            controller.reload(node)

    def _reselect(self, loaded: Node) -> None:
        if self._reselecting is None:
            return
        pending, parents, ids, current_id = self._reselecting
        if loaded.id not in pending:
            return
        pending.discard(loaded.id)
        if not pending:
            self._reselecting = None
        rows = [child for parent in parents for child in parent.children if getattr(child.payload, "id", None) in ids]
        current = next((row for row in rows if row.payload.id == current_id), None)
        self.view.select_nodes(rows, current)

    # -- server-side name filter ---------------------------------------------------------------------

    def filter_current(self) -> None:
        """Ask for a name filter for the selected list row (or the list the selected row belongs to)."""
        node = self.view.current_node()
        while node is not None and node.kind not in FILTERABLE:
            node = node.parent
        if node is None:
            return
        text, accepted = QInputDialog.getText(self, "Filter by name",
                                              f"Show the rows of “{node.label}” whose name contains "
                                              "(empty shows all):", text=node.query)
        if accepted:
            self.controller.filter(node, text)
            self.view.select(node)
            self.view.expand(self.view.navigator_model.index_of(node))

    # -- context menu --------------------------------------------------------------------------------

    def _context_menu(self, index: QModelIndex, at: QPoint) -> None:
        if not index.isValid():
            return
        node = self.view.node_at(index)
        menu = QMenu(self)
        if self.view.navigator_model.is_range(index):
            index = index.siblingAtColumn(0)
            shown = self.view.isExpanded(index)
            menu.addAction("Collapse" if shown else "Expand", lambda: self.view.setExpanded(index, not shown))
            menu.addAction(f"Reload “{node.label}”\tF5", lambda: self.controller.reload(node))
            menu.exec(at)
            return
        if node.kind in OPENABLE:
            menu.addAction("Open in a new tab", lambda: self.open_requested.emit(node, True))
        if node.kind is NodeKind.MORE:
            menu.addAction("Load more", lambda: self.controller.activate(node))
        if node.kind is NodeKind.MESSAGE and node.payload is MessageRole.ERROR:
            menu.addAction("Retry", lambda: self.controller.activate(node))
        if node.expandable or node.kind in (NodeKind.MORE, NodeKind.MESSAGE):
            menu.addAction("Reload\tF5", lambda: self.controller.reload(node))
        if node.kind in FILTERABLE:
            menu.addAction("Filter by name…", self.filter_current)
        if node.kind in (NodeKind.OBJECT_TYPE, NodeKind.RECORD_TYPE):
            menu.addAction("Search with conditions…", lambda: self.search_requested.emit(node))
        if node.kind in (NodeKind.OBJECT_TYPE, NodeKind.COLLECTION, NodeKind.RECORD_TYPE):
            menu.addAction("New…\tCtrl+Shift+N", lambda: self.new_requested.emit(node))
        if node.kind is NodeKind.RECORD:
            menu.addAction("Move…", lambda: self.move_requested.emit(node))
        if node.kind in (NodeKind.OBJECT, NodeKind.RECORD) and self.selection_actions:
            menu.addSeparator()
            for action in self.selection_actions:
                menu.addAction(action)
            menu.setToolTipsVisible(True)  # a disabled action says why in its tooltip
        if node.kind in (NodeKind.OBJECT, NodeKind.RECORD):
            menu.addSeparator()
            menu.addAction("Copy ID", lambda: self.copy_requested.emit(node, "id"))
            menu.addAction("Copy link to the Workfront page", lambda: self.copy_requested.emit(node, "link"))
        menu.addAction("Copy name", lambda: self.copy_requested.emit(node, "name"))
        menu.exec(at)

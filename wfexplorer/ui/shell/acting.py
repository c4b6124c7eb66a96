"""The main window's actions and journal: an Actions dialog for the current object, the Changes dock.

    acting = WindowActing(window, connection, ops, journal)     # adds the dock; window.acting.show_actions()

Every write the window makes goes into the profile's journal (form saves through the journalling
saver, actions through the action runner); the Changes dock lists them and undoes one through the
conflict guard. After an action or an undo, the object's tab reloads and so do the tree rows showing it.

A Planning record's one action is its move: Actions on a record's tab, or Move… on record rows in the
navigator (the records selected with the row move together), opens the move dialog; after a move the rows
of that record type reload in the new order, the moved records selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QVBoxLayout

from wfexplorer.core.actions import ActionRunner
from wfexplorer.core.browse import Node, NodeKind, RecordRef, RecordTypeRef
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget
from wfexplorer.core.connection import Connection
from wfexplorer.core.journal import Journal, Undo
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.detail.tab import DetailTab
from wfexplorer.ui.forms.actions_panel import ActionsPanel
from wfexplorer.ui.forms.record_move import RecordMoveDialog
from wfexplorer.ui.forms.services import EditServices
from wfexplorer.ui.journal.dock import ChangesDock
from wfexplorer.ui.tree.navigator import Navigator

Follow = Callable[[str, str], None]


class WindowActing:
    """Owns the Changes dock and opens the Actions dialog of the current tab's object."""

    def __init__(self, window: QMainWindow, connection: Connection, ops: Operations, journal: Journal,
                 edit: EditServices, current_tab: Callable[[], DetailTab | None], follow: Follow,
                 navigator: Navigator) -> None:
        self.window, self.connection, self.ops, self.journal = window, connection, ops, journal
        self.edit, self.current_tab, self.follow, self.navigator = edit, current_tab, follow, navigator
        navigator.move_requested.connect(self.move_rows)
        self.runner = ActionRunner(connection.session, journal)
        self.changes = ChangesDock(ops, journal, Undo(connection.session, connection.planning, journal), window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.changes)
        self.changes.undone.connect(self._undone)
        self.changes_action = self.changes.toggleViewAction()
        self.changes_action.setShortcut(QKeySequence("Ctrl+4"))
        self.changes_action.setObjectName("changesAction")
        self.dialog: QDialog | None = None

    def show_actions(self) -> QDialog | None:
        """The Actions dialog for the current tab's classic object, or a record's move (None when neither)."""
        tab = self.current_tab()
        if tab is not None and isinstance(tab.target, RecordTarget):
            record = getattr(tab.details, "record", None)
            record_type = tab.opened.record_type or getattr(record, "record_type_id", None)
            if record_type:
                return self.move_records(record_type, [(tab.target.id, tab.label)])
        if tab is None or not isinstance(tab.target, ObjectTarget) or not tab.target.code:
            self.window.statusBar().showMessage("Open an object or a Planning record first: its actions come from "
                                                "its type.", 8000)
            return None
        target = tab.target
        dialog = QDialog(self.window)
        dialog.setObjectName("actionsDialog")
        dialog.setWindowTitle(f"Actions of {tab.label} — wfexplorer")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel = ActionsPanel(self.ops, self.runner, search_for=self.edit.search_for, parent=dialog)
        panel.ran.connect(lambda code, ident, _outcome: self._changed(code, ident))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(panel, 1)
        layout.addWidget(buttons)
        dialog.resize(dialog.fontMetrics().averageCharWidth() * 110, dialog.fontMetrics().lineSpacing() * 32)
        panel.load(target.code or "", target.id, tab.label)
        self.dialog = dialog
        dialog.show()
        return dialog

    # -- Planning record move --------------------------------------------------------------------------

    def move_rows(self, node: Node) -> QDialog | None:
        """Move… on a record row: that record and the records of its type selected with it."""
        payload = node.payload
        if not isinstance(payload, RecordRef):
            return None
        selected = self.navigator.view.selected_nodes()
        rows = [row for row in selected if isinstance(row.payload, RecordRef)
                and row.payload.record_type.id == payload.record_type.id] if node in selected else [node]
        return self.move_records(payload.record_type.id, [(row.payload.id, row.label) for row in rows])

    def move_records(self, record_type_id: str, records: list[tuple[str, str]]) -> QDialog | None:
        """The move dialog for ``records`` (ID, name) of ``record_type_id``."""
        planning = self.connection.planning
        if planning is None:
            self.window.statusBar().showMessage(self.connection.planning_unavailable or "Planning is not available.",
                                                8000)
            return None
        type_rows = self._type_rows(record_type_id)
        dialog = RecordMoveDialog(self.ops, planning, record_type_id, records,
                                  type_label=type_rows[0].label if type_rows else "", journal=self.journal,
                                  read_only=self.edit.read_only, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = {ident for ident, _label in records}
        dialog.moved.connect(lambda type_id: self._moved(type_id, ids))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _type_rows(self, record_type_id: str) -> list[Node]:
        planning = self.navigator.controller.tree.top(NodeKind.PLANNING)
        if planning is None:
            return []
        return [node for node in self.navigator.controller.tree.walk(planning) if node.kind is NodeKind.RECORD_TYPE
                and isinstance(node.payload, RecordTypeRef) and node.payload.id == record_type_id]

    def _moved(self, record_type_id: str, ids: set[str]) -> None:
        """The record type's rows reload in the new order; the moved records are selected again."""
        current = self.navigator.view.current_node()
        current_id = current.payload.id if current is not None and isinstance(current.payload, RecordRef) else None
        loaded = [node for node in self._type_rows(record_type_id) if node.children]
        self.navigator.reload_selecting(loaded, ids, current_id if current_id in ids else None)

    def _undone(self, entry: Any) -> None:
        self._changed(entry.code, entry.object_id)

    def _changed(self, code: str, object_id: str) -> None:
        tab = self.current_tab()
        if tab is not None and getattr(tab.target, "id", None) == object_id:
            tab.load()
        self.follow(code, object_id)

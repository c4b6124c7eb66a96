"""The main window's actions and journal: an Actions dialog for the current object, the Changes dock.

    acting = WindowActing(window, connection, ops, journal)     # adds the dock; window.acting.show_actions()

Every write the window makes goes into the profile's journal (form saves through the journalling
saver, actions through the action runner); the Changes dock lists them and undoes one through the
conflict guard. After an action or an undo, the object's tab reloads and so do the tree rows showing it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QVBoxLayout

from wfexplorer.core.actions import ActionRunner
from wfexplorer.core.browse.targets import ObjectTarget
from wfexplorer.core.connection import Connection
from wfexplorer.core.journal import Journal, Undo
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.detail.tab import DetailTab
from wfexplorer.ui.forms.actions_panel import ActionsPanel
from wfexplorer.ui.forms.services import EditServices
from wfexplorer.ui.journal.dock import ChangesDock

Follow = Callable[[str, str], None]


class WindowActing:
    """Owns the Changes dock and opens the Actions dialog of the current tab's object."""

    def __init__(self, window: QMainWindow, connection: Connection, ops: Operations, journal: Journal,
                 edit: EditServices, current_tab: Callable[[], DetailTab | None], follow: Follow) -> None:
        self.window, self.connection, self.ops, self.journal = window, connection, ops, journal
        self.edit, self.current_tab, self.follow = edit, current_tab, follow
        self.runner = ActionRunner(connection.session, journal)
        self.changes = ChangesDock(ops, journal, Undo(connection.session, connection.planning, journal), window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.changes)
        self.changes.undone.connect(self._undone)
        self.changes_action = self.changes.toggleViewAction()
        self.changes_action.setShortcut(QKeySequence("Ctrl+4"))
        self.changes_action.setObjectName("changesAction")
        self.dialog: QDialog | None = None

    def show_actions(self) -> QDialog | None:
        """The Actions dialog for the current tab's classic object (None when the tab shows none)."""
        tab = self.current_tab()
        if tab is None or not isinstance(tab.target, ObjectTarget) or not tab.target.code:
            self.window.statusBar().showMessage("Open a classic object first: its actions come from its type.", 8000)
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

    def _undone(self, entry: Any) -> None:
        self._changed(entry.code, entry.object_id)

    def _changed(self, code: str, object_id: str) -> None:
        tab = self.current_tab()
        if tab is not None and getattr(tab.target, "id", None) == object_id:
            tab.load()
        self.follow(code, object_id)

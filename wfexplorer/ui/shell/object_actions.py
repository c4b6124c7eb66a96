"""The main window's Edit actions on the current tab: Save (Ctrl+S), Revert all, Copy, Delete; the tree follows.

Each action works on the detail tab on top. Copy asks for the new name and copies with classic ``copy``; Delete
asks first, naming the object and what goes with it, and where Workfront needs ``force`` asks again saying so.
After a save, copy or delete the navigator rows that show the object (and their parents) are reloaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from wfexplorer.core import errors
from wfexplorer.core.browse import ObjectRef, RecordRef
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget
from wfexplorer.core.editing import DeletePlan, ForceNeeded, copy_object, delete_object, plan_delete
from wfexplorer.ui import messages

if TYPE_CHECKING:
    from wfexplorer.ui.detail.tab import DetailTab
    from wfexplorer.ui.shell.main_window import MainWindow


class ObjectActions:
    """Save, Revert all, Copy and Delete for a main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.save_action = window._action("&Save", "saveAction", QKeySequence.StandardKey.Save, self.save,
                                          "Send the changed fields of the current tab")
        self.revert_action = window._action("Re&vert all changes", "revertAction", None, self.revert,
                                            "Put every changed field of the current tab back")
        self.copy_action = window._action("Co&py object…", "copyObjectAction", "Ctrl+Shift+D", self.copy,
                                          "Make a copy of the current object (classic copy)")
        self.delete_action = window._action("&Delete object…", "deleteObjectAction", "Ctrl+Shift+Delete",
                                            self.delete, "Delete the current object (asks first)")

    def fill(self, menu: QMenu) -> None:
        """Add the actions to the Edit menu."""
        for action in (self.save_action, self.revert_action, self.copy_action, self.delete_action):
            menu.addAction(action)

    # -- the current tab -----------------------------------------------------------------------------

    def _tab(self) -> DetailTab | None:
        return self.window.current_tab()

    def _refuse_if_read_only(self) -> bool:
        if self.window.connection.read_only:
            self.window.statusBar().showMessage("This profile is read-only: nothing was sent.", 8000)
            return True
        return False

    def save(self) -> None:
        """Ctrl+S: save the current tab's edits."""
        tab = self._tab()
        if tab is not None and tab.edit_form is not None:
            tab.edit_form.save()

    def revert(self) -> None:
        """Put every field of the current tab back."""
        tab = self._tab()
        if tab is not None and tab.edit_form is not None:
            tab.edit_form.revert_all()

    def copy(self) -> None:
        """Copy the current classic object under a new name, then open the copy."""
        tab = self._tab()
        if tab is None or not isinstance(tab.target, ObjectTarget) or self._refuse_if_read_only():
            return
        target = tab.target
        name, ok = QInputDialog.getText(self.window, "Copy object", "Name of the copy:", text=f"{tab.label} (copy)")
        if not ok:
            return
        session, code = self.window.connection.session, target.code or ""

        def copied(data: dict[str, Any]) -> None:
            self.follow(code, target.id)
            self.window.open_target(ObjectTarget(code, str(data.get("ID"))), str(data.get("name") or name), True)

        self.window.ops.run(lambda: copy_object(session, code, target.id, name or None), on_success=copied,
                            on_error=self._failed, name="copy")

    def delete(self) -> None:
        """Ask (naming the object and what goes with it), delete, close the tab; force only when confirmed."""
        tab = self._tab()
        if tab is None or self._refuse_if_read_only():
            return
        target, connection = tab.target, self.window.connection
        if isinstance(target, RecordTarget):
            plan: Any = DeletePlan(tab.label, "Planning record", ())
            self._confirm_delete(tab, plan)
        elif isinstance(target, ObjectTarget):
            code = target.code or ""
            self.window.ops.run(lambda: plan_delete(connection, code, target.id),
                                on_success=lambda plan: self._confirm_delete(tab, plan), on_error=self._failed,
                                name="delete-plan")

    def _confirm_delete(self, tab: DetailTab, plan: DeletePlan, *, force: bool = False) -> None:
        question = plan.question() if not force else (
            f"Workfront needs \u201cforce\u201d to delete \u201c{plan.label}\u201d: other objects depend on it, and "
            "they are deleted with it. Delete them all?")
        answer = QMessageBox.question(self.window, "Delete", question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        target, connection = tab.target, self.window.connection

        def run() -> None:
            if isinstance(target, RecordTarget):
                if connection.planning is None:
                    raise errors.AuthenticationError("Planning is not available on this connection.")
                connection.planning.delete_record(target.id)
            elif isinstance(target, ObjectTarget):
                delete_object(connection.session, target.code or "", target.id, force=force)

        def failed(error: errors.WorkfrontError) -> None:
            if isinstance(error, ForceNeeded):
                self._confirm_delete(tab, plan, force=True)
            else:
                self._failed(error)

        def deleted(_result: object) -> None:
            code = target.code if isinstance(target, ObjectTarget) else ""
            self.follow(code or "", target.id, removed=True)
            index = self.window.tabs.indexOf(tab)
            if index >= 0:
                tab.edit_form = None  # nothing left to save
                self.window.close_tab(index)
            self.window.statusBar().showMessage(f"Deleted \u201c{plan.label}\u201d.", 8000)

        self.window.ops.run(run, on_success=deleted, on_error=failed, name="delete")

    def _failed(self, error: errors.WorkfrontError) -> None:
        QMessageBox.warning(self.window, "Not done", messages.explain(error))

    # -- the tree follows ------------------------------------------------------------------------------

    def follow_save(self, tab: DetailTab, result: Any) -> None:
        """After a save: reload the rows that show the object."""
        target = tab.target
        if isinstance(target, ObjectTarget):
            self.follow(target.code or "", target.id)
        elif isinstance(target, RecordTarget):
            self.follow("", target.id)

    def follow(self, code: str, object_id: str, *, removed: bool = False) -> None:
        """Reload the parents of every row showing ``code``/``object_id`` (the row itself, when it stays)."""
        window = self.window
        for node in list(window.tree.walk()):
            payload = node.payload
            shows = (isinstance(payload, ObjectRef) and payload.id == object_id
                     and (not code or payload.code.upper() == code.upper())) or \
                (isinstance(payload, RecordRef) and payload.id == object_id)
            if shows and node.parent is not None:
                window.controller.reload(node.parent)

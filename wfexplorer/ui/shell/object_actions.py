"""The main window's Edit actions: New (from a type or collection row), and on the current tab Save (Ctrl+S),
Revert all, Copy, Delete; the tree follows.

Each action works on the detail tab on top. Copy asks for the new name and copies with classic ``copy``; Delete
asks first, naming the object and what goes with it, and where Workfront needs ``force`` asks again saying so.
After a save, copy or delete the navigator rows that show the object (and their parents) are reloaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from wfexplorer.core import errors
from wfexplorer.core.browse import LinkRef, Node, NodeKind, ObjectRef, ObjectTypeRef, RecordRef, RecordTypeRef
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget
from wfexplorer.core.details import ObjectDetails
from wfexplorer.core.editing import (
    DeletePlan,
    ForceNeeded,
    SaveResult,
    copy_object,
    delete_object,
    parent_field,
    plan_delete,
    refusal,
)
from wfexplorer.core.editing.specs import Api, planning_specs
from wfexplorer.ui import messages
from wfexplorer.ui.detail.tab import TypeTarget
from wfexplorer.ui.forms.new_object import NewObjectDialog

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTabWidget

    from wfexplorer.core.browse import BrowseTree
    from wfexplorer.core.browse.targets import Target
    from wfexplorer.core.connection import Connection
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.detail.tab import DetailTab
    from wfexplorer.ui.forms.services import EditServices
    from wfexplorer.ui.shell.status import StatusBar
    from wfexplorer.ui.tree.controller import BrowseController
    from wfexplorer.ui.tree.navigator import Navigator


class ExplorerWindow(Protocol):
    """What these actions use of their main window (the window imports this module, not the reverse)."""

    connection: Connection
    ops: Operations
    tree: BrowseTree
    controller: BrowseController
    navigator: Navigator
    tabs: QTabWidget
    status: StatusBar
    edit: EditServices

    def _action(self, text: str, name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Any, tip: str = "") -> QAction: ...

    def open_target(self, target: Target, label: str = "", new_tab: bool = False) -> DetailTab: ...

    def close_tab(self, index: int) -> None: ...

    def current_tab(self) -> DetailTab | None: ...


class ObjectActions:
    """Save, Revert all, Copy and Delete for a main window."""

    def __init__(self, window: ExplorerWindow) -> None:
        self.window = window
        #: What dialogs are shown over: the main window itself.
        self.parent_widget: QWidget = window.tabs.window()
        self.new_action = window._action("&New object…", "newObjectAction", "Ctrl+Shift+N",
                                         lambda: self.new_object(None),
                                         "A new object of the selected type, or in the selected collection")
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
        for action in (self.new_action, self.save_action, self.revert_action, self.copy_action, self.delete_action):
            menu.addAction(action)

    # -- the current tab -----------------------------------------------------------------------------

    def _tab(self) -> DetailTab | None:
        return self.window.current_tab()

    def _refuse_if_read_only(self, tab: DetailTab | None = None, operation: str = "") -> bool:
        """Say why and return True when the profile is read-only or Workfront does not allow ``operation``."""
        why = "This profile is read-only: nothing was sent." if self.window.connection.read_only else ""
        details = tab.details if tab is not None else None
        if not why and operation and isinstance(details, ObjectDetails):
            why = refusal(details, operation)
        if why:
            self.window.status.showMessage(why, 10000)
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

    def new_object(self, node: Node | None) -> None:
        """A new object of a type row, or in a collection row with its parent filled in (the navigator's row)."""
        window = self.window
        node = node or window.navigator.view.current_node()
        payload = node.payload if node is not None else None
        if isinstance(payload, RecordTypeRef) and not payload.classic_code:
            self._new_record(node, payload)
            return
        if isinstance(payload, ObjectTypeRef):
            code, owner = payload.code, None
        elif isinstance(payload, LinkRef) and node is not None and node.kind is NodeKind.COLLECTION:
            code, owner = payload.target_code, payload.owner
        else:
            window.status.showMessage("Select an object type or a collection in the navigator first.", 8000)
            return
        if self._refuse_if_read_only():
            return
        edit, session = window.edit, window.connection.session

        def prepare() -> Any:
            meta = session.metadata.describe(code)
            why = refusal(meta, "add")
            if why:
                raise errors.PermissionError(why)
            parent = None
            if owner is not None:
                key = parent_field(meta, owner.code)
                parent = (key, owner.id) if key else None
            return meta, edit.setup.new_object(meta, parent)

        def show(prepared: Any) -> None:
            meta, editing = prepared
            dialog = NewObjectDialog(editing, edit.saver_for(editing.state.target), window.ops,
                                     title=f"New {meta.label.lower()}", search_for=edit.search_for,
                                     read_only=edit.read_only, parent=self.parent_widget)
            dialog.created.connect(lambda result: self._created(node, result, meta.label))
            self.new_dialog = dialog
            dialog.open()

        window.ops.run(prepare, on_success=show, on_error=self._failed, name="new-object")

    def _new_record(self, node: Node | None, record_type: RecordTypeRef) -> None:
        """A new Planning record of a record type row."""
        if self._refuse_if_read_only():
            return
        window, edit = self.window, self.window.edit
        planning = window.connection.planning
        if planning is None:
            window.status.showMessage(window.connection.planning_unavailable or "Planning is not available.",
                                           10000)
            return

        def prepare() -> Any:
            return edit.setup.new_record(record_type.id, planning_specs(planning.fields(record_type.id)))

        def show(editing: Any) -> None:
            dialog = NewObjectDialog(editing, edit.saver_for(editing.state.target), window.ops, title="New record",
                                     search_for=edit.search_for, read_only=edit.read_only, parent=self.parent_widget)
            dialog.created.connect(lambda result: self._created(node, result, "record"))
            self.new_dialog = dialog
            dialog.open()

        window.ops.run(prepare, on_success=show, on_error=self._failed, name="new-record")

    def _created(self, node: Node | None, result: SaveResult, label: str) -> None:
        window = self.window
        if node is not None:
            window.controller.reload(node)
        target = result.target
        name = str(result.data.get("name") or f"New {label.lower()}")
        if target.api is Api.PLANNING:
            window.open_target(RecordTarget(target.id), name, True)
        else:
            window.open_target(ObjectTarget(target.code, target.id), name, True)
        window.status.showMessage(f"Created “{name}”.", 8000)

    def copy(self) -> None:
        """Copy the current classic object under a new name, then open the copy."""
        tab = self._tab()
        if tab is None or not isinstance(tab.target, ObjectTarget) or self._refuse_if_read_only(tab, "copy"):
            return
        target = tab.target
        name, ok = QInputDialog.getText(self.parent_widget, "Copy object", "Name of the copy:",
                                        text=f"{tab.label} (copy)")
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
        if tab is None or isinstance(tab.target, TypeTarget) or self._refuse_if_read_only(tab, "delete"):
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
        answer = QMessageBox.question(self.parent_widget, "Delete", question,
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
            if not isinstance(target, ObjectTarget | RecordTarget):
                return
            code = target.code if isinstance(target, ObjectTarget) else ""
            self.follow(code or "", target.id, removed=True)
            index = self.window.tabs.indexOf(tab)
            if index >= 0:
                tab.edit_form = None  # nothing left to save
                self.window.close_tab(index)
            self.window.status.showMessage(f"Deleted \u201c{plan.label}\u201d.", 8000)

        self.window.ops.run(run, on_success=deleted, on_error=failed, name="delete")

    def _failed(self, error: errors.WorkfrontError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Not done", messages.explain(error), QMessageBox.StandardButton.Ok,
                          self.parent_widget)
        box.setObjectName("objectActionFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.failure = box
        box.open()

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

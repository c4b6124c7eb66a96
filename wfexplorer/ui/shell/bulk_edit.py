"""The main window's "Bulk edit N selected…": the bulk dialog over the rows selected in the navigator.

    bulk = WindowBulk(window)        # adds the action (Edit menu, Ctrl+Shift+E, the navigator's context menu)

The action is enabled when the selected rows are two or more objects of one classic type, or records of one
record type; otherwise it is disabled and its tooltip and status tip say why. It reads the type's fields off
the GUI thread and opens :class:`~wfexplorer.ui.forms.bulk_dialog.BulkEditDialog`. After the server took the
edit, every tree row showing a changed object shows the new values in place (the selection and the pages
loaded stay; expanded rows reload their children) and the open tabs of those objects reload; the rows that
failed (Planning answers per row) become the selection, each with the server's message in its tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from wfexplorer.core import errors
from wfexplorer.core.actions import BulkEditor, BulkOutcome
from wfexplorer.core.actions.selection import BulkSelection, bulk_selection, show_written, too_many, written_values
from wfexplorer.core.browse import Node, ObjectRef
from wfexplorer.core.browse.display import display_field
from wfexplorer.core.classic.writes import BULK_LIMIT
from wfexplorer.core.editing.specs import Api, planning_specs
from wfexplorer.ui import messages
from wfexplorer.ui.detail.tab import DetailTab
from wfexplorer.ui.forms.bulk_dialog import BulkEditDialog

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QTabWidget

    from wfexplorer.core.browse import BrowseTree
    from wfexplorer.core.connection import Connection
    from wfexplorer.core.journal import Journal
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.forms.services import EditServices
    from wfexplorer.ui.shell.status import StatusBar
    from wfexplorer.ui.tree.navigator import Navigator

TIP = "Set fields on every selected object in one request, with a preview (Ctrl+Shift+E)"


class BulkWindow(Protocol):
    """What the bulk edit uses of its main window."""

    connection: Connection
    ops: Operations
    tree: BrowseTree
    navigator: Navigator
    tabs: QTabWidget
    status: StatusBar
    edit: EditServices
    journal: Journal

    def _action(self, text: str, name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Any, tip: str = "") -> QAction: ...


class WindowBulk:
    """Owns the "Bulk edit N selected…" action of a main window (see the module docs)."""

    def __init__(self, window: BulkWindow) -> None:
        self.window = window
        self.action = window._action("&Bulk edit selected…", "bulkEditAction", "Ctrl+Shift+E", self.open, TIP)
        self.dialog: BulkEditDialog | None = None
        view = window.navigator.view
        view.selectionModel().selectionChanged.connect(lambda *_: self.update())
        window.navigator.selection_actions.append(self.action)
        self.update()

    def selection(self) -> BulkSelection:
        """The navigator's selected rows as one bulk edit (or why they are not one)."""
        view = self.window.navigator.view
        count = len(view.selectionModel().selectedRows())
        if count > BULK_LIMIT and not self.window.connection.read_only:
            return too_many(count)  # Ctrl+A on a long list: said at once, without sorting every row
        return bulk_selection(view.selected_nodes(), read_only=self.window.connection.read_only)

    def update(self) -> None:
        """Name the action after the selection, or disable it saying why."""
        chosen = self.selection()
        if chosen.ok:
            self.action.setText(f"&Bulk edit {len(chosen.rows)} selected…")
            tip = f"Set fields on the {len(chosen.rows)} selected {chosen.type_label} rows in one request, " \
                  "with a preview (Ctrl+Shift+E)"
        else:
            self.action.setText("&Bulk edit selected…")
            tip = f"Bulk edit: {chosen.why}"
        self.action.setEnabled(chosen.ok)
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def open(self) -> None:
        """Open the bulk dialog for the selected rows (their type's fields are read off the GUI thread)."""
        window = self.window
        chosen = self.selection()
        if not chosen.ok:
            window.status.showMessage(chosen.why, 10000)
            return
        nodes = window.navigator.view.selected_nodes()
        connection, setup = window.connection, window.edit.setup

        def prepare() -> tuple[str, str | None, list[Any]]:
            if chosen.api is Api.CLASSIC:
                meta = connection.session.metadata.describe(chosen.type)
                specs = [spec for group in setup.groups(meta) for spec in group.specs]
                return meta.label, display_field(meta), specs
            if connection.planning is None:
                raise errors.AuthenticationError(connection.planning_unavailable or "Planning is not available.")
            return chosen.type_label, None, planning_specs(connection.planning.fields(chosen.type))

        def show(prepared: tuple[str, str | None, list[Any]]) -> None:
            label, name_field, specs = prepared
            editor = BulkEditor(connection.session, connection.planning, window.journal)
            dialog = BulkEditDialog(window.ops, editor, chosen.api or Api.CLASSIC, chosen.type, chosen.rows, specs,
                                    search_for=window.edit.search_for, parent=window.tabs.window())
            dialog.setWindowTitle(f"Bulk edit: {len(chosen.rows)} selected ({label}) — wfexplorer")
            dialog.applied.connect(lambda outcome: self.follow(outcome, nodes, (name_field, label)))
            dialog.resize(dialog.fontMetrics().averageCharWidth() * 140, dialog.fontMetrics().lineSpacing() * 38)
            self.dialog = dialog
            dialog.open()

        window.ops.run(prepare, on_success=show, on_error=self._failed, name="bulk-prepare")

    def follow(self, outcome: BulkOutcome, nodes: list[Node], names: tuple[str | None, str]) -> None:
        """After the server took the edit: the rows and open tabs show the new values; failed rows get selected."""
        window = self.window
        chosen_code = next((node.payload.code for node in nodes if isinstance(node.payload, ObjectRef)), "")
        name_field, type_label = names
        values = written_values(outcome)
        for node in show_written(window.tree, values, code=chosen_code, name_field=name_field,
                                 type_label=type_label):
            window.navigator.controller.reload(node)  # expanded rows: their references may have changed
        changed = {result.row.id for result in outcome.succeeded}
        failed = {result.row.id: result.message for result in outcome.failed}
        view, model = window.navigator.view, window.navigator.view.navigator_model
        rows = [node for node in nodes if node.parent is not None and node.payload.id in failed]
        model.set_notes({node.id: f"Not changed by the bulk edit: {failed[node.payload.id]}" for node in rows})
        if rows:
            view.select_nodes(rows, next((node for node in rows if node is view.current_node()), None))
        unsaved = []
        for index in range(window.tabs.count()):
            tab = window.tabs.widget(index)
            if isinstance(tab, DetailTab) and getattr(tab.target, "id", None) in changed:
                if tab.has_unsaved():
                    unsaved.append(tab.label)
                else:
                    tab.load()
        text = f"Bulk edit: {len(changed)} changed"
        if failed:
            first = outcome.failed[0]
            text += f", {len(failed)} failed and selected in the navigator ({first.row.name or first.row.id}: " \
                    f"{first.message})"
        if unsaved:
            text += f"; not reloaded because of unsaved edits: {', '.join(unsaved)} (F5 reloads)"
        window.status.showMessage(text + ".", 15000)

    def _failed(self, error: errors.WorkfrontError) -> None:
        self.window.status.showMessage(f"Bulk edit: {messages.explain(error)}", 15000)


"""The bulk edit dialog: set one or more fields on the selected objects, preview, send one request, see each row.

    dialog = BulkEditDialog(ops, BulkEditor(session, planning, journal), Api.CLASSIC, "TASK", rows, specs,
                            search_for=services.search_for)
    dialog.applied.connect(lambda outcome: ...)      # refresh the changed objects in the tree
    dialog.open()

``rows`` are the selected objects (:class:`BulkRow`: ID, name, and whatever values the caller has); ``specs`` the
fields that may be set (the edit form's specs of the type). Add a field, give its value, Preview (classic reads
the current values in one request, so the preview shows before → after), Apply. Planning answers per row: the
rows that failed stay selected with the server's message beside them. A refused classic edit changes nothing, so
the dialog says which row and why and leaves the table as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.actions import BulkEditor, BulkOutcome, BulkPlan, BulkRefused, BulkRow
from wfexplorer.core.details import display_value
from wfexplorer.core.editing import values
from wfexplorer.core.editing.specs import Api, FieldSpec
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.editors import FieldEditor, Search, editor_for

SearchFor = Callable[[FieldSpec], Search | None]


def _shown(spec: FieldSpec | None, value: Any) -> str:
    if value is None:
        return "—"
    label = spec.option_label(value) if spec is not None else None
    return f"{label} ({value})" if label and label != str(value) else display_value(value)


class BulkEditDialog(QDialog):
    """The bulk edit dialog (see the module docs).

    Signals:
        applied(object): the :class:`BulkOutcome` of an edit the server took (wholly or, Planning, in part).
    """

    applied = Signal(object)

    def __init__(self, ops: Operations, editor: BulkEditor, api: Api, type_name: str, rows: Sequence[BulkRow],
                 specs: Sequence[FieldSpec], *, search_for: SearchFor | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(f"Change {len(rows)} objects")
        self.ops, self.editor, self.api, self.type_name = ops, editor, api, type_name
        self.rows = list(rows)
        self.specs = {spec.key: spec for spec in specs if spec.editable}
        self.search_for = search_for
        self.values: dict[str, Any] = {}
        self.value_editors: dict[str, FieldEditor] = {}
        self.plan: BulkPlan | None = None
        self.outcome: BulkOutcome | None = None

        self.field_choice = QComboBox()
        self.field_choice.setObjectName("bulkField")
        self.field_choice.setAccessibleName("Field to set")
        for spec in self.specs.values():
            self.field_choice.addItem(spec.label, spec.key)
        field_label = QLabel("&Field:")
        field_label.setBuddy(self.field_choice)
        self.add_button = QPushButton("&Add field")
        self.add_button.setObjectName("bulkAddField")
        self.add_button.setAccessibleName("Add the field to the edit")
        self.add_button.clicked.connect(lambda: self.add_field(str(self.field_choice.currentData())))
        chooser = QHBoxLayout()
        chooser.addWidget(field_label)
        chooser.addWidget(self.field_choice, 1)
        chooser.addWidget(self.add_button)
        self.fields_box = QWidget()
        self.fields_box.setObjectName("bulkValues")
        self.fields_box.setAccessibleName("Values to set")
        self.fields_form = QFormLayout(self.fields_box)

        self.table = QTableWidget(len(self.rows), 2)
        self.table.setObjectName("bulkRows")
        self.table.setAccessibleName("Selected objects and their results")
        self.table.setHorizontalHeaderLabels(["Object", "Result"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for index, row in enumerate(self.rows):
            self.table.setItem(index, 0, QTableWidgetItem(row.name or row.id))
            self.table.setItem(index, 1, QTableWidgetItem(""))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)  # a name on one line, not squeezed into a narrow column
        self.preview_table = QTableWidget(0, 4)
        self.preview_table.setObjectName("bulkPreviewTable")
        self.preview_table.setAccessibleName("Preview: each field before and after")
        self.preview_table.setHorizontalHeaderLabels(["Object", "Field", "Before", "After"])
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setTabKeyNavigation(False)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        for column in range(3):
            self.preview_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.setWordWrap(False)
        self.message = resources.message_label("error", "bulkMessage")
        self.summary = resources.message_label("hint", "bulkSummary")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = buttons.addButton("&Preview", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("bulkPreview")
        self.preview_button.clicked.connect(self.preview)
        self.apply_button = buttons.addButton("A&pply", QDialogButtonBox.ButtonRole.ApplyRole)
        self.apply_button.setObjectName("bulkApply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.fields_box)
        layout.addWidget(QLabel(f"{len(self.rows)} selected:"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    # -- the values ----------------------------------------------------------------------------------

    def add_field(self, key: str) -> FieldEditor:
        """Add field ``key`` to the edit and return its editor (focused; the existing one when added already)."""
        if key in self.value_editors:
            self.value_editors[key].focus_widget().setFocus()
            return self.value_editors[key]
        spec = self.specs[key]
        editor = editor_for(spec, ops=self.ops, search=self.search_for(spec) if self.search_for else None)
        editor.edited.connect(lambda value, k=key: self._edited(k, value))
        title = QLabel(f"{spec.label}:")
        title.setBuddy(editor.focus_widget())
        self.fields_form.addRow(title, editor)
        self.value_editors[key] = editor
        self.values[key] = None
        self._stale()
        editor.focus_widget().setFocus()
        return editor

    def _edited(self, key: str, value: Any) -> None:
        self.values[key] = value
        self._stale()

    def _stale(self) -> None:
        self.plan = None
        self.apply_button.setEnabled(False)

    # -- preview and apply ---------------------------------------------------------------------------

    def _wire_values(self) -> dict[str, Any]:
        problems = [message for key, value in self.values.items()
                    if (message := values.problem(self.specs[key], value)) is not None]
        if problems:
            raise errors.ValidationError(" ".join(problems))
        return {key: values.wire(self.specs[key], value) for key, value in self.values.items()}

    def preview(self) -> None:
        """Check the values and show every field of every row before → after (classic: read them first)."""
        self.message.hide()
        try:
            wired = self._wire_values()
            labels = {key: self.specs[key].label for key in wired}
            make = BulkPlan.classic if self.api is Api.CLASSIC else BulkPlan.planning
            make(self.type_name, self.rows, wired, labels)  # refuses an empty or too large edit at once
        except errors.ValidationError as wrong:
            self._show_error_text(wrong.message)
            return
        if self.api is Api.CLASSIC:
            editor, code, ids = self.editor, self.type_name, [row.id for row in self.rows]
            self.ops.run(lambda: editor.read_rows(code, ids, list(wired)),
                         on_success=lambda rows: self._show_preview(make(code, rows, wired, labels)),
                         on_error=self._show_error, name="bulk-preview")
        else:
            self._show_preview(make(self.type_name, self.rows, wired, labels))

    def _show_preview(self, plan: BulkPlan) -> None:
        self.plan = plan
        lines = plan.preview()
        self.preview_table.setRowCount(len(lines))
        same = 0
        for index, (row, change) in enumerate(lines):
            spec = self.specs.get(change.key)
            after = _shown(spec, change.after)
            if change.before == change.after:
                same += 1
                after += " (no change)"
            for column, text in enumerate((row.name or row.id, change.label, _shown(spec, change.before), after)):
                self.preview_table.setItem(index, column, QTableWidgetItem(text))
        changing = len(lines) - same
        objects = len(plan.rows)
        summary = (f"One request will change {changing} value{'s' if changing != 1 else ''} "
                   f"on {objects} object{'s' if objects != 1 else ''}")
        if same:
            summary += f"; {same} already {'has' if same == 1 else 'have'} the new value"
        self.summary.setText(summary + ".")
        self.summary.show()
        self.apply_button.setEnabled(True)
        self.apply_button.setFocus()

    def apply(self) -> bool:
        """Send the previewed edit (off the GUI thread); False when there is no preview to send."""
        plan = self.plan
        if plan is None:
            return False
        editor = self.editor
        self.message.hide()
        self.ops.run(lambda: editor.run(plan), on_success=self._applied, on_error=self._failed, busy=self._busy,
                     name="bulk-edit")
        return True

    def _busy(self, busy: bool) -> None:
        self.apply_button.setEnabled(not busy and self.plan is not None)
        self.preview_button.setEnabled(not busy)

    def _applied(self, outcome: BulkOutcome) -> None:
        self.outcome = outcome
        self.plan = None
        self.apply_button.setEnabled(False)
        self.table.clearSelection()
        by_id = {result.row.id: result for result in outcome.results}
        for index, row in enumerate(self.rows):
            result = by_id.get(row.id)
            text = "—" if result is None else "Changed" if result.ok else f"Failed: {result.message}"
            self.table.setItem(index, 1, QTableWidgetItem(text))
            if result is not None and not result.ok:
                self.table.selectRow(index)
        failed = len(outcome.failed)
        self.summary.setText(f"{len(outcome.succeeded)} changed" + (f", {failed} failed (still selected)."
                                                                    if failed else "."))
        self.summary.show()
        if failed:
            self._show_error_text(f"{failed} row{'s' if failed != 1 else ''} could not be changed; "
                                  "the others were. The failed rows are selected with the server's messages.")
        self.applied.emit(outcome)

    def _failed(self, error: errors.WorkfrontError) -> None:
        if isinstance(error, BulkRefused) and error.row is not None:
            self.table.clearSelection()
            self.table.selectRow(error.row)
            self.table.scrollTo(self.table.model().index(error.row, 0))
        self._show_error(error)

    def _show_error(self, error: errors.WorkfrontError) -> None:
        self._show_error_text(error.message if isinstance(error, BulkRefused) else messages.explain(error))

    def _show_error_text(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def failed_rows(self) -> list[int]:
        """The selected rows (after an apply: the ones that failed)."""
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.apply_button.hasFocus():
            event.accept()  # Return in an editor must not close the dialog or apply by surprise
            return
        super().keyPressEvent(event)

"""The editor of the selected row: a condition's field, condition and value, or a group's AND/OR.

It writes every change straight into the ``BuilderState`` and follows the state's announcements: a change of
field or condition rebuilds the value editor (the one the type and shape call for); a change made elsewhere
(undo, a pasted text) shows the new value; its own value edits are not echoed back, so typing keeps the cursor
where it is. The problems of the shown row are listed under it (errors, then warnings such as what the other API
version cannot say).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.planning.builder import (
    BuilderEvent,
    BuilderField,
    BuilderFields,
    BuilderState,
    Changed,
    NodeProblem,
    Removed,
    Reset,
)
from wfexplorer.core.planning.filters import Operator, ValueShape
from wfexplorer.ui import resources
from wfexplorer.ui.filters.pickers import ConditionPicker, FieldPicker
from wfexplorer.ui.filters.value_editor_base import EditorContext, ValueEditor
from wfexplorer.ui.filters.value_editors import make_editor

ContextFactory = Callable[[BuilderField, Any, bool], EditorContext]


class ConditionEditor(QWidget):
    """Edits the node chosen with ``show_node`` (see the module docs).

    Signals:
        value_editor_changed(): a new value editor was put in place (tests and focus handling).
    """

    value_editor_changed = Signal()

    def __init__(self, state: BuilderState, context_for: ContextFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conditionEditor")
        self.setAccessibleName("Selected row editor")
        self.state = state
        self.fields = BuilderFields()
        self.context_for = context_for
        self.node_id: int | None = None
        self.value_editor: ValueEditor | None = None
        self._writing = False

        self.pages = QStackedWidget()
        self.empty = QLabel("Select a row of the filter to edit it, or add a condition.")
        self.empty.setWordWrap(True)
        resources.set_role(self.empty, "note")

        self.group_page = QWidget()
        group_form = QFormLayout(self.group_page)
        self.operator = QComboBox()
        self.operator.setObjectName("groupOperator")
        self.operator.setAccessibleName("Group: match all or any")
        self.operator.addItem("all of these (AND)", Operator.AND.value)
        self.operator.addItem("any of these (OR)", Operator.OR.value)
        group_form.addRow("&Match", self.operator)

        self.condition_page = QWidget()
        form = QFormLayout(self.condition_page)
        self.field_picker = FieldPicker("Field")
        self.condition_picker = ConditionPicker()
        self.value_host = QWidget()
        self.value_host.setObjectName("valueHost")
        self.value_layout = QVBoxLayout(self.value_host)
        self.value_layout.setContentsMargins(0, 0, 0, 0)
        self.match_external = QCheckBox("Match external ids (the objects' own ids, such as Workfront project ids)")
        self.match_external.setObjectName("matchExternalId")
        self.match_external.setAccessibleName("Match external ids")
        form.addRow("&Field", self.field_picker)
        form.addRow("&Condition", self.condition_picker)
        value_label = QLabel("&Value")
        value_label.setBuddy(self.value_host)
        form.addRow(value_label, self.value_host)
        form.addRow("", self.match_external)

        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.group_page)
        self.pages.addWidget(self.condition_page)
        self.problems = resources.message_label("error", "rowProblems")
        self.warnings = resources.message_label("hint", "rowWarnings")
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.problems)
        layout.addWidget(self.warnings)
        layout.addStretch(1)

        self.operator.activated.connect(self._operator_chosen)
        self.field_picker.field_chosen.connect(self._field_chosen)
        self.condition_picker.condition_chosen.connect(self._condition_chosen)
        self.match_external.toggled.connect(self._match_toggled)
        self._unsubscribe = state.subscribe(self._on_event)
        self._problems: list[NodeProblem] = []

    def close_editor(self) -> None:
        """Stop following the state."""
        self._unsubscribe()

    def set_fields(self, fields: BuilderFields) -> None:
        """Offer these fields and build editors for their types."""
        self.fields = fields
        self.field_picker.set_fields(fields)
        self._refresh(rebuild=True)

    def show_node(self, node_id: int | None) -> None:
        """Edit this node (None: nothing)."""
        if node_id == self.node_id:
            return
        self.node_id = node_id
        self._refresh(rebuild=True)

    def set_problems(self, problems: list[NodeProblem]) -> None:
        """Show these problems (of every row; the ones of the shown row are listed)."""
        self._problems = problems
        self._show_problems()

    # -- reacting ----------------------------------------------------------------------------------------

    def _on_event(self, event: BuilderEvent) -> None:
        if self.node_id is None:
            return
        if isinstance(event, Reset | Removed) and self.node_id not in self.state:
            self.node_id = None
            self._refresh(rebuild=True)
        elif isinstance(event, Reset):
            self._refresh(rebuild=True)
        elif isinstance(event, Changed) and event.node == self.node_id and not self._writing:
            self._refresh(rebuild=bool(event.parts & {"field", "condition", "match_external_id"}))

    def _refresh(self, rebuild: bool) -> None:
        node = self.state.node(self.node_id) if self.node_id is not None and self.node_id in self.state else None
        if node is None:
            self.pages.setCurrentWidget(self.empty)
            self._set_value_editor(None)
            self._show_problems()
            return
        if node.is_group:
            self.pages.setCurrentWidget(self.group_page)
            self.operator.setCurrentIndex(self.operator.findData(node.operator.value if node.operator else "AND"))
            self.operator.setEnabled(True)
            self._set_value_editor(None)
            self._show_problems()
            return
        self.pages.setCurrentWidget(self.condition_page)
        self.field_picker.set_field(node.field or None)
        field = self.fields.get(node.field) if node.field else None
        allowed = field.info.allowed_conditions if field is not None else ()
        self.condition_picker.set_conditions(allowed, node.condition)
        self.condition_picker.setEnabled(field is not None)
        external = field is not None and field.is_external and node.condition.shape is ValueShape.LIST
        blocked = self.match_external.blockSignals(True)
        self.match_external.setChecked(node.match_external_id)
        self.match_external.blockSignals(blocked)
        self.match_external.setVisible(external or node.match_external_id)
        if rebuild or self.value_editor is None:
            self._set_value_editor(self._editor_for(field, node.condition, node.match_external_id))
        if self.value_editor is not None:
            self.value_editor.set_value(node.value)
        self._show_problems()

    def _editor_for(self, field: BuilderField | None, condition: Any, match_external: bool) -> ValueEditor | None:
        if field is None:
            return None
        return make_editor(self.context_for(field, condition, match_external))

    def _set_value_editor(self, editor: ValueEditor | None) -> None:
        if self.value_editor is not None:
            self.value_layout.removeWidget(self.value_editor)
            self.value_editor.deleteLater()
        self.value_editor = editor
        if editor is not None:
            self.value_layout.addWidget(editor)
            editor.value_edited.connect(self._value_edited)
            self.value_host.setFocusProxy(editor.focus_target())
        self.value_editor_changed.emit()

    def _show_problems(self) -> None:
        mine = [problem for problem in self._problems if problem.node == self.node_id and self.node_id is not None]
        for label, shown in ((self.problems, [p.message for p in mine if p.is_error]),
                             (self.warnings, [p.message for p in mine if not p.is_error])):
            label.setText("\n".join(shown))
            label.setVisible(bool(shown))

    # -- writing -----------------------------------------------------------------------------------------

    def _write(self, action: Callable[[], None]) -> None:
        self._writing = True
        try:
            action()
        finally:
            self._writing = False

    def _operator_chosen(self, _index: int) -> None:
        if self.node_id is not None:
            node_id, operator = self.node_id, self.operator.currentData()
            self._write(lambda: self.state.set_operator(node_id, operator))

    def _field_chosen(self, field_id: str) -> None:
        if self.node_id is not None:
            node_id = self.node_id
            self.state.set_field(node_id, field_id)  # announced: the condition and value editor follow

    def _condition_chosen(self, condition: str) -> None:
        if self.node_id is not None:
            self.state.set_condition(self.node_id, condition)

    def _match_toggled(self, checked: bool) -> None:
        if self.node_id is not None:
            self.state.set_match_external_id(self.node_id, checked)

    def _value_edited(self, value: Any) -> None:
        if self.node_id is not None:
            node_id = self.node_id
            self._write(lambda: self.state.set_value(node_id, value))


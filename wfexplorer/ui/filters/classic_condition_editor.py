"""The editor of one classic condition: the field or path, the modifiers its type takes, a value editor per type.

The field is typed with completion from metadata (``project:name``, ``assignedTo:homeGroup:name``, ``DE:Budget``)
and taken with Enter or on leaving the box. Once metadata says what the field is, the modifier list offers only
what suits it (a pasted modifier it does not take stays, marked) and the value editor follows the modifier's
shape: none (``isnull``), one value, a range (lower and upper bound, ``_Range``) or a list (one value a line).
Values offer what fits the type: enum values, ``true``/``false``, date wildcards (``$$TODAY-7d``, ``$$TODAYb``…),
``$$USER`` and its attributes. Every edit goes straight into the ``ClassicSearch``; the problems of the condition
are shown under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from wfexplorer.core.classic.search_model import (
    ALLOWED_MODIFIERS,
    DATE_WILDCARDS,
    MODIFIER_LABELS,
    USER_ATTRIBUTES,
    VALUE_SHAPES,
    ClassicSearch,
    FieldKind,
    Modifier,
    ValueShape,
)
from wfexplorer.ui import resources
from wfexplorer.ui.filters import icons
from wfexplorer.ui.filters.classic_paths import PathHelper, PathInfo

DEFAULT_MODIFIER = ""  # item data of "left to Workfront"


def suggestions(kind: FieldKind | None, info: PathInfo | None) -> list[tuple[str, str]]:
    """Values to offer for a field of ``kind``: (value, what it means)."""
    if kind is FieldKind.DATE:
        return list(DATE_WILDCARDS)
    if kind is FieldKind.BOOLEAN:
        return [("true", "yes"), ("false", "no")]
    if kind in (FieldKind.ENUM, FieldKind.MULTI) and info is not None and info.field is not None:
        return [(str(option.value), option.label) for option in info.field.possible_values]
    if kind is FieldKind.ID or kind is None:
        return [("$$USER", "the signed-in user"), *((f"$$USER.{name}", f"the signed-in user's {name}")
                                                     for name in USER_ATTRIBUTES if name.endswith("ID"))]
    return []


class ValueBox(QComboBox):
    """An editable value with suggestions; the text is the value (a suggestion's meaning shows beside it)."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def offer(self, options: list[tuple[str, str]], text: str) -> None:
        """Offer ``options`` and show ``text`` (signals blocked)."""
        blocked = self.blockSignals(True)
        self.clear()
        for value, meaning in options:
            self.addItem(f"{value}", value)
            self.setItemData(self.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole)
            self.setItemData(self.count() - 1, f"{value}, {meaning}", Qt.ItemDataRole.AccessibleTextRole)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(blocked)

    def value(self) -> str:
        """The value typed or chosen."""
        return self.currentText()


class ClassicConditionEditor(QWidget):
    """Edits the selected condition (see the module docs).

    Signals:
        edited(int): the user changed this condition.
    """

    edited = Signal(int)

    def __init__(self, search: ClassicSearch, paths: PathHelper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classicConditionEditor")
        self.setAccessibleName("Selected condition")
        self.search = search
        self.paths = paths
        self.condition_id: int | None = None
        self.info: PathInfo | None = None
        self._loading = False
        #: True while the editor itself writes into the search (the builder then leaves the editor alone).
        self.writing = False

        self.field = QLineEdit()
        self.field.setObjectName("conditionField")
        self.field.setAccessibleName("Field or path")
        self.field.setPlaceholderText("name, project:name, assignedTo:homeGroup:name, DE:Budget…")
        self.field.setToolTip("Type a field, a path through references (project:name) or a custom field (DE:…); "
                              "Enter takes it")
        self.completer = paths.attach(self.field)
        self.field_label = QLabel()
        self.field_label.setObjectName("conditionFieldLabel")
        resources.set_role(self.field_label, "note")
        self.modifier = QComboBox()
        self.modifier.setObjectName("conditionModifier")
        self.modifier.setAccessibleName("Modifier")
        self.value = ValueBox("conditionValue", "Value")
        self.upper = ValueBox("conditionUpper", "Upper bound")
        self.values = QPlainTextEdit()
        self.values.setObjectName("conditionValues")
        self.values.setAccessibleName("Values, one per line")
        self.values.setTabChangesFocus(True)
        self.values.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.no_value = QLabel("This modifier takes no value.")
        self.no_value.setObjectName("conditionNoValue")
        resources.set_role(self.no_value, "note")
        self.problems = resources.message_label("error", "conditionProblems")
        self.empty = QLabel("Select a condition, or add one with “+ Condition”.")
        self.empty.setObjectName("conditionEmpty")
        resources.set_role(self.empty, "note")

        form = QFormLayout(self)
        form.addRow(self.empty)
        self._labels: dict[QWidget, QLabel] = {}
        for text, widget in (("&Field", self.field), ("", self.field_label), ("&Modifier", self.modifier),
                             ("&Value", self.value), ("&Upper bound", self.upper), ("&Values", self.values),
                             ("", self.no_value)):
            label = QLabel(text)
            if text:
                label.setBuddy(widget)
            self._labels[widget] = label
            form.addRow(label, widget)
        form.addRow(self.problems)

        self.field.returnPressed.connect(self._field_entered)
        self.field.editingFinished.connect(self._field_entered)
        self.modifier.activated.connect(self._modifier_chosen)
        self.value.editTextChanged.connect(lambda _text: self._values_edited())
        self.upper.editTextChanged.connect(lambda _text: self._values_edited())
        self.values.textChanged.connect(self._values_edited)
        self.show_condition(None)

    # -- showing ---------------------------------------------------------------------------------------

    def show_condition(self, condition_id: int | None) -> None:
        """Edit this condition (None: nothing selected)."""
        if condition_id is not None and self.search.query.find(condition_id) is None:
            condition_id = None
        self.condition_id = condition_id
        editing = condition_id is not None
        self.empty.setVisible(not editing)
        for widget in (self.field, self.modifier):
            widget.setVisible(editing)
            self._labels[widget].setVisible(editing)
        if not editing or condition_id is None:
            self.field_label.hide()
            self._show_shape(None)
            self.problems.hide()
            return
        condition = self.search.condition(condition_id)
        self._loading = True
        try:
            if self.field.text() != condition.field or not self.field.hasFocus():
                self.field.setText(condition.field)
            known = self.paths.known.get(condition.field)
            self.info = known
            self._fill()
        finally:
            self._loading = False
        if known is None and condition.field:
            self.paths.resolve(condition.field, self._resolved)

    def set_problems(self, messages: list[str]) -> None:
        """Show the problems of the condition being edited."""
        self.problems.setText("\n".join(messages))
        self.problems.setVisible(bool(messages) and self.condition_id is not None)

    def _resolved(self, info: PathInfo) -> None:
        if self.condition_id is None or self.search.condition(self.condition_id).field != info.path:
            return
        self.info = info
        self._loading = True
        try:
            self._fill()
        finally:
            self._loading = False

    def _fill(self) -> None:
        assert self.condition_id is not None
        condition = self.search.condition(self.condition_id)
        info = self.info
        kind = info.kind if info is not None else None
        if info is not None and info.problem:
            self.field_label.setText(info.problem)
        elif info is not None and info.label:
            self.field_label.setText(f"{info.label} · {kind.value if kind else 'reference'}")
        else:
            self.field_label.setText("")
        self.field_label.setVisible(bool(self.field_label.text()))
        self._labels[self.field_label].setVisible(False)
        self.modifier.clear()
        self.modifier.addItem("default (equals; is one of for several values)", DEFAULT_MODIFIER)
        offered = ALLOWED_MODIFIERS[kind] if kind is not None else tuple(Modifier)
        for modifier in offered:
            self.modifier.addItem(f"{MODIFIER_LABELS[modifier]} ({modifier})", str(modifier))
        current = "" if condition.modifier is None else str(condition.modifier)
        index = self.modifier.findData(current)
        if index < 0:
            self.modifier.addItem(icons.problem_icon(), f"{current} (not for this field)", current)
            index = self.modifier.count() - 1
        self.modifier.setCurrentIndex(index)
        self._show_shape(condition.shape)
        options = suggestions(kind, info)
        shape = condition.shape
        if shape is ValueShape.MANY:
            blocked = self.values.blockSignals(True)
            if self.values.toPlainText().splitlines() != list(condition.values):
                self.values.setPlainText("\n".join(condition.values))
            self.values.blockSignals(blocked)
            hint = ", ".join(value for value, _ in options[:12])
            self.values.setToolTip(f"One value a line{': ' + hint if hint else ''}")
        else:
            self.value.offer(options, condition.values[0] if condition.values else "")
            self.upper.offer(options, condition.range or "")

    def _show_shape(self, shape: ValueShape | None) -> None:
        for widget, wanted in ((self.value, (ValueShape.ONE, ValueShape.RANGE)), (self.upper, (ValueShape.RANGE,)),
                               (self.values, (ValueShape.MANY,)), (self.no_value, (ValueShape.NONE,))):
            shown = shape in wanted
            widget.setVisible(shown)
            self._labels[widget].setVisible(shown and bool(self._labels[widget].text()))
        self._labels[self.value].setText("&Lower bound" if shape is ValueShape.RANGE else "&Value")

    # -- editing ---------------------------------------------------------------------------------------

    def _field_entered(self) -> None:
        if self._loading or self.condition_id is None:
            return
        text = self.field.text().strip()
        condition = self.search.condition(self.condition_id)
        if text == condition.field:
            return
        self._write(field=text)
        self.edited.emit(self.condition_id)
        self.info = None
        self.paths.resolve(text, self._resolved)

    def choose_modifier(self, modifier: str | None) -> None:
        """Choose a modifier as the user would (``None``: leave it to Workfront)."""
        index = self.modifier.findData(modifier or DEFAULT_MODIFIER)
        if index < 0:
            raise KeyError(modifier)
        self.modifier.setCurrentIndex(index)
        self._modifier_chosen(index)

    def _modifier_chosen(self, index: int) -> None:
        if self._loading or self.condition_id is None:
            return
        data = self.modifier.itemData(index)
        modifier = data or None
        condition = self.search.condition(self.condition_id)
        old_shape = condition.shape
        new_shape = VALUE_SHAPES[Modifier(modifier)] if modifier else (
            ValueShape.MANY if len(condition.values) > 1 else ValueShape.ONE)
        changes: dict[str, object] = {"modifier": modifier}
        if new_shape is not ValueShape.RANGE:
            changes["range"] = None
        if new_shape is ValueShape.ONE and len(condition.values) > 1:
            changes["values"] = condition.values[:1]
        self._write(**changes)
        self.edited.emit(self.condition_id)
        if new_shape is not old_shape:
            self._loading = True
            try:
                self._fill()
            finally:
                self._loading = False

    def _values_edited(self) -> None:
        if self._loading or self.condition_id is None:
            return
        condition = self.search.condition(self.condition_id)
        shape = condition.shape
        if shape is ValueShape.MANY:
            values = tuple(line.strip() for line in self.values.toPlainText().splitlines() if line.strip())
            self._write(values=values, typing=True)
        elif shape is ValueShape.RANGE:
            self._write(values=self.value.value(), range=self.upper.value(), typing=True)
        else:
            self._write(values=self.value.value(), typing=True)
        self.edited.emit(self.condition_id)

    def _write(self, **changes: object) -> None:
        assert self.condition_id is not None
        self.writing = True
        try:
            self.search.update_condition(self.condition_id, **changes)  # type: ignore[arg-type]
        finally:
            self.writing = False

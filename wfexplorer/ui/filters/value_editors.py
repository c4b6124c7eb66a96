"""The value editor for each field type and condition, and the simple editors (text, number, yes/no, none).

``make_editor(context)`` picks by the field's kind and the condition's value shape:

=====================  ==================================================================
no value (IS_EMPTY…)   a note that none is needed
text, formula, URL     a line of text
number, %, currency    a number (with the field's currency or %; decimals as it allows)
date, created/updated  ``DateEditor`` (exact or relative), a From/To pair for IS_BETWEEN
single/multi select    ``OptionEditor`` (one) or ``OptionsEditor`` (several), with colours
boolean                checked / not checked
people                 ``SearchPicker`` of people (WF or IMS id)
reference              ``SearchPicker`` of records of the referenced type
=====================  ==================================================================
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from wfexplorer.core.planning.filters import FieldKind, ValueShape
from wfexplorer.core.planning.filters.field_types import NUMERIC_KINDS, PEOPLE_KINDS, SELECT_KINDS, TEMPORAL_KINDS
from wfexplorer.ui import resources
from wfexplorer.ui.filters.date_editor import DateEditor
from wfexplorer.ui.filters.option_editors import BooleanEditor, OptionEditor, OptionsEditor
from wfexplorer.ui.filters.search_picker import SearchPicker
from wfexplorer.ui.filters.value_editor_base import EditorContext, ValueEditor


class NoValueEditor(ValueEditor):
    """For conditions that take no value."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = QLabel("No value needed.")
        label.setObjectName("noValue")
        resources.set_role(label, "note")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        pass


class TextEditor(ValueEditor):
    """A line of text (empty: no value)."""

    def __init__(self, context: EditorContext, label: str = "Value", parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.line = QLineEdit()
        self.line.setObjectName("textValue")
        self.line.setAccessibleName(f"{context.field.label}: {label.lower()}")
        self.line.setPlaceholderText("Text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.line.textEdited.connect(self._edited)

    def focus_target(self) -> QWidget:
        return self.line

    def value(self) -> Any:
        return self.line.text() or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class NumberEditor(ValueEditor):
    """A number, whole when the field keeps no decimals; the field's currency or ``%`` beside it."""

    def __init__(self, context: EditorContext, label: str = "Value", parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        field = context.field
        self.whole = field.precision == 0
        self.line = QLineEdit()
        self.line.setObjectName("numberValue")
        self.line.setAccessibleName(f"{field.label}: {label.lower()}")
        self.line.setPlaceholderText("Number")
        validator = QIntValidator() if self.whole else QDoubleValidator()
        validator.setLocale(validator.locale().c())  # a dot for decimals, as the JSON has it
        self.line.setValidator(validator)
        unit = "%" if field.kind is FieldKind.PERCENTAGE else (field.currency or "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        if unit:
            suffix = QLabel(unit)
            suffix.setObjectName("numberUnit")
            layout.addWidget(suffix)
        self.line.textEdited.connect(self._edited)

    def focus_target(self) -> QWidget:
        return self.line

    def value(self) -> Any:
        text = self.line.text().strip()
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class PairEditor(ValueEditor):
    """From and To, each an editor of the field's kind (IS_BETWEEN, IS_NOT_BETWEEN)."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.first = _single(context, "From")
        self.second = _single(context, "To")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, editor in (("From", self.first), ("to", self.second)):
            label = QLabel(text)
            label.setBuddy(editor.focus_target())
            layout.addWidget(label)
            layout.addWidget(editor)
            editor.value_edited.connect(self._edited)
        layout.addStretch(1)

    def focus_target(self) -> QWidget:
        return self.first.focus_target()

    def value(self) -> Any:
        first, second = self.first.value(), self.second.value()
        return None if first is None and second is None else (first, second)

    def set_value(self, value: Any) -> None:
        items = value if isinstance(value, tuple) else (value, None)
        self.first.set_value(items[0] if items else None)
        self.second.set_value(items[1] if len(items) > 1 else None)


def _single(context: EditorContext, label: str) -> ValueEditor:
    kind = context.field.kind
    if kind in TEMPORAL_KINDS:
        return DateEditor(context, label=f"{context.field.label}: {label.lower()}")
    if kind in NUMERIC_KINDS:
        return NumberEditor(context, label=label)
    return TextEditor(context, label=label)


def make_editor(context: EditorContext) -> ValueEditor:
    """The editor for the context's field type and condition (see the module docs)."""
    kind = context.field.kind
    shape = context.condition.shape
    if shape is ValueShape.NONE:
        return NoValueEditor(context)
    if shape is ValueShape.PAIR:
        return PairEditor(context)
    many = shape is ValueShape.LIST
    if kind in SELECT_KINDS:
        return OptionsEditor(context) if many else OptionEditor(context)
    if kind in PEOPLE_KINDS:
        return SearchPicker(context, people=True, multiple=many)
    if kind is FieldKind.REFERENCE:
        return SearchPicker(context, people=False, multiple=many)
    if kind is FieldKind.BOOLEAN:
        return BooleanEditor(context)
    if many:  # a list condition on a field type without a picker (not in the table): one value per line
        return SearchPicker(context, people=False, multiple=True)
    return _single(context, "Value")

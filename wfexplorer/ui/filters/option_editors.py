"""Option pickers for single- and multi-select fields, each option with its label and colour swatch.

``OptionEditor`` picks one option (IS, IS_NOT) from a combo box (``ChoiceEditor``, which ``BooleanEditor`` is
too); ``OptionsEditor`` picks several (IS_ANY_OF,
HAS_ALL_OF …) from a list of check boxes that Space toggles. Values are the options' server names, which is what
records store and filters compare; a value that is not an option of the field (a pasted filter) is shown too,
marked, so nothing disappears from view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wfexplorer.ui.filters import icons
from wfexplorer.ui.filters.value_editor_base import EditorContext, ValueEditor

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class ChoiceEditor(ValueEditor):
    """One value out of a fixed list, from a combo box: ``choices`` are (icon or None, label, value)."""

    def __init__(self, context: EditorContext, name: str, choices: list[tuple[QIcon | None, str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.combo = QComboBox()
        self.combo.setObjectName(name)
        self.combo.setAccessibleName(f"{context.field.label}: {name.removesuffix('Value').lower()}")
        for icon, label, value in choices:
            if icon is None:
                self.combo.addItem(label, value)
            else:
                self.combo.addItem(icon, label, value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._edited)

    def focus_target(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        if isinstance(value, tuple):
            value = value[0] if value else None
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            self.combo.addItem(icons.problem_icon(False), f"{value} (not offered for this field)", value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


class OptionEditor(ChoiceEditor):
    """One option of a single-select field."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        choices: list[tuple[QIcon | None, str, Any]] = [(None, "— choose an option —", None)]
        choices += [(icons.swatch(option.color), option.display_name or option.name, option.name)
                    for option in context.field.options]
        super().__init__(context, "optionValue", choices, parent)


class BooleanEditor(ChoiceEditor):
    """Checked or not checked."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        choices: list[tuple[QIcon | None, str, Any]] = [(None, "checked (true)", True),
                                                         (None, "not checked (false)", False)]
        super().__init__(context, "checkedValue", choices, parent)


class OptionsEditor(ValueEditor):
    """Several options of a select field (check the ones wanted)."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.list = QListWidget()
        self.list.setObjectName("optionList")
        self.list.setAccessibleName(f"{context.field.label}: options (Space checks one)")
        for option in context.field.options:
            self._add(option.display_name or option.name, option.name, icons.swatch(option.color))
        rows = max(2, min(6, self.list.count()))
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self._edited)

    def _add(self, label: str, name: str, icon: Any) -> QListWidgetItem:
        item = QListWidgetItem(icon, label)
        item.setData(NAME_ROLE, name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def focus_target(self) -> QWidget:
        return self.list

    def value(self) -> Any:
        return tuple(self.list.item(row).data(NAME_ROLE) for row in range(self.list.count())
                     if self.list.item(row).checkState() == Qt.CheckState.Checked)

    def set_value(self, value: Any) -> None:
        wanted = list(value) if isinstance(value, tuple) else ([] if value is None else [value])
        blocked = self.list.blockSignals(True)
        known = {self.list.item(row).data(NAME_ROLE) for row in range(self.list.count())}
        for name in wanted:
            if name not in known:
                self._add(f"{name} (not an option of this field)", name, icons.problem_icon(False))
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(NAME_ROLE) in wanted else Qt.CheckState.Unchecked)
        self.list.blockSignals(blocked)

    def check(self, name: str, checked: bool = True) -> None:
        """Check (or uncheck) the option called ``name``, as a click would."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NAME_ROLE) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

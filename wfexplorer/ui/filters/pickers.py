"""The field picker (type icons, search by typing) and the condition picker (only what the field type allows)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from wfexplorer.core.planning.builder import BuilderFields
from wfexplorer.core.planning.filters import ConditionType, FieldKind
from wfexplorer.ui.filters import icons


class FieldPicker(QComboBox):
    """Pick a field: a list with type icons; typing any part of a name narrows it (Enter takes the match).

    Signals:
        field_chosen(str): the user chose the field with this id.
    """

    field_chosen = Signal(str)

    def __init__(self, name: str = "Field", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldPicker")
        self.setAccessibleName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        lineedit = self.lineEdit()
        assert lineedit is not None
        lineedit.setPlaceholderText("Choose or type a field…")
        self.activated.connect(self._activated)
        self._current: str | None = None

    def set_fields(self, fields: BuilderFields, *, filterable_only: bool = True) -> None:
        """Offer ``fields`` (the ones a filter can use, unless told otherwise), in their order."""
        blocked = self.blockSignals(True)
        self.clear()
        for field in fields.filterable() if filterable_only else tuple(fields):
            kind_name = field.kind.value if field.kind else "unknown type"
            if field.own_kind is FieldKind.LOOKUP:
                kind_name = f"lookup of {kind_name}"
            self.addItem(icons.field_icon(field.kind, field.own_kind is FieldKind.LOOKUP), field.label, field.id)
            self.setItemData(self.count() - 1, f"{field.label} ({kind_name}) · {field.id}",
                             Qt.ItemDataRole.ToolTipRole)
            self.setItemData(self.count() - 1, f"{field.label}, {kind_name}", Qt.ItemDataRole.AccessibleTextRole)
        self.blockSignals(blocked)
        self.set_field(self._current)

    def set_field(self, field_id: str | None) -> None:
        """Show ``field_id`` as chosen (nothing, or the id itself when it is not offered)."""
        self._current = field_id
        index = self.findData(field_id) if field_id else -1
        blocked = self.blockSignals(True)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(f"{field_id} (no longer exists)" if field_id else "")
        self.blockSignals(blocked)

    def current_field(self) -> str | None:
        """The id of the field shown."""
        return self._current

    def choose(self, field_id: str) -> None:
        """Choose a field as the user would (announces ``field_chosen``)."""
        index = self.findData(field_id)
        if index < 0:
            raise KeyError(field_id)
        self.setCurrentIndex(index)
        self._activated(index)

    def focusOutEvent(self, event: object) -> None:  # type: ignore[override]
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.set_field(self._current)  # half-typed text goes back to the chosen field's name

    def _activated(self, index: int) -> None:
        field_id = self.itemData(index) if index >= 0 else None
        if isinstance(field_id, str) and field_id != self._current:
            self._current = field_id
            self.field_chosen.emit(field_id)


class ConditionPicker(QComboBox):
    """Pick a condition among those the field type allows (a pasted one it does not allow is shown, marked).

    Signals:
        condition_chosen(str): the user chose this condition (its v2 name).
    """

    condition_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conditionPicker")
        self.setAccessibleName("Condition")
        self.activated.connect(self._activated)

    def set_conditions(self, allowed: tuple[ConditionType, ...], current: ConditionType) -> None:
        """Offer ``allowed`` and show ``current``."""
        blocked = self.blockSignals(True)
        self.clear()
        for condition in allowed:
            self.addItem(condition.label, condition.value)
        if current not in allowed:
            self.addItem(icons.problem_icon(), f"{current.label} (not allowed for this field)", current.value)
        self.setCurrentIndex(self.findData(current.value))
        self.blockSignals(blocked)

    def choose(self, condition: ConditionType | str) -> None:
        """Choose a condition as the user would."""
        index = self.findData(ConditionType(condition).value)
        if index < 0:
            raise KeyError(condition)
        self.setCurrentIndex(index)
        self._activated(index)

    def _activated(self, index: int) -> None:
        value = self.itemData(index)
        if isinstance(value, str):
            self.condition_chosen.emit(value)

"""What every value editor is: a widget that shows one condition value and says when the user changed it.

``ValueEditor.value()`` is the value in the filter model's form (``None`` while the user has not given one);
``set_value`` shows a value without announcing it; ``value_edited`` fires on the user's own edits only, so the
builder can write them into its state without echoing the state's changes back. ``EditorContext`` carries what
editors need from outside: the field, the condition, the operations runner, the searches that people and
reference pickers use, and the shared id → name book.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from wfexplorer.core.planning.builder import BuilderField, Person
from wfexplorer.core.planning.filters import ConditionType
from wfexplorer.ui.asyncops import Operations


@dataclass(frozen=True)
class RecordChoice:
    """A record a reference picker offers: its Planning id, its title and, for external records, their id."""

    id: str
    title: str
    external_id: str | None = None


@dataclass
class EditorContext:
    """What a value editor needs to know and may use."""

    field: BuilderField
    condition: ConditionType
    ops: Operations | None = None
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    search_people: Callable[[str], list[Person]] | None = None
    search_records: Callable[[str], list[RecordChoice]] | None = None
    version: int = 2
    match_external_id: bool = False


class ValueEditor(QWidget):
    """Base of the value editors (see the module docs).

    Signals:
        value_edited(object): the user changed the value to this.
    """

    value_edited = Signal(object)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def value(self) -> Any:
        """The value shown, in the model's form; None when there is none yet."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without announcing it."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard focus first."""
        return self

    def _edited(self, *_ignored: Any) -> None:
        self.value_edited.emit(self.value())

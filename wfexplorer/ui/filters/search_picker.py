"""Pickers that search as you type: people (by name, with a WF or IMS id) and records of a referenced type.

Typing in the search box waits a moment, then searches off the GUI thread (a newer search makes older answers
stale; they are dropped). Enter or a double click on a result adds it; Delete or "Remove" takes a chosen one
away. The chosen values are listed by name. "Add as id" takes the typed text as an id, for people and
external objects the searches do not find. People are added with the id type chosen beside the search (v1
takes IMS ids only); a reference matching external ids (``matchExternalId``) adds a record's external id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.planning.builder import Person
from wfexplorer.core.planning.filters import IdType, UserId
from wfexplorer.ui import resources
from wfexplorer.ui.filters.value_editor_base import EditorContext, RecordChoice, ValueEditor
from wfexplorer.ui.messages import explain

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250


class _KeyList(QListWidget):
    """A list that reports Enter and Delete."""

    def __init__(self, on_enter: Any = None, on_delete: Any = None) -> None:
        super().__init__()
        self.on_enter, self.on_delete = on_enter, on_delete

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.on_enter is not None:
            self.on_enter()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.on_delete is not None:
            self.on_delete()
        else:
            super().keyPressEvent(event)


class SearchPicker(ValueEditor):
    """Search, pick, list what was picked (see the module docs)."""

    def __init__(self, context: EditorContext, *, people: bool, multiple: bool, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.people = people
        self.multiple = multiple
        self._generation = 0
        self._chosen: list[Any] = []
        what = "people" if people else "records"
        label = context.field.label
        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setAccessibleName(f"{label}: search {what} by name")
        self.search.setPlaceholderText(f"Search {what} by name…")
        self.id_type = QComboBox()
        self.id_type.setObjectName("pickerIdType")
        self.id_type.setAccessibleName(f"{label}: id type")
        self.id_type.addItem("Workfront id (WF)", IdType.WF.value)
        self.id_type.addItem("Adobe IMS id (IMS)", IdType.IMS.value)
        self.id_type.setCurrentIndex(0 if context.version == 2 else 1)
        if not people:
            self.id_type.hide()  # (shown before it has a parent, it would open as a window of its own)
        self.id_type.setEnabled(context.version == 2)
        if context.version == 1:
            self.id_type.setToolTip("Planning API v1 takes IMS ids only")
        self.results = _KeyList(on_enter=self.add_current)
        self.results.setObjectName("pickerResults")
        self.results.setAccessibleName(f"{label}: search results (Enter adds)")
        self.chosen = _KeyList(on_delete=self.remove_current)
        self.chosen.setObjectName("pickerChosen")
        self.chosen.setAccessibleName(f"{label}: chosen {what} (Delete removes)")
        for widget in (self.results, self.chosen):
            widget.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.add_id = QPushButton("Add as id")
        self.add_id.setObjectName("pickerAddId")
        self.add_id.setAccessibleName(f"{label}: add the typed text as an id")
        self.remove = QPushButton("Remove")
        self.remove.setObjectName("pickerRemove")
        self.remove.setAccessibleName(f"{label}: remove the selected choice")
        self.status = QLabel()
        self.status.setObjectName("pickerStatus")
        self.status.setWordWrap(True)
        resources.set_role(self.status, "note")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 0, 0)
        layout.addWidget(self.id_type, 0, 1)
        layout.addWidget(self.add_id, 0, 2)
        layout.addWidget(self.results, 1, 0)
        layout.addWidget(self.chosen, 1, 1, 1, 2)
        layout.addWidget(self.status, 2, 0)
        layout.addWidget(self.remove, 2, 2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_current())
        self.add_id.clicked.connect(self.add_typed_id)
        self.remove.clicked.connect(self.remove_current)

    def focus_target(self) -> QWidget:
        return self.search

    # -- value -----------------------------------------------------------------------------------------

    def value(self) -> Any:
        if self.multiple:
            return tuple(self._chosen)
        return self._chosen[0] if self._chosen else None

    def set_value(self, value: Any) -> None:
        items = list(value) if isinstance(value, tuple) else ([] if value in (None, "") else [value])
        self._chosen = items
        self._show_chosen()

    def _show_chosen(self) -> None:
        self.chosen.clear()
        for item in self._chosen:
            row = QListWidgetItem(self._label(item))
            row.setData(VALUE_ROLE, item)
            self.chosen.addItem(row)

    def _label(self, item: Any) -> str:
        names = self.context.names
        if isinstance(item, UserId):
            return f"{names.get(item.id, item.id)} ({item.id_type.value})"
        return names.get(str(item), str(item))

    def _choose(self, item: Any) -> None:
        if item in self._chosen:
            self.status.setText("Already chosen.")
            return
        self._chosen = [*self._chosen, item] if self.multiple else [item]
        self._show_chosen()
        self.status.clear()
        self._edited()

    # -- searching -------------------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for the typed text now."""
        self.timer.stop()
        text = self.search.text()
        search = self.context.search_people if self.people else self.context.search_records
        if search is None or self.context.ops is None:
            self.status.setText("Searching is not available here: add ids with “Add as id”.")
            return
        self._generation += 1
        generation = self._generation
        self.status.setText("Searching…")
        self.context.ops.run(lambda: search(text),
                             on_success=lambda found: self._show_results(found, generation),
                             on_error=lambda error: self._failed(error, generation))

    def _show_results(self, found: list[Any], generation: int) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        self.results.clear()
        for choice in found:
            if isinstance(choice, Person):
                ids = ", ".join(kind.value for kind in choice.id_types)
                text = f"{choice.name} ({ids})" + (f" · {choice.email}" if choice.email else "")
            else:
                assert isinstance(choice, RecordChoice)
                text = choice.title + (f" · external id {choice.external_id}" if choice.external_id else "")
            row = QListWidgetItem(text)
            row.setData(VALUE_ROLE, choice)
            self.results.addItem(row)
        if found:
            self.results.setCurrentRow(0)
        self.status.setText(f"{len(found)} found." if found else "Nothing found.")

    def _failed(self, error: errors.WorkfrontError, generation: int) -> None:
        if generation == self._generation:
            self.status.setText(explain(error))

    def add_current(self) -> None:
        """Add the selected search result."""
        row = self.results.currentItem()
        if row is None:
            return
        choice = row.data(VALUE_ROLE)
        if isinstance(choice, Person):
            id_type = IdType(self.id_type.currentData())
            value = choice.user_id(id_type)
            if value is None:
                other = "Workfront" if id_type is IdType.WF else "IMS"
                self.status.setText(f"{choice.name} has no known {other} id here: choose the other id type, "
                                    "or type the id and use “Add as id”.")
                return
            self.context.names[value.id] = choice.name
            self._choose(value)
        else:
            assert isinstance(choice, RecordChoice)
            if self.context.match_external_id:
                if not choice.external_id:
                    self.status.setText(f"{choice.title} has no external id; untick “Match external ids” to pick it.")
                    return
                self.context.names[choice.external_id] = choice.title
                self._choose(choice.external_id)
            else:
                self.context.names[choice.id] = choice.title
                self._choose(choice.id)

    def add_typed_id(self) -> None:
        """Add the search box's text as an id."""
        text = self.search.text().strip()
        if not text:
            self.status.setText("Type an id in the search box first.")
            return
        self._choose(UserId(text, IdType(self.id_type.currentData())) if self.people else text)
        self.search.clear()

    def remove_current(self) -> None:
        """Remove the selected chosen value."""
        row = self.chosen.currentRow()
        if 0 <= row < len(self._chosen):
            del self._chosen[row]
            self._show_chosen()
            self._edited()

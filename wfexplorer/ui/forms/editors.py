"""One editor per field kind, chosen from the spec (:func:`editor_for`); each is a widget with a value.

=====================  =====================================================================
text, URL              a line of text
long text              a multi-line box (Tab moves on)
integer, decimal,      a line that takes a number; what is not one stays as typed, so the form can
currency, percent      mark it where it is
date, date-time        a line in ``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM``, local time, zone shown beside), typed
                       or picked from a calendar button; empty is no date
boolean                a check box
choice, status         a list with the labels (Planning: coloured), the current value kept if unknown
multi-choice           a list of check boxes (Space toggles)
reference, people,     search as you type (off the GUI thread), pick; several for multi-value fields;
record reference       people by a Workfront or an Adobe IMS id (chosen beside the search, shown per person)
read-only              the value, and why it cannot be changed
=====================  =====================================================================

``edited(object)`` fires on the user's own changes only; :meth:`FieldEditor.set_value` shows a value
silently. Every editor's controls carry the field's label as accessible name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.details import UNKNOWN_USER, display_value, record_value
from wfexplorer.core.editing import values
from wfexplorer.core.editing.lookups import Choice
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec
from wfexplorer.core.editing.values import moment
from wfexplorer.core.planning.builder import Person
from wfexplorer.core.planning.external import CLASSIC_OBJECTS
from wfexplorer.core.planning.filters import IdType
from wfexplorer.ui import resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.calendar_button import CalendarButton

#: A picker's search: text -> matches (Choices; People: Persons), blocking: run through Operations.
Search = Callable[[str], list[Any]]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250
EMPTY_CHOICE = "—"


class FieldEditor(QWidget):
    """Base of the editors.

    Signals:
        edited(object): the user changed the value to this.
        revert_requested(): Esc in the editor: put the original back.
    """

    edited = Signal(object)
    revert_requested = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._quiet = False
        self.setObjectName(f"editor:{spec.key}")
        self.setAccessibleName(spec.label)


    def _row(self) -> QLayout:
        """The editor's own layout (made by ``_layout``), to put a unit or a time zone beside the field."""
        layout = self.layout()
        assert layout is not None, "an editor lays itself out in __init__"
        return layout
    def value(self) -> Any:
        """The value shown (the state's form)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without announcing it."""
        self._quiet = True
        try:
            self._show(value)
        finally:
            self._quiet = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The control that takes the focus (the form's label buddy)."""
        return self

    def _changed(self, *_args: Any) -> None:
        if not self._quiet:
            self.edited.emit(self.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.revert_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _named(self, widget: QWidget, suffix: str = "") -> QWidget:
        widget.setAccessibleName(self.spec.label + (f": {suffix}" if suffix else ""))
        widget.setObjectName(f"{self.spec.key}{':' + suffix if suffix else ''}")
        return widget

    @staticmethod
    def _layout(widget: QWidget, *children: QWidget, vertical: bool = False) -> None:
        layout = QVBoxLayout(widget) if vertical else QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        for child in children:
            layout.addWidget(child)


class _EscLine(QLineEdit):
    """A line edit that passes Esc to its editor (the revert)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)


class LineEditor(FieldEditor):
    """Text and URLs."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = _EscLine()
        self._named(self.line)
        if spec.kind is EditorKind.URL:
            self.line.setPlaceholderText("A web address")
        self.line.textEdited.connect(self._changed)
        self._layout(self, self.line)

    def value(self) -> Any:
        return self.line.text() or None

    def _show(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.line


class _EscText(QPlainTextEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)


class TextAreaEditor(FieldEditor):
    """Several lines of text; Tab moves to the next field."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.text = _EscText()
        self._named(self.text)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.text.textChanged.connect(self._changed)
        self._layout(self, self.text)

    def value(self) -> Any:
        return self.text.toPlainText() or None

    def _show(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))

    def focus_widget(self) -> QWidget:
        return self.text


class NumberEditor(LineEditor):
    """A number; what does not read as one is kept as typed (the form marks it)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        unit = spec.unit or {EditorKind.PERCENT: "%"}.get(spec.kind)
        self.line.setPlaceholderText({EditorKind.INTEGER: "whole number"}.get(spec.kind, "number"))
        if unit:
            label = QLabel(unit)
            label.setBuddy(self.line)
            self._row().addWidget(label)

    def value(self) -> Any:
        text = self.line.text().strip().replace(",", "")
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            pass
        try:
            return float(text)
        except ValueError:
            return self.line.text()

    def _show(self, value: Any) -> None:
        if isinstance(value, float) and value.is_integer() and self.spec.kind is not EditorKind.DECIMAL:
            value = int(value)
        self.line.setText("" if value is None else str(value))


@functools.cache
def zone_text() -> str:
    """This computer's time zone as shown beside date-times: ``CET (UTC+0100)``."""
    return dt.datetime.now().astimezone().strftime("%Z (UTC%z)")


class DateEditor(LineEditor):
    """A date, or a date and time in local time with the zone shown beside it.

    Typed as ``2026-03-15`` (``2026-03-15 09:30``; a ``T`` or seconds are taken too), or picked from the
    calendar button (Alt+Down or F4 in the line opens it). Empty is no date; the line's clear button, the
    popup's "Clear" or deleting the text empties it. What does not read as a date stays as typed, so the form
    can mark it where it is.
    """

    DATE_FORMAT = "%Y-%m-%d"
    TIME_FORMAT = "%Y-%m-%d %H:%M"
    PATTERNS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
    POPUP_KEYS = frozenset({Qt.Key.Key_F4})

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.with_time = spec.kind is EditorKind.DATE_TIME
        self.line.setPlaceholderText("YYYY-MM-DD HH:MM" if self.with_time else "YYYY-MM-DD")
        self.line.setClearButtonEnabled(True)
        clear = self.line.findChild(QToolButton)
        if clear is not None:  # the line's own clear button: named like every part
            clear.setAccessibleName(f"{spec.label}: clear")
        self.line.installEventFilter(self)
        self.calendar_button = CalendarButton(spec.label, with_time=self.with_time, current=self._current)
        self.calendar_button.setObjectName(f"{spec.key}:calendar")
        self.calendar_button.picked.connect(self._picked)
        self.calendar_button.cleared.connect(self._cleared)
        row = self._row()
        row.addWidget(self.calendar_button)
        if self.with_time:
            self.zone = QLabel(zone_text())
            self.zone.setObjectName(f"{spec.key}:zone")
            self.zone.setAccessibleName(f"{spec.label}: time zone")
            self.zone.setToolTip("Times are shown and typed in this computer's time zone")
            row.addWidget(self.zone)

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        for pattern in (*self.PATTERNS, self.DATE_FORMAT) if self.with_time else (self.DATE_FORMAT,):
            try:
                parsed = dt.datetime.strptime(text, pattern)
            except ValueError:
                continue
            if not self.with_time:
                return parsed.date().isoformat()
            return parsed.astimezone()  # local time
        return text

    def _show(self, value: Any) -> None:
        when = moment(value)
        if isinstance(when, dt.datetime):
            shown = when.astimezone().strftime(self.TIME_FORMAT if self.with_time else self.DATE_FORMAT)
        elif isinstance(when, dt.date):
            shown = when.isoformat() + (" 00:00" if self.with_time else "")
        else:
            shown = "" if value is None else str(value)
        self.line.setText(shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)
            down = key_event.key() == Qt.Key.Key_Down and key_event.modifiers() & Qt.KeyboardModifier.AltModifier
            if down or key_event.key() in self.POPUP_KEYS:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> QMenu:
        """Open the calendar on the date the line holds (today when it holds none)."""
        return self.calendar_button.open_popup(*self._current())

    def _current(self) -> tuple[QDate, QTime]:
        when = moment(self.value())
        if isinstance(when, dt.datetime):
            return QDate(when.year, when.month, when.day), QTime(when.hour, when.minute)
        if isinstance(when, dt.date):
            return QDate(when.year, when.month, when.day), QTime()
        return QDate(), QTime()

    def _picked(self, day: QDate, time: QTime) -> None:
        text = day.toString("yyyy-MM-dd") + (f" {time.toString('HH:mm')}" if self.with_time else "")
        self.line.setText(text)
        self.line.setFocus()
        self._changed()

    def _cleared(self) -> None:
        self.line.clear()
        self.line.setFocus()
        self._changed()


class BooleanEditor(FieldEditor):
    """Yes or no."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox("Yes")
        self._named(self.box)
        self.box.toggled.connect(self._changed)
        self._layout(self, self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def _show(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def focus_widget(self) -> QWidget:
        return self.box


def swatch(color: str | None) -> QIcon | None:
    """A small square of an option's colour."""
    if not color:
        return None
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ChoiceEditor(FieldEditor):
    """One of the spec's options (an unknown current value is listed too, so nothing disappears)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self._named(self.combo)
        self.combo.addItem(EMPTY_CHOICE, None)
        for option in spec.options:
            icon = swatch(option.color)
            label = option.label if spec.api is Api.PLANNING or option.label == str(option.value) else \
                f"{option.label} ({option.value})"
            if icon is None:
                self.combo.addItem(label, option.value)
            else:
                self.combo.addItem(icon, label, option.value)
        self.combo.currentIndexChanged.connect(self._changed)
        self._layout(self, self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        index = next((i for i in range(self.combo.count()) if self.combo.itemData(i) == value), -1)
        if index < 0:
            self.combo.addItem(f"{value} (not a listed value)", value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def focus_widget(self) -> QWidget:
        return self.combo


class MultiChoiceEditor(FieldEditor):
    """Several of the spec's options, as check boxes."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.list = QListWidget()
        self._named(self.list)
        for option in spec.options:
            item = QListWidgetItem(option.label)
            icon = swatch(option.color)
            if icon is not None:
                item.setIcon(icon)
            item.setData(ID_ROLE, option.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setFixedHeight(min(6, max(2, len(spec.options))) * (self.list.fontMetrics().height() + 6) + 6)
        self.list.itemChanged.connect(self._changed)
        self._layout(self, self.list)

    def value(self) -> Any:
        chosen = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return chosen or None

    def _show(self, value: Any) -> None:
        wanted = list(value or [])
        known = {self.list.item(i).data(ID_ROLE) for i in range(self.list.count())}
        for extra in wanted:
            if extra not in known:
                item = QListWidgetItem(f"{extra} (not a listed value)")
                item.setData(ID_ROLE, extra)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.list.addItem(item)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked)

    def focus_widget(self) -> QWidget:
        return self.list


class PickerEditor(FieldEditor):
    """Search as you type and pick: one reference (classic), or several (Planning references and people).

    The search runs off the GUI thread after a pause in typing; a newer search makes older answers stale.
    Subclasses say how a match is listed (:meth:`_entry`), what picking it adds (:meth:`_pick`) and how a
    chosen value is named (:meth:`_label`).
    """

    def __init__(self, spec: FieldSpec, search: Search | None, ops: Operations | None,
                 names: dict[str, str], parent: QWidget | None = None, *,
                 linked: Mapping[str, str] | None = None) -> None:
        super().__init__(spec, parent)
        self.search_call, self.ops, self.names = search, ops, names
        #: Planning record id → classic id, for external references: a classic object already connected is
        #: not connected twice.
        self.linked: Mapping[str, str] = linked if linked is not None else {}
        self.multiple = spec.kind in (EditorKind.PEOPLE, EditorKind.RECORD_REFERENCE)
        self._chosen: list[Any] = []
        self._generation = 0
        self.combo = QComboBox()
        self._named(self.combo, "search" if self.multiple else "")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self._placeholder())
        line.textEdited.connect(self._typed)
        self.combo.activated.connect(self._picked)
        self.status = QLabel()
        resources.set_role(self.status, "note")
        self.status.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        top = [self.combo, *self._beside_search()]
        if self.multiple:
            self.chosen = QListWidget()
            self._named(self.chosen, "chosen")
            self.chosen.setFixedHeight(self.chosen.fontMetrics().height() * 3 + 12)
            self.remove = QPushButton("Remove")
            self._named(self.remove, "remove")
            self.remove.clicked.connect(self._remove_current)
            below = [self.chosen, self.remove]
        else:
            self.clear_button = QPushButton("Clear")
            self._named(self.clear_button, "clear")
            self.clear_button.clicked.connect(self._clear)
            top.append(self.clear_button)
            below = []
        if len(top) > 1:
            row = QWidget()
            self._layout(row, *top)
            row.layout().setStretch(0, 1)  # type: ignore[union-attr]
            top = [row]
        self._layout(self, *top, *below, self.status, vertical=True)

    def _placeholder(self) -> str:
        if self.search_call is None:
            return "ID"
        if self.spec.external:
            word = next((name for name, code in CLASSIC_OBJECTS.items() if code == self.spec.target), "object")
            return f"Type to search Workfront {word.lower()} names…"
        return "Type to search…"

    def _beside_search(self) -> list[QWidget]:
        """Controls in the search's row (after it)."""
        return []

    def focus_widget(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        if self.multiple:
            return list(self._chosen) or None
        return self._chosen[0] if self._chosen else None

    def _item(self, value: Any) -> Any:
        """One chosen value in the state's form."""
        return str(value)

    def _key(self, item: Any) -> str:
        """The id ``names`` knows a chosen value by."""
        return str(item)

    def _label(self, item: Any) -> str:
        return self.names.get(self._key(item)) or str(item)

    def _show(self, value: Any) -> None:
        items = value if isinstance(value, list) else ([] if value is None else [value])
        self._chosen = [self._item(item) for item in items]
        if self.multiple:
            self.chosen.clear()
            for chosen in self._chosen:
                row = QListWidgetItem(self._label(chosen))
                row.setData(ID_ROLE, chosen)
                self.chosen.addItem(row)
            self.combo.setEditText("")
        else:
            self.combo.clear()
            if self._chosen:
                self.combo.addItem(self._label(self._chosen[0]), self._chosen[0])
            self.combo.setEditText(self._label(self._chosen[0]) if self._chosen else "")

    def choose(self, ident: Any, label: str = "") -> None:
        """Pick ``ident`` (as a click on a match does)."""
        item = self._item(ident)
        if label:
            self.names[self._key(item)] = label
        if self.multiple and (item in self._chosen or any(self.linked.get(str(c)) == item for c in self._chosen)):
            self.status.setText(f"{self._label(item)} is already chosen.")
            self.status.show()
            return
        chosen = [*self._chosen, item] if self.multiple and item not in self._chosen else \
            (self._chosen if self.multiple else [item])
        self.set_value(chosen if self.multiple else item)
        self._changed()

    def _clear(self) -> None:
        self.set_value(None)
        self._changed()

    def _remove_current(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self._chosen):
            self.set_value([item for index, item in enumerate(self._chosen) if index != row])
            self._changed()

    def _typed(self, _text: str) -> None:
        if self.search_call is not None:
            self._timer.start()

    def _entry(self, match: Any) -> tuple[str, Any]:
        """How a match is listed: its text and the data picking it reads."""
        assert isinstance(match, Choice)
        return match.label, match.id

    def _search(self) -> None:
        if self.search_call is None or self.ops is None:
            return
        self._generation += 1
        generation, text, search = self._generation, self.combo.currentText(), self.search_call
        self.status.setText("Searching…")
        self.status.show()

        def found(matches: list[Any]) -> None:
            if generation != self._generation:
                return
            typed = self.combo.currentText()
            self._quiet = True
            self.combo.clear()
            for match in matches:
                self.combo.addItem(*self._entry(match))
            self.combo.setEditText(typed)
            self._quiet = False
            self.status.setText(f"{len(matches)} found; choose one from the list" if matches else "Nothing found")
            if matches:
                self.combo.showPopup()

        def failed(error: errors.WorkfrontError) -> None:
            if generation == self._generation:
                self.status.setText(f"Search failed: {error.message}")

        self.ops.run(lambda: search(text), on_success=found, on_error=failed, name="picker-search")

    def _picked(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data:
            self._pick(data, self.combo.itemText(index))

    def _pick(self, data: Any, text: str) -> None:
        """Add what a listed match stands for."""
        self.choose(str(data), text)


#: How the People editor names each id type.
ID_TYPE_LABELS = {IdType.WF: "Workfront id", IdType.IMS: "Adobe IMS id"}


@dataclass(frozen=True)
class PeopleSearch:
    """A People field's search: people by name (with the ids known for them) and the id types it may store
    (Planning v1 takes IMS ids only)."""

    find: Callable[[str], list[Person]]
    id_types: tuple[IdType, ...] = (IdType.WF, IdType.IMS)

    def __call__(self, text: str) -> list[Person]:
        return self.find(text)


class PeopleEditor(PickerEditor):
    """People (Planning): users found by name are added by the id type chosen beside the search (a Workfront
    id or an Adobe IMS id, stored as ``{"id", "idType"}``); "Add as id" adds the typed text as an id of that
    type. Each chosen person is listed with the kind of id it is (Planning reports IMS ids)."""

    def __init__(self, spec: FieldSpec, search: Search | None, ops: Operations | None,
                 names: dict[str, str], parent: QWidget | None = None, *,
                 unknown: Collection[str] = ()) -> None:
        self.id_types = search.id_types if isinstance(search, PeopleSearch) else (IdType.WF, IdType.IMS)
        #: Ids of the loaded value that nobody could name: listed with a note saying so.
        self.unknown = unknown
        super().__init__(spec, search, ops, names, parent)

    def _placeholder(self) -> str:
        return "Type a name to search, or an id to add…"

    def _beside_search(self) -> list[QWidget]:
        self.id_type = QComboBox()
        self._named(self.id_type, "id type")
        for id_type in self.id_types:
            self.id_type.addItem(f"as {ID_TYPE_LABELS[id_type]} ({id_type.value})", id_type.value)
        if len(self.id_types) == 1:
            self.id_type.setEnabled(False)
            self.id_type.setToolTip("Planning API v1 takes IMS ids only")
        else:
            self.id_type.setToolTip("Which id of the person the field stores")
        self.add_id = QPushButton("Add as id")
        self._named(self.add_id, "add the typed text as an id")
        self.add_id.clicked.connect(self.add_typed_id)
        return [self.id_type, self.add_id]

    @property
    def chosen_type(self) -> IdType:
        """The id type picks are added as."""
        return IdType(self.id_type.currentData())

    def _typed_value(self, ident: str, id_type: IdType) -> Any:
        return {"id": ident, "idType": id_type.value} if len(self.id_types) > 1 else ident

    def _item(self, value: Any) -> Any:
        return values.person(value)

    def _key(self, item: Any) -> str:
        return values.person_id(item)[0]

    def _label(self, item: Any) -> str:
        ident, id_type = values.person_id(item)
        kind = ID_TYPE_LABELS[IdType(id_type)] if id_type in values.ID_TYPES else \
            ("Adobe IMS id" if "@" in ident else "id")
        name = self.names.get(ident)
        if name:
            return f"{name} · {kind} {ident}"
        return f"{ident} · {kind} ({UNKNOWN_USER})" if ident in self.unknown else f"{ident} · {kind}"

    def _entry(self, match: Any) -> tuple[str, Any]:
        assert isinstance(match, Person)
        ids = ", ".join(kind.value for kind in match.id_types)
        return f"{match.name} ({ids})" + (f" · {match.email}" if match.email else ""), match

    def _pick(self, data: Any, text: str) -> None:
        assert isinstance(data, Person)
        id_type = self.chosen_type
        user = data.user_id(id_type)
        if user is None:
            other = next((kind for kind in self.id_types if kind is not id_type), None)
            hint = f"choose “as {ID_TYPE_LABELS[other]}”, or " if other is not None and data.user_id(other) else ""
            self._say(f"{data.name} has no known {ID_TYPE_LABELS[id_type]} here: {hint}type the id and use "
                      "“Add as id”.")
            return
        self.choose(self._typed_value(user.id, id_type), data.name)

    def add_typed_id(self) -> None:
        """Add the search box's text as an id of the chosen type."""
        text = self.combo.currentText().strip()
        if not text:
            self._say("Type an id in the search box first.")
            return
        self.choose(self._typed_value(text, self.chosen_type))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


class ReadOnlyEditor(FieldEditor):
    """The value, and why it cannot be changed."""

    def __init__(self, spec: FieldSpec, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.names = names
        self.label = QLabel()
        self._named(self.label)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.label.setWordWrap(True)
        self.label.setToolTip(f"Read-only: {spec.read_only}")
        self.label.setAccessibleDescription(f"read-only: {spec.read_only}")
        self._layout(self, self.label)
        self._value: Any = None

    def value(self) -> Any:
        return self._value

    def _show(self, value: Any) -> None:
        self._value = value
        if self.spec.source is not None:  # a Planning field: as the detail form shows it
            self.label.setText(record_value(self.spec.source, value, self.names).text or EMPTY_CHOICE)
            return
        items = value if isinstance(value, list) else [value]
        label = next((o.label for o in self.spec.options if o.value == value), None)
        text = label or ", ".join(self.names.get(str(item), display_value(item)) for item in items if item is not None)
        self.label.setText(text or EMPTY_CHOICE)

    def focus_widget(self) -> QWidget:
        return self.label


EditorFactory = Callable[[FieldSpec], FieldEditor]

#: The registry: the editor of each kind (pickers and read-only values need more and are made below).
EDITORS: dict[EditorKind, EditorFactory] = {
    EditorKind.TEXT: LineEditor, EditorKind.URL: LineEditor, EditorKind.LONG_TEXT: TextAreaEditor,
    EditorKind.INTEGER: NumberEditor, EditorKind.DECIMAL: NumberEditor, EditorKind.CURRENCY: NumberEditor,
    EditorKind.PERCENT: NumberEditor, EditorKind.DATE: DateEditor, EditorKind.DATE_TIME: DateEditor,
    EditorKind.BOOLEAN: BooleanEditor, EditorKind.CHOICE: ChoiceEditor, EditorKind.STATUS: ChoiceEditor,
    EditorKind.MULTI_CHOICE: MultiChoiceEditor,
}
PICKER_KINDS = frozenset({EditorKind.REFERENCE, EditorKind.PEOPLE, EditorKind.RECORD_REFERENCE})


def editor_for(spec: FieldSpec, *, names: dict[str, str] | None = None, search: Search | None = None,
               ops: Operations | None = None, linked: Mapping[str, str] | None = None,
               unknown_people: Collection[str] = ()) -> FieldEditor:
    """The editor of ``spec`` (``search`` serves pickers; ``names`` maps ids to the names to show; ``linked``
    Planning record ids to the classic ids of external references; ``unknown_people`` the people ids nobody
    could name)."""
    names = names if names is not None else {}
    if spec.read_only or spec.kind is EditorKind.READ_ONLY:
        return ReadOnlyEditor(spec, names)
    if spec.kind is EditorKind.PEOPLE:
        return PeopleEditor(spec, search, ops, names, unknown=unknown_people)
    if spec.kind in PICKER_KINDS:
        return PickerEditor(spec, search, ops, names, linked=linked)
    return EDITORS[spec.kind](spec)

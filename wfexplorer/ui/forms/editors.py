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
reference, people,     search as you type (off the GUI thread), pick; several for multi-value fields
record reference
read-only              the value, and why it cannot be changed
=====================  =====================================================================

``edited(object)`` fires on the user's own changes only; :meth:`FieldEditor.set_value` shows a value
silently. Every editor's controls carry the field's label as accessible name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
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
from wfexplorer.core.details import display_value
from wfexplorer.core.editing.lookups import Choice
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec
from wfexplorer.core.editing.values import moment
from wfexplorer.ui import resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.calendar_button import CalendarButton

#: A picker's search: text -> matches (blocking; run through Operations).
Search = Callable[[str], list[Choice]]
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
        unit = {EditorKind.PERCENT: "%"}.get(spec.kind)
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
    """

    def __init__(self, spec: FieldSpec, search: Search | None, ops: Operations | None,
                 names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.search_call, self.ops, self.names = search, ops, names
        self.multiple = spec.kind in (EditorKind.PEOPLE, EditorKind.RECORD_REFERENCE)
        self._chosen: list[str] = []
        self._generation = 0
        self.combo = QComboBox()
        self._named(self.combo, "search" if self.multiple else "")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText("Type to search…" if search is not None else "ID")
        line.textEdited.connect(self._typed)
        self.combo.activated.connect(self._picked)
        self.status = QLabel()
        resources.set_role(self.status, "note")
        self.status.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        children: list[QWidget] = [self.combo]
        if self.multiple:
            self.chosen = QListWidget()
            self._named(self.chosen, "chosen")
            self.chosen.setFixedHeight(self.chosen.fontMetrics().height() * 3 + 12)
            self.remove = QPushButton("Remove")
            self._named(self.remove, "remove")
            self.remove.clicked.connect(self._remove_current)
            children += [self.chosen, self.remove]
        else:
            self.clear_button = QPushButton("Clear")
            self._named(self.clear_button, "clear")
            self.clear_button.clicked.connect(self._clear)
            row = QWidget()
            self._layout(row, self.combo, self.clear_button)
            row.layout().setStretch(0, 1)  # type: ignore[union-attr]
            children = [row]
        self._layout(self, *children, self.status, vertical=True)

    def focus_widget(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        if self.multiple:
            return list(self._chosen) or None
        return self._chosen[0] if self._chosen else None

    def _label(self, ident: str) -> str:
        return self.names.get(ident) or ident

    def _show(self, value: Any) -> None:
        items = value if isinstance(value, list) else ([] if value is None else [value])
        self._chosen = [str(item) for item in items]
        if self.multiple:
            self.chosen.clear()
            for ident in self._chosen:
                item = QListWidgetItem(self._label(ident))
                item.setData(ID_ROLE, ident)
                self.chosen.addItem(item)
            self.combo.setEditText("")
        else:
            self.combo.clear()
            if self._chosen:
                self.combo.addItem(self._label(self._chosen[0]), self._chosen[0])
            self.combo.setEditText(self._label(self._chosen[0]) if self._chosen else "")

    def choose(self, ident: str, label: str = "") -> None:
        """Pick ``ident`` (as a click on a match does)."""
        if label:
            self.names[ident] = label
        chosen = [*self._chosen, ident] if self.multiple and ident not in self._chosen else \
            (self._chosen if self.multiple else [ident])
        self.set_value(chosen if self.multiple else ident)
        self._changed()

    def _clear(self) -> None:
        self.set_value(None)
        self._changed()

    def _remove_current(self) -> None:
        item = self.chosen.currentItem()
        if item is not None:
            self.set_value([ident for ident in self._chosen if ident != item.data(ID_ROLE)])
            self._changed()

    def _typed(self, _text: str) -> None:
        if self.search_call is not None:
            self._timer.start()

    def _search(self) -> None:
        if self.search_call is None or self.ops is None:
            return
        self._generation += 1
        generation, text, search = self._generation, self.combo.currentText(), self.search_call
        self.status.setText("Searching…")
        self.status.show()

        def found(matches: list[Choice]) -> None:
            if generation != self._generation:
                return
            typed = self.combo.currentText()
            self._quiet = True
            self.combo.clear()
            for match in matches:
                self.combo.addItem(match.label, match.id)
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
        ident = self.combo.itemData(index)
        if ident:
            self.choose(str(ident), self.combo.itemText(index))


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
               ops: Operations | None = None) -> FieldEditor:
    """The editor of ``spec`` (``search`` serves pickers; ``names`` maps ids to the names to show)."""
    names = names if names is not None else {}
    if spec.read_only or spec.kind is EditorKind.READ_ONLY:
        return ReadOnlyEditor(spec, names)
    if spec.kind in PICKER_KINDS:
        return PickerEditor(spec, search, ops, names)
    return EDITORS[spec.kind](spec)

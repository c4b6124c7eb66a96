"""Date and date-time editors: typed, picked from the calendar (mouse and keyboard), cleared, named for AT."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QCalendarWidget, QPushButton, QTimeEdit, QToolButton, QWidget

from wfexplorer.core.editing import values
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec
from wfexplorer.ui.forms.editors import DateEditor, editor_for, zone_text

DATE = FieldSpec("plannedStartDate", "Planned start", EditorKind.DATE)
DATE_TIME = FieldSpec("plannedCompletionDate", "Planned completion", EditorKind.DATE_TIME)
PLANNING_DATE = FieldSpec("F_launch", "Launch", EditorKind.DATE, Api.PLANNING)


def make(qtbot, spec: FieldSpec) -> DateEditor:
    editor = editor_for(spec)
    assert isinstance(editor, DateEditor)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def edits_of(editor: DateEditor) -> list[object]:
    seen: list[object] = []
    editor.edited.connect(seen.append)
    return seen


def popup_parts(editor: DateEditor) -> tuple[QCalendarWidget, QTimeEdit | None, dict[str, QPushButton]]:
    button = editor.calendar_button
    assert button.calendar is not None and button.popup is not None
    buttons = {b.objectName(): b for b in button.popup.findChildren(QPushButton)}
    return button.calendar, button.time, buttons


@pytest.mark.parametrize("spec", [DATE, PLANNING_DATE], ids=["classic", "planning"])
def test_a_day_clicked_in_the_calendar_is_the_value_in_the_wire_form_core_expects(qtbot, spec):
    editor = make(qtbot, spec)
    editor.set_value("2026-03-15")
    seen = edits_of(editor)
    qtbot.mouseClick(editor.calendar_button, Qt.MouseButton.LeftButton)
    calendar, time, _ = popup_parts(editor)
    assert calendar.selectedDate() == QDate(2026, 3, 15)  # opens on the date the field holds
    assert time is None  # a date has no time
    calendar.clicked.emit(QDate(2026, 4, 2))
    assert editor.value() == "2026-04-02" and seen == ["2026-04-02"]
    assert not editor.calendar_button.popup.isVisible()
    assert values.wire(spec, editor.value()) == "2026-04-02"


def test_the_calendar_opens_from_the_keyboard_and_enter_picks_the_day(qtbot):
    editor = make(qtbot, DATE)
    editor.set_value("2026-03-15")
    editor.line.setFocus()
    qtbot.keyClick(editor.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar, _, _ = popup_parts(editor)
    assert editor.calendar_button.popup.isVisible()
    view = calendar.findChild(QWidget, "qt_calendar_calendarview")
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)  # one day on
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert editor.value() == "2026-03-16"


def test_a_date_time_takes_the_day_and_the_time_of_the_popup_in_local_time(qtbot):
    editor = make(qtbot, DATE_TIME)
    editor.set_value(dt.datetime(2026, 3, 15, 9, 30).astimezone())
    editor.open_calendar()
    calendar, time, _ = popup_parts(editor)
    assert time is not None and time.time() == QTime(9, 30)
    time.setTime(QTime(17, 45))
    calendar.clicked.emit(QDate(2026, 3, 20))
    assert editor.value() == dt.datetime(2026, 3, 20, 17, 45).astimezone()
    assert editor.line.text() == "2026-03-20 17:45"
    assert editor.zone.text() == zone_text() and editor.zone.text()  # the zone is shown beside
    classic = values.wire(DATE_TIME, editor.value())
    assert values.same(DATE_TIME, classic, dt.datetime(2026, 3, 20, 17, 45).astimezone())


@pytest.mark.parametrize("spec", [DATE, DATE_TIME], ids=["date", "date-time"])
def test_clear_in_the_popup_empties_the_field_to_none(qtbot, spec):
    editor = make(qtbot, spec)
    editor.set_value("2026-03-15")
    seen = edits_of(editor)
    editor.open_calendar()
    _, _, buttons = popup_parts(editor)
    qtbot.mouseClick(buttons["calendarClear"], Qt.MouseButton.LeftButton)
    assert editor.value() is None and seen == [None] and editor.line.text() == ""


def test_today_in_the_popup_picks_today(qtbot):
    editor = make(qtbot, DATE)
    editor.open_calendar()
    _, _, buttons = popup_parts(editor)
    qtbot.mouseClick(buttons["calendarToday"], Qt.MouseButton.LeftButton)
    assert editor.value() == dt.date.today().isoformat()


@pytest.mark.parametrize(("spec", "typed", "expected"), [
    (DATE, "2026-03-15", "2026-03-15"),
    (DATE_TIME, "2026-03-15 09:30", dt.datetime(2026, 3, 15, 9, 30).astimezone()),
    (DATE_TIME, "2026-03-15T09:30", dt.datetime(2026, 3, 15, 9, 30).astimezone()),
    (DATE_TIME, "2026-03-15", dt.datetime(2026, 3, 15, 0, 0).astimezone()),
    (DATE, "15 March", "15 March"),  # not a date: kept as typed for the form to mark
    (DATE, "", None),
], ids=["date", "date-time", "iso-t", "day-only", "not-a-date", "empty"])
def test_a_date_is_typed_from_the_keyboard(qtbot, spec, typed, expected):
    editor = make(qtbot, spec)
    editor.set_value("2026-01-01")
    seen = edits_of(editor)
    editor.line.selectAll()
    qtbot.keyClick(editor.line, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor.line, typed)
    assert editor.value() == expected and seen[-1] == expected
    if expected == "15 March":
        assert values.problem(spec, editor.value()) == "Planned start must be a date such as 2026-03-15."


def test_every_part_of_a_date_time_editor_has_an_accessible_name(qtbot):
    editor = make(qtbot, DATE_TIME)
    editor.open_calendar()
    parts = [editor.line, editor.calendar_button, editor.zone, *editor.line.findChildren(QToolButton)]
    popup = editor.calendar_button.popup
    parts += [w for w in popup.findChildren(QWidget) if isinstance(w, QCalendarWidget | QTimeEdit | QPushButton)]
    assert len(parts) >= 8
    for part in parts:
        assert part.accessibleName().startswith("Planned completion"), (part.metaObject().className(), part)
    popup.hide()
    QApplication.processEvents()


def test_a_form_of_date_fields_builds_no_calendar_until_one_is_opened(qtbot):
    editor = make(qtbot, DATE_TIME)
    assert editor.findChildren(QCalendarWidget) == [] and editor.calendar_button.popup is None

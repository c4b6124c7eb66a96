"""The date editor: an exact date (typed as ISO or picked from a calendar) or a relative one.

Its first part chooses what the date is: "on the date…", "today", "days ago…", "days from now…", "start of this
week", "month" or "quarter". An exact date is typed as ``2027-03-01`` (date-time fields also take
``2027-03-01T09:30``, written as UTC) or picked from the calendar button; "days ago" and "days from now" take a
number of days. The value is an ISO string or a ``RelativeDate``, None while the date is incomplete.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from wfexplorer.core.planning.filters import DateAnchor, FieldKind, RelativeDate
from wfexplorer.ui.calendar_button import CalendarButton
from wfexplorer.ui.filters.value_editor_base import EditorContext, ValueEditor

#: The modes, in menu order: (label, anchor or None for an exact date, sign of the day count or 0).
MODES: tuple[tuple[str, DateAnchor | None, int], ...] = (
    ("on the date", None, 0),
    ("today", DateAnchor.TODAY, 0),
    ("days ago", DateAnchor.TODAY, -1),
    ("days from now", DateAnchor.TODAY, 1),
    ("start of this week", DateAnchor.START_OF_WEEK, 0),
    ("start of this month", DateAnchor.START_OF_MONTH, 0),
    ("start of this quarter", DateAnchor.START_OF_QUARTER, 0),
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$")


class DateEditor(ValueEditor):
    """One date value (see the module docs)."""

    def __init__(self, context: EditorContext, label: str = "Date", parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.with_time = context.field.kind in (FieldKind.CREATED_AT, FieldKind.UPDATED_AT)
        self.mode = QComboBox()
        self.mode.setObjectName("dateMode")
        self.mode.setAccessibleName(f"{label}: kind of date")
        for text, _anchor, _sign in MODES:
            self.mode.addItem(text)
        self.text = QLineEdit()
        self.text.setObjectName("dateText")
        self.text.setAccessibleName(label)
        self.text.setPlaceholderText("YYYY-MM-DD" + (" or YYYY-MM-DDTHH:MM" if self.with_time else ""))
        self.text.setValidator(QRegularExpressionValidator(r"[0-9T:.Z-]{0,24}"))
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00T00:00 ") + 12)
        self.calendar_button = CalendarButton(label, current=self._current)
        self.calendar_button.setObjectName("dateCalendar")
        self.days = QSpinBox()
        self.days.setObjectName("dateDays")
        self.days.setAccessibleName(f"{label}: number of days")
        self.days.setRange(1, 3650)
        self.days.setSuffix(" days")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode, self.text, self.calendar_button, self.days):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.mode.activated.connect(self._mode_chosen)
        self.text.textEdited.connect(self._edited)
        self.days.valueChanged.connect(self._days_changed)
        self.calendar_button.picked.connect(self._picked)
        self.calendar_button.cleared.connect(self._cleared)
        self._show_parts()

    def focus_target(self) -> QWidget:
        return self.mode

    def value(self) -> Any:
        _label, anchor, sign = MODES[self.mode.currentIndex()]
        if anchor is None:
            text = self.text.text().strip()
            if _DATE.match(text):
                try:
                    date.fromisoformat(text)
                except ValueError:
                    return None
                return text
            if self.with_time and _MOMENT.match(text):
                return _utc_moment(text)
            return None
        return RelativeDate(anchor, sign * self.days.value())

    def set_value(self, value: Any) -> None:
        blockers = [self.mode.blockSignals(True), self.days.blockSignals(True)]
        if isinstance(value, RelativeDate):
            self.mode.setCurrentIndex(_mode_of(value))
            if value.days:
                self.days.setValue(abs(value.days))
            self.text.clear()
        else:
            self.mode.setCurrentIndex(0)
            self.text.setText("" if value is None else str(value))
        self.mode.blockSignals(blockers[0])
        self.days.blockSignals(blockers[1])
        self._show_parts()

    def _mode_chosen(self, _index: int) -> None:
        self._show_parts()
        self._edited()

    def _days_changed(self, _value: int) -> None:
        if MODES[self.mode.currentIndex()][2]:
            self._edited()

    def _picked(self, day: QDate, _time: QTime) -> None:
        self.text.setText(day.toString(Qt.DateFormat.ISODate))
        self._edited()

    def _current(self) -> tuple[QDate, QTime]:
        day = QDate.fromString(self.text.text().strip()[:10], Qt.DateFormat.ISODate)
        return day, QTime()

    def _cleared(self) -> None:
        self.text.clear()
        self._edited()

    def _show_parts(self) -> None:
        _label, anchor, sign = MODES[self.mode.currentIndex()]
        self.text.setVisible(anchor is None)
        self.calendar_button.setVisible(anchor is None)
        self.days.setVisible(bool(sign))


def _mode_of(value: RelativeDate) -> int:
    for index, (_label, anchor, sign) in enumerate(MODES):
        if anchor is value.anchor and ((value.days < 0) == (sign < 0)) and ((value.days > 0) == (sign > 0)):
            return index
    for index, (_label, anchor, _sign) in enumerate(MODES):
        if anchor is value.anchor:
            return index
    return 1


def _utc_moment(text: str) -> str | None:
    try:
        moment = datetime.fromisoformat(text.rstrip("Z"))
    except ValueError:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"

"""A button beside a date line that opens a calendar (and, for date-times, a time) to pick from.

    button = CalendarButton("Due date", with_time=True, current=lambda: (QDate(2026, 3, 15), QTime(9, 30)))
    button.picked.connect(lambda day, time: ...)   # QDate, QTime (QTime() when the field has no time)
    button.cleared.connect(...)                     # "Clear" in the popup
    button.open_popup(QDate(2026, 3, 15), QTime(9, 30))   # a click opens it on what ``current`` says

The popup is made the first time it opens, so a form with many date fields pays for one button each. In the
popup the calendar has the focus: arrow keys move, Enter picks, Esc closes without a change; a click on a day
picks it. Date-time popups also have a time box (taken with the day) and "Now"; every popup has "Today"
and "Clear". Every part carries the field's label in its accessible name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QPoint, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

TIME_FORMAT = "HH:mm"
#: What the field holds now, for the popup to show: (day, time); invalid ones when it holds none.
Current = Callable[[], tuple[QDate, QTime]]


class CalendarButton(QToolButton):
    """The calendar button (see the module docs).

    Signals:
        picked(QDate, QTime): a day was chosen (with the popup's time for date-times; a null QTime otherwise).
        cleared(): "Clear" was chosen.
    """

    picked = Signal(QDate, QTime)
    cleared = Signal()

    def __init__(self, label: str, *, with_time: bool = False, current: Current | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label, self.with_time, self.current = label, with_time, current
        self.setText("▦")
        self.setAccessibleName(f"{label}: choose from a calendar")
        self.setToolTip("Choose from a calendar (Alt+Down in the field)")
        self.popup: QMenu | None = None
        self.calendar: QCalendarWidget | None = None
        self.time: QTimeEdit | None = None
        self.clicked.connect(lambda: self.open_popup(*(self.current() if self.current is not None else ())))

    def _build(self) -> QMenu:
        label = self.label
        menu = QMenu(self)
        menu.setAccessibleName(f"{label}: calendar")
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 4, 4, 4)
        calendar = QCalendarWidget()
        calendar.setObjectName("calendar")
        calendar.setAccessibleName(f"{label}: calendar")
        calendar.setGridVisible(True)
        calendar.clicked.connect(self._chosen)
        calendar.activated.connect(self._chosen)
        column.addWidget(calendar)
        row = QHBoxLayout()
        if self.with_time:
            time = QTimeEdit()
            time.setObjectName("calendarTime")
            time.setDisplayFormat(TIME_FORMAT)
            time.setAccessibleName(f"{label}: time")
            time.setToolTip("The time taken with the day you choose (this computer's time zone)")
            row.addWidget(time)
            self.time = time
        buttons = [("Now" if self.with_time else "Today", "calendarToday", self._today),
                   ("Clear", "calendarClear", self._clear)]
        for text, name, slot in buttons:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(f"{label}: {text.lower()}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        column.addLayout(row)
        action = QWidgetAction(menu)
        action.setDefaultWidget(panel)
        menu.addAction(action)
        self.popup, self.calendar = menu, calendar
        return menu

    def open_popup(self, day: QDate | None = None, time: QTime | None = None) -> QMenu:
        """Open the popup under the button with ``day`` (default today) selected and ``time`` in the time box."""
        menu = self.popup or self._build()
        assert self.calendar is not None
        self.calendar.setSelectedDate(day if day is not None and day.isValid() else QDate.currentDate())
        if self.time is not None:
            self.time.setTime(time if time is not None and time.isValid() else QTime(0, 0))
        corner = self.mapToGlobal(self.rect().bottomRight())  # under the button, ending at its right edge
        menu.popup(QPoint(corner.x() - menu.sizeHint().width() + 1, corner.y()))
        self.calendar.setFocus()
        return menu

    def _close(self) -> None:
        if self.popup is not None:
            self.popup.hide()

    def _chosen(self, day: QDate) -> None:
        self._close()
        self.picked.emit(day, self.time.time() if self.time is not None else QTime())

    def _today(self) -> None:
        now = QDateTime.currentDateTime()
        self._close()
        self.picked.emit(now.date(), QTime(now.time().hour(), now.time().minute()) if self.with_time else QTime())

    def _clear(self) -> None:
        self._close()
        self.cleared.emit()

"""Context menus opened from the keyboard (Menu key, Shift+F10) act on the current row and show beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu
from test_explorer import child, wait_loaded
from windows import with_log_in_focus

from wfexplorer.core.browse import NodeKind


def press_menu_key(view: QAbstractItemView) -> None:
    """The Menu key as Qt delivers it: to the focus widget, at the centre of its cursor rectangle (view coordinates)."""
    position = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, position,
                                                   view.mapToGlobal(position)))


def choose_from_menu(text: str, seen: dict[str, Any], view: QAbstractItemView | None = None) -> None:
    """Once a context menu is up: remember where it is (and where ``view``'s current row is), choose ``text``."""

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        seen["geometry"] = menu.geometry()
        if view is not None:
            seen["row"] = row_on_screen(view)
        action = next(action for action in menu.actions() if action.text().split("\t")[0] == text)
        menu.hide()
        action.trigger()

    QTimer.singleShot(0, choose)


def row_on_screen(view: QAbstractItemView) -> QRect:
    rect = view.visualRect(view.currentIndex())
    return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def beside(row: QRect, menu: QRect) -> bool:
    """Whether a menu opens at the row: below a point in it, or above it when the screen ends there."""
    return row.top() <= menu.top() <= row.bottom() or row.top() <= menu.bottom() + 1 <= row.bottom()


def settled(qtbot: Any, view: QAbstractItemView) -> None:
    """Wait for the window to finish laying out its docks (the window sizes them a turn after it shows)."""
    where: list[QPoint] = []

    def still() -> bool:
        where.append(view.viewport().mapToGlobal(QPoint(0, 0)))
        return len(where) > 20 and len(set(where[-20:])) == 1

    qtbot.waitUntil(still, timeout=5000)


def navigator_on_a_type_row(open_window: Any, run_until: Any, qtbot: Any) -> tuple[Any, Any]:
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    view = window.navigator.view
    view.select(child(classic, "Project (PROJ)"))
    view.setFocus()
    run_until(lambda: QApplication.focusWidget() is view)
    return window, view


def test_the_menu_key_copies_the_current_rows_name_and_shows_at_that_row(open_window, run_until, qtbot):
    _window, view = navigator_on_a_type_row(open_window, run_until, qtbot)
    QGuiApplication.clipboard().clear()
    seen: dict[str, Any] = {}

    choose_from_menu("Copy name", seen)
    press_menu_key(view)

    assert QGuiApplication.clipboard().text() == "Project (PROJ)"
    assert beside(row_on_screen(view), seen["geometry"])


def test_shift_f10_opens_the_current_rows_menu_too(open_window, run_until, qtbot):
    _window, view = navigator_on_a_type_row(open_window, run_until, qtbot)
    QGuiApplication.clipboard().clear()
    seen: dict[str, Any] = {}

    choose_from_menu("Copy name", seen)
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)

    assert QGuiApplication.clipboard().text() == "Project (PROJ)"


def test_a_right_click_still_acts_on_the_row_under_the_pointer(open_window, run_until, qtbot):
    window, view = navigator_on_a_type_row(open_window, run_until, qtbot)
    classic = window.tree.top(NodeKind.CLASSIC)
    other = window.model.index_of(child(classic, "Task (TASK)"))
    view.scrollTo(other)
    point = view.visualRect(other).center()
    QGuiApplication.clipboard().clear()
    seen: dict[str, Any] = {}

    choose_from_menu("Copy name", seen)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                              view.viewport().mapToGlobal(point)))

    assert QGuiApplication.clipboard().text() == "Task (TASK)"


def test_the_request_logs_menu_opens_from_the_keyboard_at_the_current_row(open_window, run_until, qtbot):
    _window, log = with_log_in_focus(open_window, run_until)
    seen: dict[str, Any] = {}

    settled(qtbot, log.table)
    choose_from_menu("Open in co&nsole", seen, log.table)
    qtbot.keyClick(log.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    run_until(lambda: bool(seen))

    assert beside(seen["row"], seen["geometry"])

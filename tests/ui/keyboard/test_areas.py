"""F6 and Shift+F6 move the focus from area to area; Ctrl+1 … Ctrl+4 bring a dock forward with the focus in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_tab_order import press, project_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def inside(area: Any) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is area or area.isAncestorOf(focus))


def test_f6_goes_navigator_tab_docks_and_round_and_shift_f6_back(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    window.docks.show_console()
    window.docks.log_dock.raise_()          # the console tabbed behind the log: not an area now
    window.acting.changes.hide()
    window.navigator.view.setFocus()
    run_until(lambda: window.docks.console_dock.visibleRegion().isEmpty())
    tab = window.current_tab()

    assert press(qtbot, Qt.Key.Key_F6) is tab.pages.tabBar()
    assert press(qtbot, Qt.Key.Key_F6) is window.docks.log_widget.table
    assert press(qtbot, Qt.Key.Key_F6) is window.navigator.view
    assert press(qtbot, Qt.Key.Key_F6, SHIFT) is window.docks.log_widget.table
    assert press(qtbot, Qt.Key.Key_F6, SHIFT) is tab.pages.tabBar()


def test_ctrl_3_shows_the_console_in_front_of_the_log_with_the_focus_in_it(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    console = window.docks.console_dock
    assert not console.isVisible()

    press(qtbot, Qt.Key.Key_3, CTRL)

    run_until(lambda: not console.visibleRegion().isEmpty())
    assert window.docks.log_widget.visibleRegion().isEmpty()       # behind the console now
    assert inside(console)
    assert QApplication.focusWidget() is window.docks.console.api_box  # its first field, not the panel


def test_ctrl_2_brings_the_log_back_in_front_of_the_console_and_focuses_its_table(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    press(qtbot, Qt.Key.Key_3, CTRL)
    run_until(lambda: not window.docks.console_dock.visibleRegion().isEmpty())

    assert press(qtbot, Qt.Key.Key_2, CTRL) is window.docks.log_widget.table
    assert not window.docks.log_widget.visibleRegion().isEmpty()

    press(qtbot, Qt.Key.Key_2, CTRL)                     # pressed again from inside: put away, as before
    run_until(lambda: not window.docks.log_dock.isVisible())
    assert not window.docks.log_action.isChecked()


def test_ctrl_2_with_the_focus_in_the_log_still_hides_it(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    window.docks.log_widget.table.setFocus()
    run_until(lambda: QApplication.focusWidget() is window.docks.log_widget.table)

    press(qtbot, Qt.Key.Key_2, CTRL)

    run_until(lambda: not window.docks.log_dock.isVisible())
    assert not window.docks.log_action.isChecked()


def test_ctrl_1_and_ctrl_4_focus_the_navigator_and_the_changes(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    window.docks.log_widget.table.setFocus()

    press(qtbot, Qt.Key.Key_4, CTRL)
    run_until(lambda: window.acting.changes.isVisible())
    assert QApplication.focusWidget() is window.acting.changes.table
    assert press(qtbot, Qt.Key.Key_1, CTRL) is window.navigator.view

"""Tab and Shift+Tab through the explorer window: no table keeps the focus, every area can be reached."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from windows import with_log_in_focus, with_project_tab


def test_tab_leaves_the_request_log_table(open_window, run_until, qtbot):
    _window, log = with_log_in_focus(open_window, run_until)

    qtbot.keyClick(log.table, Qt.Key.Key_Tab)

    assert QApplication.focusWidget() is not log.table
    assert log.table.currentIndex().column() == 0  # Tab did not move from cell to cell


def test_no_table_of_the_window_moves_tab_from_cell_to_cell(open_window):
    from PySide6.QtWidgets import QAbstractItemView

    window: Any = open_window()
    views = window.findChildren(QAbstractItemView)
    assert views
    assert [view.objectName() for view in views if view.tabKeyNavigation()] == []


def project_window(open_window: Any, run_until: Any) -> Any:
    """A window showing a project's tab (its Form full of reference links), with the request log below."""
    window, _tab = with_project_tab(open_window, run_until)
    window.navigator.view.setFocus()
    run_until(lambda: QApplication.focusWidget() is window.navigator.view)
    return window


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)
    after = QApplication.focusWidget()
    assert after is not None
    return after


def tab_until(qtbot: Any, stop: QWidget, limit: int = 400) -> list[QWidget]:
    """Press Tab until ``stop`` has the focus; the widgets visited on the way, in order."""
    visited: list[QWidget] = []
    for _press in range(limit):
        focus = press(qtbot, Qt.Key.Key_Tab)
        if focus is stop:
            return visited
        visited.append(focus)
    raise AssertionError(f"Tab never reached {stop.objectName()}; it went round {visited[-5:]}")


def test_tab_goes_from_the_navigator_through_the_open_tab_to_the_docks(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    tab = window.current_tab()

    assert press(qtbot, Qt.Key.Key_Tab) is window.tabs.tabBar()         # the open objects
    assert press(qtbot, Qt.Key.Key_Tab) is tab.pages.tabBar()           # Form, Raw JSON, Metadata
    assert press(qtbot, Qt.Key.Key_Tab) is tab.load_all_button
    visited = tab_until(qtbot, window.docks.log_widget.filter_box)       # the form's links, then the log
    assert visited and all(tab.form.isAncestorOf(widget) or widget is tab.subtitle for widget in visited)
    links = [label for label in tab.form.values.values() if label.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert links and all(label in visited for label in links)


def test_shift_tab_goes_back_the_same_way(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    tab = window.current_tab()
    window.docks.log_widget.filter_box.setFocus()

    backwards = []
    for _press in range(400):
        focus = press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        backwards.append(focus)
        if focus is window.navigator.view:
            break
    assert backwards[0] is not window.docks.log_widget.filter_box and tab.form.isAncestorOf(backwards[0])
    assert backwards[-4:] == [tab.load_all_button, tab.pages.tabBar(), window.tabs.tabBar(), window.navigator.view]


def test_tab_from_a_clicked_value_goes_on_to_the_next_stop_below_it(open_window, run_until, qtbot):
    window = project_window(open_window, run_until)
    tab = window.current_tab()
    value = tab.form.values["ID"]                        # a plain value: a click focuses it, Tab never stops there
    assert not value.focusPolicy() & Qt.FocusPolicy.TabFocus
    value.setFocus(Qt.FocusReason.MouseFocusReason)

    after = press(qtbot, Qt.Key.Key_Tab)

    assert tab.form.isAncestorOf(after) or after is tab.form
    assert after.mapTo(window, value.rect().topLeft()).y() >= value.mapTo(window, value.rect().topLeft()).y()

"""Every key of the explorer window does one thing where the focus is: no two shortcuts share a key sequence in
overlapping places (Qt then does nothing at all), and Ctrl+F finds in the area that has the focus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from shortcut_map import clashes
from test_explorer import wait_loaded
from windows import with_project_tab

from wfexplorer.core.browse import NodeKind

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, \
    Qt.KeyboardModifier.AltModifier


def window_with_everything_shown(open_window: Any, run_until: Any) -> Any:
    """A window with a project's tab on its Raw JSON page, the request log, the console and the Changes dock."""
    window, tab = with_project_tab(open_window, run_until)
    tab.pages.setCurrentWidget(tab.raw)
    window.docks.show_console()
    window.acting.changes.show()
    window.docks.log_dock.show()
    window.docks.log_dock.raise_()
    run_until(lambda: window.docks.log_widget.isVisible() and tab.raw.isVisible())
    return window


def test_no_two_live_shortcuts_of_the_window_share_a_key_where_they_overlap(open_window, run_until):
    window = window_with_everything_shown(open_window, run_until)

    assert clashes(window) == []


def test_ctrl_f_in_the_request_log_goes_to_its_filter(open_window, run_until, qtbot):
    window = window_with_everything_shown(open_window, run_until)
    log = window.docks.log_widget
    log.table.setFocus()
    run_until(lambda: QApplication.focusWidget() is log.table)

    qtbot.keyClick(log.table, Qt.Key.Key_F, CTRL)

    assert QApplication.focusWidget() is log.filter_box


def test_ctrl_f_in_the_raw_json_goes_to_its_find_box_and_elsewhere_to_the_navigators(open_window, run_until, qtbot):
    window = window_with_everything_shown(open_window, run_until)
    raw = window.current_tab().raw
    raw.text.setFocus()
    run_until(lambda: QApplication.focusWidget() is raw.text)

    qtbot.keyClick(raw.text, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is raw.find_box

    window.navigator.view.setFocus()
    qtbot.keyClick(window.navigator.view, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.navigator.find_box


def test_the_request_logs_copy_as_curl_has_a_key_of_its_own(open_window, run_until, qtbot):
    window = window_with_everything_shown(open_window, run_until)
    log = window.docks.log_widget
    log.select_row(log.model.rowCount() - 1)
    log.table.setFocus()
    run_until(lambda: QApplication.focusWidget() is log.table)
    QGuiApplication.clipboard().setText("")

    qtbot.keyClick(log.table, Qt.Key.Key_C, CTRL | ALT)

    assert QGuiApplication.clipboard().text().startswith("curl ")


def test_a_search_tab_adds_no_shortcut_the_window_already_has(open_window, run_until):
    window = open_window()
    wait_loaded(run_until, window.tree.top(NodeKind.CLASSIC))
    classic = window.searches.classic("PROJ", "Project")
    run_until(lambda: classic.isVisible())
    assert clashes(window) == []

    planning = window.searches.planning()
    assert planning is not None
    run_until(lambda: planning.isVisible())
    assert clashes(window) == []

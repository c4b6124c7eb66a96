"""Tab and Shift+Tab through the explorer window: no table keeps the focus, every area can be reached."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_explorer import wait_loaded

from wfexplorer.core.browse import NodeKind


def test_tab_leaves_the_request_log_table(open_window, run_until, qtbot):
    window = open_window()
    wait_loaded(run_until, window.tree.top(NodeKind.CLASSIC))
    log = window.docks.log_widget
    run_until(lambda: log.model.rowCount() > 0)
    log.select_row(0)
    log.table.setFocus()
    run_until(lambda: QApplication.focusWidget() is log.table)

    qtbot.keyClick(log.table, Qt.Key.Key_Tab)

    assert QApplication.focusWidget() is not log.table
    assert log.table.currentIndex().column() == 0  # Tab did not move from cell to cell


def test_no_table_of_the_window_moves_tab_from_cell_to_cell(open_window):
    from PySide6.QtWidgets import QAbstractItemView

    window: Any = open_window()
    views = window.findChildren(QAbstractItemView)
    assert views
    assert [view.objectName() for view in views if view.tabKeyNavigation()] == []

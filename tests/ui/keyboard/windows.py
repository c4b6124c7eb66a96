"""The windows the keyboard tests start from: a project open in a tab, or the request log's table in focus."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from test_explorer import child, expand, wait_loaded, wait_tab

from wfexplorer.core.browse import NodeKind


def with_project_tab(open_window: Any, run_until: Any) -> tuple[Any, Any]:
    """A window showing the first project in a tab (its Form full of reference links); the window and the tab."""
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    window.navigator.view.select(projects.children[0])
    return window, wait_tab(run_until, window)


def with_log_in_focus(open_window: Any, run_until: Any) -> tuple[Any, Any]:
    """A window whose request log has its first row current and its table in focus; the window and the log."""
    window = open_window()
    wait_loaded(run_until, window.tree.top(NodeKind.CLASSIC))
    log = window.docks.log_widget
    run_until(lambda: log.model.rowCount() > 0)
    log.select_row(0)
    log.table.scrollToTop()
    log.table.setFocus()
    run_until(lambda: QApplication.focusWidget() is log.table)
    return window, log

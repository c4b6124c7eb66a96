"""Bulk edit from the explorer window: rows selected in the navigator with the keyboard, the Edit menu, the result.

Against the simulator: the tasks change on the server, in the tree rows (in place: the selection stays) and in
the open tab; a selection that is not one type disables the action and says why; a Planning bulk edit with a
failing row leaves that row selected with the server's message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from test_explorer import child, expand, wait_loaded

from wfexplorer.core.browse import Node, NodeKind
from wfexplorer.core.planning.filters import FieldKind
from wfexplorer.ui.shell.main_window import MainWindow

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def edit_menu(window: MainWindow) -> QMenu:
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Edit")
    assert isinstance(menu, QMenu)
    return menu


def listed(window: MainWindow, run_until: Any, parent: Node, name: str) -> Node:
    """``parent``'s list filtered by ``name`` on the server, as Filter by name… does."""
    expand(window, run_until, parent)
    window.controller.filter(parent, name)
    wait_loaded(run_until, parent)
    return parent


def window_with_tasks(open_window: Any, run_until: Any, connection: Any, name: str,
                      count: int) -> tuple[MainWindow, Node, list[dict[str, Any]]]:
    """A new project with ``count`` tasks, and a window whose navigator shows them (the project's Tasks row)."""
    project, made = made_project(connection, name, count)
    window = open_window()
    return window, project_tasks(window, run_until, project), made


def project_tasks(window: MainWindow, run_until: Any, project: dict[str, Any]) -> Node:
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = listed(window, run_until, child(classic, "Project (PROJ)"), project["name"])
    row = expand(window, run_until, child(projects, project["name"]))
    return expand(window, run_until, child(row, "Tasks"))


def made_project(connection: Any, name: str, tasks: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    session = connection.session
    project = session.post("/proj", {"updates": {"name": name}})
    made = [session.post("/task", {"updates": {"name": f"{name} task {index}", "projectID": project["ID"]}})
            for index in range(tasks)]
    return project, made


def test_three_tasks_selected_with_shift_down_are_bulk_edited_from_the_edit_menu(open_window, run_until, qtbot,
                                                                               connection):
    window, tasks, made = window_with_tasks(open_window, run_until, connection, "Bulk window project", 3)
    view = window.navigator.view
    view.setFocus()
    view.select(child(tasks, "Bulk window project task 0"))
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    assert [node.label for node in view.selected_nodes()] == [f"Bulk window project task {i}" for i in range(3)]
    action = window.bulk.action
    assert action in edit_menu(window).actions() and action.shortcut().toString() == "Ctrl+Shift+E"
    assert action.isEnabled() and action.text() == "&Bulk edit 3 selected…"
    tab = window.current_tab()
    assert tab is not None and tab.target.id == made[2]["ID"]       # the current row drives the detail tab
    run_until(lambda: tab.details is not None)

    action.trigger()                                                  # Edit → Bulk edit 3 selected…
    run_until(lambda: window.bulk.dialog is not None and window.bulk.dialog.isVisible())
    dialog = window.bulk.dialog
    assert dialog.table.rowCount() == 3
    qtbot.keyClicks(dialog.add_field("name").focus_widget(), "Renamed in bulk")
    qtbot.keyClick(dialog.preview_button, Qt.Key.Key_Space)
    run_until(dialog.apply_button.isEnabled)
    applied = []
    dialog.applied.connect(applied.append)
    qtbot.keyClick(dialog.apply_button, Qt.Key.Key_Space)
    run_until(lambda: bool(applied))

    found = connection.session.get("/task", {"id": ",".join(task["ID"] for task in made), "fields": "name"})
    assert [task["name"] for task in found] == ["Renamed in bulk"] * 3
    rows = [node for node in tasks.children if node.kind is NodeKind.OBJECT]
    assert [node.label for node in rows] == ["Renamed in bulk"] * 3
    assert [node.payload.id for node in view.selected_nodes()] == [task["ID"] for task in made]   # still selected
    run_until(lambda: tab.title.text() == "Renamed in bulk")         # the open tab shows the new name
    assert "3 changed" in window.status.currentMessage()
    dialog.close()


def test_a_selection_of_mixed_types_disables_bulk_edit_and_says_why(open_window, run_until, qtbot, connection):
    window, tasks, made = window_with_tasks(open_window, run_until, connection, "Mixed selection project", 2)
    view, action = window.navigator.view, window.bulk.action
    task_rows = [child(tasks, task["name"]) for task in made]
    project_row = tasks.parent
    view.select_nodes([project_row, task_rows[0]])
    assert not action.isEnabled() and action.text() == "&Bulk edit selected…"
    assert "mixes 2 object types (PROJ, TASK)" in action.toolTip() and action.statusTip() == action.toolTip()
    view.select_nodes([tasks, task_rows[0]])
    assert not action.isEnabled() and "“Tasks” is neither" in action.toolTip()
    view.select_nodes([task_rows[0]])
    assert not action.isEnabled() and "Select two or more" in action.toolTip()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)                        # moves the current row only
    qtbot.keyClick(view, Qt.Key.Key_Space, CTRL)                       # and adds it
    assert [node.label for node in view.selected_nodes()] == [task["name"] for task in made]
    assert action.isEnabled() and action.text() == "&Bulk edit 2 selected…"


def test_a_planning_bulk_edit_keeps_the_failing_record_selected_with_its_message(open_window, run_until, qtbot,
                                                                              connection):
    client = connection.planning
    workspace = client.workspaces()[0]
    record_type = next(rt for rt in client.record_types(workspace.id) if rt.display_name == "Campaigns")
    primary = record_type.primary_field_id
    assert primary and client.field(primary).kind is FieldKind.TEXT
    made = client.bulk_create(record_type.id, [{primary: f"Bulk window record {index}"} for index in range(3)])
    ids = [item.id for item in made.items]
    window = open_window()
    planning = expand(window, run_until, window.tree.top(NodeKind.PLANNING))
    space = expand(window, run_until, child(planning, workspace.name))
    records = listed(window, run_until, child(space, "Campaigns"), "Bulk window record")
    view = window.navigator.view
    view.setFocus()
    view.select(child(records, "Bulk window record 0"))
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    assert window.bulk.action.isEnabled() and window.bulk.action.text() == "&Bulk edit 3 selected…"
    window.bulk.action.trigger()
    run_until(lambda: window.bulk.dialog is not None and window.bulk.dialog.isVisible())
    dialog = window.bulk.dialog
    qtbot.keyClicks(dialog.add_field(primary).focus_widget(), "Bulk window renamed")
    qtbot.keyClick(dialog.preview_button, Qt.Key.Key_Space)
    run_until(dialog.apply_button.isEnabled)
    client.delete_record(ids[1])                                        # someone else deletes the middle one
    applied = []
    dialog.applied.connect(applied.append)
    qtbot.keyClick(dialog.apply_button, Qt.Key.Key_Space)
    run_until(lambda: bool(applied))

    assert dialog.failed_rows() == [1]
    [failing] = view.selected_nodes()
    assert failing.payload.id == ids[1] and failing.label == "Bulk window record 1"
    tip = window.model.data(window.model.index_of(failing), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Not changed by the bulk edit: ") and applied[0].failed[0].message in tip
    labels = {node.payload.id: node.label for node in records.children if node.kind is NodeKind.RECORD}
    assert labels[ids[0]] == labels[ids[2]] == "Bulk window renamed"
    assert {client.record(ids[0]).data[primary], client.record(ids[2]).data[primary]} == {"Bulk window renamed"}
    assert "1 failed and selected in the navigator" in window.status.currentMessage()
    dialog.close()


def test_shift_click_extends_the_selection_and_ctrl_click_still_opens_a_tab(open_window, run_until, qtbot,
                                                                         connection):
    window, tasks, made = window_with_tasks(open_window, run_until, connection, "Click selection project", 3)
    view = window.navigator.view
    rows = [child(tasks, task["name"]) for task in made]

    def click(node: Node, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        index = window.model.index_of(node)
        view.scrollTo(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())

    click(rows[0])
    run_until(lambda: window.current_tab() is not None and window.current_tab().target.id == made[0]["ID"])
    click(rows[2], SHIFT)
    assert view.selected_nodes() == rows and window.bulk.action.text() == "&Bulk edit 3 selected…"
    tabs = window.tabs.count()
    click(rows[1], CTRL)                                               # a new tab, not a toggle
    assert window.tabs.count() == tabs + 1 and window.current_tab().target.id == made[1]["ID"]
    assert view.selected_nodes() == [rows[1]]

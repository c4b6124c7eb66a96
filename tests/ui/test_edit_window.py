"""Editing in the main window: Ctrl+S, unsaved edits ask before they go, drafts come back, New / Copy / Delete."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMessageBox, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "editing"))

from editing_support import Wire, new_task, sign_in

from wfexplorer.core.browse import NodeKind, NodeSpec, ObjectRef
from wfexplorer.core.browse.targets import ObjectTarget
from wfexplorer.core.editing import DraftStore, EditTarget
from wfexplorer.ui.detail import tab as tab_module
from wfexplorer.ui.forms.dialogs import Unsaved
from wfexplorer.ui.shell.main_window import MainWindow


@pytest.fixture
def connection(demo_server, tmp_path):
    connected = sign_in(demo_server, tmp_path)
    yield connected
    if not connected.closed:
        connected.sign_out()


@pytest.fixture
def window(qtbot, qt_loop, run_until, connection, tmp_path, crashes):
    main = MainWindow(connection, crash_handler=crashes.append, drafts=DraftStore(tmp_path / "drafts"))
    main.show()
    run_until(lambda: main.windowHandle() is not None and main.windowHandle().isExposed())
    yield main
    main._signing_out = True  # teardown: no questions
    main.close()


def open_task(window, run_until, task_id, label="Editing test task"):
    tab = window.open_target(ObjectTarget("TASK", task_id), label)
    run_until(lambda: tab.edit_form is not None)
    return tab


def type_into(qtbot, form, key, text):
    line = form.editors[key].focus_widget()
    line.clear()
    qtbot.keyClicks(line, text)


def test_ctrl_s_saves_the_current_tab_and_the_tab_shows_the_saved_values(qtbot, window, run_until, connection,
                                                                       crashes):
    task = new_task(connection)
    tab = open_task(window, run_until, task["ID"])
    tab.pages.setCurrentWidget(tab.edit_form)
    type_into(qtbot, tab.edit_form, "name", "Saved with Ctrl+S")
    assert tab.pages.tabText(tab.pages.indexOf(tab.edit_form)) == "E&dit (1)"
    saved = []
    tab.saved.connect(saved.append)
    window.activateWindow()
    run_until(window.isActiveWindow)
    line = tab.edit_form.editors["name"].focus_widget()
    line.setFocus()
    run_until(line.hasFocus)
    assert window.object_actions.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    qtbot.keyClick(line, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    run_until(lambda: saved)
    assert connection.session.get(f"/task/{task['ID']}", {"fields": "name"})["name"] == "Saved with Ctrl+S"
    run_until(lambda: tab.title.text() == "Saved with Ctrl+S")
    assert crashes == []


def test_closing_a_tab_with_unsaved_edits_asks_and_cancel_keeps_it(qtbot, window, run_until, connection,
                                                                   monkeypatch):
    task = new_task(connection)
    tab = open_task(window, run_until, task["ID"])
    type_into(qtbot, tab.edit_form, "name", "Not saved yet")
    asked = []
    monkeypatch.setattr(tab_module, "ask_unsaved", lambda parent, label, count: asked.append(count)
                        or Unsaved.CANCEL)
    window.close_tab(window.tabs.indexOf(tab))
    assert asked == [1] and window.tabs.indexOf(tab) >= 0
    assert tab.edit_form.editors["name"].value() == "Not saved yet"
    monkeypatch.setattr(tab_module, "ask_unsaved", lambda parent, label, count: Unsaved.DISCARD)
    window.close_tab(window.tabs.indexOf(tab))
    assert window.tabs.indexOf(tab) < 0


def test_closing_the_window_with_unsaved_edits_can_be_cancelled(qtbot, window, run_until, connection, monkeypatch):
    task = new_task(connection)
    tab = open_task(window, run_until, task["ID"])
    type_into(qtbot, tab.edit_form, "name", "Still here")
    monkeypatch.setattr(tab_module, "ask_unsaved", lambda parent, label, count: Unsaved.CANCEL)
    assert window.close() is False and window.isVisible()


def test_edits_are_kept_as_a_draft_and_come_back_in_a_new_window(qtbot, qt_loop, run_until, connection, tmp_path,
                                                                 window):
    task = new_task(connection)
    tab = open_task(window, run_until, task["ID"])
    type_into(qtbot, tab.edit_form, "name", "Typed before the crash")
    [draft] = DraftStore(tmp_path / "drafts").pending(connection.host)
    assert draft.target == EditTarget.classic("TASK", task["ID"])
    assert draft.current == {"name": "Typed before the crash"}
    again = MainWindow(connection, crash_handler=pytest.fail, drafts=DraftStore(tmp_path / "drafts"))

    back = again.open_target(ObjectTarget("TASK", task["ID"]), "Editing test task")
    run_until(lambda: back.edit_form is not None)
    assert back.edit_form.editors["name"].value() == "Typed before the crash"
    assert back.edit_form.state.dirty == ("name",) and "are back" in back.edit_form.message.text()
    again._signing_out = True
    again.close()


def test_new_task_in_a_project_fills_in_the_project_and_the_tree_follows(qtbot, window, run_until, connection):
    session = connection.session
    project = session.post("/proj", {"updates": {"name": "Project for a new task"}})
    node = window.tree.pin(NodeSpec(NodeKind.OBJECT, "Project for a new task", ObjectRef("PROJ", project["ID"]),
                                    icon="PROJ", expandable=True))
    window.controller.load(node)
    run_until(lambda: any(child.kind is NodeKind.COLLECTION for child in node.children))
    tasks = next(child for child in node.children if child.kind is NodeKind.COLLECTION
                 and getattr(child.payload, "name", "") == "tasks")
    window.object_actions.new_object(tasks)
    run_until(lambda: getattr(window.object_actions, "new_dialog", None) is not None)
    dialog = window.object_actions.new_dialog
    form = dialog.form
    assert form.state.value("projectID") == project["ID"]
    assert form.save() is False and "Name is required." in form.problem_label("name").text()
    type_into(qtbot, form, "name", "Made in the dialog")
    assert form.save_button.text() == "&Create (2 changes)"
    form.save()
    run_until(lambda: not dialog.isVisible())
    made = session.get("/task/search", {"projectID": project["ID"], "fields": "name"})
    assert [row["name"] for row in made] == ["Made in the dialog"]
    run_until(lambda: window.current_tab() is not None and window.current_tab().label == "Made in the dialog")


def test_copy_then_delete_with_force_from_the_edit_menu(qtbot, window, run_until, connection, monkeypatch):
    session = connection.session
    portfolio = session.post("/port", {"updates": {"name": "Portfolio to delete"}})
    project = session.post("/proj", {"updates": {"name": "Project to copy"}})
    session.put(f"/proj/{project['ID']}", {"updates": {"portfolioID": portfolio["ID"]}})
    source = window.open_target(ObjectTarget("PROJ", project["ID"]), "Project to copy")
    run_until(lambda: source.details is not None)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("The copy", True))
    window.object_actions.copy_action.trigger()
    run_until(lambda: (window.current_tab() is not source and window.current_tab().label == "The copy")
              or getattr(window.object_actions, "failure", None) is not None)
    assert getattr(window.object_actions, "failure", None) is None, window.object_actions.failure.text()
    copy_id = window.current_tab().target.id
    assert session.get(f"/proj/{copy_id}", {"fields": "name"})["name"] == "The copy"
    tab = window.open_target(ObjectTarget("PORT", portfolio["ID"]), "Portfolio to delete", True)
    run_until(lambda: tab.details is not None)
    window.object_actions.copy_action.trigger()  # a portfolio cannot be copied: it says so, sends nothing
    assert "does not allow you to copy a portfolio" in window.statusBar().currentMessage()
    questions = []

    def answer(parent, title, text, *args):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.object_actions.delete_action.trigger()
    run_until(lambda: not shiboken6.isValid(tab) or window.tabs.indexOf(tab) < 0)
    assert "Portfolio to delete" in questions[0]
    assert len(questions) == 2 and "force" in questions[1]  # Workfront needed force, and the dialog said so
    with pytest.raises(Exception):  # noqa: B017 - NotFoundError: it is gone
        session.get(f"/port/{portfolio['ID']}")


def test_a_read_only_profile_sends_no_write_from_the_window(qtbot, qt_loop, run_until, demo_server, tmp_path,
                                                            connection, monkeypatch):
    task = new_task(connection)
    guarded = sign_in(demo_server, tmp_path / "ro", read_only=True)
    wire = Wire()
    guarded.subscribe(wire)
    main = MainWindow(guarded, crash_handler=pytest.fail)

    tab = main.open_target(ObjectTarget("TASK", task["ID"]), "Editing test task")
    run_until(lambda: tab.edit_form is not None)
    type_into(qtbot, tab.edit_form, "name", "Never sent")
    main.object_actions.save_action.trigger()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("copy", True))
    main.object_actions.copy_action.trigger()
    main.object_actions.delete_action.trigger()
    assert wire.writes() == [] and "read-only" in tab.edit_form.note.text()
    assert "[PRODUCTION]" not in main.windowTitle() and "(read-only)" in main.windowTitle()
    main._signing_out = True
    main.close()
    guarded.sign_out()


def test_a_production_profile_is_marked_in_the_window_and_every_tab_title(qtbot, qt_loop, run_until, connection):
    from wfexplorer.core.auth.profiles import Environment

    real = connection.profile  # only the marker reads the environment: every request still goes to the simulator
    connection.signed_in.profile = real.with_changes(environment=Environment.PRODUCTION)
    try:
        main = MainWindow(connection, crash_handler=pytest.fail)
        tab = main.open_target(ObjectTarget("TASK", "x" * 32), "Some task")
        index = main.tabs.indexOf(tab)
        assert main.windowTitle().startswith("[PRODUCTION]")
        assert main.tabs.tabText(index).startswith("\u25cf PROD") and "PRODUCTION" in main.tabs.tabToolTip(index)
        assert main.tabs.tabBar().tabTextColor(index).name() == "#c62828"
        main._signing_out = True
        main.close()
    finally:
        connection.signed_in.profile = real


def test_navigating_away_from_unsaved_edits_asks_first(qtbot, window, run_until, connection, monkeypatch):
    task = new_task(connection)
    tab = open_task(window, run_until, task["ID"])
    type_into(qtbot, tab.edit_form, "name", "Do not lose me")
    monkeypatch.setattr(tab_module, "ask_unsaved", lambda parent, label, count: Unsaved.CANCEL)
    shown = window.open_target(ObjectTarget("TASK", "y" * 32), "Another task")  # in the same tab
    assert shown is tab and window.tabs.indexOf(tab) >= 0
    assert tab.edit_form.editors["name"].value() == "Do not lose me"
    window.sign_out_action.trigger()
    assert not window.signing_out and not connection.closed


def test_drafts_of_an_earlier_run_reopen_their_objects_with_the_edits(qtbot, qt_loop, run_until, connection,
                                                                      tmp_path):
    from wfexplorer.core.editing import EditState
    from wfexplorer.core.editing.specs import EditorKind, FieldSpec

    task = new_task(connection)
    drafts = DraftStore(tmp_path / "crash-drafts")
    state = EditState(EditTarget.classic("TASK", task["ID"]), [FieldSpec("name", "Name", EditorKind.TEXT)],
                      {"name": "Editing test task"})
    state.set("name", "Typed before the power cut")
    drafts.keep(connection.host, state, "Editing test task")
    main = MainWindow(connection, crash_handler=pytest.fail, drafts=drafts)
    tab = main.current_tab()
    assert tab is not None and tab.target == ObjectTarget("TASK", task["ID"])
    run_until(lambda: tab.edit_form is not None)
    assert tab.edit_form.editors["name"].value() == "Typed before the power cut"
    assert "from the last session" in main.statusBar().currentMessage()
    main._signing_out = True
    main.close()


def test_new_planning_record_from_its_record_type_row(qtbot, window, run_until, connection):
    planning = window.connection.planning
    workspace = planning.workspaces()[0]
    record_type = planning.record_types(workspace.id)[0]
    planning_root = window.tree.top(NodeKind.PLANNING)
    window.controller.load(planning_root)
    run_until(lambda: any(node.kind is NodeKind.WORKSPACE for node in planning_root.children))
    space = next(node for node in planning_root.children if node.kind is NodeKind.WORKSPACE
                 and node.payload.id == workspace.id)
    window.controller.load(space)
    run_until(lambda: any(node.kind is NodeKind.RECORD_TYPE for node in space.children))
    row = next(node for node in space.children if node.kind is NodeKind.RECORD_TYPE
               and node.payload.id == record_type.id)
    window.object_actions.new_object(row)
    run_until(lambda: getattr(window.object_actions, "new_dialog", None) is not None)
    form = window.object_actions.new_dialog.form
    text = next(spec for spec in form.state.specs.values() if spec.kind.value == "text" and spec.editable)
    type_into(qtbot, form, text.key, "Record made in the dialog")
    wire = Wire()
    connection.subscribe(wire)
    form.save()
    run_until(lambda: window.current_tab() is not None and window.current_tab().label != "…"
              and window.current_tab().edit_form is not None
              and window.current_tab().edit_form.state.target.api.value == "planning")
    [write] = wire.writes()
    assert write.method == "POST" and write.request.json == {"data": {text.key: "Record made in the dialog"}}


def test_a_form_save_is_journalled_and_listed_in_the_changes_dock(qtbot, window, run_until, connection):
    task = new_task(connection)
    tab = open_task(window, run_until, task["ID"])
    tab.pages.setCurrentWidget(tab.edit_form)
    type_into(qtbot, tab.edit_form, "name", "Journalled rename")
    saved = []
    tab.saved.connect(saved.append)
    window.object_actions.save_action.trigger()
    run_until(lambda: saved)
    dock = window.findChild(QDockWidget, "changesDock")
    assert dock is window.acting.changes and window.acting.changes_action.shortcut().toString() == "Ctrl+4"
    run_until(lambda: dock.model.rowCount() >= 1)
    newest = next(dock.model.entry(row) for row in range(dock.model.rowCount())
                  if dock.model.entry(row).object_id == task["ID"])
    assert newest.ok and [(c.key, c.after) for c in newest.changes] == [("name", "Journalled rename")]
    assert newest.changes[0].before == task["name"]


def test_ctrl_shift_a_lists_the_current_objects_actions(qtbot, window, run_until, connection):
    task = new_task(connection)
    open_task(window, run_until, task["ID"])
    assert window.actions_action.shortcut().toString() == "Ctrl+Shift+A"
    window.actions_action.trigger()
    dialog = window.acting.dialog
    assert dialog is not None and dialog.isVisible()
    panel = dialog.findChild(QWidget, "actionsPanel")
    run_until(lambda: panel.list.count() > 0)
    names = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert {"Mark Done", "Move", "Assign", "Convert To Project"} <= set(names), names
    dialog.close()

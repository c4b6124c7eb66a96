"""What Workfront will refuse is locked in the form before any save, with the reason; a save Workfront still
refuses (the rights changed after the form opened) says why, in the form, and keeps the edit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "editing"))

from editing_support import Wire
from test_permissions_simulator import project_shared_with, signed_in_as

from wfexplorer.core.browse.targets import ObjectTarget
from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import EditSetup
from wfexplorer.ui.forms.edit_form import EditForm
from wfexplorer.ui.forms.services import EditServices
from wfexplorer.ui.shell.main_window import MainWindow

SHARED_FOR_VIEWING = "this Project is shared with you for viewing only"


@pytest.fixture
def admin(connection):
    """The administrator: the suite's signed-in connection."""
    return connection


def window_of(connection, run_until):
    main = MainWindow(connection, crash_handler=pytest.fail)
    main.show()
    run_until(lambda: main.windowHandle() is not None and main.windowHandle().isExposed())
    return main


def test_a_project_shared_for_viewing_opens_locked_with_the_reason_and_nothing_is_sent(
        qtbot, qt_loop, run_until, demo_server, tmp_path, memory_keyring, admin):
    planner = signed_in_as(demo_server, tmp_path / "planner", "planner")
    project = project_shared_with(admin, planner.user_id, "VIEW")
    wire = Wire()
    planner.subscribe(wire)
    main = window_of(planner, run_until)

    tab = main.open_target(ObjectTarget("PROJ", project["ID"]), project["name"])
    run_until(lambda: tab.edit_form is not None)
    form = tab.edit_form
    tab.pages.setCurrentWidget(form)

    assert SHARED_FOR_VIEWING in form.note.text() and form.note.isVisible()
    assert not form.save_button.isEnabled() and SHARED_FOR_VIEWING in form.save_button.toolTip()
    assert [key for key in form.editors if not form.state.specs[key].read_only] == []
    assert form.editors["name"].focus_widget().accessibleDescription() == f"read-only: {SHARED_FOR_VIEWING}"
    main.object_actions.save_action.trigger()
    main.object_actions.delete_action.trigger()
    assert "Workfront will not let you delete this project" in main.statusBar().currentMessage()
    assert wire.writes() == []
    assert admin.session.get(f"/proj/{project['ID']}", {"fields": "name"})["name"] == project["name"]
    main._signing_out = True
    main.close()
    planner.sign_out()


def test_the_same_planner_on_a_project_shared_for_editing_gets_an_open_form(
        qtbot, qt_loop, run_until, demo_server, tmp_path, memory_keyring, admin):
    planner = signed_in_as(demo_server, tmp_path / "planner", "planner")
    project = project_shared_with(admin, planner.user_id, "EDIT")
    main = window_of(planner, run_until)

    tab = main.open_target(ObjectTarget("PROJ", project["ID"]), project["name"])
    run_until(lambda: tab.edit_form is not None)

    assert not tab.edit_form.note.isVisible() and not tab.edit_form.state.specs["name"].read_only
    main._signing_out = True
    main.close()
    planner.sign_out()


def test_a_refused_save_says_why_where_the_user_looks_and_keeps_the_edit(qtbot, ops, run_until, demo_server,
                                                                        tmp_path, memory_keyring, admin):
    worker = signed_in_as(demo_server, tmp_path, "worker")
    project = project_shared_with(admin, worker.user_id, "EDIT", tasks=1)
    task = project["tasks"][0]
    details = DetailLoader(worker).classic("TASK", task["ID"], all_fields=True)
    services = EditServices(worker)
    editing = EditSetup(worker).for_object(details)
    form = EditForm(editing, services.saver_for(editing.state.target), ops, search_for=services.search_for)
    qtbot.addWidget(form)
    form.show()
    admin.session.put(f"/proj/{project['ID']}/share",  # the rights change after the form opened
                      {"accessorID": worker.user_id, "accessorObjCode": "USER", "coreAction": "VIEW"})
    line = form.editors["name"].focus_widget()
    line.clear()
    qtbot.keyClicks(line, "Renamed by a worker")
    form.save()
    run_until(lambda: form.message.isVisible() and not form._saving)
    assert "sufficient access" in form.message.text(), form.message.text()
    assert form.editors["name"].value() == "Renamed by a worker" and form.state.dirty == ("name",)
    assert admin.session.get(f"/task/{task['ID']}", {"fields": "name"})["name"] == task["name"]
    worker.sign_out()

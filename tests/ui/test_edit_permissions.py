"""A save Workfront refuses for the user's access level says why, in the form, and keeps the edit."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "editing"))

from test_permissions_simulator import signed_in_as

from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import EditSetup
from wfexplorer.ui.forms.edit_form import EditForm
from wfexplorer.ui.forms.services import EditServices


def test_a_refused_save_says_why_where_the_user_looks_and_keeps_the_edit(qtbot, ops, run_until, demo_server,
                                                                        tmp_path, memory_keyring):
    worker = signed_in_as(demo_server, tmp_path, "worker")
    group = worker.session.search_page("GROUP", 0, 1, fields=["name"])[0]
    details = DetailLoader(worker).classic("GROUP", group["ID"], all_fields=True)
    services = EditServices(worker)
    editing = EditSetup(worker).for_object(details)
    form = EditForm(editing, services.saver_for(editing.state.target), ops, search_for=services.search_for)
    qtbot.addWidget(form)
    form.show()
    line = form.editors["name"].focus_widget()
    line.clear()
    qtbot.keyClicks(line, "Renamed by a worker")
    form.save()
    run_until(lambda: form.message.isVisible() and not form._saving)
    assert "Worker" in form.message.text() and "not allow" in form.message.text(), form.message.text()
    assert form.editors["name"].value() == "Renamed by a worker" and form.state.dirty == ("name",)
    assert worker.session.get(f"/group/{group['ID']}", {"fields": "name"})["name"] == group["name"]
    worker.sign_out()

"""The edit form against the simulator: exactly the edited fields go out; conflicts; failures keep the edits."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "editing"))

from editing_support import Wire, new_task, sign_in

from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import EditSetup
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec, Option
from wfexplorer.ui.forms.edit_form import EditForm
from wfexplorer.ui.forms.editors import editor_for
from wfexplorer.ui.forms.services import EditServices


@pytest.fixture
def connection(demo_server, tmp_path):
    connected = sign_in(demo_server, tmp_path)
    yield connected
    connected.sign_out()


def form_for(qtbot, ops, connection, object_id, read_only=""):
    details = DetailLoader(connection).classic("TASK", object_id, all_fields=True)
    services = EditServices(connection)
    editing = EditSetup(connection).for_object(details)
    form = EditForm(editing, services.saver_for(editing.state.target), ops, search_for=services.search_for,
                    read_only=read_only)
    qtbot.addWidget(form)
    form.show()
    return form


def type_into(qtbot, form, key, text):
    line = form.editors[key].focus_widget()
    line.selectAll() if hasattr(line, "selectAll") else None
    line.clear()
    qtbot.keyClicks(line, text)


def test_editing_three_fields_in_the_form_sends_exactly_those_three(qtbot, ops, run_until, connection, crashes):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    wire = Wire()
    connection.subscribe(wire)
    type_into(qtbot, form, "name", "Typed in the form")
    type_into(qtbot, form, "workRequired", "480")
    form.editors["status"].combo.setCurrentIndex(form.editors["status"].combo.findData("INP"))
    assert form.save_button.text() == "&Save (3 changes)"
    assert form.labels["name"].property("dirty") is True
    assert "Editing test task" in form.editors["name"].toolTip()  # the original in the tooltip
    saved = []
    form.saved.connect(saved.append)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    run_until(lambda: saved)
    [write] = wire.writes()
    assert wire.updates(write) == {"name": "Typed in the form", "workRequired": 480, "status": "INP"}
    assert form.state.dirty == () and form.save_button.text() == "&Save" and crashes == []


def test_a_wrong_value_is_marked_where_it_is_and_nothing_is_sent(qtbot, ops, connection):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    wire = Wire()
    connection.subscribe(wire)
    type_into(qtbot, form, "workRequired", "lots")
    assert form.save() is False
    assert form.problem_labels["workRequired"].isVisible()
    assert "number" in form.problem_labels["workRequired"].text()
    assert wire.writes() == [] and form.message.isVisible()


def test_esc_in_an_editor_reverts_that_field(qtbot, ops, connection):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Changed")
    qtbot.keyClick(form.editors["name"].focus_widget(), Qt.Key.Key_Escape)
    assert form.state.dirty == () and form.editors["name"].value() == "Editing test task"


def test_a_change_behind_the_forms_back_opens_the_conflict_dialog(qtbot, ops, run_until, connection, crashes):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Mine")
    connection.session.put(f"/task/{task['ID']}", {"updates": {"name": "Theirs"}})
    form.save()
    run_until(lambda: form.conflict_dialog is not None and form.conflict_dialog.isVisible())
    dialog = form.conflict_dialog
    assert dialog.table.item(0, 2).text() == "Theirs" and dialog.table.item(0, 3).text() == "Mine"
    saved = []
    form.saved.connect(saved.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # keep mine
    run_until(lambda: saved)
    assert connection.session.get(f"/task/{task['ID']}", {"fields": "name"})["name"] == "Mine"
    assert crashes == []


FAULTS = {
    "server error 500": {"error_status": 500, "error_rate": 1.0},
    "bad request 400": {"error_status": 400, "error_rate": 1.0},
    "a 429 storm": {"error_status": 429, "error_rate": 1.0},
    "dropped connection": {"drop_rate": 1.0},
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_failed_save_keeps_every_edit_on_screen_with_the_message(qtbot, ops, run_until, connection, demo_faults,
                                                                   fault):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Kept after the failure")
    type_into(qtbot, form, "workRequired", "90")
    for name, value in FAULTS[fault].items():
        setattr(demo_faults, name, value)
    form.save()
    run_until(lambda: form.message.isVisible() and not form._saving, timeout=60)
    demo_faults.reset()
    assert form.editors["name"].value() == "Kept after the failure" and form.editors["workRequired"].value() == 90
    assert form.state.dirty == ("name", "workRequired") and form.message.text()
    assert form.save_button.isEnabled()  # and it can be sent again once the server is back
    saved = []
    form.saved.connect(saved.append)
    form.save()
    run_until(lambda: saved)
    assert connection.session.get(f"/task/{task['ID']}", {"fields": "name"})["name"] == "Kept after the failure"


def test_a_time_out_keeps_the_edits(qtbot, ops, run_until, connection, demo_faults):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Kept after a time-out")
    connection.transport.timeout = (2.0, 0.5)
    demo_faults.latency_ms = 1500
    form.save()
    run_until(lambda: form.message.isVisible() and not form._saving, timeout=60)
    demo_faults.reset()
    assert form.editors["name"].value() == "Kept after a time-out" and form.state.dirty == ("name",)
    assert form.message.text()


def test_an_expired_session_mid_edit_is_renewed_and_the_edit_saved_once(qtbot, ops, run_until, demo_server,
                                                                          connection):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Saved after renewal")
    wire = Wire()
    connection.subscribe(wire)
    assert demo_server.context.sessions.revoke(connection.signed_in.provider.current().value)
    saved = []
    form.saved.connect(saved.append)
    form.save()
    run_until(lambda: saved or form.message.isVisible(), timeout=30)
    assert saved, form.message.text()
    puts = [event for event in wire.writes() if event.method == "PUT" and event.status == 200]
    assert len(puts) == 1 and wire.updates(puts[0]) == {"name": "Saved after renewal"}


def test_a_read_only_profile_says_why_and_sends_nothing(qtbot, ops, demo_server, tmp_path, connection):
    task = new_task(connection)
    guarded = sign_in(demo_server, tmp_path / "ro", read_only=True)
    wire = Wire()
    guarded.subscribe(wire)
    services = EditServices(guarded)
    form = form_for(qtbot, ops, guarded, task["ID"], read_only=services.read_only)
    type_into(qtbot, form, "name", "Never sent")
    assert not form.save_button.isEnabled() and "read-only" in form.note.text()
    assert form.save() is False and wire.writes() == []
    guarded.sign_out()


def test_every_editor_and_button_has_an_accessible_name(qtbot, ops, connection):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    for key, editor in form.editors.items():
        assert editor.focus_widget().accessibleName().startswith(form.state.spec(key).label), key
    for button in (form.save_button, form.preview_button, form.revert_button):
        assert button.accessibleName()


# -- every editor kind round-trips a value ------------------------------------------------------------------

LOCAL = dt.datetime(2026, 3, 15, 9, 30).astimezone()
ROUND_TRIPS = [
    (FieldSpec("t", "Text", EditorKind.TEXT), "Hello"),
    (FieldSpec("l", "Long", EditorKind.LONG_TEXT), "Two\nlines"),
    (FieldSpec("i", "Int", EditorKind.INTEGER), 42),
    (FieldSpec("d", "Dec", EditorKind.DECIMAL), 2.5),
    (FieldSpec("c", "Cur", EditorKind.CURRENCY), 1200),
    (FieldSpec("p", "Pct", EditorKind.PERCENT), 75),
    (FieldSpec("da", "Date", EditorKind.DATE), "2026-03-15"),
    (FieldSpec("dt", "When", EditorKind.DATE_TIME), LOCAL),
    (FieldSpec("b", "Flag", EditorKind.BOOLEAN), True),
    (FieldSpec("ch", "Choice", EditorKind.CHOICE, options=(Option(1, "Low"), Option(2, "High"))), 2),
    (FieldSpec("st", "Status", EditorKind.STATUS, options=(Option("CUR", "Current"), Option("WSX", "Waiting"))),
     "WSX"),
    (FieldSpec("m", "Multi", EditorKind.MULTI_CHOICE, options=(Option("a", "A"), Option("b", "B"))), ["b"]),
    (FieldSpec("r", "Project", EditorKind.REFERENCE, target="PROJ"), "63ab"),
    (FieldSpec("u", "URL", EditorKind.URL, Api.PLANNING), "https://example.com/x"),
    (FieldSpec("pd", "Launch", EditorKind.DATE, Api.PLANNING), "2026-03-15"),
    (FieldSpec("nd", "No date", EditorKind.DATE), None),
    (FieldSpec("nt", "No time", EditorKind.DATE_TIME), None),
    (FieldSpec("s", "Select", EditorKind.CHOICE, Api.PLANNING, (Option("o1", "One", "#ff0000"),)), "o1"),
    (FieldSpec("pe", "Owner", EditorKind.PEOPLE, Api.PLANNING, multiple=True), ["U1", "U2"]),
    (FieldSpec("pt", "Owners", EditorKind.PEOPLE, Api.PLANNING, multiple=True),
     ["AB12@org.e", {"id": "63e3b13000078c1795146248182d15dc", "idType": "WF"}, {"id": "CD@org.e", "idType": "IMS"}]),
    (FieldSpec("rr", "Campaign", EditorKind.RECORD_REFERENCE, Api.PLANNING, multiple=True), ["R1"]),
    (FieldSpec("ro", "Formula", EditorKind.READ_ONLY, Api.PLANNING, read_only="a formula computes it"), "3"),
]


@pytest.mark.parametrize(("spec", "value"), ROUND_TRIPS, ids=[spec.kind.value + "-" + spec.api.value
                                                               for spec, _ in ROUND_TRIPS])
def test_every_editor_kind_shows_and_returns_a_value(qtbot, spec, value):
    editor = editor_for(spec)
    qtbot.addWidget(editor)
    editor.set_value(value)
    assert editor.value() == value


def record_form(qtbot, ops, connection):
    client = connection.planning
    for workspace in client.workspaces():
        for record_type in client.record_types(workspace.id):
            fields = client.fields(record_type.id)
            if any(f.kind is not None and f.kind.value == "single-select" for f in fields):
                record = client.create_record(record_type.id, {})
                details = DetailLoader(connection).record(record.id, record_type.id)
                services = EditServices(connection)
                editing = EditSetup(connection).for_record(details)
                form = EditForm(editing, services.saver_for(editing.state.target), ops,
                                search_for=services.search_for)
                qtbot.addWidget(form)
                form.show()
                return form
    raise AssertionError("no record type with a single-select field")


def test_a_planning_record_saves_its_edited_fields_in_one_patch(qtbot, ops, run_until, connection, crashes):
    form = record_form(qtbot, ops, connection)
    specs = form.state.specs.values()
    select = next(spec for spec in specs if spec.kind is EditorKind.CHOICE)
    text = next(spec for spec in specs if spec.kind is EditorKind.TEXT and spec.editable)
    combo = form.editors[select.key].combo
    assert combo.itemIcon(1).isNull() is (select.options[0].color is None)  # options carry their colours
    combo.setCurrentIndex(1)
    type_into(qtbot, form, text.key, "Record edited in the form")
    locked = [key for key, spec in form.state.specs.items() if spec.read_only]
    assert locked and all("read-only" in form.editors[key].focus_widget().accessibleDescription() for key in locked)
    wire = Wire()
    connection.subscribe(wire)
    saved = []
    form.saved.connect(saved.append)
    form.save()
    run_until(lambda: saved)
    [write] = wire.writes()
    assert write.method == "PATCH"
    assert write.request.json == {"data": {select.key: select.options[0].value, text.key: "Record edited in the form"}}
    assert crashes == []


def test_preview_shows_the_exact_request_and_send_saves_it(qtbot, ops, run_until, connection):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Previewed")
    wire = Wire()
    connection.subscribe(wire)
    dialog = form.preview()
    text = dialog.text.toPlainText()
    assert text.startswith(f"PUT {connection.session.url}/task/{task['ID']}")
    assert 'updates={\n  "name": "Previewed"\n}' in text
    assert wire.events == []  # nothing sent by looking
    saved = []
    form.saved.connect(saved.append)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    run_until(lambda: saved)
    assert wire.updates(wire.writes()[0]) == {"name": "Previewed"}


def test_the_context_menu_reverts_one_field(qtbot, ops, connection):
    task = new_task(connection)
    form = form_for(qtbot, ops, connection, task["ID"])
    type_into(qtbot, form, "name", "Changed")
    type_into(qtbot, form, "workRequired", "5")
    form._menu("name", form.editors["name"].rect().center())
    [action] = [a for a in form.context_menu.actions() if a.text() == "Revert this field"]
    action.trigger()
    assert form.state.dirty == ("workRequired",) and form.editors["name"].value() == "Editing test task"


def test_the_reference_picker_searches_as_you_type_and_sets_the_id_field(qtbot, ops, run_until, connection):
    task = new_task(connection)
    other = connection.session.post("/proj", {"updates": {"name": "Zebra picker target"}})
    form = form_for(qtbot, ops, connection, task["ID"])
    picker = form.editors["projectID"]
    picker.combo.lineEdit().selectAll()
    qtbot.keyClicks(picker.combo.lineEdit(), "Zebra pick")
    run_until(lambda: picker.combo.count() > 0 and picker.combo.itemData(0) == other["ID"], timeout=15)
    picker.combo.hidePopup()
    picker._picked(0)
    assert form.state.value("projectID") == other["ID"] and form.state.dirty == ("projectID",)
    assert form.state.names[other["ID"]] == "Zebra picker target"


# -- a long form: the first screenful at once, the rest just after ------------------------------------------

def long_editing(count=150):
    from wfexplorer.core.classic.metadata import FieldMeta, ObjectMeta
    from wfexplorer.core.editing import Editing, EditState, EditTarget, classic_groups

    kinds = ["string", "int", "dateTime", "boolean", "double"]
    fields = {f"f{i:03d}": FieldMeta(f"f{i:03d}", f"Field {i:03d}", kinds[i % 5]) for i in range(count)}
    groups = tuple(classic_groups(ObjectMeta("Task", "Task", "TASK", fields=fields)))
    specs = [spec for group in groups for spec in group.specs]
    return Editing(EditState(EditTarget.classic("TASK", "t1"), specs, {"f001": 7}), groups)


def test_a_long_form_builds_every_row_in_order_just_after_it_is_shown(qtbot, ops, run_until):
    editing = long_editing()
    form = EditForm(editing, None, ops)
    qtbot.addWidget(form)
    assert 0 < form.pending_rows < 150  # the first screenful only
    editing.state.set("f140", "typed before its row was built")
    form.show()
    run_until(lambda: form.pending_rows == 0)
    keys = [spec.key for group in editing.groups for spec in group.specs]
    assert list(form._editors) == keys
    assert form._editors["f001"].value() == 7
    assert form._editors["f140"].value() == "typed before its row was built"
    assert form._labels["f140"].property("dirty") is True and form.save_button.text() == "&Save (1 change)"
    chain, widget = [], form._editors[keys[0]].focus_widget()
    focusable = {form._editors[key].focus_widget(): key for key in keys}
    for _ in range(2000):
        if widget in focusable and focusable[widget] not in chain:
            chain.append(focusable[widget])
        widget = widget.nextInFocusChain()
    assert chain == keys  # Tab goes through the fields in their order


def test_a_long_form_keeps_the_focus_where_the_user_is_typing_while_the_rest_is_built(qtbot, ops, run_until):
    form = EditForm(long_editing(), None, ops)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    key = "f001"  # a number in the group that rows join after the first paint
    assert key in form._editors and form.pending_rows
    line = form._editors[key].focus_widget()
    line.setFocus()
    line.clear()
    qtbot.keyClicks(line, "12")
    assert form.focusWidget() is line
    run_until(lambda: form.pending_rows == 0)
    qtbot.keyClicks(line, "3")
    assert form.focusWidget() is line and form.state.value(key) == 123
    assert all(editor.isVisible() for editor in form.editors.values())


def test_asking_for_the_editors_of_a_long_form_builds_them_all_at_once(qtbot, ops):
    form = EditForm(long_editing(), None, ops)
    qtbot.addWidget(form)
    assert len(form.editors) == 150 and form.pending_rows == 0

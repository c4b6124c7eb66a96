"""Savers against the simulator: only the dirty fields, in one request; the conflict guard; create, copy, delete."""

from __future__ import annotations

import json

import pytest
from editing_support import new_task, sign_in

from wfexplorer.core import errors
from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import (
    ClassicSaver,
    ConflictFound,
    EditSetup,
    ForceNeeded,
    PlanningSaver,
    copy_object,
    delete_object,
    parent_field,
    plan_delete,
)
from wfexplorer.core.editing.specs import EditorKind


def loaded(connection, code, object_id, all_fields=True):
    details = DetailLoader(connection).classic(code, object_id, all_fields=all_fields)
    return EditSetup(connection).for_object(details), details


def test_editing_three_fields_sends_exactly_those_three_in_one_put(connection, wire):
    task = new_task(connection)
    editing, _ = loaded(connection, "TASK", task["ID"])
    state = editing.state
    state.set("name", "Three fields")
    state.set("workRequired", 960)
    state.set("description", "Written by the editing test")
    saver = ClassicSaver(connection.session)
    preview = saver.request(state)
    wire.clear()
    result = saver.save(state)
    writes = wire.writes()
    assert len(writes) == 1
    assert writes[0].method == "PUT" and writes[0].url == preview.url
    assert wire.updates(writes[0]) == {"name": "Three fields", "workRequired": 960,
                                       "description": "Written by the editing test"}
    assert json.loads(preview.text().split("updates=", 1)[1]) == wire.updates(writes[0])
    reads = [event for event in wire.events if event not in writes]
    assert len(reads) == 1 and "fields=" in reads[0].url  # the conflict guard: one read of the edited fields
    state.saved(result.target, result.data)
    assert state.dirty == ()
    again = connection.session.get(f"/task/{task['ID']}", {"fields": "name,workRequired,description"})
    assert (again["name"], again["workRequired"], again["description"]) == (
        "Three fields", 960, "Written by the editing test")


def test_a_custom_form_field_and_a_reference_save_through_their_wire_names(connection, wire):
    task = new_task(connection)
    [form] = [form for form in connection.session.custom_forms("TASK") if form.name == "Task Details"]
    connection.session.put(f"/task/{task['ID']}", {"updates": {"categoryID": form.id}})
    editing, _ = loaded(connection, "TASK", task["ID"])
    state = editing.state
    specs = state.specs
    assert "Custom form: Task Details" in [group.title for group in editing.groups]
    custom = [key for key, spec in specs.items() if key.startswith("DE:") and spec.kind is EditorKind.DECIMAL]
    assert custom, "the seeded task form has a number field"
    other = connection.session.get("/proj/search", {"$$LIMIT": 2, "fields": "ID"})[1]["ID"]
    state.set(custom[0], 5)
    state.set("projectID", other)
    wire.clear()
    ClassicSaver(connection.session).save(state)
    assert wire.updates(wire.writes()[0]) == {custom[0]: 5, "projectID": other}
    again = connection.session.get(f"/task/{task['ID']}", {"fields": f"projectID,{custom[0]}"})
    assert again["projectID"] == other and again[custom[0]] == 5


def test_a_change_behind_the_forms_back_is_a_conflict_and_nothing_is_written(connection, wire):
    task = new_task(connection)
    editing, _ = loaded(connection, "TASK", task["ID"])
    state = editing.state
    state.set("name", "Mine")
    state.set("workRequired", 120)
    connection.session.put(f"/task/{task['ID']}", {"updates": {"name": "Theirs"}})  # someone else
    wire.clear()
    saver = ClassicSaver(connection.session)
    with pytest.raises(ConflictFound) as found:
        saver.save(state)
    assert wire.writes() == []
    [conflict] = found.value.conflicts
    assert (conflict.key, conflict.original, conflict.theirs, conflict.mine) == ("name", "Editing test task",
                                                                                   "Theirs", "Mine")
    state.rebase("name", conflict.theirs, take_theirs=False)  # keep mine
    saver.save(state)
    assert wire.updates(wire.writes()[0]) == {"name": "Mine", "workRequired": 120}


def test_taking_theirs_drops_that_edit_and_saves_the_rest(connection, wire):
    task = new_task(connection)
    editing, _ = loaded(connection, "TASK", task["ID"])
    state = editing.state
    state.set("name", "Mine")
    state.set("workRequired", 120)
    connection.session.put(f"/task/{task['ID']}", {"updates": {"name": "Theirs"}})
    saver = ClassicSaver(connection.session)
    with pytest.raises(ConflictFound) as found:
        saver.save(state)
    state.rebase("name", found.value.conflicts[0].theirs, take_theirs=True)
    wire.clear()
    saver.save(state)
    assert wire.updates(wire.writes()[0]) == {"workRequired": 120}
    assert connection.session.get(f"/task/{task['ID']}", {"fields": "name"})["name"] == "Theirs"


def test_the_servers_refusal_lands_on_the_field_it_names(connection):
    task = new_task(connection)
    editing, _ = loaded(connection, "TASK", task["ID"])
    state = editing.state
    state.set("projectID", "0" * 32)
    with pytest.raises(errors.WorkfrontError) as refused:
        ClassicSaver(connection.session).save(state)
    message = state.place_error(refused.value)
    assert message
    assert state.dirty == ("projectID",) and state.value("projectID") == "0" * 32  # the edit is kept


def test_a_new_task_in_a_project_is_created_with_its_parent_filled_in(connection, wire):
    session = connection.session
    project = session.get("/proj/search", {"$$LIMIT": 1, "fields": "ID"})[0]["ID"]
    meta = session.metadata.describe("TASK")
    key = parent_field(meta, "PROJ")
    assert key == "projectID"
    editing = EditSetup(connection).new_object(meta, parent=(key, project))
    state = editing.state
    assert state.problems() == {"name": "Name is required."}
    state.set("name", "Created by the editing test")
    wire.clear()
    result = ClassicSaver(connection.session).save(state)
    [write] = wire.writes()
    assert write.method == "POST" and wire.updates(write) == {"name": "Created by the editing test",
                                                               "projectID": project}
    assert result.target.id and session.get(f"/task/{result.target.id}", {"fields": "projectID"})["projectID"] == \
        project


def test_copy_makes_a_new_object_with_the_new_name(connection):
    task = new_task(connection, "To be copied")
    copied = copy_object(connection.session, "TASK", task["ID"], "To be copied (copy)")
    assert copied["ID"] != task["ID"]
    assert connection.session.get(f"/task/{copied['ID']}", {"fields": "name"})["name"] == "To be copied (copy)"


def test_delete_asks_for_force_where_workfront_needs_it(connection):
    session = connection.session
    project = session.post("/proj", {"updates": {"name": "Project to delete"}})
    session.post("/task", {"updates": {"name": "Its task", "projectID": project["ID"]}})
    plan = plan_delete(connection, "PROJ", project["ID"])
    assert "Project to delete" in plan.question() and "1 task" in plan.question().lower()
    portfolio = session.post("/port", {"updates": {"name": "Portfolio to delete"}})
    session.put(f"/proj/{project['ID']}", {"updates": {"portfolioID": portfolio["ID"]}})
    with pytest.raises(ForceNeeded):
        delete_object(session, "PORT", portfolio["ID"])
    delete_object(session, "PORT", portfolio["ID"], force=True)
    with pytest.raises(errors.NotFoundError):
        session.get(f"/port/{portfolio['ID']}")


def test_a_read_only_profile_sends_no_write(demo_server, tmp_path, connection):
    task = new_task(connection)
    guarded = sign_in(demo_server, tmp_path / "ro", read_only=True)
    from editing_support import Wire

    recorder = Wire()
    guarded.subscribe(recorder)
    editing, _ = loaded(guarded, "TASK", task["ID"])
    editing.state.set("name", "Never sent")
    with pytest.raises(errors.ReadOnlyError):
        ClassicSaver(guarded.session).save(editing.state)
    with pytest.raises(errors.ReadOnlyError):
        delete_object(guarded.session, "TASK", task["ID"])
    with pytest.raises(errors.ReadOnlyError):
        copy_object(guarded.session, "TASK", task["ID"])
    assert recorder.writes() == []
    assert editing.state.dirty == ("name",)
    guarded.sign_out()


# -- Planning -----------------------------------------------------------------------------------------------


def a_record(connection):
    client = connection.planning
    for workspace in client.workspaces():
        for record_type in client.record_types(workspace.id):
            page = client.search(record_type.id)
            if page.records:
                return DetailLoader(connection).record(page.records[0].id, record_type.id)
    raise AssertionError("the simulator has no Planning records")


def test_a_planning_save_patches_only_the_dirty_fields(connection, wire):
    details = a_record(connection)
    editing = EditSetup(connection).for_record(details)
    state = editing.state
    text = next(key for key, spec in state.specs.items() if spec.kind is EditorKind.TEXT and spec.editable)
    state.set(text, "Patched by the editing test")
    saver = PlanningSaver(connection.planning)
    preview = saver.request(state)
    wire.clear()
    result = saver.save(state)
    [write] = wire.writes()
    assert write.method == "PATCH" and write.url == preview.url
    assert write.request.json == {"data": {text: "Patched by the editing test"}} == dict(preview.body)
    state.saved(result.target, result.data)
    assert state.dirty == ()


def test_planning_computed_fields_are_locked_with_a_word_why(connection):
    details = a_record(connection)
    specs = EditSetup(connection).for_record(details).state.specs.values()
    locked = {spec.label: spec.read_only for spec in specs if spec.read_only}
    assert locked and all(reason for reason in locked.values())
    assert any("system sets it" in reason for reason in locked.values())


def test_a_planning_409_becomes_a_conflict_with_the_record_read_again(demo_server, connection, wire):
    details = a_record(connection)
    state = EditSetup(connection).for_record(details).state
    text = next(key for key, spec in state.specs.items() if spec.kind is EditorKind.TEXT and spec.editable)
    state.set(text, "Conflicting edit")
    options = demo_server.context.settings.planning_options
    options["conflict_rate"] = "1"
    try:
        with pytest.raises(ConflictFound) as found:
            PlanningSaver(connection.planning).save(state)
    finally:
        options["conflict_rate"] = "0"
    assert [c.key for c in found.value.conflicts] == [text]
    assert state.value(text) == "Conflicting edit"


def test_a_planning_v1_save_puts_only_the_dirty_fields_with_the_record_type(demo_server, tmp_path):
    old = sign_in(demo_server, tmp_path / "v1", planning_version="v1")
    from editing_support import Wire

    recorder = Wire()
    old.subscribe(recorder)
    details = a_record(old)
    state = EditSetup(old).for_record(details).state
    text = next(key for key, spec in state.specs.items() if spec.kind is EditorKind.TEXT and spec.editable)
    state.set(text, "Put by the v1 saver")
    saver = PlanningSaver(old.planning)
    preview = saver.request(state)
    saver.save(state)
    [write] = recorder.writes()
    assert write.method == "PUT" and write.url == preview.url and "/v1/" in write.url
    assert write.request.json == {"data": {text: "Put by the v1 saver"}, "recordTypeId": details.record.record_type_id}
    assert old.planning.record(details.record.id).data[text] == "Put by the v1 saver"
    old.sign_out()


def test_fields_the_server_did_not_send_are_locked_until_all_fields_are_loaded(connection):
    task = new_task(connection)
    editing, details = loaded(connection, "TASK", task["ID"], all_fields=False)
    missing = [key for key in editing.state.specs if key not in details.data]
    assert missing, "the default fields leave some out"
    assert all(editing.state.spec(key).read_only for key in missing)
    assert any("not loaded" in editing.state.spec(key).read_only for key in missing)
    everything, _ = loaded(connection, "TASK", task["ID"], all_fields=True)
    assert not any("not loaded" in spec.read_only for spec in everything.state.specs.values())

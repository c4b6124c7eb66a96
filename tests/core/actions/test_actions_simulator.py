"""Running actions against the simulator: the request, the state change, the server's refusals, the journal."""

from __future__ import annotations

import pytest
from acting_support import new_project, new_task

from wfexplorer.core import errors
from wfexplorer.core.actions import ActionRunner, ArgumentForm, action_specs, move_records
from wfexplorer.core.journal import Kind


def form(connection, code, name):
    spec = next(spec for spec in action_specs(connection.session.metadata.describe(code)) if spec.name == name)
    return ArgumentForm(spec)


def test_an_action_with_arguments_changes_state_and_says_before_and_after(connection, wire, journal):
    task = new_task(connection, "Task to move")
    task = connection.session.get(f"/task/{task['ID']}", {"fields": "projectID"})
    target = new_project(connection, "Where the task goes")
    move = form(connection, "TASK", "move")
    move.set("projectID", target["ID"])
    runner = ActionRunner(connection.session, journal)
    preview = runner.request("TASK", task["ID"], move)
    wire.clear()
    outcome = runner.run("TASK", task["ID"], move)
    [write] = wire.writes()
    assert write.method == "PUT" and write.url.split("?")[0] == preview.url
    assert preview.url.endswith(f"/task/{task['ID']}/move")
    assert dict(write.request.form)["projectID"] == target["ID"]
    assert outcome.changed["projectID"] == (task["projectID"], target["ID"])
    assert connection.session.get(f"/task/{task['ID']}", {"fields": "projectID"})["projectID"] == target["ID"]
    [entry] = journal.entries()
    assert entry.kind is Kind.ACTION and entry.ok and entry.object_id == task["ID"]
    assert [(c.key, c.before, c.after) for c in entry.changes] == [("projectID", task["projectID"], target["ID"])]
    assert "/move" in entry.request and target["ID"] in entry.request


def test_mark_done_changes_the_status(connection, journal):
    task = new_task(connection, "Task to finish")
    done = form(connection, "TASK", "markDone")
    outcome = ActionRunner(connection.session, journal).run("TASK", task["ID"], done)
    assert outcome.before["status"] != "CPL" and outcome.after["status"] == "CPL"
    assert journal.entries()[0].summary().startswith("status: NEW → CPL")


def test_the_servers_refusal_is_raised_in_its_words_and_journalled_as_failed(connection, wire, journal):
    task = new_task(connection, "Task nobody can take")
    assign = form(connection, "TASK", "assign")
    assign.set("objID", "0" * 32)
    assign.set("objCode", "USER")
    with pytest.raises(errors.NotFoundError) as refused:
        ActionRunner(connection.session, journal).run("TASK", task["ID"], assign)
    assert "was not found" in refused.value.message
    [entry] = journal.entries()
    assert not entry.ok and "was not found" in entry.result and not entry.undoable
    assert assign.place_error(refused.value) == refused.value.message


def test_a_required_argument_left_empty_sends_nothing(connection, wire):
    task = new_task(connection, "Task with an empty form")
    wire.clear()
    with pytest.raises(errors.ValidationError):
        ActionRunner(connection.session).run("TASK", task["ID"], form(connection, "TASK", "assign"))
    assert wire.writes() == []


def test_a_secret_argument_never_reaches_the_journal(connection, journal, tmp_path):
    task = new_task(connection, "Task with an approval")
    approve = form(connection, "TASK", "approveApproval")
    approve.set("approvalPassword", "hunter2-very-secret")
    approve.set("auditNote", "fine by me")
    with pytest.raises(errors.WorkfrontError):
        ActionRunner(connection.session, journal).run("TASK", task["ID"], approve)
    [entry] = journal.entries()
    assert "fine by me" in entry.request and "hunter2" not in entry.request
    assert b"hunter2" not in journal.path.read_bytes()


def test_a_planning_record_move_is_one_request_and_journalled(connection, wire, journal):
    client = connection.planning
    workspace = client.workspaces()[0]
    record_type = client.record_types(workspace.id)[0]
    made = client.bulk_create(record_type.id, [{}, {}, {}])
    first, second, third = (item.id for item in made.items)
    wire.clear()
    result = move_records(client, record_type.id, [third], before=first, journal=journal)
    assert result.all_ok
    [write] = wire.writes()
    assert write.url.endswith("/records/move") and write.request.json["putBeforeRecordId"] == first
    [entry] = journal.entries()
    assert entry.ok and entry.api == "planning" and entry.object_id == third and second

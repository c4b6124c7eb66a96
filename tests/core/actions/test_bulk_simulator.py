"""Bulk edits against the simulator: one request; classic all or nothing naming the row; Planning per row."""

from __future__ import annotations

import json

import pytest
from acting_support import new_task

from wfexplorer.core import errors
from wfexplorer.core.actions import BulkEditor, BulkPlan, BulkRefused, BulkRow
from wfexplorer.core.journal import Kind
from wfexplorer.core.planning.filters import FieldKind


def tasks(connection, count, name="Bulk test task"):
    return [new_task(connection, f"{name} {index + 1}") for index in range(count)]


def priorities(connection, made):
    found = connection.session.get("/task", {"id": ",".join(task["ID"] for task in made), "fields": "priority"})
    return {task["ID"]: task["priority"] for task in found}


def test_a_classic_bulk_edit_is_one_put_with_updates_as_a_list_and_a_journal_entry_per_row(connection, wire,
                                                                                            journal):
    made = tasks(connection, 3)
    editor = BulkEditor(connection.session, journal=journal)
    rows = editor.read_rows("TASK", [task["ID"] for task in made], ["priority"])
    plan = BulkPlan.classic("TASK", rows, {"priority": 4}, {"priority": "Priority"})
    assert [(row.id, change.before, change.after) for row, change in plan.preview()] == \
        [(task["ID"], 0, 4) for task in made]
    wire.clear()
    outcome = editor.run(plan)
    [write] = wire.writes()
    assert write.method == "PUT" and write.url.split("?")[0].lower().endswith("/task")
    assert json.loads(dict(write.request.form)["updates"]) == [{"ID": task["ID"], "priority": 4} for task in made]
    assert len(outcome.succeeded) == 3 and not outcome.failed
    assert set(priorities(connection, made).values()) == {4}
    entries = journal.entries()
    assert [entry.kind for entry in entries] == [Kind.BULK] * 3
    assert {entry.object_id for entry in entries} == {task["ID"] for task in made}
    assert all(entry.summary() == "Priority: 0 → 4" for entry in entries)


def test_a_classic_bulk_edit_with_one_bad_row_is_refused_whole_naming_the_row(connection, wire, journal):
    made = tasks(connection, 3, "Refused bulk task")
    editor = BulkEditor(connection.session, journal=journal)
    rows = editor.read_rows("TASK", [task["ID"] for task in made], ["priority"])
    connection.session.delete(f"/task/{made[1]['ID']}")  # someone deletes the second one meanwhile
    wire.clear()
    with pytest.raises(BulkRefused) as refused:
        editor.run(BulkPlan.classic("TASK", rows, {"priority": 2}))
    assert len(wire.writes()) == 1
    assert refused.value.row == 1
    assert f'row 2 ("Refused bulk task 2", {made[1]["ID"]})' in refused.value.message
    assert "Nothing was changed." in refused.value.message
    left = priorities(connection, [made[0], made[2]])
    assert set(left.values()) == {0}
    [entry] = journal.entries()
    assert not entry.ok and not entry.undoable and "row 2" in entry.result


def test_a_bulk_edit_of_more_than_workfront_allows_is_refused_before_sending(connection):
    with pytest.raises(errors.ValidationError, match="at most 100"):
        BulkPlan.classic("TASK", [BulkRow(str(index)) for index in range(101)], {"priority": 1})


def test_a_planning_bulk_edit_of_100_records_with_one_failing_row(connection, wire, journal):
    client = connection.planning
    workspace = client.workspaces()[0]
    record_type = client.record_types(workspace.id)[0]
    text = next(field for field in client.fields(record_type.id) if field.kind is FieldKind.TEXT)
    made = client.bulk_create(record_type.id, [{text.id: f"before {index}"} for index in range(100)])
    records = [item.record for item in made.items]
    client.delete_record(records[41].id)
    rows = [BulkRow(record.id, f"record {index}", {text.id: record.data.get(text.id)})
            for index, record in enumerate(records)]
    plan = BulkPlan.planning(record_type.id, rows, {text.id: "after"}, {text.id: text.display_name})
    wire.clear()
    outcome = BulkEditor(connection.session, client, journal).run(plan)
    [write] = wire.writes()
    assert write.method == "PATCH" and write.url.endswith("/records/bulk") and len(write.request.json) == 100
    assert len(outcome.succeeded) == 99
    [failed] = outcome.failed
    assert failed.row.id == records[41].id and failed.message
    assert client.record(records[40].id).data[text.id] == "after"
    entries = journal.entries()
    assert sum(entry.ok for entry in entries) == 99 and len(entries) == 100
    assert next(entry for entry in entries if not entry.ok).object_id == records[41].id

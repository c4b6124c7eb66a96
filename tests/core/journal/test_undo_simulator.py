"""Undo from the journal writes the before values back, through the conflict guard."""

from __future__ import annotations

import pytest
from journal_support import new_task

from wfexplorer.core import errors
from wfexplorer.core.actions import ActionRunner, ArgumentForm, BulkEditor, BulkPlan, action_specs
from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import ClassicSaver, ConflictFound, EditSetup
from wfexplorer.core.journal import JournalledSaver, Kind, Undo


def priority(connection, task):
    return connection.session.get(f"/task/{task['ID']}", {"fields": "priority"})["priority"]


def bulk_set_priority(connection, journal, made, value):
    editor = BulkEditor(connection.session, journal=journal)
    editor.run(BulkPlan.classic("TASK", editor.read_rows("TASK", [t["ID"] for t in made], ["priority"]),
                                {"priority": value}))
    return {entry.object_id: entry for entry in journal.entries()}


def test_undo_restores_the_before_values_and_is_journalled(connection, journal, wire):
    made = [new_task(connection, "Undo me"), new_task(connection, "Leave me")]
    entries = bulk_set_priority(connection, journal, made, 3)
    wire.clear()
    undone = Undo(connection.session, connection.planning, journal).run(entries[made[0]["ID"]])
    assert priority(connection, made[0]) == 0 and priority(connection, made[1]) == 3
    assert len(wire.writes()) == 1  # the guard's re-read is a read
    assert undone.kind is Kind.UNDO and undone.undoes == entries[made[0]["ID"]].id
    assert undone.summary() == "priority: 3 → 0"


def test_undo_refuses_with_the_conflict_when_the_object_changed_since(connection, journal, wire):
    [task] = [new_task(connection, "Changed behind the journal")]
    entries = bulk_set_priority(connection, journal, [task], 3)
    connection.session.put(f"/task/{task['ID']}", {"updates": {"priority": 4}})
    wire.clear()
    undo = Undo(connection.session, connection.planning, journal)
    with pytest.raises(ConflictFound) as changed:
        undo.run(entries[task["ID"]])
    assert wire.writes() == [] and priority(connection, task) == 4
    [conflict] = changed.value.conflicts
    assert (conflict.key, conflict.original, conflict.theirs, conflict.mine) == ("priority", 3, 4, 0)
    undo.run(entries[task["ID"]], guard=False)  # the user chose to write the before value anyway
    assert priority(connection, task) == 0


def test_an_action_is_undone_by_writing_its_fields_back(connection, journal):
    task = new_task(connection, "Done, then not")
    spec = next(s for s in action_specs(connection.session.metadata.describe("TASK")) if s.name == "markDone")
    outcome = ActionRunner(connection.session, journal).run("TASK", task["ID"], ArgumentForm(spec))
    assert outcome.entry is not None and outcome.entry.undoable
    Undo(connection.session, connection.planning, journal).run(outcome.entry)
    assert connection.session.get(f"/task/{task['ID']}", {"fields": "status"})["status"] == "NEW"


def test_a_failed_write_cannot_be_undone(connection, journal):
    [task] = [new_task(connection, "Never changed")]
    spec = next(s for s in action_specs(connection.session.metadata.describe("TASK")) if s.name == "assign")
    form = ArgumentForm(spec)
    form.set("objID", "0" * 32)
    form.set("objCode", "USER")
    with pytest.raises(errors.NotFoundError):
        ActionRunner(connection.session, journal).run("TASK", task["ID"], form)
    with pytest.raises(errors.ValidationError, match="cannot be undone"):
        Undo(connection.session, connection.planning, journal).run(journal.entries()[0])


def test_a_form_save_through_the_journalled_saver_is_journalled_and_undone(connection, journal):
    task = new_task(connection, "Saved from the form")
    details = DetailLoader(connection).classic("TASK", task["ID"], all_fields=True)
    state = EditSetup(connection).for_object(details).state
    state.set("priority", 2)
    JournalledSaver(ClassicSaver(connection.session), journal).save(state)
    [entry] = journal.entries()
    assert entry.kind is Kind.SAVE and [(c.key, c.before, c.after) for c in entry.changes] == [("priority", 0, 2)]
    Undo(connection.session, connection.planning, journal).run(entry)
    assert priority(connection, task) == 0

"""The bulk edit dialog against the simulator: preview, one request, per-row results, a refusal naming the row."""

from __future__ import annotations

from acting_support import Wire, new_task
from PySide6.QtCore import Qt

from wfexplorer.core.actions import BulkEditor, BulkRow
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec, classic_spec, planning_specs
from wfexplorer.core.planning.filters import FieldKind
from wfexplorer.ui.forms.bulk_dialog import BulkEditDialog


def give(qtbot, editor, value):
    """Enter ``value`` in ``editor`` as a user would (a list of choices or a line)."""
    widget = editor.focus_widget()
    if editor.spec.kind is EditorKind.CHOICE:
        widget.setCurrentIndex(widget.findData(value))
    else:
        qtbot.keyClicks(widget, str(value))


def task_specs(connection):
    meta = connection.session.metadata.describe("TASK")
    return [classic_spec(meta.fields[name]) for name in ("priority", "description")]


def previewed(qtbot, ops, connection, run_until, made, priority, journal=None):
    """A classic bulk dialog over the tasks ``made`` that sets their priority, previewed."""
    rows = [BulkRow(task["ID"], task["name"]) for task in made]
    dialog = BulkEditDialog(ops, BulkEditor(connection.session, journal=journal), Api.CLASSIC, "TASK", rows,
                            task_specs(connection))
    qtbot.addWidget(dialog)
    dialog.show()
    give(qtbot, dialog.add_field("priority"), priority)
    dialog.preview()
    run_until(lambda: dialog.apply_button.isEnabled())
    return dialog


def test_a_classic_bulk_edit_previews_before_and_after_then_changes_every_row(qtbot, ops, connection, journal,
                                                                               run_until):
    made = [new_task(connection, f"Dialog task {index}") for index in range(3)]
    dialog = previewed(qtbot, ops, connection, run_until, made, 3, journal)
    assert dialog.preview_table.rowCount() == 3
    spec = dialog.specs["priority"]
    assert [dialog.preview_table.item(0, column).text() for column in range(4)] == [
        "Dialog task 0", "Priority", f"{spec.option_label(0)} (0)", f"{spec.option_label(3)} (3)"]
    applied = []
    dialog.applied.connect(applied.append)
    qtbot.keyClick(dialog.apply_button, Qt.Key.Key_Space)
    run_until(lambda: bool(applied))
    assert [dialog.table.item(index, 1).text() for index in range(3)] == ["Changed"] * 3
    assert dialog.failed_rows() == [] and journal.count() == 3


def test_the_preview_counts_only_values_that_change_and_marks_the_others(qtbot, ops, connection, run_until):
    made = [new_task(connection, f"Same value task {index}") for index in range(3)]
    connection.session.put(f"/task/{made[1]['ID']}", {"updates": {"priority": 3}})
    dialog = previewed(qtbot, ops, connection, run_until, made, 3)
    assert dialog.summary.text() == "One request will change 2 values on 3 objects; 1 already has the new value."
    afters = [dialog.preview_table.item(index, 3).text() for index in range(3)]
    assert afters[1].endswith("(no change)") and not afters[0].endswith("(no change)")


def test_a_refused_classic_bulk_edit_names_the_row_and_changes_nothing(qtbot, ops, connection, run_until):
    made = [new_task(connection, f"Refused dialog task {index}") for index in range(3)]
    dialog = previewed(qtbot, ops, connection, run_until, made, 2)
    connection.session.delete(f"/task/{made[2]['ID']}")
    assert dialog.apply()
    run_until(lambda: dialog.message.isVisible())
    assert 'row 3 ("Refused dialog task 2"' in dialog.message.text() and "Nothing was changed" in dialog.message.text()
    assert [dialog.table.item(index, 1).text() for index in range(3)] == ["", "", ""]
    assert dialog.failed_rows() == [2]
    found = connection.session.get("/task", {"id": f"{made[0]['ID']},{made[1]['ID']}", "fields": "priority"})
    assert {task["priority"] for task in found} == {0}


def test_a_planning_bulk_edit_of_100_keeps_the_failing_row_selected_with_its_message(qtbot, ops, connection,
                                                                                      run_until):
    client = connection.planning
    record_type = client.record_types(client.workspaces()[0].id)[0]
    fields = client.fields(record_type.id)
    text = next(field for field in fields if field.kind is FieldKind.TEXT)
    made = client.bulk_create(record_type.id, [{text.id: f"row {index}"} for index in range(100)])
    records = [item.record for item in made.items]
    client.delete_record(records[57].id)
    rows = [BulkRow(record.id, f"Record {index}", {text.id: record.data.get(text.id)})
            for index, record in enumerate(records)]
    dialog = BulkEditDialog(ops, BulkEditor(connection.session, client), Api.PLANNING, record_type.id, rows,
                            planning_specs(fields))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.add_field(text.id).focus_widget(), "Bulk from the dialog")
    dialog.preview()
    assert dialog.apply_button.isEnabled() and dialog.preview_table.rowCount() == 100
    wire = Wire()
    stop = connection.subscribe(wire)
    applied = []
    dialog.applied.connect(applied.append)
    assert dialog.apply()
    run_until(lambda: bool(applied))
    stop()
    assert len(wire.writes()) == 1
    assert dialog.failed_rows() == [57]
    assert dialog.table.item(57, 1).text().startswith("Failed: ")
    assert sum(dialog.table.item(index, 1).text() == "Changed" for index in range(100)) == 99
    assert "99 changed, 1 failed" in dialog.summary.text()


def test_a_wrong_value_is_said_before_anything_is_sent(qtbot, ops, connection):
    spec = FieldSpec("priority", "Priority", EditorKind.INTEGER, Api.CLASSIC)
    dialog = BulkEditDialog(ops, BulkEditor(connection.session), Api.CLASSIC, "TASK", [BulkRow("x")], [spec])
    qtbot.addWidget(dialog)
    dialog.add_field("priority")
    dialog.values["priority"] = "high"
    dialog.preview()
    assert "whole number" in dialog.message.text() and not dialog.apply_button.isEnabled()
    for name in ("bulkField", "bulkAddField", "bulkRows", "bulkPreviewTable"):
        widget = dialog.findChild(object, name)
        assert widget is not None and widget.accessibleName()

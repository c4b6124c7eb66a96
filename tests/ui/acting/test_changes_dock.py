"""The Changes dock: the journal listed newest first, undo restoring the before values, the conflict dialog."""

from __future__ import annotations

import pytest
from acting_support import Wire, new_task
from PySide6.QtCore import Qt

from wfexplorer.core.actions import BulkEditor, BulkPlan
from wfexplorer.core.journal import Kind, Undo
from wfexplorer.ui.journal.dock import ChangesDock


@pytest.fixture
def dock(qtbot, ops, connection, journal, run_until):
    widget = ChangesDock(ops, journal, Undo(connection.session, connection.planning, journal))
    qtbot.addWidget(widget)
    widget.show()
    run_until(lambda: widget.status.text() != "Reading the journal…")
    return widget


def set_priority(connection, journal, task, value):
    editor = BulkEditor(connection.session, journal=journal)
    editor.run(BulkPlan.classic("TASK", editor.read_rows("TASK", [task["ID"]], ["priority"]), {"priority": value},
                                {"priority": "Priority"}))


def priority(connection, task):
    return connection.session.get(f"/task/{task['ID']}", {"fields": "priority"})["priority"]


def test_new_writes_appear_on_top_and_the_model_is_sound(dock, connection, journal, run_until, qtmodeltester):
    task = new_task(connection, "Listed in the dock")
    set_priority(connection, journal, task, 2)
    set_priority(connection, journal, task, 3)
    run_until(lambda: dock.model.rowCount() == 2)
    qtmodeltester.check(dock.model)
    assert dock.model.index(0, 3).data() == "Priority: 2 → 3"
    assert dock.status.text() == "2 changes"
    dock.select(1)
    assert "Priority: 0 → 2" in dock.details.toPlainText()
    assert "/task" in dock.details.toPlainText().lower() and dock.undo_button.isEnabled()


def test_undo_from_the_keyboard_restores_the_before_values(dock, connection, journal, run_until, qtbot):
    task = new_task(connection, "Undone from the dock")
    set_priority(connection, journal, task, 2)
    run_until(lambda: dock.model.rowCount() == 1)
    dock.select(0)
    undone = []
    dock.undone.connect(undone.append)
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    run_until(lambda: bool(undone))
    assert priority(connection, task) == 0 and undone[0].kind is Kind.UNDO
    run_until(lambda: dock.model.rowCount() == 2)
    assert dock.model.index(0, 3).data() == "Priority: 2 → 0"


def test_undo_refuses_with_the_conflict_dialog_when_the_object_changed_since(dock, connection, journal,
                                                                                 run_until):
    task = new_task(connection, "Changed since")
    set_priority(connection, journal, task, 2)
    connection.session.put(f"/task/{task['ID']}", {"updates": {"priority": 4}})
    run_until(lambda: dock.model.rowCount() == 1)
    dock.select(0)
    wire = Wire()
    stop = connection.subscribe(wire)
    assert dock.undo_selected()
    run_until(lambda: dock.conflict_dialog is not None and dock.conflict_dialog.isVisible())
    assert wire.writes() == [] and priority(connection, task) == 4
    dock.conflict_dialog.reject()
    assert "Not undone" in dock.message.text()
    assert dock.undo_selected()
    run_until(lambda: dock.conflict_dialog is not None and dock.conflict_dialog.isVisible())
    undone = []
    dock.undone.connect(undone.append)
    dock.conflict_dialog.accept()  # "Keep mine": write the value before the change anyway
    run_until(lambda: bool(undone))
    stop()
    assert priority(connection, task) == 0


def test_the_dock_is_named_for_assistive_technology(dock):
    for widget in (dock, dock.table, dock.details, dock.undo_button):
        assert widget.objectName() and widget.accessibleName()

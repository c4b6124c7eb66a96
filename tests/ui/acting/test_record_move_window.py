"""Moving Planning records from the explorer window: Actions on a record's tab, Move… on selected record rows.

Against the simulator: the move is one request, the record type's rows reload in the new order (the tree lists
records in their own order, the one a move changes) and the moved records stay selected.
"""

from __future__ import annotations

from typing import Any

from acting_support import Wire
from PySide6.QtCore import Qt
from test_explorer import child, expand, wait_loaded

from wfexplorer.core.browse import Node, NodeKind
from wfexplorer.ui.forms.record_move import RecordMoveDialog
from wfexplorer.ui.shell.main_window import MainWindow

PREFIX = "Move window record"


def made_records(connection: Any, names: list[str]) -> tuple[Any, list[str]]:
    client = connection.planning
    workspace = client.workspaces()[0]
    record_type = next(rt for rt in client.record_types(workspace.id) if rt.display_name == "Campaigns")
    made = client.bulk_create(record_type.id, [{record_type.primary_field_id: name} for name in names])
    return workspace, [item.id for item in made.items]


def campaigns(window: MainWindow, run_until: Any, workspace: Any, name: str) -> Node:
    planning = expand(window, run_until, window.tree.top(NodeKind.PLANNING))
    space = expand(window, run_until, child(planning, workspace.name))
    records = expand(window, run_until, child(space, "Campaigns"))
    window.controller.filter(records, name)
    wait_loaded(run_until, records)
    return records


def labels(node: Node) -> list[str]:
    return [row.label for row in node.children if row.kind is NodeKind.RECORD]


def test_actions_on_a_records_tab_moves_it_before_another_and_the_tree_shows_the_new_order(
        open_window, run_until, qtbot, connection):
    names = [f"{PREFIX} {letter}" for letter in "ABC"]
    workspace, ids = made_records(connection, names)
    window = open_window()
    records = campaigns(window, run_until, workspace, PREFIX)
    assert labels(records) == names                                  # the records' own order: as made
    window.navigator.view.select(child(records, names[2]))          # opens C in the tab
    run_until(lambda: window.current_tab() is not None and window.current_tab().details is not None)
    window.actions_action.trigger()                                  # Ctrl+Shift+A on a record: its move
    dialog = window.acting.dialog
    assert isinstance(dialog, RecordMoveDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.find_box, PREFIX)
    run_until(lambda: len(dialog.labels()) == 3)
    assert dialog.labels() == [f"1. {names[0]}", f"2. {names[1]}", f"3. {names[2]}   (being moved)"]
    assert not dialog.choose(ids[2])                                 # not next to itself
    assert dialog.choose(ids[0])
    dialog.where.setCurrentIndex(dialog.where.findData("before"))
    wire = Wire()
    stop = connection.subscribe(wire)
    qtbot.keyClick(dialog.move_button, Qt.Key.Key_Space)
    run_until(lambda: dialog.result_label.isVisible() or dialog.message.isVisible())
    stop()
    assert not dialog.message.isVisible(), dialog.message.text()
    [write] = wire.writes()
    assert write.url.endswith("/records/move") and write.request.json == {"recordIds": [ids[2]],
                                                                          "putBeforeRecordId": ids[0]}
    assert dialog.result_label.text() == f"Moved “{names[2]}” before “{names[0]}”."
    run_until(lambda: labels(records) == [names[2], names[0], names[1]])
    run_until(lambda: [node.payload.id for node in window.navigator.view.selected_nodes()] == [ids[2]])
    run_until(lambda: dialog.labels()[0] == f"1. {names[2]}   (being moved)")
    dialog.close()


def test_move_on_two_selected_record_rows_moves_both_after_the_chosen_record(open_window, run_until, qtbot,
                                                                            connection):
    names = [f"{PREFIX} pair {digit}" for digit in "1234"]
    workspace, ids = made_records(connection, names)
    window = open_window()
    records = campaigns(window, run_until, workspace, f"{PREFIX} pair")
    view = window.navigator.view
    view.setFocus()
    view.select(child(records, names[0]))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)      # 1 and 2 selected
    dialog = window.acting.move_rows(view.current_node())            # the row's context menu: Move…
    assert isinstance(dialog, RecordMoveDialog) and dialog.windowTitle().startswith(f"Move “{names[0]}”, “{names[1]}”")
    qtbot.keyClicks(dialog.find_box, f"{PREFIX} pair")
    run_until(lambda: len(dialog.labels()) == 4)
    assert dialog.choose(ids[3])                                     # after 4
    qtbot.keyClick(dialog.move_button, Qt.Key.Key_Space)
    run_until(dialog.result_label.isVisible)
    run_until(lambda: labels(records) == [names[2], names[3], names[0], names[1]])
    run_until(lambda: {node.payload.id for node in view.selected_nodes()} == {ids[0], ids[1]})
    dialog.close()


def test_a_move_the_server_refuses_says_why_and_the_order_stays(open_window, run_until, qtbot, connection):
    names = [f"{PREFIX} refused {digit}" for digit in "12"]
    workspace, ids = made_records(connection, names)
    window = open_window()
    records = campaigns(window, run_until, workspace, f"{PREFIX} refused")
    dialog = window.acting.move_rows(child(records, names[0]))
    qtbot.keyClicks(dialog.find_box, f"{PREFIX} refused")
    run_until(lambda: len(dialog.labels()) == 2)
    assert dialog.choose(ids[1])
    connection.planning.delete_record(ids[1])                        # the chosen record is gone meanwhile
    qtbot.keyClick(dialog.move_button, Qt.Key.Key_Space)
    run_until(dialog.message.isVisible)
    assert ids[1] in dialog.message.text() or "not found" in dialog.message.text().lower(), dialog.message.text()
    assert not dialog.result_label.isVisible() and labels(records) == names    # nothing moved, nothing reloaded
    dialog.close()

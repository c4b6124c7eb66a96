"""Helpers for the Planning builder's GUI tests: a builder on the simulator, and hands that use the keyboard
and mouse the way a person does (imported by name, since tests/ is not a package)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from wfexplorer.core.planning import PlanningClient, RecordType
from wfexplorer.core.planning.builder import Grammar
from wfexplorer.ui.filters.planning_builder import PlanningBuilder

WAIT_S = 10.0


def record_type_named(client: PlanningClient, workspace: str, name: str) -> RecordType:
    found = next(ws for ws in client.workspaces() if ws.name == workspace)
    return next(rt for rt in client.record_types(found.id) if rt.display_name == name)


def open_builder(qtbot: Any, ops: Any, run_until: Any, client: PlanningClient, record_type: RecordType,
                 **options: Any) -> PlanningBuilder:
    """A shown builder on ``record_type``, its fields loaded."""
    builder = PlanningBuilder(ops, client, workspace_id=record_type.workspace_id, record_type_id=record_type.id,
                              **options)
    qtbot.addWidget(builder)
    builder.resize(1400, 900)
    builder.show()
    qtbot.waitExposed(builder)
    run_until(lambda: builder.record_type is not None and builder.record_type.id == record_type.id
              and ops.running == 0, timeout=WAIT_S)
    return builder


def field_id(builder: PlanningBuilder, label: str) -> str:
    return next(field.id for field in builder.fields if field.label == label)


def choose_in_combo(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick the item reading ``text`` with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    wanted = combo.findText(text)
    assert wanted >= 0, f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(wanted - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def choose_field(qtbot: Any, builder: PlanningBuilder, label: str) -> None:
    """Type a field's name into the field picker and press Enter."""
    picker = builder.editor.field_picker
    lineedit = picker.lineEdit()
    picker.setFocus()
    lineedit.selectAll()
    qtbot.keyClicks(lineedit, label)
    qtbot.keyClick(lineedit, Qt.Key.Key_Return)
    assert picker.current_field() == field_id(builder, label), f"the field picker did not take {label!r}"


def choose_condition(qtbot: Any, builder: PlanningBuilder, label: str) -> None:
    choose_in_combo(qtbot, builder.editor.condition_picker, label)


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot: Any, builder: PlanningBuilder, node_id: int) -> None:
    """Click a row of the filter tree."""
    view: QAbstractItemView = builder.tree
    rect = view.visualRect(builder.tree_model.index_of(node_id))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(0, 0))
    assert builder.tree.selected_node() == node_id


def json_of(builder: PlanningBuilder, grammar: Grammar) -> Any:
    return json.loads(builder.json_panel.text_of(grammar))


def run_and_wait(run_until: Any, builder: PlanningBuilder) -> Any:
    """Press Run and wait for the page it shows."""
    shown: list[Any] = []
    builder.search_done.connect(shown.append)
    try:
        assert builder.run(), builder.status.text()
        run_until(lambda: bool(shown), timeout=WAIT_S)
    finally:
        builder.search_done.disconnect(shown.append)
    return shown[0]


@contextmanager
def requests_sent(client: PlanningClient) -> Iterator[list[Any]]:
    """Every HTTP attempt the client makes inside the block."""
    sent: list[Any] = []
    unsubscribe = client.connection.transport.subscribe(sent.append)
    try:
        yield sent
    finally:
        unsubscribe()


def names_of(table: Any, builder: PlanningBuilder) -> set[str]:
    name = field_id(builder, "Name")
    return {row.values.get(name) for row in table.rows}


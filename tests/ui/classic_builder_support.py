"""Helpers for the classic builder's GUI tests: a signed-in session, a project of known tasks, a shown builder, and
hands that type and click the way a person does (imported by name, since tests/ is not a package)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import SearchStore
from wfexplorer.ui.filters.classic_builder import ClassicBuilder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "classic" / "search_model"))

# the same project of known tasks as the search-model tests (imported by name: tests/ is not a package)
from search_model_probe import TASKS, Probe, make_probe, session_secret, sign_in  # noqa: F401

WAIT_S = 15.0


@contextmanager
def signed_in(server: Any, folder: Path) -> Iterator[Session]:
    """The classic session of the demo admin's sign-in (Authenticator, Connection), signed out afterwards."""
    connection = sign_in(server, folder)
    try:
        yield connection.session
    finally:
        connection.sign_out()


def open_builder(qtbot: Any, ops: Any, run_until: Any, session: Session, folder: Path, obj_code: str = "TASK",
                 **options: Any) -> ClassicBuilder:
    """A shown builder on ``obj_code`` with its object types loaded."""
    builder = ClassicBuilder(ops, session, SearchStore(folder, "test profile"), obj_code, count_delay_ms=30, **options)
    qtbot.addWidget(builder)
    builder.resize(1400, 900)
    builder.show()
    qtbot.waitExposed(builder)
    run_until(lambda: builder.object_picker.count() > 1 and ops.running == 0, timeout=WAIT_S)
    return builder


def settle(run_until: Any, builder: ClassicBuilder, ops: Any) -> None:
    """Wait until the debounced check and count have run and nothing is in flight."""
    run_until(lambda: not builder.check_timer.isActive() and not builder.counter.timer.isActive()
              and not builder.query_panel.pending and ops.running == 0, timeout=WAIT_S)


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_field(qtbot: Any, builder: ClassicBuilder, path: str) -> None:
    """Type a field path into the selected condition and press Enter."""
    field = builder.editor.field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, path)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert builder.search.condition(builder.editor.condition_id).field == path


def choose_in_combo(qtbot: Any, combo: QComboBox, data: str) -> None:
    """Pick the item with ``data`` with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    wanted = combo.findData(data)
    assert wanted >= 0, f"{data!r} is not offered: {[combo.itemData(i) for i in range(combo.count())]}"
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(wanted - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentData() == data


def type_value(qtbot: Any, builder: ClassicBuilder, text: str) -> None:
    line = builder.editor.value.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)


def add_condition(qtbot: Any, run_until: Any, builder: ClassicBuilder, ops: Any, path: str, modifier: str | None,
                  value: str | None, *, group: bool = False) -> int:
    """Click "+ Condition" (or "+ OR group"), type the path, pick the modifier, type the value."""
    click(qtbot, builder.tree_buttons["add_group" if group else "add_condition"])
    condition_id = builder.editor.condition_id
    assert condition_id is not None
    type_field(qtbot, builder, path)
    run_until(lambda: ops.running == 0 and path in builder.paths.known, timeout=WAIT_S)
    if modifier is not None:
        choose_in_combo(qtbot, builder.editor.modifier, modifier)
    if value is not None:
        type_value(qtbot, builder, value)
    return condition_id


def run_and_wait(run_until: Any, builder: ClassicBuilder) -> Any:
    """Press Run and wait for the page it shows."""
    shown: list[Any] = []
    builder.search_done.connect(shown.append)
    try:
        assert builder.run(), builder.status.text()
        run_until(lambda: bool(shown) or (builder.run_button.isEnabled() and builder.status.isVisible()),
                  timeout=WAIT_S)
    finally:
        builder.search_done.disconnect(shown.append)
    assert shown, builder.status.text()
    return shown[0]


def names_of(page: Any) -> list[str]:
    return [row.values.get("name") for row in page.rows]


@contextmanager
def requests_sent(session: Session) -> Iterator[list[Any]]:
    """Every HTTP attempt the session makes inside the block."""
    sent: list[Any] = []
    unsubscribe = session.transport.subscribe(sent.append)
    try:
        yield sent
    finally:
        unsubscribe()

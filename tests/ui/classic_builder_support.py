"""Helpers for the classic builder's GUI tests: a signed-in session, a project of known tasks, a shown builder, and
hands that type and click the way a person does (imported by name, since tests/ is not a package)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import SearchStore
from wfexplorer.ui.filters.classic_builder import ClassicBuilder

WAIT_S = 15.0
#: name → (priority, workRequired, which assignee: 0, 1 or None)
TASKS = {
    "alpha one": (4, 60, 0),
    "alpha two": (1, 120, 1),
    "beta": (1, 30, 0),
    "gamma": (2, 0, 1),
    "delta": (4, 15, None),
    "epsilon": (1, 45, 0),
}


@dataclass(frozen=True)
class Probe:
    """A project made for a test module, its task ids by name, and the two assignees' home groups."""

    project_id: str
    project_name: str
    task_ids: dict[str, str]
    groups: tuple[str, str]


def open_session(server: Any) -> Session:
    session = Session("demo", url_template=server.base_url + "/attask/api/{api_version}", api_version="v21.0",
                      use_cache=False)
    session.login("admin", "demo")
    return session


def make_probe(session: Session) -> Probe:
    """A project of six tasks, assigned to two users whose home groups have different one-word names."""
    users = session.request("GET", "/user/search", [("fields", "homeGroup:name"), ("homeGroupID_Mod", "notnull"),
                                                    ("ID_Sort", "asc"), ("$$LIMIT", "200")])
    chosen: list[dict[str, Any]] = []
    for user in users:
        group = user["homeGroup"]["name"]
        if re.fullmatch(r"[A-Za-z]+", group) and all(other["homeGroup"]["name"] != group for other in chosen):
            chosen.append(user)
        if len(chosen) == 2:
            break
    assert len(chosen) == 2, "the demo data has two users in differently named one-word groups"
    name = f"H14 GUI probe {uuid.uuid4().hex[:8]}"
    project = session.api.Project(session, name=name)
    project.save()
    assert project.id is not None
    ids = {}
    for task_name, (priority, work, assignee) in TASKS.items():
        fields: dict[str, Any] = {"name": task_name, "project_id": project.id, "priority": priority,
                                  "work_required": work}
        if assignee is not None:
            fields["assigned_to_id"] = chosen[assignee]["ID"]
        task = session.api.Task(session, **fields)
        task.save()
        assert task.id is not None
        ids[task_name] = task.id
    return Probe(project.id, name, ids, (chosen[0]["homeGroup"]["name"], chosen[1]["homeGroup"]["name"]))


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

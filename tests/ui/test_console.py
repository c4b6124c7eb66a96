"""The console widget: it sends what it shows through core (the log sees the same call), shows the answer,
keeps a history per profile, completes classic paths from metadata, refuses writes on a read-only profile and
reports bad input inline; every control named and usable from the keyboard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from requests_support import Logged, unnamed_controls

from wfexplorer.core.console import ConsoleHistory, ConsoleRequest, request_from_entry
from wfexplorer.ui.requests import ConsoleWidget


@pytest.fixture(scope="module")
def logged(demo_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Logged]:
    connected = Logged(demo_server, tmp_path_factory.mktemp("cache"))
    yield connected
    connected.session.close()


def make_console(qtbot: Any, ops: Any, logged: Logged, tmp_path: Path, **kwargs: Any) -> ConsoleWidget:
    console = ConsoleWidget(ops, logged.session, planning=logged.planning,
                            history=ConsoleHistory(tmp_path, "Demo"), **kwargs)
    qtbot.addWidget(console)
    console.resize(1000, 640)
    console.show()
    return console


class Outcomes:
    """The replies and failures a console reports."""

    def __init__(self, console: ConsoleWidget) -> None:
        self.replies: list[Any] = []
        self.failures: list[Any] = []
        console.replied.connect(self.replies.append)
        console.failed.connect(self.failures.append)

    @property
    def count(self) -> int:
        return len(self.replies) + len(self.failures)


def sent(console: ConsoleWidget, run_until: Any, press: Any = None) -> Outcomes:
    """Send (by ``press()``, else ``console.send()``) and wait for the reply or the failure."""
    outcomes = Outcomes(console)
    (press or console.send)()
    run_until(lambda: outcomes.count > 0, timeout=10)
    return outcomes


def test_the_console_sends_what_it_shows_and_shows_the_answer(qtbot: Any, ops: Any, logged: Logged,
                                                              tmp_path: Path, run_until: Any) -> None:
    for n in range(3):  # the session simulator's other projects may hold any text; these are known
        logged.session.post("/proj", {"name": f"Console project {n}", "description": "sent by the console test"})
    console = make_console(qtbot, ops, logged, tmp_path)
    console.load(ConsoleRequest("classic", "GET", "/proj/search", (("description", "sent by the console test"),
                                                                   ("fields", "name"))))
    before = len(logged.log)
    outcomes = sent(console, run_until, lambda: qtbot.mouseClick(console.send_button, Qt.MouseButton.LeftButton))
    new = [entry for entry in logged.log.entries()[before:] if "/metadata" not in entry.url]  # completion's own
    assert len(new) == 1 and request_from_entry(new[0]) == console.current_request()
    reply = outcomes.replies[0]
    assert reply.data == logged.session.get("/proj/search", {"description": "sent by the console test",
                                                             "fields": "name"})
    assert len(reply.data) >= 3
    assert console.reply_view.tree.topLevelItemCount() == len(reply.data)
    assert json.loads(console.reply_view.as_text()) == reply.data
    assert "GET /proj/search" in console.reply_status.text()


def test_a_planning_request_with_a_json_body_goes_through_the_planning_client(
        qtbot: Any, ops: Any, logged: Logged, tmp_path: Path, run_until: Any) -> None:
    workspace = logged.planning.workspaces()[0]
    record_type = logged.planning.record_types(workspace.id)[0]
    console = make_console(qtbot, ops, logged, tmp_path)
    console.load(ConsoleRequest("planning", "POST", f"/record-types/{record_type.id}/records/search",
                                (("size", "2"),), "{}"))
    assert console.body_box.isVisible()
    outcomes = sent(console, run_until)
    entry = logged.log.entries()[-1]
    assert entry.method == "POST" and entry.request and entry.request.json == {}
    assert outcomes.replies[0].status == 200 and "HTTP 200" in console.reply_status.text()


def test_sent_requests_join_the_history_and_activating_one_loads_it(qtbot: Any, ops: Any, logged: Logged,
                                                                     tmp_path: Path, run_until: Any) -> None:
    console = make_console(qtbot, ops, logged, tmp_path)
    console.load(ConsoleRequest("classic", "GET", "/proj/count", (("status", "CUR"),)))
    assert sent(console, run_until).replies
    console.load(ConsoleRequest("classic", "GET", "/task/count"))
    assert sent(console, run_until).replies
    assert [console.history_list.item(i).text().split("  ")[0] for i in range(2)] == ["GET /task/count",
                                                                                    "GET /proj/count"]
    console.history_list.itemActivated.emit(console.history_list.item(1))
    assert console.current_request() == ConsoleRequest("classic", "GET", "/proj/count", (("status", "CUR"),))
    again = make_console(qtbot, ops, logged, tmp_path)
    assert again.history_list.count() == 2


def test_a_read_only_console_refuses_a_write_says_why_and_sends_nothing(qtbot: Any, ops: Any, logged: Logged,
                                                                        tmp_path: Path, run_until: Any) -> None:
    console = make_console(qtbot, ops, logged, tmp_path, read_only=True)
    assert console.read_only_note.isVisible()
    console.load(ConsoleRequest("classic", "POST", "/proj", (("name", "Never created"),)))
    before = len(logged.log)
    assert sent(console, run_until).failures
    assert len(logged.log) == before
    assert console.message.isVisible() and "read-only" in console.message.text()


def test_bad_json_is_reported_inline_and_nothing_is_sent(qtbot: Any, ops: Any, logged: Logged,
                                                         tmp_path: Path) -> None:
    console = make_console(qtbot, ops, logged, tmp_path)
    console.load(ConsoleRequest("planning", "POST", "/workspaces", body='{"name": '))
    before = len(logged.log)
    console.send()
    assert len(logged.log) == before and "not valid JSON" in console.message.text()
    assert console.body_box.toPlainText() == '{"name": '


def test_a_server_error_shows_its_message_and_class_and_keeps_the_request(qtbot: Any, ops: Any, logged: Logged,
                                                                          tmp_path: Path, run_until: Any) -> None:
    console = make_console(qtbot, ops, logged, tmp_path)
    console.load(ConsoleRequest("classic", "GET", "/proj/noSuchOperation"))
    assert sent(console, run_until).failures
    assert "noSuchOperation" in console.message.text() and "Exception" in console.message.text()
    assert console.path_box.text() == "/proj/noSuchOperation"


def test_paths_complete_from_metadata_object_codes_operations_and_actions(qtbot: Any, ops: Any, logged: Logged,
                                                                          tmp_path: Path, run_until: Any) -> None:
    console = make_console(qtbot, ops, logged, tmp_path)
    run_until(lambda: bool(console._objects), timeout=10)
    console.path_box.setFocus()
    qtbot.keyClicks(console.path_box, "/pro")
    assert "/proj" in console.completions.stringList()
    qtbot.keyClicks(console.path_box, "j/")
    run_until(lambda: "/proj/search" in console.completions.stringList(), timeout=10)
    console.path_box.setText("")
    qtbot.keyClicks(console.path_box, "/proj/123/")
    run_until(lambda: len(console.completions.stringList()) > 0, timeout=10)
    assert all(path.startswith("/proj/123/") for path in console.completions.stringList())


def test_every_control_is_named_and_ctrl_enter_sends(qtbot: Any, ops: Any, logged: Logged, tmp_path: Path,
                                                     run_until: Any) -> None:
    console = make_console(qtbot, ops, logged, tmp_path)
    console.load(ConsoleRequest("classic", "GET", "/proj/count"))
    console.add_parameter("status", "CUR")
    assert unnamed_controls(console) == []
    assert console.accessibleName() == "Console" and console.objectName() == "console"
    console.path_box.setFocus()
    def press() -> None:
        qtbot.keyClick(console.path_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert sent(console, run_until, press).replies


def test_without_planning_the_planning_api_cannot_be_chosen(qtbot: Any, ops: Any, logged: Logged) -> None:
    console = ConsoleWidget(ops, logged.session, planning=None)
    qtbot.addWidget(console)
    assert not console.api_box.model().item(1).isEnabled()
    assert "OAuth" in console.api_box.itemData(1, Qt.ItemDataRole.ToolTipRole)

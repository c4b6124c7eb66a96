"""Reports, copy as code and saved searches in the classic builder: a report with two group-bys shows as a table,
every copied snippet that can run here runs against the simulator and returns the builder's rows, and searches are
kept per profile with a history of what ran."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from classic_builder_support import (
    TASKS,
    Probe,
    add_condition,
    make_probe,
    open_builder,
    run_and_wait,
    session_secret,
    signed_in,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import SESSION_ID_ENV, SearchStore, run_report

pytestmark = pytest.mark.gui
TIMEOUT = 120


@pytest.fixture(scope="module")
def session(demo_server: Any, tmp_path_factory: Any) -> Iterator[Session]:
    with signed_in(demo_server, tmp_path_factory.mktemp("sign-in")) as made:
        yield made


@pytest.fixture(scope="module")
def probe(session: Session) -> Probe:
    return make_probe(session)


@pytest.fixture
def builder(qtbot: Any, ops: Any, run_until: Any, session: Session, tmp_path: Any) -> Any:
    return open_builder(qtbot, ops, run_until, session, tmp_path / "searches")


def test_a_report_with_two_group_bys_is_shown_as_a_table(qtbot, ops, run_until, builder, probe, session):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    builder.side_tabs.setCurrentIndex(1)
    options = builder.options
    options.mode.setFocus()
    qtbot.keyClick(options.mode, Qt.Key.Key_Down)
    assert builder.search.mode == "report"
    options.group_bys.setFocus()
    qtbot.keyClicks(options.group_bys, "priority, assignedTo:homeGroup:name")
    qtbot.keyClick(options.group_bys, Qt.Key.Key_Return)
    options.aggregates.add_pair("workRequired", "sum")
    assert builder.query_panel.request_line.text() == (
        f"GET /task/report?projectID={probe.project_id}&priority_1_GroupBy=true"
        "&assignedTo:homeGroup:name_2_GroupBy=true&workRequired_AggFunc=sum")
    page = run_and_wait(run_until, builder)
    model = builder.results.model
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert titles == ["Priority", "Assigned To > Home Group > Name", "sum of workRequired"]
    shown = sorted(tuple(model.index(row, column).data() for column in range(3)) for row in range(model.rowCount()))
    expected: dict[tuple[int, str], int] = {}
    for priority, work, who in TASKS.values():
        key = (priority, "" if who is None else probe.groups[who])
        expected[key] = expected.get(key, 0) + work
    assert shown == sorted((str(p), g, f"{w:,}") for (p, g), w in expected.items())
    core = run_report(session, builder.search.query)
    assert len(page.rows) == len(core.rows) == len(expected)
    assert all(row.key is None for row in page.rows)  # a group is not an object: double-click opens nothing


def test_a_report_rollup_adds_a_totals_row(qtbot, ops, run_until, builder, probe):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    builder.side_tabs.setCurrentIndex(1)
    builder.search.set_mode("report")
    builder.options.group_bys.setText("priority")
    builder.options.group_bys.editingFinished.emit()
    builder.options.aggregates.add_pair("workRequired", "sum")
    builder.options.rollup.setChecked(True)
    page = run_and_wait(run_until, builder)
    last = page.rows[-1].values
    assert last == {"priority": "Total ($$ROLLUP)", "sum_workRequired": sum(work for _, work, _ in TASKS.values())}


def _environment(tmp_path: Path, session: Session) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("WORKFRONT_")}
    environment.update({SESSION_ID_ENV: session_secret(session), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                        "PYTHONWARNINGS": "ignore"})
    return environment


def _run(command: list[str], code: str, tmp_path: Path, session: Session, name: str) -> Any:
    script = tmp_path / name
    script.write_text(code)
    done = subprocess.run([*command, str(script)], cwd=tmp_path, env=_environment(tmp_path, session),
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def _rows(answer: Any) -> list[str]:
    rows = answer["data"] if isinstance(answer, dict) else answer
    return sorted(row["ID"] for row in rows)


def _copied(qtbot: Any, builder: Any, label: str) -> str:
    """Choose "Copy as → label" from the button's menu, and read the clipboard."""
    QGuiApplication.clipboard().clear()
    menu = builder.copy_button.menu()
    (action,) = [action for action in menu.actions() if action.text() == label]
    action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text, builder.status.text()
    assert session_secret(builder.session) not in text  # the secret comes from the environment
    return text


def test_copied_code_runs_as_pasted_and_returns_the_builders_rows(qtbot, ops, run_until, builder, probe, session,
                                                                  tmp_path):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    add_condition(qtbot, run_until, builder, ops, "priority", "in", None)
    builder.editor.values.setPlainText("1\n2")
    add_condition(qtbot, run_until, builder, ops, "project:name", None, probe.project_name, group=True)
    add_condition(qtbot, run_until, builder, ops, "name", "cicontains", "ALPHA")
    builder.options.fields.setText("project:name, assignedTo:homeGroup:name")
    builder.options.fields.editingFinished.emit()
    page = run_and_wait(run_until, builder)
    wanted = sorted(row.key for row in page.rows)
    assert len(wanted) == 5  # priorities 1 and 2, and alpha one (priority 4) through the OR group
    assert _rows(_run([sys.executable], _copied(qtbot, builder, "Python (requests)"), tmp_path, session,
                      "snippet_requests.py")) == wanted
    assert _rows(_run(["sh"], _copied(qtbot, builder, "curl"), tmp_path, session, "curl.sh")) == wanted
    assert _rows(_run([sys.executable], _copied(qtbot, builder, "wfexplorer.core"), tmp_path, session,
                      "snippet_core.py")) == wanted
    assert _rows(_run([sys.executable], _copied(qtbot, builder, "python-workfront"), tmp_path, session,
                      "snippet_pwf.py")) == wanted
    # workfront-api needs npm install (the core snippet tests run it); here: it is the same query, for Node
    javascript = _copied(qtbot, builder, "JavaScript (workfront-api)")
    assert 'require("workfront-api")' in javascript and "process.env.WORKFRONT_SESSION_ID" in javascript
    assert f'"projectID": "{probe.project_id}"' in javascript and '"OR:1:name_Mod": "cicontains"' in javascript


def test_copy_refuses_a_search_that_would_not_run(qtbot, ops, run_until, builder):
    add_condition(qtbot, run_until, builder, ops, "name", "cicontains", None)
    QGuiApplication.clipboard().setText("before")
    assert builder.copy_as("curl") is None
    assert QGuiApplication.clipboard().text() == "before"
    assert builder.status.text().startswith("Nothing was sent: fix the problem marked in the search.")


def test_searches_are_saved_per_profile_and_what_ran_is_in_the_history(qtbot, ops, run_until, builder, probe,
                                                                       session, tmp_path, monkeypatch):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    add_condition(qtbot, run_until, builder, ops, "name", "cicontains", "alpha")
    builder.search.set_sorts([("name", "desc")])
    builder.save_as("Alpha tasks")
    run_and_wait(run_until, builder)
    text = builder.search.query_string()
    again = SearchStore(tmp_path / "searches", "test profile")
    assert [(item.name, item.query_string, item.mode) for item in again.saved()] == [("Alpha tasks", text, "search")]
    assert [(entry.query_string, entry.operation, entry.rows) for entry in again.history()] == [(text, "search", 2)]
    assert SearchStore(tmp_path / "searches", "another profile").saved() == []
    other = open_builder(qtbot, ops, run_until, session, tmp_path / "searches")
    menus = other.saved_menus
    menus.fill_saved()
    (action,) = [action for action in menus.saved_menu.actions() if action.text() == "Alpha tasks (TASK search)"]
    action.trigger()
    assert other.search.query_string() == text and other.query_panel.text() == text
    assert other.note.text() == "Opened “Alpha tasks”."
    other.search.set_sorts([])
    menus.fill_history()
    entry = menus.history_menu.actions()[0]
    assert entry.text().endswith(f"TASK search · 2 rows · {text[:57]}…")
    entry.trigger()
    assert other.search.query_string() == text
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text: (asked.append(text), answers.pop(0))[1])
    menus.fill_saved()
    assert [action.text() for action in menus.saved_menu.actions() if action.text().startswith("Rename")] == \
        ["Rename or delete…"]
    dialog = menus.manage_dialog()
    qtbot.addWidget(dialog)
    assert dialog.names() == ["Alpha tasks (TASK search)"]
    dialog.rename("Alpha, newest first")
    assert dialog.names() == ["Alpha, newest first (TASK search)"]
    assert [item.name for item in SearchStore(tmp_path / "searches", "test profile").saved()] == \
        ["Alpha, newest first"]
    dialog.delete()
    assert asked == ["Delete the saved search “Alpha, newest first”? This cannot be undone."]
    assert dialog.names() == ["Alpha, newest first (TASK search)"], "No keeps it"
    dialog.delete()
    assert dialog.names() == [] and not dialog.delete_button.isEnabled()
    assert SearchStore(tmp_path / "searches", "test profile").saved() == []

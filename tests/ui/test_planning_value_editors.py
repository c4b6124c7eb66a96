"""Every field type, with every condition it allows: the builder offers a value editor that works from the keyboard,
and the search returns exactly the records it should.

A record type made for this test holds four records whose values are known (Delta leaves everything empty), so
each row of the table says, by name, which records a condition must find.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from planning_builder_support import choose_condition, choose_field, choose_in_combo, open_builder, run_and_wait
from PySide6.QtCore import Qt

from wfexplorer.core.classic import Session
from wfexplorer.core.planning import PlanningClient, RecordType
from wfexplorer.core.planning.builder import ClassicPeople
from wfexplorer.core.planning.filters import ALLOWED_CONDITIONS, ConditionType, FieldKind
from wfexplorer.ui.filters.date_editor import DateEditor
from wfexplorer.ui.filters.option_editors import BooleanEditor, OptionEditor, OptionsEditor
from wfexplorer.ui.filters.search_picker import SearchPicker
from wfexplorer.ui.filters.value_editors import NoValueEditor, NumberEditor, PairEditor, TextEditor

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ALL = {"Alpha", "Beta", "Gamma", "Delta"}
C = ConditionType


@dataclass
class World:
    client: PlanningClient
    matrix: RecordType
    people: ClassicPeople
    users: dict[str, str]


@pytest.fixture(scope="module")
def world(demo_server) -> Iterator[World]:
    token = demo_server.credentials()["access_token"]
    session = Session("demo", url_template=demo_server.base_url + "/attask/api/{api_version}", api_version="v21.0")
    session.login("admin", "demo")
    users = {user.name: user.id for user in session.search_page("USER", 0, 50, fields=["name"])
             if user.name in ("Jordan Avery", "Daniel Cohen")}
    tag = uuid.uuid4().hex[:6]
    with PlanningClient(demo_server.base_url, token) as client:
        workspace = next(ws for ws in client.workspaces() if ws.name == "2027 Marketing Plan")
        targets = client.create_record_type(workspace.id, {"displayName": f"Matrix targets {tag}"})
        weight = client.create_field(targets.id, {"displayName": "Weight", "type": "NUMBER"})
        target_name = targets.primary_field_id
        t1 = client.create_record(targets.id, {target_name: "Target one", weight.id: 1}).id
        t2 = client.create_record(targets.id, {target_name: "Target two", weight.id: 2}).id
        matrix = client.create_record_type(workspace.id, {"displayName": f"Matrix {tag}"})
        made = {spec["displayName"]: client.create_field(matrix.id, spec) for spec in (
            {"displayName": "Notes", "type": "PARAGRAPH"},
            {"displayName": "Count", "type": "NUMBER", "numberOptions": {"precision": 0}},
            {"displayName": "Share", "type": "PERCENTAGE"},
            {"displayName": "Price", "type": "CURRENCY", "numberOptions": {"precision": 2, "currency": "USD"}},
            {"displayName": "Day", "type": "DATE"},
            {"displayName": "Stage", "type": "SINGLE_SELECT", "options": [
                {"displayName": "Draft", "color": "gray"}, {"displayName": "Live", "color": "green"},
                {"displayName": "Done", "color": "blue"}]},
            {"displayName": "Labels", "type": "MULTI_SELECT", "options": [
                {"displayName": "Red", "color": "red"}, {"displayName": "Green", "color": "green"},
                {"displayName": "Blue", "color": "blue"}]},
            {"displayName": "Flag", "type": "CHECKBOX"},
            {"displayName": "People", "type": "USER", "userOptions": {"multipleUsersAllowed": True}},
            {"displayName": "Link", "type": "REFERENCE", "referenceOptions": {
                "recordTypeId": targets.id, "multiple": True, "lookupFields": [{"fieldId": weight.id}]}},
            {"displayName": "Calc", "type": "FORMULA", "formulaOptions": {"formula": "UPPER({name})",
                                                                         "returnType": "TEXT"}},
        )}
        option = {(label, o.display_name): o.name for label in ("Stage", "Labels") for o in made[label].options}
        name = matrix.primary_field_id
        u1, u2 = users["Jordan Avery"], users["Daniel Cohen"]
        rows = {
            "Alpha": {"Notes": "red fox", "Count": 5, "Share": 10, "Price": 100.5, "Day": "2027-03-01",
                      "Stage": option["Stage", "Draft"], "Labels": [option["Labels", "Red"]], "Flag": True,
                      "People": [u1], "Link": [t1]},
            "Beta": {"Notes": "blue whale", "Count": 20, "Share": 50, "Price": 250, "Day": "2027-06-30",
                     "Stage": option["Stage", "Live"], "Labels": [option["Labels", "Red"], option["Labels", "Green"]],
                     "Flag": False, "People": [u1, u2], "Link": [t1, t2]},
            "Gamma": {"Count": 35, "Share": 90, "Price": 999.99, "Day": "2027-12-31", "Stage": option["Stage", "Done"],
                      "Labels": [option["Labels", "Blue"]], "Flag": True, "People": [u2], "Link": [t2]},
            "Delta": {"Flag": False},
        }
        for title, values in rows.items():
            client.create_record(matrix.id, {name: title, **{made[label].id: value for label, value in values.items()}})
        yield World(client, matrix, ClassicPeople(session), users)


#: Puts a value into an editor as a person would: (qtbot, run_until, editor).
Setter = Callable[[Any, Any, Any], None]


def text(value: str) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, TextEditor | NumberEditor), type(editor)
        qtbot.keyClicks(editor.line, value)
    return put


def date(value: str) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, DateEditor), type(editor)
        qtbot.keyClicks(editor.text, value)
    return put


def relative(mode: str, days: int = 0) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, DateEditor), type(editor)
        choose_in_combo(qtbot, editor.mode, mode)
        if days:
            editor.days.setFocus()
            editor.days.selectAll()
            qtbot.keyClicks(editor.days, str(days))
    return put


def pair(first: Setter, second: Setter) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, PairEditor), type(editor)
        first(qtbot, run_until, editor.first)
        second(qtbot, run_until, editor.second)
    return put


def option(label: str) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, OptionEditor), type(editor)
        choose_in_combo(qtbot, editor.combo, label)
    return put


def options(*labels: str) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, OptionsEditor), type(editor)
        editor.list.setFocus()
        for label in labels:
            (item,) = editor.list.findItems(label, Qt.MatchFlag.MatchExactly)
            editor.list.setCurrentItem(item)
            qtbot.keyClick(editor.list, Qt.Key.Key_Space)
    return put


def flag(checked: bool) -> Setter:
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, BooleanEditor), type(editor)
        choose_in_combo(qtbot, editor.combo, "checked (true)" if checked else "not checked (false)")
    return put


def picks(*names: str) -> Setter:
    """Search by name and press Enter on the first result, for each name (people or records)."""
    def put(qtbot: Any, run_until: Any, editor: Any) -> None:
        assert isinstance(editor, SearchPicker), type(editor)
        for name in names:
            editor.search.setFocus()
            editor.search.selectAll()
            qtbot.keyClicks(editor.search, name)
            qtbot.keyClick(editor.search, Qt.Key.Key_Return)
            run_until(lambda: editor.results.count() > 0 and editor.status.text() != "Searching…")
            (row,) = [editor.results.item(i) for i in range(editor.results.count())
                      if editor.results.item(i).text().startswith(name)]
            editor.results.setCurrentItem(row)
            editor.results.setFocus()
            qtbot.keyClick(editor.results, Qt.Key.Key_Return)
    return put


def nothing(qtbot: Any, run_until: Any, editor: Any) -> None:
    assert isinstance(editor, NoValueEditor), type(editor)


#: field label → [(condition, setter, expected record names)]
CASES: dict[str, list[tuple[ConditionType, Setter, set[str]]]] = {
    "Name": [(C.CONTAINS, text("ta"), {"Beta", "Delta"}), (C.DOES_NOT_CONTAIN, text("ta"), {"Alpha", "Gamma"}),
             (C.IS, text("beta"), {"Beta"}), (C.IS_NOT, text("beta"), ALL - {"Beta"}),
             (C.IS_EMPTY, nothing, set()), (C.IS_NOT_EMPTY, nothing, ALL)],
    "Notes": [(C.CONTAINS, text("whale"), {"Beta"}), (C.DOES_NOT_CONTAIN, text("whale"), ALL - {"Beta"}),
              (C.IS, text("red fox"), {"Alpha"}), (C.IS_NOT, text("red fox"), ALL - {"Alpha"}),
              (C.IS_EMPTY, nothing, {"Gamma", "Delta"}), (C.IS_NOT_EMPTY, nothing, {"Alpha", "Beta"})],
    "Calc": [(C.CONTAINS, text("AMM"), {"Gamma"}), (C.DOES_NOT_CONTAIN, text("AMM"), ALL - {"Gamma"}),
             (C.IS, text("alpha"), {"Alpha"}), (C.IS_NOT, text("alpha"), ALL - {"Alpha"}),
             (C.IS_EMPTY, nothing, set()), (C.IS_NOT_EMPTY, nothing, ALL)],
    "Count": [(C.IS, text("20"), {"Beta"}), (C.IS_NOT, text("20"), ALL - {"Beta"}),
              (C.GREATER_THAN, text("5"), {"Beta", "Gamma"}), (C.GREATER_THAN_OR_EQUAL, text("5"), ALL - {"Delta"}),
              (C.LESS_THAN, text("20"), {"Alpha"}), (C.LESS_THAN_OR_EQUAL, text("20"), {"Alpha", "Beta"}),
              (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Share": [(C.IS, text("50"), {"Beta"}), (C.IS_NOT, text("50"), ALL - {"Beta"}),
              (C.GREATER_THAN, text("10"), {"Beta", "Gamma"}), (C.GREATER_THAN_OR_EQUAL, text("50"), {"Beta", "Gamma"}),
              (C.LESS_THAN, text("90"), {"Alpha", "Beta"}), (C.LESS_THAN_OR_EQUAL, text("10"), {"Alpha"}),
              (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Price": [(C.IS, text("250"), {"Beta"}), (C.IS_NOT, text("250"), ALL - {"Beta"}),
              (C.GREATER_THAN, text("100.5"), {"Beta", "Gamma"}),
              (C.GREATER_THAN_OR_EQUAL, text("100.5"), ALL - {"Delta"}),
              (C.LESS_THAN, text("999.99"), {"Alpha", "Beta"}), (C.LESS_THAN_OR_EQUAL, text("250"), {"Alpha", "Beta"}),
              (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Day": [(C.IS, date("2027-06-30"), {"Beta"}), (C.IS_NOT, date("2027-06-30"), ALL - {"Beta"}),
            (C.IS_AFTER, date("2027-03-01"), {"Beta", "Gamma"}), (C.IS_BEFORE, date("2027-12-31"), {"Alpha", "Beta"}),
            (C.IS_BETWEEN, pair(date("2027-03-01"), date("2027-06-30")), {"Alpha", "Beta"}),
            (C.IS_NOT_BETWEEN, pair(date("2027-03-01"), date("2027-06-30")), {"Gamma", "Delta"}),
            (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Stage": [(C.IS, option("Live"), {"Beta"}), (C.IS_NOT, option("Live"), ALL - {"Beta"}),
              (C.IS_ANY_OF, options("Draft", "Done"), {"Alpha", "Gamma"}),
              (C.IS_NONE_OF, options("Draft", "Done"), {"Beta", "Delta"}),
              (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Labels": [(C.HAS_ANY_OF, options("Red"), {"Alpha", "Beta"}), (C.HAS_ALL_OF, options("Red", "Green"), {"Beta"}),
               (C.IS_EXACTLY, options("Red"), {"Alpha"}), (C.HAS_NONE_OF, options("Red"), {"Gamma", "Delta"}),
               (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "People": [(C.HAS_ANY_OF, picks("Jordan Avery"), {"Alpha", "Beta"}),
               (C.HAS_ALL_OF, picks("Jordan Avery", "Daniel Cohen"), {"Beta"}),
               (C.IS_EXACTLY, picks("Daniel Cohen"), {"Gamma"}),
               (C.HAS_NONE_OF, picks("Jordan Avery"), {"Gamma", "Delta"}),
               (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Flag": [(C.IS, flag(True), {"Alpha", "Gamma"}), (C.IS, flag(False), {"Beta", "Delta"})],
    "Link": [(C.HAS_ANY_OF, picks("Target one"), {"Alpha", "Beta"}),
             (C.HAS_ALL_OF, picks("Target one", "Target two"), {"Beta"}),
             (C.IS_EXACTLY, picks("Target two"), {"Gamma"}), (C.HAS_NONE_OF, picks("Target one"), {"Gamma", "Delta"}),
             (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Weight (from Link)": [  # a lookup: a condition matches when any looked-up value does
        (C.IS, text("2"), {"Beta", "Gamma"}), (C.IS_NOT, text("2"), {"Alpha", "Delta"}),
        (C.GREATER_THAN, text("1"), {"Beta", "Gamma"}), (C.GREATER_THAN_OR_EQUAL, text("1"), ALL - {"Delta"}),
        (C.LESS_THAN, text("2"), {"Alpha", "Beta"}), (C.LESS_THAN_OR_EQUAL, text("1"), {"Alpha", "Beta"}),
        (C.IS_EMPTY, nothing, {"Delta"}), (C.IS_NOT_EMPTY, nothing, ALL - {"Delta"})],
    "Created by": [(C.IS, picks("Jordan Avery"), ALL), (C.IS_NOT, picks("Jordan Avery"), set()),
                   (C.IS_ANY_OF, picks("Daniel Cohen", "Jordan Avery"), ALL),
                   (C.IS_NONE_OF, picks("Jordan Avery"), set())],
    "Last updated by": [(C.IS, picks("Jordan Avery"), ALL), (C.IS_NOT, picks("Jordan Avery"), set()),
                        (C.IS_ANY_OF, picks("Jordan Avery"), ALL), (C.IS_NONE_OF, picks("Daniel Cohen"), ALL),
                        (C.IS_EMPTY, nothing, set()), (C.IS_NOT_EMPTY, nothing, ALL)],
    "Created at": [(C.IS, relative("today"), ALL), (C.IS_NOT, relative("today"), set()),
                   (C.IS_AFTER, relative("days ago", 1), ALL), (C.IS_BEFORE, relative("today"), set()),
                   (C.IS_BETWEEN, pair(relative("days ago", 1), relative("days from now", 1)), ALL),
                   (C.IS_NOT_BETWEEN, pair(relative("start of this month"), relative("days from now", 2)), set())],
    "Last updated at": [(C.IS, relative("today"), ALL), (C.IS_NOT, relative("today"), set()),
                        (C.IS_AFTER, relative("days ago", 2), ALL), (C.IS_BEFORE, relative("days ago", 3), set()),
                        (C.IS_BETWEEN, pair(relative("days ago", 1), relative("today")), ALL),
                        (C.IS_NOT_BETWEEN, pair(relative("days ago", 1), relative("today")), set()),
                        (C.IS_EMPTY, nothing, set()), (C.IS_NOT_EMPTY, nothing, ALL)],
}
KINDS = {"Name": FieldKind.TEXT, "Notes": FieldKind.LONG_TEXT, "Calc": FieldKind.FORMULA, "Count": FieldKind.NUMBER,
         "Share": FieldKind.PERCENTAGE, "Price": FieldKind.CURRENCY, "Day": FieldKind.DATE,
         "Stage": FieldKind.SINGLE_SELECT, "Labels": FieldKind.MULTI_SELECT, "People": FieldKind.USER,
         "Flag": FieldKind.BOOLEAN, "Link": FieldKind.REFERENCE, "Created by": FieldKind.CREATED_BY,
         "Last updated by": FieldKind.UPDATED_BY, "Created at": FieldKind.CREATED_AT,
         "Last updated at": FieldKind.UPDATED_AT}


def test_the_table_covers_every_field_type_and_every_condition_it_allows():
    covered = {(KINDS[label], condition) for label, rows in CASES.items() if label in KINDS for condition, _, _ in rows}
    wanted = {(kind, condition) for kind, allowed in ALLOWED_CONDITIONS.items() if kind is not FieldKind.URL
              for condition in allowed}  # URL fields exist only in v1 documents and cannot be created
    assert covered == wanted
    assert {condition for condition, _, _ in CASES["Weight (from Link)"]} == set(ALLOWED_CONDITIONS[FieldKind.NUMBER])


@pytest.mark.parametrize("label", list(CASES))
def test_each_condition_of_the_field_has_a_working_editor_and_finds_the_right_records(
        qtbot, ops, run_until, world, demo_server, label, crashes):
    today = datetime.fromtimestamp(demo_server.context.clock(), UTC).date()  # the simulator's day
    builder = open_builder(qtbot, ops, run_until, world.client, world.matrix, people=world.people,
                           today=lambda: today)
    name_field = world.matrix.primary_field_id
    for condition, put, expected in CASES[label]:
        builder.state.clear()
        builder.tree.select_node(builder.state.root_id)
        qtbot.mouseClick(builder.tree_buttons["add_condition"], Qt.MouseButton.LeftButton)
        choose_field(qtbot, builder, label)
        choose_condition(qtbot, builder, condition.label)
        put(qtbot, run_until, builder.editor.value_editor)
        assert builder.editor.problems.isHidden(), f"{label} {condition}: {builder.editor.problems.text()}"
        table = run_and_wait(run_until, builder)
        found = {row.values.get(name_field) for row in table.rows}
        assert found == expected, f"{label} {condition.value}: {builder.words.text()}"
    assert crashes == []

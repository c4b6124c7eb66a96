"""The classic search builder against the simulator: built by clicking and typing, the query string follows, the
rows are those of the search, the fields come from metadata, the count follows the edits, and the results table is
the Planning builder's (paging with $$FIRST, sort by header, double-click opens)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from classic_builder_support import (
    TASKS,
    Probe,
    add_condition,
    choose_in_combo,
    click,
    make_probe,
    names_of,
    open_builder,
    requests_sent,
    run_and_wait,
    settle,
    signed_in,
    type_field,
    type_value,
)
from PySide6.QtCore import Qt

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import Condition, FieldKind, SearchSchema, count, query, run_page

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def session(demo_server: Any, tmp_path_factory: Any) -> Iterator[Session]:
    with signed_in(demo_server, tmp_path_factory.mktemp("sign-in")) as made:
        yield made


@pytest.fixture(scope="module")
def probe(session: Session) -> Probe:
    return make_probe(session)


@pytest.fixture
def builder(qtbot: Any, ops: Any, run_until: Any, session: Session, tmp_path: Any) -> Any:
    return open_builder(qtbot, ops, run_until, session, tmp_path)


def build_or_search(qtbot: Any, run_until: Any, builder: Any, ops: Any, probe: Probe) -> None:
    """(projectID = the probe AND priority = 4) OR (project:name = the probe AND assignee's home group = the
    first group), sorted by name, returning two paths — all by clicking and typing."""
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    add_condition(qtbot, run_until, builder, ops, "priority", None, "4")
    add_condition(qtbot, run_until, builder, ops, "project:name", None, probe.project_name, group=True)
    add_condition(qtbot, run_until, builder, ops, "assignedTo:homeGroup:name", "eq", probe.groups[0])
    builder.side_tabs.setCurrentIndex(1)
    builder.options.sorts.add_pair("name", "asc")
    fields = builder.options.fields
    fields.setFocus()
    qtbot.keyClicks(fields, "project:name, assignedTo:homeGroup:name")
    qtbot.keyClick(fields, Qt.Key.Key_Return)


def test_a_search_with_an_or_group_and_a_reference_path_built_by_clicking(qtbot, ops, run_until, builder, probe,
                                                                          session):
    build_or_search(qtbot, run_until, builder, ops, probe)
    name = probe.project_name.replace(" ", "%20")
    expected = (f"projectID={probe.project_id}&priority=4&OR:1:project:name={name}"
                f"&OR:1:assignedTo:homeGroup:name={probe.groups[0]}&OR:1:assignedTo:homeGroup:name_Mod=eq"
                "&name_Sort=asc&fields=project:name,assignedTo:homeGroup:name")
    assert builder.search.query_string() == expected
    assert builder.query_panel.text() == expected
    assert builder.query_panel.editor.toPlainText().splitlines()[:2] == [f"projectID={probe.project_id}",
                                                                         "&priority=4"]  # a parameter a line
    assert builder.query_panel.request_line.text() == f"GET /task/search?{expected}"
    model = builder.tree_model
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["All of these (2)",
                                                                              "OR 1: all of these (2)"]
    settle(run_until, builder, ops)
    assert builder.all_problems() == []
    assert model.index(1, 0, model.index(1, 0)).data() == "Assigned To > Home Group > Name"
    wanted = sorted(name for name, (priority, _, who) in TASKS.items() if priority == 4 or who == 0)
    assert builder.count_label.text() == f"{len(wanted)} matches"
    page = run_and_wait(run_until, builder)
    assert names_of(page) == wanted == ["alpha one", "beta", "delta", "epsilon"]
    shown = builder.results.model
    titles = [shown.headerData(i, Qt.Orientation.Horizontal) for i in range(shown.columnCount())]
    assert "Assigned To > Home Group > Name" in titles and "Project > Name" in titles
    column = titles.index("Assigned To > Home Group > Name")
    assert [shown.index(row, column).data() for row in range(shown.rowCount())] == \
        [probe.groups[0], probe.groups[0], "", probe.groups[0]]
    assert builder.results.summary.text().startswith("records 1 to 4 of 4")


def test_paths_and_custom_fields_complete_from_metadata_as_you_type(qtbot, ops, run_until, builder):
    click(qtbot, builder.tree_buttons["add_condition"])
    field = builder.editor.field
    qtbot.keyClicks(field, "assignedTo:homeGr")
    completions = builder.editor.completer.model()
    run_until(lambda: completions.rowCount() > 0, timeout=10)
    assert completions.stringList() == ["assignedTo:homeGroup", "assignedTo:homeGroupID"]
    field.selectAll()
    qtbot.keyClicks(field, "DE:Chan")  # custom-form fields come from metadata too
    run_until(lambda: completions.stringList() == ["DE:Channels"], timeout=10)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    field.setText("DE:Channels")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    run_until(lambda: ops.running == 0 and "DE:Channels" in builder.paths.known, timeout=10)
    assert builder.paths.known["DE:Channels"].kind is FieldKind.MULTI
    offered = [builder.editor.modifier.itemData(i) for i in range(builder.editor.modifier.count())]
    assert "allof" in offered and "gt" not in offered
    fields = builder.options.fields
    fields.setFocus()
    qtbot.keyClicks(fields, "project:name, assign")
    listed = builder.options.fields_completer.model()
    run_until(lambda: listed.rowCount() > 0, timeout=10)
    assert "project:name, assignedTo" in listed.stringList()
    assert "project:name, assignments" in listed.stringList()  # collections too


def test_modifiers_and_values_suit_the_field_type(qtbot, ops, run_until, builder):
    add_condition(qtbot, run_until, builder, ops, "priority", None, None)
    offered = [builder.editor.modifier.itemData(i) for i in range(builder.editor.modifier.count())]
    assert "gt" in offered and "between" in offered and "cicontains" not in offered
    add_condition(qtbot, run_until, builder, ops, "plannedCompletionDate", "between", None)
    editor = builder.editor
    assert editor.value.isVisible() and editor.upper.isVisible() and not editor.values.isVisible()
    wildcards = [editor.value.itemData(i) for i in range(editor.value.count())]
    assert {"$$TODAY", "$$TODAY-7d", "$$TODAYbm", "$$NOW"} <= set(wildcards)
    type_value(qtbot, builder, "$$TODAY-7d")
    upper = editor.upper.lineEdit()
    upper.setFocus()
    qtbot.keyClicks(upper, "$$TODAYe+1w")
    add_condition(qtbot, run_until, builder, ops, "status", "in", None)
    assert editor.values.isVisible() and not editor.value.isVisible()
    assert "NEW" in editor.values.toolTip() and "CPL" in editor.values.toolTip()
    editor.values.setFocus()
    qtbot.keyClicks(editor.values, "NEW")
    qtbot.keyClick(editor.values, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.values, "INP")
    add_condition(qtbot, run_until, builder, ops, "assignedToID", None, "$$USER")
    add_condition(qtbot, run_until, builder, ops, "description", "isnull", None)
    assert editor.no_value.isVisible() and not editor.value.isVisible()
    assert builder.search.query_string() == (
        "priority=&plannedCompletionDate=$$TODAY-7d&plannedCompletionDate_Range=$$TODAYe%2B1w"
        "&plannedCompletionDate_Mod=between&status=NEW&status=INP&status_Mod=in&assignedToID=$$USER"
        "&description=&description_Mod=isnull")
    settle(run_until, builder, ops)
    assert [p.message for p in builder.all_problems()] == ["priority: needs a value"]
    builder.select_condition(builder.search.query.conditions[0].id)
    assert builder.editor.problems.isVisible() and builder.editor.problems.text() == "priority: needs a value"


def test_the_count_follows_the_edits(qtbot, ops, run_until, builder, probe, session):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    settle(run_until, builder, ops)
    assert builder.count_label.text() == "6 matches"
    add_condition(qtbot, run_until, builder, ops, "priority", "gte", "2")
    settle(run_until, builder, ops)
    expected = count(session, builder.search.query)
    assert expected == 3 and builder.count_label.text() == "3 matches"
    click(qtbot, builder.tree_buttons["remove"])
    settle(run_until, builder, ops)
    assert builder.count_label.text() == "6 matches"
    click(qtbot, builder.undo_button)
    settle(run_until, builder, ops)
    assert builder.count_label.text() == "3 matches"


def test_pages_move_first_headers_sort_and_a_double_click_opens(qtbot, ops, run_until, builder, probe, session):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    builder.side_tabs.setCurrentIndex(1)
    builder.options.limit.setValue(4)
    builder.options.sorts.add_pair("name", "asc")
    first = run_and_wait(run_until, builder)
    assert names_of(first) == ["alpha one", "alpha two", "beta", "delta"]
    assert builder.results.next.isEnabled()
    shown: list[Any] = []
    builder.search_done.connect(shown.append)
    click(qtbot, builder.results.next)
    run_until(lambda: bool(shown), timeout=10)
    assert names_of(shown[-1]) == ["epsilon", "gamma"]
    assert "$$FIRST=4&$$LIMIT=4" in builder.query_panel.text()
    assert builder.options.first.value() == 4
    expected = run_page(session, builder.search.query, 4, 4)
    assert [row.key for row in shown[-1].rows] == [row["ID"] for row in expected.rows]
    header = builder.results.table.header()
    titles = [builder.results.model.headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())]
    builder.results.table.header().sectionClicked.emit(titles.index("Name ↑"))
    run_until(lambda: len(shown) == 2, timeout=10)
    assert builder.search.query.sorts[0].direction == "desc" and builder.search.query.first == 0
    assert names_of(shown[-1]) == ["gamma", "epsilon", "delta", "beta"]
    opened: list[tuple[str, str]] = []
    builder.open_requested.connect(lambda code, key: opened.append((code, key)))
    table = builder.results.table
    rect = table.visualRect(builder.results.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click starts so
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("TASK", probe.task_ids["gamma"])]


def test_another_object_type_searches_its_own_fields(qtbot, ops, run_until, builder, probe, session):
    choose_in_combo(qtbot, builder.object_picker, "PROJ")
    assert builder.search.object_code == "PROJ"
    add_condition(qtbot, run_until, builder, ops, "name", "cicontains", probe.project_name.upper())
    page = run_and_wait(run_until, builder)
    assert [row.key for row in page.rows] == [probe.project_id]
    assert builder.query_panel.request_line.text().startswith("GET /proj/search?")


def test_the_results_are_those_core_finds(qtbot, ops, run_until, builder, probe, session):
    add_condition(qtbot, run_until, builder, ops, "projectID", None, probe.project_id)
    add_condition(qtbot, run_until, builder, ops, "name", "cicontains", "ALPHA")
    page = run_and_wait(run_until, builder)
    expected = run_page(session, query("TASK", Condition("projectID", None, probe.project_id),
                                       Condition("name", "cicontains", "ALPHA")), 0, 100,
                        SearchSchema.of_session(session))
    assert sorted(row.key for row in page.rows) == sorted(row["ID"] for row in expected.rows)
    assert sorted(names_of(page)) == ["alpha one", "alpha two"]


def test_typing_a_field_twice_costs_one_metadata_answer(qtbot, ops, run_until, builder, session):
    click(qtbot, builder.tree_buttons["add_condition"])
    with requests_sent(session) as sent:
        type_field(qtbot, builder, "assignedTo:homeGroup:name")
        run_until(lambda: ops.running == 0 and "assignedTo:homeGroup:name" in builder.paths.known, timeout=10)
        click(qtbot, builder.tree_buttons["add_condition"])
        type_field(qtbot, builder, "assignedTo:homeGroup:name")
        settle(run_until, builder, ops)
    assert builder.paths.known["assignedTo:homeGroup:name"].label == "Assigned To > Home Group > Name"
    assert [event for event in sent if event.url.endswith("/metadata")] == []  # metadata was already in hand

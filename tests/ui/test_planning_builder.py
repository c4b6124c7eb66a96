"""The Planning filter builder against the simulator: built by clicking and by keyboard, both JSON tabs follow,
the same records come back through both grammars, nothing is sent while a problem is marked, and a server's
refusal lands on its condition."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from planning_builder_support import (
    choose_condition,
    choose_field,
    choose_in_combo,
    click,
    click_row,
    field_id,
    json_of,
    names_of,
    open_builder,
    record_type_named,
    requests_sent,
    run_and_wait,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from wfexplorer.core.planning import PlanningClient, RecordType, SearchRequest
from wfexplorer.core.planning.builder import Grammar
from wfexplorer.core.planning.filters import AND, OR, Condition, RelativeDate, SortKey
from wfexplorer.ui.filters.option_editors import OptionsEditor
from wfexplorer.ui.filters.value_editors import NumberEditor

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def clients(demo_server) -> Iterator[dict[int, PlanningClient]]:
    token = demo_server.credentials()["access_token"]
    made = {version: PlanningClient(demo_server.base_url, token, version=version) for version in (2, 1)}
    yield made
    for client in made.values():
        client.close()


@pytest.fixture(scope="module")
def campaigns(clients) -> RecordType:
    return record_type_named(clients[2], "2027 Marketing Plan", "Campaigns")


def check_options(qtbot: Any, editor: OptionsEditor, *labels: str) -> None:
    """Tick options with the keyboard: select the row, press Space."""
    editor.list.setFocus()
    for label in labels:
        (item,) = editor.list.findItems(label, Qt.MatchFlag.MatchExactly)
        editor.list.setCurrentItem(item)
        qtbot.keyClick(editor.list, Qt.Key.Key_Space)
        assert item.checkState() == Qt.CheckState.Checked


def build_two_levels(qtbot: Any, builder: Any) -> None:
    """Status is any of Planned, Active and (Budget greater than 100000 or Tags has any of Web), by clicking."""
    click(qtbot, builder.tree_buttons["add_condition"])
    choose_field(qtbot, builder, "Status")
    choose_condition(qtbot, builder, "is any of")
    check_options(qtbot, builder.editor.value_editor, "Active", "Planned")
    click(qtbot, builder.tree_buttons["add_group"])
    choose_field(qtbot, builder, "Budget")
    choose_condition(qtbot, builder, "greater than")
    number = builder.editor.value_editor
    assert isinstance(number, NumberEditor)
    qtbot.keyClicks(number.line, "100000")
    group = builder.state.parent_of(builder.tree.selected_node())
    click_row(qtbot, builder, group)
    click(qtbot, builder.tree_buttons["add_condition"])
    choose_field(qtbot, builder, "Tags")
    check_options(qtbot, builder.editor.value_editor, "Web")


def test_a_two_level_filter_built_by_clicking_gives_both_jsons_and_the_same_records(
        qtbot, ops, run_until, clients, campaigns, crashes):
    built = {}
    for version in (2, 1):
        builder = open_builder(qtbot, ops, run_until, clients[version], campaigns)
        build_two_levels(qtbot, builder)
        status, budget, tags = (field_id(builder, name) for name in ("Status", "Budget", "Tags"))
        assert builder.state.tree() == AND(
            Condition(status, "IS_ANY_OF", ("opt_status_planned", "opt_status_active")),  # in the field's order
            OR(Condition(budget, "GREATER_THAN", 100000), Condition(tags, "HAS_ANY_OF", ("opt_tags_web",))))
        assert json_of(builder, Grammar.V2) == {"filter": {"operator": "AND", "conditions": [
            {"fieldId": status, "condition": "IS_ANY_OF", "value": ["opt_status_planned", "opt_status_active"]},
            {"operator": "OR", "conditions": [
                {"fieldId": budget, "condition": "GREATER_THAN", "value": 100000},
                {"fieldId": tags, "condition": "HAS_ANY_OF", "value": ["opt_tags_web"]}]}]}}
        assert json_of(builder, Grammar.V1) == {"filters": [
            {status: {"$isAnyOf": ["opt_status_planned", "opt_status_active"]}},
            {"$or": [{budget: {"$greaterThan": 100000}}, {tags: {"$hasAnyOf": ["opt_tags_web"]}}]}],
            "offset": 0, "limit": 100, "recordTypeId": campaigns.id}
        assert builder.words.text() == ("Status is any of Planned, Active and (Budget greater than 100000 or "
                                        "Tags has any of Web)")
        table = run_and_wait(run_until, builder)
        built[version] = (table.total, [row.key for row in table.rows])
    assert built[2] == built[1]
    assert built[2][0] > 0
    assert crashes == []


def test_the_whole_filter_can_be_built_from_the_keyboard(qtbot, ops, run_until, clients, campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    builder.tree.setFocus()
    qtbot.keyClick(builder.tree, Qt.Key.Key_Insert)  # add a condition
    qtbot.keyClick(builder.tree, Qt.Key.Key_F2)  # go to its editor
    assert builder.editor.field_picker.hasFocus()
    choose_field(qtbot, builder, "Approved")
    builder.tree.setFocus()
    qtbot.keyClick(builder.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # a group with a condition
    qtbot.keyClick(builder.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # duplicate that condition
    qtbot.keyClick(builder.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(builder.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # out of the group
    qtbot.keyClick(builder.tree, Qt.Key.Key_Delete)
    name = field_id(builder, "Name")
    approved = field_id(builder, "Approved")
    assert builder.state.tree() == AND(Condition(approved, "IS", True), OR(Condition(name, "CONTAINS")))
    qtbot.keyClick(builder.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert builder.state.tree() == AND(Condition(approved, "IS", True), OR(Condition(name, "CONTAINS")),
                                       Condition(name, "CONTAINS"))  # the row taken out of the group is back


def test_dragging_a_row_into_a_group_moves_it(qtbot, ops, run_until, clients, campaigns, qtmodeltester):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    first = builder.add_condition()
    group = builder.add_group()
    model = builder.tree_model
    data = model.mimeData([model.index_of(first)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(group))
    assert not model.canDropMimeData(model.mimeData([model.index_of(group)]), Qt.DropAction.MoveAction, 0, 0,
                                     model.index_of(builder.state.children_of(group)[0]))
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(group))
    assert builder.state.parent_of(first) == group and builder.state.children_of(group)[0] == first
    qtmodeltester.check(model, force_py=True)


def test_the_tree_model_passes_the_model_tester_while_edited(qtbot, ops, run_until, clients, campaigns,
                                                            qtmodeltester):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    qtmodeltester.check(builder.tree_model, force_py=True)  # stays connected: every change below is checked
    build_two_levels(qtbot, builder)
    group = builder.state.children_of(builder.state.root_id)[1]
    builder.state.wrap_in_group(builder.state.children_of(group)[0], "AND")
    builder.state.move(builder.state.children_of(builder.state.root_id)[0], group, 0)
    builder.state.duplicate(group)
    builder.state.undo()
    builder.state.undo()
    builder.state.redo()
    builder.state.clear()


def test_every_row_and_editor_has_an_accessible_name(qtbot, ops, run_until, clients, campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    build_two_levels(qtbot, builder)
    model = builder.tree_model
    rows = [model.data(model.index_of(node.id), Qt.ItemDataRole.AccessibleTextRole) for node in builder.state.walk()]
    assert rows[1] == "Condition 1 of 2: Status is any of Planned, Active"
    assert all(rows)
    unnamed = [f"{type(widget).__name__} {widget.objectName()}"
               for kind in (QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView, QSpinBox)
               for widget in builder.findChildren(kind)
               if widget.isVisibleTo(builder) and not widget.accessibleName()
               and not isinstance(widget, QHeaderView) and not isinstance(widget.parent(), QComboBox | QSpinBox)]
    assert unnamed == []
    buttons = [button for button in builder.findChildren(QAbstractButton)
               if button.isVisibleTo(builder) and not (button.accessibleName() or button.text())]
    assert buttons == []


def test_incomplete_input_is_explained_on_its_row_and_nothing_is_sent(qtbot, ops, run_until, clients, campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    click(qtbot, builder.tree_buttons["add_condition"])
    choose_field(qtbot, builder, "Launch date")
    choose_condition(qtbot, builder, "is between")
    pair = builder.editor.value_editor
    qtbot.keyClicks(pair.first.text, "2027-06-30")
    qtbot.keyClicks(pair.second.text, "2027-03-01")
    with requests_sent(clients[2]) as sent:
        assert not builder.run()
        run_until(lambda: True)
    assert [event for event in sent if "search" in event.url] == []
    assert builder.status.isVisible() and builder.status.text().startswith("Nothing was sent")
    assert builder.editor.problems.text() == ("The range is the wrong way round: 2027-06-30 comes after 2027-03-01. "
                                              "Swap the two dates.")
    row = builder.tree_model.index_of(builder.tree.selected_node())
    assert "wrong way round" in builder.tree_model.data(row, Qt.ItemDataRole.ToolTipRole)
    assert builder.count_label.text() in ("", "— (fix the filter to count)")


def test_malformed_json_shows_line_and_column_and_keeps_the_last_good_filter(qtbot, ops, run_until, clients,
                                                                             campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    builder.add_condition()
    before = builder.state.tree()
    editor = builder.json_panel.tab(Grammar.V2).editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, '{"filter": {"operator": "AND",')
    builder.json_panel.apply_now()
    tab = builder.json_panel.tab(Grammar.V2)
    assert tab.problem.isVisible() and tab.problem.text().startswith("Line 1, column 31: This is not valid JSON")
    assert builder.state.tree() == before
    with requests_sent(clients[2]) as sent:
        assert not builder.run()
    assert sent == []
    click(qtbot, tab.revert)
    assert json.loads(editor.toPlainText())["filter"]["conditions"][0]["fieldId"] == field_id(builder, "Name")


def test_typing_a_v1_filter_rebuilds_the_tree_and_the_v2_tab_follows(qtbot, ops, run_until, clients, campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    budget = field_id(builder, "Budget")
    editor = builder.json_panel.tab(Grammar.V1).editor
    editor.setPlainText(json.dumps({"filters": [{"$or": [{budget: {"$lessThan": 900}},
                                                          {budget: "$isEmpty"}]}]}))
    builder.json_panel.apply_now()
    assert builder.state.tree() == AND(OR(Condition(budget, "LESS_THAN", 900), Condition(budget, "IS_EMPTY")))
    assert json_of(builder, Grammar.V2)["filter"]["conditions"][0]["operator"] == "OR"
    assert builder.words.text() == "Budget less than 900 or Budget is empty"


def test_a_server_refusal_is_shown_on_the_condition_it_concerns(qtbot, ops, run_until, clients, campaigns):
    client = clients[2]
    doomed = client.create_field(campaigns.id, {"displayName": "Short-lived score", "type": "NUMBER"})
    try:
        builder = open_builder(qtbot, ops, run_until, client, campaigns)
        builder.state.set_value(builder.add_condition(), "a")
        target = builder.add_group()
        condition = builder.state.children_of(target)[0]
        builder.state.set_field(condition, doomed.id)
        builder.state.set_value(condition, 3)
    finally:
        client.delete_field(doomed.id)
    assert builder.run()
    run_until(lambda: builder.status.isVisible(), timeout=10)
    assert "marked on the condition it concerns" in builder.status.text()
    assert builder.tree.selected_node() == condition
    assert "unknown field" in builder.editor.problems.text()
    tooltip = builder.tree_model.data(builder.tree_model.index_of(condition), Qt.ItemDataRole.ToolTipRole)
    assert "unknown field" in tooltip


def test_clicking_a_results_header_sorts_by_it_and_paging_moves_through_the_pages(qtbot, ops, run_until, clients,
                                                                                  campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    builder.state.set_page_size(25)
    first = run_and_wait(run_until, builder)
    budget = field_id(builder, "Budget")
    section = [column.key for column in first.columns].index(budget)
    shown = []
    builder.search_done.connect(shown.append)
    header = builder.results.table.header()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(section) + 5, header.height() // 2))
    run_until(lambda: bool(shown), timeout=10)
    assert builder.state.sort[0] == SortKey(budget)
    budgets = [row.values.get(budget) for row in shown[-1].rows if row.values.get(budget) is not None]
    assert budgets == sorted(budgets)
    assert builder.results.table.model().headerData(section, Qt.Orientation.Horizontal).endswith("↑")
    click(qtbot, builder.results.next)
    run_until(lambda: len(shown) == 2, timeout=10)
    assert shown[-1].offset == 25 and shown[-1].paging == "page=1&size=25"
    assert "records 26 to 50 of" in builder.results.summary.text()


def test_double_clicking_a_result_asks_to_open_that_record(qtbot, ops, run_until, clients, campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    table = run_and_wait(run_until, builder)
    view = builder.results.table
    index = view.model().index(0, 0)
    opened = []
    builder.open_requested.connect(lambda *args: opened.append(args))
    spot = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # a double click starts with a press
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened == [(campaigns.id, table.rows[0].key)]
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened[-1] == (campaigns.id, table.rows[1].key)


def test_the_results_model_passes_the_model_tester_flat_and_grouped(qtbot, ops, run_until, clients, campaigns,
                                                                   qtmodeltester):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    run_and_wait(run_until, builder)
    qtmodeltester.check(builder.results.model, force_py=True)  # stays connected through the grouped page
    builder.options.group.add_key(field_id(builder, "Status"))
    table = run_and_wait(run_until, builder)
    assert table.groups and builder.results.model.grouped
    assert builder.results.model.rowCount() == len(table.groups)


def test_results_export_as_csv_and_json(qtbot, ops, run_until, clients, campaigns, tmp_path):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns)
    builder.options.check_field(field_id(builder, "Name"))
    builder.options.check_field(field_id(builder, "Budget"))
    builder.state.set_page_size(5)
    table = run_and_wait(run_until, builder)
    assert [column.title for column in table.columns] == ["Name", "Budget"]
    builder.results.export(tmp_path / "rows.csv", "csv")
    builder.results.export(tmp_path / "rows.json", "json")
    lines = (tmp_path / "rows.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,Name,Budget" and len(lines) == 6
    document = json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in document["rows"]] == [row.key for row in table.rows]


def test_the_match_count_follows_edits_and_drops_stale_answers(qtbot, ops, run_until, clients, campaigns):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns, count_delay_ms=50)
    status = field_id(builder, "Status")
    node = builder.add_condition()
    builder.state.set_field(node, status)
    asked = builder.counter.asked
    for option in ("opt_status_active", "opt_status_planned", "opt_status_complete"):
        builder.state.set_value(node, option)  # three quick edits: one count
    run_until(lambda: builder.count_label.text().endswith(("match", "matches")), timeout=10)
    assert builder.counter.asked == asked + 1
    expected = clients[2].search(campaigns.id, builder.state.request()).total
    assert builder.count_label.text() == f"{expected:,} match{'' if expected == 1 else 'es'}"
    builder.counter.count_now()
    builder.state.set_value(node, "opt_status_active")
    builder.counter.count_now()  # the first of these two is cancelled or its answer dropped
    active = clients[2].search(campaigns.id, builder.state.request()).total
    run_until(lambda: builder.count_label.text() == f"{active:,} match{'' if active == 1 else 'es'}", timeout=10)


def test_copy_as_core_code_puts_runnable_code_on_the_clipboard(qtbot, ops, run_until, clients, campaigns, qapp):
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns,
                           snippet_renderers={"curl": lambda call: f"curl {call.url}"})
    builder.add_condition()
    assert builder.copy_as("wfexplorer.core") is None  # an empty value: nothing to copy yet
    builder.state.set_value(builder.tree.selected_node(), "Spring")
    code = builder.copy_as("wfexplorer.core")
    assert code == qapp.clipboard().text()
    assert "client.search(" in code and "WORKFRONT_TOKEN" in code and "'Spring'" in code
    assert builder.copy_as("curl") == f"curl {builder.current_call().url}"


def test_saved_filters_and_history_reopen_a_search(qtbot, ops, run_until, clients, campaigns, tmp_path):
    from wfexplorer.core.planning.builder import FilterStore

    store = FilterStore(tmp_path, "demo")
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns, store=store)
    node = builder.add_condition()
    builder.state.set_value(node, "Wave")
    builder.save_as("Waves")
    run_and_wait(run_until, builder)
    builder.state.clear()
    (saved,) = store.saved(campaigns.id)
    builder.open_saved(saved)
    assert builder.state.tree() == AND(Condition(field_id(builder, "Name"), "CONTAINS", "Wave"))
    (entry,) = store.history(campaigns.id)
    assert entry.total is not None and entry.sent_body["filter"]["conditions"][0]["value"] == "Wave"
    builder.state.clear()
    builder.open_history_entry(entry)
    assert names_of(run_and_wait(run_until, builder), builder) and all(
        "wave" in name.lower() for name in names_of(run_and_wait(run_until, builder), builder))


def test_saved_filters_are_renamed_and_deleted_after_a_yes(qtbot, ops, run_until, clients, campaigns, tmp_path,
                                                           monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from wfexplorer.core.planning.builder import FilterStore

    store = FilterStore(tmp_path, "demo")
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns, store=store)
    builder.state.set_value(builder.add_condition(), "Wave")
    builder.save_as("Waves")
    builder.save_as("Launches")
    dialog = builder.saved_menus.manage_dialog()
    qtbot.addWidget(dialog)
    assert sorted(dialog.names()) == ["Launches", "Waves"]
    dialog.list.setCurrentRow(dialog.names().index("Waves"))
    dialog.rename("Launches")
    assert not dialog.problem.isHidden() and "Launches" in dialog.problem.text(), "a name in use is refused in words"
    dialog.list.setCurrentRow(dialog.names().index("Waves"))
    dialog.rename("Spring waves")
    assert sorted(item.name for item in store.saved(campaigns.id)) == ["Launches", "Spring waves"]
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    dialog.list.setCurrentRow(dialog.names().index("Spring waves"))
    dialog.delete()
    assert len(store.saved(campaigns.id)) == 2, "No keeps it"
    dialog.delete()
    assert [item.name for item in store.saved(campaigns.id)] == ["Launches"] == dialog.names()


def test_relative_dates_resolve_when_the_search_runs_and_the_json_says_to_what(qtbot, ops, run_until, clients,
                                                                               campaigns):
    days = {"today": date(2027, 5, 1)}
    builder = open_builder(qtbot, ops, run_until, clients[2], campaigns, today=lambda: days["today"])
    click(qtbot, builder.tree_buttons["add_condition"])
    choose_field(qtbot, builder, "Launch date")
    choose_condition(qtbot, builder, "is after")
    editor = builder.editor.value_editor
    choose_in_combo(qtbot, editor.mode, "days ago")
    editor.days.setFocus()
    editor.days.selectAll()
    qtbot.keyClicks(editor.days, "30")
    launch = field_id(builder, "Launch date")
    assert builder.state.tree() == AND(Condition(launch, "IS_AFTER", RelativeDate(days=-30)))
    assert json_of(builder, Grammar.V2)["filter"]["conditions"][0]["value"] == "2027-04-01"
    notes = builder.json_panel.tab(Grammar.V2).notes.text()
    assert "filter.AND[0].value: today-30d → 2027-04-01" in notes
    assert builder.words.text() == "Launch date is after 30 days ago"
    first = run_and_wait(run_until, builder)
    assert first.total == clients[2].search(campaigns.id, SearchRequest(
        filter=AND(Condition(launch, "IS_AFTER", "2027-04-01")))).total
    assert all(row.values[launch] > "2027-04-01" for row in first.rows)
    days["today"] = date(2027, 9, 1)
    later = run_and_wait(run_until, builder)
    assert builder.last_call is not None and builder.last_call.body["filter"]["conditions"][0]["value"] == "2027-08-02"
    assert later.total < first.total

"""Pasting each example of the Planning basics page into the builder's JSON tab rebuilds the tree it describes;
the page's broken example is refused at its line and column, and the filter is left as it was."""

from __future__ import annotations

import json

import pytest
from fixture_files import fixture_text
from planning_builder_support import open_builder, record_type_named, requests_sent
from PySide6.QtCore import Qt

from wfexplorer.core.planning import PlanningClient
from wfexplorer.core.planning.builder import Grammar
from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    ConditionType,
    Direction,
    IdType,
    Paging,
    SortKey,
    UserId,
)

pytestmark = pytest.mark.gui

EXAMPLES = {example["name"]: example["text"] for example in json.loads(
    fixture_text("planning", "basics_examples.json"))["examples"]}

TREES = {
    "filter-and": AND(Condition("<fieldId>", "IS", "Active"), Condition("<fieldId>", "CONTAINS", "marketing")),
    "people-wf-id": AND(Condition("<userFieldId>", "HAS_ANY_OF",
                                  (UserId("63e3b13000078c1795146248182d15dc", IdType.WF),))),
    "external-id": AND(Condition("<externalReferenceFieldId>", "IS_ANY_OF",
                                 ("5f6a4f6e00000123456789abcdef0123",
                                  "/content/dam/wknd/en/adventures/bali-surf-camp"), True)),
    "paged-search": AND(Condition("<fieldId>", "IS", "active")),
    "sort": AND(),
    "sort-and-group": AND(),
}


@pytest.fixture(scope="module")
def client(demo_server):
    with PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"]) as planning:
        yield planning


@pytest.fixture
def builder(qtbot, ops, run_until, client):
    return open_builder(qtbot, ops, run_until, client, record_type_named(client, "2027 Marketing Plan", "Campaigns"))


def paste(qtbot, qapp, builder, text: str, grammar: Grammar = Grammar.V2) -> None:
    """Select all in a JSON tab and paste ``text`` with Ctrl+V, then let the tab read it."""
    editor = builder.json_panel.tab(grammar).editor
    qapp.clipboard().setText(text)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == text
    builder.json_panel.apply_now()


@pytest.mark.parametrize("name", sorted(TREES))
def test_each_basics_example_pasted_becomes_its_tree(qtbot, qapp, builder, name):
    paste(qtbot, qapp, builder, EXAMPLES[name])
    assert builder.state.tree() == TREES[name]
    assert not builder.json_panel.tab(Grammar.V2).problem.isVisible()


def test_the_sort_and_paging_examples_bring_their_sort_group_and_page(qtbot, qapp, builder):
    paste(qtbot, qapp, builder, EXAMPLES["sort"])
    assert builder.state.sort == (SortKey("F6527ecb25df57c441d92b9fc"),
                                  SortKey("F658afcbd4a0273c67c346fd5", Direction.DESC))
    paste(qtbot, qapp, builder, EXAMPLES["sort-and-group"])
    assert (builder.state.sort, builder.state.grouping) == ((SortKey("F001"),), (SortKey("F002"),))
    paste(qtbot, qapp, builder, EXAMPLES["paged-search"])
    assert builder.state.request().paging == Paging.of_page(1, 500)
    assert builder.options.page_size.value() == 500


@pytest.mark.parametrize("condition", list(ConditionType))
def test_each_modifier_example_pasted_becomes_a_group_of_its_condition(qtbot, qapp, builder, condition):
    paste(qtbot, qapp, builder, EXAMPLES[f"modifier-{condition.value.lower().replace('_', '-')}"])
    (only,) = builder.state.tree().children
    assert isinstance(only, Condition) and only.condition is condition
    assert "A single condition was read as an AND group of one." in builder.note.text()


def test_the_nested_example_is_refused_at_its_between_and_the_filter_stays(qtbot, qapp, builder, client):
    builder.add_condition()
    before = builder.state.tree()
    paste(qtbot, qapp, builder, EXAMPLES["filter-nested-or"])
    tab = builder.json_panel.tab(Grammar.V2)
    assert tab.problem.isVisible()
    assert tab.problem.text().startswith("Line 8, column 11: unknown condition 'BETWEEN'; did you mean IS_BETWEEN?")
    assert builder.state.tree() == before
    with requests_sent(client) as sent:
        assert not builder.run()
    assert sent == [] and "problem" in builder.status.text()
    corrected = EXAMPLES["filter-nested-or"].replace('"BETWEEN"', '"IS_BETWEEN"')
    paste(qtbot, qapp, builder, corrected)
    assert builder.state.tree() == OR(
        AND(Condition("<fieldId>", "IS_BETWEEN", ("2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z")),
            Condition("<fieldId>", "IS", "active")),
        AND(Condition("<fieldId>", "IS_BETWEEN", ("2024-04-15T00:00:00.000Z", "2024-04-16T00:00:00.000Z")),
            Condition("<fieldId>", "IS", "planned")))


def test_a_pasted_filter_naming_fields_the_record_type_lacks_is_marked_and_not_sent(qtbot, qapp, builder, client):
    paste(qtbot, qapp, builder, EXAMPLES["filter-and"])
    model = builder.tree_model
    first = builder.state.children_of(builder.state.root_id)[0]
    assert "no longer exists" in model.data(model.index_of(first), Qt.ItemDataRole.ToolTipRole)
    with requests_sent(client) as sent:
        assert not builder.run()
    assert sent == []


def test_a_v1_body_pasted_into_the_v1_tab_shows_its_v2_form(qtbot, qapp, builder):
    status = next(field.id for field in builder.fields if field.label == "Status")
    paste(qtbot, qapp, builder, json.dumps({"filters": [{status: {"$isAnyOf": ["opt_status_active"]}}],
                                            "offset": 50, "limit": 25}), Grammar.V1)
    assert builder.state.tree() == AND(Condition(status, "IS_ANY_OF", ("opt_status_active",)))
    assert builder.state.request().paging == Paging(50, 25)
    v2 = json.loads(builder.json_panel.text_of(Grammar.V2))
    assert v2 == {"filter": {"operator": "AND", "conditions": [
        {"fieldId": status, "condition": "IS_ANY_OF", "value": ["opt_status_active"]}]}}
    assert builder.json_panel.tab(Grammar.V2).request_line.text().endswith("?page=2&size=25")

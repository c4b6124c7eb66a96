"""The query string both ways in the classic builder: pasted text and URLs rebuild it (the examples of Workfront's
documentation among them), what it cannot show is kept and sent, and bad input is explained where it is, with
nothing sent — down to a server's refusal, put on the condition it concerns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from classic_builder_support import (
    Probe,
    add_condition,
    make_probe,
    open_builder,
    requests_sent,
    run_and_wait,
    settle,
    signed_in,
)
from PySide6.QtCore import Qt

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import Modifier, Part

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


def paste(qtbot: Any, builder: Any, text: str) -> None:
    """Select everything in the query string box and type ``text`` over it, then let it be read."""
    editor = builder.query_panel.editor
    editor.setFocus()
    editor.selectAll()
    editor.insertPlainText(text)  # what a paste does
    qtbot.waitUntil(lambda: not builder.query_panel.pending, timeout=5000)


def rows_of(builder: Any) -> list[list[str]]:
    """The condition tree as text: per group, its title and each row's field path, modifier and value columns.

    The field is read as its path: the first column shows a readable label once the field's metadata has
    arrived, which happens in its own time.
    """
    model = builder.tree_model
    shown = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        rows = []
        for row in range(model.rowCount(parent)):
            condition = model.condition_at(model.index(row, 0, parent))
            field = condition.field if condition is not None else model.index(row, 0, parent).data()
            rows.append(" | ".join([field, *(model.index(row, column, parent).data() for column in (1, 2))]))
        shown.append([parent.data(), *rows])
    return shown


DOCUMENTED = [
    ("status=CUR&status=PLN",
     [["All of these (1)", "status | is one of (default) | CUR, PLN"]]),
    ("entryDate=$$TODAY-7d&entryDate_Range=$$TODAY&entryDate_Mod=between",
     [["All of these (1)", "entryDate | is between | $$TODAY-7d and $$TODAY"]]),
    ("description_Mod=isnull",
     [["All of these (1)", "description | is empty | "]]),
    ("OR:1:portfolio:name=FixedAssets&OR:1:portfolio:name_Mod=eq&OR:1:assignedTo:name=Steve"
     "&OR:2:parent:name=Final Task",
     [["All of these (0)"],
      ["OR 1: all of these (2)", "portfolio:name | equals | FixedAssets", "assignedTo:name | equals (default) | Steve"],
      ["OR 2: all of these (1)", "parent:name | equals (default) | Final Task"]]),
    ("AND:1:name=red&AND:1:name_Mod=cinotcontains",
     [["All of these (1)", "name | does not contain (any case) | red"]]),
]


@pytest.mark.parametrize(("text", "tree"), DOCUMENTED, ids=[text[:30] for text, _ in DOCUMENTED])
def test_documented_query_strings_rebuild_the_builder(qtbot, builder, text, tree):
    paste(qtbot, builder, text)
    assert not builder.query_panel.broken, builder.query_panel.problem.text()
    assert rows_of(builder)[: len(tree)] == tree
    assert builder.search.query.raw == ()


def test_a_pasted_report_url_switches_to_report_mode_with_its_group_bys(qtbot, builder):
    paste(qtbot, builder, "https://acme.my.workfront.com/attask/api/v21.0/hour/report"
                          "?project:name_1_GroupBy=true&hours_AggFunc=sum&$$ROLLUP=true")
    assert builder.search.object_code == "HOUR" and builder.object_picker.currentData() == "HOUR"
    assert builder.search.mode == "report" and builder.options.mode.currentData() == "report"
    assert builder.options.group_bys.text() == "project:name"
    assert builder.options.aggregates.list.item(0).text() == "hours · sum"
    assert builder.options.rollup.isChecked()
    assert builder.query_panel.request_line.text() == \
        "GET /hour/report?project:name_GroupBy=true&hours_AggFunc=sum&$$ROLLUP=true"


def test_a_pasted_url_rebuilds_the_builder_keeps_what_it_cannot_show_and_finds_the_same_rows(
        qtbot, ops, run_until, builder, probe, session):
    """The EXISTS block (tasks whose project has the probe's name) is kept and sent: other projects' "alpha" tasks
    stay out."""
    name = probe.project_name.replace(" ", "%20")
    url = (f"{session.url}/task/search?name=alpha&name_Mod=cicontains&EXISTS:A:$$OBJCODE=PROJ"
           f"&EXISTS:A:ID=FIELD:projectID&EXISTS:A:name={name}&sessionID=not-kept&OR:x:name=zzz")
    paste(qtbot, builder, url)
    assert rows_of(builder) == [["All of these (1)", "name | contains (any case) | alpha"]]
    raw = builder.search.query.raw
    assert raw == (("EXISTS:A:$$OBJCODE", "PROJ"), ("EXISTS:A:ID", "FIELD:projectID"),
                   ("EXISTS:A:name", probe.project_name), ("OR:x:name", "zzz"))
    shown = builder.query_panel.raw.text()
    assert builder.query_panel.raw.isVisible()
    assert all(f"{key}={value}" in shown for key, value in raw)
    assert "sessionID" in builder.query_panel.notes.text()  # the credential is named as removed, not kept
    assert "not-kept" not in builder.query_panel.text()
    settle(run_until, builder, ops)
    # the malformed OR group is refused before anything is sent, on the raw parameter it is
    assert [p.message for p in builder.all_problems() if p.part is Part.RAW] == \
        ["OR:x:name: an OR group needs a number (OR:1:name)"]
    with requests_sent(session) as sent:
        assert not builder.run()
    assert sent == []
    assert "OR:x:name" in builder.status.text()
    # without it, the kept EXISTS block is sent as it is
    paste(qtbot, builder, builder.query_panel.text().replace("&OR:x:name=zzz", ""))
    assert builder.search.query.raw == raw[:3]
    page = run_and_wait(run_until, builder)
    assert sorted(row.key for row in page.rows) == sorted([probe.task_ids["alpha one"], probe.task_ids["alpha two"]])


def test_editing_the_builder_after_a_paste_keeps_the_raw_parameters(qtbot, ops, run_until, builder):
    paste(qtbot, builder, "name=x&map=true&EXISTS:A:$$OBJCODE=ASSGN")
    add_condition(qtbot, run_until, builder, ops, "priority", "gt", "1")
    assert builder.search.query_string() == "name=x&priority=1&priority_Mod=gt&map=true&EXISTS:A:$$OBJCODE=ASSGN"
    assert builder.query_panel.text() == builder.search.query_string()


def test_an_unparseable_query_string_is_marked_and_the_builder_keeps_its_search(qtbot, ops, run_until, builder,
                                                                                 session):
    add_condition(qtbot, run_until, builder, ops, "name", "cicontains", "alpha")
    before = builder.search.query
    paste(qtbot, builder, "name=a&&=b")
    panel = builder.query_panel
    assert panel.broken and panel.problem.isVisible()
    assert panel.problem.text().startswith("At character 9: A parameter without a name")
    assert panel.editor.extraSelections()[0].cursor.position() == 8
    paste(qtbot, builder, "name=a\n&&=b")  # the line breaks the box shows between parameters are not counted
    assert panel.problem.text().startswith("At character 9: A parameter without a name")
    (marked,) = panel.editor.extraSelections()
    assert panel.editor.toPlainText()[marked.cursor.position()] == "="
    assert builder.search.query == before
    with requests_sent(session) as sent:
        assert not builder.run()
    assert sent == [] and "query string cannot be read" in builder.status.text()
    qtbot.mouseClick(panel.revert, Qt.MouseButton.LeftButton)
    assert not panel.broken and panel.text() == "name=alpha&name_Mod=cicontains"


def test_bad_input_is_explained_on_its_condition_and_nothing_is_sent(qtbot, ops, run_until, builder, session):
    empty = add_condition(qtbot, run_until, builder, ops, "name", "cicontains", None)
    wrong_modifier = add_condition(qtbot, run_until, builder, ops, "priority", None, "2")
    builder.search.update_condition(wrong_modifier, modifier=Modifier.CICONTAINS)  # as a pasted string may say
    unknown = add_condition(qtbot, run_until, builder, ops, "project:colour", None, "red")
    settle(run_until, builder, ops)
    problems = {problem.target_id: problem.message for problem in builder.all_problems()}
    assert problems[empty] == "name: needs a value"
    assert problems[wrong_modifier].startswith("priority: cicontains (contains (any case)) does not apply to a number "
                                               "field; use one of eq, ne")
    assert problems[unknown] == "project:colour: Project has no field 'colour'"
    model = builder.tree_model
    assert "Problem: priority: cicontains" in model.index_of(wrong_modifier).data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.index_of(unknown).data(Qt.ItemDataRole.DecorationRole) is not None
    builder.select_condition(wrong_modifier)
    offered = builder.editor.modifier.currentText()
    assert offered == "cicontains (not for this field)"  # shown, marked; not silently replaced
    with requests_sent(session) as sent:
        assert not builder.run()
        run_until(lambda: ops.running == 0)
    assert [event for event in sent if "/search" in event.url or "/count" in event.url] == []
    assert builder.status.text().startswith("Nothing was sent: fix the 3 problems marked in the search. "
                                            "name: needs a value priority: cicontains")
    assert builder.selected_condition() == empty  # the first problem's condition, ready to be fixed


def test_a_server_refusal_is_shown_on_the_condition_it_concerns(qtbot, ops, run_until, tmp_path, demo_server):
    """Metadata in hand may be older than the server: a field it lists may be refused. The refusal lands on its
    condition (not only in a box somewhere)."""
    with signed_in(demo_server, tmp_path / "sign-in") as own:
        answer = own.get("/proj/metadata")
        answer["fields"]["colour"] = {"label": "Colour", "fieldType": "string", "flags": []}
        own.metadata.accept("PROJ", answer)  # metadata cached before the server dropped the field
        builder = open_builder(qtbot, ops, run_until, own, tmp_path)
        add_condition(qtbot, run_until, builder, ops, "name", None, "x")
        colour = add_condition(qtbot, run_until, builder, ops, "project:colour", None, "red")
        settle(run_until, builder, ops)
        assert builder.all_problems() == []  # metadata knows nothing wrong with it
        assert builder.count_label.text().startswith("Not counted:")  # the server does
        assert builder.run()
        run_until(lambda: builder.status.isVisible() and builder.run_button.isEnabled(), timeout=10)
        assert builder.status.text().startswith("The server refused the search (marked on the condition it concerns)")
        assert "colour" in builder.status.text()
        assert builder.selected_condition() == colour
        assert builder.editor.problems.isVisible() and "does not support field colour" in builder.editor.problems.text()
        assert builder.tree_model.problems_of(colour)

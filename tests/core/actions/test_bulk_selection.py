"""Tree rows as a bulk edit: which selections are one edit (and why the others are not), and the rows showing
what was written, in place, with no request."""

from __future__ import annotations

from wfexplorer.core.actions import BulkOutcome, RowResult
from wfexplorer.core.actions.bulk import BulkRow
from wfexplorer.core.actions.selection import bulk_selection, show_written, written_values
from wfexplorer.core.browse import (
    BrowseTree,
    LoadState,
    NodeKind,
    NodeSpec,
    ObjectRef,
    ObjectTypeRef,
    RecordRef,
    RecordTypeRef,
)
from wfexplorer.core.browse.nodes import Packed
from wfexplorer.core.editing.specs import Api
from wfexplorer.core.journal.entries import Change, JournalEntry, Kind

CAMPAIGNS = RecordTypeRef("rt-1", "ws-1", "f-name")
MIRRORED = RecordTypeRef("rt-2", "ws-1", "f-name", classic_code="PROJ")


def task(n: int, *, expanded: bool = False) -> NodeSpec:
    references = (NodeSpec(NodeKind.REFERENCE, "Assigned to", detail="(none)"),) if expanded else None
    return NodeSpec(NodeKind.OBJECT, f"Task {n}", ObjectRef("TASK", f"t{n}"), expandable=True,
                    data={"ID": f"t{n}", "name": f"Task {n}"}, children=references)


def record(n: int, record_type: RecordTypeRef = CAMPAIGNS) -> NodeSpec:
    return NodeSpec(NodeKind.RECORD, f"Campaign {n}", RecordRef(f"r{n}", record_type), expandable=True,
                    data=Packed.of({"f-name": f"Campaign {n}", "f-budget": n}))


def tree() -> BrowseTree:
    tasks = NodeSpec(NodeKind.OBJECT_TYPE, "Task (TASK)", ObjectTypeRef("TASK", "Task", "Task"), expandable=True,
                     children=(task(1, expanded=True), task(2), task(3)))
    projects = NodeSpec(NodeKind.OBJECT_TYPE, "Project (PROJ)", ObjectTypeRef("PROJ", "Project", "Project"),
                        expandable=True, children=(NodeSpec(NodeKind.OBJECT, "Apollo", ObjectRef("PROJ", "p1")),))
    campaigns = NodeSpec(NodeKind.RECORD_TYPE, "Campaigns", CAMPAIGNS, expandable=True,
                         children=(record(1), record(2), record(3, MIRRORED)))
    return BrowseTree([tasks, projects, campaigns])


def rows(built: BrowseTree, *labels: str):
    return [node for node in built.walk() if node.label in labels]


def test_objects_of_one_type_are_one_classic_edit_with_their_ids_and_names():
    built = tree()
    chosen = bulk_selection(rows(built, "Task 1", "Task 3"))
    assert chosen.ok and chosen.api is Api.CLASSIC and chosen.type == "TASK" and chosen.type_label == "Task"
    assert chosen.rows == (BulkRow("t1", "Task 1"), BulkRow("t3", "Task 3"))


def test_records_of_one_type_are_one_planning_edit_carrying_the_values_they_were_listed_with():
    chosen = bulk_selection(rows(tree(), "Campaign 1", "Campaign 2"))
    assert chosen.ok and chosen.api is Api.PLANNING and chosen.type == "rt-1" and chosen.type_label == "Campaigns"
    assert chosen.rows[1].before == {"f-name": "Campaign 2", "f-budget": 2}


def test_each_selection_that_is_not_one_edit_says_why():
    built = tree()
    assert "Select two or more" in bulk_selection(rows(built, "Task 1")).why
    assert "mixes 2 object types (PROJ, TASK)" in bulk_selection(rows(built, "Task 1", "Apollo")).why
    assert "“Task (TASK)” is neither" in bulk_selection(rows(built, "Task (TASK)", "Task 1")).why
    assert "mixes classic objects and Planning records" in bulk_selection(rows(built, "Task 1", "Campaign 1")).why
    assert "2 record types" in bulk_selection(rows(built, "Campaign 1", "Campaign 3")).why
    assert "read-only" in bulk_selection(rows(built, "Task 1", "Task 2"), read_only=True).why
    assert "101 rows are selected; one bulk edit changes at most 100" in bulk_selection(rows(built, "Task 1") * 101).why


class Changes:
    """A tree listener counting what it hears."""

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.structural = 0

    def rows_inserting(self, parent, first, last):
        self.structural += 1

    def rows_inserted(self, parent, first, last):
        pass

    def rows_removing(self, parent, first, last):
        self.structural += 1

    def rows_removed(self, parent, first, last):
        pass

    def node_changed(self, node):
        self.labels.append(node.label)


def entry(object_id: str, key: str, after: object) -> JournalEntry:
    return JournalEntry.create(Kind.BULK, object_id=object_id, changes=(Change(key, key, None, after),), ok=True)


def test_written_values_show_in_the_rows_in_place_and_only_expanded_rows_want_a_reload():
    built = tree()
    first, second = rows(built, "Task 1", "Task 2")
    assert first.state is LoadState.LOADED and second.state is LoadState.UNLOADED   # only the first was expanded
    outcome = BulkOutcome((RowResult(BulkRow("t1"), True), RowResult(BulkRow("t2"), True)),
                          (entry("t1", "name", "Renamed"), entry("t2", "name", "Renamed")))
    heard = Changes()
    built.listeners.append(heard)
    expanded = show_written(built, written_values(outcome), code="TASK", name_field="name", type_label="Task")
    assert (first.label, second.label) == ("Renamed", "Renamed") and heard.labels == ["Renamed", "Renamed"]
    assert heard.structural == 0                       # rows changed in place: none removed or inserted
    assert second.data == {"ID": "t2", "name": "Renamed"} and first.children[0].label == "Assigned to"
    assert expanded == [first]


def test_a_written_record_keeps_its_other_values_and_its_label_follows_the_primary_field_only():
    built = tree()
    one, two = rows(built, "Campaign 1", "Campaign 2")
    show_written(built, {"r1": {"f-budget": 10}, "r2": {"f-name": "Autumn"}})
    assert one.label == "Campaign 1" and one.data.unpack() == {"f-name": "Campaign 1", "f-budget": 10}
    assert two.label == "Autumn" and two.data.unpack()["f-name"] == "Autumn"

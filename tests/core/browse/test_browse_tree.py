"""The browse tree on its own: load states, announcements in pairs, stale results dropped, paging, pins."""

from __future__ import annotations

from wfexplorer.core import errors
from wfexplorer.core.browse import (
    BrowseTree,
    LoadResult,
    LoadState,
    MessageRole,
    NodeKind,
    NodeSpec,
    ObjectRef,
)
from wfexplorer.core.browse.tree import LOADING_TEXT, PINNED_TEXT


class Recorder:
    """A TreeListener that writes down what it hears and checks each change is bracketed."""

    def __init__(self, tree: BrowseTree) -> None:
        self.tree = tree
        self.heard: list[tuple[str, str, int, int]] = []
        self.open: tuple[str, int, int, int] | None = None

    def rows_inserting(self, parent, first, last):
        assert self.open is None, "a change began inside another"
        self.open = ("insert", parent.id, first, last)
        assert len(parent.children) >= first

    def rows_inserted(self, parent, first, last):
        assert self.open == ("insert", parent.id, first, last)
        self.open = None
        self.heard.append(("inserted", parent.label, first, last))
        assert [child.row for child in parent.children] == list(range(len(parent.children)))

    def rows_removing(self, parent, first, last):
        assert self.open is None
        self.open = ("remove", parent.id, first, last)

    def rows_removed(self, parent, first, last):
        assert self.open == ("remove", parent.id, first, last)
        self.open = None
        self.heard.append(("removed", parent.label, first, last))

    def node_changed(self, node):
        assert self.open is None
        self.heard.append(("changed", node.label, node.row, node.row))


def objects(count: int, start: int = 0) -> tuple[NodeSpec, ...]:
    return tuple(NodeSpec(NodeKind.OBJECT, f"Object {n}", ObjectRef("PROJ", f"{n:032x}"), expandable=True)
                 for n in range(start, start + count))


def make_tree() -> tuple[BrowseTree, Recorder]:
    tree = BrowseTree([NodeSpec(NodeKind.CLASSIC, "Workfront", expandable=True)])
    recorder = Recorder(tree)
    tree.listeners.append(recorder)
    return tree, recorder


def test_a_node_loading_for_the_first_time_shows_loading_then_its_children():
    tree, heard = make_tree()
    (top,) = tree.root.children
    assert top.can_fetch and top.state is LoadState.UNLOADED
    request = tree.begin_load(top)
    assert request is not None and top.state is LoadState.LOADING and not top.can_fetch
    assert [child.label for child in top.children] == [LOADING_TEXT]
    assert tree.begin_load(top) is None, "a node already loading does not start twice"
    assert tree.apply(LoadResult(request, objects(3), total=3))
    assert [child.label for child in top.children] == ["Object 0", "Object 1", "Object 2"]
    assert top.state is LoadState.LOADED and top.detail == "3"
    assert ("removed", "Workfront", 0, 0) in heard.heard and ("inserted", "Workfront", 0, 2) in heard.heard
    assert heard.open is None


def test_a_result_for_a_node_reloaded_since_is_stale_and_changes_nothing():
    tree, _ = make_tree()
    (top,) = tree.root.children
    first = tree.begin_load(top)
    second = tree.reload(top)
    assert first is not None and second is not None and second.generation > first.generation
    assert not tree.apply(LoadResult(first, objects(5)))
    assert [child.label for child in top.children] == [LOADING_TEXT]
    assert tree.apply(LoadResult(second, objects(2)))
    assert len(top.children) == 2


def test_a_failure_keeps_the_error_in_the_node_and_a_reload_replaces_it():
    tree, _ = make_tree()
    (top,) = tree.root.children
    request = tree.begin_load(top)
    failure = errors.NetworkError("Could not reach the server: connection refused")
    assert tree.fail(request, failure)
    assert top.state is LoadState.FAILED and top.error is failure
    (message,) = top.children
    assert message.payload is MessageRole.ERROR and message.label == failure.message
    retry = tree.reload(top)
    assert retry is not None and tree.apply(LoadResult(retry, objects(1)))
    assert [child.kind for child in top.children] == [NodeKind.OBJECT] and top.error is None


def test_pages_append_behind_a_load_more_row_that_counts_what_is_shown():
    tree, _ = make_tree()
    (top,) = tree.root.children
    request = tree.begin_load(top)
    tree.apply(LoadResult(request, objects(200), total=450, next_first=200))
    more = top.children[-1]
    assert more.kind is NodeKind.MORE and more.label == "Load 200 more (200 of 450 shown)"
    assert top.detail == "200 of 450" and top.loaded_count == 200
    page = tree.begin_load(top, first=200)
    assert page is not None and page.is_more and page.total == 450 and more.label == LOADING_TEXT
    assert tree.begin_load(top, first=200) is None
    tree.apply(LoadResult(page, objects(200, 200), next_first=400))
    assert top.loaded_count == 400 and top.children[-1].label == "Load 200 more (400 of 450 shown)"
    last = tree.begin_load(top, first=400)
    tree.apply(LoadResult(last, objects(50, 400)))
    assert top.loaded_count == 450 and top.children[-1].kind is NodeKind.OBJECT and top.detail == "450"


def test_a_page_goes_in_above_the_load_more_row_which_stays_until_the_last_page():
    tree, recorder = make_tree()
    (top,) = tree.root.children
    tree.apply(LoadResult(tree.begin_load(top), objects(200), total=450, next_first=200))
    more = top.children[-1]
    recorder.heard.clear()
    tree.apply(LoadResult(tree.begin_load(top, first=200), objects(200, 200), next_first=400))
    assert top.children[-1] is more and more.row == 400 and more.state is LoadState.LOADED
    assert [child.label for child in top.children[198:202]] == ["Object 198", "Object 199", "Object 200", "Object 201"]
    assert ("inserted", "Workfront", 200, 399) in recorder.heard
    assert not [heard for heard in recorder.heard if heard[0] == "removed"], "nothing removed while pages remain"
    tree.apply(LoadResult(tree.begin_load(top, first=400), objects(50, 400)))
    assert more.parent is None or more not in top.children
    assert ("removed", "Workfront", 450, 450) in recorder.heard


def test_a_failed_page_keeps_what_was_shown_and_says_how_to_try_again():
    tree, _ = make_tree()
    (top,) = tree.root.children
    tree.apply(LoadResult(tree.begin_load(top), objects(200), total=300, next_first=200))
    page = tree.begin_load(top, first=200)
    tree.fail(page, errors.RateLimitedError("Too many requests; try again in a minute."))
    assert top.loaded_count == 200 and top.state is LoadState.LOADED
    more = top.children[-1]
    assert more.state is LoadState.FAILED and "Too many requests" in more.label and "try again" in more.label


def test_a_failed_reload_keeps_the_rows_under_its_error_and_counts_only_the_rows():
    tree, _ = make_tree()
    (top,) = tree.root.children
    tree.apply(LoadResult(tree.begin_load(top), objects(200), total=300, next_first=200))
    reload = tree.reload(top)
    assert tree.fail(reload, errors.NetworkError("Could not reach the server: connection refused"))
    kinds = [child.kind for child in top.children]
    assert kinds[0] is NodeKind.MESSAGE and kinds[-1] is NodeKind.MORE and kinds.count(NodeKind.OBJECT) == 200
    assert top.loaded_count == 200


def test_children_known_in_advance_cost_no_load():
    tree = BrowseTree([NodeSpec(NodeKind.REFERENCE, "Project", children=objects(1), expandable=True)])
    (reference,) = tree.root.children
    assert reference.state is LoadState.LOADED and not reference.can_fetch
    assert reference.children[0].parent is reference


def test_find_looks_only_at_loaded_rows_and_ignores_messages():
    tree, _ = make_tree()
    (top,) = tree.root.children
    tree.apply(LoadResult(tree.begin_load(top), (*objects(3), *objects(1, 10)), total=4))
    assert [node.label for node in tree.find("object 1")] == ["Object 1", "Object 10"]
    assert tree.find("loading") == [] and tree.find("  ") == []


def test_removed_nodes_are_forgotten_and_a_cancelled_load_can_start_again():
    tree, _ = make_tree()
    (top,) = tree.root.children
    tree.apply(LoadResult(tree.begin_load(top), objects(2), total=2))
    old_ids = [child.id for child in top.children]
    request = tree.reload(top)
    tree.apply(LoadResult(request, objects(1, 5), total=1))
    assert all(tree.node(node_id) is None for node_id in old_ids)
    again = tree.reload(top)
    tree.cancel(again)
    assert top.state is LoadState.LOADED and tree.reload(top) is not None


def test_an_object_opened_by_link_is_pinned_once():
    tree, _ = make_tree()
    spec = objects(1)[0]
    pinned = tree.pin(spec)
    group = tree.top(NodeKind.PINNED)
    assert group is not None and group.label == PINNED_TEXT and pinned.parent is group
    assert tree.pin(spec) is pinned and len(group.children) == 1


def test_every_name_the_package_lists_is_there():
    import wfexplorer.core.browse as browse

    assert [name for name in browse.__all__ if not hasattr(browse, name)] == []

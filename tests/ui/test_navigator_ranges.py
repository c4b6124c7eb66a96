"""A long list folds its older pages into range rows ("Rows 1 to 5"), in the model only, and keeps the rest.

These use a fold of 5 rows (the application's is 500) over a browse tree fed with load results, as the
loaders would return them; Qt's model tester watches every change.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication

from wfexplorer.core import errors
from wfexplorer.core.browse import BrowseTree, LoadResult, Node, NodeKind, NodeSpec, ObjectRef
from wfexplorer.ui.tree.model import NavigatorModel

TOTAL = 23


@pytest.fixture(params=[False, True], ids=["qt-tester", "python-tester"])
def folded(request: Any, qapp: Any, qtmodeltester: Any) -> tuple[NavigatorModel, Node]:
    tree = BrowseTree([NodeSpec(NodeKind.OBJECT_TYPE, "Task (TASK)", expandable=True)])
    model = NavigatorModel(tree, lambda node: None, fold=5)
    qtmodeltester.check(model, force_py=request.param)
    return model, tree.root.children[0]


def rows(count: int, start: int) -> tuple[NodeSpec, ...]:
    return tuple(NodeSpec(NodeKind.OBJECT, f"Task {number}", ObjectRef("TASK", f"{number:032x}"), expandable=True)
                 for number in range(start + 1, start + count + 1))


def page(model: NavigatorModel, tasks: Node, count: int = 3) -> None:
    """The next ``count`` rows arrive, as "Load more" brings them (the first page as the first load does)."""
    shown = tasks.loaded_count
    request = model.tree.begin_load(tasks, first=shown)
    assert request is not None
    count = min(count, TOTAL - shown)
    after = shown + count
    model.tree.apply(LoadResult(request, rows(count, shown), total=TOTAL,
                                next_first=after if after < TOTAL else None))


def shown(model: NavigatorModel, parent: QModelIndex) -> list[str]:
    return [model.data(model.index(row, 0, parent)) for row in range(model.rowCount(parent))]


def test_rows_before_the_page_just_loaded_fold_by_fives_and_the_page_stays_in_sight(folded):
    model, tasks = folded
    page(model, tasks)
    page(model, tasks)
    assert shown(model, model.index_of(tasks)) == [
        "Task 1", "Task 2", "Task 3", "Task 4", "Task 5", "Task 6", "Load 200 more (6 of 23 shown)"]
    page(model, tasks)
    assert shown(model, model.index_of(tasks)) == [
        "Rows 1 to 5", "Task 6", "Task 7", "Task 8", "Task 9", "Load 200 more (9 of 23 shown)"]
    page(model, tasks)
    assert shown(model, model.index_of(tasks))[:2] == ["Rows 1 to 5", "Task 6"], "Task 10 came with the page"
    while tasks.children[-1].kind is NodeKind.MORE:
        page(model, tasks)
    assert tasks.loaded_count == TOTAL
    assert shown(model, model.index_of(tasks)) == [
        "Rows 1 to 5", "Rows 6 to 10", "Rows 11 to 15", "Rows 16 to 20", "Task 21", "Task 22", "Task 23"]
    second = model.index(1, 0, model.index_of(tasks))
    assert shown(model, second) == ["Task 6", "Task 7", "Task 8", "Task 9", "Task 10"]
    assert model.data(second, Qt.ItemDataRole.ToolTipRole).startswith("Rows 6 to 10 of “Task (TASK)”")
    assert model.data(second, Qt.ItemDataRole.AccessibleDescriptionRole) == "5 rows, folded; expand to show them"
    assert model.is_range(second) and model.node(second) is tasks


def test_every_row_knows_its_place_inside_or_outside_its_range(folded):
    model, tasks = folded
    while not tasks.children or tasks.children[-1].kind is NodeKind.MORE:
        page(model, tasks)
    for node in tasks.children:
        index = model.index_of(node)
        assert model.index(index.row(), 0, index.parent()) == index
        assert model.node(index) is node
    assert model.index_of(tasks.children[7]).parent() == model.index(1, 0, model.index_of(tasks))
    assert model.index_of(tasks.children[20]).parent() == model.index_of(tasks)
    assert not model.canFetchMore(model.index(0, 0, model.index_of(tasks))), "a range costs no request"


def test_a_list_loaded_at_once_is_not_folded(folded):
    model, tasks = folded
    request = model.tree.begin_load(tasks)
    model.tree.apply(LoadResult(request, rows(12, 0), total=12))
    assert model.rowCount(model.index_of(tasks)) == 12
    assert not any(model.is_range(model.index(row, 0, model.index_of(tasks))) for row in range(12))


def test_an_error_above_the_rows_leaves_them_folded_and_the_next_pages_fold_behind_it(folded):
    model, tasks = folded
    for _ in range(5):
        page(model, tasks)
    kept = QPersistentModelIndex(model.index_of(tasks.children[2]))  # "Task 3", inside "Rows 1 to 5"
    model.tree.fail(model.tree.reload(tasks), errors.NetworkError("The network is down"))
    assert shown(model, model.index_of(tasks)) == [
        "The network is down", "Rows 1 to 5", "Rows 6 to 10", "Task 11", "Task 12", "Task 13", "Task 14",
        "Task 15", "Load 200 more (15 of 23 shown)"], "the old rows stay as they were, under the error"
    assert model.data(kept) == "Task 3" and kept.parent() == model.index(1, 0, model.index_of(tasks))
    page(model, tasks)
    assert shown(model, model.index_of(tasks)) == [
        "The network is down", "Rows 1 to 5", "Rows 6 to 10", "Rows 11 to 15", "Task 16", "Task 17",
        "Task 18", "Load 200 more (18 of 23 shown)"]
    for node in tasks.children:
        index = model.index_of(node)
        assert model.index(index.row(), 0, index.parent()) == index and model.node(index) is node
    assert shown(model, model.index(3, 0, model.index_of(tasks))) == [f"Task {n}" for n in range(11, 16)]


def test_a_reload_after_an_error_takes_the_error_away_then_replaces_the_folded_rows_with_its_own_pages(folded):
    model, tasks = folded
    for _ in range(5):
        page(model, tasks)
    kept = QPersistentModelIndex(model.index_of(tasks.children[2]))
    model.tree.fail(model.tree.reload(tasks), errors.NetworkError("The network is down"))
    request = model.tree.reload(tasks)
    assert shown(model, model.index_of(tasks))[:2] == ["Rows 1 to 5", "Rows 6 to 10"], "the error row went"
    assert model.data(kept) == "Task 3" and kept.parent() == model.index(0, 0, model.index_of(tasks))
    model.tree.apply(LoadResult(request, rows(3, 0), total=TOTAL, next_first=3))
    assert shown(model, model.index_of(tasks)) == ["Task 1", "Task 2", "Task 3", "Load 200 more (3 of 23 shown)"]
    assert not kept.isValid()


def test_a_row_removed_from_inside_a_range_opens_the_ranges_from_there_and_the_current_row_stays(folded):
    # Nothing in the application removes a row from the middle of a list today; the tree allows it, and the
    # model must stay right when it happens.
    model, tasks = folded
    for _ in range(5):
        page(model, tasks)
    inside = QPersistentModelIndex(model.index_of(tasks.children[8]))  # "Task 9", in "Rows 6 to 10"
    second_range = QPersistentModelIndex(model.index(1, 0, model.index_of(tasks)))
    model.tree._remove(tasks, 7, 7)  # "Task 8"
    assert shown(model, model.index_of(tasks))[:4] == ["Rows 1 to 5", "Task 6", "Task 7", "Task 9"]
    assert model.data(inside) == "Task 9" and inside.parent() == model.index_of(tasks)
    assert model.data(second_range) == "Task 6", "a range row that goes gives its place to its first row"


def test_a_reload_of_a_folded_list_replaces_its_ranges_and_rows_in_one_removal(folded):
    model, tasks = folded
    for _ in range(6):
        page(model, tasks)
    removals: list[tuple[int, int]] = []
    model.rowsAboutToBeRemoved.connect(lambda parent, first, last: removals.append((first, last)))
    request = model.tree.reload(tasks)
    model.tree.apply(LoadResult(request, rows(4, 0), total=4))
    assert removals == [(0, 6)], "three ranges, three rows and Load more, at once"
    assert shown(model, model.index_of(tasks)) == ["Task 1", "Task 2", "Task 3", "Task 4"]


def test_a_load_more_whose_page_failed_looks_failed_and_says_how_to_retry(folded):
    model, tasks = folded
    page(model, tasks)
    request = model.tree.begin_load(tasks, first=tasks.loaded_count)
    model.tree.fail(request, errors.RateLimitedError("Too many concurrent API requests"))
    more = model.index_of(tasks.children[-1])
    assert model.data(more).startswith("Could not load more: Too many concurrent API requests")
    assert model.data(more.siblingAtColumn(1)) == "Enter: retry"
    assert model.data(more, Qt.ItemDataRole.ToolTipRole).startswith(
        "Too many concurrent API requests. Workfront is busy; try again in a moment.\nPress Enter or F5")
    assert model.data(more, Qt.ItemDataRole.ForegroundRole) != QApplication.palette().link(), "drawn as an error"

"""The garbage collector's full collections wait for a moment when no operation runs."""

from __future__ import annotations

import gc
import threading
import time

import pytest

from wfexplorer.core.browse import BrowseTree, NodeKind, NodeSpec
from wfexplorer.ui.collector import COLLECTOR, FULL_AFTER, OVERDUE, Collector
from wfexplorer.ui.tree.controller import BrowseController
from wfexplorer.ui.tree.model import NavigatorModel
from wfexplorer.ui.tree.navigator import NavigatorView


def young_collections(count: int) -> None:
    """What Python's allocations do between two full collections: collect the young generations."""
    for _ in range(count):
        gc.collect(1)


@pytest.fixture
def collector(qapp):
    collector = Collector(quiet_seconds=0.05, check_ms=10)
    thresholds = gc.get_threshold()
    collector.start()
    yield collector
    collector.stop()
    assert gc.get_threshold() == thresholds


def test_once_started_python_no_longer_starts_full_collections_and_what_lived_then_is_frozen(collector):
    assert gc.get_threshold()[2] > 10**9
    assert gc.get_freeze_count() > 0


def test_stopping_gives_the_frozen_objects_back():
    collector = Collector()
    collector.start()
    collector.stop()
    assert gc.get_freeze_count() == 0


def test_no_full_collection_until_enough_young_ones_ran(collector):
    gc.collect()
    time.sleep(0.06)
    assert not collector.collect_if_due()


def test_a_due_full_collection_waits_while_an_operation_runs_and_runs_once_all_is_quiet(collector, ops, run_until):
    collector.watch(ops)
    release = threading.Event()
    ops.run(release.wait)
    young_collections(FULL_AFTER)
    time.sleep(0.06)
    assert not collector.collect_if_due()  # an operation still runs

    release.set()
    run_until(lambda: ops.running == 0)
    collector.note_busy()  # as the operation's busy_changed(False) does
    assert not collector.collect_if_due()  # it only just ended

    time.sleep(0.06)
    assert collector.collect_if_due()
    assert gc.get_count()[2] == 0  # a full collection ran
    assert collector.full_collections == 1


def test_a_long_overdue_full_collection_runs_even_while_busy(collector, ops):
    collector.watch(ops)
    release = threading.Event()
    ops.run(release.wait)
    try:
        young_collections(OVERDUE)
        assert collector.collect_if_due()
    finally:
        release.set()


def test_the_timer_runs_it_without_anyone_asking(collector, run_until):
    young_collections(FULL_AFTER)
    run_until(lambda: collector.full_collections == 1, timeout=5)


def test_every_operations_helper_reports_to_the_process_collector(ops, run_until):
    release = threading.Event()
    ops.run(release.wait)
    assert COLLECTOR.busy()
    release.set()
    run_until(lambda: ops.running == 0)
    assert not COLLECTOR.busy()


def test_the_next_full_collection_waits_in_proportion_to_how_long_the_last_one_took(qapp):
    collector = Collector(quiet_seconds=0, check_ms=10_000, pace=10**6)
    collector.start()
    try:
        young_collections(FULL_AFTER)
        assert collector.collect_if_due()
        young_collections(OVERDUE)
        assert not collector.collect_if_due(), "a million times as long as the last one took has not passed"
    finally:
        collector.stop()


def test_scrolling_the_navigator_counts_as_activity(qtbot, ops):
    tree = BrowseTree([NodeSpec(NodeKind.MESSAGE, f"Row {n}") for n in range(500)])
    controller = BrowseController(tree, pytest.fail, ops)  # nothing here loads
    view = NavigatorView(NavigatorModel(tree, controller.load), controller)
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    time.sleep(0.06)
    assert COLLECTOR.quiet_for() >= 0.06
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert COLLECTOR.quiet_for() < 0.06

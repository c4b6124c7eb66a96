"""A detail tab builds a long form a screenful per turn of the event loop, and never mixes two answers."""

from __future__ import annotations

from wfexplorer.core.details import ClassicRow, ClassicSection
from wfexplorer.ui.detail.form_view import ROWS_PER_TURN, FormView
from wfexplorer.ui.turns import Turns


def sections(count: int, prefix: str = "field") -> list[ClassicSection]:
    """``count`` rows in sections of ten."""
    rows = [ClassicRow(f"{prefix}{n}", f"Field {n}", "string", f"{prefix} value {n}") for n in range(count)]
    return [ClassicSection(f"Group {start // 10}", tuple(rows[start:start + 10])) for start in range(0, count, 10)]


def test_turns_run_their_parts_in_order_on_later_turns_and_clear_drops_the_rest(qtbot, run_until):
    turns, ran = Turns(), []
    for n in range(3):
        turns.add(lambda n=n: ran.append(n))
    assert ran == [] and turns.pending == 3, "nothing runs before the loop turns"
    run_until(lambda: len(ran) == 3)
    assert ran == [0, 1, 2] and turns.pending == 0
    for n in range(3, 6):
        turns.add(lambda n=n: ran.append(n))
    turns.clear()
    qtbot.wait(30)
    assert ran == [0, 1, 2] and turns.pending == 0


def test_a_long_form_shows_its_first_screenful_at_once_and_the_rest_in_later_parts(qtbot):
    view, parts = FormView(), []
    qtbot.addWidget(view)
    view.show_classic(sections(60), later=parts.append)
    assert len(view.values) == ROWS_PER_TURN
    assert len(parts) == -(-(60 - ROWS_PER_TURN) // ROWS_PER_TURN)
    for part in parts:
        part()
    assert list(view.values) == [f"field{n}" for n in range(60)]
    assert view.values["field59"].text() == "field value 59"
    layout = view.widget().layout()
    boxes = [layout.itemAt(n).widget() for n in range(layout.count()) if layout.itemAt(n).widget() is not None]
    assert [box.title() for box in boxes] == [f"Group {n}" for n in range(6)], "groups in order, above the stretch"


def test_parts_of_an_older_answer_do_not_reach_the_newer_page(qtbot):
    view, old_parts = FormView(), []
    qtbot.addWidget(view)
    view.show_classic(sections(60, "old"), later=old_parts.append)
    view.show_classic(sections(30, "new"), later=lambda part: None)
    for part in old_parts:
        part()
    assert all(name.startswith("new") for name in view.values)


def test_without_a_scheduler_every_row_is_built_at_once(qtbot):
    view = FormView()
    qtbot.addWidget(view)
    view.show_classic(sections(60))
    assert len(view.values) == 60

"""The classic builder is usable from the keyboard and by a screen reader, and its item model is a sound Qt model."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from classic_builder_support import open_builder, settle, signed_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import ClassicSearch
from wfexplorer.ui.filters.classic_tree_model import ClassicTreeModel

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def session(demo_server: Any, tmp_path_factory: Any) -> Iterator[Session]:
    with signed_in(demo_server, tmp_path_factory.mktemp("sign-in")) as made:
        yield made


@pytest.fixture
def builder(qtbot: Any, ops: Any, run_until: Any, session: Session, tmp_path: Any) -> Any:
    return open_builder(qtbot, ops, run_until, session, tmp_path)


def unnamed(root: Any) -> list[str]:
    """Visible controls a screen reader could not name."""
    found = [f"{type(widget).__name__} {widget.objectName()}"
             for kind in (QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView, QSpinBox)
             for widget in root.findChildren(kind)
             if widget.isVisibleTo(root) and not widget.accessibleName()
             and not isinstance(widget, QHeaderView) and not isinstance(widget.parent(), QComboBox | QSpinBox)]
    found += [f"button {button.objectName()}" for button in root.findChildren(QAbstractButton)
              if button.isVisibleTo(root) and not (button.accessibleName() or button.text())]
    return found


def test_the_search_is_built_and_run_from_the_keyboard(qtbot, ops, run_until, builder):
    tree = builder.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Insert)
    assert builder.editor.field.hasFocus()
    qtbot.keyClicks(builder.editor.field, "name")
    qtbot.keyClick(builder.editor.field, Qt.Key.Key_Return)
    run_until(lambda: ops.running == 0 and "name" in builder.paths.known)
    qtbot.keyClick(builder.editor.field, Qt.Key.Key_Tab)
    assert builder.editor.modifier.hasFocus()
    modifier = builder.editor.modifier
    target = modifier.findData("cicontains")
    for _ in range(target - modifier.currentIndex()):
        qtbot.keyClick(modifier, Qt.Key.Key_Down)
    qtbot.keyClick(modifier, Qt.Key.Key_Tab)
    assert builder.editor.value.hasFocus()
    qtbot.keyClicks(builder.editor.value, "load")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # + OR group
    qtbot.keyClicks(builder.editor.field, "status")
    qtbot.keyClick(builder.editor.field, Qt.Key.Key_Return)
    run_until(lambda: ops.running == 0 and "status" in builder.paths.known)
    builder.editor.value.setFocus()
    qtbot.keyClicks(builder.editor.value, "CPL")
    assert builder.search.query_string() == "name=load&name_Mod=cicontains&OR:1:status=CPL"
    shown: list[Any] = []
    builder.search_done.connect(shown.append)
    qtbot.keyClick(builder.editor.value, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    run_until(lambda: bool(shown), timeout=10)
    assert shown[0].rows
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Delete)  # the selected condition (status) goes; its group stays, empty
    assert builder.search.query_string() == "name=load&name_Mod=cicontains"
    qtbot.keyClick(tree, Qt.Key.Key_Delete)  # now the empty OR group is selected: it goes too
    assert len(builder.search.query.groups) == 1
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(builder.search.query.groups) == 2
    assert builder.tree_model.index(1, 0).data() == "OR (empty: not sent) (0)"
    builder.select_condition(builder.search.query.conditions[0].id)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert builder.editor.field.hasFocus() and builder.editor.field.text() == "name"


def test_every_control_and_row_has_a_name(qtbot, ops, run_until, builder):
    builder.add_condition()
    builder.editor.field.setText("status")
    builder.editor.field.editingFinished.emit()
    builder.add_group()
    settle(run_until, builder, ops)
    for tab in range(builder.side_tabs.count()):
        builder.side_tabs.setCurrentIndex(tab)
        assert unnamed(builder) == []
    model = builder.tree_model
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Group All of these, 1 condition"
    first = model.index(0, 0, model.index(0, 0))
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Condition 1 of 1: Status equals (default)")
    assert builder.objectName() == "classicBuilder" and builder.accessibleName() == "Classic search builder"
    names = {widget.objectName() for widget in builder.findChildren(QAbstractButton)}
    assert {"classicRun", "classicCopyAs", "classicSaved", "classicHistory", "classic_add_condition"} <= names


def test_the_condition_model_passes_the_model_tester(qtmodeltester):
    search = ClassicSearch("TASK")
    search.add_condition("name", "cicontains", "a")
    search.add_condition("status", "in", ["NEW", "INP"])
    group = search.add_group()
    search.add_condition("project:name", None, "x", group=group)
    search.add_group()
    model = ClassicTreeModel(search)
    model.set_labels({"project:name": "Project > Name"})
    qtmodeltester.check(model)
    search.add_condition("priority", "between", "1", "3", group=2)
    model.refresh()
    qtmodeltester.check(model)


def test_the_results_model_passes_the_model_tester_with_classic_rows(qtbot, ops, run_until, builder, qtmodeltester):
    builder.add_condition()
    builder.editor.field.setText("status")
    builder.editor.field.editingFinished.emit()
    builder.search.set_paging(limit=5)
    shown: list[Any] = []
    builder.search_done.connect(shown.append)
    assert not builder.run()  # "status" has no value yet: nothing runs
    assert builder.status.text() == "Nothing was sent: fix the problem marked in the search. status: needs a value"
    builder.search.update_condition(builder.search.query.conditions[0].id, values="NEW")  # as a script would
    assert builder.editor.value.currentText() == "NEW"  # the editor shows what the search holds
    assert builder.run()
    run_until(lambda: bool(shown), timeout=10)
    qtmodeltester.check(builder.results.model)


def test_a_typed_value_is_undone_in_one_step(qtbot, ops, run_until, builder):
    builder.add_condition()
    builder.editor.field.setText("name")
    builder.editor.field.editingFinished.emit()
    line = builder.editor.value.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "launch")
    assert builder.search.query_string() == "name=launch"
    qtbot.mouseClick(builder.undo_button, Qt.MouseButton.LeftButton)
    assert builder.search.query_string() == "name="  # the whole word, not one letter
    assert builder.editor.value.currentText() == "" and builder.search.can_redo
    qtbot.mouseClick(builder.redo_button, Qt.MouseButton.LeftButton)
    assert builder.editor.value.currentText() == "launch"

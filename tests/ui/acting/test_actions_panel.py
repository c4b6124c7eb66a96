"""The action list and its generated argument forms, against the simulator, from the keyboard."""

from __future__ import annotations

import pytest
from acting_support import Wire, new_project, new_task
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from wfexplorer.core.actions import ActionRunner, action_specs
from wfexplorer.core.editing.specs import EditorKind
from wfexplorer.ui.forms.actions_panel import ActionsPanel
from wfexplorer.ui.forms.editors import ChoiceEditor
from wfexplorer.ui.forms.services import EditServices


@pytest.fixture
def panel(qtbot, ops, connection, journal):
    asked = []

    def confirm(parent, question):
        asked.append(question)
        return True

    widget = ActionsPanel(ops, ActionRunner(connection.session, journal),
                          search_for=EditServices(connection).search_for, confirm=confirm)
    widget.asked = asked
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_an_action_with_arguments_changes_state_and_says_so(panel, connection, run_until, journal, qtbot):
    task = new_task(connection, "Moved from the panel")
    target = new_project(connection, "Panel target")
    panel.load("TASK", task["ID"], "Moved from the panel")
    run_until(lambda: panel.list.count() > 0)
    assert panel.title.text() == "Actions of Moved from the panel"
    panel.choose("move")
    picker = panel.editors["projectID"]
    picker.choose(target["ID"], "Panel target")
    outcome = []
    panel.ran.connect(lambda code, object_id, result: outcome.append((code, object_id, result)))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    run_until(lambda: bool(outcome))
    [(code, object_id, result)] = outcome
    assert (code, object_id) == ("TASK", task["ID"]) and result.after["projectID"] == target["ID"]
    assert panel.asked == ["Run Move on Moved from the panel?"]
    assert "projectID" in panel.result.text() and panel.result.isVisible()
    assert journal.count() == 1


def test_an_empty_required_argument_is_marked_and_nothing_is_sent(panel, connection, run_until):
    task = new_task(connection, "Assign me")
    panel.load("TASK", task["ID"])
    run_until(lambda: panel.list.count() > 0)
    panel.choose("assign")
    wire = Wire()
    stop = connection.subscribe(wire)
    assert panel.run() is False
    stop()
    assert wire.writes() == [] and panel.asked == []
    assert panel.problem_labels["objID"].isVisible() and "required" in panel.problem_labels["objID"].text()
    assert "Nothing was sent" in panel.message.text()
    assert panel.focusWidget() is panel.editors["objID"].focus_widget()


def test_the_servers_refusal_is_shown_and_the_arguments_stay(panel, connection, run_until, qtbot):
    task = new_task(connection, "Assign a ghost")
    panel.load("TASK", task["ID"])
    run_until(lambda: panel.list.count() > 0)
    panel.choose("assign")
    qtbot.keyClicks(panel.editors["objID"].focus_widget(), "0" * 32)
    code = panel.editors["objCode"]
    assert isinstance(code, ChoiceEditor)
    combo = code.focus_widget()
    combo.setCurrentIndex(combo.findData("USER"))
    assert panel.form.params() == {"objID": "0" * 32, "objCode": "USER"}
    assert panel.run()
    run_until(lambda: panel.message.isVisible())
    assert "was not found" in panel.message.text()
    assert panel.form.value("objID") == "0" * 32 and panel.run_button.isEnabled()


@pytest.mark.parametrize("code", ["PROJ", "TASK", "OPTASK"])
def test_every_action_of_the_type_opens_a_form_generated_from_its_metadata(panel, connection, code):
    specs = action_specs(connection.session.metadata.describe(code))
    panel.show_actions(code, "0" * 32, specs)
    for spec in specs:
        panel.choose(spec.name)
        assert list(panel.editors) == [argument.key for argument in spec.arguments]
        for argument in spec.arguments:
            editor = panel.editors[argument.key]
            assert editor.accessibleName() == argument.label
            focus = editor.focus_widget()
            assert focus.focusPolicy() != Qt.FocusPolicy.NoFocus
            buddy = [label for label in panel.arguments.findChildren(QLabel) if label.buddy() is focus]
            assert buddy and buddy[0].text().startswith(argument.label)
            assert (argument.kind is EditorKind.CHOICE) == isinstance(editor, ChoiceEditor)
        assert panel.run_button.isEnabled()


def test_the_panel_is_named_for_assistive_technology(panel):
    for name in ("actionList", "argumentForm", "runAction"):
        widget = panel.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName()

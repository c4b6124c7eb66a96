"""The action list of one object and the argument form generated for the chosen action.

    panel = ActionsPanel(ops, ActionRunner(session, journal), search_for=services.search_for)
    panel.load("TASK", task_id, "Design")       # reads the type's metadata off the GUI thread, lists its actions
    panel.ran.connect(lambda code, object_id, outcome: ...)   # refresh the object's form and tree node

Choosing an action builds one editor per argument through the edit form's editor registry (required ones
marked ``*``); Run (Ctrl+Return) checks the arguments, asks for confirmation, runs the action off the GUI thread
and shows the result, or the server's message on the argument it names and above the form. Nothing the user
typed is cleared by a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.actions import ActionOutcome, ActionRunner, ActionSpec, ArgumentForm, action_specs
from wfexplorer.core.editing.specs import FieldSpec
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.editors import FieldEditor, Search, editor_for

SearchFor = Callable[[FieldSpec], Search | None]
Confirm = Callable[[QWidget, str], bool]


def ask_to_run(parent: QWidget, question: str) -> bool:
    """The default confirmation: a Yes/No question."""
    answer = QMessageBox.question(parent, "Run action", question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class ActionsPanel(QWidget):
    """An object's actions and the argument form of the chosen one (see the module docs).

    Signals:
        ran(str, str, object): objCode, ID and the :class:`ActionOutcome` of an action that worked.
    """

    ran = Signal(str, str, object)

    def __init__(self, ops: Operations, runner: ActionRunner, *, search_for: SearchFor | None = None,
                 confirm: Confirm = ask_to_run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionsPanel")
        self.setAccessibleName("Actions")
        self.ops, self.runner, self.search_for, self.confirm = ops, runner, search_for, confirm
        self.code = self.object_id = self.object_name = ""
        self.specs: list[ActionSpec] = []
        self.form: ArgumentForm | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._running = False

        self.title = QLabel("No object chosen")
        self.title.setObjectName("actionsTitle")
        self.list = QListWidget()
        self.list.setObjectName("actionList")
        self.list.setAccessibleName("Actions of this object")
        self.list.itemSelectionChanged.connect(self._chosen)  # keys, mouse and AT-SPI's selectChild alike
        list_label = QLabel("&Actions:")
        list_label.setBuddy(self.list)
        self.arguments = QWidget()
        self.arguments.setObjectName("argumentForm")
        self.arguments.setAccessibleName("Arguments")
        self.arguments_layout = QFormLayout(self.arguments)
        self.message = resources.message_label("error", "actionMessage")
        self.result = resources.message_label("hint", "actionResult")
        self.run_button = QPushButton("&Run")
        self.run_button.setObjectName("runAction")
        self.run_button.setAccessibleName("Run the chosen action")
        self.run_button.setToolTip("Run the chosen action (Ctrl+Return)")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.run)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.arguments)
        layout.addWidget(self.message)
        layout.addWidget(self.result)
        layout.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignRight)

    # -- choosing ------------------------------------------------------------------------------------

    def load(self, code: str, object_id: str, name: str = "") -> None:
        """List the actions of ``code`` for object ``object_id`` (the metadata is read off the GUI thread)."""
        session = self.runner.session
        self.title.setText(f"Loading the actions of {name or object_id}…")
        self.ops.run(lambda: action_specs(session.metadata.describe(code)),
                     on_success=lambda specs: self.show_actions(code, object_id, specs, name),
                     on_error=self._show_error, name="actions")

    def show_actions(self, code: str, object_id: str, specs: list[ActionSpec], name: str = "") -> None:
        """List ``specs`` as the actions of object ``object_id`` of type ``code``."""
        self.code, self.object_id, self.object_name, self.specs = code.upper(), object_id, name, list(specs)
        self.title.setText(f"Actions of {name or object_id}")
        self.list.blockSignals(True)
        self.list.clear()
        for spec in self.specs:
            item = QListWidgetItem(spec.label)
            item.setToolTip(spec.name + (f" → {spec.result_type}" if spec.result_type else ""))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(-1)
        self._build(None)

    def choose(self, name: str) -> None:
        """Choose the action called ``name`` (its Workfront name)."""
        index = next(i for i, spec in enumerate(self.specs) if spec.name == name)
        self.list.setCurrentRow(index)

    def _chosen(self) -> None:
        rows = self.list.selectedIndexes()
        row = rows[0].row() if rows else -1
        spec = self.specs[row] if 0 <= row < len(self.specs) else None
        if spec is not (self.form.spec if self.form is not None else None):
            self._build(spec)

    def _build(self, spec: ActionSpec | None) -> None:
        while self.arguments_layout.rowCount():
            self.arguments_layout.removeRow(0)
        self.editors.clear()
        self.problem_labels.clear()
        self.message.hide()
        self.result.hide()
        self.form = ArgumentForm(spec) if spec is not None else None
        self.run_button.setEnabled(spec is not None and not self._running)
        if spec is None:
            return
        if not spec.arguments:
            self.arguments_layout.addRow(QLabel("This action takes no arguments."))
        for argument in spec.arguments:
            editor = editor_for(argument, ops=self.ops,
                                search=self.search_for(argument) if self.search_for is not None else None)
            editor.edited.connect(lambda value, key=argument.key: self._edited(key, value))
            hint = " (one per line)" if argument.multiple else " (JSON object)" if argument.wire_type == "map" else ""
            title = QLabel(argument.label + (" *" if argument.required else "") + hint + ":")
            title.setBuddy(editor.focus_widget())
            title.setToolTip(f"{argument.key} · {argument.wire_type}" + (" · required" if argument.required else ""))
            if argument.required:
                editor.setAccessibleDescription("Required")
            problem = resources.message_label("error", f"problem:{argument.key}")
            self.arguments_layout.addRow(title, editor)
            self.arguments_layout.addRow("", problem)
            self.editors[argument.key], self.problem_labels[argument.key] = editor, problem

    def _edited(self, key: str, value: Any) -> None:
        if self.form is not None:
            self.form.set(key, value)
            self.problem_labels[key].hide()

    # -- running -------------------------------------------------------------------------------------

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.problem_labels.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)

    def run(self) -> bool:
        """Check, confirm and start the chosen action; False when nothing was started."""
        form = self.form
        if form is None or self._running:
            return False
        self.result.hide()
        problems = form.problems(server=False)
        if problems:
            self._show_problems(problems)
            self._show_error_text(f"Nothing was sent: {len(problems)} argument"
                                  f"{'s need' if len(problems) != 1 else ' needs'} a correction (marked below).")
            first = next(key for key in self.editors if key in problems)
            self.editors[first].focus_widget().setFocus()
            return False
        self._show_problems({})
        self.message.hide()
        target = self.object_name or self.object_id
        if not self.confirm(self, f"Run {form.spec.label} on {target}?"):
            return False
        code, object_id, runner = self.code, self.object_id, self.runner
        self.ops.run(lambda: runner.run(code, object_id, form), on_success=self._ran, on_error=self._failed,
                     busy=self._busy, name="action")
        return True

    def _busy(self, busy: bool) -> None:
        self._running = busy
        self.run_button.setEnabled(not busy and self.form is not None)
        self.run_button.setText("Running…" if busy else "&Run")

    def _ran(self, outcome: ActionOutcome) -> None:
        changed = "; ".join(f"{key}: {before} → {after}" for key, (before, after) in outcome.changed.items())
        text = "Done." + (f" Result: {outcome.result}" if outcome.result not in (None, "", {}) else "")
        self.result.setText(text + (f" Changed {changed}." if changed else ""))
        self.result.show()
        self.ran.emit(self.code, self.object_id, outcome)

    def _failed(self, error: errors.WorkfrontError) -> None:
        if self.form is not None:
            self.form.place_error(error)
            self._show_problems(self.form.problems())
        self._show_error(error)

    def _show_error(self, error: errors.WorkfrontError) -> None:
        self._show_error_text(messages.explain(error))

    def _show_error_text(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

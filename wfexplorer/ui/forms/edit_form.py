"""The editable form: one editor per field, bound to a core edit state, with Save (n changes), Preview, Revert.

Changed fields are highlighted (the original value in the tooltip); Esc in an editor or the context menu puts
one field back, "Revert all" every field. Save checks the values first (a wrong value is marked where it is
and nothing is sent), then saves off the GUI thread; a conflict opens the conflict dialog, any other failure
keeps every edit on screen with the message above the form and on the fields it names. Every edit is kept as
a draft on disk until it is saved or discarded.

A long form builds its first screenful of rows at once and the rest just after it is painted, a few rows per
turn of the event loop (``editors`` builds them all when asked).
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.details import display_value
from wfexplorer.core.editing import ConflictFound, DraftStore, Editing, Saver, SaveResult
from wfexplorer.core.editing.specs import FieldSpec
from wfexplorer.core.journal import JournalledSaver
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.dialogs import ConflictDialog, PreviewDialog
from wfexplorer.ui.forms.editors import FieldEditor, Search, editor_for
from wfexplorer.ui.turns import Turns

SearchFor = Callable[[FieldSpec], Search | None]
#: Rows built with the form (a screenful; fewer for a form made out of sight), then per turn of the event loop.
FIRST_ROWS = 40
LATER_ROWS = 8


class EditForm(QWidget):
    """The form of one edit state.

    Signals:
        saved(object): a save succeeded (the SaveResult).
        changes_changed(int): how many fields are changed now.
    """

    saved = Signal(object)
    changes_changed = Signal(int)

    def __init__(self, editing: Editing, saver: Saver | JournalledSaver, ops: Operations, *,
                 search_for: SearchFor | None = None,
                 drafts: DraftStore | None = None, host: str = "", label: str = "", read_only: str = "",
                 first_rows: int = FIRST_ROWS, turns: Turns | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editForm")
        self.setAccessibleName("Edit form")
        self.editing, self.state, self.saver, self.ops = editing, editing.state, saver, ops
        self.drafts, self.host, self.label, self.read_only = drafts, host, label, read_only
        self._editors: dict[str, FieldEditor] = {}
        self._labels: dict[str, QLabel] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}
        self._saving = False
        self._task: Any = None
        self.conflict_dialog: ConflictDialog | None = None

        self.message = resources.message_label("error", "editMessage")
        self.note = QLabel(read_only)
        self.note.setObjectName("editReadOnlyNote")
        self.note.setWordWrap(True)
        resources.set_role(self.note, "note")
        if not read_only:
            self.note.hide()  # (shown before it has a parent, it would open as a window of its own)
        self.save_button = QPushButton("&Save")
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName("Save")
        self.save_button.clicked.connect(lambda: self.save())
        self.preview_button = QPushButton("Pre&view…")
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setAccessibleName("Preview the save")
        self.preview_button.clicked.connect(self.preview)
        self.revert_button = QPushButton("Re&vert all")
        self.revert_button.setObjectName("revertAllButton")
        self.revert_button.setAccessibleName("Revert all changes")
        self.revert_button.clicked.connect(self.revert_all)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.revert_button)
        bar.addStretch(1)

        content = QWidget()
        body = QVBoxLayout(content)
        self._search_for = search_for
        #: Rows still to build, in order: the first screenful is built at once, the rest just after the
        #: first paint (a few at a time); anything that needs them all (``editors``) builds them first.
        self._pending: deque[tuple[QFormLayout, FieldSpec]] = deque()
        for group in editing.groups:
            box = QGroupBox(group.title)
            box.setAccessibleName(group.title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            self._pending.extend((form, spec) for spec in group.specs)
            body.addWidget(box)
        body.addStretch(1)
        self._turns = turns if turns is not None else Turns(self)  # a tab's own: one part a turn, for both
        self._build(first_rows)
        for _batch in range(0, len(self._pending), LATER_ROWS):
            self._turns.add(lambda: self._build(LATER_ROWS))
        self.scroller = QScrollArea()  # not .scroll: QWidget.scroll() is a method
        self.scroller.setObjectName("editScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.scroller, 1)
        self._unsubscribe = self.state.subscribe(self._state_changed)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self._refresh_buttons()

    # -- building ------------------------------------------------------------------------------------

    @property
    def editors(self) -> dict[str, FieldEditor]:
        """Every field's editor, by key (building the rows not built yet)."""
        self.finish_building()
        return self._editors

    @property
    def labels(self) -> dict[str, QLabel]:
        """Every field's label, by key (building the rows not built yet)."""
        self.finish_building()
        return self._labels

    @property
    def pending_rows(self) -> int:
        """How many rows are still to be built."""
        return len(self._pending)

    def finish_building(self) -> None:
        """Build every row not built yet."""
        if self._pending:
            self._build(len(self._pending))  # the parts still queued then find nothing left to build

    def _build(self, count: int) -> None:
        if not self._pending:
            return
        problems = self.state.problems()
        joined = {form.parentWidget() for form, _spec in itertools.islice(self._pending, count)}
        hidden = self._hide_while_building([box for box in joined if box is not None])
        try:
            for _ in range(count):
                if not self._pending:
                    break
                form, spec = self._pending.popleft()
                self._add(form, spec)
                self._refresh(spec.key, problems)
        finally:
            for box in hidden:
                box.show()

    @staticmethod
    def _hide_while_building(boxes: list[QWidget]) -> list[QWidget]:
        """Hide the shown group boxes that rows are about to join, and that hold neither the focus nor a popup's
        owner: rows added to a hidden box are shown with it, at once, at a fraction of the cost of showing
        each in a shown one. They are shown again in the same turn of the event loop, before any paint."""
        if QApplication.activePopupWidget() is not None:
            return []
        hidden = []
        for box in boxes:
            focus = box.window().focusWidget()  # the window's, whether it is active or not
            if box.isVisible() and not (focus is not None and box.isAncestorOf(focus)):
                box.hide()
                hidden.append(box)
        return hidden

    def _add(self, form: QFormLayout, spec: FieldSpec) -> None:
        search_for = self._search_for
        editor = editor_for(spec, names=self.state.names, ops=self.ops, linked=self.state.external_ids,
                            search=search_for(spec) if search_for is not None else None,
                            unknown_people=self.state.unknown_people)
        editor.set_value(self.state.value(spec.key))
        editor.edited.connect(lambda value, key=spec.key: self._edited(key, value))
        editor.revert_requested.connect(lambda key=spec.key: self.revert(key))
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(lambda point, key=spec.key: self._menu(key, point))
        title = QLabel(spec.label + (" *" if spec.required and spec.editable else "") + ":")
        title.setBuddy(editor.focus_widget())
        title.setToolTip(f"{spec.key} · {spec.kind.value}" + (" · required" if spec.required else ""))
        title.setProperty("dirty", False)
        form.addRow(title, editor)
        self._editors[spec.key], self._labels[spec.key], self._forms[spec.key] = editor, title, form

    def problem_label(self, key: str) -> QLabel:
        """The line under a field that says what is wrong with it (made the first time it has something to say)."""
        label = self.problem_labels.get(key)
        if label is None:
            if key not in self._editors:
                self.finish_building()
            spec, editor, form = self.state.spec(key), self._editors[key], self._forms[key]
            label = resources.message_label("error", f"problem:{key}")
            label.setAccessibleName(f"{spec.label}: problem")
            position: Any = form.getWidgetPosition(editor)  # (row, role); PySide's stub says object
            row = int(position[0])
            form.insertRow(row + 1, "", label)
            self.problem_labels[key] = label
        return label

    def _menu(self, key: str, point: QPoint) -> None:
        editor = self.editors[key]
        menu = QMenu(self)
        action = menu.addAction("Revert this field")
        action.setEnabled(self.state.is_dirty(key))
        action.triggered.connect(lambda: self.revert(key))
        menu.popup(editor.mapToGlobal(point))
        self.context_menu = menu

    # -- following the state -------------------------------------------------------------------------

    def _edited(self, key: str, value: Any) -> None:
        try:
            self.state.set(key, value)
        except errors.ValidationError as refused:
            self.problem_label(key).setText(refused.message)
            self.problem_label(key).show()
        self._keep_draft()

    def _state_changed(self, key: str | None) -> None:
        if key is None:  # rows not built yet show the state's values when they are
            for name, editor in self._editors.items():
                if editor.value() != self.state.value(name):
                    editor.set_value(self.state.value(name))
            self._refresh_all()
        else:
            if key in self._editors:
                self._refresh(key)
            self._refresh_buttons()

    def _refresh_all(self) -> None:
        problems = self.state.problems()
        for key in self._editors:
            self._refresh(key, problems)
        self._refresh_buttons()

    def _refresh(self, key: str, problems: dict[str, str] | None = None) -> None:
        spec, label, editor = self.state.spec(key), self._labels[key], self._editors[key]
        dirty = self.state.is_dirty(key)
        if label.property("dirty") != dirty:
            label.setProperty("dirty", dirty)
            font = label.font()
            font.setBold(dirty)
            label.setFont(font)
            label.setForegroundRole(QPalette.ColorRole.Link if dirty else QPalette.ColorRole.WindowText)
        original = self.state.original(key)
        shown = ", ".join(self.state.names.get(str(v), str(v)) for v in original) if isinstance(original, list) \
            else self.state.names.get(str(original), display_value(original))
        tip = f"Changed. Original value: {shown or '(empty)'}  (Esc or right-click: revert)" if dirty else \
            (f"Read-only: {spec.read_only}" if spec.read_only else "")
        editor.setToolTip(tip)
        editor.focus_widget().setToolTip(tip)
        editor.focus_widget().setAccessibleDescription(
            f"read-only: {spec.read_only}" if spec.read_only else ("changed" if dirty else ""))
        problem = (problems if problems is not None else self.state.problems()).get(key)
        if problem or key in self.problem_labels:
            problem_label = self.problem_label(key)
            problem_label.setText(problem or "")
            problem_label.setVisible(bool(problem))

    def _refresh_buttons(self) -> None:
        count = len(self.state.dirty)
        busy = self._saving
        verb = "&Create" if self.state.target.is_new else "&Save"
        self.save_button.setText(f"{verb} ({count} change{'s' if count != 1 else ''})" if count else verb)
        self.save_button.setEnabled(count > 0 and not busy and not self.read_only)
        self.save_button.setToolTip(self.read_only or "Send the changed fields (Ctrl+S)")
        self.preview_button.setEnabled(count > 0)
        self.revert_button.setEnabled(count > 0 and not busy)
        self.changes_changed.emit(count)

    def _keep_draft(self) -> None:
        if self.drafts is not None:
            try:
                self.drafts.keep(self.host, self.state, self.label)
            except OSError as failure:
                self.message.setText(f"Your edits could not be kept as a draft: {failure}")
                self.message.show()

    # -- commands ------------------------------------------------------------------------------------

    def revert(self, key: str) -> None:
        """Put one field back."""
        self.state.revert(key)
        self.editors[key].set_value(self.state.value(key))
        self._keep_draft()

    def revert_all(self) -> None:
        """Put every field back."""
        self.state.revert_all()
        self.message.hide()
        self._keep_draft()

    def preview(self) -> PreviewDialog:
        """Show the exact request Save sends; Send in the dialog saves."""
        dialog = PreviewDialog(self.saver.request(self.state), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save())
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def save(self, *, guard: bool = True) -> bool:
        """Check, then save off the GUI thread; returns False when nothing was sent (problems, nothing changed)."""
        if self._saving or not self.state.has_changes:
            return False
        if self.read_only:
            self._show_message(self.read_only)
            return False
        problems = self.state.problems()
        self._refresh_all()
        if problems:
            first = next(key for key in self.editors if key in problems)
            self._show_message(f"Nothing was sent: {len(problems)} field{'s need' if len(problems) != 1 else ' needs'} "
                               "a correction (marked below).")
            self.editors[first].focus_widget().setFocus()
            self.scroller.ensureWidgetVisible(self.editors[first])
            return False
        self.message.hide()
        state, saver = self.state, self.saver
        state.clear_errors()
        self._task = self.ops.run(lambda: saver.save(state, guard=guard), on_success=self._saved,
                                  on_error=self._failed, busy=self._busy, name="save")
        return True

    def _busy(self, busy: bool) -> None:
        self._saving = busy
        self._refresh_buttons()
        if busy:
            self.save_button.setText("Saving…")

    def _saved(self, result: SaveResult) -> None:
        if self.drafts is not None:
            self.drafts.discard(self.host, self.state.target)
        self.state.saved(result.target, result.data)
        self.message.hide()
        self.saved.emit(result)

    def _failed(self, error: errors.WorkfrontError) -> None:
        if isinstance(error, ConflictFound):
            self._conflict(error)
            return
        self.state.place_error(error)
        self._show_message(messages.explain(error))
        self._keep_draft()

    def _conflict(self, found: ConflictFound) -> None:
        dialog = ConflictDialog(found.conflicts, self.state.names, self)
        self.conflict_dialog = dialog

        def chosen() -> None:
            for conflict in found.conflicts:
                self.state.rebase(conflict.key, conflict.theirs, take_theirs=dialog.take_theirs()[conflict.key])
                self.editors[conflict.key].set_value(self.state.value(conflict.key))
            self._keep_draft()
            if self.state.has_changes:
                self.save()

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(lambda: self._show_message(
            "Not saved: the object changed on the server. Your edits are still here."))
        dialog.open()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

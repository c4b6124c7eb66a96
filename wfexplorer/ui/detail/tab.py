"""One detail tab: an object, a record or an object type, with its Form, Raw JSON and Metadata tabs.

What the tree already knows is shown at once (the name); the tab then loads the rest off the GUI thread
(one request) and shows it, or the error with Retry. F5 (the window's Refresh) reloads the tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from wfexplorer.core import errors
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget
from wfexplorer.core.details import (
    DetailLoader,
    ObjectDetails,
    RecordDetails,
    TypeCatalogue,
    classic_sections,
    record_values,
)
from wfexplorer.core.editing import refusal
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.busy import BusyIndicator
from wfexplorer.ui.detail.form_view import FormView
from wfexplorer.ui.detail.metadata_view import MetadataView
from wfexplorer.ui.detail.raw_json import RawJsonView
from wfexplorer.ui.forms.dialogs import Unsaved, ask_unsaved
from wfexplorer.ui.forms.edit_form import FIRST_ROWS, EditForm
from wfexplorer.ui.forms.services import EditServices
from wfexplorer.ui.tree import icons
from wfexplorer.ui.turns import Turns


@dataclass(frozen=True)
class TypeTarget:
    """A classic object type (its tab shows the metadata only)."""

    code: str


Target = ObjectTarget | RecordTarget | TypeTarget


@dataclass(frozen=True)
class Opened:
    """What a tab shows: the target, the label known so far, the record type of a record, the tree node."""

    target: Target
    label: str
    record_type: str | None = None
    node_id: int | None = None


class DetailTab(QWidget):
    """The detail of one target.

    Signals:
        navigate(object, str, bool): a link was followed: open this target, called so (True: in a new tab).
        show_collection(str): show the object's collection of this name in the navigator.
        title_changed(str): the tab's title (the object's name) changed.
        load_failed(str): the last load failed, with this message ("" once a load worked again): the tab bar
            marks the tab, so a tab that failed out of sight is seen.
        saved(object): an edit was saved (the SaveResult): the tree should follow.
    """

    navigate = Signal(object, str, bool)
    show_collection = Signal(str)
    title_changed = Signal(str)
    load_failed = Signal(str)

    saved = Signal(object)

    def __init__(self, opened: Opened, loader: DetailLoader, ops: Operations, parent: QWidget | None = None,
                 *, edit: EditServices | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.edit_form: EditForm | None = None
        self.setObjectName("detailTab")
        self.opened = opened
        self.loader = loader
        self.ops = ops
        self.details: ObjectDetails | RecordDetails | None = None
        self._task: Any = None
        self.turns = Turns(self)  # the parts of an answer still to build, one a turn of the loop

        self.title = QLabel(opened.label)
        self.title.setObjectName("detailTitle")
        resources.set_role(self.title, "title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self._subtitle())
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        resources.set_role(self.subtitle, "note")
        self.load_all_button = QPushButton("Load &all fields")
        self.load_all_button.setObjectName("loadAllFields")
        self.load_all_button.setToolTip("Ask the server for every field, custom forms included (one request)")
        self.load_all_button.clicked.connect(lambda: self.load(all_fields=True))
        if not isinstance(opened.target, ObjectTarget):
            self.load_all_button.hide()  # (showing it before it has a parent would open it as a window)
        self.busy = BusyIndicator()
        self.error = resources.message_label("error", "detailError")
        self.retry_button = QPushButton("Re&try")  # Alt+R is the request log's Clear
        self.retry_button.setObjectName("detailRetry")
        self.retry_button.hide()
        self.retry_button.clicked.connect(lambda: self.load())

        self.form = FormView()
        self.form.navigate.connect(self.navigate)
        self.form.show_collection.connect(self.show_collection)
        self.raw = RawJsonView()
        self.metadata = MetadataView()
        self.pages = QTabWidget()
        self.pages.setObjectName("detailPages")
        self.pages.setAccessibleName("Views of this object")
        self.pages.setDocumentMode(True)
        if not isinstance(opened.target, TypeTarget):
            self.pages.addTab(self.form, "F&orm")  # Alt+F, Alt+E: the File and Edit menus
            self.pages.addTab(self.raw, "Raw &JSON")
        self.pages.addTab(self.metadata, "&Metadata")

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        icon = QLabel()
        icon.setPixmap(self._icon().pixmap(32, 32))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(heading, 1)
        header.addWidget(self.load_all_button, 0, Qt.AlignmentFlag.AlignTop)
        errors_row = QHBoxLayout()
        errors_row.addWidget(self.error, 1)
        errors_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.busy)
        layout.addLayout(errors_row)
        layout.addWidget(self.pages, 1)

    # -- what it shows -------------------------------------------------------------------------------

    @property
    def target(self) -> Target:
        """The object, record or type this tab shows."""
        return self.opened.target

    @property
    def label(self) -> str:
        """The tab's title: the object's name as known now."""
        return self.title.text()

    def focus_parts(self) -> list[QWidget]:
        """What Tab goes through, in order: the page tabs, the buttons, the ID, then the page on top."""
        page = self.pages.currentWidget()
        return [self.pages.tabBar(), self.load_all_button, self.retry_button, self.subtitle,
                *([page] if page is not None else [])]

    @property
    def settled(self) -> bool:
        """Whether nothing is on its way: no load running, and every part of the last answer built."""
        return (self._task is None or self._task.done()) and not self.turns.pending

    def _icon(self) -> Any:
        target = self.target
        if isinstance(target, ObjectTarget | TypeTarget):
            return icons.for_code(target.code or "object")
        return icons.named("record")

    def _subtitle(self) -> str:
        target = self.target
        if isinstance(target, ObjectTarget):
            return f"{target.code}:{target.id}"
        if isinstance(target, RecordTarget):
            return f"Planning record {target.id}"
        return f"Object type {target.code}: fields, references, collections and actions"

    # -- loading -------------------------------------------------------------------------------------

    def dispose(self) -> None:
        """The tab is going away: stop its load and what is left of building, so nothing reaches widgets gone."""
        self.turns.clear()
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def load(self, *, all_fields: bool | None = None) -> None:
        """Load (or reload) what the tab shows, off the GUI thread."""
        if self._task is not None and not self._task.done():
            return
        if self.has_unsaved() and not self.ask_to_leave():
            return
        if all_fields is None:
            all_fields = isinstance(self.details, ObjectDetails) and self.details.all_fields
        target, loader, edit = self.target, self.loader, self.edit
        if isinstance(target, ObjectTarget):
            code = target.code or ""
            call: Any = lambda: _with_editing(loader.classic(code, target.id, all_fields=bool(all_fields)),  # noqa: E731
                                              edit)
        elif isinstance(target, RecordTarget):
            call = lambda: _with_editing(loader.record(target.id, self.opened.record_type), edit)  # noqa: E731
        else:
            call = lambda: loader.connection.session.metadata.describe(target.code)  # noqa: E731
        self.error.hide()
        self.retry_button.hide()
        self._task = self.ops.run(call, on_success=self._show, on_error=self._failed, busy=self._set_busy,
                                  name="detail")

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start("Loading…")
        else:
            self.busy.stop()
        self.load_all_button.setEnabled(not busy)

    def _failed(self, error: errors.WorkfrontError) -> None:
        self.error.setText(messages.explain(error))
        self.error.show()
        self.retry_button.show()
        self.load_failed.emit(messages.headline(error))

    def _show(self, result: Any) -> None:
        """Show a load's answer: the Form first; Raw JSON, Metadata and Edit on the next turns of the loop.

        Each part is built in its own turn of the event loop, so opening a tab never holds the GUI
        thread for the whole object at once; a newer answer supersedes the parts still waiting.
        """
        if not shiboken6.isValid(self.title):  # the tab was closed while its load ran
            return
        editing = None
        if isinstance(result, tuple):
            result, editing = result
        self.turns.clear()  # what is left of an older answer
        self.load_failed.emit("")
        later = self.turns.add
        if isinstance(result, ObjectDetails):
            self.details = result
            self.form.show_classic(classic_sections(result), later)
            name = result.data.get("name")
            self._retitle(str(name) if name else self.title.text())
            self.load_all_button.setText("Reload all fields" if result.all_fields else "Load &all fields")
            later(lambda: self.raw.show_data(result.data))
            later(lambda: self._show_catalogue(TypeCatalogue.of(result.meta)))
        elif isinstance(result, RecordDetails):
            self.details = result
            self.form.show_record(record_values(result), later)
            primary = result.record_type.primary_field_id if result.record_type else None
            value = result.record.data.get(primary) if primary else None
            if value:
                self._retitle(str(value))
            type_name = result.record_type.display_name if result.record_type else "Record"
            self.subtitle.setText(f"{type_name} · Planning record {result.record.id}")
            later(lambda: self.raw.show_data(result.record.raw))
            later(lambda: self._show_record_fields(result, type_name))
        else:
            self._show_catalogue(TypeCatalogue.of(result))
            self._retitle(f"{result.label} ({result.obj_code})")
        if editing is not None:
            refused = refusal(result, "edit") if isinstance(result, ObjectDetails) else ""
            later(lambda: self._show_editing(editing, refused))

    def _show_record_fields(self, result: RecordDetails, type_name: str) -> None:
        rows = tuple((f.id, f.display_name, f.type, ", ".join(o.display_name or o.name for o in f.options))
                     for f in result.fields)
        self.metadata.show_sections(type_name, [("Fields", rows)])

    def _show_catalogue(self, catalogue: TypeCatalogue) -> None:
        self.metadata.show_sections(catalogue.meta.label, catalogue.sections)

    def _retitle(self, text: str) -> None:
        if text != self.title.text():
            self.title.setText(text)
            self.title_changed.emit(text)

    # -- editing -------------------------------------------------------------------------------------

    def _show_editing(self, editing: Any, refused: str = "") -> None:
        edit = self.edit
        if edit is None or editing is None:
            return
        old = self.edit_form
        form = EditForm(editing, edit.saver_for(editing.state.target), self.ops, search_for=edit.search_for,
                        drafts=edit.drafts, host=edit.host, label=self.title.text(),
                        read_only=edit.read_only or refused,
                        first_rows=0 if self.pages.currentWidget() is self.form else FIRST_ROWS, turns=self.turns)
        form.saved.connect(self._edit_saved)
        form.changes_changed.connect(lambda count: self._mark_changes(count))
        index = self.pages.indexOf(old) if old is not None else -1
        if index >= 0:
            self.pages.removeTab(index)
            old.deleteLater()  # type: ignore[union-attr]
        self.pages.insertTab(index if index >= 0 else 1, form, "E&dit")
        self.edit_form = form
        draft = edit.drafts.find(edit.host, editing.state.target) if edit.drafts is not None else None
        if draft is not None and draft.current:
            restored = editing.state.restore(draft.current)
            if restored:
                form._show_message(f"Your unsaved edits ({len(restored)} field{'s' if len(restored) != 1 else ''}) "
                                   "from the last session are back. Save them, or Revert all to drop them.")
                self.pages.setCurrentWidget(form)

    def _mark_changes(self, count: int) -> None:
        index = self.pages.indexOf(self.edit_form) if self.edit_form is not None else -1
        if index >= 0:
            self.pages.setTabText(index, f"E&dit ({count})" if count else "E&dit")

    def _edit_saved(self, result: Any) -> None:
        self.saved.emit(result)
        self.load()

    def has_unsaved(self) -> bool:
        """Whether the edit form holds changes not saved yet."""
        return self.edit_form is not None and self.edit_form.state.has_changes

    def ask_to_leave(self) -> bool:
        """Before closing or replacing the tab: Save / Discard / Cancel; True when the tab may go."""
        form = self.edit_form
        if form is None or not form.state.has_changes:
            return True
        answer = ask_unsaved(self, self.title.text(), len(form.state.dirty))
        if answer is Unsaved.SAVE:
            form.save()
            return False  # the save runs; the user closes again once it is done
        if answer is Unsaved.DISCARD:
            form.revert_all()
            return True
        return False


def _with_editing(details: Any, edit: EditServices | None) -> tuple[Any, Any]:
    """The loaded details and their edit state (built off the GUI thread: custom statuses are read once)."""
    if edit is None:
        return details, None
    return details, edit.editing_for(details)

"""The Planning filter builder: pick a record type, build the filter as a tree, watch its JSON, run it.

    builder = PlanningBuilder(ops, client, people=ClassicPeople(session), store=FilterStore(folder, profile))
    builder.open_requested.connect(explorer.open_record)      # (record type id, record id)

It is a view over ``wfexplorer.core.planning.builder``: the tree, the selected row's editor, the sort/group/
fields options and the JSON tabs all edit one ``BuilderState``, and every edit refreshes, at once, the JSON of
both versions, the sentence under the tree and the problems on their rows; the match count follows a moment
later. Run checks first and sends nothing while a problem is marked; a server's refusal is put on the condition
it concerns. Every call runs off the GUI thread through ``Operations``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.editing.lookups import RecordSearch
from wfexplorer.core.planning import Field, PlanningClient, Record, RecordType, SearchPage, Workspace
from wfexplorer.core.planning.builder import (
    HARMLESS_LOSSES,
    BuilderEvent,
    BuilderField,
    BuilderFields,
    BuilderState,
    Directory,
    Edited,
    FilterStore,
    Grammar,
    HistoryEntry,
    NodeProblem,
    PastedSearch,
    PeopleSource,
    SavedFilter,
    blocking,
    carry_over,
    check,
    loss_problems,
    preview,
    problems_from_error,
    request_of_document,
    result_page,
)
from wfexplorer.core.planning.filters import (
    AND,
    ConditionType,
    Direction,
    FieldKind,
    Operator,
    Paging,
    SearchRequest,
    Severity,
    SortKey,
    describe,
)
from wfexplorer.core.planning.search_call import SearchCall
from wfexplorer.core.planning.snippet import SnippetRenderer, SnippetRenderers
from wfexplorer.ui import resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.busy import BusyIndicator
from wfexplorer.ui.filters.condition_editor import ConditionEditor
from wfexplorer.ui.filters.json_panel import JsonPanel
from wfexplorer.ui.filters.match_count import MatchCounter
from wfexplorer.ui.filters.saved_menu import SavedFilterMenus
from wfexplorer.ui.filters.search_options import SearchOptions
from wfexplorer.ui.filters.tree_model import FilterTreeModel
from wfexplorer.ui.filters.tree_view import ACTIONS, FilterTreeView
from wfexplorer.ui.filters.value_editor_base import EditorContext, RecordChoice
from wfexplorer.ui.messages import explain
from wfexplorer.ui.results.view import ResultsView

PLACEHOLDER_RECORD_TYPE = "{recordTypeId}"
REFERENCE_SEARCH_LIMIT = 20


class PlanningBuilder(QWidget):
    """The builder (see the module docs).

    Signals:
        open_requested(str, str): open this record (record type id, record id) in the explorer.
        fields_loaded(): the record type's fields arrived (the builder is ready to edit).
        search_done(object): a search ran; the ``ResultPage`` it showed.
        refreshed(): every view shows the latest edit (JSON tabs, words, problems).
    """

    open_requested = Signal(str, str)
    fields_loaded = Signal()
    search_done = Signal(object)
    refreshed = Signal()

    def __init__(self, ops: Operations, client: PlanningClient, *, people: PeopleSource | None = None,
                 store: FilterStore | None = None, workspace_id: str | None = None,
                 record_type_id: str | None = None, today: Callable[[], date] = date.today,
                 snippet_renderers: Mapping[str, SnippetRenderer] | None = None, count_delay_ms: int = 500,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningBuilder")
        self.setAccessibleName("Planning filter builder")
        self.ops = ops
        self.client = client
        self.today = today
        self.store = store
        self.directory = Directory(people) if people is not None else Directory()
        self.renderers = SnippetRenderers.with_extra(snippet_renderers)
        self.state = BuilderState()
        self.fields = BuilderFields()
        self.record_type: RecordType | None = None
        self.workspaces: list[Workspace] = []
        self.names: dict[str, str] = {}
        self.problems: list[NodeProblem] = []
        self.server_problems: list[NodeProblem] = []
        self.last_call: SearchCall | None = None
        self.last_page: SearchPage | None = None
        self.run_started: float | None = None
        self._wanted_workspace = workspace_id
        self._wanted_record_type = record_type_id
        self._applying: Grammar | None = None
        self._record_searches: dict[str, RecordSearch] = {}
        self._build(count_delay_ms)
        self.state.subscribe(self._on_state_event)
        self.refresh()
        if record_type_id is not None and workspace_id is None:
            self._load_record_type_by_id(record_type_id)
        else:
            self._load_workspaces()

    # -- building the window -------------------------------------------------------------------------------

    def _build(self, count_delay_ms: int) -> None:
        self.workspace_picker = QComboBox()
        self.workspace_picker.setObjectName("workspacePicker")
        self.workspace_picker.setAccessibleName("Workspace")
        self.record_type_picker = QComboBox()
        self.record_type_picker.setObjectName("recordTypePicker")
        self.record_type_picker.setAccessibleName("Record type")
        self.record_type_picker.setMinimumContentsLength(16)
        workspace_label = QLabel("&Workspace")
        workspace_label.setBuddy(self.workspace_picker)
        record_type_label = QLabel("&Record type")
        record_type_label.setBuddy(self.record_type_picker)

        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("undo")
        self.undo_button.setToolTip("Undo the last edit of the search (Ctrl+Z)")
        self.redo_button = QPushButton("Redo")
        self.redo_button.setObjectName("redo")
        self.redo_button.setToolTip("Redo (Ctrl+Shift+Z)")
        for text, keys, slot in (("Undo", QKeySequence.StandardKey.Undo, lambda: self.state.undo()),
                                 ("Redo", QKeySequence.StandardKey.Redo, lambda: self.state.redo())):
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyAs")
        self.copy_button.setText("Copy as")
        self.copy_button.setAccessibleName("Copy the search as code")
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        copy_menu = QMenu(self.copy_button)
        for label in self.renderers:
            copy_menu.addAction(label).triggered.connect(lambda _checked=False, label=label: self.copy_as(label))
        self.copy_button.setMenu(copy_menu)
        self.count_label = QLabel("")
        self.count_label.setObjectName("matchCount")
        self.count_label.setAccessibleName("Matching records")
        self.run_button = QPushButton("Run ▶")
        self.run_button.setObjectName("run")
        self.run_button.setAccessibleName("Run the search")
        self.run_button.setDefault(True)
        self.run_button.setToolTip("Run the search (Ctrl+Return)")
        run_action = QAction("Run", self)
        run_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        run_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        run_action.triggered.connect(lambda: self.run())
        self.addAction(run_action)
        self.busy = BusyIndicator(with_text=False)
        self.busy.setMaximumWidth(self.fontMetrics().averageCharWidth() * 10)

        top = QHBoxLayout()
        top.addWidget(workspace_label)
        top.addWidget(self.workspace_picker, 1)
        top.addWidget(record_type_label)
        top.addWidget(self.record_type_picker, 1)
        if self.store is not None:
            self.saved_menus: SavedFilterMenus | None = SavedFilterMenus(
                self.store, self._record_type_names, self.open_saved, self.open_history_entry, self.save_as, self)
            top.addWidget(self.saved_menus.saved_button)
            top.addWidget(self.saved_menus.history_button)
        else:
            self.saved_menus = None
        for widget in (self.undo_button, self.redo_button, self.copy_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.count_label)
        top.addWidget(self.run_button)

        self.tree_model = FilterTreeModel(self.state, self.fields, self)
        self.tree = FilterTreeView(self.tree_model)
        self.tree.add_actions({name: getattr(self, name) for name in ACTIONS})
        tree_bar = QHBoxLayout()
        self.tree_buttons: dict[str, QPushButton] = {}
        for name, text in (("add_condition", "+ Condition"), ("add_group", "+ Group"), ("duplicate", "Duplicate"),
                           ("remove", "Remove"), ("move_up", "↑"), ("move_down", "↓")):
            button = QPushButton(text)
            button.setObjectName(f"{name}Button")
            action = self.tree.actions_by_name[name]
            shortcuts = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
            button.setAccessibleName(action.text())
            button.setToolTip(f"{action.text()} ({shortcuts})")
            button.clicked.connect(getattr(self, name))
            tree_bar.addWidget(button)
            self.tree_buttons[name] = button
        tree_bar.addStretch(1)
        self.words = QLabel()
        self.words.setObjectName("inWords")
        self.words.setAccessibleName("The filter in words")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words_title = QLabel("<b>In words</b>")
        self.editor = ConditionEditor(self.state, self._context_for)
        self.options = SearchOptions(self.state)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("builderTabs")
        for page, title in ((self.editor, "Selected row"), (self.options, "Sort, group, fields")):
            scroller = QScrollArea()  # the tabs scroll rather than squeeze the tree
            scroller.setWidget(page)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            self.side_tabs.addTab(scroller, title)
        self.status = resources.message_label("error", "builderStatus")
        self.note = QLabel()
        self.note.setObjectName("builderNote")
        self.note.setWordWrap(True)
        resources.set_role(self.note, "note")

        tree_side = QWidget()
        tree_layout = QVBoxLayout(tree_side)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addLayout(tree_bar)
        tree_layout.addWidget(self.tree, 1)
        tree_layout.addWidget(words_title)
        tree_layout.addWidget(self.words)
        filter_side = QSplitter(Qt.Orientation.Vertical)
        filter_side.setChildrenCollapsible(False)
        filter_side.addWidget(tree_side)
        filter_side.addWidget(self.side_tabs)
        filter_side.setStretchFactor(0, 3)
        filter_side.setStretchFactor(1, 2)

        self.json_panel = JsonPanel()
        self.results = ResultsView()
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(filter_side)
        upper.addWidget(self.json_panel)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(upper)
        whole.addWidget(self.results)
        whole.setStretchFactor(0, 3)
        whole.setStretchFactor(1, 2)
        line = self.fontMetrics().lineSpacing()
        filter_side.setSizes([line * 16, line * 12])
        upper.setSizes([line * 56, line * 40])
        whole.setSizes([line * 30, line * 16])
        self.splitters = (filter_side, upper, whole)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addWidget(whole, 1)

        self.counter = MatchCounter(self.ops, self._count_call, count_delay_ms, self)
        self.counter.counting.connect(lambda: self.count_label.setText("counting…"))
        self.counter.counted.connect(lambda _total, text: self.count_label.setText(text))
        self.workspace_picker.activated.connect(self._workspace_chosen)
        self.record_type_picker.activated.connect(self._record_type_chosen)
        self.undo_button.clicked.connect(self.state.undo)
        self.redo_button.clicked.connect(self.state.redo)
        self.run_button.clicked.connect(lambda: self.run())
        self.tree.node_selected.connect(self.editor.show_node)
        self.tree.edit_requested.connect(self.focus_editor)
        self.json_panel.text_applied.connect(self._text_applied)
        self.results.sort_requested.connect(self.sort_by)
        self.results.page_requested.connect(self.show_page)
        self.results.open_requested.connect(self._open_record)

    # -- loading the record type ---------------------------------------------------------------------------

    def _load_workspaces(self) -> None:
        self.note.setText("Loading workspaces…")
        self.ops.run(self.client.workspaces, on_success=self._workspaces_loaded, on_error=self._load_failed,
                     busy=self._set_busy)

    def _workspaces_loaded(self, workspaces: list[Workspace]) -> None:
        self.workspaces = workspaces
        self.workspace_picker.clear()
        for workspace in workspaces:
            self.workspace_picker.addItem(workspace.name, workspace.id)
        if not workspaces:
            self.note.setText("There are no Planning workspaces you can see.")
            return
        index = max(0, self.workspace_picker.findData(self._wanted_workspace)) if self._wanted_workspace else 0
        self.workspace_picker.setCurrentIndex(index)
        self._workspace_chosen(index)

    def _workspace_chosen(self, index: int) -> None:
        workspace_id = self.workspace_picker.itemData(index)
        if not workspace_id:
            return
        self.note.setText("Loading record types…")
        self.ops.run(lambda: self.client.record_types(workspace_id), on_success=self._record_types_loaded,
                     on_error=self._load_failed, busy=self._set_busy)

    def _record_types_loaded(self, record_types: list[RecordType]) -> None:
        self.record_type_picker.clear()
        for record_type in record_types:
            self.record_type_picker.addItem(record_type.display_name, record_type)
        if not record_types:
            self.note.setText("This workspace has no record types.")
            return
        wanted = next((i for i, rt in enumerate(record_types) if rt.id == self._wanted_record_type), 0)
        self.record_type_picker.setCurrentIndex(wanted)
        self._record_type_chosen(wanted)

    def _record_type_chosen(self, index: int) -> None:
        record_type = self.record_type_picker.itemData(index)
        if isinstance(record_type, RecordType) and (self.record_type is None or record_type.id != self.record_type.id):
            self._load_fields(record_type)

    def _load_record_type_by_id(self, record_type_id: str) -> None:
        self.note.setText("Loading the record type…")
        self.ops.run(lambda: self.client.record_type(record_type_id), on_success=self._given_record_type,
                     on_error=self._load_failed, busy=self._set_busy)

    def _given_record_type(self, record_type: RecordType) -> None:
        self.record_type_picker.clear()
        self.record_type_picker.addItem(record_type.display_name, record_type)
        self.workspace_picker.addItem(record_type.workspace_id or "", record_type.workspace_id)
        self.workspace_picker.setEnabled(False)
        self._load_fields(record_type)

    def _load_fields(self, record_type: RecordType) -> None:
        self.note.setText(f"Loading the fields of {record_type.display_name}…")
        self.ops.run(lambda: self.client.fields(record_type.id),
                     on_success=lambda fields: self.set_record_type(record_type, fields),
                     on_error=self._load_failed, busy=self._set_busy)

    def _load_failed(self, error: errors.WorkfrontError) -> None:
        self.note.clear()
        self.status.setText(explain(error))
        self.status.show()

    def set_record_type(self, record_type: RecordType, fields: list[Field]) -> None:
        """Build filters for ``record_type`` (its fields already read). A filter built for another record type
        is cleared, since its fields mean nothing here (undo brings it back)."""
        changed = self.record_type is not None and self.record_type.id != record_type.id
        self.record_type = record_type
        self.fields = BuilderFields.of(fields)
        self.note.setText(f"{record_type.display_name}: {len(self.fields.filterable())} fields can be filtered. "
                          "Add a condition, or paste a filter into a JSON tab.")
        self.tree_model.set_fields(self.fields)
        self.editor.set_fields(self.fields)
        self.options.set_fields(self.fields)
        self.state.set_fields(self.fields.catalog)
        if changed:
            self.state.set_tree(AND())
            self.state.set_sort(())
            self.state.set_grouping(())
            self.state.set_projection(None)
        self.results.show_page(result_page(SearchPage(()), self.fields, None, self.client.version))
        self.tree.select_node(self.state.root_id)
        self.fields_loaded.emit()

    def _record_type_names(self) -> tuple[str, str] | None:
        return None if self.record_type is None else (self.record_type.id, self.record_type.display_name)

    # -- editing the tree ----------------------------------------------------------------------------------

    def _place_for_new(self) -> tuple[int, int | None]:
        """Where a new row goes: into the selected group (at its end), or right after the selected condition."""
        selected = self.tree.selected_node()
        if selected is None or selected not in self.state:
            return self.state.root_id, None
        node = self.state.node(selected)
        if node.is_group:
            return node.id, None
        assert node.parent is not None
        return node.parent.id, node.row + 1

    def _first_field(self) -> str:
        filterable = self.fields.filterable()
        return filterable[0].id if filterable else ""

    def add_condition(self) -> int:
        """Add a condition where the selection says (on the first field), select it and go to its editor."""
        parent, index = self._place_for_new()
        node_id = self.state.add_condition(parent, index, field=self._first_field())
        self.tree.select_node(node_id)
        return node_id

    def add_group(self) -> int:
        """Add an OR group (with one condition) where the selection says; the group inside an OR is an AND."""
        parent, index = self._place_for_new()
        outer = self.state.node(parent).operator
        operator = Operator.AND if outer is Operator.OR else Operator.OR
        group = self.state.add_group(parent, operator, index, field=self._first_field())
        self.tree.select_node(self.state.children_of(group)[0])
        return group

    def duplicate(self) -> None:
        """Duplicate the selected row."""
        selected = self.tree.selected_node()
        if selected is not None and selected != self.state.root_id:
            self.tree.select_node(self.state.duplicate(selected))

    def remove(self) -> None:
        """Remove the selected row (the root group is cleared instead); the next row is selected."""
        selected = self.tree.selected_node()
        if selected is None:
            return
        if selected == self.state.root_id:
            self.state.clear()
            return
        node = self.state.node(selected)
        parent = node.parent
        assert parent is not None
        row = node.row
        self.state.remove(selected)
        siblings = self.state.children_of(parent.id)
        self.tree.select_node(siblings[min(row, len(siblings) - 1)] if siblings else parent.id)

    def _keep_selection(self, move: Callable[[int], bool]) -> None:
        selected = self.tree.selected_node()
        if selected is not None and selected != self.state.root_id and move(selected):
            self.tree.select_node(selected)

    def move_up(self) -> None:
        """Move the selected row up."""
        self._keep_selection(self.state.move_up)

    def move_down(self) -> None:
        """Move the selected row down."""
        self._keep_selection(self.state.move_down)

    def indent(self) -> None:
        """Move the selected row into the group above it."""
        self._keep_selection(self.state.indent)

    def outdent(self) -> None:
        """Move the selected row out of its group."""
        self._keep_selection(self.state.outdent)

    def focus_editor(self) -> None:
        """Put the keyboard focus in the selected row's editor."""
        self.side_tabs.setCurrentIndex(0)
        page = self.editor.pages.currentWidget()
        target = self.editor.operator if page is self.editor.group_page else self.editor.field_picker
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _context_for(self, field: BuilderField, condition: ConditionType, match_external: bool) -> EditorContext:
        target = field.reference_record_type_id
        return EditorContext(
            field=field, condition=condition, ops=self.ops, names=self.names,
            search_people=self.directory.search,
            search_records=(lambda text: self._search_records(target, text)) if target else None,
            version=self.client.version, match_external_id=match_external,
        )  # fmt: skip

    def _search_records(self, target: str, text: str) -> list[RecordChoice]:
        """Records of a referenced record type whose title contains ``text`` (runs off the GUI thread)."""
        search = self._record_searches.get(target)
        if search is None:  # one per record type: each reads its type once
            search = self._record_searches[target] = RecordSearch(self.client, target, REFERENCE_SEARCH_LIMIT,
                                                                  by_title=True)
        return [RecordChoice(record.id, search.title(record), _external_id(record)) for record in search.matches(text)]

    # -- keeping every view up to date -------------------------------------------------------------------

    def _on_state_event(self, event: BuilderEvent) -> None:
        if isinstance(event, Edited):
            self.server_problems = []
            self.refresh()

    def refresh(self) -> None:
        """Bring the JSON tabs, the sentence, the problems and the buttons up to the state (and count later)."""
        today = self.today()
        calls = preview(self.state, self.client.connection.root, self._record_type_id(), today)
        # What this connection's version cannot carry stops Run (an error on its row); what the other version
        # cannot say is only a note in that version's tab.
        losses = tuple(loss for loss in calls.call(self.client.version).losses if loss.path not in HARMLESS_LOSSES)
        self.problems = check(self.state, today) + loss_problems(losses, self.state, Severity.ERROR)
        shown = self.problems + self.server_problems
        self.tree_model.set_names(self._all_names(), today)
        self.tree_model.set_problems(shown)
        self.editor.set_problems(shown)
        self.json_panel.show_calls(calls.v2, calls.v1, keep=self._applying)
        self.words.setText(describe(self.state.tree(), self.fields.catalog, names=self._all_names(), today=today))
        self.undo_button.setEnabled(self.state.can_undo)
        self.redo_button.setEnabled(self.state.can_redo)
        if self.record_type is not None:
            self.counter.schedule()
        self.refreshed.emit()

    def _record_type_id(self) -> str:
        return self.record_type.id if self.record_type is not None else PLACEHOLDER_RECORD_TYPE

    def _all_names(self) -> dict[str, str]:
        return {**self.directory.names(), **self.names}

    def _text_applied(self, pasted: PastedSearch, grammar: Grammar) -> None:
        """A JSON tab's text was read: rebuild the tree from it, keeping what the text could not show."""
        tree, notes = carry_over(pasted.tree, self.state.tree(), from_v1=grammar is Grammar.V1, today=self.today())
        self._applying = grammar
        try:
            self.apply_request(dataclasses.replace(pasted.request, filter=tree), whole_body=pasted.whole_body)
        finally:
            self._applying = None
        messages = [*pasted.notes, *notes]
        self.note.setText(" ".join(messages) if messages else f"The filter was rebuilt from the {grammar.value} text.")

    def apply_request(self, request: SearchRequest, *, whole_body: bool = True) -> None:
        """Show a search (pasted, saved or from the history): its tree and, for a whole body, its other parts."""
        if request.filter != self.state.tree():
            self.state.set_tree(request.filter or AND())
        if whole_body:
            self.state.set_sort(request.sort)
            self.state.set_grouping(request.group)
            self.state.set_projection(request.field_ids)
            if request.paging is not None:
                self.state.set_page_size(request.paging.limit)
                self.state.set_page(request.paging.page)

    # -- running -------------------------------------------------------------------------------------------

    def run(self, page: int | None = None) -> bool:
        """Run the search (page ``page``, default: the state's); False when it was not sent, and why is shown."""
        self.json_panel.apply_now()
        if self.record_type is None:
            self._refuse("Choose a record type first: the search needs one.")
            return False
        if page is not None:
            self.state.set_page(page)
        today = self.today()
        calls = preview(self.state, self.client.connection.root, self.record_type.id, today)
        problems = blocking(self.state, calls, self.client.version)
        broken = [tab for tab in self.json_panel.tabs.values() if tab.broken]
        if problems or broken:
            count = len(problems) + len(broken)
            where = "in the JSON text" if broken and not problems else "marked in the filter"
            self._refuse(f"Nothing was sent: fix the {'problem' if count == 1 else f'{count} problems'} {where}.",
                         problems)
            return False
        self.status.hide()
        request, record_type = self.state.request(), self.record_type
        self.run_started = time.perf_counter()
        self.run_button.setEnabled(False)
        self.ops.run(lambda: self._search(record_type, request, today), on_success=self._searched,
                     on_error=self._search_failed, busy=self._set_busy, name="planning-search")
        return True

    def _search(self, record_type: RecordType, request: SearchRequest, today: date) -> tuple[SearchCall, SearchPage]:
        """The search and its bookkeeping (runs off the GUI thread)."""
        call = self.client.search_call(record_type.id, request, allow_losses=True, today=today)
        page = self.client.send_search(call)
        self.directory.book.learn_records(page.records)
        if self.store is not None:
            # the history is a convenience: a full disk must not fail the search
            with contextlib.suppress(OSError, errors.WorkfrontError):
                self.store.record_run(record_type.id, request, call, total=page.total,
                                      record_type_name=record_type.display_name)
        return call, page

    def _searched(self, result: tuple[SearchCall, SearchPage]) -> None:
        call, page = result
        self.last_call, self.last_page = call, page
        self.run_button.setEnabled(True)
        self._learn_titles(page.records)
        table = result_page(page, self.fields, self.state.projection, self.client.version, self._all_names())
        self.results.show_page(table, {key.field: key.direction.value for key in self.state.sort})
        self.tree_model.set_names(self._all_names(), self.today())
        self.search_done.emit(table)

    def _learn_titles(self, records: tuple[Record, ...]) -> None:
        """Remember the titles of referenced records, so reference values read as names."""
        references = [field.id for field in self.fields if field.kind is FieldKind.REFERENCE]
        for record in records:
            for field_id in references:
                for item in record.data.get(field_id) or ():
                    if isinstance(item, dict) and item.get("id") and item.get("value") is not None:
                        self.names[str(item["id"])] = str(item["value"])
                        if item.get("externalId"):
                            self.names.setdefault(str(item["externalId"]), str(item["value"]))

    def _search_failed(self, error: errors.WorkfrontError) -> None:
        self.run_button.setEnabled(True)
        if isinstance(error, errors.ValidationError) and error.status == 400:
            self.server_problems = problems_from_error(error, self.state, self.client.version)
            on_rows = [problem for problem in self.server_problems if problem.node is not None]
            self.tree_model.set_problems(self.problems + self.server_problems)
            self.editor.set_problems(self.problems + self.server_problems)
            if on_rows:
                self.tree.select_node(on_rows[0].node)
            where = " (marked on the condition it concerns)" if on_rows else ""
            self._refuse(f"The server refused the search{where}: {error.message}")
        else:
            self._refuse(explain(error))
        self.results.show_problem(explain(error))

    def _refuse(self, text: str, problems: list[NodeProblem] | None = None) -> None:
        self.status.setText(text)
        self.status.show()
        if problems:
            first = next((problem.node for problem in problems if problem.node is not None), None)
            if first is not None:
                self.tree.select_node(first)

    def _count_call(self) -> Callable[[], int | None] | str:
        if self.record_type is None:
            return ""
        today = self.today()
        calls = preview(self.state, self.client.connection.root, self.record_type.id, today)
        if blocking(self.state, calls, self.client.version):
            return "— (fix the filter to count)"
        record_type_id = self.record_type.id
        request = dataclasses.replace(self.state.request(), paging=Paging(0, 1), group=())

        def count() -> int | None:
            return self.client.search(record_type_id, request, allow_losses=True, today=today).total

        return count

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start()
        else:
            self.busy.stop()

    # -- results -----------------------------------------------------------------------------------------

    def sort_by(self, field_id: str) -> None:
        """Sort by a field first (a second click on the first key flips it), then run again."""
        keys = list(self.state.sort)
        first = keys[0] if keys else None
        flip = first is not None and first.field == field_id and first.direction is Direction.ASC
        direction = Direction.DESC if flip else Direction.ASC
        self.state.set_sort((SortKey(field_id, direction), *(key for key in keys if key.field != field_id)))
        self.run()

    def show_page(self, page: int) -> None:
        """Run again for another page."""
        self.run(page)

    def _open_record(self, key: Any) -> None:
        if self.record_type is not None:
            self.open_requested.emit(self.record_type.id, str(key))

    # -- keeping and sharing -----------------------------------------------------------------------------

    def current_call(self) -> SearchCall | None:
        """The exact call Run would send now (None, with the reason shown, when it would not send)."""
        if self.record_type is None:
            self._refuse("Choose a record type first.")
            return None
        calls = preview(self.state, self.client.connection.root, self.record_type.id, self.today())
        problems = blocking(self.state, calls, self.client.version)
        if problems:
            self._refuse("Fix the problems marked in the filter first: this search would not run.", problems)
            return None
        return calls.call(self.client.version)

    def copy_as(self, label: str) -> str | None:
        """Put the search on the clipboard as code of kind ``label``; returns the code."""
        call = self.current_call()
        if call is None:
            return None
        text = self.renderers.render(label, call)
        QGuiApplication.clipboard().setText(text)
        self.note.setText(f"Copied the search as {label} code.")
        return text

    def save_as(self, name: str, replace: bool = False) -> SavedFilter:
        """Save the filter (with its sort, group, fields and page size) under ``name``."""
        if self.store is None or self.record_type is None:
            raise errors.ValidationError("Saving needs a record type and a place to keep filters.")
        saved = self.store.save(name, self.record_type.id, self.state.request(page=0),
                                record_type_name=self.record_type.display_name, replace=replace)
        self.note.setText(f"Saved as “{saved.name}”.")
        return saved

    def open_saved(self, saved: SavedFilter) -> None:
        """Show a saved filter."""
        self._open_document(saved.document, f"“{saved.name}”")

    def open_history_entry(self, entry: HistoryEntry) -> None:
        """Show a search that ran before (as it was built: relative dates stay relative)."""
        self._open_document(entry.document, "the search from the history")

    def _open_document(self, document: dict[str, Any], what: str) -> None:
        try:
            request = request_of_document(document)
        except errors.WorkfrontError as error:
            self._refuse(f"{what[0].upper()}{what[1:]} cannot be opened: {explain(error)}")
            return
        self.apply_request(request)
        self.note.setText(f"Opened {what}.")


def _external_id(record: Record) -> str | None:
    options = record.raw.get("recordExternalOptions")
    external = record.raw.get("externalId") or (options.get("externalId") if isinstance(options, dict) else None)
    return str(external) if external else None


"""The classic search builder: conditions in OR groups, sorts, fields, paging and reports, the query string both ways.

    builder = ClassicBuilder(ops, connection.session, SearchStore(config_dir / "searches", profile.name), "TASK")
    builder.open_requested.connect(explorer.open_object)          # (objCode, ID)

It is a view over ``wfexplorer.core.classic.search_model``: the condition tree, the selected condition's editor,
the options and the query string all edit one ``ClassicSearch``, and every edit refreshes, at once, the query
string, the request line and the problems core finds without metadata; a moment later the problems metadata
reveals (unknown paths, modifiers the type does not take, values of the wrong kind) and the count of matches
follow, both off the GUI thread. Run checks first and sends nothing while a problem is marked; a server's refusal
is put on the condition it concerns. Results go to the results table the Planning builder uses (paging moves
``$$FIRST``; a click on a header sorts; double-click opens the object); a report shows its groups as a table.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model import (
    ChangeKind,
    ClassicQuery,
    ClassicSearch,
    HistoryEntry,
    Operation,
    Part,
    Problem,
    QueryStringError,
    SavedSearch,
    SearchChange,
    SearchSchema,
    SearchStore,
    Severity,
    SnippetTarget,
    SortDirection,
    SortKey,
    blocking,
    core_snippet,
    count,
    http_call,
    javascript_snippet,
    locate_error,
    python_workfront_snippet,
    report_table,
    run_page,
    run_report,
    search_table,
    validate,
)
from wfexplorer.core.results import ResultPage
from wfexplorer.core.snippets import SnippetKind, render
from wfexplorer.ui import resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.busy import BusyIndicator
from wfexplorer.ui.filters.classic_condition_editor import ClassicConditionEditor
from wfexplorer.ui.filters.classic_options import ClassicOptions
from wfexplorer.ui.filters.classic_paths import PathHelper
from wfexplorer.ui.filters.classic_query_panel import ClassicQueryPanel
from wfexplorer.ui.filters.classic_saved_menu import ClassicSavedMenus
from wfexplorer.ui.filters.classic_tree_model import CONDITION_ROLE, GROUP_ROLE, ClassicTreeModel
from wfexplorer.ui.filters.match_count import MatchCounter
from wfexplorer.ui.messages import explain
from wfexplorer.ui.results.view import ResultsView

DEFAULT_OBJECT = "TASK"
PAGE_SIZE = 100
#: Copy-as labels, in menu order.
COPY_KINDS = ("curl", "Python (requests)", "python-workfront", "wfexplorer.core", "JavaScript (workfront-api)")


class ClassicBuilder(QWidget):
    """The classic search builder (see the module docs).

    Signals:
        open_requested(str, str): open this object (objCode, ID) in the explorer.
        checked(): the problems metadata reveals were brought up to date.
        search_done(object): a search or report ran; the ``ResultPage`` it showed.
        refused(str): Run (or copy) sent nothing; why.
    """

    open_requested = Signal(str, str)
    checked = Signal()
    search_done = Signal(object)
    refused = Signal(str)

    def __init__(self, ops: Operations, session: Any, store: SearchStore | None = None, obj_code: str | None = None,
                 *, schema: SearchSchema | None = None, count_delay_ms: int = 500,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classicBuilder")
        self.setAccessibleName("Classic search builder")
        self.ops = ops
        self.session = session
        self.store = store
        self.schema = schema if schema is not None else SearchSchema.of_session(session)
        self.search = ClassicSearch(obj_code or DEFAULT_OBJECT)
        self.paths = PathHelper(ops, self.schema, self.search.object_code, self)
        self.problems: list[Problem] = []  # without metadata, at once
        self.checked_problems: list[Problem] = []  # with metadata, a moment later
        self.server_problems: list[Problem] = []
        self.class_names: dict[str, str] = {}
        self.last_page: ResultPage | None = None
        self._check_generation = 0
        self._build(count_delay_ms)
        self.search.subscribe(self._on_change)
        self._on_change(SearchChange(ChangeKind.RESET))
        self._load_objects()

    # -- building the window -------------------------------------------------------------------------------

    def _build(self, count_delay_ms: int) -> None:
        self.object_picker = QComboBox()
        self.object_picker.setObjectName("classicObjectPicker")
        self.object_picker.setAccessibleName("Object type")
        self.object_picker.setMinimumContentsLength(16)
        self.object_picker.addItem(self.search.object_code, self.search.object_code)
        object_label = QLabel("&Object type")
        object_label.setBuddy(self.object_picker)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("classicUndo")
        self.undo_button.setToolTip("Undo the last edit of the search (Ctrl+Z)")
        self.redo_button = QPushButton("Redo")
        self.redo_button.setObjectName("classicRedo")
        self.redo_button.setToolTip("Redo (Ctrl+Shift+Z)")
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("classicCopyAs")
        self.copy_button.setText("Copy as")
        self.copy_button.setAccessibleName("Copy the search as code")
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        copy_menu = QMenu(self.copy_button)
        for label in COPY_KINDS:
            copy_menu.addAction(label).triggered.connect(lambda _checked=False, label=label: self.copy_as(label))
        self.copy_button.setMenu(copy_menu)
        self.count_label = QLabel("")
        self.count_label.setObjectName("classicMatchCount")
        self.count_label.setAccessibleName("Matching objects")
        self.run_button = QPushButton("Run ▶")
        self.run_button.setObjectName("classicRun")
        self.run_button.setAccessibleName("Run the search")
        self.run_button.setDefault(True)
        self.run_button.setToolTip("Run the search or report (Ctrl+Return)")
        for text, keys, slot in (("Undo", [QKeySequence(QKeySequence.StandardKey.Undo)], self.search.undo),
                                 ("Redo", [QKeySequence(QKeySequence.StandardKey.Redo)], self.search.redo),
                                 ("Run", [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
                                  lambda: self.run())):
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.busy = BusyIndicator(with_text=False)
        self.busy.setMaximumWidth(self.fontMetrics().averageCharWidth() * 10)

        top = QHBoxLayout()
        top.addWidget(object_label)
        top.addWidget(self.object_picker, 1)
        self.saved_menus: ClassicSavedMenus | None = None
        if self.store is not None:
            self.saved_menus = ClassicSavedMenus(self.store, self.open_saved, self.open_history_entry, self.save_as,
                                                 self)
            top.addWidget(self.saved_menus.saved_button)
            top.addWidget(self.saved_menus.history_button)
        for widget in (self.undo_button, self.redo_button, self.copy_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.count_label)
        top.addWidget(self.run_button)

        self.tree_model = ClassicTreeModel(self.search, self)
        self.tree = QTreeView()
        self.tree.setObjectName("classicConditions")
        self.tree.setAccessibleName("Conditions, in OR groups")
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setItemsExpandable(False)
        self.tree.header().setStretchLastSection(True)
        width = self.fontMetrics().averageCharWidth()
        self.tree.setColumnWidth(0, width * 42)
        self.tree.setColumnWidth(1, width * 22)
        self.tree_buttons: dict[str, QPushButton] = {}
        tree_bar = QHBoxLayout()
        for name, text, key_names, tip in (
                ("add_condition", "+ Condition", ("Insert",), "Add a condition to the selected group"),
                ("add_group", "+ OR group", ("Ctrl+G",), "Add an OR group (OR:n:): rows matching it match too"),
                ("remove", "Remove", ("Delete",), "Remove the selected condition or OR group")):
            button = QPushButton(text)
            button.setObjectName(f"classic_{name}")
            button.setAccessibleName(tip)
            button.setToolTip(f"{tip} ({', '.join(key_names)})")
            button.clicked.connect(getattr(self, name))
            action = QAction(text, self.tree)
            action.setShortcuts([QKeySequence(key) for key in key_names])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(getattr(self, name))
            self.tree.addAction(action)
            tree_bar.addWidget(button)
            self.tree_buttons[name] = button
        tree_bar.addStretch(1)
        to_editor = QAction("Edit the selected condition", self.tree)
        to_editor.setShortcuts([QKeySequence("F2"), QKeySequence("Return"), QKeySequence("Enter")])
        to_editor.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        to_editor.triggered.connect(self.focus_editor)
        self.tree.addAction(to_editor)
        self.editor = ClassicConditionEditor(self.search, self.paths)
        self.options = ClassicOptions(self.search, self.paths)
        self.query_panel = ClassicQueryPanel()
        self.status = resources.message_label("error", "classicStatus")
        self.note = QLabel()
        self.note.setObjectName("classicNote")
        self.note.setWordWrap(True)
        resources.set_role(self.note, "note")

        conditions_side = QWidget()
        conditions_layout = QVBoxLayout(conditions_side)
        conditions_layout.setContentsMargins(0, 0, 0, 0)
        conditions_layout.addLayout(tree_bar)
        conditions_layout.addWidget(self.tree, 3)
        conditions_layout.addWidget(self.editor, 0)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("classicTabs")
        self.side_tabs.addTab(self.query_panel, "Query string")
        scroller = QScrollArea()
        scroller.setWidget(self.options)
        scroller.setWidgetResizable(True)
        self.side_tabs.addTab(scroller, "Sort, fields, paging, report")
        self.results = ResultsView()
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(conditions_side)
        upper.addWidget(self.side_tabs)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(upper)
        whole.addWidget(self.results)
        line = self.fontMetrics().lineSpacing()
        upper.setSizes([line * 56, line * 40])
        whole.setSizes([line * 30, line * 16])
        self.splitters = (upper, whole)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addWidget(whole, 1)

        self.counter = MatchCounter(self.ops, self._count_call, count_delay_ms, self)
        self.counter.counting.connect(lambda: self.count_label.setText("counting…"))
        self.counter.counted.connect(lambda _total, text: self.count_label.setText(text))
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(count_delay_ms)
        self.check_timer.timeout.connect(self.check_now)
        self.object_picker.activated.connect(self._object_chosen)
        self.undo_button.clicked.connect(self.search.undo)
        self.redo_button.clicked.connect(self.search.redo)
        self.run_button.clicked.connect(lambda: self.run())
        self.tree.selectionModel().currentRowChanged.connect(lambda current, _old: self._selected(current))
        self.tree.doubleClicked.connect(lambda _index: self.focus_editor())
        self.query_panel.text_applied.connect(self.apply_text)
        self.paths.resolved.connect(lambda _info: self.tree_model.set_labels(self.paths.labels()))
        self.results.sort_requested.connect(self.sort_by)
        self.results.page_requested.connect(self.show_page)
        self.results.open_requested.connect(self._open_object)

    # -- object types ------------------------------------------------------------------------------------

    def _load_objects(self) -> None:
        def work() -> list[tuple[str, str, str]]:
            objects = self.schema.catalog.objects()  # type: ignore[attr-defined]
            return sorted(((s.label, s.obj_code.upper(), s.class_name) for s in objects.values()),
                          key=lambda item: item[0].lower())

        def failed(error: errors.WorkfrontError) -> None:
            self._refuse(explain(error))

        self.ops.run(work, on_success=self._objects_loaded, on_error=failed, busy=self._set_busy)

    def _objects_loaded(self, objects: list[tuple[str, str, str]]) -> None:
        self.object_picker.clear()
        for label, code, class_name in objects:
            self.object_picker.addItem(f"{label} ({code})", code)
            self.class_names[code] = class_name
        index = self.object_picker.findData(self.search.object_code)
        if index < 0:
            self.object_picker.addItem(f"{self.search.object_code} (not in the metadata)", self.search.object_code)
            index = self.object_picker.count() - 1
        self.object_picker.setCurrentIndex(index)

    def set_object(self, code: str) -> None:
        """Search another object type (the conditions, which named the old type's fields, are cleared)."""
        self.paths.set_object(code.upper())
        self.search.set_object(code)
        index = self.object_picker.findData(self.search.object_code)
        if index >= 0:
            self.object_picker.setCurrentIndex(index)

    def _object_chosen(self, index: int) -> None:
        code = self.object_picker.itemData(index)
        if isinstance(code, str) and code != self.search.object_code:
            self.set_object(code)

    # -- editing the conditions --------------------------------------------------------------------------

    def selected_condition(self) -> int | None:
        """The id of the selected condition (None for a group or nothing)."""
        index = self.tree.currentIndex()
        return index.data(CONDITION_ROLE) if index.isValid() else None

    def selected_group(self) -> int:
        """The group of the selected row (0 when nothing is selected)."""
        index = self.tree.currentIndex()
        group = index.data(GROUP_ROLE) if index.isValid() else None
        return group if isinstance(group, int) and group < len(self.search.query.groups) else 0

    def select_condition(self, condition_id: int) -> None:
        """Select a condition's row (and edit it)."""
        index = self.tree_model.index_of(condition_id)
        self.tree.expandAll()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)

    def _select_group(self, group: int) -> None:
        index = self.tree_model.index(group, 0)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _selected(self, index: QModelIndex) -> None:
        self.editor.show_condition(index.data(CONDITION_ROLE) if index.isValid() else None)
        self._show_problems()

    def focus_editor(self) -> None:
        """Put the keyboard focus in the selected condition's field box."""
        if self.editor.condition_id is not None:
            self.editor.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_condition(self) -> int:
        """Add an empty condition to the selected group, select it and put the focus in its field."""
        condition_id = self.search.add_condition("", group=self.selected_group())
        self.select_condition(condition_id)
        self.editor.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return condition_id

    def add_group(self) -> int:
        """Add an OR group with one empty condition, and select that condition."""
        group = self.search.add_group()
        condition_id = self.search.add_condition("", group=group)
        self.select_condition(condition_id)
        self.editor.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return group

    def remove(self) -> None:
        """Remove the selected condition (or OR group, with its conditions)."""
        condition_id = self.selected_condition()
        if condition_id is not None:
            group, position = self.search.where(condition_id)
            self.search.remove_condition(condition_id)
            siblings = self.search.query.groups[group].conditions
            if siblings:
                self.select_condition(siblings[min(position, len(siblings) - 1)].id)
            else:
                self._select_group(group)
            return
        group = self.selected_group()
        if group > 0:
            self.search.remove_group(group)
            self._select_group(group - 1)

    # -- keeping every view up to date -------------------------------------------------------------------

    def _on_change(self, change: SearchChange) -> None:
        selected = self.selected_condition()
        if change.kind is ChangeKind.CONDITION_CHANGED and change.condition_id is not None:
            self.tree_model.condition_changed(change.condition_id)
            if change.condition_id == self.editor.condition_id and not self.editor.writing:
                self.editor.show_condition(change.condition_id)  # changed by someone else (a script, a test)
        else:
            self.tree_model.refresh()
            self.tree.expandAll()
            if selected is not None and self.search.query.find(selected) is not None:
                self.select_condition(selected)
            if change.kind is ChangeKind.RESET or (selected is not None and self.search.query.find(selected) is None):
                self.editor.show_condition(self.selected_condition())
        for field in {condition.field for condition in self.search.query.conditions if condition.field}:
            if field not in self.paths.known:
                self.paths.resolve(field)
        self.query_panel.show_query(self.search.query_string(), self.search.request(), self.search.query.raw)
        self.options.show_search()
        self.problems = self.search.problems(None)
        self.checked_problems = []
        self.server_problems = []
        self._show_problems()
        self.undo_button.setEnabled(self.search.can_undo)
        self.redo_button.setEnabled(self.search.can_redo)
        self.check_timer.start()
        self.counter.schedule()

    def all_problems(self) -> list[Problem]:
        """Every problem shown now: without metadata, with it (once checked), and the server's."""
        seen: set[tuple[Part, str, int | None, int | None]] = set()
        shown = []
        for problem in (*self.problems, *self.checked_problems, *self.server_problems):
            key = (problem.part, problem.message, problem.target_id, problem.index)
            if key not in seen:
                seen.add(key)
                shown.append(problem)
        return shown

    def _show_problems(self) -> None:
        shown = self.all_problems()
        self.tree_model.set_problems(shown)
        condition_id = self.editor.condition_id
        self.editor.set_problems([problem.message for problem in shown if problem.target_id == condition_id
                                  and condition_id is not None])
        others = [problem.message for problem in shown if problem.part is not Part.CONDITION
                  and problem.part is not Part.GROUP]
        if others:
            self.note.setText("\n".join(others))
        self.note.setVisible(bool(others) or bool(self.note.text()))

    def check_now(self) -> None:
        """Check the search against metadata now (off the GUI thread); the problems land on their rows."""
        self.check_timer.stop()
        self._check_generation += 1
        generation, query, schema = self._check_generation, self.search.query, self.schema

        def done(problems: list[Problem]) -> None:
            if generation == self._check_generation:
                self.checked_problems = problems
                self._show_problems()
                self.checked.emit()

        self.ops.run(lambda: validate(query, schema), on_success=done,
                     on_error=lambda error: done([Problem(Part.QUERY, f"Not checked: {explain(error)}",
                                                          severity=Severity.WARNING)]))

    def apply_text(self, text: str) -> None:
        """Rebuild the search from a typed or pasted query string or URL (the builder keeps it on a bad text)."""
        if text == self.query_panel.shown_text:
            self.query_panel.mark(None)
            return
        try:
            parsed = self.search.load(text)
        except QueryStringError as error:
            self.query_panel.mark(error)
            return
        self.query_panel.mark(None)
        self.paths.set_object(self.search.object_code)
        index = self.object_picker.findData(self.search.object_code)
        if index >= 0:
            self.object_picker.setCurrentIndex(index)
        self.query_panel.show_notes(list(parsed.notes))
        first = self.search.query.conditions[0].id if self.search.query.conditions else None
        if first is not None:
            self.select_condition(first)

    # -- running -------------------------------------------------------------------------------------------

    def run(self, first: int | None = None) -> bool:
        """Run the search or report (``first``: start the page there); False when nothing was sent, and why."""
        self.query_panel.apply_now()
        if self.query_panel.broken:
            return self._refuse("Nothing was sent: the query string cannot be read (see under it).")
        if first is not None:
            self.search.set_paging(first=first)
        self.server_problems = []
        problems = blocking(self.all_problems())  # metadata's problems too, once the check has run
        if problems:
            return self._refuse_problems(problems)
        query, mode, schema = self.search.query, self.search.mode, self.schema
        self.status.hide()
        self.run_button.setEnabled(False)
        self.ops.run(lambda: self._execute(query, mode, schema), on_success=lambda result: self._ran(query, result),
                     on_error=lambda error: self._run_failed(query, error), busy=self._set_busy, name="classic-search")
        return True

    def _execute(self, query: ClassicQuery, mode: Operation, schema: SearchSchema) -> ResultPage | list[Problem]:
        """Check with metadata, then run (off the GUI thread); the problems instead when there are any."""
        problems = blocking(validate(query, schema))
        if problems:
            return problems
        if mode is Operation.REPORT:
            page = report_table(run_report(self.session, query, schema))
        else:
            result = run_page(self.session, query, query.first or 0, query.limit or PAGE_SIZE, schema)
            page = search_table(result, count(self.session, query))
        if self.store is not None:
            with contextlib.suppress(OSError, errors.WorkfrontError):  # the history must not fail the run
                self.store.record(query, mode.value, len(page.rows))
        return page

    def _ran(self, query: ClassicQuery, result: ResultPage | list[Problem]) -> None:
        self.run_button.setEnabled(True)
        if isinstance(result, list):
            self.checked_problems = result
            self._show_problems()
            self._refuse_problems(result)
            return
        self.last_page = result
        sorted_by = {key.field: "desc" if "desc" in str(key.direction) else "asc" for key in query.sorts}
        self.results.show_page(result, sorted_by)
        self.search_done.emit(result)

    def _run_failed(self, query: ClassicQuery, error: errors.WorkfrontError) -> None:
        self.run_button.setEnabled(True)
        problem = locate_error(query, error)
        self.server_problems = [problem]
        self._show_problems()
        if problem.target_id is not None and self.search.query.find(problem.target_id) is not None:
            self.select_condition(problem.target_id)
            self._refuse(f"The server refused the search (marked on the condition it concerns): {error.message}")
        else:
            self._refuse(f"The server refused the search: {explain(error)}")
        self.results.show_problem(explain(error))

    def _refuse_problems(self, problems: list[Problem]) -> bool:
        first = next((problem.target_id for problem in problems if problem.target_id is not None
                      and self.search.query.find(problem.target_id) is not None), None)
        if first is not None:
            self.select_condition(first)
        count_ = len(problems)
        listed = " ".join(problem.message for problem in problems[:3])
        return self._refuse(f"Nothing was sent: fix the {'problem' if count_ == 1 else f'{count_} problems'} "
                            f"marked in the search. {listed}")

    def _refuse(self, text: str) -> bool:
        self.status.setText(text)
        self.status.show()
        self.refused.emit(text)
        return False

    def _count_call(self) -> Callable[[], int | None] | str:
        if blocking(self.search.problems(None)):
            return "— (fix the search to count)"
        session, query = self.session, self.search.query
        return lambda: count(session, query)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.busy.start()
        else:
            self.busy.stop()

    # -- results -----------------------------------------------------------------------------------------

    def sort_by(self, key: str) -> None:
        """Sort by a column first (a second click on the first key flips it), then run again from the start."""
        keys = list(self.search.query.sorts)
        flip = bool(keys) and keys[0].field == key and keys[0].direction is SortDirection.ASC
        direction = SortDirection.DESC if flip else SortDirection.ASC
        self.search.set_sorts([SortKey(key, direction), *(old for old in keys if old.field != key)])
        self.run(0 if self.search.query.first else None)

    def show_page(self, page: int) -> None:
        """Run again for another page (moves ``$$FIRST``)."""
        limit = self.search.query.limit or PAGE_SIZE
        if self.search.query.limit is None:
            self.search.set_paging(limit=limit)
        self.run(page * limit)

    def _open_object(self, key: Any) -> None:
        if self.search.mode is Operation.SEARCH and key:
            self.open_requested.emit(self.search.object_code, str(key))

    # -- keeping and sharing -----------------------------------------------------------------------------

    def snippet(self, label: str) -> str | None:
        """The search as code of kind ``label`` (one of ``COPY_KINDS``); None, with why shown, when it would not
        run."""
        self.query_panel.apply_now()
        problems = blocking(self.search.problems(None))
        if problems:
            self._refuse_problems(problems)
            return None
        query, operation = self.search.query, self.search.mode
        target = SnippetTarget.of_session(self.session)
        if label == "curl":
            return render(http_call(query, target, operation), SnippetKind.CURL)
        if label == "Python (requests)":
            return render(http_call(query, target, operation), SnippetKind.PYTHON)
        if label == "python-workfront":
            return python_workfront_snippet(query, target, operation, self.class_names.get(query.object_code))
        if label == "wfexplorer.core":
            return core_snippet(query, target, operation)
        if label == "JavaScript (workfront-api)":
            return javascript_snippet(query, target, operation)
        raise KeyError(label)

    def copy_as(self, label: str) -> str | None:
        """Put the search on the clipboard as code of kind ``label``; returns the code."""
        text = self.snippet(label)
        if text is not None:
            QGuiApplication.clipboard().setText(text)
            self.note.setText(f"Copied the search as {label} code (the secret comes from an environment variable).")
            self.note.show()
        return text

    def save_as(self, name: str) -> SavedSearch:
        """Save the search (with its mode) under ``name``, replacing one of the same name."""
        if self.store is None:
            raise errors.ValidationError("Saving needs a place to keep searches.")
        saved = self.store.save(name, self.search.query, self.search.mode.value)
        self.note.setText(f"Saved as “{saved.name}”.")
        self.note.show()
        return saved

    def open_saved(self, saved: SavedSearch) -> None:
        """Show a saved search."""
        self._open_query(saved.query(), Operation(saved.mode), f"“{saved.name}”")

    def open_history_entry(self, entry: HistoryEntry) -> None:
        """Show a search that ran before."""
        mode = Operation.REPORT if entry.operation == Operation.REPORT.value else Operation.SEARCH
        self._open_query(entry.query(), mode, "the search from the history")

    def _open_query(self, query: ClassicQuery, mode: Operation, what: str) -> None:
        self.paths.set_object(query.object_code)
        self.search.replace(query, mode)
        index = self.object_picker.findData(query.object_code)
        if index >= 0:
            self.object_picker.setCurrentIndex(index)
        self.note.setText(f"Opened {what}.")
        self.note.show()

"""The request log: every request of a connection as it happens, filterable, with details, copy as code and HAR.

    widget = RequestLogWidget(log, ops, session=session, planning=planning)
    widget.open_in_console.connect(console.load)          # a ConsoleRequest
    dock = RequestLogDock(widget)                         # the lead docks it into the main window

The table is a view over :class:`~wfexplorer.ui.requests.log_model.RequestLogModel`; filters are core's
:class:`~wfexplorer.core.requestlog.LogFilter`; snippets, HAR and "open in console" are core calls. Revealing
a secret asks first, and fetching the live credential runs off the GUI thread (it may renew it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.classic.session import Session
from wfexplorer.core.console import request_from_entry
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.requestlog import LogEntry, LogFilter, RequestLog
from wfexplorer.core.requestlog.har import write_har
from wfexplorer.core.snippets import SnippetKind, call_from_event, live_secrets, needed_secrets, render, unavailable
from wfexplorer.ui import resources
from wfexplorer.ui.context_menus import ItemViewMenu
from wfexplorer.ui.messages import explain
from wfexplorer.ui.requests.detail import RequestDetail
from wfexplorer.ui.requests.log_model import Column, RequestLogModel

if TYPE_CHECKING:
    from wfexplorer.ui.asyncops import Operations

#: Copy the current request as curl (not Ctrl+Shift+C: that is the window's Copy ID).
COPY_CURL_KEY = "Ctrl+Alt+C"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
#: Status filter choices: label → status classes (empty: all).
STATUS_CHOICES: tuple[tuple[str, frozenset[str]], ...] = (
    ("All statuses", frozenset()),
    ("Errors (4xx, 5xx, no answer)", frozenset({"4xx", "5xx", "failed"})),
    ("Success (2xx)", frozenset({"2xx"})),
    ("Redirect (3xx)", frozenset({"3xx"})),
    ("Client error (4xx)", frozenset({"4xx"})),
    ("Server error (5xx)", frozenset({"5xx"})),
    ("No answer", frozenset({"failed"})),
)
REVEAL_WARNING = ("The copied code will contain your live credential in plain text. Anyone who sees it (a chat, "
                  "a ticket, shell history, a screenshot) can act as you in Workfront until it expires.\n\n"
                  "Copy it with the secret anyway?")


class RequestLogWidget(QWidget):
    """The request log's table, filters, detail pane and actions.

    Signals:
        open_in_console(object): a :class:`~wfexplorer.core.console.ConsoleRequest` to edit and resend.
        copied(str): the text just put on the clipboard.
    """

    open_in_console = Signal(object)
    copied = Signal(str)

    def __init__(self, log: RequestLog, ops: Operations, *, session: Session | None = None,
                 planning: PlanningClient | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestLog")
        self.setAccessibleName("Request log")
        self.log = log
        self.ops = ops
        self.session = session
        self.planning = planning
        self.model = RequestLogModel(log, self)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self.detail = RequestDetail()
        self.message = resources.message_label("error", "requestLogMessage")
        self.status = QLabel()
        self.status.setObjectName("requestLogStatus")
        resources.set_role(self.status, "note")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filter_row)
        layout.addLayout(self.action_row)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._follow_newest = True
        self.model.rowsAboutToBeInserted.connect(self._remember_tail)
        self.model.rows_applied.connect(self._rows_applied)
        self.model.modelReset.connect(self._rows_applied)
        self._update_status()
        self._update_actions()

    # -- building ----------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("requestFilter")
        self.filter_box.setPlaceholderText("Filter: URL, status, error class or code, request id")
        self.filter_box.setAccessibleName("Filter requests")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_changed)
        self.method_filter = QComboBox()
        self.method_filter.setObjectName("methodFilter")
        self.method_filter.setAccessibleName("Method filter")
        self.method_filter.addItem("All methods", "")
        for method in METHODS:
            self.method_filter.addItem(method, method)
        self.method_filter.currentIndexChanged.connect(self._filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName("Status filter")
        for label, classes in STATUS_CHOICES:
            self.status_filter.addItem(label, classes)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.pause_button = self._tool_button("&Pause", "pauseLog", "Stop recording new requests (Ctrl+Shift+P)")
        self.pause_button.setCheckable(True)
        self.pause_button.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pause_button.toggled.connect(self._pause_toggled)
        self.clear_button = self._tool_button("Clea&r", "clearLog", "Remove every request from the log")
        self.clear_button.clicked.connect(self.log.clear)
        caption = QLabel("F&ilter:")  # not Alt+F, Alt+E, Alt+V: the File, Edit and View menus
        caption.setBuddy(self.filter_box)
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(caption)
        self.filter_row.addWidget(self.filter_box, 1)
        self.filter_row.addWidget(self.method_filter)
        self.filter_row.addWidget(self.status_filter)
        self.filter_row.addWidget(self.pause_button)
        self.filter_row.addWidget(self.clear_button)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("requestLogTable")
        self.table.setAccessibleName("Requests")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.URL, QHeaderView.ResizeMode.Stretch)
        digits = self.fontMetrics().horizontalAdvance("0")
        for column, width in ((Column.TIME, 13), (Column.METHOD, 8), (Column.STATUS, 8), (Column.MILLISECONDS, 7),
                              (Column.BYTES, 10), (Column.ATTEMPTS, 9)):
            header.resizeSection(column, digits * width + 12)
        self.context_menu = ItemViewMenu(self.table, self._context_menu)  # the current row's, from the keyboard
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.activated.connect(lambda _index: self.open_current_in_console())

    def _build_actions(self) -> None:
        self.copy_actions: dict[SnippetKind, QAction] = {}
        self.copy_menu = QMenu("&Copy as", self)
        for kind in SnippetKind:
            action = QAction(kind.label, self)
            action.setObjectName(f"copyAs_{kind.name.lower()}")
            action.triggered.connect(lambda _checked=False, k=kind: self.copy_as(k))
            self.copy_menu.addAction(action)
            self.copy_actions[kind] = action
        # Ctrl+Shift+C is the window's Copy ID: two actions on one key do nothing at all
        self.copy_actions[SnippetKind.CURL].setShortcut(QKeySequence(COPY_CURL_KEY))
        self.copy_actions[SnippetKind.CURL].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.copy_actions[SnippetKind.CURL])
        self.reveal_menu = QMenu("Copy with the secret &revealed", self)
        self.reveal_actions: dict[SnippetKind, QAction] = {}
        for kind in SnippetKind:
            action = QAction(f"{kind.label}…", self)
            action.triggered.connect(lambda _checked=False, k=kind: self.ask_and_copy_revealed(k))
            self.reveal_menu.addAction(action)
            self.reveal_actions[kind] = action
        self.console_action = QAction("Open in co&nsole", self)
        self.console_action.setObjectName("openInConsole")
        self.console_action.triggered.connect(self.open_current_in_console)
        self.export_all_action = QAction("Export &all as HAR…", self)
        self.export_all_action.triggered.connect(lambda: self.choose_and_export(selected_only=False))
        self.export_selected_action = QAction("Export &selected as HAR…", self)
        self.export_selected_action.triggered.connect(lambda: self.choose_and_export(selected_only=True))

        self.copy_button = self._tool_button("&Copy as", "copyAsButton",
                                             f"Copy the selected request as code (as curl: {COPY_CURL_KEY})")
        self.copy_button.setMenu(self.copy_menu)
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reveal_button = self._tool_button("Revea&l secret…", "revealSecretButton",
                                               "Copy as code with your live credential written in (asks first)")
        self.reveal_button.setMenu(self.reveal_menu)
        self.reveal_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu("E&xport HAR", self)
        self.export_menu.addAction(self.export_all_action)
        self.export_menu.addAction(self.export_selected_action)
        self.export_button = self._tool_button("E&xport HAR", "exportHarButton",
                                               "Save the log or the selected requests as a HAR 1.2 file")
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.console_button = self._tool_button("Open in co&nsole", "openInConsoleButton",
                                                "Edit and resend the selected request (Enter)")
        self.console_button.clicked.connect(self.open_current_in_console)
        self.action_row = QHBoxLayout()
        for button in (self.copy_button, self.reveal_button, self.console_button, self.export_button):
            self.action_row.addWidget(button)
        self.action_row.addStretch(1)

    def focus_find(self) -> None:
        """Put the focus in the filter box (the window's Ctrl+F does, when the focus is in the log)."""
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def _tool_button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    # -- reading the view --------------------------------------------------------------------------

    def current_entry(self) -> LogEntry | None:
        """The entry of the current row, if any."""
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def selected_entries(self) -> list[LogEntry]:
        """The selected entries, oldest first."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.entry(row) for row in rows]

    def select_row(self, row: int) -> None:
        """Make ``row`` (of the filtered view) current and selected."""
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    # -- actions -----------------------------------------------------------------------------------

    def snippet(self, kind: SnippetKind, reveal: dict[str, str] | None = None) -> str:
        """The code of ``kind`` for the current request; raises ValidationError saying why there is none."""
        entry = self.current_entry()
        if entry is None:
            raise errors.ValidationError("Select a request first.")
        return render(call_from_event(entry.last), kind, reveal)

    def copy_as(self, kind: SnippetKind) -> None:
        """Put the current request on the clipboard as ``kind`` code (secrets read from the environment)."""
        try:
            code = self.snippet(kind)
        except errors.WorkfrontError as problem:
            self._show_error(problem)
            return
        entry = self.current_entry()
        names = needed_secrets(call_from_event(entry.last)) if entry else ()
        reads = f"; it reads {', '.join(names)} from the environment" if names else ""
        self._copy(code, f"Copied as {kind.label}{reads}.")

    def ask_and_copy_revealed(self, kind: SnippetKind) -> None:
        """Warn, and on confirmation copy ``kind`` code with the live credential written in."""
        answer = QMessageBox.warning(self, "Reveal the secret?", REVEAL_WARNING,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                     QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.copy_revealed(kind)

    def copy_revealed(self, kind: SnippetKind) -> None:
        """Copy ``kind`` code with the live credential inline (fetched off the GUI thread); no warning."""
        try:
            self.snippet(kind)  # fails early, before asking the session, when there is nothing to copy
        except errors.WorkfrontError as problem:
            self._show_error(problem)
            return
        session, planning = self.session, self.planning

        def copy(secrets: dict[str, str]) -> None:
            try:
                code = self.snippet(kind, secrets)
            except errors.WorkfrontError as problem:
                self._show_error(problem)
                return
            self._copy(code, f"Copied as {kind.label} WITH YOUR SECRET written in: do not share it.")

        self.ops.run(lambda: live_secrets(session, planning), on_success=copy, on_error=self._show_error,
                     name="reveal secret")

    def open_current_in_console(self) -> None:
        """Emit :attr:`open_in_console` for the current request."""
        entry = self.current_entry()
        if entry is None:
            return
        try:
            request = request_from_entry(entry)
        except errors.WorkfrontError as problem:
            self._show_error(problem)
            return
        self.open_in_console.emit(request)

    def choose_and_export(self, selected_only: bool) -> None:
        """Ask where to save, then export (all entries, or the selected ones)."""
        path, _ = QFileDialog.getSaveFileName(self, "Export requests as HAR", os.path.expanduser("~/requests.har"),
                                              "HAR files (*.har);;All files (*)")
        if path:
            self.export_har(path, selected_only=selected_only)

    def export_har(self, path: str, *, selected_only: bool = False,
                   done: Callable[[int], None] | None = None) -> None:
        """Write the log (or the selection) to ``path`` as HAR 1.2, off the GUI thread."""
        entries = self.selected_entries() if selected_only else self.log.entries()
        if not entries:
            self._show_error(errors.ValidationError("There are no requests to export."
                                                    if not selected_only else "Select the requests to export first."))
            return

        def written(count: int) -> None:
            self._note(f"Exported {count} request{'s' if count != 1 else ''} to {path} (secrets hidden).")
            if done is not None:
                done(count)

        def failed(problem: errors.WorkfrontError) -> None:
            self._show_error(problem)

        def write() -> int:
            try:
                return write_har(path, entries)
            except OSError as failure:
                raise errors.ValidationError(f"Could not write {path}: {failure.strerror or failure}") from failure

        self.ops.run(write, on_success=written, on_error=failed, name="export HAR")

    # -- reacting ----------------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        method = self.method_filter.currentData()
        self.model.set_log_filter(LogFilter(
            text=self.filter_box.text(), methods=frozenset({method}) if method else frozenset(),
            status_classes=self.status_filter.currentData() or frozenset(),
        ))  # fmt: skip
        self._update_status()

    def _pause_toggled(self, paused: bool) -> None:
        if paused:
            self.log.pause()
        else:
            self.log.resume()
        self.pause_button.setText("Res&ume" if paused else "&Pause")
        self.pause_button.setAccessibleName("Resume" if paused else "Pause")
        self._update_status()

    def _remember_tail(self) -> None:
        bar = self.table.verticalScrollBar()
        self._follow_newest = bar.value() >= bar.maximum()

    def _rows_applied(self) -> None:
        if self._follow_newest:
            self.table.scrollToBottom()
        entry = self.detail.entry
        if entry is not None:
            fresh = self.log.entry(entry.call_id)
            if fresh is not None and fresh is not entry:
                self.detail.show_entry(fresh)
        self._update_status()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_entry(self.model.entry(current.row()) if current.isValid() else None)
        self.message.hide()
        self._update_actions()

    def _context_menu(self, _index: QModelIndex, at: QPoint) -> None:
        if self.current_entry() is None:
            return
        menu = QMenu(self)
        menu.addMenu(self.copy_menu)
        menu.addMenu(self.reveal_menu)
        menu.addAction(self.console_action)
        menu.addSeparator()
        menu.addAction(self.export_selected_action)
        menu.popup(at)

    def _update_actions(self) -> None:
        entry = self.current_entry()
        call = None
        if entry is not None:
            try:
                call = call_from_event(entry.last)
            except errors.WorkfrontError:
                call = None
        for kind, action in self.copy_actions.items():
            reason = unavailable(call, kind) if call is not None else "Select a request first."
            action.setEnabled(reason is None)
            action.setToolTip(reason or f"Copy as {kind.label}")
            self.reveal_actions[kind].setEnabled(reason is None)
        for widget in (self.copy_button, self.reveal_button, self.console_button):
            widget.setEnabled(call is not None)
        self.console_action.setEnabled(call is not None)
        self.export_selected_action.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = f"{total:,} request{'s' if total != 1 else ''}" if shown == total else f"{shown:,} of {total:,} requests"
        if self.log.paused:
            text += " — paused: new requests are not recorded"
        self.status.setText(text)

    def _copy(self, text: str, note: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
        self._note(note)

    def _note(self, text: str) -> None:
        self.message.hide()
        self.status.setText(text)

    def _show_error(self, problem: BaseException) -> None:
        self.message.setText(problem.message if isinstance(problem, errors.ValidationError) else explain(problem))
        self.message.show()


class RequestLogDock(QDockWidget):
    """A dock holding a :class:`RequestLogWidget` (titled "Request log")."""

    def __init__(self, widget: RequestLogWidget, parent: QWidget | None = None) -> None:
        super().__init__("Request log", parent)
        self.setObjectName("requestLogDock")
        self.setAccessibleName("Request log")
        self.setWidget(widget)
        self.log_widget = widget

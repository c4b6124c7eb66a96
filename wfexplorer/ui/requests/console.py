"""The API console: method, path (completed from classic metadata), parameters or a JSON body, Send, the answer.

    console = ConsoleWidget(ops, session, planning=planning, history=ConsoleHistory(config_dir, profile.name),
                            read_only=profile.read_only)
    log_widget.open_in_console.connect(console.load)

Sending is :func:`wfexplorer.core.console.send` (``session.request`` or the Planning connection's call) in
the Operations executor, so the GUI thread never waits; what was sent joins the history (no secrets). A
read-only profile refuses writes before sending and says why.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.classic.metadata import ObjectMeta, ObjectSummary
from wfexplorer.core.classic.session import Session
from wfexplorer.core.console import (
    ConsoleHistory,
    ConsoleReply,
    ConsoleRequest,
    codes_to_describe,
    send,
    suggest_paths,
)
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.ui import resources
from wfexplorer.ui.messages import explain
from wfexplorer.ui.requests.json_view import BodyView

if TYPE_CHECKING:
    from wfexplorer.ui.asyncops import Operations

CLASSIC_METHODS = ("GET", "POST", "PUT", "DELETE")
PLANNING_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_API_LABELS = {"classic": "Classic API (/attask/api)", "planning": "Planning API (/maestro/api)"}


class ConsoleWidget(QWidget):
    """Edit one request, send it through core, read the formatted answer; earlier requests in a history list.

    Signals:
        replied(object): the :class:`~wfexplorer.core.console.ConsoleReply` of a request just sent.
        failed(object): the WorkfrontError a request ended with.
    """

    replied = Signal(object)
    failed = Signal(object)

    def __init__(self, ops: Operations, session: Session | None, *, planning: PlanningClient | None = None,
                 history: ConsoleHistory | None = None, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console")
        self.setAccessibleName("Console")
        self.ops = ops
        self.session = session
        self.planning = planning
        self.history = history
        self.read_only = read_only
        self._objects: dict[str, ObjectSummary] = {}
        self._described: dict[str, ObjectMeta] = {}
        self._asked: set[str] = set()
        self._sending = False
        self._build()
        self._api_changed()
        self._fill_history()
        if history is not None and history.problem:
            self._show_error(errors.ValidationError(history.problem))
        self._load_object_list()

    # -- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.api_box = QComboBox()
        self.api_box.setObjectName("consoleApi")
        self.api_box.setAccessibleName("API")
        for api, label in _API_LABELS.items():
            self.api_box.addItem(label, api)
        if self.session is None:
            self.api_box.model().item(0).setEnabled(False)  # type: ignore[attr-defined]
            self.api_box.setCurrentIndex(1)
        if self.planning is None:
            self.api_box.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
            self.api_box.setItemData(1, "This connection has no Planning access (it needs OAuth 2.0).",
                                     Qt.ItemDataRole.ToolTipRole)
        self.api_box.currentIndexChanged.connect(self._api_changed)
        self.method_box = QComboBox()
        self.method_box.setObjectName("consoleMethod")
        self.method_box.setAccessibleName("Method")
        self.method_box.setEditable(True)
        self.method_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.path_box = QLineEdit()
        self.path_box.setObjectName("consolePath")
        self.path_box.setAccessibleName("Path")
        self.path_box.setPlaceholderText("/proj/search")
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.path_box.setCompleter(self.completer)
        self.path_box.textEdited.connect(self._path_edited)
        self.path_box.returnPressed.connect(self.send)

        self.params = QTableWidget(0, 2)
        self.params.setObjectName("consoleParams")
        self.params.setAccessibleName("Parameters")
        self.params.setHorizontalHeaderLabels(["Name", "Value"])
        self.params.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.params.verticalHeader().hide()
        self.params.setTabKeyNavigation(False)
        self.params.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_param_button = QPushButton("&Add parameter")
        self.add_param_button.setObjectName("addParameter")
        self.add_param_button.clicked.connect(lambda: self.add_parameter("", "", edit=True))
        self.remove_param_button = QPushButton("Re&move parameter")
        self.remove_param_button.setObjectName("removeParameter")
        self.remove_param_button.clicked.connect(self._remove_parameter)
        self.body_box = QPlainTextEdit()
        self.body_box.setObjectName("consoleBody")
        self.body_box.setAccessibleName("JSON body")
        self.body_box.setPlaceholderText('{"filter": {...}}')
        self.body_box.setTabChangesFocus(True)
        self.body_label = QLabel("JSON &body:")
        self.body_label.setBuddy(self.body_box)

        self.send_button = QPushButton("&Send")
        self.send_button.setObjectName("consoleSend")
        self.send_button.setDefault(True)
        self.send_button.setToolTip("Send the request (Ctrl+Enter)")
        self.send_button.clicked.connect(self.send)
        send_action = QAction("Send", self)
        send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        send_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        send_action.triggered.connect(self.send)
        self.addAction(send_action)
        self.read_only_note = resources.message_label("hint", "consoleReadOnly")
        self.read_only_note.setText("This profile is read-only: the console sends reads only (GET, and Planning "
                                    "record searches).")
        self.message = resources.message_label("error", "consoleMessage")
        self.reply_status = QLabel()
        self.reply_status.setObjectName("consoleReplyStatus")
        self.reply_status.setAccessibleName("Response status")
        resources.set_role(self.reply_status, "note")
        self.reply_view = BodyView("Console response")

        self.history_list = QListWidget()
        self.history_list.setObjectName("consoleHistory")
        self.history_list.setAccessibleName("Console history")
        self.history_list.itemActivated.connect(self._history_chosen)
        self.clear_history_button = QPushButton("Clear &history")
        self.clear_history_button.setObjectName("clearConsoleHistory")
        self.clear_history_button.clicked.connect(self._clear_history)
        self.clear_history_button.setEnabled(self.history is not None)

        form = QFormLayout()
        for text, widget in (("A&PI:", self.api_box), ("Me&thod:", self.method_box), ("Pa&th:", self.path_box)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        params_label = QLabel("Pa&rameters:")
        params_label.setBuddy(self.params)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_param_button)
        buttons.addWidget(self.remove_param_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(params_label)
        editor_layout.addWidget(self.params, 2)
        editor_layout.addWidget(self.body_label)
        editor_layout.addWidget(self.body_box, 2)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.read_only_note)
        self.read_only_note.setVisible(self.read_only)  # once it has a parent: before, it would open as a window
        editor_layout.addWidget(self.message)
        history_label = QLabel("History:")
        history_label.setBuddy(self.history_list)
        editor_layout.addWidget(history_label)
        editor_layout.addWidget(self.history_list, 1)
        editor_layout.addWidget(self.clear_history_button, 0, Qt.AlignmentFlag.AlignLeft)
        answer = QWidget()
        answer_layout = QVBoxLayout(answer)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addWidget(self.reply_status)
        answer_layout.addWidget(self.reply_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(editor)
        splitter.addWidget(answer)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    # -- the request on screen ---------------------------------------------------------------------

    @property
    def api(self) -> str:
        """``classic`` or ``planning``."""
        return str(self.api_box.currentData())

    def current_request(self) -> ConsoleRequest:
        """The request the fields describe (rows without a name are left out)."""
        pairs = []
        for row in range(self.params.rowCount()):
            name_item, value_item = self.params.item(row, 0), self.params.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if name:
                pairs.append((name, value_item.text() if value_item else ""))
        body = self.body_box.toPlainText() if self.api == "planning" else ""
        return ConsoleRequest(self.api, self.method_box.currentText(), self.path_box.text(),  # type: ignore[arg-type]
                              tuple(pairs), body)

    def load(self, request: ConsoleRequest) -> None:
        """Show ``request`` in the fields (from the log's "open in console" or the history)."""
        index = self.api_box.findData(request.api)
        if index >= 0:
            self.api_box.setCurrentIndex(index)
        self.method_box.setCurrentText(request.method)
        self.path_box.setText(request.path)
        self.params.setRowCount(0)
        for name, value in request.params:
            self.add_parameter(name, value)
        self.body_box.setPlainText(request.body)
        self.message.hide()
        self.path_box.setFocus()

    def add_parameter(self, name: str, value: str, *, edit: bool = False) -> None:
        """Add a parameter row (and start editing its name when ``edit``)."""
        row = self.params.rowCount()
        self.params.insertRow(row)
        name_item = QTableWidgetItem(name)
        self.params.setItem(row, 0, name_item)
        self.params.setItem(row, 1, QTableWidgetItem(value))
        if edit:
            self.params.setCurrentCell(row, 0)
            self.params.setFocus()
            self.params.editItem(name_item)

    def _remove_parameter(self) -> None:
        rows = sorted({index.row() for index in self.params.selectedIndexes()} or {self.params.currentRow()},
                      reverse=True)
        for row in rows:
            if row >= 0:
                self.params.removeRow(row)

    def _api_changed(self) -> None:
        methods = CLASSIC_METHODS if self.api == "classic" else PLANNING_METHODS
        current = self.method_box.currentText() or "GET"
        self.method_box.clear()
        self.method_box.addItems(methods)
        self.method_box.setCurrentText(current)
        planning = self.api == "planning"
        self.body_box.setVisible(planning)
        self.body_label.setVisible(planning)
        self.path_box.setPlaceholderText("/workspaces" if planning else "/proj/search")
        self.completions.setStringList([])

    # -- sending -----------------------------------------------------------------------------------

    def send(self) -> None:
        """Send the request on screen (off the GUI thread); the answer or the error shows beside it."""
        if self._sending:
            return
        request = self.current_request()
        problems = request.problems()
        if problems:
            self._show_error(errors.ValidationError(" ".join(problems.values())))
            return
        session, planning, read_only, history = self.session, self.planning, self.read_only, self.history

        def call() -> ConsoleReply:
            reply = send(request, session=session, planning=planning, read_only=read_only)
            if history is not None:
                history.add(request)
            return reply

        self.message.hide()
        self.reply_status.setText(f"Sending {request.method} {request.path}…")
        self.ops.run(call, on_success=self._show_reply, on_error=self._send_failed, busy=self._set_busy,
                     name="console request")

    def _set_busy(self, busy: bool) -> None:
        self._sending = busy
        self.send_button.setEnabled(not busy)

    def _show_reply(self, reply: ConsoleReply) -> None:
        parts = [f"{reply.request.method} {reply.request.path}", f"{reply.duration_ms:.0f} ms"]
        if reply.status is not None:
            parts.insert(1, f"HTTP {reply.status}")
        if reply.server_request_id:
            parts.append(f"request id {reply.server_request_id}")
        self.reply_status.setText(" · ".join(parts))
        self.reply_view.show_value(reply.data)
        self._fill_history()
        self.replied.emit(reply)

    def _send_failed(self, error: errors.WorkfrontError) -> None:
        self.reply_status.setText("The request failed.")
        details: Any = error.details
        if details is not None and not isinstance(details, str):
            self.reply_view.show_value(details)
        else:
            self.reply_view.show_nothing()
        self._show_error(error)
        self.failed.emit(error)

    def _show_error(self, error: BaseException) -> None:
        text = explain(error) if not isinstance(error, errors.ValidationError) or error.status else str(
            getattr(error, "message", error))
        if isinstance(error, errors.WorkfrontError):
            server = [part for part in (error.error_class, error.error_code) if part]
            if server:
                text += f" ({', '.join(server)})"
        self.message.setText(text)
        self.message.show()

    # -- history -----------------------------------------------------------------------------------

    def _fill_history(self) -> None:
        self.history_list.clear()
        if self.history is None:
            return
        for item in self.history.items():
            when = dt.datetime.fromtimestamp(item.sent_at).strftime("%Y-%m-%d %H:%M")
            request = item.request
            row = QListWidgetItem(f"{request.method} {request.path}  ·  {when}")
            row.setData(Qt.ItemDataRole.UserRole, request)
            row.setToolTip(_API_LABELS[request.api])
            self.history_list.addItem(row)

    def _history_chosen(self, item: QListWidgetItem) -> None:
        request = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(request, ConsoleRequest):
            self.load(request)

    def _clear_history(self) -> None:
        if self.history is not None:
            self.history.clear()
            self._fill_history()

    # -- completion --------------------------------------------------------------------------------

    def _load_object_list(self) -> None:
        session = self.session
        if session is None:
            return

        def loaded(objects: dict[str, ObjectSummary]) -> None:
            self._objects = objects
            self._path_edited(self.path_box.text())

        self.ops.run(session.metadata.objects, on_success=loaded, on_error=lambda _error: None,
                     name="console metadata")

    def _path_edited(self, text: str) -> None:
        if self.api != "classic" or not self._objects:
            return
        for code in codes_to_describe(text, self._objects):
            if code not in self._described and code not in self._asked:
                self._asked.add(code)
                self._describe(code)
        self.completions.setStringList(suggest_paths(text, self._objects, self._described))

    def _describe(self, code: str) -> None:
        """Load one type's metadata (its named queries and actions) off the GUI thread, then complete again."""
        session = self.session
        if session is None:
            return

        def described(meta: ObjectMeta) -> None:
            self._described[code] = meta
            self._path_edited(self.path_box.text())

        self.ops.run(lambda: session.metadata.describe(code), on_success=described, on_error=lambda _error: None,
                     name="console metadata")

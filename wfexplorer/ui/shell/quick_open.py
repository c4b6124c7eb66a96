"""Quick open (Ctrl+L): paste an ID, ``OBJCODE:ID`` or a Workfront link, or type part of a name.

An ID or link is recognised at once (no request) and opens on Enter; an ID of unknown type is looked
up among the common types when it opens (one request). Typed text searches projects, tasks, issues,
portfolios, programs and users by name as you type: debounced, one request per search, and a slower
earlier search never overwrites a newer one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wfexplorer.core import errors
from wfexplorer.core.browse.targets import (
    NameHit,
    ObjectTarget,
    RecordTarget,
    Target,
    find_object,
    parse_target,
    search_names,
)
from wfexplorer.core.classic.session import Session
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.tree import icons

DEBOUNCE_MS = 250
TYPE_LABELS = {"PROJ": "Project", "TASK": "Task", "OPTASK": "Issue", "PORT": "Portfolio", "PRGM": "Program",
               "USER": "User"}
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class QuickOpen(QDialog):
    """The quick-open palette.

    Signals:
        chosen(object, str, bool): open this target (ObjectTarget or RecordTarget) with this label;
            True: in a new tab (Ctrl+Enter).
    """

    chosen = Signal(object, str, bool)

    def __init__(self, session: Session, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickOpen")
        self.setWindowTitle("Quick open — wfexplorer")
        self.setAccessibleName("Quick open")
        self.session = session
        self.ops = ops
        self.input = QLineEdit()
        self.input.setObjectName("quickOpenInput")
        self.input.setAccessibleName("ID, link or name")
        self.input.setPlaceholderText("Paste an ID, OBJCODE:ID or a Workfront link, or type part of a name")
        self.input.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("quickOpenResults")
        self.results.setAccessibleName("Matches")
        self.results.itemActivated.connect(lambda item: self._open(item, new_tab=False))
        self.status = QLabel("Enter opens the selected match; Ctrl+Enter opens it in a new tab.")
        self.status.setObjectName("quickOpenStatus")
        self.status.setWordWrap(True)
        resources.set_role(self.status, "note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().lineSpacing() * 20)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self._generation = 0
        self._task: Any = None
        self.input.textChanged.connect(self._changed)
        self.input.installEventFilter(self)
        self.searches = 0

    # -- typing ----------------------------------------------------------------------------------------

    def _changed(self, text: str) -> None:
        self._generation += 1
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.results.clear()
        target = parse_target(text)
        if target is not None:
            self._add(self._describe(target), target)
            self.results.setCurrentRow(0)
            self.status.setText("Enter opens it; Ctrl+Enter opens it in a new tab.")
        elif len(text.strip()) >= 2:
            self.status.setText("Searching…")
            self._timer.start()
        else:
            self.status.setText("Type at least two letters of a name, or paste an ID or a link.")

    @staticmethod
    def _describe(target: Target) -> str:
        if isinstance(target, RecordTarget):
            return f"Planning record {target.id}"
        kind = TYPE_LABELS.get(target.code or "", target.code or "object of any common type")
        return f"Open {kind} {target.id}"

    def _add(self, text: str, target: Target, code: str = "", label: str = "") -> None:
        item = QListWidgetItem(icons.named(code or ("record" if isinstance(target, RecordTarget) else
                                                   getattr(target, "code", None) or "object")), text)
        item.setData(TARGET_ROLE, (target, label))
        self.results.addItem(item)

    def _search(self) -> None:
        text = self.input.text()
        generation = self._generation
        self.searches += 1

        def show(hits: list[NameHit]) -> None:
            if generation != self._generation:
                return  # a newer search is under way; this answer is stale
            self.results.clear()
            for hit in hits:
                self._add(f"{hit.label} — {TYPE_LABELS.get(hit.code, hit.code)}", ObjectTarget(hit.code, hit.id),
                          hit.code, hit.label)
            if hits:
                self.results.setCurrentRow(0)
            self.status.setText(f"{len(hits)} match{'es' if len(hits) != 1 else ''} for “{text}”." if hits
                                else f"Nothing is called like “{text}” among projects, tasks, issues, portfolios, "
                                     "programs and users.")

        def failed(error: errors.WorkfrontError) -> None:
            if generation == self._generation:
                self.status.setText(messages.explain(error))

        self._task = self.ops.run(lambda: search_names(self.session, text), on_success=show, on_error=failed,
                                  name="quick open search")

    # -- choosing --------------------------------------------------------------------------------------

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.input and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.results.keyPressEvent(event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._open(item, new_tab=bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
                return True
        return super().eventFilter(watched, event)

    def _open(self, item: QListWidgetItem, *, new_tab: bool) -> None:
        target, label = item.data(TARGET_ROLE)
        if isinstance(target, ObjectTarget) and target.code is None:
            self.status.setText("Looking the ID up…")
            self.ops.run(lambda: find_object(self.session, target), on_success=lambda found: self._done(
                found, label, new_tab), on_error=lambda error: self.status.setText(messages.explain(error)),
                name="quick open lookup")
            return
        self._done(target, label, new_tab)

    def _done(self, target: Target, label: str, new_tab: bool) -> None:
        self.chosen.emit(target, label, new_tab)
        self.accept()

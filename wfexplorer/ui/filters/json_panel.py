"""The live JSON of the search, v2 and v1 side by side in tabs, each editable.

Each tab shows the request line and the JSON body exactly as that version sends them (relative dates resolved)
and, under it, notes: which date each relative date stood for, and what that version cannot say. Typing or
pasting in a tab waits a moment, then reads the text (either grammar, whole body or bare filter): when it is a
search, ``text_applied`` hands it on and the tree is rebuilt; when it is not, the problem is shown with its
line and column, that line is marked, and the text is left as typed (the tree keeps the last good search) until
it is fixed or reverted.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.planning.builder import Grammar, PastedSearch, TextError, parse_search_text
from wfexplorer.core.planning.filters import FieldCatalog
from wfexplorer.core.planning.search_call import SearchCall
from wfexplorer.ui import resources

APPLY_DELAY_MS = 350


class JsonTab(QWidget):
    """One grammar's request line, body, notes and problem."""

    def __init__(self, grammar: Grammar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grammar = grammar
        self.request_line = QLineEdit()  # read-only: long query strings scroll instead of widening the window
        self.request_line.setObjectName(f"requestLine{grammar.value}")
        self.request_line.setReadOnly(True)
        self.request_line.setFrame(False)
        self.request_line.setAccessibleName(f"{grammar.value} request line")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"json{grammar.value}")
        self.editor.setAccessibleName(f"{grammar.value} JSON body (editable: typing or pasting rebuilds the filter)")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(True)
        self.notes = QLabel()
        self.notes.setObjectName(f"jsonNotes{grammar.value}")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        resources.set_role(self.notes, "note")
        self.problem = resources.message_label("error", f"jsonProblem{grammar.value}")
        self.revert = QPushButton("Revert to the filter")
        self.revert.setObjectName(f"jsonRevert{grammar.value}")
        self.revert.setAccessibleName(f"Revert the {grammar.value} text to the filter")
        self.revert.hide()
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problem, 1)
        problem_row.addWidget(self.revert, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.request_line)
        layout.addWidget(self.editor, 1)
        layout.addLayout(problem_row)
        layout.addWidget(self.notes)
        self.shown_text = ""
        self.broken = False

    def show_text(self, text: str) -> None:
        """Put ``text`` in the editor (not an edit of the user's)."""
        self.shown_text = text
        if self.editor.toPlainText() != text:
            blocked = self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(blocked)
        self.mark(None)

    def mark(self, problem: Any) -> None:
        """Show a ``TextProblem`` (None: clear), marking its line."""
        self.broken = problem is not None
        self.revert.setVisible(self.broken)
        if problem is None:
            self.problem.hide()
            self.problem.clear()
            self.editor.setExtraSelections([])
            return
        where = f"Line {problem.line}, column {problem.column}: " if problem.line else ""
        self.problem.setText(f"{where}{problem.message}\nThe filter keeps its last good version until this is fixed.")
        self.problem.show()
        if problem.line:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(255, 80, 80, 60))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            block = self.editor.document().findBlockByLineNumber(problem.line - 1)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor,
                                max(0, (problem.column or 1) - 1))
            selection.cursor = cursor
            self.editor.setExtraSelections([selection])


class JsonPanel(QTabWidget):
    """The v2 and v1 tabs (see the module docs).

    Signals:
        text_applied(object, object): the user's text was read as a search (``PastedSearch``) from this tab's
            ``Grammar``.
    """

    text_applied = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jsonPanel")
        self.setAccessibleName("Search JSON")
        self.tabs = {Grammar.V2: JsonTab(Grammar.V2), Grammar.V1: JsonTab(Grammar.V1)}
        self.addTab(self.tabs[Grammar.V2], "v2 (filter)")
        self.addTab(self.tabs[Grammar.V1], "v1 (filters)")
        self.fields: FieldCatalog | None = None
        self._pending: Grammar | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(APPLY_DELAY_MS)
        self.timer.timeout.connect(self.apply_now)
        for grammar, tab in self.tabs.items():
            tab.editor.textChanged.connect(lambda grammar=grammar: self._typed(grammar))
            tab.revert.clicked.connect(lambda _checked=False, tab=tab: tab.show_text(tab.shown_text))

    def tab(self, grammar: Grammar) -> JsonTab:
        """The tab of one grammar."""
        return self.tabs[grammar]

    def show_calls(self, v2: SearchCall, v1: SearchCall, *, keep: Grammar | None = None,
                   notes: dict[Grammar, list[str]] | None = None) -> None:
        """Show both calls; the ``keep`` tab (the one the user typed in) and a tab with a broken text keep
        their text."""
        for grammar, call in ((Grammar.V2, v2), (Grammar.V1, v1)):
            tab = self.tabs[grammar]
            query = "&".join(f"{name}={value}" for name, value in call.query_pairs())
            tab.request_line.setText(f"{call.method} {call.server_path}{'?' + query if query else ''}")
            tab.request_line.setCursorPosition(0)
            tab.request_line.setToolTip(tab.request_line.text())
            text = json.dumps(call.body, indent=2, ensure_ascii=False)
            if grammar is keep or tab.broken or grammar is self._pending:
                tab.shown_text = text
            else:
                tab.show_text(text)
            lines = [f"Relative date {r.path}: {r.relative.expression} → {r.value} (on each run)"
                     for r in call.resolutions]
            lines += [f"v{call.version} cannot say {loss.path}: {loss.message}" for loss in call.losses]
            lines += (notes or {}).get(grammar, [])
            tab.notes.setText("\n".join(lines))
            tab.notes.setVisible(bool(lines))

    def text_of(self, grammar: Grammar) -> str:
        """What a tab's editor holds."""
        return self.tabs[grammar].editor.toPlainText()

    def _typed(self, grammar: Grammar) -> None:
        self._pending = grammar
        self.timer.start()

    def apply_now(self) -> None:
        """Read the pending text at once (instead of after the short pause)."""
        self.timer.stop()
        grammar, self._pending = self._pending, None
        if grammar is None:
            return
        tab = self.tabs[grammar]
        try:
            pasted: PastedSearch = parse_search_text(tab.editor.toPlainText(), self.fields)
        except TextError as error:
            tab.mark(error.first)
            return
        tab.mark(None)
        self.text_applied.emit(pasted, grammar)

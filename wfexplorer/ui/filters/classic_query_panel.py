"""The classic search's query string, live and editable, with the parameters the builder keeps as they are.

The panel shows the exact request Run sends (``GET /task/search?…``) and, in an editable box, the query string.
Typing or pasting there (a query string, or a whole ``/attask/api/v…/task/search?…`` URL from a browser or a
script) waits a moment, then hands the text on (``text_applied``); the builder rebuilds itself from it. Text that
cannot be read is marked where the problem is and left as typed until it is fixed or reverted; the builder keeps
its last good search meanwhile. Parameters the builder cannot represent (``EXISTS:`` blocks, ``map``, a malformed
``OR:x:`` …) are listed under the box: they are sent as they are and never dropped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.classic.search_model import ClassicRequest, QueryStringError
from wfexplorer.ui import resources

APPLY_DELAY_MS = 350


class ClassicQueryPanel(QWidget):
    """The request line, the editable query string, its problem and the raw parameters.

    Signals:
        text_applied(str): the user's text, to be read into the builder.
    """

    text_applied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classicQueryPanel")
        self.request_line = QLineEdit()
        self.request_line.setObjectName("classicRequestLine")
        self.request_line.setAccessibleName("Request line")
        self.request_line.setReadOnly(True)
        self.request_line.setFrame(False)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("classicQueryString")
        self.editor.setAccessibleName("Query string (editable: typing or pasting a query string or URL rebuilds "
                                      "the search)")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText("name=launch&name_Mod=cicontains&OR:1:status=CUR — or paste a whole URL "
                                       "(line breaks between parameters are ignored)")
        self.problem = resources.message_label("error", "classicQueryProblem")
        self.revert = QPushButton("Revert to the search")
        self.revert.setObjectName("classicQueryRevert")
        self.revert.setAccessibleName("Revert the query string to the search")
        self.revert.hide()
        self.raw = QLabel()
        self.raw.setObjectName("classicRawParameters")
        self.raw.setAccessibleName("Parameters kept as they are")
        self.raw.setWordWrap(True)
        self.raw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setObjectName("classicQueryNotes")
        self.notes.setWordWrap(True)
        resources.set_role(self.notes, "note")
        title = QLabel("<b>&Query string</b>")
        title.setBuddy(self.editor)
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problem, 1)
        problem_row.addWidget(self.revert, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.request_line)
        layout.addWidget(self.editor, 1)
        layout.addLayout(problem_row)
        layout.addWidget(self.raw)
        layout.addWidget(self.notes)
        self.shown_text = ""
        self.broken = False
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(APPLY_DELAY_MS)
        self.timer.timeout.connect(self.apply_now)
        self.editor.textChanged.connect(self._typed)
        self.revert.clicked.connect(lambda: self.show_query(self.shown_text, force=True))
        self.raw.hide()
        self.notes.hide()

    def show_query(self, text: str, request: ClassicRequest | None = None, raw: tuple[tuple[str, str], ...] = (),
                   *, force: bool = False) -> None:
        """Show the builder's query string (kept back while the user's own text is pending or broken)."""
        self.shown_text = text
        if request is not None:
            query = request.query_string
            self.request_line.setText(f"{request.method} {request.path}{'?' + query if query else ''}")
            self.request_line.setCursorPosition(0)
            self.request_line.setToolTip(self.request_line.text())
        if force or not (self._pending or self.broken):
            if self.text() != text:
                blocked = self.editor.blockSignals(True)
                self.editor.setPlainText(text.replace("&", "\n&"))  # one parameter a line: easier to read
                self.editor.blockSignals(blocked)
            self._pending = False
            self.mark(None)
        if request is not None or raw:
            self.show_raw(raw)

    def show_raw(self, raw: tuple[tuple[str, str], ...]) -> None:
        """List the parameters kept as they are."""
        if raw:
            items = ", ".join(f"<code>{_html(key)}={_html(value)}</code>" for key, value in raw)
            self.raw.setText(f"Kept as they are and sent unchanged ({len(raw)}): {items}")
        self.raw.setVisible(bool(raw))

    def show_notes(self, notes: list[str]) -> None:
        """Say what reading the text changed (credentials removed …)."""
        self.notes.setText(" ".join(notes))
        self.notes.setVisible(bool(notes))

    def text(self) -> str:
        """What the box holds, as one query string (the line breaks shown between parameters are not part of it)."""
        return "".join(line.strip() for line in self.editor.toPlainText().splitlines())

    def _typed(self) -> None:
        self._pending = True
        self.timer.start()

    @property
    def pending(self) -> bool:
        """Whether typed text waits to be read."""
        return self._pending

    def apply_now(self) -> None:
        """Read the typed text at once (instead of after the short pause)."""
        self.timer.stop()
        if not self._pending:
            return
        self._pending = False
        self.text_applied.emit(self.text())

    def mark(self, error: QueryStringError | None) -> None:
        """Show why the text cannot be read (None: clear), marking where."""
        self.broken = error is not None
        self.revert.setVisible(self.broken)
        if error is None:
            self.problem.hide()
            self.problem.clear()
            self.editor.setExtraSelections([])
            return
        where = f"At character {error.position + 1}: " if error.position is not None else ""
        self.problem.setText(f"{where}{error.message}\nThe search keeps its last good version until this is fixed.")
        self.problem.show()
        if error.position is not None:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(255, 80, 80, 60))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(self._editor_position(error.position))
            selection.cursor = cursor
            self.editor.setExtraSelections([selection])


    def _editor_position(self, position: int) -> int:
        """Where character ``position`` of :meth:`text` is in the box (which shows line breaks and indents)."""
        seen = 0
        for block_start, line in _lines(self.editor.toPlainText()):
            stripped = line.strip()
            if position < seen + len(stripped):
                return block_start + (len(line) - len(line.lstrip())) + position - seen
            seen += len(stripped)
        return len(self.editor.toPlainText())


def _lines(text: str) -> list[tuple[int, str]]:
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, line))
        start += len(line) + 1
    return found


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

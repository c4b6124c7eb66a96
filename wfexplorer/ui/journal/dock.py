"""The Changes dock: every write of this profile, newest first, with its request and result, and undo.

    dock = ChangesDock(ops, journal, Undo(connection.session, connection.planning, journal))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.undone.connect(lambda entry: ...)         # refresh that object's form and tree node

The journal is read off the GUI thread when the dock opens; new entries (from any thread) arrive through a
queued signal. "Undo this change" (Ctrl+Z in the table) writes the before values back through the conflict
guard; when the object changed since, the edit form's conflict dialog shows whose value is where, and the undo
is sent only for the fields where the user keeps the undo's value.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.editing import ConflictFound
from wfexplorer.core.journal import Journal, JournalEntry, Undo
from wfexplorer.core.journal.store import Row
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.dialogs import ConflictDialog
from wfexplorer.ui.journal.model import JournalModel


class ChangesDock(QDockWidget):
    """The Changes dock (see the module docs).

    Signals:
        undone(object): the :class:`JournalEntry` of an undo that worked.
        loaded(): the journal has been read into the table.
    """

    undone = Signal(object)
    loaded = Signal()
    _arrived = Signal(object)

    def __init__(self, ops: Operations, journal: Journal, undo: Undo, parent: QWidget | None = None) -> None:
        super().__init__("Changes", parent)
        self.setObjectName("changesDock")
        self.setAccessibleName("Changes")
        self.ops, self.journal, self.undo = ops, journal, undo
        self.conflict_dialog: ConflictDialog | None = None
        self.model = JournalModel(self)
        self.table = QTableView()
        self.table.setObjectName("changesTable")
        self.table.setAccessibleName("Changes made by this profile, newest first")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.details = QPlainTextEdit()
        self.details.setObjectName("changeDetails")
        self.details.setAccessibleName("The chosen change: request and result")
        self.details.setReadOnly(True)
        self.message = resources.message_label("error", "changesMessage")
        self.undo_button = QPushButton("&Undo this change")
        self.undo_button.setObjectName("undoChange")
        self.undo_button.setAccessibleName("Undo this change")
        self.undo_button.setToolTip("Write the values before this change back (Ctrl+Z in the list)")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.undo_selected)
        self.status = QLabel("Reading the journal…")
        self.status.setObjectName("changesStatus")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setWidget(body)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self._arrived.connect(self._add, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = journal.subscribe(self._arrived.emit)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.reload()

    def reload(self) -> None:
        """Read the whole journal again (off the GUI thread)."""
        journal = self.journal
        self.ops.run(journal.rows, on_success=self._loaded, on_error=self._show_error, name="journal")

    def _loaded(self, entries: list[Row]) -> None:
        self.model.reset(entries)
        self._count()
        self.loaded.emit()

    def _count(self) -> None:
        count = self.model.rowCount()
        self.status.setText(f"{count} change{'s' if count != 1 else ''}" if count else "No changes yet.")

    def _add(self, entry: JournalEntry) -> None:
        self.model.add(entry)
        self._count()
        self._selected()

    def selected(self) -> JournalEntry | None:
        """The entry of the current row, if any."""
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select(self, row: int) -> None:
        """Make ``row`` the current one."""
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _selected(self) -> None:
        entry = self.selected()
        self.undo_button.setEnabled(entry is not None and entry.undoable)
        if entry is None:
            self.details.clear()
            return
        lines = [f"{entry.title or entry.kind.value} — {entry.target}", ""]
        lines += [f"{change.label}: {change.before!r} → {change.after!r}" for change in entry.changes]
        lines += ["", entry.request, "", f"Result: {entry.result}"]
        self.details.setPlainText("\n".join(lines))

    def undo_selected(self) -> bool:
        """Undo the current entry (off the GUI thread); False when there is nothing to undo."""
        entry = self.selected()
        if entry is None or not entry.undoable:
            return False
        self._start(entry, guard=True, only=None)
        return True

    def _start(self, entry: JournalEntry, *, guard: bool, only: set[str] | None) -> None:
        self.message.hide()
        undo = self.undo
        self.ops.run(lambda: undo.run(entry, guard=guard, only=only), on_success=self.undone.emit,
                     on_error=lambda error: self._failed(entry, error), busy=self._busy, name="undo")

    def _busy(self, busy: bool) -> None:
        entry = self.selected()
        self.undo_button.setEnabled(not busy and entry is not None and entry.undoable)
        self.undo_button.setText("Undoing…" if busy else "&Undo this change")

    def _failed(self, entry: JournalEntry, error: errors.WorkfrontError) -> None:
        if isinstance(error, ConflictFound):
            dialog = ConflictDialog(error.conflicts, parent=self)
            self.conflict_dialog = dialog

            def chosen() -> None:
                keep = {key for key, theirs in dialog.take_theirs().items() if not theirs}
                if keep:
                    self._start(entry, guard=False, only=keep)

            dialog.accepted.connect(chosen)
            dialog.rejected.connect(lambda: self._show_text(
                "Not undone: the object changed since this change. Nothing was written."))
            dialog.open()
            return
        self._show_error(error)

    def _show_error(self, error: errors.WorkfrontError) -> None:
        self._show_text(messages.explain(error))

    def _show_text(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

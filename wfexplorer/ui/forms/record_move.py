"""The Planning record move dialog: put records after or before another record of their type, in its order.

    dialog = RecordMoveDialog(ops, planning, record_type_id, [("rec-1", "Spring launch")], journal=journal)
    dialog.moved.connect(lambda record_type_id: ...)    # reload the record type's rows
    dialog.open()

The list shows the type's records in their order (the order Workfront's table shows and a move changes),
filtered by name as the user types; the records being moved are listed but cannot be chosen. Move sends one
``POST …/records/move`` off the GUI thread (core :func:`~wfexplorer.core.actions.move_records`, journalled);
the result, or the server's reason when nothing moved, shows under the list, which reloads in the new order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.actions import move_records
from wfexplorer.core.editing.lookups import Choice, RecordSearch
from wfexplorer.core.journal import Journal
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.planning.results import BulkResult
from wfexplorer.ui import messages, resources
from wfexplorer.ui.asyncops import Operations

#: How many records of the type the list shows (the find box narrows them down).
SHOWN = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIND_DELAY_MS = 250


class RecordMoveDialog(QDialog):
    """The move dialog (see the module docs).

    Signals:
        moved(str): the records of this record type were moved (their order changed on the server).
    """

    moved = Signal(str)

    def __init__(self, ops: Operations, planning: PlanningClient, record_type_id: str,
                 records: Sequence[tuple[str, str]], *, type_label: str = "", journal: Journal | None = None,
                 read_only: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordMoveDialog")
        self.ops, self.planning, self.record_type_id, self.journal = ops, planning, record_type_id, journal
        self._search = RecordSearch(planning, record_type_id, SHOWN)  # reads the record type once
        self.records = list(records)
        self.moving = {ident for ident, _label in self.records}
        self._generation = 0
        names = ", ".join(f"“{label}”" for _ident, label in self.records[:3])
        more = f" and {len(self.records) - 3} more" if len(self.records) > 3 else ""
        self.what = names + more
        self.setWindowTitle(f"Move {self.what} — wfexplorer")

        heading = QLabel(f"Move {self.what} in the order of {type_label or 'its record type'}:")
        heading.setWordWrap(True)
        self.where = QComboBox()
        self.where.setObjectName("moveWhere")
        self.where.setAccessibleName("Put the records after or before the chosen record")
        self.where.addItem("After", "after")
        self.where.addItem("Before", "before")
        where_label = QLabel("&Put them:" if len(self.records) > 1 else "&Put it:")
        where_label.setBuddy(self.where)
        self.find_box = QLineEdit()
        self.find_box.setObjectName("moveFind")
        self.find_box.setAccessibleName("Find a record of the type by name")
        self.find_box.setPlaceholderText("Type part of a name to narrow the list")
        self.find_box.setClearButtonEnabled(True)
        find_label = QLabel("&Find:")
        find_label.setBuddy(self.find_box)
        self.list = QListWidget()
        self.list.setObjectName("moveAnchors")
        self.list.setAccessibleName("Records of the type, in their order: choose where to move")
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.list.itemActivated.connect(lambda _item: self.run_move())
        list_label = QLabel("&Record:")
        list_label.setBuddy(self.list)
        form = QFormLayout()
        form.addRow(where_label, self.where)
        form.addRow(find_label, self.find_box)
        self.status = resources.message_label("hint", "moveStatus")
        self.message = resources.message_label("error", "moveMessage")
        self.result_label = resources.message_label("hint", "moveResult")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.move_button = buttons.addButton("&Move", QDialogButtonBox.ButtonRole.ApplyRole)
        self.move_button.setObjectName("moveRun")
        self.move_button.setAccessibleName("Move the records")
        self.move_button.setToolTip(read_only or "Send the move (one request)")
        self.move_button.clicked.connect(self.run_move)
        self.read_only = read_only
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FIND_DELAY_MS)
        self._timer.timeout.connect(self.load)
        self.find_box.textEdited.connect(lambda _text: self._timer.start())
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing() * 30)
        self._update()
        self.load()

    # -- the list of the type's records ----------------------------------------------------------------

    def load(self) -> None:
        """List the type's records in their order (those whose name contains the find text), off the GUI thread."""
        self._generation += 1
        generation, text = self._generation, self.find_box.text()
        search = self._search
        self.status.setText("Loading the records…")
        self.status.show()

        def shown(found: list[Choice]) -> None:
            if generation == self._generation:
                self._fill(found)

        def failed(error: errors.WorkfrontError) -> None:
            if generation == self._generation:
                self._show_error(f"The records could not be listed: {messages.explain(error)}")

        self.ops.run(lambda: search(text), on_success=shown, on_error=failed,
                     name="move-records-list")

    def _fill(self, found: list[Choice]) -> None:
        chosen = self.chosen()
        self.list.clear()
        for position, choice in enumerate(found, 1):
            moving = choice.id in self.moving
            item = QListWidgetItem(f"{position}. {choice.label}" + ("   (being moved)" if moving else ""))
            item.setData(ID_ROLE, choice.id)
            if moving:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
            if choice.id == chosen:
                self.list.setCurrentItem(item)
        self.status.setText(f"{len(found)} record{'s' if len(found) != 1 else ''} shown"
                            + (f" (the first {SHOWN}; type to find others)" if len(found) >= SHOWN else "")
                            + ("" if self.find_box.text() else ", in their order"))
        self._update()

    def labels(self) -> list[str]:
        """The records the list shows, in its order (their names)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def choose(self, record_id: str) -> bool:
        """Make ``record_id`` the record to move next to (as a click does); False when it is not listed."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == record_id and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentItem(item)
                return True
        return False

    def chosen(self) -> str | None:
        """The ID of the record to move next to, if one is chosen."""
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled else None

    def _update(self) -> None:
        self.move_button.setEnabled(self.chosen() is not None and not self.read_only)

    # -- the move ----------------------------------------------------------------------------------------

    def run_move(self) -> bool:
        """Send the move (off the GUI thread); False when no record is chosen or the profile is read-only."""
        anchor = self.chosen()
        if anchor is None or self.read_only:
            if self.read_only:
                self._show_error(self.read_only)
            return False
        item = self.list.currentItem()
        anchor_name = item.text().split(". ", 1)[-1] if item is not None else anchor
        after = self.where.currentData() == "after"
        ids = [ident for ident, _label in self.records]
        client, record_type, journal = self.planning, self.record_type_id, self.journal
        self.message.hide()
        self.result_label.hide()

        def run() -> BulkResult:
            return move_records(client, record_type, ids, after=anchor if after else None,
                                before=None if after else anchor, journal=journal)

        def done(result: BulkResult) -> None:
            if not result.all_ok:
                said = [str(item.error_message or item.error_code) for item in result.failed] + \
                    [str(error.get("message") or error) for error in result.request_errors]
                reasons = "; ".join(dict.fromkeys(said)) or "the server refused it"
                self._show_error(f"Nothing was moved: {reasons}")
                return
            self.result_label.setText(f"Moved {self.what} {'after' if after else 'before'} “{anchor_name}”.")
            self.result_label.show()
            self.moved.emit(record_type)
            self.load()

        self.ops.run(run, on_success=done, on_error=lambda error: self._show_error(messages.explain(error)),
                     busy=self._busy, name="move-records")
        return True

    def _busy(self, busy: bool) -> None:
        self.move_button.setEnabled(not busy and self.chosen() is not None and not self.read_only)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

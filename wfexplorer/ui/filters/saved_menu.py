"""Saved filters and history as menus: open, save as, rename, delete; what ran, newest first.

The menus are built when they open, from the ``FilterStore`` (one small file per profile, so reading it is
quick). Opening hands the stored ``SearchRequest`` to the builder; saving asks for a name. "Rename or delete…"
opens a small dialog listing the record type's saved filters.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.planning.builder import FilterStore, HistoryEntry, SavedFilter
from wfexplorer.ui import resources
from wfexplorer.ui.messages import explain

HISTORY_SHOWN = 15
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedFilterMenus:
    """The "Saved" and "History" buttons of a builder."""

    def __init__(self, store: FilterStore, record_type: Callable[[], tuple[str, str] | None],
                 open_saved: Callable[[SavedFilter], None], open_entry: Callable[[HistoryEntry], None],
                 save: Callable[[str, bool], SavedFilter], parent: QWidget) -> None:
        self.store = store
        self.record_type = record_type
        self.open_saved, self.open_entry, self.save = open_saved, open_entry, save
        self.parent = parent
        self.saved_button = QToolButton(parent)
        self.saved_button.setObjectName("savedFilters")
        self.saved_button.setText("Saved")
        self.saved_button.setAccessibleName("Saved filters")
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self.fill_saved)
        self.saved_button.setMenu(self.saved_menu)
        self.history_button = QToolButton(parent)
        self.history_button.setObjectName("searchHistory")
        self.history_button.setText("History")
        self.history_button.setAccessibleName("Search history")
        self.history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.history_menu = QMenu(self.history_button)
        self.history_menu.aboutToShow.connect(self.fill_history)
        self.history_button.setMenu(self.history_menu)

    def fill_saved(self) -> None:
        """Rebuild the saved-filters menu."""
        self.saved_menu.clear()
        current = self.record_type()
        if current is None:
            self.saved_menu.addAction("Choose a record type first").setEnabled(False)
            return
        items = self._read(lambda: self.store.saved(current[0]))
        for item in items or []:
            action = self.saved_menu.addAction(item.name)
            action.triggered.connect(lambda _checked=False, item=item: self.open_saved(item))
        if not items:
            self.saved_menu.addAction(f"No saved filters for {current[1]}").setEnabled(False)
        self.saved_menu.addSeparator()
        self.saved_menu.addAction("Save the filter as…").triggered.connect(self.ask_and_save)
        manage = self.saved_menu.addAction("Rename or delete…")
        manage.setEnabled(bool(items))
        manage.triggered.connect(self.manage)

    def fill_history(self) -> None:
        """Rebuild the history menu."""
        self.history_menu.clear()
        current = self.record_type()
        entries = self._read(lambda: self.store.history(current[0] if current else None)) or []
        for entry in entries[:HISTORY_SHOWN]:
            action = self.history_menu.addAction(history_label(entry))
            action.triggered.connect(lambda _checked=False, entry=entry: self.open_entry(entry))
        if not entries:
            self.history_menu.addAction("Nothing has run yet").setEnabled(False)
        else:
            self.history_menu.addSeparator()
            self.history_menu.addAction("Clear the history").triggered.connect(self.store.clear_history)

    def ask_and_save(self) -> None:
        """Ask for a name and save the filter under it."""
        name, accepted = QInputDialog.getText(self.parent, "Save the filter", "Name:")
        if not accepted:
            return
        try:
            self.save(name, False)
        except errors.ValidationError as error:
            if "already saved" not in error.message:
                self._tell(error)
                return
            answer = QInputDialog.getItem(self.parent, "Save the filter", f"{error.message}\nReplace it?",
                                          ["Replace it", "Keep both: choose another name"], 0, False)
            if answer[1] and answer[0] == "Replace it":
                self.save(name, True)

    def manage(self) -> None:
        """The rename-or-delete dialog."""
        current = self.record_type()
        if current is not None:
            ManageSavedDialog(self.store, current[0], self.parent).exec()

    def _read(self, read: Callable[[], list]) -> list | None:  # type: ignore[type-arg]
        try:
            return read()
        except errors.WorkfrontError as error:
            self._tell(error)
            return None

    def _tell(self, error: errors.WorkfrontError) -> None:
        QMessageBox.warning(self.parent, "Saved filters", explain(error))


def history_label(entry: HistoryEntry) -> str:
    """How a history entry reads in the menu: when, which record type, how many records, which version."""
    when = time.strftime("%d %b %H:%M", time.localtime(entry.ran_at))
    total = "?" if entry.total is None else f"{entry.total:,}"
    return f"{when} · {entry.record_type_name or entry.record_type_id} · {total} records · v{entry.version}"


class ManageSavedDialog(QDialog):
    """Rename or delete the saved filters of one record type."""

    def __init__(self, store: FilterStore, record_type_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Saved filters")
        self.store, self.record_type_id = store, record_type_id
        self.list = QListWidget()
        self.list.setAccessibleName("Saved filters")
        self.rename = QPushButton("&Rename…")
        self.delete = QPushButton("&Delete")
        self.problem = resources.message_label("error", "savedProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.rename)
        row.addWidget(self.delete)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Saved filters of this record type:"))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.rename.clicked.connect(self._rename)
        self.delete.clicked.connect(self._delete)
        self.refresh()

    def refresh(self) -> None:
        """List what is saved."""
        self.list.clear()
        for item in self.store.saved(self.record_type_id):
            row = QListWidgetItem(item.name)
            row.setData(ID_ROLE, item.id)
            self.list.addItem(row)
        self.list.setCurrentRow(0)

    def _current(self) -> str | None:
        row = self.list.currentItem()
        return None if row is None else row.data(ID_ROLE)

    def _rename(self) -> None:
        filter_id = self._current()
        if filter_id is None:
            return
        name, accepted = QInputDialog.getText(self, "Rename", "New name:", text=self.list.currentItem().text())
        if accepted:
            try:
                self.store.rename(filter_id, name)
            except errors.WorkfrontError as error:
                self.problem.setText(explain(error))
                self.problem.show()
            self.refresh()

    def _delete(self) -> None:
        filter_id = self._current()
        if filter_id is not None:
            self.store.delete(filter_id)
            self.refresh()

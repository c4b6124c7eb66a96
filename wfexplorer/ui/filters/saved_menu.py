"""Saved filters and history as menus: open, save as, rename, delete; what ran, newest first.

The menus are built when they open, from the ``FilterStore`` (one small file per profile, so reading it is
quick). Opening hands the stored ``SearchRequest`` to the builder; saving asks for a name. "Rename or delete…"
opens :class:`~wfexplorer.ui.filters.manage_saved.ManageSavedDialog` over the record type's saved filters.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import (
    QInputDialog,
    QMessageBox,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.planning.builder import FilterStore, HistoryEntry, SavedFilter
from wfexplorer.ui.filters.manage_saved import ManageSavedDialog
from wfexplorer.ui.filters.menu_buttons import fill_history, menu_button
from wfexplorer.ui.messages import explain


class SavedFilterMenus:
    """The "Saved" and "History" buttons of a builder."""

    def __init__(self, store: FilterStore, record_type: Callable[[], tuple[str, str] | None],
                 open_saved: Callable[[SavedFilter], None], open_entry: Callable[[HistoryEntry], None],
                 save: Callable[[str, bool], SavedFilter], parent: QWidget) -> None:
        self.store = store
        self.record_type = record_type
        self.open_saved, self.open_entry, self.save = open_saved, open_entry, save
        self.parent = parent
        self.saved_button, self.saved_menu = menu_button(parent, "savedFilters", "Saved", "Saved filters",
                                                         self.fill_saved)
        self.history_button, self.history_menu = menu_button(parent, "searchHistory", "History",
                                                             "Search history", self.fill_history)

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
        current = self.record_type()
        entries = self._read(lambda: self.store.history(current[0] if current else None)) or []
        fill_history(self.history_menu, entries, history_label, self.open_entry, self.store.clear_history)

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

    def manage_dialog(self) -> ManageSavedDialog | None:
        """The rename-or-delete dialog over the current record type's saved filters (None: no record type)."""
        current = self.record_type()
        if current is None:
            return None
        store, record_type_id = self.store, current[0]
        return ManageSavedDialog("Saved filters", "filter",
                                 lambda: [(item.id, item.name, "") for item in store.saved(record_type_id)],
                                 store.rename, store.delete, self.parent)

    def manage(self) -> None:
        """Open the rename-or-delete dialog."""
        dialog = self.manage_dialog()
        if dialog is not None:
            dialog.exec()

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

"""Saved classic searches and the history of what ran, as the builder's "Saved" and "History" menus.

The menus are built when they open, from the profile's ``SearchStore`` (one small file, quick to read): open a
saved search, save the current one under a name (a name in use is replaced after asking), rename or delete
them (:class:`~wfexplorer.ui.filters.manage_saved.ManageSavedDialog`); the history lists the latest runs,
newest first. Like the Planning builder's menus, but over the classic store.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model import HistoryEntry, SavedSearch, SearchStore
from wfexplorer.ui.filters.manage_saved import ManageSavedDialog
from wfexplorer.ui.filters.menu_buttons import fill_history, menu_button
from wfexplorer.ui.messages import explain


def history_label(entry: HistoryEntry) -> str:
    """How a history entry reads: when, what, how many rows, and the start of its query string."""
    when = time.strftime("%d %b %H:%M", time.localtime(entry.ran_at))
    rows = "" if entry.rows is None else f" · {entry.rows:,} rows"
    text = entry.query_string if len(entry.query_string) <= 60 else entry.query_string[:57] + "…"
    return f"{when} · {entry.object_code} {entry.operation}{rows} · {text or '(everything)'}"


class ClassicSavedMenus:
    """The "Saved" and "History" buttons of the classic builder."""

    def __init__(self, store: SearchStore, open_saved: Callable[[SavedSearch], None],
                 open_entry: Callable[[HistoryEntry], None], save: Callable[[str], SavedSearch],
                 parent: QWidget) -> None:
        self.store, self.open_saved, self.open_entry, self.save = store, open_saved, open_entry, save
        self.parent = parent
        self.saved_button, self.saved_menu = menu_button(parent, "classicSaved", "Saved", "Saved searches",
                                                         self.fill_saved)
        self.history_button, self.history_menu = menu_button(parent, "classicHistory", "History",
                                                             "Search history", self.fill_history)

    def fill_saved(self) -> None:
        """Rebuild the saved-searches menu."""
        self.saved_menu.clear()
        items = self.store.saved()
        for item in items:
            action = self.saved_menu.addAction(f"{item.name} ({item.object_code} {item.mode})")
            action.triggered.connect(lambda _checked=False, item=item: self.open_saved(item))
        if not items:
            self.saved_menu.addAction("No saved searches yet").setEnabled(False)
        self.saved_menu.addSeparator()
        self.saved_menu.addAction("Save the search as…").triggered.connect(self.ask_and_save)
        manage = self.saved_menu.addAction("Rename or delete…")
        manage.setEnabled(bool(items))
        manage.triggered.connect(lambda: self.manage_dialog().exec())

    def fill_history(self) -> None:
        """Rebuild the history menu."""
        fill_history(self.history_menu, self.store.history(), history_label, self.open_entry,
                     self.store.clear_history)

    def ask_and_save(self) -> None:
        """Ask for a name and save the search under it (asking before replacing one of the same name)."""
        name, accepted = QInputDialog.getText(self.parent, "Save the search", "Name:")
        if not accepted:
            return
        if self.store.get(name.strip()) is not None:
            answer = QMessageBox.question(self.parent, "Save the search",
                                          f"A search named “{name.strip()}” is saved already. Replace it?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.save(name)
        except (errors.WorkfrontError, OSError) as error:
            QMessageBox.warning(self.parent, "Saved searches", explain(error))

    def manage_dialog(self) -> ManageSavedDialog:
        """The rename-or-delete dialog over the saved searches."""
        store = self.store
        return ManageSavedDialog("Saved searches", "search",
                                 lambda: [(item.name, item.name, f"{item.object_code} {item.mode}")
                                          for item in store.saved()],
                                 store.rename, store.delete, self.parent)

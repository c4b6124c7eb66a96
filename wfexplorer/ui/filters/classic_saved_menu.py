"""Saved classic searches and the history of what ran, as the builder's "Saved" and "History" menus.

The menus are built when they open, from the profile's ``SearchStore`` (one small file, quick to read): open a
saved search, save the current one under a name (a name in use is replaced after asking), delete one; the
history lists the latest runs, newest first. Like the Planning builder's menus, but over the classic store.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolButton, QWidget

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model import HistoryEntry, SavedSearch, SearchStore
from wfexplorer.ui.messages import explain

HISTORY_SHOWN = 15


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
        self.saved_button = QToolButton(parent)
        self.saved_button.setObjectName("classicSaved")
        self.saved_button.setText("Saved")
        self.saved_button.setAccessibleName("Saved searches")
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self.fill_saved)
        self.saved_button.setMenu(self.saved_menu)
        self.history_button = QToolButton(parent)
        self.history_button.setObjectName("classicHistory")
        self.history_button.setText("History")
        self.history_button.setAccessibleName("Search history")
        self.history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.history_menu = QMenu(self.history_button)
        self.history_menu.aboutToShow.connect(self.fill_history)
        self.history_button.setMenu(self.history_menu)

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
        delete = self.saved_menu.addMenu("Delete")
        delete.setEnabled(bool(items))
        for item in items:
            delete.addAction(item.name).triggered.connect(
                lambda _checked=False, name=item.name: self.store.delete(name))

    def fill_history(self) -> None:
        """Rebuild the history menu."""
        self.history_menu.clear()
        entries = self.store.history()
        for entry in entries[:HISTORY_SHOWN]:
            action = self.history_menu.addAction(history_label(entry))
            action.triggered.connect(lambda _checked=False, entry=entry: self.open_entry(entry))
        if not entries:
            self.history_menu.addAction("Nothing has run yet").setEnabled(False)
        else:
            self.history_menu.addSeparator()
            self.history_menu.addAction("Clear the history").triggered.connect(self.store.clear_history)

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

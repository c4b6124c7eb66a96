"""A builder's "Saved" and "History" buttons: tool buttons whose menus are rebuilt each time they open.

    button = menu_button(parent, "savedFilters", "Saved", "Saved filters", fill_saved)
    fill_history(menu, entries, history_label, open_entry, store.clear_history)

Both builders (classic and Planning) keep their searches in stores of their own; what they share is how
the menus are made and how the history reads: the latest runs first, and a way to clear them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

HISTORY_SHOWN = 15

Entry = TypeVar("Entry")


def menu_button(parent: QWidget, object_name: str, text: str, accessible_name: str,
                fill: Callable[[], None]) -> tuple[QToolButton, QMenu]:
    """A tool button that pops up its menu at once; ``fill`` rebuilds the menu just before it shows."""
    button = QToolButton(parent)
    button.setObjectName(object_name)
    button.setText(text)
    button.setAccessibleName(accessible_name)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.aboutToShow.connect(fill)
    button.setMenu(menu)
    return button, menu


def fill_history(menu: QMenu, entries: Sequence[Entry], label: Callable[[Entry], str],
                 open_entry: Callable[[Entry], None], clear: Callable[[], None]) -> None:
    """List the latest ``entries`` (newest first, as given) in ``menu``, then "Clear the history"."""
    menu.clear()
    for entry in entries[:HISTORY_SHOWN]:
        action = menu.addAction(label(entry))
        action.triggered.connect(lambda _checked=False, entry=entry: open_entry(entry))
    if not entries:
        menu.addAction("Nothing has run yet").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("Clear the history").triggered.connect(clear)

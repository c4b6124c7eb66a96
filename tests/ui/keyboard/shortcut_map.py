"""The key sequences a window listens to, and where: its actions, shortcuts and buttons, as Qt's shortcut map sees them.

Qt calls a key sequence ambiguous, and does nothing, when two enabled shortcuts of it both match where the focus
is. ``clashes(window)`` lists the pairs that would: same sequence, both live (enabled, on a visible widget) and with
contexts that overlap (a window shortcut reaches the whole window; a widget-with-children shortcut its widget and
everything inside; a widget shortcut its widget only).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QWidget

Context = Qt.ShortcutContext


@dataclass(frozen=True)
class Binding:
    """One key sequence, the widget it hangs on, how far it reaches, and what it is (for the message)."""

    keys: str
    owner: QWidget
    context: Qt.ShortcutContext
    what: str

    def reaches(self, focus: QWidget) -> bool:
        if self.context in (Context.WindowShortcut, Context.ApplicationShortcut):
            return focus.window() is self.owner.window()
        if self.context is Context.WidgetWithChildrenShortcut:
            return focus is self.owner or self.owner.isAncestorOf(focus)
        return focus is self.owner

    def overlaps(self, other: Binding) -> bool:
        return self.reaches(other.owner) or other.reaches(self.owner)


def _live(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def _menu_live(menu: QMenu) -> bool:
    """A menu's actions count when the menu can be opened: from a visible menu bar or button."""
    holders = [w for w in menu.menuAction().associatedObjects() if isinstance(w, QWidget)]
    return any(_live(w) or (isinstance(w, QMenu) and _menu_live(w)) for w in holders)


def bindings(window: QWidget) -> list[Binding]:
    """Every live key sequence of ``window``'s actions, QShortcuts and buttons."""
    found: list[Binding] = []
    for action in window.findChildren(QAction):
        if not action.isEnabled() or not action.shortcuts():
            continue
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        live = [w for w in owners if not isinstance(w, QMenu | QMenuBar) and _live(w)]
        if not live and action.shortcutContext() in (Context.WindowShortcut, Context.ApplicationShortcut) and \
                any(isinstance(w, QMenu) and _menu_live(w) for w in owners):
            live = [window]
        for owner in live[:1]:
            for keys in action.shortcuts():
                found.append(Binding(keys.toString(), owner, action.shortcutContext(),
                                     f"action {action.text() or action.objectName()!r}"))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and _live(parent):
            for keys in shortcut.keys():  # noqa: SIM118  (a QShortcut, not a dict)
                found.append(Binding(keys.toString(), parent, shortcut.context(),
                                     f"shortcut on {parent.objectName() or type(parent).__name__}"))
    for button in window.findChildren(QAbstractButton):
        if _live(button) and not button.shortcut().isEmpty() and \
                button.shortcut() != QKeySequence.mnemonic(button.text()):
            found.append(Binding(button.shortcut().toString(), button, Context.WindowShortcut,
                                 f"button {button.objectName() or button.text()!r}"))
    return [binding for binding in found if binding.keys]


def clashes(window: QWidget) -> list[str]:
    """The pairs of bindings Qt would find ambiguous somewhere in ``window``."""
    found = bindings(window)
    return [f"{a.keys}: {a.what} and {b.what}" for i, a in enumerate(found) for b in found[i + 1:]
            if a.keys == b.keys and a.overlaps(b)]


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter → what shown in ``window`` claims it: menu titles, buttons, buddied labels, tabs, group boxes."""
    from PySide6.QtWidgets import QGroupBox, QLabel, QTabBar

    claimed: dict[str, list[str]] = {}

    def claim(text: str, what: str) -> None:
        keys = QKeySequence.mnemonic(text).toString()
        if keys:
            claimed.setdefault(keys, []).append(f"{what} {text!r}")

    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            claim(action.text(), "menu")
    for button in window.findChildren(QAbstractButton):
        if _live(button):
            claim(button.text(), "button")
    for label in window.findChildren(QLabel):
        if _live(label) and label.buddy() is not None:
            claim(label.text(), "label")
    for tabs in window.findChildren(QTabBar):
        if _live(tabs):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index) and tabs.isTabEnabled(index):
                    claim(tabs.tabText(index), "tab")
    for box in window.findChildren(QGroupBox):
        if _live(box):
            claim(box.title(), "group")
    return claimed

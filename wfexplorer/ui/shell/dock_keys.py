"""The keys that show a dock (Ctrl+1 … Ctrl+4) bring it forward and put the focus in it.

    DockKey(window.docks.log_dock, lambda: window.docks.log_widget.table)

A dock's toggle action shows a hidden dock, but one tabbed behind another stays behind, and the focus stays
where it was: a keyboard user pressed Ctrl+3 and saw nothing change. The key now shows the dock, raises it
and focuses its main widget; pressed again with the focus already inside, it hides the dock as before. The
View menu's entry (a click) still only toggles.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from wfexplorer.ui.shell.focus_ring import stops_in, takes_tab_focus


class DockKey(QObject):
    """Handles the shortcut of ``dock``'s toggle action (see the module docs); ``home()``: what gets the focus."""

    def __init__(self, dock: QDockWidget, home: Callable[[], QWidget | None]) -> None:
        super().__init__(dock)
        self.dock = dock
        self.home = home
        dock.toggleViewAction().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and not self.has_focus():
            self.bring()
            return True
        return False  # the focus is in the dock: the action toggles it away, as it always did

    def has_focus(self) -> bool:
        """Whether the focus is in the dock (so it is shown and on top)."""
        focus = QApplication.focusWidget()
        return self.dock.isVisible() and focus is not None and self.dock.isAncestorOf(focus)

    def bring(self) -> None:
        """Show the dock, raise it and put the focus in it."""
        dock = self.dock
        dock.show()
        dock.raise_()
        target = self.home()
        if target is not None and not takes_tab_focus(target):
            target = next(iter(stops_in(target)), None)  # a panel (the console): its first field
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

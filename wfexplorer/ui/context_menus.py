"""Context menus from the keyboard: Shift+F10 as well as the Menu key, and item views that act on the right row.

    context_menus.add_shift_f10(window)                   # Shift+F10 opens the focus widget's menu there
    ItemViewMenu(view, lambda index, at: menu.exec(at))   # a tree's or table's menu, for the row it is about

Qt on Linux opens a context menu for the Menu key only; Shift+F10, the other key every desktop maps, is
turned here into the same keyboard context-menu event Qt sends for the Menu key. An item view gets that
event with a position in the view's own coordinates (the current row's rectangle, header included), while a
mouse click's event arrives at the viewport with viewport coordinates: :class:`ItemViewMenu` resolves both, so
a menu opened from the keyboard is about the current row and shows beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

ShowMenu = Callable[[QModelIndex, QPoint], None]


def open_keyboard_menu(widget: QWidget) -> None:
    """Send ``widget`` the context-menu event Qt sends the focus widget for the Menu key."""
    rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if isinstance(rect, QRectF):
        rect = rect.toRect()
    position = rect.center() if isinstance(rect, QRect) and rect.isValid() else widget.rect().center()
    if not widget.rect().contains(position):
        position = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, position, widget.mapToGlobal(position))
    QApplication.sendEvent(widget, event)


def add_shift_f10(window: QWidget) -> QAction:
    """Make Shift+F10 open the focus widget's context menu in ``window`` (a shortcut of that window, not an
    application event filter: a filter in Python would be called for every event the application handles)."""
    action = QAction("Context menu", window)
    action.setObjectName("contextMenuAction")
    action.setShortcut(QKeySequence("Shift+F10"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def open_menu() -> None:
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is window:
            open_keyboard_menu(focus)

    action.triggered.connect(open_menu)
    window.addAction(action)
    return action


class ItemViewMenu(QObject):
    """Calls ``show(index, global_position)`` when the user asks ``view`` for a context menu.

    From the mouse, ``index`` is the row under the pointer and the menu shows at the pointer; from the
    keyboard (Menu key, Shift+F10), ``index`` is the current row and the menu shows at it. ``index`` is
    invalid when there is no row there.
    """

    def __init__(self, view: QAbstractItemView, show: ShowMenu) -> None:
        super().__init__(view)
        self.view = view
        self.show = show
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        view = self.view
        if event.reason() == QContextMenuEvent.Reason.Mouse and watched is view.viewport():
            self.show(view.indexAt(event.pos()), event.globalPos())
            return True
        if event.reason() != QContextMenuEvent.Reason.Mouse:
            self.show(view.currentIndex(), self.keyboard_position())
            return True
        return False

    def keyboard_position(self) -> QPoint:
        """Where a keyboard-opened menu shows: at the current row when it is in sight, else the view's corner."""
        viewport = self.view.viewport()
        rect = self.view.visualRect(self.view.currentIndex())
        rect = rect.intersected(viewport.rect())
        if rect.isEmpty():
            return viewport.mapToGlobal(QPoint(0, 0))
        return viewport.mapToGlobal(QPoint(rect.left() + min(rect.width() // 4, 40), rect.center().y()))

"""Catches a widget shown as a window of its own and only then put inside another: on a desktop it flashes.

Qt opens a widget that has no parent as a top-level window when it is shown (``show()``,
``setVisible(True)``); laying it out afterwards moves it into its parent and closes that window again.
The user sees a window blink, and making and dropping the native window costs milliseconds each time.
"""

from __future__ import annotations

import traceback

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class StrayWindows(QObject):
    """An application event filter: ``strays`` lists each such widget with where it was shown."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: dict[int, str] = {}
        self.strays: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:
            if isinstance(watched, QWidget) and watched.parentWidget() is None:
                where = "".join(traceback.format_stack(limit=8)[:-1])
                key = shiboken6.getCppPointer(watched)[0]
                self._shown[key] = f"{type(watched).__name__} {watched.objectName()!r} shown as a window at\n{where}"
                # a widget made later at the same address is another widget
                watched.destroyed.connect(lambda _object=None, key=key: self._shown.pop(key, None))
        elif kind == QEvent.Type.ParentChange and isinstance(watched, QWidget) and not watched.isWindow():
            shown = self._shown.pop(shiboken6.getCppPointer(watched)[0], None)
            if shown is not None:
                self.strays.append(shown)
        return False

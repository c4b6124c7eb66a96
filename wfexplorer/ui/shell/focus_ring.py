"""The main window's keyboard order: Tab through its areas in reading order, F6 from one area to the next.

    ring = FocusRing(window, areas)     # areas(): the window's areas as they are now, in order
    ring.tab(True)                      # Tab (False: Shift+Tab); True when it moved the focus
    ring.next_area(True)                # F6 (False: Shift+F6)

Qt's own order is the order widgets were made in, so a detail tab opened after the docks came after them (Tab
went from the open-objects bar straight to the request log). Here an area lists its parts in the order Tab
visits them; each part is every widget inside it that takes the focus by Tab, in reading order. Only widgets
that are shown and enabled count, so a hidden dock or a page not on top is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget


@dataclass
class Area:
    """One area of the window: its parts in Tab order, and where F6 puts the focus (default: its first stop)."""

    parts: Sequence[QWidget]
    home: QWidget | None = None
    stops: list[QWidget] = field(default_factory=list)


def on_top(widget: QWidget) -> bool:
    """Whether ``widget`` is shown and not behind another (a dock tabbed behind another counts as visible to Qt)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def takes_tab_focus(widget: QWidget) -> bool:
    """Whether Tab may stop at ``widget``: shown, enabled, tab-focusable and not standing in for another."""
    return widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None and \
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


class FocusRing:
    """Moves the focus through ``areas()`` of ``window`` (see the module docs)."""

    def __init__(self, window: QWidget, areas: Callable[[], list[Area]]) -> None:
        self.window = window
        self.areas = areas

    def laid_out(self) -> list[Area]:
        """The areas with their stops filled in, areas without a stop left out."""
        areas = []
        for area in self.areas():
            seen: set[int] = set()
            for part in area.parts:
                for stop in stops_in(part):
                    if id(stop) not in seen:
                        seen.add(id(stop))
                        area.stops.append(stop)
            if area.stops:
                areas.append(area)
        return areas

    def stops(self) -> list[QWidget]:
        """Every stop of the window, in Tab order."""
        return [stop for area in self.laid_out() for stop in area.stops]

    def tab(self, forward: bool) -> bool:
        """Tab (``forward``) or Shift+Tab from the focus widget; False when the focus is not in the ring."""
        try:
            stops = self.stops()
        except RuntimeError:  # a widget of the chain went while it was read: leave the move to Qt
            return False
        if not stops:
            return False
        focus = QApplication.focusWidget()
        at = _position(stops, focus)
        if at is None:
            target = _neighbour(stops, focus, forward)  # a widget Tab does not stop at (one clicked): the next stop
            if target is None:
                return False
        else:
            target = stops[(at + (1 if forward else -1)) % len(stops)]
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def next_area(self, forward: bool) -> QWidget | None:
        """F6 (``forward``) or Shift+F6: the focus goes to the next area's home; returns the widget it went to."""
        areas = self.laid_out()
        if not areas:
            return None
        focus = QApplication.focusWidget()
        current = next((index for index, area in enumerate(areas) if _position(area.stops, focus) is not None),
                       None)
        if current is None:
            index = 0 if forward else len(areas) - 1
        else:
            index = (current + (1 if forward else -1)) % len(areas)
        area = areas[index]
        home = area.home if area.home is not None and takes_tab_focus(area.home) else area.stops[0]
        home.setFocus(Qt.FocusReason.OtherFocusReason)
        return home


def stops_in(part: QWidget) -> list[QWidget]:
    """``part`` and the widgets inside it that Tab stops at, in reading order: line by line, left to right.

    Not Qt's focus chain: a widget made later (a form's rows built a turn after the first ones) joins the chain
    at its end, and walking the whole chain reads the window's internal widgets too (the docks' tab bars come
    and go under it).
    """
    found = [widget for widget in (part, *part.findChildren(QWidget))
             if shiboken6.isValid(widget) and takes_tab_focus(widget)]
    window = part.window()
    placed = [(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()), widget) for widget in found]
    placed.sort(key=lambda item: (item[0].top(), item[0].left()))
    lines: list[tuple[int, list[tuple[QRect, QWidget]]]] = []  # (where the line ends, what is on it)
    for rect, widget in placed:
        if lines and rect.top() < lines[-1][0]:
            lines[-1][1].append((rect, widget))
            lines[-1] = (min(lines[-1][0], rect.bottom()), lines[-1][1])
        else:
            lines.append((rect.bottom(), [(rect, widget)]))
    return [widget for _bottom, members in lines for _rect, widget in sorted(members, key=lambda m: m[0].left())]


def _position(stops: list[QWidget], focus: QWidget | None) -> int | None:
    """The stop that is ``focus``, or else the innermost stop holding it."""
    if focus is None:
        return None
    for index, stop in enumerate(stops):
        if stop is focus:
            return index
    holders = [index for index, stop in enumerate(stops) if stop.isAncestorOf(focus)]
    return holders[-1] if holders else None


def _neighbour(stops: list[QWidget], focus: QWidget | None, forward: bool) -> QWidget | None:
    """The stop after (or before) ``focus`` in reading order, when ``focus`` is a widget Tab does not stop at."""
    if focus is None or not stops or not shiboken6.isValid(focus):
        return None
    window = focus.window()

    def place(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(window, QPoint(0, 0))
        return point.y(), point.x()

    here = place(focus)
    if forward:
        return next((stop for stop in stops if place(stop) > here), stops[0])
    return next((stop for stop in reversed(stops) if place(stop) < here), stops[-1])

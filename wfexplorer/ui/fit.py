"""Grow a window when new text (an error, a hint) needs more height (never shrink it, never past the screen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

#: QEvent.Type.LayoutRequest as its number: the dialog calls this before its first paint, when enum
#: types are not loaded yet (see profile_list._FORM_ROLE)
_LAYOUT_REQUEST = 76
_SETTLE_PASSES = 6  # layout requests climb one widget level per pass; the sign-in dialog nests about four


def grow_to_fit(window: QWidget, refresh: tuple[QWidget, ...] = ()) -> None:
    """Make ``window`` tall enough for its layout at its current width (word-wrapped labels included).

    ``refresh``: widgets whose size hints the window's layout cannot hear change (a scroll area's, which
    come from the content inside its viewport); they are asked again once the content has settled.
    """
    layout = window.layout()
    if layout is None:
        return
    # Rows just shown or hidden deep inside (a tab's form) reach the window's layout only through
    # posted layout requests, one level at a time; deliver them now so the height below is current.
    # (Before the window is shown nothing is on screen to squeeze, and start-up time matters.)
    for _ in range(_SETTLE_PASSES if window.isVisible() else 0):
        QCoreApplication.sendPostedEvents(None, _LAYOUT_REQUEST)
    for widget in refresh:
        widget.updateGeometry()
    layout.activate()
    needed = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    needed = min(needed, window.screen().availableGeometry().height())  # what is left scrolls (login.form_area)
    if needed > window.height():
        window.resize(window.width(), needed)

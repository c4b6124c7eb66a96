"""A frameless scroll area for the sign-in form that scrolls only when the screen is too small for it.

On a normal screen it asks for exactly the room its form needs (its size hints are the form's), so
the dialog looks and sizes as if the form sat in it directly. The dialog caps its height to what the
screen leaves (:meth:`FormArea.set_height_cap`); only then does it get a scroll bar. Whatever gets
the keyboard focus (Tab, a mnemonic, an error that points at a field) is scrolled into view.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget


class FormContent(QWidget):
    """The form inside a :class:`FormArea`: tells the scroll area the least height its layout can live with.

    A scroll area that resizes its content scrolls as soon as it is shorter than the content's
    height-for-width, which for a plain widget is its layout's *preferred* height; the form's rows and
    tabs can give up their spare room first, as they did before the form could scroll.
    """

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)


class FormArea(QScrollArea):
    """Holds ``content`` (resized with the area) and reports the content's sizes, up to a height cap."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formArea")
        self.setFrameShape(QFrame.Shape.NoFrame)  # QFrame's own enum: loaded with QFrame, not with ``Qt``
        self.setWidgetResizable(True)
        self.setWidget(content)
        self._cap: int | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)  # disconnected when this area is deleted

    @property
    def height_cap(self) -> int | None:
        """The most height the area asks for (``None``: the content's full height)."""
        return self._cap

    def set_height_cap(self, cap: int | None) -> None:
        """Ask for at most ``cap`` pixels of height; taller content scrolls."""
        if cap != self._cap:
            self._cap = cap
            self.updateGeometry()

    def content_heights(self, width: int) -> tuple[int, int]:
        """The least and the preferred height of the content at ``width`` (word-wrapped text included)."""
        content = self._content()
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width), layout.totalHeightForWidth(width)
        return content.minimumSizeHint().height(), content.sizeHint().height()

    def _content(self) -> QWidget:
        content = self.widget()
        assert content is not None  # set in __init__ and never taken out
        return content

    def _width(self) -> int:
        # laid out: the width it has; before that, the width its content asks for
        return self.width() if self.isVisible() else self._content().sizeHint().width()

    def _capped(self, height: int) -> int:
        return height if self._cap is None else min(height, self._cap)

    # The heights depend on the width, but they are reported as plain size hints (renewed on each
    # change of width) rather than as height-for-width: a layout asks a widget without a layout of
    # its own for its preferred height-for-width even as its least one, which would make the
    # dialog's minimum the form's full height.

    def sizeHint(self) -> QSize:
        return QSize(self._content().sizeHint().width(), self._capped(self.content_heights(self._width())[1]))

    def minimumSizeHint(self) -> QSize:
        content = self._content().minimumSizeHint()
        needed = self.content_heights(self._width())[0]
        height = self._capped(needed)
        width = content.width()
        if height < needed:  # it may scroll: leave room for the scroll bar beside the content
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the heights above depend on the width

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.ensureWidgetVisible(new)

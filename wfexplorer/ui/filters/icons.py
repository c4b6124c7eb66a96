"""Small icons drawn at run time: one per field type (a glyph on a tinted badge), option colour swatches, and
the marks of groups and problems. Drawn, not shipped, so they follow the palette and stay sharp at any scale."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from wfexplorer.core.planning.filters import FieldKind
from wfexplorer.ui.planning_colours import colour_of

#: Field kind → (glyph, badge colour). Families share a colour: text, numbers, dates, choices, people, links.
_GLYPHS: dict[FieldKind | None, tuple[str, str]] = {
    FieldKind.TEXT: ("T", "#5b6b7f"),
    FieldKind.LONG_TEXT: ("¶", "#5b6b7f"),
    FieldKind.URL: ("@", "#5b6b7f"),
    FieldKind.FORMULA: ("ƒ", "#7a5ba8"),
    FieldKind.NUMBER: ("#", "#2f7d5b"),
    FieldKind.PERCENTAGE: ("%", "#2f7d5b"),
    FieldKind.CURRENCY: ("$", "#2f7d5b"),
    FieldKind.DATE: ("▦", "#b5651d"),
    FieldKind.CREATED_AT: ("◷", "#b5651d"),
    FieldKind.UPDATED_AT: ("◷", "#b5651d"),
    FieldKind.SINGLE_SELECT: ("◉", "#2563a8"),
    FieldKind.MULTI_SELECT: ("☰", "#2563a8"),
    FieldKind.BOOLEAN: ("✓", "#2563a8"),
    FieldKind.USER: ("☺", "#a83261"),
    FieldKind.CREATED_BY: ("☺", "#a83261"),
    FieldKind.UPDATED_BY: ("☺", "#a83261"),
    FieldKind.REFERENCE: ("↗", "#6b5b2f"),
    FieldKind.LOOKUP: ("⇢", "#6b5b2f"),
    None: ("?", "#888888"),
}
SIZE = 16


def _canvas(size: int = SIZE) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on high-density screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@functools.cache
def field_icon(kind: FieldKind | None, lookup: bool = False) -> QIcon:
    """The badge of a field type (a lookup's badge shows its linked type with a dashed border)."""
    glyph, colour = _GLYPHS.get(kind, _GLYPHS[None])
    pixmap, painter = _canvas()
    rect = QRectF(1, 1, SIZE - 2, SIZE - 2)
    painter.setPen(Qt.PenStyle.DashLine if lookup else Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(rect, 3, 3)
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


@functools.cache
def swatch(colour_name: str | None) -> QIcon:
    """A round swatch of an option's colour (an empty ring when it has none)."""
    pixmap, painter = _canvas()
    colour = colour_of(colour_name)
    if colour is None:
        painter.setPen(QColor("#8a8f98"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(colour.darker(130))
        painter.setBrush(colour)
    painter.drawEllipse(QRectF(3, 3, SIZE - 6, SIZE - 6))
    painter.end()
    return QIcon(pixmap)


@functools.cache
def group_icon(operator: str) -> QIcon:
    """The mark of an AND (``&``) or OR (a logical-or sign) group."""
    pixmap, painter = _canvas()
    rect = QRectF(1, 1, SIZE - 2, SIZE - 2)
    painter.setPen(QColor("#4a4f57"))
    painter.setBrush(QColor("#e8eaee"))
    painter.drawRoundedRect(rect, 3, 3)
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "&" if operator == "AND" else "\u2228")
    painter.end()
    return QIcon(pixmap)


@functools.cache
def problem_icon(error: bool = True) -> QIcon:
    """A red (error) or amber (warning) mark for a row with a problem."""
    pixmap, painter = _canvas()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c9353d" if error else "#d08a00"))
    painter.drawEllipse(QRectF(1, 1, SIZE - 2, SIZE - 2))
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(1, 1, SIZE - 2, SIZE - 2), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)

"""Icons and the style sheet, read from the ``wfexplorer.resources`` package with importlib.resources."""

from __future__ import annotations

import functools
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

PACKAGE = "wfexplorer.resources"
APP_ICON = "wfexplorer.svg"
STYLE_SHEET = "style.qss"
ICON_SIZES = (16, 24, 32, 48, 64, 96, 128, 256)


def read_bytes(name: str) -> bytes:
    """Return the bytes of one resource file."""
    return resources.files(PACKAGE).joinpath(name).read_bytes()


def svg_icon(name: str) -> QIcon:
    """An icon drawn from an SVG resource at every common size, so it is sharp at 100 % and 200 %."""
    renderer = QSvgRenderer(QByteArray(read_bytes(name)))
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@functools.cache
def app_icon() -> QIcon:
    """The application icon."""
    return svg_icon(APP_ICON)


def style_sheet() -> str:
    """The application's style sheet."""
    return read_bytes(STYLE_SHEET).decode("utf-8")


def apply_style(app: QApplication) -> None:
    """Install the style sheet and the window icon on ``app``."""
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())

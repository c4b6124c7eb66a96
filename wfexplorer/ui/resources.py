"""Icons and the style sheet, read from the top-level ``resources/`` folder wherever the app runs.

This is the one module that knows where resources are. A source checkout or an editable install reads
the repository's ``resources/`` (next to the ``wfexplorer`` package); the wheel and the frozen build carry
that folder as ``wfexplorer/resources`` (``force-include`` in pyproject.toml, ``datas`` in
packaging/wfexplorer.spec), which is looked for first.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QFont, QIcon, QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

FOLDER = "resources"
APP_ICON = "wfexplorer.svg"
STYLE_SHEET = "style.qss"
ICON_SIZES = (16, 32, 64, 128)
_TILE_FILL = re.compile(rb'fill="#[0-9A-Fa-f]{3,8}"')  # an icon's first fill is its tile (the rounded square)


@functools.cache
def folder() -> Path:
    """The resources folder: inside the installed package (wheel, frozen build), else beside it (checkout)."""
    package = Path(__file__).resolve().parent.parent  # .../wfexplorer
    candidates = [package / FOLDER, package.parent / FOLDER]
    for candidate in candidates:
        if (candidate / APP_ICON).is_file():
            return candidate
    looked = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"wfexplorer's resources are missing (looked in {looked}); reinstall wfexplorer")


def path(name: str) -> Path:
    """The path of one resource file or folder (``icons``, ``style.qss``…)."""
    return folder() / name


def names(subfolder: str, suffix: str) -> frozenset[str]:
    """The names (without ``suffix``) of the files in one resource subfolder, such as the icons."""
    return frozenset(entry.name.removesuffix(suffix) for entry in path(subfolder).iterdir()
                     if entry.name.endswith(suffix))


def read_bytes(name: str) -> bytes:
    """Return the bytes of one resource file."""
    return path(name).read_bytes()


def svg_pixmap(name: str, size: int, device_pixel_ratio: float = 1.0, tile: str | None = None) -> QPixmap:
    """An SVG resource drawn at ``size`` logical pixels, sharp on a screen with ``device_pixel_ratio``;
    an icon's tile in the colour ``tile`` (``#rrggbb``) when given."""
    return _render(_tinted(read_bytes(name), tile), round(size * device_pixel_ratio), device_pixel_ratio)


def _tinted(svg: bytes, tile: str | None) -> bytes:
    """The SVG with its first fill (an icon's tile: every icon draws its rounded square first) set to ``tile``."""
    if not tile:
        return svg
    return _TILE_FILL.sub(f'fill="{tile}"'.encode("ascii"), svg, count=1)


def _render(svg: bytes, pixels: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """Rasterise SVG data at ``pixels`` by ``pixels`` with Qt's SVG image plugin (vector-sharp at any size)."""
    data = QByteArray(svg)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(pixels, pixels))
    pixmap = QPixmap.fromImage(reader.read())
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def svg_icon(name: str, tile: str | None = None) -> QIcon:
    """An icon drawn from an SVG resource at a few sizes (Qt scales between them); its tile in ``tile``'s colour
    (``#rrggbb``) when given. Rendering is slow next to painting a row: callers keep the icons they draw."""
    svg = _tinted(read_bytes(name), tile)
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_render(svg, size))
    return icon


@functools.cache
def app_icon() -> QIcon:
    """The application icon."""
    return svg_icon(APP_ICON)


@functools.cache
def style_sheet() -> str:
    """The style sheet for message boxes (error and hint labels)."""
    return read_bytes(STYLE_SHEET).decode("utf-8")


def set_role(label: QLabel, role: str) -> None:
    """Give a label its look: ``error`` and ``hint`` boxes, muted ``note`` text, a larger ``title``.

    Only those boxes use the style sheet, set on the label itself: an application-wide style sheet
    would route every widget through Qt's slower style-sheet style.
    """
    label.setProperty("role", role)
    if role in ("error", "hint"):
        label.setStyleSheet(style_sheet())
    elif role == "note":
        label.setPalette(_note_palette(label.palette()))
    elif role == "title":
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        label.setFont(font)


def _note_palette(palette: QPalette) -> QPalette:
    """Muted text while enabled, and the ordinary disabled grey when disabled (like every other label).

    The placeholder-text colour used before has no disabled variant in most styles, so a note
    stayed at full contrast while everything around it was greyed out. ``palette`` (a widget's
    copy) is changed in place: QPalette's copy constructor would load Qt's enums before the first paint.
    """
    groups, role = QPalette.ColorGroup, QPalette.ColorRole
    for group in (groups.Active, groups.Inactive):
        text, paper = palette.color(group, role.WindowText), palette.color(group, role.Window)
        placeholder = palette.color(group, role.PlaceholderText)
        if placeholder == text or placeholder.alpha() < 255:
            placeholder = _mix(text, paper, 0.7)
        palette.setColor(group, role.WindowText, placeholder)
    return palette  # the Disabled group keeps its ordinary grey window text


def _mix(ink: QColor, paper: QColor, weight: float) -> QColor:
    """``weight`` of ``ink`` over ``paper`` (opaque)."""
    return QColor.fromRgbF(*(weight * a + (1 - weight) * b for a, b in
                             zip((ink.redF(), ink.greenF(), ink.blueF()),
                                 (paper.redF(), paper.greenF(), paper.blueF()), strict=True)))


def message_label(role: str, name: str) -> QLabel:
    """A hidden, word-wrapped ``error`` or ``hint`` box named ``name``, shown when it has something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_role(label, role)
    label.hide()
    return label


def apply_style(app: QApplication) -> None:
    """Set what the whole application shares: the window icon."""
    app.setWindowIcon(app_icon())

"""Workfront Planning's colour names (``purple``, ``teal``…) as colours, and as icon tiles that read everywhere.

Planning gives select options, record types and workspaces a colour by name (or, now and then, as
``#rrggbb``). :func:`colour_of` is that colour as given; :func:`tile_colour` is the same hue made just dark
or light enough to carry an icon's white glyph (3:1, WCAG 2.1's contrast for graphics) and to stand off
light and dark windows alike, because icons are not redrawn per theme.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QColor

#: Planning's colour names → RGB (other values are used as given, e.g. ``#12ab34``).
NAMED_COLOURS = {
    "green": "#3a9d5d", "blue": "#3b76c4", "orange": "#e08a2e", "red": "#d0454c", "purple": "#8a5cc2",
    "teal": "#2a9d99", "yellow": "#d9b12b", "gray": "#8a8f98", "grey": "#8a8f98", "pink": "#d65a9c",
}
#: The relative luminance a tile keeps to: at most this for a white glyph on it (3:1 needs 0.30 or less)…
DARKEST_GLYPH_LUMINANCE = 0.27
#: …and at least this to stand off a dark window (2:1 against Breeze Dark's #1b1e20 needs 0.076).
LIGHTEST_WINDOW_LUMINANCE = 0.09
_STEP = 0.06  # how far each adjustment moves towards black or white


def colour_of(name: str | None) -> QColor | None:
    """The colour Planning names (one of its names or ``#rrggbb``); None when it names none."""
    if not name:
        return None
    colour = QColor(NAMED_COLOURS.get(name.lower(), name))
    return colour if colour.isValid() else None


@functools.cache
def tile_colour(name: str | None) -> str | None:
    """The named colour as an icon tile (``#rrggbb``), darkened or lightened only as far as it must be."""
    colour = colour_of(name)
    if colour is None:
        return None
    red, green, blue = colour.redF(), colour.greenF(), colour.blueF()
    for _ in range(int(1 / _STEP) + 1):
        shade = luminance(red, green, blue)
        if shade > DARKEST_GLYPH_LUMINANCE:
            red, green, blue = (channel * (1 - _STEP) for channel in (red, green, blue))
        elif shade < LIGHTEST_WINDOW_LUMINANCE:
            red, green, blue = (channel + (1 - channel) * _STEP for channel in (red, green, blue))
        else:
            break
    return QColor.fromRgbF(red, green, blue).name()


def luminance(red: float, green: float, blue: float) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour (channels 0 to 1)."""
    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)

"""Every row icon reads on a light and on a dark window: a coloured tile that stands off both, a white glyph on it.

The icons are not recoloured per theme, so each tile must contrast with a light (Fusion's #efefef) and a
dark (Breeze Dark's #1b1e20) background, and its white glyph must meet WCAG 2.1's 3:1 for graphics.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from wfexplorer.ui import resources

ROOT = Path(__file__).resolve().parents[2]
ICONS = sorted((ROOT / "resources" / "icons").glob("*.svg"))
LIGHT, DARK, WHITE = (0xEF, 0xEF, 0xEF), (0x1B, 0x1E, 0x20), (0xFF, 0xFF, 0xFF)


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def tile_colour(svg: Path) -> tuple[int, int, int]:
    image = resources.svg_pixmap(f"icons/{svg.name}", 32).toImage()
    opaque = Counter((c.red(), c.green(), c.blue()) for x in range(32) for y in range(32)
                     if (c := image.pixelColor(x, y)).alpha() > 200)
    return opaque.most_common(1)[0][0]


@pytest.mark.parametrize("svg", ICONS, ids=[path.stem for path in ICONS])
def test_the_icon_stands_off_light_and_dark_windows_and_its_glyph_reads(qapp, svg):
    tile = tile_colour(svg)
    assert tile != WHITE, "the most common colour should be the tile, not the glyph"
    assert contrast(tile, LIGHT) >= 2.0, f"{svg.name}: tile {tile} fades into a light window"
    assert contrast(tile, DARK) >= 2.0, f"{svg.name}: tile {tile} fades into a dark window"
    assert contrast(tile, WHITE) >= 3.0, f"{svg.name}: the white glyph on {tile} is too faint"

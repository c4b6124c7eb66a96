"""Every row icon reads on a light and on a dark window: a coloured tile that stands off both, a white glyph on it.

The icons are not recoloured per theme, so each tile must contrast with a light (Fusion's #efefef) and a
dark (Breeze Dark's #1b1e20) background, and its white glyph must meet WCAG 2.1's 3:1 for graphics. That
holds too for a Planning record type's icon on the tile of its colour, whatever colour Planning names.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from wfexplorer.ui import resources
from wfexplorer.ui.planning_colours import NAMED_COLOURS, tile_colour

ROOT = Path(__file__).resolve().parents[2]
ICONS = sorted((ROOT / "resources" / "icons").glob("*.svg"))
RECORD_TYPE_ICONS = sorted((ROOT / "resources" / "icons" / "record_types").glob("*.svg"))
#: Planning's colour names, and colours given as hex that are far too light or too dark for a tile as they are.
PLANNING_COLOURS = [*NAMED_COLOURS, "#ffff00", "#ffffff", "#000000", "#1b1e20"]
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


def drawn_tile(svg: Path, tile: str | None = None) -> tuple[int, int, int]:
    image = resources.svg_pixmap(svg.relative_to(ROOT / "resources").as_posix(), 32, tile=tile).toImage()
    opaque = Counter((c.red(), c.green(), c.blue()) for x in range(32) for y in range(32)
                     if (c := image.pixelColor(x, y)).alpha() > 200)
    return opaque.most_common(1)[0][0]


@pytest.mark.parametrize("svg", ICONS, ids=[path.stem for path in ICONS])
def test_the_icon_stands_off_light_and_dark_windows_and_its_glyph_reads(qapp, svg):
    assert_reads(svg.name, drawn_tile(svg))


@pytest.mark.parametrize("svg", RECORD_TYPE_ICONS, ids=[path.stem for path in RECORD_TYPE_ICONS])
def test_a_record_type_icon_reads_on_its_own_tile(qapp, svg):
    assert_reads(svg.name, drawn_tile(svg))


@pytest.mark.parametrize("colour", PLANNING_COLOURS)
@pytest.mark.parametrize("svg", [RECORD_TYPE_ICONS[0], ROOT / "resources" / "icons" / "record_type.svg"],
                         ids=["record_types", "generic"])
def test_a_record_type_icon_reads_on_the_tile_of_any_colour_planning_names(qapp, svg, colour):
    assert_reads(f"{svg.name} in {colour}", drawn_tile(svg, tile_colour(colour)))


def assert_reads(name: str, tile: tuple[int, int, int]) -> None:
    assert tile != WHITE, "the most common colour should be the tile, not the glyph"
    assert contrast(tile, LIGHT) >= 2.0, f"{name}: tile {tile} fades into a light window"
    assert contrast(tile, DARK) >= 2.0, f"{name}: tile {tile} fades into a dark window"
    assert contrast(tile, WHITE) >= 3.0, f"{name}: the white glyph on {tile} is too faint"

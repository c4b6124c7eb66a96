"""A Planning record type's rows show its own icon on a tile of its own colour, as Workfront Planning shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage

from wfexplorer.core.browse import BrowseTree, NodeKind, NodeSpec, RecordRef, RecordTypeRef
from wfexplorer.ui import resources
from wfexplorer.ui.planning_colours import tile_colour
from wfexplorer.ui.tree import icons
from wfexplorer.ui.tree.model import NavigatorModel

CAMPAIGNS = RecordTypeRef("rt-1", "ws-1", "f-name", color="purple", icon="megaphone")


def image(icon: QIcon) -> QImage:
    return icon.pixmap(32, 32).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def drawn(name: str, colour: str | None) -> QImage:
    return image(resources.svg_icon(name, tile_colour(colour)))


def row_icon(kind: NodeKind, icon: str, colour: str) -> QIcon:
    model = NavigatorModel(BrowseTree([NodeSpec(kind, "Row", CAMPAIGNS, icon=icon, color=colour)]), lambda node: None)
    decoration = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(decoration, QIcon)
    return decoration


def test_a_record_type_row_shows_its_icon_on_its_colour(qapp):
    shown = image(row_icon(NodeKind.RECORD_TYPE, "megaphone", "purple"))
    assert shown == drawn("icons/record_types/megaphone.svg", "purple")
    assert shown != drawn("icons/record_types/megaphone.svg", "teal")
    assert shown != image(icons.named("record_type"))


def test_a_record_row_shows_its_record_types_icon_and_colour_too(qapp):
    record = NodeSpec(NodeKind.RECORD, "Smart Drive 0001", RecordRef("r-1", CAMPAIGNS), icon="people", color="orange")
    model = NavigatorModel(BrowseTree([record]), lambda node: None)
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert image(shown) == drawn("icons/record_types/people.svg", "orange")


def test_an_icon_name_without_a_picture_gets_the_generic_glyph_still_in_the_record_types_colour(qapp):
    assert image(row_icon(NodeKind.RECORD_TYPE, "no-such-icon", "purple")) == drawn("icons/record_type.svg", "purple")
    assert image(row_icon(NodeKind.RECORD, "", "orange")) == drawn("icons/record.svg", "orange")
    assert image(row_icon(NodeKind.RECORD_TYPE, "megaphone", "")) == drawn("icons/record_types/megaphone.svg", None)
    assert image(row_icon(NodeKind.RECORD_TYPE, "", "")) == image(icons.named("record_type"))


def test_each_icon_and_colour_is_drawn_once_not_on_every_paint(qapp):
    first = row_icon(NodeKind.RECORD_TYPE, "megaphone", "purple")
    assert first.cacheKey() == row_icon(NodeKind.RECORD_TYPE, "megaphone", "purple").cacheKey()
    assert first.cacheKey() != row_icon(NodeKind.RECORD_TYPE, "megaphone", "teal").cacheKey()

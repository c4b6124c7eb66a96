"""Resources come from the top-level resources/ folder in a checkout, and every icon there draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from wfexplorer.ui import resources
from wfexplorer.ui.tree import icons

ROOT = Path(__file__).resolve().parents[2]
ICONS = sorted((ROOT / "resources" / "icons").glob("*.svg"))
RECORD_TYPE_ICONS = sorted((ROOT / "resources" / "icons" / "record_types").glob("*.svg"))


def test_a_checkout_reads_the_top_level_resources_folder():
    assert resources.folder() == ROOT / "resources"
    assert not (ROOT / "wfexplorer" / "resources").exists()  # one copy, where the design puts it


@pytest.mark.parametrize("svg", ICONS + RECORD_TYPE_ICONS, ids=[path.stem for path in ICONS + RECORD_TYPE_ICONS])
def test_every_icon_draws_something(qapp, svg):
    image = resources.svg_pixmap(svg.relative_to(ROOT / "resources").as_posix(), 32).toImage()
    assert image.width() == 32
    assert any(image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32)), svg.name


def test_the_tree_knows_every_icon_by_name():
    assert resources.names("icons", ".svg") == {path.stem for path in ICONS}
    assert not icons.named("PROJ").isNull() and not icons.named("NO_SUCH_TYPE").isNull()
    assert resources.names("icons/record_types", ".svg") == {path.stem for path in RECORD_TYPE_ICONS}
    assert {"broadcast", "people", "megaphone"} <= {path.stem for path in RECORD_TYPE_ICONS}


def test_a_missing_resources_folder_is_reported_in_words(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "__file__", str(tmp_path / "wfexplorer" / "ui" / "resources.py"))
    resources.folder.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=r"resources are missing .*reinstall"):
            resources.folder()
    finally:
        monkeypatch.undo()
        resources.folder.cache_clear()

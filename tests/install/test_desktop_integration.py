"""The desktop entry and the AppStream metainfo pass the freedesktop validators; the icon comes in hicolor sizes."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

import wfexplorer

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "wfexplorer.desktop"
METAINFO = ROOT / "resources" / "io.github.wfexplorer.wfexplorer.metainfo.xml"


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: install the Debian package {package} (.ci/run does)"
    return found


def test_the_desktop_entry_passes_desktop_file_validate():
    done = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr  # no hint either


def test_the_metainfo_passes_appstreamcli_validate():
    done = subprocess.run([tool("appstreamcli", "appstream"), "validate", "--no-net", "--pedantic", str(METAINFO)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_entry_metainfo_and_app_agree_on_names_and_version():
    entry = ConfigParser(interpolation=None)
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == section["Exec"].split()[0] == "wfexplorer"
    assert METAINFO.name == f"{component.findtext('id')}.metainfo.xml"
    assert component.find("releases/release").get("version") == wfexplorer.__version__
    assert section["Icon"] == "wfexplorer" and (ROOT / "resources" / "wfexplorer.svg").is_file()
    assert 'setDesktopFileName("wfexplorer")' in (ROOT / "wfexplorer" / "app.py").read_text()  # Wayland finds it


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    out = tmp_path_factory.mktemp("icons")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(out)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_the_icon_installs_in_the_hicolor_sizes(icons, size, qapp):
    from PySide6.QtGui import QImage

    image = QImage(str(icons / "hicolor" / f"{size}x{size}" / "apps" / "wfexplorer.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 2).alpha() > 0  # drawn, not an empty square


def test_the_scalable_icon_is_the_svg(icons):
    assert (icons / "hicolor" / "scalable" / "apps" / "wfexplorer.svg").read_bytes() == \
        (ROOT / "resources" / "wfexplorer.svg").read_bytes()


def test_the_windows_ico_holds_every_size_up_to_256(icons, qapp):
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(icons / "wfexplorer.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert sizes == {16, 24, 32, 48, 64, 128, 256}


def test_the_macos_icns_holds_png_elements_from_16_to_1024(icons):
    data = (icons / "wfexplorer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        assert data[offset + 8:offset + 16] == b"\x89PNG\r\n\x1a\n", kind
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert kinds == [b"icp4", b"icp5", b"icp6", b"ic07", b"ic08", b"ic09", b"ic10"]

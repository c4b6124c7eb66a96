"""Draw the app icon from resources/wfexplorer.svg in what each desktop wants.

``python packaging/make_icons.py OUT`` writes ``OUT/hicolor/<N>x<N>/apps/wfexplorer.png`` for the freedesktop
hicolor sizes (and ``OUT/hicolor/scalable/apps/wfexplorer.svg``), ``OUT/wfexplorer.ico`` for Windows and
``OUT/wfexplorer.icns`` for macOS. Both containers hold PNG images (Windows Vista and later, macOS 10.7 and
later read them), so Qt's SVG renderer, the one the app draws its icons with, is the only tool needed.
Run with ``QT_QPA_PLATFORM=offscreen`` where there is no display.
"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication

from wfexplorer.ui import resources

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's "icp4".."ic10").
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
NAME = "wfexplorer"


def png(size: int) -> bytes:
    """The app icon as a ``size`` by ``size`` PNG."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not resources.svg_pixmap(resources.APP_ICON, size).toImage().save(buffer, "PNG"):
        raise RuntimeError(f"could not draw the app icon at {size} px")
    return bytes(buffer.data().data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file holding one PNG per size (ICONDIR, ICONDIRENTRY each, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon file: the ``icns`` header, then one (type, length, PNG) element per size."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", len(data) + 8) + data
                    for size, data in sorted(images.items()))
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def write_all(out: Path) -> list[Path]:
    """Write every icon file under ``out``; return their paths."""
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))
    images = {size: png(size) for size in sizes}
    written = []
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(images[size])
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resources.path(resources.APP_ICON), scalable)
    written.append(scalable)
    for target, data in ((out / f"{NAME}.ico", ico({s: images[s] for s in ICO_SIZES})),
                         (out / f"{NAME}.icns", icns({s: images[s] for s in ICNS_TYPES}))):
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_icons.py OUTPUT_DIR", file=sys.stderr)
        return 2
    _app = QGuiApplication.instance() or QGuiApplication([])
    for target in write_all(Path(args[0])):
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())

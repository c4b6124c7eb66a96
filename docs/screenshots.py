"""Screenshots of the sign-in dialog and the explorer in the light and the dark colour scheme.

    QT_QPA_PLATFORM=xcb xvfb-run -a dbus-run-session -- .venv/bin/python docs/screenshots.py OUT light
    QT_QPA_PLATFORM=xcb xvfb-run -a dbus-run-session -- .venv/bin/python docs/screenshots.py OUT dark

Starts the real application with ``--demo`` on the (virtual) screen in a light or a dark colour scheme,
and writes
``OUT/login-<scheme>.png``, ``OUT/explorer-<scheme>.png`` (a project open in a tab, its references and
collections shown) and ``OUT/explorer-planning-<scheme>.png`` (record types with their icons, a campaign
open). Look at each: the window, its text and the icons must read on each.

A bare X server has no desktop to say "dark" (``QStyleHints.setColorScheme`` is ignored by Qt's generic
theme there), so the dark run hands the application a dark palette, as a desktop's platform theme
(KDE's, or GNOME's through the XDG portal) does; the app itself sets no colours but its message boxes'.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from wfexplorer import app as wapp

SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
#: A dark desktop palette (close to KDE's Breeze Dark): role -> (active, disabled).
DARK = {
    "Window": ("#2a2e32", "#2a2e32"), "WindowText": ("#fcfcfc", "#6e7175"), "Base": ("#1b1e20", "#1b1e20"),
    "AlternateBase": ("#232629", "#232629"), "Text": ("#fcfcfc", "#6e7175"), "Button": ("#31363b", "#2d3136"),
    "ButtonText": ("#fcfcfc", "#6e7175"), "Highlight": ("#3daee9", "#31363b"),
    "HighlightedText": ("#fcfcfc", "#a1a9b1"), "ToolTipBase": ("#31363b", "#31363b"),
    "ToolTipText": ("#fcfcfc", "#6e7175"), "PlaceholderText": ("#a1a9b1", "#6e7175"),
    "Link": ("#1d99f3", "#6e7175"), "BrightText": ("#ffffff", "#ffffff"), "Light": ("#40464c", "#40464c"),
    "Midlight": ("#383d43", "#383d43"), "Mid": ("#24272a", "#24272a"), "Dark": ("#181b1d", "#181b1d"),
    "Shadow": ("#101213", "#101213"),
}  # fmt: skip


def dark_palette() -> QPalette:
    """The palette a dark desktop theme hands to Qt applications."""
    palette = QPalette()
    for name, (active, disabled) in DARK.items():
        role = getattr(QPalette.ColorRole, name)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(active))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def spin(application: wapp.Application, seconds: float, until: Callable[[], bool] = lambda: False) -> None:
    """Run the event loop for ``seconds`` or until ``until()`` is true."""
    import asyncio

    async def wait() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not until():
            await asyncio.sleep(0.05)

    application.loop.run_until_complete(wait())


def planning_shot(application: wapp.Application, window: Any, path: Path) -> None:
    """The Planning part: record types with their icons and colours, a campaign's record open in a tab."""
    from wfexplorer.core.browse import LoadState, NodeKind

    view, model = window.navigator.view, window.model
    view.collapse(model.index(0, 0))                         # the classic part
    planning = window.tree.top(NodeKind.PLANNING)

    def opened(node: Any) -> Any:
        view.expand(model.index_of(node))
        if node.can_fetch:
            window.controller.load(node)
        spin(application, 10, until=lambda: node.state in (LoadState.LOADED, LoadState.FAILED))
        return node

    workspace = opened(planning).children[0]
    campaigns = next(node for node in opened(workspace).children if node.label.startswith("Campaigns"))
    record = next(node for node in opened(campaigns).children if node.kind is NodeKind.RECORD)
    view.setCurrentIndex(model.index_of(record))
    window.open_node(record)
    spin(application, 4)
    window.grab().save(str(path))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in SCHEMES:
        print("usage: screenshots.py OUTPUT_DIR light|dark", file=sys.stderr)
        return 2
    out, scheme = Path(argv[0]), argv[1]
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    qapp.styleHints().setColorScheme(SCHEMES[scheme])  # honoured where the platform theme can
    if scheme == "dark":
        qapp.setPalette(dark_palette())
    home = Path(tempfile.mkdtemp())
    application = wapp.build(["--demo", "--config-dir", str(home), "--cache-dir", str(home)], qapp=qapp)
    login = application.windows.login
    assert login is not None
    spin(application, 0.3)
    login.grab().save(str(out / f"login-{scheme}.png"))
    spin(application, 20, until=lambda: application.windows.main is not None)
    window = application.windows.main
    assert window is not None, "the demo did not sign in"
    model = window.model
    spin(application, 10, until=lambda: model.rowCount(model.index(0, 0)) > 2)
    types = model.index(0, 0)
    project = next(model.index(row, 0, types) for row in range(model.rowCount(types))
                   if "(PROJ)" in str(model.index(row, 0, types).data()))
    window.navigator.view.expand(project)
    if model.canFetchMore(project):
        model.fetchMore(project)
    spin(application, 10, until=lambda: model.rowCount(project) > 1)
    first = model.index(0, 0, project)
    window.navigator.view.setCurrentIndex(first)
    window.open_node(model.node(first))
    window.navigator.view.expand(first)                      # its references and collections
    spin(application, 3)
    window.grab().save(str(out / f"explorer-{scheme}.png"))
    planning_shot(application, window, out / f"explorer-planning-{scheme}.png")
    application.windows.quit()
    spin(application, 0.5)
    application.close()
    for name in (f"login-{scheme}.png", f"explorer-{scheme}.png", f"explorer-planning-{scheme}.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

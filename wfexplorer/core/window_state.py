"""What a main window remembers per profile: its geometry, its docks, and the tabs that were open.

Saved as one readable JSON file (``windows.json`` in the config directory), keyed by profile name; it
holds no secrets and no server data beyond what names a tab (its kind, objCode or record type, ID and
label). Geometry and dock layout are opaque strings the GUI produces (Qt's saved state, base64).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wfexplorer.core.files import write_text_atomic

STATE_FILE = "windows.json"


@dataclass(frozen=True)
class TabState:
    """One open tab: a classic object (``code``) or a Planning record (``code`` is empty, ``record_type`` set)."""

    id: str
    label: str
    code: str = ""
    record_type: str = ""


@dataclass(frozen=True)
class WindowState:
    """A window's layout and tabs."""

    geometry: str = ""
    docks: str = ""
    tabs: tuple[TabState, ...] = ()
    current: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class WindowStateStore:
    """Window states by profile name in ``<config_dir>/windows.json``; a damaged file reads as empty."""

    def __init__(self, config_dir: Path) -> None:
        #: The profile's settings folder (other per-profile stores of the window live there too).
        self.config_dir = Path(config_dir)
        self.path = self.config_dir / STATE_FILE

    def load(self, profile: str) -> WindowState | None:
        """The state saved for ``profile``, or None."""
        raw = self._read().get(profile)
        if not isinstance(raw, dict):
            return None
        try:
            tabs = tuple(TabState(**tab) for tab in raw.get("tabs", ()) if isinstance(tab, dict))
            return WindowState(str(raw.get("geometry", "")), str(raw.get("docks", "")), tabs,
                               int(raw.get("current", 0)), dict(raw.get("extra") or {}))
        except (TypeError, ValueError):
            return None

    def save(self, profile: str, state: WindowState) -> None:
        """Keep ``state`` for ``profile`` (other profiles' states stay)."""
        everything = self._read()
        everything[profile] = asdict(state)
        write_text_atomic(self.path, json.dumps(everything, indent=2) + "\n")

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

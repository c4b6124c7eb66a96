"""Unsaved edits kept on disk, so a crash, a kill or a power cut loses nothing typed.

    drafts = DraftStore()                       # the user data dir (``…/wfexplorer/drafts``)
    drafts.keep(host, state, label="Kick-off")  # after each edit (an unchanged state removes its draft)
    for draft in drafts.pending(host):          # at the next sign-in: offer them back
        state.restore(draft.current)
    drafts.discard(host, state.target)

A draft holds the target, the label and the dirty fields' original and current values: field values only,
never a credential. Files are written atomically (a power cut leaves the old draft or the new one).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wfexplorer.core.app_dirs import default_data_dir
from wfexplorer.core.editing.specs import Api
from wfexplorer.core.editing.state import EditState, EditTarget
from wfexplorer.core.files import write_text_atomic

FILE_VERSION = 1


def default_drafts_dir() -> Path:
    """Where drafts live: the user data directory of wfexplorer, ``drafts``."""
    return default_data_dir() / "drafts"


@dataclass(frozen=True)
class Draft:
    """One kept edit: where, what, and when it was kept."""

    host: str
    target: EditTarget
    label: str
    original: Mapping[str, Any]
    current: Mapping[str, Any]
    saved_at: float


class DraftStore:
    """Drafts in one folder, one JSON file per host and object."""

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_drafts_dir()

    def _path(self, host: str, target: EditTarget) -> Path:
        key = "|".join((host, target.api.value, target.code, target.id, target.record_type))
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"

    def keep(self, host: str, state: EditState, label: str = "") -> None:
        """Write the state's edits (or remove the draft when nothing is changed)."""
        if not state.has_changes:
            self.discard(host, state.target)
            return
        snapshot = state.snapshot()
        body = {"version": FILE_VERSION, "host": host, "label": label, "saved_at": time.time(), **snapshot}
        write_text_atomic(self._path(host, state.target), json.dumps(body, ensure_ascii=False, default=str))

    def discard(self, host: str, target: EditTarget) -> None:
        """Forget the draft of ``target``."""
        self._path(host, target).unlink(missing_ok=True)

    def pending(self, host: str) -> list[Draft]:
        """The drafts of ``host``, oldest first (unreadable files are skipped)."""
        found = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else ():
            try:
                body = json.loads(path.read_text(encoding="utf-8"))
                if body.get("host") != host:
                    continue
                raw = body["target"]
                target = EditTarget(Api(raw["api"]), raw.get("code", ""), raw.get("id", ""),
                                    raw.get("record_type", ""))
                found.append(Draft(host, target, str(body.get("label") or ""), dict(body.get("original") or {}),
                                   dict(body.get("current") or {}), float(body.get("saved_at") or 0)))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda draft: draft.saved_at)

    def find(self, host: str, target: EditTarget) -> Draft | None:
        """The draft of ``target``, if one is kept."""
        return next((draft for draft in self.pending(host) if draft.target == target), None)

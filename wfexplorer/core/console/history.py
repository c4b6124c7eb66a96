"""The console's history, one JSON file per profile in the user config folder; it never holds a secret.

    history = ConsoleHistory(config_dir, profile.name)
    history.add(request)            # newest first, at most ``limit``, a repeat of the latest moves nothing
    for item in history.items(): …

Secret parameters are stored as ``***`` and secrets in a JSON body are hidden (:mod:`wfexplorer.core.redaction`).
A damaged file is never overwritten: it is renamed ``….damaged-<time>.json`` and :attr:`ConsoleHistory.problem`
says so, and the history starts empty.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from wfexplorer.core import redaction
from wfexplorer.core.console.request import ConsoleRequest
from wfexplorer.core.files import write_text_atomic

log = logging.getLogger(__name__)

FILE_VERSION = 1
DEFAULT_LIMIT = 200
HISTORY_FOLDER = "console-history"


@dataclass(frozen=True)
class HistoryItem:
    """One request the console sent, and when (``time.time()``)."""

    request: ConsoleRequest
    sent_at: float


def history_path(config_dir: Path | str, profile_name: str) -> Path:
    """The history file of a profile: a readable slug of the name plus a short hash (distinct names, distinct files)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", profile_name).strip("-.")[:40] or "profile"
    digest = hashlib.sha256(profile_name.encode("utf-8")).hexdigest()[:8]
    return Path(config_dir) / HISTORY_FOLDER / f"{slug}-{digest}.json"


def without_secrets(request: ConsoleRequest) -> ConsoleRequest:
    """The request as the history keeps it: secret parameters ``***``, secrets in the body hidden."""
    body = redaction.redact_json_text(request.body) if request.body.strip() else request.body
    return ConsoleRequest(request.api, request.method, request.path, redaction.redact_pairs(request.params), body)


class ConsoleHistory:
    """The requests a profile's console sent, newest first; safe to use from several threads."""

    def __init__(self, config_dir: Path | str, profile_name: str, limit: int = DEFAULT_LIMIT) -> None:
        self.path = history_path(config_dir, profile_name)
        self.limit = limit
        #: Why the saved history could not be read (the file was set aside), or ``None``.
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._items = self._load()

    def items(self) -> list[HistoryItem]:
        """Every item, newest first."""
        with self._lock:
            return list(self._items)

    def add(self, request: ConsoleRequest, sent_at: float | None = None) -> HistoryItem:
        """Remember a sent request (without its secrets) and save the file; return the stored item."""
        item = HistoryItem(without_secrets(request), time.time() if sent_at is None else sent_at)
        with self._lock:
            kept = [old for old in self._items if old.request != item.request]
            self._items = [item, *kept][: self.limit]
            self._save()
        return item

    def clear(self) -> None:
        """Forget every item (the file is emptied)."""
        with self._lock:
            self._items = []
            self._save()

    def _save(self) -> None:
        document = {"version": FILE_VERSION,
                    "items": [{"sent_at": item.sent_at, **item.request.to_dict()} for item in self._items]}
        write_text_atomic(self.path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")

    def _load(self) -> list[HistoryItem]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as failure:
            self.problem = f"The console history {self.path} could not be read ({failure.strerror}); it starts empty."
            return []
        try:
            document = json.loads(text)
            return [HistoryItem(without_secrets(ConsoleRequest.from_dict(item)), float(item.get("sent_at", 0)))
                    for item in document["items"]][: self.limit]
        except (ValueError, TypeError, KeyError, AttributeError) as failure:
            aside = self.path.with_name(f"{self.path.stem}.damaged-{time.strftime('%Y%m%d-%H%M%S')}.json")
            try:
                self.path.replace(aside)
            except OSError:
                aside = self.path
            self.problem = (f"The console history was damaged ({failure}); it was kept as {aside.name} "
                            "and a new one was started.")
            log.warning("%s", self.problem)
            return []

"""Saved classic searches and the history of what ran, per profile: one small JSON file in a directory passed in.

::

    store = SearchStore(config_dir / "searches", profile="Acme production")
    store.save("Late tasks", query, mode="search")      # replaces a search of the same name
    store.saved(); store.get("Late tasks"); store.rename("Late tasks", "Overdue"); store.delete("Overdue")
    store.record(query, "search", rows=42)             # history, newest first, at most HISTORY_LIMIT entries
    store.history(); store.clear_history()

Queries are kept as query strings (the model's own form, readable in the file) and never carry a
secret: credential parameters are removed before anything is written. The file is replaced
atomically; a file that cannot be read is moved aside to ``….corrupt`` (nothing is lost) and the
store starts empty, saying so in :attr:`SearchStore.problem`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from wfexplorer.core import errors, redaction
from wfexplorer.core.classic.search_model.model import ClassicQuery
from wfexplorer.core.classic.search_model.querystring import parse, to_query_string
from wfexplorer.core.files import write_text_atomic

log = logging.getLogger(__name__)

FILE_VERSION = 1
HISTORY_LIMIT = 200


@dataclass(frozen=True)
class SavedSearch:
    """A named search: the object type, its query string, the mode (``search`` or ``report``) and when saved."""

    name: str
    object_code: str
    query_string: str
    mode: str = "search"
    saved_at: float = 0.0

    def query(self) -> ClassicQuery:
        """The model of this search."""
        return parse(self.query_string, self.object_code).query


@dataclass(frozen=True)
class HistoryEntry:
    """One run: the object type, the query string, the operation, when, and how many rows came back."""

    object_code: str
    query_string: str
    operation: str
    ran_at: float
    rows: int | None = None

    def query(self) -> ClassicQuery:
        """The model of the search that ran."""
        return parse(self.query_string, self.object_code).query


def profile_file_name(profile: str) -> str:
    """A file name for a profile's store: readable, safe on every file system, distinct for distinct names."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", profile).strip("-.")[:40] or "profile"
    digest = hashlib.sha256(profile.encode("utf-8")).hexdigest()[:10]
    return f"classic-searches-{readable}-{digest}.json"


def _clean(query: ClassicQuery) -> ClassicQuery:
    return query.changed(raw=tuple(pair for pair in query.raw if not redaction.is_secret(pair[0])))


class SearchStore:
    """The saved searches and history of one profile (thread-safe; each change is written at once)."""

    def __init__(self, directory: Path | str, profile: str, history_limit: int = HISTORY_LIMIT) -> None:
        self.path = Path(directory) / profile_file_name(profile)
        self.profile = profile
        self.history_limit = history_limit
        #: Why the file could not be read (it was moved aside), or ``None``.
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._saved: list[SavedSearch] = []
        self._history: list[HistoryEntry] = []
        self._read()

    # -- saved searches -------------------------------------------------------------------------

    def saved(self) -> list[SavedSearch]:
        """Every saved search, in the order saved."""
        with self._lock:
            return list(self._saved)

    def get(self, name: str) -> SavedSearch | None:
        """The saved search of this name, if any."""
        with self._lock:
            return next((item for item in self._saved if item.name == name), None)

    def save(self, name: str, query: ClassicQuery, mode: str = "search") -> SavedSearch:
        """Save (or replace) a search under ``name``; returns what was saved."""
        name = name.strip()
        if not name:
            raise errors.ValidationError("A saved search needs a name")
        item = SavedSearch(name, query.object_code, to_query_string(_clean(query)), mode, time.time())
        with self._lock:
            index = next((i for i, old in enumerate(self._saved) if old.name == name), None)
            if index is None:
                self._saved.append(item)
            else:
                self._saved[index] = item
            self._write()
        return item

    def rename(self, old: str, new: str) -> None:
        """Rename a saved search (its place in the list stays); refuses a name already taken."""
        new = new.strip()
        if not new:
            raise errors.ValidationError("A saved search needs a name")
        with self._lock:
            index = next((i for i, item in enumerate(self._saved) if item.name == old), None)
            if index is None:
                raise errors.NotFoundError(f"No saved search named {old!r}")
            if new != old and any(item.name == new for item in self._saved):
                raise errors.ConflictError(f"A saved search named {new!r} exists already; pick another name")
            item = self._saved[index]
            self._saved[index] = SavedSearch(new, item.object_code, item.query_string, item.mode, item.saved_at)
            self._write()

    def delete(self, name: str) -> bool:
        """Forget a saved search; returns whether there was one."""
        with self._lock:
            kept = [item for item in self._saved if item.name != name]
            if len(kept) == len(self._saved):
                return False
            self._saved = kept
            self._write()
            return True

    # -- history --------------------------------------------------------------------------------

    def record(self, query: ClassicQuery, operation: str = "search", rows: int | None = None) -> HistoryEntry:
        """Add a run to the history (newest first); running the same query again moves it to the top."""
        entry = HistoryEntry(query.object_code, to_query_string(_clean(query)), operation, time.time(), rows)
        with self._lock:
            self._history = [entry, *(old for old in self._history
                                      if (old.object_code, old.query_string, old.operation)
                                      != (entry.object_code, entry.query_string, entry.operation))]
            del self._history[self.history_limit:]
            self._write()
        return entry

    def history(self) -> list[HistoryEntry]:
        """What ran, newest first."""
        with self._lock:
            return list(self._history)

    def clear_history(self) -> None:
        """Forget the history (saved searches stay)."""
        with self._lock:
            self._history = []
            self._write()

    # -- the file -------------------------------------------------------------------------------

    def _read(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as error:
            self.problem = f"Saved searches could not be read ({error}); starting without them"
            log.warning("%s", self.problem)
            return
        try:
            document = json.loads(text)
            if not isinstance(document, dict) or document.get("version") != FILE_VERSION:
                raise ValueError("not a saved-searches file of this version")
            self._saved = [SavedSearch(**_known(item, SavedSearch)) for item in document.get("saved", [])]
            self._history = [HistoryEntry(**_known(item, HistoryEntry)) for item in document.get("history", [])]
        except (ValueError, TypeError, AttributeError) as error:
            aside = self.path.with_name(f"{self.path.name}.{int(time.time())}.corrupt")
            os.replace(self.path, aside)
            self._saved, self._history = [], []
            self.problem = f"Saved searches were unreadable ({error}); the file was kept as {aside.name}"
            log.warning("%s", self.problem)

    def _write(self) -> None:
        document = {
            "version": FILE_VERSION,
            "profile": self.profile,
            "saved": [asdict(item) for item in self._saved],
            "history": [asdict(item) for item in self._history],
        }
        write_text_atomic(self.path, json.dumps(document, indent=2) + "\n")


def _known(item: Any, cls: type[SavedSearch] | type[HistoryEntry]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ValueError("an entry is not an object")
    names = {member.name for member in fields(cls)}
    return {key: value for key, value in item.items() if key in names}

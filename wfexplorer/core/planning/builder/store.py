"""Saved filters and the history of what ran, per profile, in one small JSON file in a directory passed in.

    store = FilterStore(directory, profile="Acme production")
    saved = store.save("Active campaigns", record_type_id, request, record_type_name="Campaigns")
    store.rename(saved.id, "Live campaigns"); store.delete(saved.id)
    store.open(saved.id)                         # the SearchRequest again (relative dates still relative)
    store.record_run(record_type_id, request, call, total=120)   # automatic history, newest first
    store.history()

Searches are kept as documents (``document.py``): the v2 JSON with relative dates as expressions, so "last 7
days" still means the last 7 days when opened next week. A history entry also keeps what was sent (the call's
body and query, relative dates resolved) and which date each relative date stood for. The file never holds a
credential. It is replaced atomically; a file that cannot be read is kept aside under another name rather than
overwritten, and the store starts empty.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.files import write_text_atomic
from wfexplorer.core.planning.builder.document import request_of_document, search_document
from wfexplorer.core.planning.filters import SearchRequest
from wfexplorer.core.planning.filters.validation import FieldsArg
from wfexplorer.core.planning.search_call import SearchCall

log = logging.getLogger(__name__)

FILE_FORMAT = 1
HISTORY_LIMIT = 200


@dataclass(frozen=True)
class SavedFilter:
    """A search kept by name for one record type."""

    id: str
    name: str
    record_type_id: str
    document: dict[str, Any]
    record_type_name: str = ""
    saved_at: float = 0.0


@dataclass(frozen=True)
class HistoryEntry:
    """One search that ran: what was built, what was sent, how many records matched."""

    ran_at: float
    record_type_id: str
    version: int
    document: dict[str, Any]
    sent_body: dict[str, Any]
    sent_params: dict[str, Any]
    record_type_name: str = ""
    total: int | None = None
    resolved: tuple[str, ...] = field(default_factory=tuple)


class FilterStore:
    """Saved filters and run history of one profile."""

    def __init__(self, directory: Path, profile: str, history_limit: int = HISTORY_LIMIT) -> None:
        self.path = Path(directory) / f"planning-filters-{_file_key(profile)}.json"
        self.profile = profile
        self.history_limit = history_limit
        self._lock = threading.Lock()

    # -- saved filters ---------------------------------------------------------------------------------

    def saved(self, record_type_id: str | None = None) -> list[SavedFilter]:
        """The saved filters (of one record type, when given), by name."""
        items = [SavedFilter(**raw) for raw in self._read()["saved"]]
        if record_type_id is not None:
            items = [item for item in items if item.record_type_id == record_type_id]
        return sorted(items, key=lambda item: item.name.lower())

    def get(self, filter_id: str) -> SavedFilter:
        """One saved filter (``NotFoundError`` when it was deleted)."""
        for item in self.saved():
            if item.id == filter_id:
                return item
        raise errors.NotFoundError("That saved filter no longer exists; it may have been deleted in another window.")

    def open(self, filter_id: str, fields: FieldsArg = None) -> SearchRequest:
        """The search a saved filter holds."""
        return request_of_document(self.get(filter_id).document, fields)

    def save(self, name: str, record_type_id: str, request: SearchRequest, *, record_type_name: str = "",
             replace: bool = False) -> SavedFilter:
        """Keep ``request`` as ``name``; a name already used for this record type needs ``replace``."""
        name = _clean_name(name)
        with self._lock:
            data = self._read()
            same = [raw for raw in data["saved"] if raw["record_type_id"] == record_type_id
                    and raw["name"].lower() == name.lower()]
            if same and not replace:
                raise errors.ValidationError(f"A filter called {name!r} is already saved for this record type: "
                                             "choose another name, or replace it.", field_errors={"name": ["taken"]})
            item = SavedFilter(same[0]["id"] if same else uuid.uuid4().hex, name, record_type_id,
                               search_document(request), record_type_name, time.time())
            data["saved"] = [raw for raw in data["saved"] if not same or raw["id"] != same[0]["id"]]
            data["saved"].append(asdict(item))
            self._write(data)
        return item

    def rename(self, filter_id: str, name: str) -> SavedFilter:
        """Give a saved filter another name (unique per record type)."""
        name = _clean_name(name)
        with self._lock:
            data = self._read()
            target = next((raw for raw in data["saved"] if raw["id"] == filter_id), None)
            if target is None:
                raise errors.NotFoundError("That saved filter no longer exists.")
            if any(raw["id"] != filter_id and raw["record_type_id"] == target["record_type_id"]
                   and raw["name"].lower() == name.lower() for raw in data["saved"]):
                raise errors.ValidationError(f"A filter called {name!r} is already saved for this record type.",
                                             field_errors={"name": ["taken"]})
            target["name"] = name
            self._write(data)
            return SavedFilter(**target)

    def delete(self, filter_id: str) -> bool:
        """Forget a saved filter; False when there was none."""
        with self._lock:
            data = self._read()
            kept = [raw for raw in data["saved"] if raw["id"] != filter_id]
            if len(kept) == len(data["saved"]):
                return False
            data["saved"] = kept
            self._write(data)
            return True

    # -- history ---------------------------------------------------------------------------------------

    def record_run(self, record_type_id: str, request: SearchRequest, call: SearchCall, *,
                   total: int | None = None, record_type_name: str = "") -> HistoryEntry:
        """Add a search that ran to the history (newest first; the oldest beyond the limit are dropped).

        Running the same search again moves it to the top instead of listing it twice.
        """
        entry = HistoryEntry(time.time(), record_type_id, call.version, search_document(request), call.body,
                             call.params, record_type_name, total, tuple(str(r) for r in call.resolutions))
        with self._lock:
            data = self._read()
            history = [raw for raw in data["history"] if not (
                raw["record_type_id"] == record_type_id and raw["document"] == entry.document
                and raw["version"] == entry.version)]
            history.insert(0, _jsonable(asdict(entry)))
            data["history"] = history[: self.history_limit]
            self._write(data)
        return entry

    def history(self, record_type_id: str | None = None) -> list[HistoryEntry]:
        """What ran, newest first (of one record type, when given)."""
        entries = [HistoryEntry(**{**raw, "resolved": tuple(raw.get("resolved") or ())})
                   for raw in self._read()["history"]]
        return [entry for entry in entries if record_type_id is None or entry.record_type_id == record_type_id]

    def clear_history(self) -> None:
        """Forget what ran."""
        with self._lock:
            data = self._read()
            data["history"] = []
            self._write(data)

    # -- the file --------------------------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _empty()
        except OSError as error:
            raise errors.WorkfrontError(f"Saved filters cannot be read: {error}") from error
        try:
            data = json.loads(text)
            if not isinstance(data, Mapping) or data.get("format") != FILE_FORMAT:
                raise ValueError("unexpected layout")
            saved, history = list(data.get("saved") or ()), list(data.get("history") or ())
            for raw in saved:
                SavedFilter(**raw)
            for raw in history:
                HistoryEntry(**raw)
        except (ValueError, TypeError) as error:
            aside = self.path.with_name(f"{self.path.stem}.unreadable-{int(time.time())}.json")
            with contextlib.suppress(OSError):
                self.path.rename(aside)
            log.warning("saved filters in %s were unreadable (%s); kept them as %s", self.path, error, aside.name)
            return _empty()
        return {"format": FILE_FORMAT, "saved": saved, "history": history}

    def _write(self, data: dict[str, Any]) -> None:
        write_text_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def _empty() -> dict[str, Any]:
    return {"format": FILE_FORMAT, "saved": [], "history": []}


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise errors.ValidationError("Give the filter a name.", field_errors={"name": ["required"]})
    return name


def _file_key(profile: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", profile).strip("-").lower()[:40] or "profile"
    return f"{slug}-{hashlib.sha1(profile.encode()).hexdigest()[:8]}"


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value))

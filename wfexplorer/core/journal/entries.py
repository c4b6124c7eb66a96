"""One journal entry: when, which object, each field before → after, the request as sent (redacted), the result.

Entries are plain frozen values so a view can hold thousands of them and a worker thread can make them. The
request is kept as text with every secret replaced by ``***`` (:mod:`wfexplorer.core.redaction` decides what
a secret is), so the journal file never holds a password, key or token.
"""

from __future__ import annotations

import enum
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wfexplorer.core import redaction
from wfexplorer.core.editing.savers import SaveRequest


class Kind(enum.StrEnum):
    """What kind of write an entry records."""

    SAVE = "save"
    ACTION = "action"
    BULK = "bulk"
    UNDO = "undo"


@dataclass(frozen=True)
class Change:
    """One field of one object: its key, label, and the value before and after the write (wire form)."""

    key: str
    label: str
    before: Any
    after: Any


def request_text(request: SaveRequest | None) -> str:
    """The request as a person reads it, secrets hidden; empty when there is none."""
    if request is None:
        return ""
    body = redaction.redact_json(dict(request.body))
    return SaveRequest(request.method, redaction.redact_url(request.url), body, request.form_encoded).text()


@dataclass(frozen=True)
class JournalEntry:
    """One write the tool performed (see the module docs). ``id`` is set once the journal has stored it.

    ``api`` is ``classic`` or ``planning``; ``code`` and ``object_id`` name a classic object, ``record_type``
    and ``object_id`` a Planning record. ``undoes`` is the id of the entry an undo wrote back.
    """

    kind: Kind
    time: float
    api: str = "classic"
    code: str = ""
    object_id: str = ""
    record_type: str = ""
    object_name: str = ""
    title: str = ""
    changes: tuple[Change, ...] = ()
    request: str = ""
    result: str = ""
    ok: bool = True
    undoes: int | None = None
    id: int | None = field(default=None, compare=False)

    @classmethod
    def create(cls, kind: Kind, *, request: SaveRequest | None = None, changes: Sequence[Change] = (),
               **values: Any) -> JournalEntry:
        """A new entry timed now, the request kept as redacted text and the values redacted too."""
        safe = tuple(Change(change.key, change.label, _safe(change.key, change.before),
                            _safe(change.key, change.after)) for change in changes)
        result = redaction.redact_text(str(values.pop("result", "")))
        return cls(kind=kind, time=time.time(), request=request_text(request), changes=safe, result=result,
                   **values)

    def with_id(self, entry_id: int) -> JournalEntry:
        """The same entry as stored under ``entry_id``."""
        return replace(self, id=entry_id)

    @property
    def undoable(self) -> bool:
        """Whether "Undo this change" can write the before values back (a write that worked and changed fields)."""
        return self.ok and bool(self.changes)

    @property
    def target(self) -> str:
        """The object in words: ``TASK 63ab… "Design"``."""
        kind = self.code or self.record_type or "record"
        name = f' "{self.object_name}"' if self.object_name else ""
        return f"{kind} {self.object_id}{name}"

    def summary(self) -> str:
        """The changed fields in one line: ``status: NEW → CPL; priority: 1 → 2``."""
        return "; ".join(f"{change.label}: {_short(change.before)} → {_short(change.after)}"
                         for change in self.changes)

    def changes_json(self) -> str:
        """The changes as JSON text (how the journal stores them)."""
        return json.dumps([[c.key, c.label, c.before, c.after] for c in self.changes], default=str)

    @staticmethod
    def changes_from_json(text: str) -> tuple[Change, ...]:
        """The changes back from :meth:`changes_json`'s text."""
        return tuple(Change(str(key), str(label), before, after) for key, label, before, after in json.loads(text))


def _safe(key: str, value: Any) -> Any:
    if redaction.is_secret(key):
        return redaction.REDACTED
    if isinstance(value, Mapping | list):
        return redaction.redact_json(value)
    return value


def _short(value: Any) -> str:
    if value is None:
        return "(empty)"
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 40 else text[:39] + "…"

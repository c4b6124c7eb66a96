"""The journal of every write, one SQLite file per profile, safe to use from worker threads.

    journal = Journal.for_profile("Simulator")            # <data dir>/journal/Simulator.sqlite3
    stored = journal.record(JournalEntry.create(Kind.SAVE, code="TASK", object_id=…, changes=…, request=…))
    journal.entries(limit=200)                             # newest first
    stop = journal.subscribe(print)                        # called with each stored entry (from the writer's thread)

Writes are few and small; reads are one indexed query. Every call opens its own short transaction on one
connection guarded by a lock, so the GUI thread may read while a worker records. Nothing secret is stored:
entries are redacted when they are made (:mod:`.entries`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from wfexplorer.core.app_dirs import default_data_dir
from wfexplorer.core.journal.entries import JournalEntry, Kind

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time REAL NOT NULL, kind TEXT NOT NULL, api TEXT NOT NULL, code TEXT NOT NULL, object_id TEXT NOT NULL,
    record_type TEXT NOT NULL, object_name TEXT NOT NULL, title TEXT NOT NULL, changes TEXT NOT NULL,
    request TEXT NOT NULL, result TEXT NOT NULL, ok INTEGER NOT NULL, undoes INTEGER
);
CREATE INDEX IF NOT EXISTS entries_by_object ON entries (object_id);
"""
_COLUMNS = ("id, time, kind, api, code, object_id, record_type, object_name, title, changes, request, result, ok, "
            "undoes")

Listener = Callable[[JournalEntry], None]


def default_journal_dir() -> Path:
    """Where journals live: the user data directory of wfexplorer, ``journal/``."""
    return default_data_dir() / "journal"


def file_name(profile_name: str) -> str:
    """The journal file of a profile (its name made safe for any file system)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", profile_name).strip("._") or "profile"
    return f"{safe}.sqlite3"


#: One stored entry as the database gives it (what :func:`entry_of` turns into a :class:`JournalEntry`).
Row = tuple[object, ...]


def entry_of(row: Row) -> JournalEntry:
    """The entry of one stored row (a view holding thousands converts only the rows it shows)."""
    (entry_id, when, kind, api, code, object_id, record_type, object_name, title, changes, request, result, ok,
     undoes) = row
    return JournalEntry(Kind(str(kind)), float(str(when)), str(api), str(code), str(object_id), str(record_type),
                        str(object_name), str(title), JournalEntry.changes_from_json(str(changes)), str(request),
                        str(result), bool(ok), None if undoes is None else int(str(undoes)), int(str(entry_id)))


class Journal:
    """A profile's journal (see the module docs)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._closed = False
        self._listeners: list[Listener] = []

    @property
    def _db(self) -> sqlite3.Connection:
        """The database, opened on first use (under the lock), so that making a journal costs no file I/O.

        A main window makes its journal on the GUI thread; the first write or read comes from a worker.
        """
        if self._connection is None:
            if self._closed:
                raise sqlite3.ProgrammingError("the journal is closed")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(SCHEMA)
            self._connection = connection
        return self._connection

    @classmethod
    def for_profile(cls, profile_name: str, directory: Path | str | None = None) -> Journal:
        """The journal of ``profile_name`` in ``directory`` (default :func:`default_journal_dir`)."""
        return cls(Path(directory or default_journal_dir()) / file_name(profile_name))

    def close(self) -> None:
        """Close the file (the journal cannot be used afterwards)."""
        with self._lock:
            self._closed = True
            if self._connection is not None:
                self._connection.close()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(entry)`` after each entry is stored; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def record(self, entry: JournalEntry) -> JournalEntry:
        """Store ``entry`` and return it with its id."""
        return self.record_many([entry])[0]

    def record_many(self, entries: list[JournalEntry]) -> list[JournalEntry]:
        """Store several entries in one transaction (a bulk edit's rows) and return them with their ids."""
        stored: list[JournalEntry] = []
        with self._lock:
            self._db.execute("BEGIN")
            try:
                for entry in entries:
                    cursor = self._db.execute(
                        f"INSERT INTO entries ({_COLUMNS.removeprefix('id, ')}) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (entry.time, entry.kind.value, entry.api, entry.code, entry.object_id, entry.record_type,
                         entry.object_name, entry.title, entry.changes_json(), entry.request, entry.result,
                         int(entry.ok), entry.undoes))
                    stored.append(entry.with_id(int(cursor.lastrowid or 0)))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        for entry in stored:
            for listener in list(self._listeners):
                listener(entry)
        return stored

    def count(self) -> int:
        """How many entries the journal holds."""
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

    def rows(self, limit: int | None = None, offset: int = 0) -> list[Row]:
        """Stored rows newest first, unconverted (see :func:`entry_of`); ``limit`` None: all."""
        with self._lock:
            return list(self._db.execute(f"SELECT {_COLUMNS} FROM entries ORDER BY id DESC LIMIT ? OFFSET ?",
                                         (-1 if limit is None else limit, offset)).fetchall())

    def entries(self, limit: int | None = None, offset: int = 0) -> list[JournalEntry]:
        """Entries newest first (``limit`` of them from ``offset``; all when ``limit`` is None)."""
        return [entry_of(row) for row in self.rows(limit, offset)]

    def get(self, entry_id: int) -> JournalEntry:
        """The entry stored under ``entry_id`` (KeyError when there is none)."""
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return entry_of(row)

    def later_writes(self, entry: JournalEntry) -> list[JournalEntry]:
        """Entries after ``entry`` that wrote the same object (what an undo would also revert)."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM entries WHERE object_id = ? AND id > ? AND ok = 1 "
                                    "ORDER BY id", (entry.object_id, entry.id or 0)).fetchall()
        return [entry_of(row) for row in rows]

"""SQLite-backed document store for the simulator, with all-or-nothing transactions.

Every record is a JSON document identified by ``(kind, ID)``. A *kind* is a classic objCode
(``"PROJ"``, ``"TASK"``) or a namespaced name for other surfaces (``"pl:record"``,
``"_session"``). Reads are served from an in-memory copy of each kind, loaded from SQLite the
first time the kind is read (so a restart on a big database answers at once); writes go through
:meth:`Store.transaction`, which buffers its changes, writes them to SQLite in one SQL
transaction and only then publishes them in memory. A transaction that raises leaves both
SQLite and memory exactly as they were.

Readers get snapshots: :meth:`Store.table` returns the mapping as it was when called, which
later writes never mutate (copy-on-write per kind), so request threads need no locks to read.
Records handed out must be treated as read-only; copy before changing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any

try:  # orjson writes and reads the documents several times faster; the standard library takes what it refuses
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None  # type: ignore[assignment]

Record = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

_EMPTY: Mapping[str, Record] = MappingProxyType({})
_DELETED = object()


class Store:
    """Documents by kind and ID, persisted in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL" if self.path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        self._connection.execute("PRAGMA synchronous=NORMAL")
        self._connection.executescript(_SCHEMA)
        self._write_lock = threading.RLock()
        self._tables: dict[str, Mapping[str, Record]] = {}
        self._versions: dict[str, int] = {}

    def _load(self, kind: str) -> Mapping[str, Record]:
        # Under the write lock: never reads SQLite while a commit of another thread is half done.
        with self._write_lock:
            rows = self._tables.get(kind)
            if rows is None:
                query = "SELECT id, data FROM documents WHERE kind = ?"
                loaded = {record_id: _decode(data) for record_id, data in self._connection.execute(query, (kind,))}
                rows = self._tables[kind] = MappingProxyType(loaded)
            return rows

    # -- reading ---------------------------------------------------------------------------

    def table(self, kind: str) -> Mapping[str, Record]:
        """Return a read-only snapshot of every record of ``kind``, keyed by ID."""
        rows = self._tables.get(kind)
        return rows if rows is not None else self._load(kind)

    def get(self, kind: str, record_id: str) -> Record | None:
        """Return one record, or ``None`` when there is no such record."""
        return self.table(kind).get(record_id)

    def kinds(self) -> list[str]:
        """Return every kind that has at least one record."""
        with self._write_lock:
            stored = [row[0] for row in self._connection.execute("SELECT DISTINCT kind FROM documents")]
        return [kind for kind in stored if self.table(kind)]

    def version(self, kind: str) -> int:
        """Return a counter that changes whenever ``kind`` changes (for caches of derived data)."""
        return self._versions.get(kind, 0)

    def is_empty(self) -> bool:
        """Tell whether the store holds no documents at all."""
        with self._write_lock:
            return self._connection.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None

    # -- key/value metadata (seed parameters, schema version, ...) --------------------------

    def get_meta(self, key: str) -> str | None:
        """Return a stored metadata value."""
        row = self._connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a metadata value."""
        with self._write_lock:
            self._connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Open a write transaction; it commits when the block ends and is discarded if it raises.

        Transactions are serialised: one writer at a time, readers never wait.
        """
        with self._write_lock:
            tx = Transaction(self)
            yield tx
            self._commit(tx)

    def _commit(self, tx: Transaction) -> None:
        if not tx.changes:
            return
        for kind, _ in tx.changes:
            self.table(kind)  # load before writing, so the published table starts from the old rows
        rows_to_put = []
        rows_to_delete = []
        for (kind, record_id), record in tx.changes.items():
            if record is _DELETED:
                rows_to_delete.append((kind, record_id))
            else:
                rows_to_put.append((kind, record_id, _encode(record)))
        connection = self._connection
        connection.execute("BEGIN")
        try:
            if rows_to_delete:
                connection.executemany("DELETE FROM documents WHERE kind = ? AND id = ?", rows_to_delete)
            if rows_to_put:
                connection.executemany(
                    "INSERT OR REPLACE INTO documents (kind, id, data) VALUES (?, ?, ?)", rows_to_put
                )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        changed: dict[str, dict[str, Record]] = {}
        for (kind, record_id), record in tx.changes.items():
            rows = changed.get(kind)
            if rows is None:
                rows = changed[kind] = dict(self._tables.get(kind, _EMPTY))
            if record is _DELETED:
                rows.pop(record_id, None)
            else:
                rows[record_id] = record
        for kind, rows in changed.items():
            self._tables[kind] = MappingProxyType(rows)
            self._versions[kind] = self._versions.get(kind, 0) + 1

    def clear(self) -> None:
        """Delete every document and metadata value (used by ``--reset``)."""
        with self._write_lock:
            self._connection.execute("DELETE FROM documents")
            self._connection.execute("DELETE FROM meta")
            for kind in self._tables:
                self._versions[kind] = self._versions.get(kind, 0) + 1
            self._tables = {}

    def save_copy(self, path: Path) -> None:
        """Write the whole database to ``path`` (SQLite's online backup), for :meth:`load_copy` later."""
        with self._write_lock:
            target = sqlite3.connect(path)
            try:
                self._connection.backup(target)
            finally:
                target.close()

    def load_copy(self, path: Path) -> None:
        """Replace every document and metadata value with those of the database at ``path``."""
        with self._write_lock:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                source.backup(self._connection)
            finally:
                source.close()
            for kind in self._tables:
                self._versions[kind] = self._versions.get(kind, 0) + 1
            self._tables = {}

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._write_lock:
            self._connection.close()


class Transaction:
    """Buffered changes of one :meth:`Store.transaction` block.

    Reads through the transaction see its own pending writes. Records passed to :meth:`put`
    are stored as given; do not mutate them afterwards.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self.changes: dict[tuple[str, str], Any] = {}

    def get(self, kind: str, record_id: str) -> Record | None:
        """Return a record as this transaction sees it."""
        pending = self.changes.get((kind, record_id))
        if pending is _DELETED:
            return None
        if pending is not None:
            return pending  # type: ignore[no-any-return]
        return self._store.get(kind, record_id)

    def put(self, kind: str, record: Record) -> None:
        """Insert or replace ``record`` (it must carry its ``ID``)."""
        self.changes[(kind, str(record["ID"]))] = record

    def put_many(self, kind: str, records: list[Record]) -> None:
        """Insert or replace many records of one kind."""
        for record in records:
            self.changes[(kind, str(record["ID"]))] = record

    def delete(self, kind: str, record_id: str) -> None:
        """Delete a record (deleting a missing record is not an error)."""
        self.changes[(kind, record_id)] = _DELETED

    def table(self, kind: str) -> dict[str, Record]:
        """Return every record of ``kind`` as this transaction sees it (a fresh dict)."""
        rows = dict(self._store.table(kind))
        for (pending_kind, record_id), record in self.changes.items():
            if pending_kind != kind:
                continue
            if record is _DELETED:
                rows.pop(record_id, None)
            else:
                rows[record_id] = record
        return rows


def _encode(record: Record) -> str:
    """A document as compact JSON text."""
    if orjson is not None:
        try:
            return orjson.dumps(record).decode()
        except TypeError:  # a lone surrogate, an integer beyond 64 bits: the standard library writes those
            pass
    return json.dumps(record, separators=(",", ":"))


def _decode(text: str) -> Record:
    """A document from its JSON text."""
    if orjson is not None:
        try:
            return orjson.loads(text)  # type: ignore[no-any-return]
        except ValueError:  # an escaped lone surrogate: only the standard library reads that
            pass
    return json.loads(text)  # type: ignore[no-any-return]

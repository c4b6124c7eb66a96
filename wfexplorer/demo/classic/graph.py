"""Follow references and collections between stored records, fast, with cached indexes.

References are stored as ID fields and collections are derived (see the classic conventions), so
resolving ``task.assignments`` means finding the ASSGN rows whose ``taskID`` is the task's ID. A
scan per owner would be quadratic; this module builds an index (``kind`` by a tuple of fields) the
first time it is needed and keeps it until ``store.version(kind)`` changes.

Public API (``reader`` is a ``Store``; a ``Transaction`` or any ``table(kind)`` reader also works,
then nothing is cached because a transaction's pending writes have no version)::

    reference(reader, record, ref) -> Record | None      # ReferenceDef -> target record
    collection(reader, record, coll) -> list[Record]     # CollectionDef -> rows, in table order
    reference_resolver(reader, ref) -> (record -> Record | None)   # bind once, call per record
    collection_resolver(reader, coll) -> (record -> list[Record])  # bind once, call per record
    rows_where(reader, kind, fields, values) -> list[Record]       # rows with fields == values
    index(reader, kind, fields) -> Mapping[tuple, list[Record]]    # the cached index itself

``rows_where(store, "TASK", ("projectID",), (project_id,))`` is what delete-with-dependants needs.
The returned lists are shared with the cache: treat them as read-only.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from wfexplorer.demo.classic.schema.model import CollectionDef, ReferenceDef, TableReader
from wfexplorer.demo.store import Record, Store

Index = dict[tuple[Any, ...], list[Record]]
_EMPTY: list[Record] = []

_lock = threading.Lock()
_caches: weakref.WeakKeyDictionary[Store, dict[tuple[str, tuple[str, ...]], tuple[int, Index]]] = (
    weakref.WeakKeyDictionary()
)


def _build(rows: Mapping[str, Record], fields: tuple[str, ...]) -> Index:
    built: Index = {}
    if len(fields) == 1:
        name = fields[0]
        for row in rows.values():
            value = row.get(name)
            if value is None:
                continue
            try:
                built.setdefault((value,), []).append(row)
            except TypeError:  # unhashable (a list): cannot be a link value
                continue
        return built
    for row in rows.values():
        key = tuple(row.get(name) for name in fields)
        if None in key:
            continue
        try:
            built.setdefault(key, []).append(row)
        except TypeError:
            continue
    return built


def index(reader: TableReader, kind: str, fields: tuple[str, ...]) -> Mapping[tuple[Any, ...], list[Record]]:
    """Return rows of ``kind`` grouped by the values of ``fields`` (rows with a ``None`` among them are left out)."""
    if not isinstance(reader, Store):
        return _build(reader.table(kind), fields)
    version = reader.version(kind)  # read before the table: a racing write only causes a rebuild
    key = (kind, fields)
    with _lock:
        per_store = _caches.get(reader)
        if per_store is None:
            per_store = _caches[reader] = {}
        cached = per_store.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    built = _build(reader.table(kind), fields)
    with _lock:
        per_store[key] = (version, built)
    return built


def rows_where(reader: TableReader, kind: str, fields: tuple[str, ...], values: tuple[Any, ...]) -> list[Record]:
    """Return the rows of ``kind`` whose ``fields`` equal ``values`` (indexed)."""
    if None in values:
        return _EMPTY
    try:
        return index(reader, kind, fields).get(values, _EMPTY)
    except TypeError:
        return _EMPTY


def reference_resolver(reader: TableReader, ref: ReferenceDef) -> Callable[[Mapping[str, Any]], Record | None]:
    """Return a function record → referenced record (or ``None``), with the target table bound once."""
    if ref.target_code_field is None and not ref.when:
        table = reader.table(ref.target)
        id_field = ref.id_field

        def simple(record: Mapping[str, Any]) -> Record | None:
            value = record.get(id_field)
            if not value:
                return None
            try:
                return table.get(value)
            except TypeError:
                return None

        return simple

    def polymorphic(record: Mapping[str, Any]) -> Record | None:
        code = ref.target_code(record)
        target_id = ref.target_id(record)
        if code is None or target_id is None:
            return None
        return reader.table(code).get(target_id)

    return polymorphic


def reference(reader: TableReader, record: Mapping[str, Any], ref: ReferenceDef) -> Record | None:
    """Return the record ``ref`` points at from ``record``, or ``None`` for an empty or dangling reference."""
    return reference_resolver(reader, ref)(record)


def collection_resolver(reader: TableReader, coll: CollectionDef) -> Callable[[Mapping[str, Any]], list[Record]]:
    """Return a function owner record → its collection rows (indexed; table order)."""
    if coll.through is not None:
        hop = coll.through
        hop_index = index(reader, hop.kind, (hop.own_field,))
        targets = reader.table(coll.target)
        target_field = hop.target_field

        def through(owner: Mapping[str, Any]) -> list[Record]:
            owner_id = owner.get("ID")
            if owner_id is None:
                return _EMPTY
            out = []
            for row in hop_index.get((owner_id,), _EMPTY):
                target = targets.get(row.get(target_field))  # type: ignore[arg-type]
                if target is not None:
                    out.append(target)
            return out

        return through
    if not coll.link and not coll.constants:
        return lambda owner: _EMPTY
    target_fields = tuple(name for name, _ in coll.link) + tuple(name for name, _ in coll.constants)
    own_fields = tuple(own for _, own in coll.link)
    constants = tuple(value for _, value in coll.constants)
    link_index = index(reader, coll.target, target_fields)
    if len(own_fields) == 1 and not constants:
        own = own_fields[0]

        def single(owner: Mapping[str, Any]) -> list[Record]:
            value = owner.get(own)
            if value is None:
                return _EMPTY
            return link_index.get((value,), _EMPTY)

        return single

    def linked(owner: Mapping[str, Any]) -> list[Record]:
        key = tuple(owner.get(own) for own in own_fields) + constants
        if None in key:
            return _EMPTY
        return link_index.get(key, _EMPTY)

    return linked


def collection(reader: TableReader, record: Mapping[str, Any], coll: CollectionDef) -> list[Record]:
    """Return ``record``'s rows of collection ``coll`` (read-only list)."""
    return collection_resolver(reader, coll)(record)

"""Rows of a collection as a write transaction sees them, found through the cached indexes.

``Transaction.table(kind)`` copies the whole table, which is too slow to call once per owner
when a delete cascades or a nested collection is replaced. This looks the committed rows up in
:mod:`graph`'s index on the store and then applies the transaction's pending changes.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import graph
from wfexplorer.demo.classic.schema import CollectionDef
from wfexplorer.demo.store import Record, Store, Transaction


def rows_where(tx: Transaction, store: Store, kind: str, link: dict[str, Any]) -> list[Record]:
    """Return the rows of ``kind`` whose fields equal ``link``'s values, pending changes included."""
    if not link or None in link.values():
        return []
    fields = tuple(link)
    values = tuple(link[name] for name in fields)
    rows: dict[str, Record] = {}
    for row in graph.rows_where(store, kind, fields, values):
        current = tx.get(kind, row["ID"])
        if current is not None and _matches(current, link):
            rows[row["ID"]] = current
    for (pending_kind, record_id), pending in tx.changes.items():
        if pending_kind == kind and isinstance(pending, dict) and _matches(pending, link):
            rows[record_id] = pending
    return list(rows.values())


def collection_rows(tx: Transaction, store: Store, collection: CollectionDef, owner: Record) -> list[Record]:
    """Return the rows of ``owner``'s (non-``through``) collection, pending changes included."""
    return rows_where(tx, store, collection.target, collection.link_values(owner))


def _matches(row: Record, link: dict[str, Any]) -> bool:
    return all(row.get(name) == value for name, value in link.items())

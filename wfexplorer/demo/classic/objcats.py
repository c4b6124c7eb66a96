"""OBJCAT rows (``objectCategories``, classic-api.md §7.16) kept in step with each object's ``categoryID``.

The simulator keeps one custom form per object, in ``categoryID``; Workfront also lists an object's
forms as ObjectCategory rows (``categoryID``, ``categoryOrder``, ``objID``, ``objObjCode``). Rather
than teach every write path about them, :func:`sync` runs once per write transaction, just before
it commits (``ClassicCall.write`` and atomic ``/batch``), and makes the OBJCAT rows match what the
transaction did: a form attached, changed or removed, an object created with a form or deleted::

    with store.transaction() as tx:
        ...                       # any writes
        sync(tx, store)           # OBJCAT rows follow categoryID (cheap when no categoryID changed)

:func:`seed_rows` builds the rows of a freshly seeded dataset the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, partial

from wfexplorer.demo.classic.schema import all_objects
from wfexplorer.demo.classic.txrows import rows_where
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.store import Record, Store, Transaction

KIND = "OBJCAT"


@cache
def form_kinds() -> frozenset[str]:
    """Objects that have ``objectCategories`` (the data-extendible ones with a ``categoryID``)."""
    return frozenset(obj.obj_code for obj in all_objects() if "objectCategories" in obj.collections)


def row_for(owner: Record, make_id: Callable[[], str]) -> Record:
    """Return the OBJCAT row that says ``owner`` has the form in its ``categoryID``."""
    row: Record = {
        "ID": make_id(), "objCode": KIND, "categoryID": owner["categoryID"], "categoryOrder": 0,
        "objID": owner["ID"], "objObjCode": owner["objCode"],
    }
    if owner.get("customerID"):
        row["customerID"] = owner["customerID"]
    return row


def sync(tx: Transaction, store: Store, now: float) -> None:
    """Make the OBJCAT rows of every object this transaction changed match its ``categoryID``."""
    kinds = form_kinds()
    touched = [(kind, record_id) for kind, record_id in list(tx.changes) if kind in kinds]
    for kind, record_id in touched:
        before, after = store.get(kind, record_id), tx.get(kind, record_id)
        wanted = after.get("categoryID") if after is not None else None
        if before is not None and after is not None and before.get("categoryID") == wanted:
            continue
        kept = False
        for row in rows_where(tx, store, KIND, {"objID": record_id}):
            if wanted and row.get("categoryID") == wanted and not kept:
                kept = True
                continue
            tx.delete(KIND, row["ID"])
        if wanted and after is not None and not kept:
            tx.put(KIND, row_for(after, lambda: new_id(now)))


def seed_rows(records_by_kind: dict[str, list[Record]], make_id: Callable[[Record], str]) -> Iterable[Record]:
    """Yield the OBJCAT rows of seeded records (one per record with a form); ``make_id(owner)`` names each."""
    for kind in sorted(form_kinds()):
        for owner in records_by_kind.get(kind, ()):
            if owner.get("categoryID"):
                yield row_for(owner, partial(make_id, owner))


"""Helpers shared by the write handlers: audit stamps, ordering keys, body validation, role checks."""

from __future__ import annotations

import re
import time
from typing import Any

from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.support import timestamp
from wfexplorer.demo.store import Record, Transaction

_NOT_BLANK = re.compile(r"(?s)^\s*\S.*$")
_ROLE_RANK = {None: 0, "viewer": 1, "editor": 2, "manager": 3}
#: Keys a client can never set (``id``, audit fields and everything computed).
READ_ONLY = frozenset({"id", "ID", "alias", "createdBy", "createdAt", "updatedBy", "updatedAt", "objCode"})


def now(call: Call) -> str:
    """The current simulator time as a Planning timestamp."""
    return timestamp(call.pl.context.clock())


def next_seq() -> float:
    """An ordering key for a new document (creation order)."""
    return float(time.time_ns())


def stamp(call: Call, doc: Record, created: bool) -> Record:
    """``doc`` with ``updatedBy``/``updatedAt`` (and on create ``createdBy``/``createdAt``/``_seq``) set."""
    moment = now(call)
    doc["updatedBy"] = call.user_id
    doc["updatedAt"] = moment
    if created:
        doc["createdBy"] = call.user_id
        doc["createdAt"] = moment
        doc.setdefault("_seq", next_seq())
    return doc


def clean_input(body: dict[str, Any]) -> dict[str, Any]:
    """A request body without read-only and internal keys."""
    return {key: value for key, value in body.items() if key not in READ_ONLY and not key.startswith("_")}


def require_name(body: dict[str, Any], key: str, max_length: int, required: bool = True) -> None:
    """400 unless ``body[key]`` is a non-blank string of at most ``max_length`` characters."""
    value = body.get(key)
    if value is None and not required:
        return
    if not isinstance(value, str) or not _NOT_BLANK.match(value):
        raise bad_request(f"'{key}' must not be blank.", key, "NotBlank")
    if len(value) > max_length:
        raise bad_request(f"'{key}' must be at most {max_length} characters long.", key, "Size")


def check_length(body: dict[str, Any], key: str, max_length: int) -> None:
    """400 when an optional text property is not a string or too long."""
    value = body.get(key)
    if value is None:
        return
    if not isinstance(value, str):
        raise bad_request(f"'{key}' must be a string.", key, "TypeMismatch")
    if len(value) > max_length:
        raise bad_request(f"'{key}' must be at most {max_length} characters long.", key, "Size")


def require_role(call: Call, resource_type: str, resource: Record, role: str) -> None:
    """403 unless the caller has at least ``role`` on the resource."""
    actual = call.pl.role_of(call.user_id, resource_type, resource)
    if _ROLE_RANK[actual] < _ROLE_RANK[role]:
        raise PlanningError(403, f"You need the {role} role on this resource; you have "
                                 f"{actual or 'no access'}.", "FORBIDDEN")


def check_unchanged(tx: Transaction, kind: str, seen: Record) -> None:
    """409 ``CONFLICT`` when the document changed (or vanished) since this request read it.

    Handlers read before they take the store's write lock; this check, made inside the transaction, turns a
    concurrent write into the documented 409 instead of a silent lost update.
    """
    latest = tx.get(kind, str(seen["ID"]))
    if latest is None or (latest is not seen and latest != seen):
        raise PlanningError(409, "The resource was modified by another request. Retry with the latest version.",
                            "CONFLICT", message_arguments={"id": str(seen["ID"])})


def merge(current: Record, changes: dict[str, Any], replace: bool, keys: tuple[str, ...]) -> Record:
    """PUT (``replace``: every key in ``keys`` not sent becomes unset) or PATCH (only sent keys change)."""
    updated = dict(current)
    for key in keys:
        if key in changes:
            if changes[key] is None:
                updated.pop(key, None)
            else:
                updated[key] = changes[key]
        elif replace:
            updated.pop(key, None)
    return updated

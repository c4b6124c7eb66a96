"""Work-item status changes in a create or edit, run through the same rules as markDone and the status actions."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.classic.writing.writer import Writer
from wfexplorer.demo.store import Record

_WORK_CODES = frozenset({"PROJ", "TASK", "OPTASK"})


_IMPLIED_FIELDS = ("percentComplete", "actualStartDate", "actualCompletionDate")
"""Fields a status change implies that a client may still set itself in the same write."""


def take_status_change(obj: ObjectDef, before: Any, record: Record) -> str | None:
    """Take a new work-item status the client wrote back out of ``record`` (restoring ``before``).

    Returns the new (validated) status, or ``None`` when the write does not change the status,
    so the change can go through the status rules once the rest of the write is stored.
    """
    if obj.obj_code not in _WORK_CODES:
        return None
    wanted = record.get("status")
    if wanted is None or wanted == before:
        return None
    record["status"] = before
    return str(wanted)


def apply_status_change(writer: Writer, obj: ObjectDef, record: Record, status: str, values: dict[str, Any]) -> Record:
    """Change ``record``'s status as markDone and the other status actions do (rules.apply_status).

    The knock-on changes follow: approval (``CPL:A`` while an approval process is pending),
    percentComplete, actual dates, ``isComplete``, ``statusEquatesWith`` and assignment states.
    Work in a Complete or Dead project cannot change status. Implied fields the client sent in the
    same write (``actualCompletionDate``…) keep the client's values.
    """
    from wfexplorer.demo.classic.actions.base import ActionEnv
    from wfexplorer.demo.classic.actions.rules import apply_status, ensure_project_open

    call, tx = writer.call, writer.tx
    code = obj.obj_code
    if code != "PROJ":
        ensure_project_open(tx, record.get("projectID"))
    sent = {name: record.get(name) for name in _IMPLIED_FIELDS if name in values}
    updated = apply_status(tx, code, record, status, ActionEnv.from_context(call.context, call.user_id))
    if any(updated.get(name) != value for name, value in sent.items()):
        updated = dict(updated)
        updated.update(sent)
        tx.put(code, updated)
    return updated

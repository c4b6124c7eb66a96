"""Journalling the edit form's saves: a saver that writes an entry for every save it sends.

    saver = JournalledSaver(saver_for(target.api, session, planning), journal)
    saver.save(state)         # as the wrapped saver, then one entry: each dirty field's original → new value

It has the wrapped saver's ``request``/``save`` surface, so whoever makes savers (the edit services) can hand
this one out instead and every form save is journalled without the form knowing. A conflict writes nothing and
journals nothing; another refusal is journalled as failed and raised.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.editing import values
from wfexplorer.core.editing.savers import Saver, SaveRequest, SaveResult
from wfexplorer.core.editing.specs import Api
from wfexplorer.core.editing.state import EditState
from wfexplorer.core.journal.entries import Change, JournalEntry, Kind
from wfexplorer.core.journal.store import Journal


class JournalledSaver:
    """A saver that journals each save (see the module docs)."""

    def __init__(self, saver: Saver, journal: Journal) -> None:
        self.saver = saver
        self.journal = journal

    def request(self, state: EditState) -> SaveRequest:
        """The wrapped saver's request."""
        return self.saver.request(state)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.saver, name)

    def save(self, state: EditState, *, guard: bool = True) -> SaveResult:
        """Save through the wrapped saver, then journal the dirty fields' original → new values."""
        request = self.saver.request(state)
        changes = [Change(key, state.spec(key).label, values.wire(state.spec(key), state.original(key)), after)
                   for key, after in state.changes().items()]
        target = state.target
        described: dict[str, Any] = {
            "api": target.api.value, "code": target.code, "record_type": target.record_type,
            "object_name": str(state.value("name") or "") if "name" in state.specs else "",
            "title": "Create" if target.is_new else "Save"}
        try:
            result = self.saver.save(state, guard=guard)
        except errors.ConflictError:
            raise
        except errors.WorkfrontError as refused:
            self.journal.record(JournalEntry.create(Kind.SAVE, object_id=target.id, request=request,
                                                    result=refused.message, ok=False, **described))
            raise
        server = result.data
        if target.api is Api.CLASSIC:
            changes = [Change(c.key, c.label, c.before, server.get(c.key, c.after)) for c in changes]
        self.journal.record(JournalEntry.create(Kind.SAVE, object_id=result.target.id, changes=changes,
                                                request=request, result="done", **described))
        return result

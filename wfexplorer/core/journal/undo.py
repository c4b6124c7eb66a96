"""Undo one journal entry: write its before values back through the editing layer's saver and conflict guard.

    undo = Undo(connection.session, connection.planning, journal)
    try:
        undo.run(entry)                  # one re-read (the guard), one write, one "undo" entry in the journal
    except ConflictFound as changed:     # someone changed a field since: nothing was written
        ...                              # show changed.conflicts; undo.run(entry, guard=False) if the user insists

The undo is an edit whose originals are the entry's *after* values and whose new values are its *before*
values, so :class:`~wfexplorer.core.editing.savers.ClassicSaver` re-reads those fields and refuses when the
server's values are no longer what the entry wrote; Planning answers a stale write with 409 itself.
"""

from __future__ import annotations

from collections.abc import Collection

from wfexplorer.core import errors
from wfexplorer.core.classic.session import Session
from wfexplorer.core.editing.savers import saver_for
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec, classic_spec
from wfexplorer.core.editing.state import EditState, EditTarget
from wfexplorer.core.journal.entries import Change, JournalEntry, Kind
from wfexplorer.core.journal.store import Journal
from wfexplorer.core.planning.client import PlanningClient


class Undo:
    """Undoes journal entries of one connection (see the module docs)."""

    def __init__(self, session: Session, planning: PlanningClient | None, journal: Journal) -> None:
        self.session = session
        self.planning = planning
        self.journal = journal

    def _spec(self, entry: JournalEntry, change: Change) -> FieldSpec:
        if entry.api == Api.CLASSIC.value:
            meta = self.session.metadata.describe(entry.code).fields.get(change.key)
            if meta is not None:
                spec = classic_spec(meta)
                # the undo writes what the journal says the field held, whatever the form would allow
                return FieldSpec(spec.key, spec.label, spec.kind, spec.api, spec.options, False, "",
                                 wire_type=spec.wire_type)
            return FieldSpec(change.key, change.label, EditorKind.TEXT, Api.CLASSIC)
        return FieldSpec(change.key, change.label, EditorKind.TEXT, Api.PLANNING)

    def state(self, entry: JournalEntry, only: Collection[str] | None = None) -> EditState:
        """The edit an undo of ``entry`` saves: originals = the values written, current = the values before
        (of the fields in ``only``, when given: after a conflict the user may keep the server's value of some)."""
        if not entry.undoable:
            reason = "it failed, so nothing was changed" if not entry.ok else "it changed no field"
            raise errors.ValidationError(f"This change cannot be undone: {reason}.")
        target = EditTarget.classic(entry.code, entry.object_id) if entry.api == Api.CLASSIC.value else \
            EditTarget.record(entry.object_id, entry.record_type)
        chosen = [change for change in entry.changes if only is None or change.key in only]
        if not chosen:
            raise errors.ValidationError("Nothing to undo: every field keeps the value it has now.")
        specs = [self._spec(entry, change) for change in chosen]
        state = EditState(target, specs, {change.key: change.after for change in chosen})
        for change in chosen:
            state.set(change.key, change.before)
        return state

    def run(self, entry: JournalEntry, *, guard: bool = True, only: Collection[str] | None = None) -> JournalEntry:
        """Write ``entry``'s before values back (of the fields in ``only``, when given) and journal the undo;
        ConflictFound (nothing written) when the object changed since, unless ``guard`` is False (the user
        chose to overwrite)."""
        state = self.state(entry, only)
        saver = saver_for(state.target.api, self.session, self.planning)
        request = saver.request(state)
        try:
            saver.save(state, guard=guard)
        except errors.ConflictError:
            raise
        except errors.WorkfrontError as refused:
            self.journal.record(JournalEntry.create(
                Kind.UNDO, api=entry.api, code=entry.code, object_id=entry.object_id,
                record_type=entry.record_type, object_name=entry.object_name, title=f"Undo: {entry.title}",
                request=request, result=refused.message, ok=False, undoes=entry.id))
            raise
        changes = [Change(change.key, change.label, change.after, change.before) for change in entry.changes
                   if change.key in state.specs]
        return self.journal.record(JournalEntry.create(
            Kind.UNDO, api=entry.api, code=entry.code, object_id=entry.object_id, record_type=entry.record_type,
            object_name=entry.object_name, title=f"Undo: {entry.title}", changes=changes, request=request,
            result="done", ok=True, undoes=entry.id))

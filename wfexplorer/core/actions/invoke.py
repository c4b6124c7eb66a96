"""Running a classic action on one object, and a Planning record move, each journalled.

    runner = ActionRunner(connection.session, journal)
    runner.request("TASK", task_id, form)     # SaveRequest("PUT", ".../task/ID/move", {"projectID": …}): Preview
    outcome = runner.run("TASK", task_id, form)
    outcome.result, outcome.after             # the action's result and the object read again (form and tree)

An action is ``PUT /{obj}/{ID}/{action}`` with its arguments as parameters (lists and maps as JSON, which
Workfront and python-workfront both use; classic-api.md §3.9). Before it the fields the action may change are
read (the ``status`` and every argument that is also a field of the object: ``move(projectID)``), and after it
again, in one request each, so the journal holds each field's before → after and the caller gets the object as
it is now. A refusal (a required argument missing, a state the action does not allow) is the server's
:class:`~wfexplorer.core.errors.WorkfrontError`, journalled as failed; nothing is retried.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core import errors, redaction
from wfexplorer.core.actions.arguments import ArgumentForm
from wfexplorer.core.actions.specs import ActionSpec
from wfexplorer.core.classic.session import Session
from wfexplorer.core.editing.savers import SaveRequest
from wfexplorer.core.journal.entries import Change, JournalEntry, Kind
from wfexplorer.core.journal.store import Journal
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.planning.results import BulkResult

#: Fields read before and after every action when the object has them.
WATCHED_FIELDS = ("name", "status")


@dataclass(frozen=True)
class ActionOutcome:
    """What an action did: its result (``None`` for void actions), the watched fields before and after, the entry."""

    result: Any
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    entry: JournalEntry | None = None

    @property
    def changed(self) -> dict[str, tuple[Any, Any]]:
        """The watched fields the action changed: ``{key: (before, after)}``."""
        return {key: (self.before.get(key), value) for key, value in self.after.items()
                if self.before.get(key) != value}


def _describe(spec: ActionSpec, result: Any) -> str:
    if spec.name.lower() in redaction.SECRET_RESULT_ACTIONS:
        return "done (the result is a secret and is not kept)"
    return "done" if result is None else f"done: {redaction.redact_json(result)!r}"


class ActionRunner:
    """Runs classic actions through a :class:`Session`, writing each run to a :class:`Journal` (when given)."""

    def __init__(self, session: Session, journal: Journal | None = None) -> None:
        self.session = session
        self.journal = journal

    @staticmethod
    def path(code: str, object_id: str, action: str) -> str:
        """The action's path: ``/{obj}/{ID}/{action}``."""
        return f"/{code.lower()}/{object_id}/{action}"

    def request(self, code: str, object_id: str, form: ArgumentForm) -> SaveRequest:
        """The request a run sends now (ValidationError first when an argument is wrong)."""
        return SaveRequest("PUT", self.session.url + self.path(code, object_id, form.spec.name), form.params(),
                           form_encoded=True)

    def _watched(self, code: str, spec: ActionSpec) -> tuple[str, ...]:
        meta = self.session.metadata.describe(code)
        names = [name for name in (*WATCHED_FIELDS, *(argument.key for argument in spec.arguments))
                 if name in meta.fields and name != "ID"]
        return tuple(dict.fromkeys(names))

    def read(self, code: str, object_id: str, names: Sequence[str]) -> dict[str, Any]:
        """Read ``names`` of one object (one request); NotFoundError in words when it is gone."""
        data = self.session.get(f"/{code.lower()}/{object_id}", {"fields": ",".join(names)} if names else None)
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, Mapping):
            raise errors.NotFoundError(f"{code} {object_id} is gone: it may have been deleted.")
        return dict(data)

    def run(self, code: str, object_id: str, form: ArgumentForm) -> ActionOutcome:
        """Run the action (see the module docs); the refusal is raised after it is journalled."""
        request = self.request(code, object_id, form)
        watched = self._watched(code, form.spec)
        before = self.read(code, object_id, watched)
        name = str(before.get("name") or "")
        try:
            data = self.session.put(self.path(code, object_id, form.spec.name), request.body)
        except errors.WorkfrontError as refused:
            self._record(code, object_id, name, form.spec, request, (), refused.message, ok=False)
            raise
        result = data.get("result") if isinstance(data, Mapping) else data
        after = self.read(code, object_id, watched)
        changes = tuple(Change(key, key, before.get(key), after.get(key)) for key in watched
                        if before.get(key) != after.get(key))
        entry = self._record(code, object_id, name, form.spec, request, changes, _describe(form.spec, result),
                             ok=True)
        return ActionOutcome(result, {key: before.get(key) for key in watched},
                             {key: after.get(key) for key in watched}, entry)

    def _record(self, code: str, object_id: str, name: str, spec: ActionSpec, request: SaveRequest,
                changes: tuple[Change, ...], result: str, *, ok: bool) -> JournalEntry | None:
        if self.journal is None:
            return None
        entry = JournalEntry.create(Kind.ACTION, code=code, object_id=object_id, object_name=name,
                                    title=spec.label, changes=changes, request=request, result=result, ok=ok)
        return self.journal.record(entry)


def move_records(client: PlanningClient, record_type_id: str, record_ids: Sequence[str], *,
                 after: str | None = None, before: str | None = None, journal: Journal | None = None) -> BulkResult:
    """Planning's record move (``POST …/records/move``, all or nothing), journalled; the result as the server said.

    A move changes the order only, which no field holds, so its entry has no field changes and cannot be undone.
    """
    if (after is None) == (before is None):
        raise errors.ValidationError("Say where to move the records: after one record or before one, not both.")
    body: dict[str, Any] = {"recordIds": list(record_ids)}
    body["putAfterRecordId" if after else "putBeforeRecordId"] = after or before
    request = SaveRequest("POST", client.connection.url("record-types", record_type_id, "records", "move"), body)
    try:
        result = client.move_records(record_type_id, record_ids, after=after, before=before)
    except errors.WorkfrontError as refused:
        if journal is not None:
            journal.record(JournalEntry.create(Kind.ACTION, api="planning", record_type=record_type_id,
                                               object_id=",".join(record_ids), title="Move records",
                                               request=request, result=refused.message, ok=False))
        raise
    if journal is not None:
        text = "done" if result.all_ok else f"refused: {', '.join(str(item.error_message) for item in result.failed)}"
        journal.record(JournalEntry.create(Kind.ACTION, api="planning", record_type=record_type_id,
                                           object_id=",".join(record_ids), title="Move records",
                                           request=request, result=text, ok=result.all_ok))
    return result

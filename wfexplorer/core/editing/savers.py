"""One saver per API: the exact request a save sends, the conflict guard, and the save itself.

    saver = ClassicSaver(connection.session)
    saver.request(state)          # SaveRequest("PUT", ".../task/63ab…", {"updates": {...}}): what Preview shows
    result = saver.save(state)    # re-reads the edited fields first; ConflictFound if someone changed them
    state.saved(result.target, result.data)

Classic saves ``PUT /{obj}/{ID}`` with ``updates`` (a new object: ``POST /{obj}``); before it the edited fields
are read again (one request) and compared with the originals, as Compass does. Planning saves v2 ``PATCH`` or
v1 ``PUT`` with ``data`` (a new record: ``POST``) and answers 409 itself; the record is then read again to show
what changed. Either way a conflict is a :class:`ConflictFound` listing, per field, the original, the
server's value and the user's: nothing is overwritten silently. Only the dirty fields are sent, in one request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic.session import Session
from wfexplorer.core.editing import values
from wfexplorer.core.editing.specs import Api
from wfexplorer.core.editing.state import EditState, EditTarget
from wfexplorer.core.planning.client import PlanningClient


@dataclass(frozen=True)
class SaveRequest:
    """A request as it will be sent: method, full URL and body (classic: form fields; Planning: JSON)."""

    method: str
    url: str
    body: Mapping[str, Any]
    form_encoded: bool = False

    def text(self) -> str:
        """The request as a person reads it (Preview)."""
        if self.form_encoded:
            lines = [f"{name}={json.dumps(value, indent=2, ensure_ascii=False, default=str)}"
                     for name, value in self.body.items()]
            body = "\n".join(lines)
        else:
            body = json.dumps(self.body, indent=2, ensure_ascii=False, default=str)
        return f"{self.method} {self.url}\n\n{body}"


@dataclass(frozen=True)
class FieldConflict:
    """One field someone else changed: its original (as loaded), the server's value now, and the user's."""

    key: str
    label: str
    original: Any
    theirs: Any
    mine: Any


class ConflictFound(errors.ConflictError):
    """The object changed on the server since it was loaded; ``conflicts`` says where. Nothing was written."""

    def __init__(self, message: str, conflicts: list[FieldConflict], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.conflicts = conflicts


@dataclass(frozen=True)
class SaveResult:
    """What a save returned: the object's target (a new one's ID included) and the server's answer."""

    target: EditTarget
    data: Mapping[str, Any] = field(default_factory=dict)


def _conflicts(state: EditState, server: Mapping[str, Any], keys: tuple[str, ...]) -> list[FieldConflict]:
    found = []
    for key in keys:
        spec = state.spec(key)
        theirs = values.canonical(spec, server.get(key) if key in server else
                                  (server.get("parameterValues") or {}).get(key))
        if not values.same(spec, theirs, state.original(key)):
            found.append(FieldConflict(key, spec.label, state.original(key), theirs, state.value(key)))
    return found


def _conflict_message(conflicts: list[FieldConflict]) -> str:
    names = ", ".join(conflict.label for conflict in conflicts)
    return f"Someone else changed {names} since you opened it. Choose, per field, whose value to keep."


class ClassicSaver:
    """Saves classic objects through a :class:`Session`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _path(self, target: EditTarget) -> str:
        code = target.code.lower()
        return f"/{code}/{target.id}" if target.id else f"/{code}"

    def request(self, state: EditState) -> SaveRequest:
        """The request a save of ``state`` sends now."""
        method = "POST" if state.target.is_new else "PUT"
        return SaveRequest(method, self.session.url + self._path(state.target), {"updates": state.changes()},
                           form_encoded=True)

    def check(self, state: EditState) -> list[FieldConflict]:
        """Read the edited fields again (one request) and list those the server changed meanwhile."""
        dirty = state.dirty
        if state.target.is_new or not dirty:
            return []
        server = self.session.get(self._path(state.target), {"fields": ",".join(dirty)})
        if isinstance(server, list):
            server = server[0] if server else None
        if not isinstance(server, Mapping):
            raise errors.NotFoundError(f"{state.target.code} {state.target.id} is gone: it may have been deleted.")
        return _conflicts(state, server, dirty)

    def save(self, state: EditState, *, guard: bool = True) -> SaveResult:
        """Send the dirty fields in one request (after the conflict guard, unless ``guard`` is False)."""
        if guard:
            conflicts = self.check(state)
            if conflicts:
                raise ConflictFound(_conflict_message(conflicts), conflicts)
        request = self.request(state)
        data = self.session.request(request.method, self._path(state.target), request.body)
        if not isinstance(data, Mapping):
            data = {}
        target = state.target
        if target.is_new:
            target = EditTarget.classic(target.code, str(data.get("ID") or ""))
        return SaveResult(target, dict(data))


class PlanningSaver:
    """Saves Planning records through a :class:`PlanningClient` (v2 ``PATCH``, v1 ``PUT``)."""

    def __init__(self, client: PlanningClient) -> None:
        self.client = client

    def request(self, state: EditState) -> SaveRequest:
        """The request a save of ``state`` sends now."""
        target, data = state.target, state.changes()
        url = self.client.connection.url
        if self.client.version == 2:
            if target.is_new:
                return SaveRequest("POST", url("record-types", target.record_type, "records"), {"data": data})
            return SaveRequest("PATCH", url("records", target.id), {"data": data})
        if target.is_new:
            return SaveRequest("POST", url("records"), {"recordTypeId": target.record_type, "data": data})
        body: dict[str, Any] = {"data": data}
        if target.record_type:
            body["recordTypeId"] = target.record_type
        return SaveRequest("PUT", url("records", target.id), body)

    def save(self, state: EditState, *, guard: bool = True) -> SaveResult:
        """Send the dirty fields in one request; a 409 becomes :class:`ConflictFound` with the record read again.

        ``guard`` False (after the user chose in the conflict dialog) still meets the server's own 409.
        """
        target, changes = state.target, state.changes()
        if target.is_new:
            record = self.client.create_record(target.record_type, changes)
            return SaveResult(EditTarget.record(record.id, record.record_type_id or target.record_type),
                              dict(record.data))
        try:
            record = self.client.update_record(target.id, changes, target.record_type or None)
        except errors.ConflictError as refused:
            if isinstance(refused, ConflictFound):
                raise
            server = self.client.record(target.id).data
            conflicts = _conflicts(state, server, state.dirty) or [
                FieldConflict(key, state.spec(key).label, state.original(key),
                              values.canonical(state.spec(key), server.get(key)), state.value(key))
                for key in state.dirty]
            raise ConflictFound(_conflict_message(conflicts), conflicts, status=refused.status,
                                error_code=refused.error_code, request_line=refused.request_line) from refused
        return SaveResult(target, dict(record.data))


Saver = ClassicSaver | PlanningSaver


def saver_for(api: Api, session: Session, planning: PlanningClient | None) -> Saver:
    """The saver of ``api`` (Planning without a client: AuthenticationError saying why)."""
    if api is Api.CLASSIC:
        return ClassicSaver(session)
    if planning is None:
        raise errors.AuthenticationError("Planning is not available on this connection.")
    return PlanningSaver(planning)

"""Bulk edits: one or more fields set on many objects in one request, previewed, with a result per row.

    plan = BulkPlan.classic("TASK", rows, {"priority": 3})          # rows: BulkRow(id, name, values before)
    plan.preview()                                                  # [(row, change), …]: before → after per field
    outcome = BulkEditor(session, planning, journal).run(plan)

Classic sends one ``PUT /{obj}`` with ``updates`` as a list of ``{ID, field: value}`` (classic-api.md §3.8): the
server applies all of it or none. When it refuses, :class:`BulkRefused` says which row and why (the row whose ID
or value the server's message names) and that nothing was changed. Planning sends one v2 bulk ``PATCH``
(``…/records/bulk``) and answers per row (200, or 207 when some fail): :class:`BulkOutcome` holds each row's
result, the failed rows with the server's message. Either way each row that changed gets a journal entry with its
before → after values (an entry per object, so each can be undone on its own), and a refused classic edit one
failed entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.writes import BULK_LIMIT
from wfexplorer.core.editing.savers import SaveRequest
from wfexplorer.core.editing.specs import Api
from wfexplorer.core.journal.entries import Change, JournalEntry, Kind
from wfexplorer.core.journal.store import Journal
from wfexplorer.core.planning.client import PlanningClient


@dataclass(frozen=True)
class BulkRow:
    """One selected object: its ID, its name (for messages) and the values of the edited fields before."""

    id: str
    name: str = ""
    before: Mapping[str, Any] = field(default_factory=dict)

    def describe(self, index: int) -> str:
        """The row in words: ``row 3 ("Design", 63ab…)``."""
        name = f'"{self.name}", ' if self.name else ""
        return f"row {index + 1} ({name}{self.id})"


@dataclass(frozen=True)
class BulkPlan:
    """What a bulk edit will do: the API, the type (objCode or record type), the rows, the values, the labels."""

    api: Api
    type: str
    rows: tuple[BulkRow, ...]
    values: Mapping[str, Any]
    labels: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def classic(cls, code: str, rows: Sequence[BulkRow], values: Mapping[str, Any],
                labels: Mapping[str, str] | None = None) -> BulkPlan:
        """A classic bulk edit of objects of type ``code``."""
        return cls(Api.CLASSIC, code.upper(), tuple(rows), dict(values), dict(labels or {})).checked()

    @classmethod
    def planning(cls, record_type: str, rows: Sequence[BulkRow], values: Mapping[str, Any],
                 labels: Mapping[str, str] | None = None) -> BulkPlan:
        """A Planning bulk edit of records of ``record_type``."""
        return cls(Api.PLANNING, record_type, tuple(rows), dict(values), dict(labels or {})).checked()

    def checked(self) -> BulkPlan:
        """The plan itself, or ValidationError in words when it cannot be sent as one request."""
        if not self.rows:
            raise errors.ValidationError("Select the objects to change first.")
        if not self.values:
            raise errors.ValidationError("Set at least one field to change.")
        if len(self.rows) > BULK_LIMIT:
            raise errors.ValidationError(f"{len(self.rows)} objects are selected; one bulk edit changes at most "
                                         f"{BULK_LIMIT}. Select fewer and repeat.")
        return self

    def label(self, key: str) -> str:
        """The label of field ``key``."""
        return self.labels.get(key, key)

    def changes(self, row: BulkRow) -> tuple[Change, ...]:
        """The row's fields before → after."""
        return tuple(Change(key, self.label(key), row.before.get(key), value) for key, value in self.values.items())

    def preview(self) -> list[tuple[BulkRow, Change]]:
        """Every field of every row, before → after, in row order."""
        return [(row, change) for row in self.rows for change in self.changes(row)]

    def request(self, session: Session | None = None, planning: PlanningClient | None = None) -> SaveRequest:
        """The one request the edit sends."""
        if self.api is Api.CLASSIC:
            url = (session.url if session is not None else "") + f"/{self.type.lower()}"
            return SaveRequest("PUT", url, {"updates": [{"ID": row.id, **self.values} for row in self.rows]},
                               form_encoded=True)
        url = planning.connection.url("record-types", self.type, "records", "bulk") if planning else ""
        # the wire body is the bare list; SaveRequest bodies are mappings, so Preview shows it under "rows"
        return SaveRequest("PATCH", url, {"rows": [{"id": row.id, "data": dict(self.values)} for row in self.rows]})


@dataclass(frozen=True)
class RowResult:
    """One row's outcome: whether it changed, and the server's message when it did not."""

    row: BulkRow
    ok: bool
    message: str = ""


@dataclass(frozen=True)
class BulkOutcome:
    """Every row's result, in the plan's order, and the journal entries written."""

    results: tuple[RowResult, ...]
    entries: tuple[JournalEntry, ...] = ()

    @property
    def succeeded(self) -> tuple[RowResult, ...]:
        """The rows that changed."""
        return tuple(result for result in self.results if result.ok)

    @property
    def failed(self) -> tuple[RowResult, ...]:
        """The rows that did not, with the server's messages."""
        return tuple(result for result in self.results if not result.ok)


class BulkRefused(errors.ValidationError):
    """A classic bulk edit refused whole: ``row`` (0-based, None when the message names none) and why."""

    def __init__(self, message: str, row: int | None, reason: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.row = row
        self.reason = reason


def blame(plan: BulkPlan, message: str) -> int | None:
    """The row a refusal's message names: by its ID, else by its name; None when no single row is named."""
    by_id = [index for index, row in enumerate(plan.rows) if row.id and row.id in message]
    if len(by_id) == 1:
        return by_id[0]
    by_name = [index for index, row in enumerate(plan.rows)
               if row.name and (f"'{row.name}'" in message or f'"{row.name}"' in message)]
    return by_name[0] if len(by_name) == 1 else None


class BulkEditor:
    """Runs bulk edits (see the module docs)."""

    def __init__(self, session: Session, planning: PlanningClient | None = None,
                 journal: Journal | None = None) -> None:
        self.session = session
        self.planning = planning
        self.journal = journal

    def read_rows(self, code: str, ids: Sequence[str], keys: Sequence[str]) -> list[BulkRow]:
        """The classic rows of ``ids`` with the current values of ``keys`` (one request), in ``ids``' order."""
        fields = ",".join(dict.fromkeys(["name", *keys]))
        data = self.session.get(f"/{code.lower()}", {"id": ",".join(ids), "fields": fields})
        found = {str(item.get("ID")): item for item in (data if isinstance(data, list) else [data])
                 if isinstance(item, Mapping)}
        return [BulkRow(object_id, str(found.get(object_id, {}).get("name") or ""),
                        {key: found.get(object_id, {}).get(key) for key in keys}) for object_id in ids]

    def run(self, plan: BulkPlan) -> BulkOutcome:
        """Send the plan's one request; classic refusals raise :class:`BulkRefused` after being journalled."""
        if plan.api is Api.CLASSIC:
            return self._classic(plan)
        return self._planning(plan)

    def _record(self, entries: list[JournalEntry]) -> tuple[JournalEntry, ...]:
        return tuple(self.journal.record_many(entries)) if self.journal is not None and entries else ()

    def _entry(self, plan: BulkPlan, row: BulkRow, request: SaveRequest, *, ok: bool, result: str,
               changes: Sequence[Change] = ()) -> JournalEntry:
        api = plan.api.value
        return JournalEntry.create(Kind.BULK, api=api, code=plan.type if plan.api is Api.CLASSIC else "",
                                   record_type=plan.type if plan.api is Api.PLANNING else "", object_id=row.id,
                                   object_name=row.name, title=f"Bulk edit of {len(plan.rows)}",
                                   changes=changes, request=request, result=result, ok=ok)

    def _classic(self, plan: BulkPlan) -> BulkOutcome:
        request = plan.request(self.session)
        try:
            data = self.session.put(f"/{plan.type.lower()}", request.body)
        except errors.WorkfrontError as refused:
            index = blame(plan, refused.message)
            where = plan.rows[index].describe(index) if index is not None else "one of the rows (the server did " \
                                                                                  "not say which)"
            message = f"The whole bulk edit was refused because of {where}: {refused.message} Nothing was changed."
            if self.journal is not None:
                self.journal.record(JournalEntry.create(
                    Kind.BULK, code=plan.type, object_id=",".join(row.id for row in plan.rows),
                    title=f"Bulk edit of {len(plan.rows)}", request=request, result=message, ok=False))
            raise BulkRefused(message, index, refused.message, status=refused.status,
                              error_code=refused.error_code, request_line=refused.request_line) from refused
        answered = {str(item.get("ID")): item for item in (data if isinstance(data, list) else [data])
                    if isinstance(item, Mapping)}
        entries = []
        for row in plan.rows:
            after = answered.get(row.id, {})
            changes = [Change(change.key, change.label, change.before, after.get(change.key, change.after))
                       for change in plan.changes(row)]
            entries.append(self._entry(plan, row, request, ok=True, result="done", changes=changes))
        return BulkOutcome(tuple(RowResult(row, True) for row in plan.rows), self._record(entries))

    def _planning(self, plan: BulkPlan) -> BulkOutcome:
        if self.planning is None:
            raise errors.AuthenticationError("Planning is not available on this connection.")
        request = plan.request(planning=self.planning)
        result = self.planning.bulk_update(plan.type, [(row.id, dict(plan.values)) for row in plan.rows])
        by_index = {item.index: item for item in result.items}
        results: list[RowResult] = []
        entries: list[JournalEntry] = []
        problem = "; ".join(str(error.get("message") or error) for error in result.request_errors)
        for index, row in enumerate(plan.rows):
            item = by_index.get(index)
            if item is not None and item.ok:
                data = item.record.data if item.record is not None else {}
                changes = [Change(change.key, change.label, change.before, data.get(change.key, change.after))
                           for change in plan.changes(row)]
                results.append(RowResult(row, True))
                entries.append(self._entry(plan, row, request, ok=True, result="done", changes=changes))
            else:
                message = (item.error_message or item.error_code or "refused") if item is not None else \
                    (problem or "The server gave no result for this row.")
                results.append(RowResult(row, False, message))
                entries.append(self._entry(plan, row, request, ok=False, result=message))
        return BulkOutcome(tuple(results), self._record(entries))

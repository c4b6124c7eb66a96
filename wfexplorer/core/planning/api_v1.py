"""The Planning v1 operations (``/maestro/api/v1``) behind the version-neutral client.

v1 has 10 operations: workspaces (embedding record types), record types (embedding fields), records with PUT
for updates, and search with ``$`` filters, ``offset``/``limit`` in the body. Everything else the client offers
is mapped onto these where it can be done faithfully: fields come from the record type, each workspace and
record type's embedded ``permission`` string becomes ``Permissions``, and bulk calls send the rows one at a time
and report each row's outcome in the same ``BulkResult`` v2 returns. What v1 cannot do raises ``VersionError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.planning.connection import PlanningConnection
from wfexplorer.core.planning.filters import V1_DEFAULT_LIMIT, SearchRequest
from wfexplorer.core.planning.models import Field, HistoryEntry, Permissions, Record, RecordType, View, Workspace
from wfexplorer.core.planning.results import BulkItem, BulkResult, CursorPage, SearchPage
from wfexplorer.core.planning.search_call import SearchCall, build_search_call
from wfexplorer.core.planning.support import VersionError, expect_list, expect_mapping


def _unsupported(what: str) -> VersionError:
    return VersionError(f"{what} is not available in Planning API v1; connect with v2")


class V1Api:
    """Planning v1 over one connection."""

    version = 1

    def __init__(self, connection: PlanningConnection) -> None:
        self.connection = connection

    def _get(self, *segments: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.connection.call("GET", segments, params=params).body

    def _send(self, method: str, *segments: str, body: Any = None) -> Any:
        return self.connection.call(method, segments, json=body, send_json=body is not None).body

    # -- workspaces and record types -----------------------------------------------------------------------

    def workspaces_page(self, cursor: str | None = None, limit: int | None = None) -> CursorPage[Workspace]:
        body = expect_mapping(self._get("workspaces"))
        items = body.get("workspaces")
        return CursorPage(tuple(Workspace.parse(w) for w in expect_list(items) if isinstance(w, Mapping)))

    def workspace(self, workspace_id: str) -> Workspace:
        return Workspace.parse(expect_mapping(self._get("workspaces", workspace_id)))

    def record_types_page(self, workspace_id: str, cursor: str | None = None,
                          limit: int | None = None) -> CursorPage[RecordType]:
        body = expect_list(self._get("record-types", params={"workspaceId": workspace_id}))
        return CursorPage(tuple(RecordType.parse(rt, workspace_id) for rt in body if isinstance(rt, Mapping)))

    def record_type(self, record_type_id: str) -> RecordType:
        return RecordType.parse(expect_mapping(self._get("record-types", record_type_id)))

    def fields_page(self, record_type_id: str, cursor: str | None = None,
                    limit: int | None = None) -> CursorPage[Field]:
        return CursorPage(self.record_type(record_type_id).embedded_fields or ())

    def field(self, field_id: str) -> Field:
        raise _unsupported("Reading a single field")

    # -- records -------------------------------------------------------------------------------------------

    def record(self, record_id: str) -> Record:
        return Record.parse(expect_mapping(self._get("records", record_id)))

    def search_call(self, record_type_id: str, request: SearchRequest, allow_losses: bool = False) -> SearchCall:
        return build_search_call(self.connection.root, 1, record_type_id, request, allow_losses=allow_losses)

    def search(self, call: SearchCall) -> SearchPage:
        reply = self.connection.call(call.method, call.segments, params=call.params, json=call.body, idempotent=True)
        offset = int(call.body.get("offset", 0))
        limit = int(call.body.get("limit", V1_DEFAULT_LIMIT))
        return SearchPage.parse_v1(reply.body, offset, limit, call.record_type_id)

    def create_record(self, record_type_id: str, data: Mapping[str, Any]) -> Record:
        raw = self._send("POST", "records", body={"recordTypeId": record_type_id, "data": dict(data)})
        return Record.parse(expect_mapping(raw), record_type_id)

    def update_record(self, record_id: str, changes: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        body: dict[str, Any] = {"data": dict(changes)}
        if record_type_id:
            body["recordTypeId"] = record_type_id
        return Record.parse(expect_mapping(self._send("PUT", "records", record_id, body=body)), record_type_id)

    def replace_record(self, record_id: str, data: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        return self.update_record(record_id, data, record_type_id)

    def delete_record(self, record_id: str) -> None:
        self._send("DELETE", "records", record_id)

    # -- bulk, sent row by row -----------------------------------------------------------------------------

    def bulk_create(self, record_type_id: str, rows: Sequence[Mapping[str, Any]]) -> BulkResult:
        return _row_by_row([partial(self.create_record, record_type_id, data) for data in rows])

    def bulk_update(self, record_type_id: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> BulkResult:
        return _row_by_row([partial(self.update_record, rid, data, record_type_id) for rid, data in rows])

    def bulk_replace(self, record_type_id: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> BulkResult:
        return self.bulk_update(record_type_id, rows)

    def bulk_delete(self, record_type_id: str, record_ids: Sequence[str]) -> BulkResult:
        return _row_by_row([partial(self._delete_returning_id, rid) for rid in record_ids])

    def _delete_returning_id(self, record_id: str) -> str:
        self.delete_record(record_id)
        return record_id

    # -- permissions ---------------------------------------------------------------------------------------

    def permissions(self, resource_type: str, resource_id: str) -> Permissions:
        if resource_type == "workspaces":
            return Permissions.from_level(self.workspace(resource_id).permission)
        if resource_type == "record-types":
            return Permissions.from_level(self.record_type(resource_id).permission)
        raise _unsupported(f"Permissions of {resource_type}")

    # -- what v1 does not have -----------------------------------------------------------------------------

    def history_page(self, record_id: str, cursor: str | None = None,
                     limit: int | None = None) -> CursorPage[HistoryEntry]:
        raise _unsupported("Record history")

    def views_page(self, record_type_id: str, cursor: str | None = None,
                   limit: int | None = None) -> CursorPage[View]:
        raise _unsupported("Views")


def _row_by_row(actions: list[Callable[[], Any]]) -> BulkResult:
    items: list[BulkItem] = []
    for index, action in enumerate(actions):
        try:
            outcome = action()
        except errors.AuthenticationError:
            raise  # every remaining row would fail the same way
        except errors.WorkfrontError as failure:
            items.append(BulkItem(index=index, ok=False, error_code=failure.error_code,
                                  error_message=failure.message, error=failure))
            continue
        if isinstance(outcome, Record):
            items.append(BulkItem(index=index, ok=True, id=outcome.id, record=outcome))
        else:
            items.append(BulkItem(index=index, ok=True, id=str(outcome)))
    return BulkResult.of_items(items)

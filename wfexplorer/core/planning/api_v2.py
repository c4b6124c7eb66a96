"""The Planning v2 operations (``/maestro/api/v2``) behind the version-neutral client.

Paths and shapes follow the official v2 OpenAPI document: cursor lists (``content`` + ``cursor``), page-based
search with the filter in the body and ``page``/``size``/``fieldIds`` in the query, PATCH for partial updates,
bulk endpoints answering one result per row (201/200, or 207 when some rows fail), and the Permissions API.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wfexplorer.core.planning.connection import PlanningConnection
from wfexplorer.core.planning.filters import SearchRequest
from wfexplorer.core.planning.models import (
    AccessRequest,
    Field,
    HistoryEntry,
    Member,
    Permissions,
    Record,
    RecordType,
    View,
    Workspace,
)
from wfexplorer.core.planning.results import BulkResult, CursorPage, SearchPage
from wfexplorer.core.planning.search_call import SearchCall, build_search_call
from wfexplorer.core.planning.support import expect_mapping

#: Largest page each cursor list allows (planning-api.md §6).
MAX_LIMITS = {"workspaces": 50, "history": 50, "record-types": 100, "fields": 100, "views": 100}
RESOURCE_TYPES = ("workspaces", "record-types", "records", "views")


class V2Api:
    """Planning v2 over one connection."""

    version = 2

    def __init__(self, connection: PlanningConnection) -> None:
        self.connection = connection

    def _get(self, *segments: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.connection.call("GET", segments, params=params).body

    def _send(self, method: str, *segments: str, body: Any = None, params: Mapping[str, Any] | None = None) -> Any:
        return self.connection.call(method, segments, json=body, params=params, send_json=body is not None).body

    @staticmethod
    def _cursor(cursor: str | None, limit: int | None) -> dict[str, Any]:
        return {"cursor": cursor, "limit": limit}

    # -- workspaces ----------------------------------------------------------------------------------------

    def workspaces_page(self, cursor: str | None = None, limit: int | None = None) -> CursorPage[Workspace]:
        return CursorPage.parse(self._get("workspaces", params=self._cursor(cursor, limit)), Workspace.parse)

    def workspace(self, workspace_id: str) -> Workspace:
        return Workspace.parse(expect_mapping(self._get("workspaces", workspace_id)))

    def create_workspace(self, body: Mapping[str, Any]) -> Workspace:
        return Workspace.parse(expect_mapping(self._send("POST", "workspaces", body=dict(body))))

    def update_workspace(self, workspace_id: str, changes: Mapping[str, Any]) -> Workspace:
        return Workspace.parse(expect_mapping(self._send("PATCH", "workspaces", workspace_id, body=dict(changes))))

    def delete_workspace(self, workspace_id: str) -> None:
        self._send("DELETE", "workspaces", workspace_id)

    # -- record types --------------------------------------------------------------------------------------

    def record_types_page(self, workspace_id: str, cursor: str | None = None,
                          limit: int | None = None) -> CursorPage[RecordType]:
        body = self._get("workspaces", workspace_id, "record-types", params=self._cursor(cursor, limit))
        return CursorPage.parse(body, lambda raw: RecordType.parse(raw, workspace_id))

    def global_record_types_page(self, workspace_id: str, cursor: str | None = None,
                                 limit: int | None = None) -> CursorPage[RecordType]:
        body = self._get("workspaces", workspace_id, "global-record-types", params=self._cursor(cursor, limit))
        return CursorPage.parse(body, RecordType.parse)

    def detach_record_type(self, workspace_id: str, record_type_id: str) -> None:
        self._send("POST", "workspaces", workspace_id, "record-types", record_type_id, "detach")

    def record_type(self, record_type_id: str) -> RecordType:
        return RecordType.parse(expect_mapping(self._get("record-types", record_type_id)))

    def create_record_type(self, workspace_id: str, body: Mapping[str, Any]) -> RecordType:
        raw = self._send("POST", "workspaces", workspace_id, "record-types", body=dict(body))
        return RecordType.parse(expect_mapping(raw), workspace_id)

    def update_record_type(self, record_type_id: str, changes: Mapping[str, Any]) -> RecordType:
        return RecordType.parse(expect_mapping(self._send("PATCH", "record-types", record_type_id,
                                                          body=dict(changes))))

    def delete_record_type(self, record_type_id: str) -> None:
        self._send("DELETE", "record-types", record_type_id)

    # -- fields --------------------------------------------------------------------------------------------

    def fields_page(self, record_type_id: str, cursor: str | None = None,
                    limit: int | None = None) -> CursorPage[Field]:
        body = self._get("record-types", record_type_id, "fields", params=self._cursor(cursor, limit))
        return CursorPage.parse(body, Field.parse)

    def field(self, field_id: str) -> Field:
        return Field.parse(expect_mapping(self._get("fields", field_id)))

    def create_field(self, record_type_id: str, body: Mapping[str, Any]) -> Field:
        return Field.parse(expect_mapping(self._send("POST", "record-types", record_type_id, "fields",
                                                     body=dict(body))))

    def update_field(self, field_id: str, changes: Mapping[str, Any]) -> Field:
        return Field.parse(expect_mapping(self._send("PATCH", "fields", field_id, body=dict(changes))))

    def delete_field(self, field_id: str) -> None:
        self._send("DELETE", "fields", field_id)

    # -- records -------------------------------------------------------------------------------------------

    def record(self, record_id: str) -> Record:
        return Record.parse(expect_mapping(self._get("records", record_id)))

    def search_call(self, record_type_id: str, request: SearchRequest, allow_losses: bool = False) -> SearchCall:
        return build_search_call(self.connection.root, 2, record_type_id, request, allow_losses=allow_losses)

    def search(self, call: SearchCall) -> SearchPage:
        reply = self.connection.call(call.method, call.segments, params=call.params, json=call.body, send_json=True,
                                     idempotent=True)
        return SearchPage.parse_v2(reply.body, call.record_type_id)

    def create_record(self, record_type_id: str, data: Mapping[str, Any]) -> Record:
        raw = self._send("POST", "record-types", record_type_id, "records", body={"data": dict(data)})
        return Record.parse(expect_mapping(raw), record_type_id)

    def update_record(self, record_id: str, changes: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        raw = self._send("PATCH", "records", record_id, body={"data": dict(changes)})
        return Record.parse(expect_mapping(raw), record_type_id)

    def replace_record(self, record_id: str, data: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        raw = self._send("PUT", "records", record_id, body={"data": dict(data)})
        return Record.parse(expect_mapping(raw), record_type_id)

    def delete_record(self, record_id: str) -> None:
        self._send("DELETE", "records", record_id)

    def bulk_create(self, record_type_id: str, rows: Sequence[Mapping[str, Any]]) -> BulkResult:
        body = [{"data": dict(data)} for data in rows]
        return self._bulk("POST", record_type_id, body)

    def bulk_update(self, record_type_id: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> BulkResult:
        return self._bulk("PATCH", record_type_id, [{"id": rid, "data": dict(data)} for rid, data in rows])

    def bulk_replace(self, record_type_id: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> BulkResult:
        return self._bulk("PUT", record_type_id, [{"id": rid, "data": dict(data)} for rid, data in rows])

    def bulk_delete(self, record_type_id: str, record_ids: Sequence[str]) -> BulkResult:
        return self._bulk("DELETE", record_type_id, {"ids": list(record_ids)})

    def _bulk(self, method: str, record_type_id: str, body: Any) -> BulkResult:
        reply = self.connection.call(method, ("record-types", record_type_id, "records", "bulk"), json=body,
                                     send_json=True)
        return BulkResult.parse(reply.body)

    def move_records(self, record_type_id: str, record_ids: Sequence[str], *, after: str | None = None,
                     before: str | None = None) -> BulkResult:
        body: dict[str, Any] = {"recordIds": list(record_ids)}
        if after is not None:
            body["putAfterRecordId"] = after
        if before is not None:
            body["putBeforeRecordId"] = before
        reply = self.connection.call("POST", ("record-types", record_type_id, "records", "move"), json=body)
        return BulkResult.parse(reply.body)

    def upload_thumbnail(self, record_id: str, content: bytes, filename: str, content_type: str) -> Record:
        reply = self.connection.call("POST", ("records", record_id, "thumbnail"),
                                     files={"file": (filename, content, content_type)})
        return Record.parse(expect_mapping(reply.body))

    def delete_thumbnail(self, record_id: str) -> None:
        self._send("DELETE", "records", record_id, "thumbnail")

    def history_page(self, record_id: str, cursor: str | None = None,
                     limit: int | None = None) -> CursorPage[HistoryEntry]:
        body = self._get("records", record_id, "history", params=self._cursor(cursor, limit))
        return CursorPage.parse(body, HistoryEntry.parse)

    # -- views ---------------------------------------------------------------------------------------------

    def views_page(self, record_type_id: str, cursor: str | None = None,
                   limit: int | None = None) -> CursorPage[View]:
        body = self._get("record-types", record_type_id, "views", params=self._cursor(cursor, limit))
        return CursorPage.parse(body, View.parse)

    def view(self, view_id: str) -> View:
        return View.parse(expect_mapping(self._get("views", view_id)))

    def create_view(self, record_type_id: str, body: Mapping[str, Any]) -> View:
        return View.parse(expect_mapping(self._send("POST", "record-types", record_type_id, "views",
                                                    body=dict(body))))

    def update_view(self, view_id: str, changes: Mapping[str, Any]) -> View:
        return View.parse(expect_mapping(self._send("PATCH", "views", view_id, body=dict(changes))))

    def delete_view(self, view_id: str) -> None:
        self._send("DELETE", "views", view_id)

    # -- permissions ---------------------------------------------------------------------------------------

    def permissions(self, resource_type: str, resource_id: str) -> Permissions:
        return Permissions.parse(expect_mapping(self._get("permissions", resource_type, resource_id)))

    def members(self, resource_type: str, resource_id: str) -> list[Member]:
        body = self._get("permissions", resource_type, resource_id, "members")
        return [Member.parse(raw) for raw in body or () if isinstance(raw, Mapping)]

    def update_members(self, resource_type: str, resource_id: str, changes: Mapping[str, Any]) -> None:
        self._send("PATCH", "permissions", resource_type, resource_id, "members", body=dict(changes))

    def inheritance(self, record_type_id: str) -> bool:
        body = expect_mapping(self._get("permissions", "record-types", record_type_id, "inheritance"))
        return bool(body.get("inherited"))

    def access_requests(self, resource_type: str, resource_id: str) -> list[AccessRequest]:
        body = self._get("permissions", resource_type, resource_id, "requests")
        return [AccessRequest.parse(raw) for raw in body or () if isinstance(raw, Mapping)]

    def request_access(self, resource_type: str, resource_id: str, message: str) -> str:
        body = self._send("POST", "permissions", resource_type, resource_id, "requests", body={"message": message})
        return str(expect_mapping(body).get("id", ""))

    def dismiss_access_requests(self, resource_type: str, resource_id: str, request_ids: Sequence[str]) -> None:
        self._send("DELETE", "permissions", resource_type, resource_id, "requests",
                   body={"requestIds": list(request_ids)})


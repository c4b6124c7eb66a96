"""``PlanningClient``: one API for Workfront Planning v1 and v2, chosen per connection.

    client = PlanningClient("https://acme.my.workfront.com", token, version=2)
    for ws in client.workspaces():
        for rt in client.record_types(ws.id):
            fields = client.fields(rt.id)
    page = client.search(rt.id, SearchRequest(filter=AND(Condition("F_status", "IS", "opt_active")),
                                              paging=Paging.of_page(0, 100)))

Both versions return the same model objects (``models.py``) and pages (``results.py``). Lists that the server
pages with cursors are followed to the end by the plain methods (``workspaces()``, ``fields()`` ...) and one
page at a time by the ``*_page`` methods. Updates send only the changes (PATCH on v2, PUT on v1). Bulk calls
return one result per row; v2 requests hold at most 100 rows, so longer inputs are split and the results
joined in input order. Operations a version lacks raise ``VersionError``; server errors arrive as the shared
error tree (``wfexplorer.core.errors``) with the v2 ``errorCode`` or v1 ``type`` in ``error_code``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from wfexplorer.core import errors
from wfexplorer.core.planning.api_v1 import V1Api
from wfexplorer.core.planning.api_v2 import MAX_LIMITS, V2Api
from wfexplorer.core.planning.connection import PlanningConnection, TokenSource
from wfexplorer.core.planning.filters import (
    FieldCatalog,
    Paging,
    Problem,
    SearchRequest,
    resolve_request,
    validate_request,
)
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
from wfexplorer.core.planning.results import BulkItem, BulkResult, CursorPage, SearchPage
from wfexplorer.core.planning.search_call import SearchCall
from wfexplorer.core.planning.support import VersionError
from wfexplorer.core.renewal import RenewableSource
from wfexplorer.core.transport import Transport

T = TypeVar("T")
BULK_LIMIT = 100
DEFAULT_SEARCH_PAGE = 500


class PlanningClient:
    """Workfront Planning over one connection (API v1 or v2)."""

    def __init__(
        self,
        base_url: str,
        token: TokenSource | None = None,
        version: int | str = 2,
        *,
        transport: Transport | None = None,
        refresh: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
        credentials: RenewableSource[Any] | None = None,
        read_only: bool = False,
    ) -> None:
        self.connection = PlanningConnection(base_url, token, version, transport=transport, refresh=refresh,
                                             headers=headers, credentials=credentials, read_only=read_only)
        self._api: V1Api | V2Api = V2Api(self.connection) if self.connection.version == 2 else V1Api(self.connection)

    @classmethod
    def over(cls, connection: PlanningConnection) -> PlanningClient:
        """A client on an existing connection (e.g. one the sign-in code built with a refreshing token source)."""
        client = cls.__new__(cls)
        client.connection = connection
        client._api = V2Api(connection) if connection.version == 2 else V1Api(connection)
        return client

    @property
    def version(self) -> int:
        """The API version this client speaks (1 or 2)."""
        return self.connection.version

    def close(self) -> None:
        """Release the connection's pooled sockets (if the client created its transport)."""
        self.connection.close()

    def __enter__(self) -> PlanningClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _v2(self, label: str) -> V2Api:
        """The v2 operations; ``label`` names the feature in the error on a v1 connection."""
        if not isinstance(self._api, V2Api):
            raise VersionError(f"{label} is not available in Planning API v{self.version}; connect with v2")
        return self._api

    # -- cursor lists --------------------------------------------------------------------------------------

    @staticmethod
    def _follow(fetch: Callable[[str | None], CursorPage[T]]) -> Iterator[T]:
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            page = fetch(cursor)
            yield from page.items
            if not page.has_more or not page.next_cursor:
                return
            if page.next_cursor in seen:
                raise errors.ProtocolError("the server repeated a cursor; stopping to avoid an endless list")
            seen.add(page.next_cursor)
            cursor = page.next_cursor

    def workspaces_page(self, cursor: str | None = None, limit: int | None = None) -> CursorPage[Workspace]:
        """One page of workspaces."""
        return self._api.workspaces_page(cursor, limit)

    def iter_workspaces(self) -> Iterator[Workspace]:
        """Every workspace, fetching pages as the iteration needs them."""
        return self._follow(lambda c: self._api.workspaces_page(c, MAX_LIMITS["workspaces"]))

    def workspaces(self) -> list[Workspace]:
        """Every workspace."""
        return list(self.iter_workspaces())

    def workspace(self, workspace_id: str) -> Workspace:
        """One workspace."""
        return self._api.workspace(workspace_id)

    def record_types_page(self, workspace_id: str, cursor: str | None = None,
                          limit: int | None = None) -> CursorPage[RecordType]:
        """One page of a workspace's record types."""
        return self._api.record_types_page(workspace_id, cursor, limit)

    def iter_record_types(self, workspace_id: str) -> Iterator[RecordType]:
        """Every record type of a workspace, page by page."""
        return self._follow(lambda c: self._api.record_types_page(workspace_id, c, MAX_LIMITS["record-types"]))

    def record_types(self, workspace_id: str) -> list[RecordType]:
        """Every record type of a workspace."""
        return list(self.iter_record_types(workspace_id))

    def global_record_types(self, workspace_id: str) -> list[RecordType]:
        """The global record types that can be attached to a workspace (v2)."""
        api = self._v2("Global record types")
        return list(self._follow(lambda c: api.global_record_types_page(workspace_id, c, MAX_LIMITS["record-types"])))

    def detach_record_type(self, workspace_id: str, record_type_id: str) -> None:
        """Stop using a global record type in a workspace (v2; the workspace's records of it may be deleted)."""
        self._v2("Detaching record types").detach_record_type(workspace_id, record_type_id)

    def record_type(self, record_type_id: str) -> RecordType:
        """One record type (on v1 with its fields embedded)."""
        return self._api.record_type(record_type_id)

    def fields_page(self, record_type_id: str, cursor: str | None = None,
                    limit: int | None = None) -> CursorPage[Field]:
        """One page of a record type's fields (v1: all of them)."""
        return self._api.fields_page(record_type_id, cursor, limit)

    def iter_fields(self, record_type_id: str) -> Iterator[Field]:
        """Every field of a record type, page by page."""
        return self._follow(lambda c: self._api.fields_page(record_type_id, c, MAX_LIMITS["fields"]))

    def fields(self, record_type_id: str) -> list[Field]:
        """Every field of a record type."""
        return list(self.iter_fields(record_type_id))

    def field(self, field_id: str) -> Field:
        """One field (v2 only)."""
        return self._api.field(field_id)

    def catalog(self, record_type_id: str) -> FieldCatalog:
        """The record type's fields as the filter model's catalogue (for building and validating filters)."""
        return FieldCatalog(tuple(f.info for f in self.fields(record_type_id)))

    # -- records and search --------------------------------------------------------------------------------

    def record(self, record_id: str) -> Record:
        """One record."""
        return self._api.record(record_id)

    def search_call(self, record_type_id: str, request: SearchRequest | None = None, *,
                    allow_losses: bool = False, today: date | None = None) -> SearchCall:
        """The exact request ``search`` sends: relative dates resolved on ``today`` (default: the local date),
        the body and query for this client's version. Raises ``VersionError`` like ``search``."""
        resolved, resolutions = resolve_request(request or SearchRequest(), today or date.today())
        call = self._api.search_call(record_type_id, resolved, allow_losses)
        return dataclasses.replace(call, resolutions=resolutions)

    def search(self, record_type_id: str, request: SearchRequest | None = None, *,
               allow_losses: bool = False, today: date | None = None) -> SearchPage:
        """One page of a record search. Relative dates are resolved on ``today`` (default: the local date). A
        request this version cannot carry exactly raises ``VersionError`` naming each part, unless
        ``allow_losses`` sends what it can."""
        return self._api.search(self.search_call(record_type_id, request, allow_losses=allow_losses, today=today))

    def send_search(self, call: SearchCall) -> SearchPage:
        """Send a search built by ``search_call`` (what a user saw is exactly what runs)."""
        if call.version != self.version:
            raise VersionError(f"this search was built for Planning API v{call.version}, not v{self.version}")
        return self._api.search(call)

    def iter_search(self, record_type_id: str, request: SearchRequest | None = None, *,
                    page_size: int = DEFAULT_SEARCH_PAGE, allow_losses: bool = False) -> Iterator[Record]:
        """Every record the search matches, from the first, ``page_size`` at a time (``request.paging`` is
        ignored). Send a sort so that pages stay stable."""
        request = request or SearchRequest()
        offset = 0
        while True:
            page = self.search(record_type_id, dataclasses.replace(request, paging=Paging(offset, page_size)),
                               allow_losses=allow_losses)
            yield from page.records
            if not page.records or not page.has_more or len(page.records) < page_size:
                return
            offset += page_size

    def validate_search(self, record_type_id: str, request: SearchRequest) -> list[Problem]:
        """Every problem of ``request`` against the record type's fields (fetched once per call)."""
        return validate_request(request, self.catalog(record_type_id))

    def create_record(self, record_type_id: str, data: Mapping[str, Any]) -> Record:
        """Create a record with ``data`` (field id -> value)."""
        return self._api.create_record(record_type_id, data)

    def update_record(self, record_id: str, changes: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        """Change only the given fields (v2 PATCH, v1 PUT); a None value clears a field."""
        return self._api.update_record(record_id, changes, record_type_id)

    def replace_record(self, record_id: str, data: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        """Replace a record's data (v2 PUT: fields left out are cleared; v1 has only PUT)."""
        return self._api.replace_record(record_id, data, record_type_id)

    def delete_record(self, record_id: str) -> None:
        """Delete a record."""
        self._api.delete_record(record_id)

    def bulk_create(self, record_type_id: str, rows: Sequence[Mapping[str, Any]]) -> BulkResult:
        """Create one record per row; the result has one item per row, in order."""
        return self._chunked(rows, lambda chunk: self._api.bulk_create(record_type_id, chunk))

    def bulk_update(self, record_type_id: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> BulkResult:
        """Change only the given fields of each ``(record id, changes)`` row."""
        return self._chunked(rows, lambda chunk: self._api.bulk_update(record_type_id, chunk))

    def bulk_replace(self, record_type_id: str, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> BulkResult:
        """Replace the data of each ``(record id, data)`` row."""
        return self._chunked(rows, lambda chunk: self._api.bulk_replace(record_type_id, chunk))

    def bulk_delete(self, record_type_id: str, record_ids: Sequence[str]) -> BulkResult:
        """Delete each record; one result item per id."""
        return self._chunked(record_ids, lambda chunk: self._api.bulk_delete(record_type_id, chunk))

    @staticmethod
    def _chunked(rows: Sequence[Any], send: Callable[[Sequence[Any]], BulkResult]) -> BulkResult:
        if not rows:
            return BulkResult.of_items([])
        if len(rows) <= BULK_LIMIT:
            return send(rows)
        items: list[BulkItem] = []
        request_errors: list[dict[str, Any]] = []
        for start in range(0, len(rows), BULK_LIMIT):
            part = send(rows[start:start + BULK_LIMIT])
            items.extend(dataclasses.replace(item, index=item.index + start) for item in part.items)
            request_errors.extend(part.request_errors)
        joined = BulkResult.of_items(items)
        return dataclasses.replace(joined, request_errors=tuple(request_errors))

    def move_records(self, record_type_id: str, record_ids: Sequence[str], *, after: str | None = None,
                     before: str | None = None) -> BulkResult:
        """Reorder records (v2): put them, in this order, after or before an anchor record."""
        return self._v2("Moving records").move_records(record_type_id, record_ids, after=after, before=before)

    def upload_thumbnail(self, record_id: str, content: bytes, filename: str = "thumbnail.png",
                         content_type: str = "image/png") -> Record:
        """Set a record's thumbnail from PNG or JPEG bytes (v2); the record comes back with its new URL."""
        return self._v2("Thumbnails").upload_thumbnail(record_id, content, filename, content_type)

    def delete_thumbnail(self, record_id: str) -> None:
        """Remove a record's thumbnail (v2; fine when it has none)."""
        self._v2("Thumbnails").delete_thumbnail(record_id)

    def history_page(self, record_id: str, cursor: str | None = None,
                     limit: int | None = None) -> CursorPage[HistoryEntry]:
        """One page of a record's history (v2)."""
        return self._api.history_page(record_id, cursor, limit)

    def history(self, record_id: str) -> list[HistoryEntry]:
        """A record's whole history, one entry per changed field (v2)."""
        return list(self._follow(lambda c: self._api.history_page(record_id, c, MAX_LIMITS["history"])))

    # -- views ---------------------------------------------------------------------------------------------

    def views_page(self, record_type_id: str, cursor: str | None = None, limit: int | None = None) -> CursorPage[View]:
        """One page of a record type's views (v2)."""
        return self._api.views_page(record_type_id, cursor, limit)

    def views(self, record_type_id: str) -> list[View]:
        """Every view of a record type (v2)."""
        return list(self._follow(lambda c: self._api.views_page(record_type_id, c, MAX_LIMITS["views"])))

    def view(self, view_id: str) -> View:
        """One view (v2)."""
        return self._v2("Views").view(view_id)

    def create_view(self, record_type_id: str, body: Mapping[str, Any]) -> View:
        """Create a view (v2; ``name`` and ``type`` are required)."""
        return self._v2("Views").create_view(record_type_id, body)

    def update_view(self, view_id: str, changes: Mapping[str, Any]) -> View:
        """Change only the given properties of a view (v2 PATCH)."""
        return self._v2("Views").update_view(view_id, changes)

    def delete_view(self, view_id: str) -> None:
        """Delete a view (v2)."""
        self._v2("Views").delete_view(view_id)

    # -- structure writes (v2) -----------------------------------------------------------------------------

    def create_workspace(self, body: Mapping[str, Any]) -> Workspace:
        """Create a workspace (v2, admins only)."""
        return self._v2("Creating workspaces").create_workspace(body)

    def update_workspace(self, workspace_id: str, changes: Mapping[str, Any]) -> Workspace:
        """Change only the given properties of a workspace (v2 PATCH)."""
        return self._v2("Updating workspaces").update_workspace(workspace_id, changes)

    def delete_workspace(self, workspace_id: str) -> None:
        """Delete a workspace (v2)."""
        self._v2("Deleting workspaces").delete_workspace(workspace_id)

    def create_record_type(self, workspace_id: str, body: Mapping[str, Any]) -> RecordType:
        """Create a record type in a workspace (v2)."""
        return self._v2("Creating record types").create_record_type(workspace_id, body)

    def update_record_type(self, record_type_id: str, changes: Mapping[str, Any]) -> RecordType:
        """Change only the given properties of a record type (v2 PATCH)."""
        return self._v2("Updating record types").update_record_type(record_type_id, changes)

    def delete_record_type(self, record_type_id: str) -> None:
        """Delete a record type with its fields, records and views (v2; irreversible)."""
        self._v2("Deleting record types").delete_record_type(record_type_id)

    def create_field(self, record_type_id: str, body: Mapping[str, Any]) -> Field:
        """Create a field (v2)."""
        return self._v2("Creating fields").create_field(record_type_id, body)

    def update_field(self, field_id: str, changes: Mapping[str, Any]) -> Field:
        """Change only the given properties of a field (v2 PATCH)."""
        return self._v2("Updating fields").update_field(field_id, changes)

    def delete_field(self, field_id: str) -> None:
        """Delete a field (v2)."""
        self._v2("Deleting fields").delete_field(field_id)

    # -- permissions ---------------------------------------------------------------------------------------

    def permissions(self, resource_type: str, resource_id: str) -> Permissions:
        """What the caller may do with a resource (``workspaces``, ``record-types``, ``records``, ``views``).
        v1 derives it from the embedded ``permission`` of workspaces and record types."""
        return self._api.permissions(resource_type, resource_id)

    def members(self, resource_type: str, resource_id: str) -> list[Member]:
        """Who has which role on a resource (v2, needs MANAGE)."""
        return self._v2("The Permissions API").members(resource_type, resource_id)

    def update_members(self, resource_type: str, resource_id: str, changes: Mapping[str, Any]) -> None:
        """Grant, update or revoke roles: ``{"grant": [...], "update": [...], "revoke": [...]}`` (v2)."""
        self._v2("The Permissions API").update_members(resource_type, resource_id, changes)

    def inheritance(self, record_type_id: str) -> bool:
        """Whether workspace members keep their workspace access on a record type (v2)."""
        return self._v2("The Permissions API").inheritance(record_type_id)

    def access_requests(self, resource_type: str, resource_id: str) -> list[AccessRequest]:
        """Pending access requests for a resource (v2, needs MANAGE)."""
        return self._v2("The Permissions API").access_requests(resource_type, resource_id)

    def request_access(self, resource_type: str, resource_id: str, message: str) -> str:
        """Ask for access to a resource; returns the request id (v2)."""
        return self._v2("The Permissions API").request_access(resource_type, resource_id, message)

    def dismiss_access_requests(self, resource_type: str, resource_id: str, request_ids: Sequence[str]) -> None:
        """Dismiss access requests (v2, needs MANAGE)."""
        self._v2("The Permissions API").dismiss_access_requests(resource_type, resource_id, request_ids)

"""Loads the Planning part of the browse tree: workspaces, record types, records, reference fields.

Record values carry the linked records' names (``{id, externalId, value}``), so a record's reference
fields and what they link to cost no request beyond the record type's field list (fetched once per
record type and kept; v1 sends it with the record types). A link to an external record type that
mirrors a classic object (``externalOptions.objectName`` ``PROJECT``, ``USER``…) becomes the classic
object itself, so it opens in the same tree.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.browse.display import value_text as _text
from wfexplorer.core.browse.nodes import (
    MessageRole,
    NodeKind,
    ObjectRef,
    Packed,
    RecordLinkRef,
    RecordRef,
    RecordTypeRef,
    WorkspaceRef,
)
from wfexplorer.core.browse.results import PAGE_SIZE, LoadRequest, LoadResult, NodeSpec
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.planning.external import field_classic_code, record_type_classic_code
from wfexplorer.core.planning.filters import AND, Condition, ConditionType, FieldKind, Paging, SearchRequest
from wfexplorer.core.planning.models import Field, Record, RecordType


class PlanningLoader:
    """The Planning loads, through one :class:`~wfexplorer.core.planning.client.PlanningClient` (or none)."""

    def __init__(self, client: PlanningClient | None, unavailable: str | None = None) -> None:
        self.client = client
        self.unavailable = unavailable or "Workfront Planning is not available on this connection."
        self._lock = threading.Lock()
        self._fields: dict[str, tuple[Field, ...]] = {}
        self._loads: dict[NodeKind, Callable[[PlanningClient, LoadRequest], LoadResult]] = {
            NodeKind.PLANNING: self._workspaces,
            NodeKind.WORKSPACE: self._record_types,
            NodeKind.RECORD_TYPE: self._records,
            NodeKind.RECORD: self._record,
            NodeKind.RECORD_LINK: self._link,
        }

    def handles(self, kind: NodeKind) -> bool:
        """Whether this loader loads nodes of ``kind``."""
        return kind in self._loads

    def load(self, request: LoadRequest) -> LoadResult:
        """Load one node's children (blocking: run it off the GUI thread)."""
        if self.client is None:
            return LoadResult(request, (NodeSpec(NodeKind.MESSAGE, self.unavailable, MessageRole.INFO,
                                                 icon="info"),))
        return self._loads[request.kind](self.client, request)

    # -- workspaces and record types ---------------------------------------------------------------

    def _workspaces(self, client: PlanningClient, request: LoadRequest) -> LoadResult:
        workspaces = sorted(client.workspaces(), key=lambda w: w.name.casefold())
        children = tuple(NodeSpec(NodeKind.WORKSPACE, w.name, WorkspaceRef(w.id), detail=w.description or "",
                                  icon="workspace", expandable=True, data=w.raw) for w in workspaces)
        return LoadResult(request, children, total=len(children))

    def _record_types(self, client: PlanningClient, request: LoadRequest) -> LoadResult:
        workspace: WorkspaceRef = request.payload
        types = client.record_types(workspace.id)
        with self._lock:
            for record_type in types:
                if record_type.embedded_fields is not None:
                    self._fields[record_type.id] = record_type.embedded_fields
        children = tuple(NodeSpec(NodeKind.RECORD_TYPE, t.display_name, _type_ref(t, workspace.id),
                                  detail=t.description or "", icon="record_type", expandable=True, data=t.raw)
                         for t in types)
        return LoadResult(request, children, total=len(children))

    # -- records -------------------------------------------------------------------------------------

    def _records(self, client: PlanningClient, request: LoadRequest) -> LoadResult:
        record_type: RecordTypeRef = request.payload
        primary = record_type.primary_field_id
        named = AND(Condition(primary, ConditionType.CONTAINS, request.query)) if primary and request.query else None
        # no sort: the records come in their own order, the one Workfront's table shows and a move changes
        search = SearchRequest(filter=named, paging=Paging(request.first, PAGE_SIZE))
        page = client.search(record_type.id, search)
        children = tuple(self._record_spec(record, record_type) for record in page.records)
        shown = request.first + len(children)
        total = page.total if page.total is not None else request.total
        more = shown < total if total is not None else len(children) == PAGE_SIZE
        return LoadResult(request, children, total=page.total, next_first=shown if more and children else None)

    @staticmethod
    def _record_spec(record: Record, record_type: RecordTypeRef) -> NodeSpec:
        value = record.data.get(record_type.primary_field_id) if record_type.primary_field_id else None
        return NodeSpec(NodeKind.RECORD, _text(value) or f"Record {record.id}", RecordRef(record.id, record_type),
                        icon="record", expandable=True, data=Packed.of(record.data))

    def _record(self, client: PlanningClient, request: LoadRequest) -> LoadResult:
        """The record's reference fields; its values in hand (from the search that listed it) cost no request."""
        ref: RecordRef = request.payload
        if isinstance(request.known, Packed):
            data, record_type_id = request.known.unpack(), ref.record_type.id
        else:
            record = client.record(ref.id)
            data, record_type_id = record.data, record.record_type_id or ref.record_type.id
        fields = self._fields_of(client, record_type_id)
        primary = ref.record_type.primary_field_id or next((f.id for f in fields if f.kind is FieldKind.TEXT), None)
        links = [self._link_spec(ref, f, data.get(f.id)) for f in fields if f.kind is FieldKind.REFERENCE]
        label = _text(data.get(primary)) if primary else None
        return LoadResult(request, tuple(links), label=label or None, data=Packed.of(data))

    def _link(self, client: PlanningClient, request: LoadRequest) -> LoadResult:
        link: RecordLinkRef = request.payload
        record = client.record(link.record.id)
        field = next((f for f in self._fields_of(client, record.record_type_id or link.record.record_type.id)
                      if f.id == link.field_id), None)
        if field is None:
            raise errors.NotFoundError("This reference field no longer exists.")
        spec = self._link_spec(link.record, field, record.data.get(field.id))
        return LoadResult(request, spec.children or (), detail=spec.detail)

    def _link_spec(self, owner: RecordRef, field: Field, value: Any) -> NodeSpec:
        options = _mapping(field.raw.get("referenceOptions"))
        target_id = str(options.get("recordTypeId") or field.linked_type or "") or None
        classic = field_classic_code(field)
        linked = [item for item in _as_list(value) if isinstance(item, Mapping) and item.get("id")]
        target = RecordTypeRef(target_id or "", None, None, classic_code=classic)
        children: list[NodeSpec] = []
        for item in linked:
            name = _text(item.get("value")) or str(item.get("id"))
            if classic and item.get("externalId"):
                children.append(NodeSpec(NodeKind.OBJECT, name, ObjectRef(classic, str(item["externalId"])),
                                         detail=f"Workfront {classic}", icon=classic, expandable=True))
            else:
                children.append(NodeSpec(NodeKind.RECORD, name, RecordRef(str(item["id"]), target), icon="record",
                                         expandable=True))
        payload = RecordLinkRef(owner, field.id, target_id, tuple(str(item["id"]) for item in linked), bool(classic))
        detail = "(none)" if not children else (children[0].label if len(children) == 1 else f"{len(children)} linked")
        return NodeSpec(NodeKind.RECORD_LINK, field.display_name, payload, detail=detail,
                        icon="external_link" if classic else "record_link", expandable=bool(children),
                        children=tuple(children))

    def _fields_of(self, client: PlanningClient, record_type_id: str) -> Sequence[Field]:
        with self._lock:
            known = self._fields.get(record_type_id)
        if known is None:
            known = tuple(client.fields(record_type_id))
            with self._lock:
                self._fields[record_type_id] = known
        return known


def _type_ref(record_type: RecordType, workspace_id: str) -> RecordTypeRef:
    return RecordTypeRef(record_type.id, record_type.workspace_id or workspace_id, record_type.primary_field_id,
                         record_type.color, record_type.icon, record_type_classic_code(record_type))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]



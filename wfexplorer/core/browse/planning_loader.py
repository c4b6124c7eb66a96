"""Loads the Planning part of the browse tree: workspaces, record types, records, reference fields.

Record values carry the linked records' names (``{id, externalId, value}``), so a record's reference
fields and what they link to cost no request beyond the record type's field list (fetched once per
record type and kept; v1 sends it with the record types). A reference field whose linked record type's
fields are not kept yet fetches them when it is expanded, so expanding one of its linked records is
then one request (the record) and no expansion costs more than one. A link to an external record type
that mirrors a classic object (``externalOptions.objectName`` ``PROJECT``, ``USER``…) becomes the
classic object itself, so it opens in the same tree.

Record types and their records carry the record type's own ``icon`` and ``color`` names (``megaphone``,
``purple``) for the GUI to draw; a linked record carries them when its record type was listed before.
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
        self._types: dict[str, RecordTypeRef] = {}  # every record type listed so far, by id
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
        types = [(t, _type_ref(t, workspace.id)) for t in client.record_types(workspace.id)]
        with self._lock:
            for record_type, ref in types:
                self._types[ref.id] = ref
                if record_type.embedded_fields is not None:
                    self._fields[record_type.id] = record_type.embedded_fields
        children = tuple(NodeSpec(NodeKind.RECORD_TYPE, t.display_name, ref, detail=t.description or "",
                                  icon=ref.icon or "", color=ref.color or "", expandable=True, data=t.raw)
                         for t, ref in types)
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
                        icon=record_type.icon or "", color=record_type.color or "", expandable=True,
                        data=Packed.of(record.data))

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
        """The linked records (in hand from the record's values), after the linked record type's fields.

        Fetching those fields here, when they are not kept yet, is what makes expanding a linked record one
        request (the record itself) rather than two.
        """
        link: RecordLinkRef = request.payload
        field = next((f for f in self._fields_of(client, link.record.record_type.id) if f.id == link.field_id), None)
        if field is None:
            raise errors.NotFoundError("This reference field no longer exists.")
        if isinstance(request.known, Packed):
            value = request.known.unpack()
        else:
            value = client.record(link.record.id).data.get(field.id)
        if link.target_record_type_id and not link.external:
            self._fields_of(client, link.target_record_type_id)
        spec = self._link_spec(link.record, field, value)
        return LoadResult(request, spec.children or (), detail=spec.detail)

    def _link_spec(self, owner: RecordRef, field: Field, value: Any) -> NodeSpec:
        """A reference field of ``owner``: its linked records in hand when nothing more is needed to expand them.

        That is when they are classic objects or their record type's fields are kept; otherwise the field's
        own expansion fetches those fields first (:meth:`_link`). Either way the linked records are kept in
        ``data``, so that expansion sends nothing else.
        """
        options = _mapping(field.raw.get("referenceOptions"))
        target_id = str(options.get("recordTypeId") or field.linked_type or "") or None
        classic = field_classic_code(field)
        linked = _linked(value)
        payload = RecordLinkRef(owner, field.id, target_id, tuple(str(item["id"]) for item in linked), bool(classic))
        icon = "external_link" if classic else "record_link"
        detail = _link_detail([_item_name(item) for item in linked])
        with self._lock:
            ready = bool(classic) or not target_id or target_id in self._fields
        children = self._linked_specs(linked, self._target(target_id, classic), classic) if ready else None
        return NodeSpec(NodeKind.RECORD_LINK, field.display_name, payload, detail=detail, icon=icon,
                        expandable=bool(linked), children=children, data=Packed.of(linked))

    @staticmethod
    def _linked_specs(linked: Sequence[Mapping[str, Any]], target: RecordTypeRef,
                      classic: str | None) -> tuple[NodeSpec, ...]:
        """The rows of linked records (or, for an external link, of the classic objects they stand for)."""
        classic = classic or target.classic_code
        children: list[NodeSpec] = []
        for item in linked:
            name = _item_name(item)
            if classic and item.get("externalId"):
                children.append(NodeSpec(NodeKind.OBJECT, name, ObjectRef(classic, str(item["externalId"])),
                                         detail=f"Workfront {classic}", icon=classic, expandable=True))
            else:
                children.append(NodeSpec(NodeKind.RECORD, name, RecordRef(str(item["id"]), target),
                                         icon=target.icon or "", color=target.color or "", expandable=True))
        return tuple(children)

    def _target(self, record_type_id: str | None, classic: str | None) -> RecordTypeRef:
        """The linked record type as listed (with its primary field, icon and colour), else what the link says."""
        with self._lock:
            listed = self._types.get(record_type_id or "")
        return listed or RecordTypeRef(record_type_id or "", None, None, classic_code=classic)

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


def _linked(value: Any) -> list[Mapping[str, Any]]:
    """The linked records of a reference value (``{id, externalId, value}`` each)."""
    return [item for item in _as_list(value) if isinstance(item, Mapping) and item.get("id")]


def _item_name(item: Mapping[str, Any]) -> str:
    return _text(item.get("value")) or str(item.get("id"))


def _link_detail(names: Sequence[str]) -> str:
    """What a reference field's second column says: "(none)", the one linked name, or how many are linked."""
    return "(none)" if not names else (names[0] if len(names) == 1 else f"{len(names)} linked")


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]



"""Loads the classic part of the browse tree: object types, their objects, references and collections.

Each load is one HTTP request. When a load also needs metadata it does not have yet, that metadata
travels in the same ``/batch`` request as the data (the object list with the common types' metadata;
an object's reference and collection target types with the object), so it is known, and cached on disk,
before anyone expands those nodes. The one exception is a type met for the first time that was not
among those fetched ahead (an uncommon type node, an object opened by ID): its metadata comes first.

Types that Workfront serves only inside their owner (a user's team memberships, an access level's
permissions) are never searched: their type rows do not expand, and their collections are read from the
owner's answer. A type the server refuses that way for the first time joins them.

Thread-safe: it keeps no state of its own beyond the session's metadata catalog (which locks) and the set
of those types (only ever added to).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.browse import display
from wfexplorer.core.browse.collections import (
    AUDIT_REFERENCES,
    CHILD_ONLY_TYPES,
    refused_as_child_only,
    reverse_field,
)
from wfexplorer.core.browse.nodes import LinkRef, MessageRole, NodeKind, ObjectRef, ObjectTypeRef
from wfexplorer.core.browse.results import PAGE_SIZE, LoadRequest, LoadResult, NodeSpec
from wfexplorer.core.classic import paths
from wfexplorer.core.classic.metadata import LinkMeta, ObjectMeta
from wfexplorer.core.classic.session import Session

Call = tuple[str, str, Any]
NONE_TEXT = "(none)"
CHILD_ONLY_TEXT = "only inside its owner"


class ClassicLoader:
    """The classic loads, through one :class:`~wfexplorer.core.classic.session.Session`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._child_only: set[str] = set(CHILD_ONLY_TYPES)
        self._loads: dict[NodeKind, Callable[[LoadRequest], LoadResult]] = {
            NodeKind.CLASSIC: self._types,
            NodeKind.OBJECT_TYPE: self._type_objects,
            NodeKind.OBJECT: self._object,
            NodeKind.REFERENCE: self._reference,
            NodeKind.COLLECTION: self._collection,
        }

    def handles(self, kind: NodeKind) -> bool:
        """Whether this loader loads nodes of ``kind``."""
        return kind in self._loads

    def load(self, request: LoadRequest) -> LoadResult:
        """Load one node's children (blocking: run it off the GUI thread)."""
        return self._loads[request.kind](request)

    # -- object types ------------------------------------------------------------------------------

    def _types(self, request: LoadRequest) -> LoadResult:
        catalog = self.session.metadata
        if not catalog.has_object_list:
            self._send([], metadata_for=display.COMMON_TYPES, object_list=True)
        summaries = list(catalog.objects().values())
        needle = request.query.casefold()
        if needle:
            summaries = [s for s in summaries
                         if any(needle in text.casefold() for text in (s.label, s.obj_code, s.name))]
        order = {code: index for index, code in enumerate(display.COMMON_TYPES)}
        summaries.sort(key=lambda s: (order.get(s.obj_code.upper(), len(order)), s.label.casefold()))
        children = tuple(
            NodeSpec(NodeKind.OBJECT_TYPE, display.type_row_label(s.label, s.obj_code),
                     ObjectTypeRef(s.obj_code.upper(), s.name, s.label), icon=s.obj_code.upper(),
                     detail=CHILD_ONLY_TEXT if s.obj_code.upper() in self._child_only else "",
                     expandable=s.obj_code.upper() not in self._child_only)
            for s in summaries)
        return LoadResult(request, children, total=len(children))

    # -- objects of a type -------------------------------------------------------------------------

    def _type_objects(self, request: LoadRequest) -> LoadResult:
        kind: ObjectTypeRef = request.payload
        meta = self._describe(kind.code)
        if kind.code not in self._child_only:
            try:
                return self._search_page(request, meta, {})
            except errors.WorkfrontError as error:
                if not refused_as_child_only(error):
                    raise
                self._child_only.add(kind.code)
        note = (f"Workfront serves {meta.label} objects only inside the object that owns them: open them from "
                "the owner's collection.")
        return LoadResult(request, (NodeSpec(NodeKind.MESSAGE, note, MessageRole.INFO, icon="info"),),
                          detail=CHILD_ONLY_TEXT)

    def _search_page(self, request: LoadRequest, meta: ObjectMeta, where: Mapping[str, str]) -> LoadResult:
        """A sorted page of ``meta``'s objects matching ``where`` (the first page with the total)."""
        code = meta.obj_code.upper()
        name_field = display.display_field(meta)
        filters = [*where.items(), *self._name_filter(name_field, request.query)]
        fields = ",".join(["ID", *([name_field] if name_field else [])])
        sort = [(f"{name_field}_Sort", "asc")] if name_field else []
        listing = [*paths.stable_sort([*filters, ("fields", fields), *sort]),
                   ("$$FIRST", str(request.first)), ("$$LIMIT", str(PAGE_SIZE))]
        search: Call = ("GET", f"/{code.lower()}/search", listing)
        total: int | None
        if request.first == 0:
            counted, rows = self._send([("GET", f"/{code.lower()}/count", filters), search])
            total = _count(counted)
        else:
            (rows,) = self._send([search])
            total = None
        found = _rows(rows)
        children = tuple(self._object_spec(code, row, name_field, meta.label) for row in found)
        shown = request.first + len(found)
        known_total = total if total is not None else request.total
        more = shown < known_total if known_total is not None else len(found) == PAGE_SIZE
        return LoadResult(request, children, total=total, next_first=shown if more and found else None)

    @staticmethod
    def _name_filter(name_field: str | None, query: str) -> list[tuple[str, str]]:
        if not query or not name_field:
            return []
        return [(name_field, query), (f"{name_field}_Mod", "cicontains")]

    @staticmethod
    def _object_spec(code: str, row: Mapping[str, Any], name_field: str | None, type_label: str,
                     detail: str = "") -> NodeSpec:
        return NodeSpec(NodeKind.OBJECT, display.object_label(row, name_field, type_label),
                        ObjectRef(code, str(row["ID"])), detail=detail, icon=code, expandable=True, data=dict(row))

    # -- one object: its references and collections ------------------------------------------------

    def _object(self, request: LoadRequest) -> LoadResult:
        ref: ObjectRef = request.payload
        meta = self._describe(ref.code)
        references = sorted(meta.references.values(), key=lambda link: display.link_label(link).casefold())
        collections = sorted(meta.collections.values(), key=lambda link: display.link_label(link).casefold())
        name_field = display.display_field(meta)
        fields = [*([name_field] if name_field else []), *(link.name for link in references)]
        targets = [link.target_code for link in (*references, *collections)]
        (raw,) = self._send([("GET", f"/{ref.code.lower()}/{ref.id}", {"fields": ",".join(fields)})],
                            metadata_for=targets)
        data = _one(raw, ref)
        children = [self._reference_spec(ref, link, data.get(link.name)) for link in references]
        children += [NodeSpec(NodeKind.COLLECTION, display.link_label(link),
                              LinkRef(ref, link.name, link.target_code.upper()),
                              detail=self._type_text(link.target_code), icon="collection", expandable=True)
                     for link in collections]
        return LoadResult(request, tuple(children), label=display.object_label(data, name_field, meta.label),
                          data=data)

    def _reference(self, request: LoadRequest) -> LoadResult:
        link: LinkRef = request.payload
        (raw,) = self._send([("GET", f"/{link.owner.code.lower()}/{link.owner.id}", {"fields": link.name})],
                            metadata_for=[link.target_code])
        value = _one(raw, link.owner).get(link.name)
        spec = self._reference_spec(link.owner, self._link_meta(link), value)
        return LoadResult(request, spec.children or (), detail=spec.detail)

    def _reference_spec(self, owner: ObjectRef, link: LinkMeta, value: Any) -> NodeSpec:
        payload = LinkRef(owner, link.name, link.target_code.upper())
        if not isinstance(value, Mapping) or not value.get("ID"):
            return NodeSpec(NodeKind.REFERENCE, display.link_label(link), payload, detail=NONE_TEXT, icon="reference",
                            children=())
        code = str(value.get("objCode") or link.target_code).upper()
        target = self._known_meta(code)
        name_field = display.display_field(target) if target else "name"
        type_label = target.label if target else link.target_name
        child = self._object_spec(code, value, name_field, type_label, detail=self._type_text(code))
        return NodeSpec(NodeKind.REFERENCE, display.link_label(link), payload, detail=child.label, icon="reference",
                        expandable=True, children=(child,))

    # -- one collection of an object -----------------------------------------------------------------

    def _collection(self, request: LoadRequest) -> LoadResult:
        link: LinkRef = request.payload
        target = self._describe(link.target_code)
        reverse = reverse_field(link.owner.code, link.name, target)
        if reverse is not None and target.obj_code.upper() not in self._child_only:
            try:
                return self._search_page(request, target, {reverse: link.owner.id})
            except errors.WorkfrontError as error:
                if not refused_as_child_only(error):
                    raise
                self._child_only.add(target.obj_code.upper())
        return self._collection_from_owner(request, link, target)

    def _collection_from_owner(self, request: LoadRequest, link: LinkRef, target: ObjectMeta) -> LoadResult:
        """No search finds exactly this collection: cut the page from the owner's whole answer.

        Objects with no name of their own that join the owner to one other object (a user's team
        memberships, groups and roles) are named by that object: "Design Team", not "Team Member 5f3a…".
        """
        name_field = display.display_field(target)
        via = None if name_field else self._joined(target, link.owner.code)
        spec = (f"{link.name}:{name_field}" if name_field else f"{link.name}:{via}:name" if via else link.name)
        (raw,) = self._send([("GET", f"/{link.owner.code.lower()}/{link.owner.id}", {"fields": spec})])
        items = _rows(_one(raw, link.owner).get(link.name) or [])
        if via:
            items = [{**row, "name": row[via].get("name")} if isinstance(row.get(via), Mapping) else row
                     for row in items]
        if request.query:
            needle = request.query.casefold()
            items = [row for row in items if needle in display.object_label(row, name_field).casefold()]
        page = items[request.first:request.first + PAGE_SIZE]
        code = target.obj_code.upper()
        children = tuple(self._object_spec(str(row.get("objCode") or code).upper(), row, name_field, target.label,
                                           detail=target.label if via else "")
                         for row in page)
        shown = request.first + len(page)
        return LoadResult(request, children, total=len(items), next_first=shown if shown < len(items) else None)

    # -- helpers -------------------------------------------------------------------------------------

    @staticmethod
    def _joined(target: ObjectMeta, owner_code: str) -> str | None:
        """The one reference of ``target`` besides its owner, its audit trail and its customer (the Workfront
        tenant, on every object): a membership's team."""
        others = [name for name, link in target.references.items()
                  if link.target_code.upper() != owner_code.upper() and name not in AUDIT_REFERENCES
                  and name != "customer"]
        return others[0] if len(others) == 1 else None

    def _describe(self, code: str) -> ObjectMeta:
        """The type's metadata; when it is not in hand, fetched with the type list if that is missing too
        (one request either way)."""
        catalog = self.session.metadata
        if catalog.missing([code]) or not catalog.has_object_list:
            self._send([], metadata_for=[code], object_list=not catalog.has_object_list)
        return catalog.describe(code)

    def _known_meta(self, code: str) -> ObjectMeta | None:
        """Metadata already in hand for ``code`` (no request), else None."""
        catalog = self.session.metadata
        return None if catalog.missing([code]) else catalog.describe(code)

    def _type_text(self, code: str) -> str:
        meta = self._known_meta(code)
        return display.type_row_label(meta.label, code.upper()) if meta else code.upper()

    def _link_meta(self, link: LinkRef) -> LinkMeta:
        meta = self._describe(link.owner.code)
        found = meta.references.get(link.name) or meta.collections.get(link.name)
        if found is None:
            raise errors.NotFoundError(f"{meta.label} has no reference or collection {link.name!r}")
        return found

    def _send(self, calls: Sequence[Call], *, metadata_for: Iterable[str] = (), object_list: bool = False
              ) -> list[Any]:
        """Send ``calls`` and the metadata still missing for ``metadata_for`` as ONE request; return the calls' data.

        A call that fails raises its error; metadata the server refuses is skipped (the type is then
        described on first use, which raises there if the type really does not exist).
        """
        catalog = self.session.metadata
        missing = catalog.missing(metadata_for)
        extra: list[Call] = [("GET", "/metadata", None)] if object_list else []
        extra += [("GET", f"/{code.lower()}/metadata", None) for code in missing]
        every = [*extra, *calls]
        if len(every) == 1:
            method, path, params = every[0]
            answers: list[Any] = [self.session.request(method, path, params)]
        else:
            answers = self.session.batch(every, raise_errors=False)
        offset = 0
        if object_list:
            if isinstance(answers[0], errors.WorkfrontError):
                raise answers[0]
            catalog.accept_object_list(answers[0])
            offset = 1
        for code, answer in zip(missing, answers[offset:offset + len(missing)], strict=True):
            if not isinstance(answer, errors.WorkfrontError):
                catalog.accept(code, answer)
        results = answers[len(extra):]
        for result in results:
            if isinstance(result, errors.WorkfrontError):
                raise result
        return results


def _rows(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        data = list(data.values()) if all(isinstance(v, dict) for v in data.values()) else [data]
    if not isinstance(data, list):
        raise errors.ProtocolError("expected a list of objects")
    return [row for row in data if isinstance(row, dict) and row.get("ID")]


def _one(data: Any, ref: ObjectRef) -> dict[str, Any]:
    if isinstance(data, list):
        data = data[0] if data else None
    if not isinstance(data, dict):
        raise errors.NotFoundError(f"No {ref.code} with ID {ref.id}: it may have been deleted.")
    return data


def _count(data: Any) -> int:
    value = data.get("count") if isinstance(data, dict) else data
    if not isinstance(value, int):
        raise errors.ProtocolError(f"count answered {data!r}")
    return value

"""The Planning simulator's shared state and reads: lookups by ID, fields, records with computed values.

Everything derived from the store (fields per record type, records in manual order, record values with lookup
and system fields filled in) is cached on ``store.version(kind)``, so repeated reads and searches cost no
rebuild until something changes.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from wfexplorer.core.planning.filters.catalog import FieldCatalog, FieldInfo, SelectOption
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.planning import kinds
from wfexplorer.demo.planning.errors import PlanningError
from wfexplorer.demo.planning.options import Options
from wfexplorer.demo.planning.users import Directory
from wfexplorer.demo.store import Record

_LABELS = {
    kinds.WORKSPACE: ("Workspace", "workspaceId"),
    kinds.RECORD_TYPE: ("Record type", "recordTypeId"),
    kinds.FIELD: ("Field", "fieldId"),
    kinds.RECORD: ("Record", "recordId"),
    kinds.VIEW: ("View", "viewId"),
}


class Planning:
    """Access to Planning data for request handlers (one per running simulator)."""

    def __init__(self, context: DemoContext) -> None:
        self.context = context
        self.store = context.store
        self.options = Options(context)
        self.directory = Directory(context.store)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._cache: dict[Any, tuple[Any, Any]] = {}

    # -- generic ---------------------------------------------------------------------------

    def _cached(self, key: Any, versions: tuple[int, ...], build: Any) -> Any:
        hit = self._cache.get(key)
        if hit is not None and hit[0] == versions:
            return hit[1]
        value = build()
        self._cache[key] = (versions, value)
        return value

    def not_found(self, kind: str, record_id: str) -> PlanningError:
        """The 404 for a missing resource, naming its ID in ``messageArguments``."""
        label, argument = _LABELS.get(kind, ("Resource", "id"))
        return PlanningError(
            404,
            f"{label} with ID '{record_id}' was not found.",
            self.options.get("not_found_code"),
            message_arguments={argument: record_id},
        )

    def require(self, kind: str, record_id: str) -> Record:
        """The document or a 404."""
        record = self.store.get(kind, record_id)
        if record is None:
            raise self.not_found(kind, record_id)
        return record

    def ordered(self, kind: str, predicate: Any = None) -> list[Record]:
        """Documents of ``kind`` in creation order (``_seq``, then ID)."""
        rows: Iterable[Record] = self.store.table(kind).values()
        if predicate is not None:
            rows = [row for row in rows if predicate(row)]
        return sorted(rows, key=lambda row: (row.get("_seq", 0), row["ID"]))

    # -- record types and fields -----------------------------------------------------------

    def record_types_of(self, workspace_id: str) -> list[Record]:
        """Record types used in a workspace (its own and attached global ones), in creation order."""
        return self.ordered(
            kinds.RECORD_TYPE,
            lambda rt: rt.get("workspaceId") == workspace_id or workspace_id in (rt.get("dynamicWorkspaceIds") or []),
        )

    def fields_of(self, record_type_id: str) -> list[Record]:
        """The fields of a record type in display order."""
        table = self._fields_by_type()
        return table.get(record_type_id, [])

    def _fields_by_type(self) -> dict[str, list[Record]]:
        def build() -> dict[str, list[Record]]:
            grouped: dict[str, list[Record]] = {}
            for field in self.store.table(kinds.FIELD).values():
                grouped.setdefault(field["recordTypeId"], []).append(field)
            for rows in grouped.values():
                rows.sort(key=lambda row: (row.get("_seq", 0), row["ID"]))
            return grouped

        return self._cached("fields", (self.store.version(kinds.FIELD),), build)  # type: ignore[no-any-return]

    def field_index(self, record_type_id: str) -> dict[str, Record]:
        """Fields of a record type by ID and by alias (IDs win)."""

        def build() -> dict[str, Record]:
            index: dict[str, Record] = {}
            fields = self.fields_of(record_type_id)
            for field in fields:
                if field.get("alias"):
                    index.setdefault(field["alias"], field)
            for field in fields:
                index[field["ID"]] = field
            return index

        return self._cached(("fieldindex", record_type_id), (self.store.version(kinds.FIELD),), build)  # type: ignore[no-any-return]

    def field_of(self, record_type_id: str, key: str) -> Record | None:
        """A field of a record type by ID or alias."""
        return self.field_index(record_type_id).get(key)

    def base_type(self, field: Record, depth: int = 0) -> str:
        """The type whose values a field holds (a lookup's source field type; its own type otherwise)."""
        if field.get("type") != kinds.LOOKUP or depth > 5:
            return str(field.get("type"))
        source = self.store.get(kinds.FIELD, str((field.get("lookupOptions") or {}).get("sourceFieldId", "")))
        return "TEXT" if source is None else self.base_type(source, depth + 1)

    def catalog(self, record_type_id: str) -> FieldCatalog:
        """The filter model's view of a record type's fields."""

        def build() -> FieldCatalog:
            infos = []
            for field in self.fields_of(record_type_id):
                linked = self.base_type(field) if field.get("type") == kinds.LOOKUP else None
                options = field.get("options") or []
                if linked in ("SINGLE_SELECT", "MULTI_SELECT"):
                    source = self._lookup_source(field)
                    options = (source or {}).get("options") or []
                infos.append(FieldInfo(
                    id=field["ID"],
                    name=str(field.get("displayName") or ""),
                    type=str(field.get("type")),
                    alias=field.get("alias"),
                    linked_type=linked,
                    options=tuple(
                        SelectOption(str(o.get("name")), str(o.get("displayName") or ""), o.get("color"))
                        for o in options
                    ),
                    is_external=bool((field.get("referenceOptions") or {}).get("isExternal")),
                ))
            return FieldCatalog(tuple(infos))

        return self._cached(("catalog", record_type_id), (self.store.version(kinds.FIELD),), build)  # type: ignore[no-any-return]

    def _lookup_source(self, field: Record, depth: int = 0) -> Record | None:
        source = self.store.get(kinds.FIELD, str((field.get("lookupOptions") or {}).get("sourceFieldId", "")))
        if source is not None and source.get("type") == kinds.LOOKUP and depth < 5:
            return self._lookup_source(source, depth + 1)
        return source

    # -- records ---------------------------------------------------------------------------

    def _records_by_type(self) -> dict[str, list[Record]]:
        def build() -> dict[str, list[Record]]:
            grouped: dict[str, list[Record]] = {}
            for record in self.store.table(kinds.RECORD).values():
                grouped.setdefault(record["recordTypeId"], []).append(record)
            for rows in grouped.values():
                rows.sort(key=lambda row: (row.get("_pos", 0.0), row["ID"]))
            return grouped

        return self._cached("records", (self.store.version(kinds.RECORD),), build)  # type: ignore[no-any-return]

    def records_of(self, record_type_id: str) -> list[Record]:
        """Records of a record type in manual (move) order."""
        return self._records_by_type().get(record_type_id, [])

    def count_records(self, record_type_id: str) -> int:
        """How many records a record type has."""
        return len(self.records_of(record_type_id))

    def values_of(self, record_type_id: str) -> dict[str, dict[str, Any]]:
        """Every record's complete values (stored, formula, lookup and system fields), by record ID."""
        versions = (self.store.version(kinds.RECORD), self.store.version(kinds.FIELD))

        def build() -> dict[str, dict[str, Any]]:
            building = self._building()
            building.add(record_type_id)
            try:
                return self._build_values(record_type_id, 0)
            finally:
                building.discard(record_type_id)

        return self._cached(("values", record_type_id), versions, build)  # type: ignore[no-any-return]

    def _building(self) -> set[str]:
        """Record types whose values this thread is computing (lookup cycles are cut off by depth)."""
        building = getattr(self._local, "building", None)
        if building is None:
            building = self._local.building = set()
        return building  # type: ignore[no-any-return]

    def rows_of(self, record_type_id: str) -> list[tuple[Record, dict[str, Any]]]:
        """``(record, complete values)`` pairs in manual order (what searches scan)."""
        versions = (self.store.version(kinds.RECORD), self.store.version(kinds.FIELD))

        def build() -> list[tuple[Record, dict[str, Any]]]:
            values = self.values_of(record_type_id)
            return [(record, values[record["ID"]]) for record in self.records_of(record_type_id)]

        return self._cached(("rows", record_type_id), versions, build)  # type: ignore[no-any-return]

    def record_json_v2(self, record: Record, values: dict[str, Any], render: Any) -> str:
        """The JSON text of a plain v2 ``RecordDto`` (no alias, no projection), cached per record version."""
        versions = (self.store.version(kinds.RECORD), self.store.version(kinds.FIELD),
                    self.store.version(kinds.RECORD_TYPE), self.store.version("USER"))
        cache = self._cached("recordjson", versions, dict)
        text = cache.get(record["ID"])
        if text is None:
            text = json.dumps(render(self, record, values=values), separators=(",", ":"))
            cache[record["ID"]] = text
        return str(text)

    def _build_values(self, record_type_id: str, depth: int) -> dict[str, dict[str, Any]]:
        fields = self.fields_of(record_type_id)
        system = [(f["ID"], kinds.SYSTEM_SOURCE[f["type"]], f["type"])
                  for f in fields if f["type"] in kinds.SYSTEM_SOURCE]
        lookups = [f for f in fields if f["type"] == kinds.LOOKUP]
        lookup_sources: list[tuple[str, str, str, str | None, dict[str, dict[str, Any]]]] = []
        for field in lookups:
            options = field.get("lookupOptions") or {}
            reference = self.store.get(kinds.FIELD, str(options.get("referenceFieldId", "")))
            if reference is None or depth > 4:
                continue
            target = str((reference.get("referenceOptions") or {}).get("recordTypeId", ""))
            target_values = (
                self._build_values(target, depth + 1) if depth > 0 or target in self._building()
                else self.values_of(target)
            )
            lookup_sources.append((field["ID"], reference["ID"], str(options.get("sourceFieldId", "")),
                                   options.get("rollup"), target_values))
        ims_of = self.directory.ims_of
        result: dict[str, dict[str, Any]] = {}
        for record in self.records_of(record_type_id):
            values = dict(record.get("data") or {})
            for field_id, source, type_name in system:
                raw = record.get(source)
                values[field_id] = ims_of(raw) if type_name.endswith("_BY") else raw
            for field_id, reference_id, source_id, rollup, target_values in lookup_sources:
                linked = values.get(reference_id) or []
                collected: list[Any] = []
                for linked_id in linked:
                    value = (target_values.get(linked_id) or {}).get(source_id)
                    if isinstance(value, list):
                        collected.extend(value)
                    elif value is not None:
                        collected.append(value)
                values[field_id] = rollup_values(collected, rollup)
            result[record["ID"]] = values
        return result

    # -- people and permissions ------------------------------------------------------------

    def acl(self, resource_type: str, resource_id: str) -> Record:
        """The stored sharing settings of a resource (empty defaults when never set)."""
        return self.store.get(kinds.ACL, f"{resource_type}:{resource_id}") or {
            "ID": f"{resource_type}:{resource_id}", "members": [], "inherited": True, "wildcard": None,
        }

    def workspace_of(self, resource_type: str, resource: Record) -> str | None:
        """The workspace a resource belongs to."""
        if resource_type == "workspaces":
            return str(resource["ID"])
        if resource_type == "record-types":
            return resource.get("workspaceId")
        if resource_type in ("records", "views"):
            if resource_type == "records" and resource.get("workspaceId"):
                return str(resource["workspaceId"])
            rt = self.store.get(kinds.RECORD_TYPE, str(resource.get("recordTypeId", "")))
            return None if rt is None else rt.get("workspaceId")
        return None

    def role_of(self, user_id: str, resource_type: str, resource: Record) -> str | None:
        """The caller's role on a resource: ``manager``, ``editor``, ``viewer`` or None (no access).

        Administrators and workspace owners manage everything; otherwise the resource's own member list
        wins, then the record type's (for records and views), then the workspace's. A record type whose
        inheritance is off gives workspace members view-only access.
        """
        person = self.directory.by_wf(user_id)
        if person is not None and person.is_admin:
            return "manager"
        own = self._member_role(self.acl(resource_type, str(resource["ID"])), user_id, person)
        if own:
            return own
        if resource_type in ("records", "views"):
            rt = self.store.get(kinds.RECORD_TYPE, str(resource.get("recordTypeId", "")))
            if rt is not None:
                return self.role_of(user_id, "record-types", rt)
        workspace_id = self.workspace_of(resource_type, resource)
        workspace = self.store.get(kinds.WORKSPACE, workspace_id) if workspace_id else None
        if workspace is None:
            return None
        if workspace.get("ownerId") in (user_id, person.ims_id if person else None):
            return "manager"
        role = self._member_role(self.acl("workspaces", workspace["ID"]), user_id, person)
        if role and resource_type == "record-types" and not self.acl(resource_type, str(resource["ID"])).get(
            "inherited", True
        ):
            return "viewer"
        return role

    def _member_role(self, acl: Mapping[str, Any], user_id: str, person: Any) -> str | None:
        """The highest role the member list gives the user, directly or through a group, team, role or company."""
        ids = {user_id} | ({person.ims_id} if person is not None else set())
        memberships: set[tuple[str, str]] | None = None
        best: str | None = None
        for member in acl.get("members") or []:
            kind, subject = member.get("subjectType"), member.get("subjectId")
            if kind == "user":
                matches = subject in ids
            else:
                memberships = self._memberships(user_id) if memberships is None else memberships
                matches = (kind, subject) in memberships
            role = str(member.get("role"))
            if matches and _ROLE_RANK.get(role, 0) > _ROLE_RANK.get(best, 0):
                best = role
        return best

    def _memberships(self, user_id: str) -> set[tuple[str, str]]:
        """``(subjectType, id)`` of the classic groups, teams, job roles and company the user belongs to."""
        user = self.store.get("USER", user_id) or {}
        found = {(kind, str(user[key])) for kind, key in (("group", "homeGroupID"), ("team", "homeTeamID"),
                                                          ("role", "roleID"), ("company", "companyID"))
                 if user.get(key)}
        for objcode, kind, key in (("USRGPS", "group", "groupID"), ("TEAMMB", "team", "teamID"),
                                   ("USRROL", "role", "roleID")):
            found.update((kind, str(row[key])) for row in self.store.table(objcode).values()
                         if row.get("userID") == user_id and row.get(key))
        return found


_ROLE_RANK: dict[str | None, int] = {"viewer": 1, "editor": 2, "manager": 3}


def rollup_values(values: list[Any], rollup: str | None) -> Any:
    """Apply a lookup rollup (``sum``/``avg``/``min``/``max``/``count``/``dist``); no rollup keeps the list."""
    name = (rollup or "").lower()
    if not name:
        return values
    if name == "count":
        return len(values)
    if name == "dist":
        seen: list[Any] = []
        for value in values:
            if value not in seen:
                seen.append(value)
        return seen
    numbers = [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return None
    if name == "sum":
        return sum(numbers)
    if name == "avg":
        return sum(numbers) / len(numbers)
    if name == "min":
        return min(numbers)
    if name == "max":
        return max(numbers)
    return values

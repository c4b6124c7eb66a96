"""Planning objects as the client returns them, the same for v1 and v2 answers.

Each model reads the properties the explorer needs and keeps the whole server body in ``raw``, so nothing the
server sent is lost. The differences between the versions are absorbed here: v2 audit users are
``{id, name}`` objects and v1 ones plain id strings (both become ``UserRef``); v1 embeds a ``permission``
string where v2 has a Permissions API; v1 record types embed their fields and v1 workspaces their record types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core.planning.filters import (
    FieldCatalog,
    FieldInfo,
    FieldKind,
    Group,
    SelectOption,
    view_filter_from_v2,
)


@dataclass(frozen=True)
class UserRef:
    """A user named by the server: an id (IMS in v2 bodies, Workfront in v1 ones) and, in v2, a name."""

    id: str
    name: str | None = None

    @classmethod
    def parse(cls, raw: Any) -> UserRef | None:
        """From ``{"id", "name"}`` (v2), a plain id string (v1) or None."""
        if isinstance(raw, Mapping) and raw.get("id"):
            return cls(str(raw["id"]), raw.get("name"))
        if isinstance(raw, str) and raw:
            return cls(raw)
        return None


@dataclass(frozen=True)
class Audit:
    """Who created and last updated an object, and when (``yyyy-MM-ddTHH:mm:ss.SSSZ`` strings)."""

    created_by: UserRef | None = None
    created_at: str | None = None
    updated_by: UserRef | None = None
    updated_at: str | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Audit:
        """From any DTO's audit keys."""
        return cls(
            created_by=UserRef.parse(raw.get("createdBy")),
            created_at=raw.get("createdAt"),
            updated_by=UserRef.parse(raw.get("updatedBy")),
            updated_at=raw.get("updatedAt"),
        )


def _str(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Workspace:
    """A Planning workspace. ``permission`` is v1's embedded level (``manage``/``edit``/``view``/``none``)."""

    id: str
    name: str
    alias: str | None = None
    description: str | None = None
    color: str | None = None
    icon: str | None = None
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    permission: str | None = None
    audit: Audit = field(default_factory=Audit)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Workspace:
        """From a v2 ``WorkspaceBaseDto`` or v1 ``WorkspaceDto``."""
        sections = tuple(
            (str(s.get("displayName") or s.get("name") or ""), tuple(s.get("recordTypeIds") or ()))
            for s in raw.get("recordTypeSections") or ()
            if isinstance(s, Mapping)
        )
        return cls(
            id=_str(raw, "id"), name=_str(raw, "name"), alias=raw.get("alias"), description=raw.get("description"),
            color=raw.get("color"), icon=raw.get("icon"), sections=sections, permission=raw.get("permission"),
            audit=Audit.parse(raw), raw=dict(raw),
        )  # fmt: skip

    @property
    def record_type_ids(self) -> tuple[str, ...]:
        """The ids of the record types in its sections, in display order."""
        return tuple(rt for _, ids in self.sections for rt in ids)


@dataclass(frozen=True)
class RecordType:
    """A record type. ``workspace_id`` is the (primary) workspace; v1 embeds ``fields``, v2 does not."""

    id: str
    display_name: str
    alias: str | None = None
    description: str | None = None
    workspace_id: str | None = None
    primary_field_id: str | None = None
    color: str | None = None
    icon: str | None = None
    is_external: bool = False
    is_global: bool = False
    permission: str | None = None
    embedded_fields: tuple[Field, ...] | None = None
    audit: Audit = field(default_factory=Audit)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any], workspace_id: str | None = None) -> RecordType:
        """From a v2 ``RecordTypeDto`` or v1 ``RecordTypeDto``."""
        fields = raw.get("fields")
        return cls(
            id=_str(raw, "id"), display_name=_str(raw, "displayName"), alias=raw.get("alias"),
            description=raw.get("description"),
            workspace_id=raw.get("primaryWorkspaceId") or raw.get("workspaceId") or workspace_id,
            primary_field_id=raw.get("primaryFieldId"), color=raw.get("color"), icon=raw.get("icon"),
            is_external=bool(raw.get("isExternal")), is_global=bool(raw.get("isGlobal")),
            permission=raw.get("permission"),
            embedded_fields=None if fields is None else tuple(Field.parse(f) for f in fields if isinstance(f, Mapping)),
            audit=Audit.parse(raw), raw=dict(raw),
        )  # fmt: skip


@dataclass(frozen=True)
class Field:
    """A field of a record type. ``type`` is the server's string (v2 ``SINGLE_SELECT``, v1 ``single-select``)."""

    id: str
    display_name: str
    type: str
    alias: str | None = None
    description: str | None = None
    options: tuple[SelectOption, ...] = ()
    linked_type: str | None = None
    is_external: bool = False
    multiple: bool = False
    audit: Audit = field(default_factory=Audit)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Field:
        """From a v1 or v2 ``FieldDto``."""
        info = FieldInfo.from_dto(raw)
        reference = raw.get("referenceOptions") or {}
        users = raw.get("userOptions") or {}
        multiple = bool(reference.get("multiple")) if isinstance(reference, Mapping) else False
        if isinstance(users, Mapping) and users.get("multipleUsersAllowed"):
            multiple = True
        return cls(
            id=info.id, display_name=info.name, type=info.type, alias=info.alias, description=raw.get("description"),
            options=info.options, linked_type=info.linked_type, is_external=info.is_external,
            multiple=multiple or info.kind is FieldKind.MULTI_SELECT, audit=Audit.parse(raw), raw=dict(raw),
        )  # fmt: skip

    @property
    def kind(self) -> FieldKind | None:
        """The documentation's kind of this field (``FieldKind.LOOKUP`` for lookups), None if unknown."""
        return self.info.kind

    @property
    def info(self) -> FieldInfo:
        """What the filter model needs to know about this field."""
        return FieldInfo(
            id=self.id, name=self.display_name, type=self.type, alias=self.alias, linked_type=self.linked_type,
            options=self.options, is_external=self.is_external,
        )  # fmt: skip


@dataclass(frozen=True)
class Record:
    """A record: its values in ``data`` keyed by field id (by alias when fetched ``aliased``)."""

    id: str
    record_type_id: str | None
    data: dict[str, Any]
    thumbnail_url: str | None = None
    audit: Audit = field(default_factory=Audit)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any], record_type_id: str | None = None) -> Record:
        """From a v1 or v2 ``RecordDto``."""
        data = raw.get("data")
        return cls(
            id=_str(raw, "id"), record_type_id=raw.get("recordTypeId") or record_type_id,
            data=dict(data) if isinstance(data, Mapping) else {}, thumbnail_url=raw.get("thumbnailUrl"),
            audit=Audit.parse(raw), raw=dict(raw),
        )  # fmt: skip


@dataclass(frozen=True)
class View:
    """A saved view of a record type (v2). ``filter`` is the raw array of filter nodes the view stores."""

    id: str
    name: str
    type: str
    record_type_id: str | None = None
    filter: tuple[Any, ...] = ()
    sorting: tuple[Any, ...] = ()
    grouping: tuple[Any, ...] = ()
    is_hidden: bool = False
    audit: Audit = field(default_factory=Audit)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> View:
        """From a ``ViewDto``."""
        return cls(
            id=_str(raw, "id"), name=_str(raw, "name"), type=_str(raw, "type"), record_type_id=raw.get("recordTypeId"),
            filter=tuple(raw.get("filter") or ()), sorting=tuple(raw.get("sorting") or ()),
            grouping=tuple(raw.get("grouping") or ()), is_hidden=bool(raw.get("isHidden")),
            audit=Audit.parse(raw), raw=dict(raw),
        )  # fmt: skip

    def filter_group(self, fields: FieldCatalog | None = None) -> Group:
        """The view's filter as one root AND group for the filter builder (``FilterError`` if malformed)."""
        return view_filter_from_v2(list(self.filter), fields)


@dataclass(frozen=True)
class HistoryEntry:
    """One changed field of one record write: the value before and after, and the field as it was then."""

    id: str
    record_id: str
    field_id: str | None
    created_by: str | None
    created_at: str | None
    before: Any
    after: Any
    field_snapshot: dict[str, Any] | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> HistoryEntry:
        """From a ``HistoryEntryDto``."""
        before = raw.get("before") or {}
        after = raw.get("after") or {}
        snapshot = (after if isinstance(after, Mapping) else {}).get("fieldSnapshot") or (
            before if isinstance(before, Mapping) else {}).get("fieldSnapshot")
        created_by = raw.get("createdBy")
        return cls(
            id=_str(raw, "id"), record_id=_str(raw, "recordId"), field_id=raw.get("fieldId"),
            created_by=created_by.get("id") if isinstance(created_by, Mapping) else created_by,
            created_at=raw.get("createdAt"),
            before=before.get("value") if isinstance(before, Mapping) else before,
            after=after.get("value") if isinstance(after, Mapping) else after,
            field_snapshot=dict(snapshot) if isinstance(snapshot, Mapping) else None, raw=dict(raw),
        )  # fmt: skip


#: v1's embedded permission level -> the v2 flags it implies.
_LEVEL_FLAGS = {
    "manage": (True, True, True, True),
    "edit": (True, True, True, True),
    "view": (True, False, False, False),
    "none": (False, False, False, False),
}


@dataclass(frozen=True)
class Permissions:
    """What the caller may do with a resource. ``level`` is v1's embedded string when that is the source."""

    can_view: bool
    can_edit: bool
    can_delete: bool
    can_add: bool
    level: str | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Permissions:
        """From a v2 ``PermissionDto``."""
        return cls(bool(raw.get("canView")), bool(raw.get("canEdit")), bool(raw.get("canDelete")),
                   bool(raw.get("canAdd")))

    @classmethod
    def from_level(cls, level: str | None) -> Permissions:
        """From v1's ``permission`` string (``manage``/``edit``/``view``/``none``)."""
        flags = _LEVEL_FLAGS.get(level or "none", _LEVEL_FLAGS["none"])
        return cls(*flags, level=level)


@dataclass(frozen=True)
class Member:
    """One subject with a role on a resource (v2 permissions)."""

    subject_id: str
    subject_type: str
    role: str
    name: str | None = None
    avatar_url: str | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Member:
        """From a ``MemberPermissionDto``."""
        return cls(_str(raw, "subjectId"), _str(raw, "subjectType"), _str(raw, "role"), raw.get("name"),
                   raw.get("avatarUrl"))


@dataclass(frozen=True)
class AccessRequest:
    """A pending request for access to a resource (v2)."""

    id: str
    message: str | None
    requester: UserRef | None
    requester_email: str | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> AccessRequest:
        """From an ``AccessRequestDto``."""
        requester = raw.get("requester") or {}
        return cls(_str(raw, "id"), raw.get("message"), UserRef.parse(requester),
                   requester.get("email") if isinstance(requester, Mapping) else None)

"""The field catalogue a filter is validated against: what the model needs to know about each field.

``FieldInfo`` is deliberately small and plain so that the Planning client (from ``FieldDto`` bodies) and the
simulator (from its stored fields) can both build it. ``FieldCatalog`` finds a field by ID or alias, because v2
accepts either in ``fieldId``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core.planning.filters.field_types import FieldKind, allowed_conditions, kind_of
from wfexplorer.core.planning.filters.vocabulary import ConditionType


@dataclass(frozen=True, slots=True)
class SelectOption:
    """One option of a single- or multi-select field: its server ``name`` (what records store) and label."""

    name: str
    display_name: str = ""
    color: str | None = None


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """What the filter model knows about one field.

    ``type`` is the server's type string (v2 names such as ``SINGLE_SELECT`` preferred; documentation names are
    understood too). For a lookup field, ``linked_type`` is the type of the field it looks up.
    """

    id: str
    name: str = ""
    type: str = ""
    alias: str | None = None
    linked_type: str | None = None
    options: tuple[SelectOption, ...] = ()
    is_external: bool = False
    # Derived once (validation asks for them for every condition).
    _kind: FieldKind | None = field(default=None, init=False, compare=False, repr=False)
    _effective: FieldKind | None = field(default=None, init=False, compare=False, repr=False)
    _allowed: tuple[ConditionType, ...] = field(default=(), init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        own = kind_of(self.type)
        effective = own
        if own is FieldKind.LOOKUP:
            linked = kind_of(self.linked_type)
            effective = None if linked is FieldKind.LOOKUP else linked
        object.__setattr__(self, "_kind", own)
        object.__setattr__(self, "_effective", effective)
        object.__setattr__(self, "_allowed", allowed_conditions(effective))

    @property
    def kind(self) -> FieldKind | None:
        """The field's own kind (``LOOKUP`` for a lookup); None for a type the model does not know."""
        return self._kind

    @property
    def effective_kind(self) -> FieldKind | None:
        """The kind whose conditions apply: the linked field's kind for a lookup, the own kind otherwise."""
        return self._effective

    @property
    def allowed_conditions(self) -> tuple[ConditionType, ...]:
        """The conditions a filter may use on this field."""
        return self._allowed

    @property
    def label(self) -> str:
        """A human name for messages: the display name, else the alias, else the id."""
        return self.name or self.alias or self.id

    def option_named(self, value: object) -> SelectOption | None:
        """The option whose name (or, failing that, display name) equals ``value``."""
        for option in self.options:
            if option.name == value:
                return option
        for option in self.options:
            if option.display_name and option.display_name == value:
                return option
        return None

    @classmethod
    def from_dto(cls, dto: Mapping[str, Any]) -> FieldInfo:
        """Build from a v1 or v2 ``FieldDto`` body (unknown keys ignored, missing ones defaulted)."""
        linked = None
        lookup = dto.get("lookupOptions") or {}
        source = lookup.get("sourceField") or dto.get("linkedField") or {}
        if isinstance(source, Mapping):
            linked = source.get("type")
        reference = dto.get("referenceOptions") or {}
        type_name = str(dto.get("type") or "")
        # Servers that must stay inside the v2 type enum report lookups and system fields with a stand-in type
        # (a lookup as its source's type, created-by as USER ...) and keep the real one in metadata.originType.
        metadata = dto.get("metadata")
        origin = metadata.get("originType") if isinstance(metadata, Mapping) else None
        origin_kind = kind_of(origin) if isinstance(origin, str) else None
        if origin_kind is not None and origin_kind is not kind_of(type_name):
            if origin_kind is FieldKind.LOOKUP:
                linked = linked or type_name
            type_name = str(origin)
        raw_options = dto.get("options") or ()
        if not raw_options and isinstance(source, Mapping):
            raw_options = source.get("options") or ()
        options = tuple(
            SelectOption(
                name=str(option.get("name", "")),
                display_name=str(option.get("displayName") or ""),
                color=option.get("color"),
            )
            for option in raw_options
            if isinstance(option, Mapping)
        )
        return cls(
            id=str(dto.get("id", "")),
            name=str(dto.get("displayName") or ""),
            type=type_name,
            alias=dto.get("alias"),
            linked_type=linked,
            options=options,
            is_external=bool(reference.get("isExternal", False)) if isinstance(reference, Mapping) else False,
        )


@dataclass(frozen=True)
class FieldCatalog:
    """The fields of one record type, looked up by ID or alias."""

    fields: tuple[FieldInfo, ...] = ()
    _index: dict[str, FieldInfo] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        index: dict[str, FieldInfo] = {}
        for info in self.fields:
            if info.alias:
                index.setdefault(info.alias, info)
        for info in self.fields:
            index[info.id] = info  # ids win over aliases
        object.__setattr__(self, "_index", index)

    @classmethod
    def of(cls, fields: FieldCatalog | Iterable[FieldInfo] | None) -> FieldCatalog:
        """A catalogue from a catalogue, an iterable of ``FieldInfo`` or None (empty)."""
        if isinstance(fields, FieldCatalog):
            return fields
        return cls(tuple(fields or ()))

    @classmethod
    def from_dtos(cls, dtos: Iterable[Mapping[str, Any]]) -> FieldCatalog:
        """A catalogue from v1/v2 ``FieldDto`` bodies."""
        return cls(tuple(FieldInfo.from_dto(dto) for dto in dtos))

    def get(self, key: str) -> FieldInfo | None:
        """The field with this ID or alias, or None."""
        return self._index.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[FieldInfo]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

"""What the builder needs to know about each field beyond the filter model's ``FieldInfo``.

A value editor needs more than the condition table: the record type a reference points at (to search it), whether
that is an external (Workfront, AEM) record type, whether a field holds one value or many, a currency's code and
a number's precision, and, for a lookup, the field it looks up. ``BuilderField.of(field)`` reads these from a
``Field`` of either API version (v1 and v2 ``FieldDto`` bodies keep them in the same places).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wfexplorer.core.planning.filters import FieldCatalog, FieldInfo, FieldKind, SelectOption
from wfexplorer.core.planning.models import Field


@dataclass(frozen=True)
class BuilderField:
    """One field as the builder's pickers and editors see it."""

    info: FieldInfo
    reference_record_type_id: str | None = None
    multiple: bool = False
    currency: str | None = None
    precision: int | None = None
    description: str | None = None

    @property
    def id(self) -> str:
        """The field id."""
        return self.info.id

    @property
    def label(self) -> str:
        """The display name (else alias, else id)."""
        return self.info.label

    @property
    def kind(self) -> FieldKind | None:
        """The kind whose conditions and editors apply (a lookup's linked kind)."""
        return self.info.effective_kind

    @property
    def own_kind(self) -> FieldKind | None:
        """The field's own kind (``LOOKUP`` for a lookup)."""
        return self.info.kind

    @property
    def options(self) -> tuple[SelectOption, ...]:
        """Select options, in the field's order."""
        return self.info.options

    @property
    def is_external(self) -> bool:
        """True for a reference to an external record type (values may be matched by external id)."""
        return self.info.is_external

    @property
    def filterable(self) -> bool:
        """True when a filter can use this field at all."""
        return bool(self.info.allowed_conditions)

    @classmethod
    def of(cls, field: Field) -> BuilderField:
        """From a client ``Field`` (its ``raw`` DTO supplies what ``FieldInfo`` leaves out)."""
        raw = field.raw
        source = _source(raw)
        reference = _mapping(source.get("referenceOptions")) or _mapping(raw.get("referenceOptions"))
        numbers = _mapping(source.get("numberOptions")) or _mapping(raw.get("numberOptions"))
        target = reference.get("recordTypeId")
        precision = numbers.get("precision")
        info = field.info
        if not info.is_external and reference.get("isExternal"):
            info = FieldInfo(info.id, info.name, info.type, info.alias, info.linked_type, info.options, True)
        return cls(
            info=info,
            reference_record_type_id=str(target) if target else None,
            multiple=field.multiple or bool(reference.get("multiple")),
            currency=str(numbers["currency"]) if numbers.get("currency") else None,
            precision=int(precision) if isinstance(precision, int | float) else None,
            description=field.description,
        )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _source(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """A lookup's source field DTO (where its reference and number options live); {} for other fields."""
    lookup = _mapping(raw.get("lookupOptions"))
    return _mapping(lookup.get("sourceField")) or _mapping(raw.get("linkedField"))


class BuilderFields:
    """The fields of one record type for the builder: in display order, by id or alias, and as a catalogue."""

    def __init__(self, fields: Iterable[BuilderField] = ()) -> None:
        self.fields: tuple[BuilderField, ...] = tuple(fields)
        self.catalog = FieldCatalog(tuple(field.info for field in self.fields))
        self._by_id = {field.id: field for field in self.fields}

    @classmethod
    def of(cls, fields: Iterable[Field]) -> BuilderFields:
        """From the client's ``Field`` objects."""
        return cls(BuilderField.of(field) for field in fields)

    def get(self, key: str) -> BuilderField | None:
        """The field with this id or alias."""
        info = self.catalog.get(key)
        return None if info is None else self._by_id.get(info.id)

    def filterable(self) -> tuple[BuilderField, ...]:
        """The fields a filter can use, in display order."""
        return tuple(field for field in self.fields if field.filterable)

    def __iter__(self) -> Iterator[BuilderField]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

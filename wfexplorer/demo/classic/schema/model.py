"""The building blocks of the classic object model: objects, fields, references, collections, actions.

Every definition is a frozen dataclass. Behaviour that other modules need to follow a reference or
a collection lives here as small methods, so the query, projection and HTTP code never has to know
how a link is stored:

- :meth:`ReferenceDef.target_code` / :meth:`ReferenceDef.target_id` tell which record a reference
  points at (including polymorphic references such as ``objID`` + ``noteObjCode``).
- :meth:`CollectionDef.link_values` gives the equalities a target row must satisfy;
  :meth:`CollectionDef.matches` tests one row; :meth:`CollectionDef.rows` is the plain (unindexed)
  evaluation against anything with a ``table(kind)`` method (``Store`` or ``Transaction``).

Keys starting with ``_`` are internal: they may be defined (``FieldDef("_password")``) so code can
document them, but :attr:`ObjectDef.public_fields` leaves them out and metadata never shows them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from wfexplorer.demo.classic.versions import serves

Record = dict[str, Any]

FIELD_TYPES = ("string", "int", "double", "dateTime", "date", "boolean", "string[]")
"""Values :attr:`FieldDef.field_type` may take (as ``fieldType`` in ``/{obj}/metadata``)."""


class TableReader(Protocol):
    """Anything that returns the records of a kind keyed by ID (``Store``, ``Transaction``)."""

    def table(self, kind: str) -> Mapping[str, Record]: ...


_LABEL_WORDS = {"ID": "ID", "URL": "URL", "Obj": "Object", "Ext": "External", "Ref": "Reference"}


def label_for(name: str) -> str:
    """Derive a Workfront-style label from a camelCase API name (``extRefID`` → ``External Reference ID``)."""
    if not name:
        return name
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)
    if not words:
        return name
    out = [_LABEL_WORDS.get(word[:1].upper() + word[1:], word[:1].upper() + word[1:]) for word in words]
    return " ".join(out)


@dataclass(frozen=True)
class PossibleValue:
    """One value of an enum field (``possibleValues`` entry): the stored ``value`` and its ``label``."""

    value: str | int
    label: str


@dataclass(frozen=True)
class FieldDef:
    """A scalar field of an object.

    ``field_type`` is one of :data:`FIELD_TYPES`. An enum field has ``enum_type`` (the Java enum
    class, shown in metadata) and ``possible_values``. ``required`` fields must be present on
    create; ``read_only`` fields are computed and rejected (or ignored) on write; ``default`` is the
    value a create fills in when the client leaves the field out. Names starting with ``_`` are
    internal and never output.
    """

    name: str
    field_type: str = "string"
    label: str = ""
    enum_type: str | None = None
    possible_values: tuple[PossibleValue, ...] = ()
    flags: tuple[str, ...] = ()
    required: bool = False
    read_only: bool = False
    default: Any = None

    def __post_init__(self) -> None:
        if self.field_type not in FIELD_TYPES:
            raise ValueError(f"unknown field type {self.field_type!r} for {self.name}")
        if not self.label:
            object.__setattr__(self, "label", label_for(self.name))

    @property
    def internal(self) -> bool:
        """Whether this is an internal key (never output, never accepted from clients)."""
        return self.name.startswith("_")

    @property
    def is_enum(self) -> bool:
        """Whether the field has a fixed list of possible values."""
        return bool(self.possible_values)

    def allowed_values(self) -> tuple[str | int, ...]:
        """Return the enum's values (empty for a free field)."""
        return tuple(value.value for value in self.possible_values)

    def metadata_flags(self) -> list[str]:
        """Return the flags shown in metadata: explicit ones plus ``REQUIRED``/``READ_ONLY``."""
        flags = list(self.flags)
        if self.required and "REQUIRED" not in flags:
            flags.append("REQUIRED")
        if self.read_only and "READ_ONLY" not in flags:
            flags.append("READ_ONLY")
        return flags


@dataclass(frozen=True)
class ReferenceDef:
    """A reference from a record to one other record, stored as an ID field.

    ``target`` is the target objCode (``"PROJ"``); ``id_field`` the own field holding the target's
    ID (``"projectID"``). A *polymorphic* reference sets ``target_code_field`` (``"noteObjCode"``):
    the target objCode is then read from the record, and ``target`` is only what metadata shows.
    ``when`` restricts the reference to records whose fields equal the given constants
    (``(("noteObjCode", "TASK"),)``); otherwise it resolves to nothing.
    """

    name: str
    target: str
    id_field: str
    label: str = ""
    flags: tuple[str, ...] = ()
    target_code_field: str | None = None
    when: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", label_for(self.name))

    def applies_to(self, record: Mapping[str, Any]) -> bool:
        """Tell whether the ``when`` conditions hold for ``record``."""
        return all(record.get(key) == value for key, value in self.when)

    def target_code(self, record: Mapping[str, Any]) -> str | None:
        """Return the objCode this reference points at for ``record`` (``None`` when not applicable)."""
        if not self.applies_to(record):
            return None
        if self.target_code_field is not None:
            code = record.get(self.target_code_field)
            return str(code).upper() if code else None
        return self.target

    def target_id(self, record: Mapping[str, Any]) -> str | None:
        """Return the target's ID for ``record`` (``None`` for an empty or non-applicable reference)."""
        if not self.applies_to(record):
            return None
        value = record.get(self.id_field)
        return str(value) if value else None

    def resolve(self, reader: TableReader, record: Mapping[str, Any]) -> Record | None:
        """Return the referenced record, or ``None``."""
        code = self.target_code(record)
        target_id = self.target_id(record)
        if code is None or target_id is None:
            return None
        return reader.table(code).get(target_id)


@dataclass(frozen=True)
class ThroughDef:
    """A many-to-many hop: rows of ``kind`` where ``own_field`` == own ID give ``target_field`` IDs.

    ``USER.teams`` = TEAMOB rows whose ID is ``teamID`` of a TEAMMB row with ``userID`` == user ID.
    """

    kind: str
    own_field: str
    target_field: str


@dataclass(frozen=True)
class CollectionDef:
    """A derived list of records of ``target`` that link back to the owner.

    ``link`` maps a target field to an own field (``(("projectID", "ID"),)`` for ``PROJ.tasks``);
    ``constants`` maps a target field to a fixed value (``(("noteObjCode", "TASK"),)``). A target row
    belongs to the collection when every equality holds. Alternatively ``through`` describes a join
    table (then ``link``/``constants`` are ignored). ``nested`` collections (``assignments``,
    ``accessRules``) are private rows a write replaces whole; ``writable`` says a create or edit may
    carry the collection at all. ``since`` is the first numbered API version that has the collection
    (``None``: every version); in older versions it is an unknown field.
    """

    name: str
    target: str
    link: tuple[tuple[str, str], ...] = ()
    constants: tuple[tuple[str, Any], ...] = ()
    label: str = ""
    flags: tuple[str, ...] = ()
    through: ThroughDef | None = None
    nested: bool = False
    writable: bool = False
    since: int | None = None

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)

    def link_values(self, owner: Mapping[str, Any]) -> dict[str, Any]:
        """Return target field → required value for rows of ``owner``'s collection (not for ``through``).

        A nested write uses this to stamp new child rows (e.g. ``{"taskID": <id>}``).
        """
        values: dict[str, Any] = {target_field: owner.get(own_field) for target_field, own_field in self.link}
        values.update(self.constants)
        return values

    def matches(self, owner: Mapping[str, Any], row: Mapping[str, Any]) -> bool:
        """Tell whether ``row`` (a ``target`` record) belongs to ``owner``'s collection (not for ``through``)."""
        for target_field, value in self.link_values(owner).items():
            if value is None or row.get(target_field) != value:
                return False
        return True

    def rows(self, reader: TableReader, owner: Mapping[str, Any]) -> list[Record]:
        """Return the collection's rows by scanning (correct but unindexed; graph code may index)."""
        targets = reader.table(self.target)
        if self.through is not None:
            hop = self.through
            owner_id = owner.get("ID")
            ids = [row.get(hop.target_field) for row in reader.table(hop.kind).values()
                   if owner_id is not None and row.get(hop.own_field) == owner_id]
            return [targets[target_id] for target_id in ids if target_id is not None and target_id in targets]
        if not self.link and not self.constants:
            return []
        return [row for row in targets.values() if self.matches(owner, row)]


@dataclass(frozen=True)
class ArgumentDef:
    """An argument of an action or named query: ``name`` and Workfront ``type`` (``string[]``, ``boolean``…)."""

    name: str
    type: str = "string"


@dataclass(frozen=True)
class ActionDef:
    """An object action (``PUT /{obj}/{ID}/{name}``).

    ``result_type`` is ``None`` for void actions (the response is then ``{}``). ``needs_object``
    is ``False`` for object-less actions called as ``PUT /{obj}?action=name`` (USER getApiKey…).
    """

    name: str
    arguments: tuple[ArgumentDef, ...] = ()
    result_type: str | None = None
    label: str = ""
    needs_object: bool = True

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)

    def argument(self, name: str) -> ArgumentDef | None:
        """Return the argument called ``name``, or ``None``."""
        for arg in self.arguments:
            if arg.name == name:
                return arg
        return None


@dataclass(frozen=True)
class QueryDef:
    """A named query (``GET /{obj}/{name}``) with its arguments."""

    name: str
    arguments: tuple[ArgumentDef, ...] = ()
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)


@dataclass(frozen=True, eq=False)
class ObjectDef:
    """One classic object type: its names, members and what the API allows on it.

    ``name`` is the metadata name (``"Project"``, ``"OpTask"``), ``obj_code`` the code
    (``"PROJ"``). ``fields``, ``references``, ``collections``, ``actions`` and ``queries`` are
    ordered mappings by member name. ``operations`` lists what the API allows (``copy`` only where
    Workfront has it). ``default_fields`` is the field set a read returns without ``fields=``
    (``ID`` and ``objCode`` always included). ``aliases`` are extra path names (``project``,
    ``issue``). ``secondary`` objects show ``secondaryObject: "true"`` in ``/metadata``;
    ``top_level`` is ``False`` for objects that cannot be requested directly. ``since`` is the first
    numbered API version that has the object (``None``: every version); older ones do not know it.
    """

    name: str
    label: str
    obj_code: str
    flags: tuple[str, ...] = ()
    fields: Mapping[str, FieldDef] = field(default_factory=dict)
    references: Mapping[str, ReferenceDef] = field(default_factory=dict)
    collections: Mapping[str, CollectionDef] = field(default_factory=dict)
    actions: Mapping[str, ActionDef] = field(default_factory=dict)
    queries: Mapping[str, QueryDef] = field(default_factory=dict)
    operations: tuple[str, ...] = ("add", "count", "delete", "edit", "get", "report", "search")
    default_fields: tuple[str, ...] = ("ID", "name", "objCode")
    aliases: tuple[str, ...] = ()
    secondary: bool = False
    top_level: bool = True
    since: int | None = None

    @property
    def data_extendible(self) -> bool:
        """Whether records carry custom-form (``DE:``) fields and ``parameterValues``."""
        return "DATA_EXTENDIBLE" in self.flags

    @property
    def public_fields(self) -> tuple[str, ...]:
        """Names of the fields clients may see and send (no ``_`` internal keys), in order."""
        return tuple(name for name, item in self.fields.items() if not item.internal)

    @property
    def star_fields(self) -> tuple[str, ...]:
        """The fields ``fields=*`` returns: every public scalar field except write-only ones (password)."""
        return tuple(name for name in self.public_fields if "WRITE_ONLY" not in self.fields[name].flags)

    @property
    def required_fields(self) -> tuple[str, ...]:
        """Fields a create must carry."""
        return tuple(name for name, item in self.fields.items() if item.required)

    def member_kind(self, name: str) -> str | None:
        """Return ``"field"``, ``"reference"``, ``"collection"`` or ``None`` for an API member name.

        Internal (``_``) fields count as unknown.
        """
        item = self.fields.get(name)
        if item is not None:
            return None if item.internal else "field"
        if name in self.references:
            return "reference"
        if name in self.collections:
            return "collection"
        return None

    def collection_in(self, name: str, version: str) -> CollectionDef | None:
        """Return the collection called ``name`` if API ``version`` (``v7.0`` or ``V7_0``) has it, else ``None``."""
        item = self.collections.get(name)
        return item if item is not None and serves(version, item.since) else None

    def field(self, name: str) -> FieldDef | None:
        """Return the public field called ``name`` (case-sensitive), or ``None``."""
        item = self.fields.get(name)
        return None if item is None or item.internal else item

    def find_action(self, name: str) -> ActionDef | None:
        """Return the action called ``name`` (exact, then case-insensitive), or ``None``."""
        action = self.actions.get(name)
        if action is not None:
            return action
        lowered = name.lower()
        for key, candidate in self.actions.items():
            if key.lower() == lowered:
                return candidate
        return None

    def find_query(self, name: str) -> QueryDef | None:
        """Return the named query called ``name`` (exact, then case-insensitive), or ``None``."""
        query = self.queries.get(name)
        if query is not None:
            return query
        lowered = name.lower()
        for key, candidate in self.queries.items():
            if key.lower() == lowered:
                return candidate
        return None

    def has_operation(self, operation: str) -> bool:
        """Tell whether ``operation`` (``copy``, ``delete``…) is allowed on this object."""
        return operation in self.operations

    def create_defaults(self) -> dict[str, Any]:
        """Return field → default value for a new record (fields with a non-``None`` default)."""
        return {name: item.default for name, item in self.fields.items() if item.default is not None}

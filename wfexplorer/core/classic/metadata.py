"""What ``/metadata`` and ``/{objCode}/metadata`` say, as plain frozen objects the GUI can read.

:func:`parse_object_list` reads the list of object types; :func:`parse_object` reads one type's
fields (type, label, enum values, flags), references and collections (with their target type),
actions (typed arguments, result type), named queries and allowed operations. Unknown keys are
ignored and missing ones get neutral defaults, so any server variant parses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic import names


@dataclass(frozen=True)
class ObjectSummary:
    """One entry of ``/metadata``: object name, label, objCode, and whether it is secondary."""

    name: str
    label: str
    obj_code: str
    secondary: bool = False

    @property
    def class_name(self) -> str:
        """The Python class name (``OpTask`` → ``Issue``)."""
        return names.class_name(self.name)


@dataclass(frozen=True)
class EnumValue:
    """One ``possibleValues`` entry: the stored value and its label."""

    value: Any
    label: str


@dataclass(frozen=True)
class FieldMeta:
    """A scalar field: Workfront and Python names, label, ``field_type`` (``string``, ``int``…), enum, flags."""

    name: str
    label: str
    field_type: str
    python_name: str | None = None
    enum_type: str | None = None
    possible_values: tuple[EnumValue, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def is_enum(self) -> bool:
        """Whether the field has a fixed list of values."""
        return bool(self.possible_values)

    @property
    def read_only(self) -> bool:
        """Whether metadata flags the field as read-only (computed)."""
        return "READ_ONLY" in self.flags

    @property
    def required(self) -> bool:
        """Whether a create must set this field."""
        return "REQUIRED" in self.flags

    @property
    def custom(self) -> bool:
        """Whether this is a custom-form field (``DE:…``)."""
        return self.name.startswith("DE:")


@dataclass(frozen=True)
class LinkMeta:
    """A reference or collection: its name, label, the target objCode and object name, and flags."""

    name: str
    label: str
    target_code: str
    target_name: str
    python_name: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArgumentMeta:
    """An action or query argument: Workfront name, Python name and Workfront type (``string[]``…)."""

    name: str
    type: str
    python_name: str | None = None

    @property
    def is_list(self) -> bool:
        """Whether the argument takes several values."""
        return self.type.endswith("[]") or self.type in ("java.util.Set", "java.util.List")


@dataclass(frozen=True)
class ActionMeta:
    """An object action: name, label, arguments and result type (``None`` for void actions)."""

    name: str
    label: str
    arguments: tuple[ArgumentMeta, ...] = ()
    result_type: str | None = None
    python_name: str | None = None


@dataclass(frozen=True)
class QueryMeta:
    """A named query (``GET /{obj}/{name}``) and its arguments."""

    name: str
    label: str
    arguments: tuple[ArgumentMeta, ...] = ()


@dataclass(frozen=True)
class ObjectMeta:
    """Everything ``/{objCode}/metadata`` says about one object type."""

    name: str
    label: str
    obj_code: str
    flags: tuple[str, ...] = ()
    fields: Mapping[str, FieldMeta] = field(default_factory=dict)
    references: Mapping[str, LinkMeta] = field(default_factory=dict)
    collections: Mapping[str, LinkMeta] = field(default_factory=dict)
    actions: Mapping[str, ActionMeta] = field(default_factory=dict)
    queries: Mapping[str, QueryMeta] = field(default_factory=dict)
    operations: tuple[str, ...] = ()

    @property
    def class_name(self) -> str:
        """The Python class name (``OpTask`` → ``Issue``)."""
        return names.class_name(self.name)

    def member_names(self) -> list[str]:
        """All field, reference and collection names (Workfront spelling)."""
        return [*self.fields, *self.references, *self.collections]


def parse_object_list(data: Any) -> dict[str, ObjectSummary]:
    """Read ``/metadata``'s ``data``: ``{"objects": {Name: {name, label, objCode, …}}}`` → by name."""
    objects = data.get("objects") if isinstance(data, dict) else None
    if not isinstance(objects, dict):
        raise errors.ProtocolError("/metadata did not list any objects")
    result: dict[str, ObjectSummary] = {}
    for key, entry in objects.items():
        if not isinstance(entry, dict) or not entry.get("objCode"):
            continue
        name = str(entry.get("name") or key)
        result[name] = ObjectSummary(
            name=name,
            label=str(entry.get("label") or name),
            obj_code=str(entry["objCode"]),
            secondary=str(entry.get("secondaryObject", "")).lower() == "true",
        )
    return result


def parse_object(data: Any) -> ObjectMeta:
    """Read ``/{objCode}/metadata``'s ``data`` into an :class:`ObjectMeta`."""
    if not isinstance(data, dict) or not data.get("objCode"):
        raise errors.ProtocolError("object metadata without an objCode")
    return ObjectMeta(
        name=str(data.get("name") or data["objCode"]),
        label=str(data.get("label") or data.get("name") or data["objCode"]),
        obj_code=str(data["objCode"]),
        flags=_strings(data.get("flags")),
        fields={name: _field(name, entry) for name, entry in _entries(data.get("fields"))},
        references={name: _link(name, entry) for name, entry in _entries(data.get("references"))},
        collections={name: _link(name, entry) for name, entry in _entries(data.get("collections"))},
        actions={name: _action(name, entry) for name, entry in _entries(data.get("actions"))},
        queries={name: _query(name, entry) for name, entry in _entries(data.get("queries"))},
        operations=_strings(data.get("operations")),
    )


def _entries(section: Any) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(section, dict):
        return []
    return [(str(name), entry if isinstance(entry, dict) else {}) for name, entry in section.items()]


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _field(name: str, entry: dict[str, Any]) -> FieldMeta:
    values = entry.get("possibleValues")
    possible = tuple(
        EnumValue(item.get("value"), str(item.get("label", item.get("value"))))
        for item in values if isinstance(item, dict)
    ) if isinstance(values, list) else ()
    return FieldMeta(
        name=name,
        label=str(entry.get("label") or name),
        field_type=str(entry.get("fieldType") or "string"),
        python_name=None if name == "ID" else names.python_name(name),
        enum_type=entry.get("enumType"),
        possible_values=possible,
        flags=_strings(entry.get("flags")),
    )


def _link(name: str, entry: dict[str, Any]) -> LinkMeta:
    return LinkMeta(
        name=name,
        label=str(entry.get("label") or name),
        target_code=str(entry.get("typeObjCode") or entry.get("targetTypeObjCode") or ""),
        target_name=str(entry.get("fieldType") or ""),
        python_name=names.python_name(name),
        flags=_strings(entry.get("flags")),
    )


def _arguments(entry: dict[str, Any]) -> tuple[ArgumentMeta, ...]:
    raw = entry.get("arguments")
    if not isinstance(raw, list):
        return ()
    return tuple(
        ArgumentMeta(str(arg["name"]), str(arg.get("type") or "string"), names.python_name(str(arg["name"])))
        for arg in raw if isinstance(arg, dict) and arg.get("name")
    )


def _action(name: str, entry: dict[str, Any]) -> ActionMeta:
    return ActionMeta(
        name=name,
        label=str(entry.get("label") or name),
        arguments=_arguments(entry),
        result_type=entry.get("resultType") or None,
        python_name=names.python_name(name),
    )


def _query(name: str, entry: dict[str, Any]) -> QueryMeta:
    return QueryMeta(name=name, label=str(entry.get("label") or name), arguments=_arguments(entry))

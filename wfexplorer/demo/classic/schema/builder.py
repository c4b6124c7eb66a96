"""Short constructors the object definition modules use to declare objects compactly.

``s("name", required=True)``, ``i("priority")``, ``d("budget")``, ``dt("plannedStartDate")``,
``b("isActive")``, ``ref("owner", "USER")`` (ID field ``ownerID``), ``coll("tasks", "TASK",
projectID="ID")``, ``act("move", ("projectID", "string"))`` and :func:`define` that adds the common
fields of §7 and registers the object.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wfexplorer.demo.classic.schema.model import (
    ActionDef,
    ArgumentDef,
    CollectionDef,
    FieldDef,
    ObjectDef,
    PossibleValue,
    QueryDef,
    ReferenceDef,
    ThroughDef,
)
from wfexplorer.demo.classic.schema.registry import register
from wfexplorer.demo.classic.versions import OBJECT_CATEGORIES_SINCE

NG = ("NOT_GROUPABLE",)
CURRENCY = ("CURRENCY",)

COMMON_FIELDS = (
    "ID", "name", "description", "entryDate", "enteredByID", "lastUpdateDate", "lastUpdatedByID",
    "extRefID", "customerID", "categoryID",
)
"""The fields every ordinary object has (§7), added by :func:`define` unless ``common=False``."""

STANDARD_OPERATIONS = ("add", "count", "delete", "edit", "get", "report", "search")


def s(name: str, **kwargs: Any) -> FieldDef:
    """A string field."""
    return FieldDef(name, "string", **kwargs)


def i(name: str, **kwargs: Any) -> FieldDef:
    """An int field."""
    return FieldDef(name, "int", **kwargs)


def d(name: str, **kwargs: Any) -> FieldDef:
    """A double field."""
    return FieldDef(name, "double", **kwargs)


def dt(name: str, **kwargs: Any) -> FieldDef:
    """A dateTime field."""
    return FieldDef(name, "dateTime", **kwargs)


def day(name: str, **kwargs: Any) -> FieldDef:
    """A date (no time) field."""
    return FieldDef(name, "date", **kwargs)


def b(name: str, **kwargs: Any) -> FieldDef:
    """A boolean field."""
    return FieldDef(name, "boolean", **kwargs)


def sl(name: str, **kwargs: Any) -> FieldDef:
    """A string-array field."""
    return FieldDef(name, "string[]", **kwargs)


def enum(
    name: str,
    enum_type: str,
    values: Iterable[tuple[str | int, str]],
    field_type: str = "string",
    **kwargs: Any,
) -> FieldDef:
    """An enum field: ``values`` are ``(value, label)`` pairs."""
    possible = tuple(PossibleValue(value, label) for value, label in values)
    return FieldDef(name, field_type, enum_type=enum_type, possible_values=possible, **kwargs)


def ref(name: str, target: str, id_field: str | None = None, **kwargs: Any) -> ReferenceDef:
    """A reference stored in ``id_field`` (default ``name + "ID"``)."""
    return ReferenceDef(name, target, id_field or f"{name}ID", **kwargs)


def coll(
    name: str,
    target: str,
    *,
    constants: dict[str, Any] | None = None,
    through: tuple[str, str, str] | None = None,
    nested: bool = False,
    writable: bool = False,
    flags: tuple[str, ...] = (),
    since: int | None = None,
    **link: str,
) -> CollectionDef:
    """A collection: keyword arguments are ``target_field=own_field`` links."""
    return CollectionDef(
        name,
        target,
        link=tuple(link.items()),
        constants=tuple((constants or {}).items()),
        through=ThroughDef(*through) if through else None,
        nested=nested,
        writable=writable or nested,
        flags=flags,
        since=since,
    )


def object_categories(obj_code: str) -> CollectionDef:
    """The ``objectCategories`` collection of ``obj_code``: its OBJCAT rows (the custom forms it has)."""
    return coll("objectCategories", "OBJCAT", constants={"objObjCode": obj_code}, since=OBJECT_CATEGORIES_SINCE,
                objID="ID")


def act(name: str, *arguments: tuple[str, str], result: str | None = None, needs_object: bool = True) -> ActionDef:
    """An action with ``(name, type)`` arguments."""
    return ActionDef(
        name,
        tuple(ArgumentDef(arg_name, arg_type) for arg_name, arg_type in arguments),
        result,
        needs_object=needs_object,
    )


def query(name: str, *arguments: tuple[str, str]) -> QueryDef:
    """A named query with ``(name, type)`` arguments."""
    return QueryDef(name, tuple(ArgumentDef(arg_name, arg_type) for arg_name, arg_type in arguments))


def _common_fields() -> list[FieldDef]:
    return [
        s("ID", read_only=True),
        s("name"),
        s("description"),
        dt("entryDate", read_only=True),
        s("enteredByID", flags=NG, read_only=True),
        dt("lastUpdateDate", read_only=True),
        s("lastUpdatedByID", flags=NG, read_only=True),
        s("extRefID"),
        s("customerID", flags=NG, read_only=True),
        s("categoryID"),
    ]


def _common_references() -> list[ReferenceDef]:
    return [
        ref("enteredBy", "USER"),
        ref("lastUpdatedBy", "USER"),
        ref("customer", "CUST", flags=NG),
        ref("category", "CTGY"),
    ]


def define(
    name: str,
    obj_code: str,
    label: str | None = None,
    *,
    fields: Iterable[FieldDef] = (),
    references: Iterable[ReferenceDef] = (),
    collections: Iterable[CollectionDef] = (),
    actions: Iterable[ActionDef] = (),
    queries: Iterable[QueryDef] = (),
    flags: Iterable[str] = ("REPORTABLE",),
    operations: Iterable[str] = STANDARD_OPERATIONS,
    default_fields: Iterable[str] = ("ID", "name", "objCode"),
    aliases: Iterable[str] = (),
    secondary: bool = False,
    top_level: bool = True,
    common: bool = True,
    drop: Iterable[str] = (),
    since: int | None = None,
) -> ObjectDef:
    """Build an :class:`ObjectDef`, add the common members (unless ``common=False``) and register it.

    Later definitions of a member replace earlier ones (so an object can refine ``name`` to be
    required); ``drop`` removes common members the object does not have (explicit members are kept).
    A data-extendible object with ``categoryID`` also gets ``objectCategories`` (its OBJCAT rows).
    """
    field_map: dict[str, FieldDef] = {}
    ref_map: dict[str, ReferenceDef] = {}
    if common:
        field_map.update((item.name, item) for item in _common_fields())
        ref_map.update((item.name, item) for item in _common_references())
    for member in drop:
        field_map.pop(member, None)
        ref_map.pop(member, None)
    field_map.update((item.name, item) for item in fields)
    ref_map.update((item.name, item) for item in references)
    flags = tuple(flags)
    collections = list(collections)
    if "DATA_EXTENDIBLE" in flags and "categoryID" in field_map:
        collections.append(object_categories(obj_code))
    obj = ObjectDef(
        name=name,
        label=label or name,
        obj_code=obj_code,
        flags=tuple(flags),
        fields=dict(sorted(field_map.items())),
        references=dict(sorted(ref_map.items())),
        collections=dict(sorted((item.name, item) for item in collections)),
        actions=dict(sorted((item.name, item) for item in actions)),
        queries=dict(sorted((item.name, item) for item in queries)),
        operations=tuple(sorted(set(operations))),
        default_fields=tuple(default_fields),
        aliases=tuple(aliases),
        secondary=secondary,
        top_level=top_level,
        since=since,
    )
    return register(obj)

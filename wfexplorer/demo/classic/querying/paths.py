"""Colon paths (``project:portfolio:DE:Budget Code``) resolved to typed accessors through references and collections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wfexplorer.demo.classic import customforms, graph
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.store import Record

MAX_DEPTH = 4

Predicate = Callable[[Record], bool]
ValuePredicate = Callable[[Any], bool]

_NULL_RECORD: Record = {}


def unknown_field(env: QueryEnv, name: str, obj: ObjectDef) -> ClassicError:
    """The error Workfront gives for a field it does not know (§4, §6)."""
    return ClassicError(f"APIModel {env.api_model} does not support field {name} ({obj.name})")


def split_path(path: str) -> list[str]:
    """Split ``project:portfolio:DE:Budget Code`` into ``["project", "portfolio", "DE:Budget Code"]``."""
    parts = path.split(":")
    segments: list[str] = []
    for index, part in enumerate(parts):
        if part == "DE" and index + 1 < len(parts):
            segments.append("DE:" + ":".join(parts[index + 1 :]))
            break
        segments.append(part)
    return segments


def de_field_type(obj: ObjectDef, name: str, env: QueryEnv) -> str:
    """Return the classic type of custom field ``name`` (``"DE:x"``) on ``obj``.

    Raises ``no such field: 'x'`` (customforms.require) when no form of ``obj`` defines it.
    """
    return customforms.require(env.store, obj.obj_code, name).field_type


@dataclass(frozen=True)
class FieldPath:
    """A resolved colon path: the hops from the start object and the final field.

    ``value(record)`` returns the final value through references (``None`` for an empty reference)
    and the first collection row; ``test(record, value_predicate)`` applies a predicate with
    any-row semantics through collections.
    """

    text: str
    name: str
    field_type: str
    owner: ObjectDef
    hops: tuple[tuple[str, Callable[[Record], Any]], ...] = ()

    def predicate(self, value_test: ValuePredicate) -> Predicate:
        """Return record → bool applying ``value_test`` to the path's value(s)."""
        name = self.name
        test: Predicate = lambda record: value_test(record.get(name))  # noqa: E731
        for kind, resolver in reversed(self.hops):
            test = _wrap_hop(kind, resolver, test)
        return test

    def value(self, record: Record) -> Any:
        """Return the value at the end of the path for ``record`` (first row of a collection)."""
        current: Record | None = record
        for kind, resolver in self.hops:
            if current is None:
                return None
            if kind == "ref":
                current = resolver(current)
            else:
                rows = resolver(current)
                current = rows[0] if rows else None
        return None if current is None else current.get(self.name)


def _wrap_hop(kind: str, resolver: Callable[[Record], Any], inner: Predicate) -> Predicate:
    if kind == "ref":
        return lambda record: inner(resolver(record) or _NULL_RECORD)
    return lambda record: any(inner(row) for row in resolver(record))


def resolve_path(obj: ObjectDef, path: str, env: QueryEnv, *, allow_reference_end: bool = False) -> FieldPath:
    """Resolve a filter/sort/group path on ``obj`` (raises the unknown-field error).

    With ``allow_reference_end`` a path ending in a reference means the reference's ID field.
    """
    segments = split_path(path)
    if len(segments) > MAX_DEPTH or any(segment == "" for segment in segments):
        raise (
            unknown_field(env, path, obj)
            if "" in segments
            else ClassicError(f"Field depth exceeds the maximum of {MAX_DEPTH}: {path}")
        )
    hops: list[tuple[str, Callable[[Record], Any]]] = []
    current = obj
    for position, segment in enumerate(segments[:-1]):
        reference = current.references.get(segment)
        if reference is not None:
            target = object_def(reference.target)
            if target is None:
                raise unknown_field(env, segment, current)
            hops.append(("ref", graph.reference_resolver(env.store, reference)))
            current = target
            continue
        coll = current.collection_in(segment, env.api_model)
        if coll is not None:
            target = object_def(coll.target)
            if target is None:
                raise unknown_field(env, segment, current)
            hops.append(("coll", graph.collection_resolver(env.store, coll)))
            current = target
            continue
        if current.field(segment) is not None:  # a scalar cannot be followed: name the path, not the real field
            raise unknown_field(env, ":".join(segments[position:]), current)
        raise unknown_field(env, segment, current)
    last = segments[-1]
    if last.startswith("DE:"):
        if not current.data_extendible:
            raise unknown_field(env, last, current)
        field_type = de_field_type(current, last, env)
        return FieldPath(path, last, field_type, current, tuple(hops))
    if last == "objCode":
        return FieldPath(path, last, "string", current, tuple(hops))
    definition = current.field(last)
    if definition is not None:
        return FieldPath(path, last, definition.field_type, current, tuple(hops))
    reference = current.references.get(last)
    if allow_reference_end and reference is not None:
        id_def = current.field(reference.id_field)
        return FieldPath(path, reference.id_field, id_def.field_type if id_def else "string", current, tuple(hops))
    raise unknown_field(env, last, current)

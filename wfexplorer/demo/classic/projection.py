"""The ``fields`` parameter (classic-api.md §4): which members a read returns, and the output dicts.

Parse the request's ``fields`` once, compile it once, then render many records::

    spec = parse_fields(obj, request.args.getlist("fields"), env)   # FieldSpec (raises ClassicError)
    render = projector(spec, env)                                   # record -> output dict
    data = [render(record) for record in rows]
    # or in one go: project(spec, rows, env) -> list[dict]; project_one(spec, record, env) -> dict

``fields_values`` is a list of strings (repeated ``fields`` params; each comma-separated; a JSON
array string also works) or one string or ``None``. Rules:

- The object's default fields (``ObjectDef.default_fields``) come first; ``ID`` and ``objCode`` are
  always there (CSTEM, whose defaults omit ``ID``, keeps Workfront's ID-less shape); requested
  fields are added in request order. ``*`` adds every public scalar field.
- A bare reference (``owner``) gives ``{ID, name, objCode}`` (``name`` when the target has one),
  ``ref:f`` adds ``f`` to it, ``ref:*`` all its fields; an empty reference is ``null``.
- A collection (``tasks``, ``assignments:*``, ``tasks:assignments:assignedTo:name``) gives an array
  of such objects; an empty one is ``[]``. Paths are at most 4 levels deep.
- ``DE:Name`` gives the custom value (multi-select as an array); ``parameterValues`` gives every
  ``DE:`` value of the record as an object (``parameterValues:*``, as Adobe's examples write it, is
  the same); ``DE:*`` fails with ``no such field: '*'``.
- An unknown name fails with ``APIModel V21_0 does not support field X (Project)``; a path that
  goes on past a scalar (``name:x``, ``parameterValues:x``) names the whole path, not the real field.
- ``dateTime`` values are formatted ``2026-03-02T09:00:00:000-0600`` in ``env.time_zone``; keys
  starting with ``_`` are never output.
- ``double`` values that are whole numbers are output as integers (``0``, not ``0.0``), as in
  Workfront's responses; others stay floats (``12.5``).

Records are read through :mod:`wfexplorer.demo.classic.graph` (indexed), and the scalar part of
each rendered object is memoised per (record object, field set, zone) while its kind's
``store.version`` is unchanged (bounded: ``_CACHE_SLOTS`` values per store). Every call returns
fresh dicts, so callers may change them (list values such as multi-selects are shared: leave
those alone). Rendering 2,000 tasks with
``project:name,assignedTo:name,assignments:*`` takes about 10-25 ms.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.demo.classic import customforms, graph
from wfexplorer.demo.classic.dates import output_formatter
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.params import json_array_value
from wfexplorer.demo.classic.querying.paths import MAX_DEPTH, de_field_type, split_path, unknown_field
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.store import Record, Store

Renderer = Callable[[Record], dict[str, Any]]


@dataclass
class FieldSpec:
    """What to output for records of one object (a tree: references and collections have their own spec)."""

    obj: ObjectDef
    scalars: list[str] = field(default_factory=list)
    custom: list[str] = field(default_factory=list)
    parameter_values: bool = False
    references: dict[str, FieldSpec] = field(default_factory=dict)
    collections: dict[str, FieldSpec] = field(default_factory=dict)

    def add_scalar(self, name: str) -> None:
        """Add a scalar field (once)."""
        if name not in self.scalars:
            self.scalars.append(name)

    def add_star(self) -> None:
        """Add every public scalar field."""
        for name in self.obj.star_fields:
            self.add_scalar(name)


def _top_spec(obj: ObjectDef) -> FieldSpec:
    spec = FieldSpec(obj)
    defaults = list(obj.default_fields)
    if "ID" in defaults or obj.obj_code != "CSTEM":
        spec.add_scalar("ID")
    for name in defaults:
        spec.add_scalar(name)
    spec.add_scalar("objCode")
    return spec


def _nested_spec(obj: ObjectDef) -> FieldSpec:
    spec = FieldSpec(obj)
    spec.add_scalar("ID")
    if obj.field("name") is not None:
        spec.add_scalar("name")
    spec.add_scalar("objCode")
    return spec


def _items(fields_values: Iterable[str] | str | None) -> list[str]:
    if fields_values is None:
        return []
    texts = [fields_values] if isinstance(fields_values, str) else list(fields_values)
    items: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            text = str(text)
        data = json_array_value(text)
        if data is not None:
            items.extend(str(item).strip() for item in data if str(item).strip())
            continue
        items.extend(part.strip() for part in text.split(",") if part.strip())
    return items


def parse_fields(obj: ObjectDef, fields_values: Iterable[str] | str | None, env: QueryEnv) -> FieldSpec:
    """Parse the ``fields`` parameter for ``obj`` into a :class:`FieldSpec` (raises :class:`ClassicError`)."""
    root = _top_spec(obj)
    for item in _items(fields_values):
        _add_path(root, item, env)
    return root


def _add_path(root: FieldSpec, item: str, env: QueryEnv) -> None:
    segments = split_path(item)
    if len(segments) > MAX_DEPTH:
        raise ClassicError(f"Field depth exceeds the maximum of {MAX_DEPTH}: {item}")
    spec = root
    for position, segment in enumerate(segments):
        last = position == len(segments) - 1
        obj = spec.obj
        if segment in obj.references:
            target = object_def(obj.references[segment].target)
            if target is None:
                raise unknown_field(env, segment, obj)
            child = spec.references.get(segment)
            if child is None:
                child = spec.references[segment] = _nested_spec(target)
            spec = child
            continue
        if obj.collection_in(segment, env.api_model) is not None:
            target = object_def(obj.collections[segment].target)
            if target is None:
                raise unknown_field(env, segment, obj)
            child = spec.collections.get(segment)
            if child is None:
                child = spec.collections[segment] = _nested_spec(target)
            spec = child
            continue
        if not last:
            rest = segments[position + 1 :]
            if segment == "parameterValues" and rest == ["*"] and obj.data_extendible:
                spec.parameter_values = True  # Adobe's own examples ask for custom values this way
                return
            # a scalar (or parameterValues) cannot be followed: name the whole unknown path, never a real field
            shown = ":".join(segments[position:]) if _is_member(obj, segment) else segment
            raise unknown_field(env, shown, obj)
        _add_last(spec, segment, env)


def _is_member(obj: ObjectDef, name: str) -> bool:
    """Tell whether ``name`` is something ``obj`` does have (a field, ``parameterValues``, ``objCode``)."""
    return obj.field(name) is not None or name == "objCode" or (name == "parameterValues" and obj.data_extendible)


def _add_last(spec: FieldSpec, name: str, env: QueryEnv) -> None:
    obj = spec.obj
    if name == "*":
        spec.add_star()
        return
    if name == "objCode":
        spec.add_scalar(name)
        return
    if name.startswith("DE:"):
        custom = name[3:]
        if custom.strip() == "*":
            raise ClassicError("no such field: '*'")
        if not obj.data_extendible:
            raise unknown_field(env, name, obj)
        de_field_type(obj, name, env)  # raises "no such field: 'x'" for an unknown custom field
        if name not in spec.custom:
            spec.custom.append(name)
        return
    if name == "parameterValues":
        if not obj.data_extendible:
            raise unknown_field(env, name, obj)
        spec.parameter_values = True
        return
    if obj.field(name) is not None:
        spec.add_scalar(name)
        return
    raise unknown_field(env, name, obj)


_CACHE_SIGNATURES = 8
_CACHE_SLOTS = 400_000
"""Rendered values (rows x fields) memoised per store at most: a few tens of MB in the worst case."""


class _Memo:
    """Rendered scalar parts of one field set of one kind: record ID -> (record, output)."""

    def __init__(self, version: int, width: int) -> None:
        self.version = version
        self.width = max(width, 1)
        self.rows: dict[Any, tuple[Record, dict[str, Any]]] = {}


class _StoreMemos:
    """The memos of one store, least recently used first, with a shared budget of rendered values."""

    def __init__(self) -> None:
        self.memos: OrderedDict[tuple[Any, ...], _Memo] = OrderedDict()
        self.slots = 0

    def drop(self, memo: _Memo) -> None:
        self.slots -= len(memo.rows) * memo.width

    def admit(self, memo: _Memo) -> bool:
        """Reserve room for one more row of ``memo`` (approximate under concurrency, never unbounded)."""
        if self.slots + memo.width > _CACHE_SLOTS:
            return False
        self.slots += memo.width
        return True


_cache_lock = threading.Lock()
_caches: weakref.WeakKeyDictionary[Store, _StoreMemos] = weakref.WeakKeyDictionary()


def _scalar_memo(store: Store, signature: tuple[Any, ...], width: int) -> tuple[_StoreMemos, _Memo] | None:
    """Return the memo for ``signature`` (its kind first), fresh for the kind's current ``store.version``.

    Hits also require the very same record object, so a changed record is never served stale.
    At most ``_CACHE_SIGNATURES`` field sets per store are kept (least recently used go first).
    """
    if not isinstance(store, Store):
        return None
    version = store.version(signature[0])
    with _cache_lock:
        state = _caches.get(store)
        if state is None:
            state = _caches[store] = _StoreMemos()
        memo = state.memos.get(signature)
        if memo is None or memo.version != version:
            if memo is not None:
                state.drop(memo)
            memo = state.memos[signature] = _Memo(version, width)
        state.memos.move_to_end(signature)
        while len(state.memos) > _CACHE_SIGNATURES:
            _, evicted = state.memos.popitem(last=False)
            state.drop(evicted)
    return state, memo


_EXACT = 2.0**53
"""Doubles below this magnitude that are whole numbers are output as integers (exactly representable)."""


def whole_number(value: Any) -> Any:
    """Return a whole-number double as an ``int`` (Workfront writes ``0``, not ``0.0``); anything else unchanged."""
    if value.__class__ is float and value.is_integer() and -_EXACT < value < _EXACT:
        return int(value)
    return value


def projector(spec: FieldSpec, env: QueryEnv) -> Renderer:
    """Compile ``spec`` into a function record → output dict (bind tables and indexes once)."""
    fmt = output_formatter(env.time_zone)
    obj = spec.obj
    code = obj.obj_code
    plain: list[tuple[str, str | None]] = []
    for name in spec.scalars:
        definition = obj.field(name)
        plain.append((name, None if definition is None else definition.field_type))
    custom = [(name, de_field_type(obj, name, env)) for name in spec.custom]
    store = env.store
    visible = env.visible
    references = [
        (name, obj.references[name].target, graph.reference_resolver(store, obj.references[name]),
         projector(child, env))
        for name, child in spec.references.items()
    ]
    collections = [
        (name, obj.collections[name].target, graph.collection_resolver(store, obj.collections[name]),
         projector(child, env))
        for name, child in spec.collections.items()
    ]
    parameter_values = spec.parameter_values
    custom_types = (
        {key: item.field_type for key, item in customforms.custom_fields(store, code).items()}
        if parameter_values
        else {}
    )
    custom_dates = [key for key, kind in custom_types.items() if kind == "dateTime"]
    custom_doubles = [key for key, kind in custom_types.items() if kind == "double"]

    names = [name for name, _ in plain]
    date_names = [name for name, kind in plain if kind == "dateTime"]
    double_names = [name for name, kind in plain if kind == "double"]
    has_code = "objCode" in names
    template: dict[str, Any] = dict.fromkeys(names)
    name_set = frozenset(names)
    name_count = len(names)

    def build(record: Record) -> dict[str, Any]:
        if len(record) <= name_count:  # sparse record: walk its keys
            out = template.copy()
            for key, value in record.items():
                if key in name_set:
                    out[key] = value
        else:
            get = record.get
            out = {name: get(name) for name in names}
        for name in date_names:
            value = out[name]
            if value is not None:
                out[name] = fmt(value)
        for name in double_names:
            value = out[name]
            if value.__class__ is float and value.is_integer() and -_EXACT < value < _EXACT:
                out[name] = int(value)
        if has_code and out["objCode"] is None:
            out["objCode"] = code
        if custom:
            get = record.get
            for name, kind in custom:
                value = get(name)
                if value is not None:
                    if kind == "dateTime":
                        value = fmt(value)
                    elif kind == "double":
                        value = whole_number(value)
                out[name] = value
        return out

    signature = (code, tuple(names), tuple(date_names), tuple(double_names), tuple(custom), env.time_zone)
    found = _scalar_memo(store, signature, len(names) + len(custom))
    if found is None:
        scalars = build
    else:
        state, memo = found
        rows = memo.rows

        def scalars(record: Record) -> dict[str, Any]:
            record_id = record.get("ID")
            hit = rows.get(record_id)
            if hit is not None and hit[0] is record:
                return hit[1].copy()
            out = build(record)
            if record_id is not None and (hit is not None or state.admit(memo)):
                rows[record_id] = (record, out.copy())
            return out

    if not (parameter_values or references or collections):
        return scalars

    def render(record: Record) -> dict[str, Any]:
        out = scalars(record)
        if parameter_values:
            values = customforms.parameter_values(store, code, record)
            for key in custom_dates:
                if key in values:
                    values[key] = fmt(values[key])
            for key in custom_doubles:
                if key in values:
                    values[key] = whole_number(values[key])
            out["parameterValues"] = values
        for name, kind, resolve, child in references:
            target = resolve(record)
            if target is not None and visible is not None and not visible(target.get("objCode") or kind, target):
                target = None  # what the caller may not see is not there
            out[name] = None if target is None else child(target)
        for name, kind, rows_of, child in collections:
            rows = rows_of(record)
            if visible is not None:
                rows = [row for row in rows if visible(row.get("objCode") or kind, row)]
            out[name] = [child(row) for row in rows]
        return out

    return render


def project(spec: FieldSpec, records: Iterable[Record], env: QueryEnv) -> list[dict[str, Any]]:
    """Render many records with one compiled projector."""
    render = projector(spec, env)
    return [render(record) for record in records]


def project_one(spec: FieldSpec, record: Record, env: QueryEnv) -> dict[str, Any]:
    """Render one record."""
    return projector(spec, env)(record)

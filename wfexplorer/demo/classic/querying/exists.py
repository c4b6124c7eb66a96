"""``EXISTS:X:`` blocks: ``$$OBJCODE``, ``FIELD:`` links to the outer record and ``$$EXISTSMOD=NOTEXISTS``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wfexplorer.demo.classic import graph
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.conditions import Entry, compile_entry
from wfexplorer.demo.classic.querying.paths import FieldPath, Predicate, resolve_path
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.store import Record


def compile_exists(
    obj: ObjectDef, letter: str, entries: dict[tuple[str | None, str], Entry], env: QueryEnv
) -> Predicate:
    """Compile block ``EXISTS:letter:``: any (or, with NOTEXISTS, no) inner record linked to the outer one."""
    kind_entry = next((entry for (_, path), entry in entries.items() if path.upper() == "$$OBJCODE"), None)
    if kind_entry is None or not kind_entry.values:
        raise ClassicError(f"EXISTS:{letter}: needs EXISTS:{letter}:$$OBJCODE=<objCode>")
    inner = object_def(kind_entry.values[-1].strip())
    if inner is None:
        raise ClassicError(f"Unknown object type '{kind_entry.values[-1]}' in EXISTS:{letter}:$$OBJCODE")
    negate = False
    direct_links: list[tuple[str, FieldPath]] = []
    path_links: list[tuple[FieldPath, FieldPath]] = []
    conditions: list[Predicate] = []
    for (_, path), entry in entries.items():
        upper_path = path.upper()
        if upper_path == "$$OBJCODE":
            continue
        if upper_path == "$$EXISTSMOD":
            mode = (entry.values or [""])[-1].strip().upper()
            if mode != "NOTEXISTS":
                raise ClassicError(f"Unknown $$EXISTSMOD '{mode}' in EXISTS:{letter}: (only NOTEXISTS exists)")
            negate = True
            continue
        value = (entry.values or [""])[0]
        if entry.modifier is None and len(entry.values or []) == 1 and value.upper().startswith("FIELD:"):
            inner_path = resolve_path(inner, path, env)
            outer_path = resolve_path(obj, value[len("FIELD:") :], env)
            if inner_path.hops:
                path_links.append((inner_path, outer_path))
            else:
                direct_links.append((inner_path.name, outer_path))
            continue
        conditions.append(compile_entry(inner, entry, env))
    store = env.store
    link_fields = tuple(name for name, _ in direct_links)
    inner_code = inner.obj_code

    def exists(record: Record) -> bool:
        if link_fields:
            key = tuple(outer.value(record) for _, outer in direct_links)
            candidates: Iterable[Record] = graph.rows_where(store, inner_code, link_fields, key)
        else:
            candidates = store.table(inner_code).values()
        found = False
        for row in candidates:
            if path_links and not all(
                _same_link(inner_path.value(row), outer.value(record)) for inner_path, outer in path_links
            ):
                continue
            if all(condition(row) for condition in conditions):
                found = True
                break
        return found != negate

    return exists


def _same_link(inner_value: Any, outer_value: Any) -> bool:
    return inner_value is not None and inner_value == outer_value

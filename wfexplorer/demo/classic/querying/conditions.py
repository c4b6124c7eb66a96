"""One condition (``field=value`` with its ``_Mod`` and ``_Range``) compiled into a record predicate."""

from __future__ import annotations

from dataclasses import dataclass

from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.modifiers import normalise_modifier, value_test
from wfexplorer.demo.classic.querying.params import expand_values, json_text
from wfexplorer.demo.classic.querying.paths import Predicate, resolve_path
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.classic.wildcards import expand


@dataclass
class Entry:
    """Everything given for one (group, and-slot, exists-block, path)."""

    path: str
    values: list[str] | None = None
    modifier: str | None = None
    upper: list[str] | None = None


def compile_entry(obj: ObjectDef, entry: Entry, env: QueryEnv) -> Predicate:
    """Compile one entry: expand wildcards, pick the default modifier, build the path predicate."""
    path = resolve_path(obj, entry.path, env)
    raw_values = expand_values(entry.values or [])
    upper = expand_values(entry.upper or [])
    modifier = normalise_modifier(entry.modifier, entry.path) if entry.modifier else None
    # wildcards: $$USER... may give lists (→ in / notin) or nothing
    values: list[str] = []
    listed = False
    for text in raw_values:
        expanded = expand(text, env)
        if isinstance(expanded, list):
            listed = True
            values.extend(str(item) for item in expanded)
        elif expanded is None:
            values.append("")
        else:
            values.append(json_text(expanded))
    if modifier is None:
        if entry.upper:
            modifier = "between"
        elif len(values) > 1 or listed:
            modifier = "in"
        else:
            modifier = "eq"
    elif listed and modifier in {"eq", "cieq"}:
        modifier = "in" if modifier == "eq" else "ciin"
    elif listed and modifier in {"ne", "nee", "cine"}:
        modifier = "notin" if modifier != "cine" else "cinotin"
    if (
        modifier in {"in", "notin", "ciin", "cinotin"}
        and len(values) == 1
        and "," in values[0]
        and (path.name.endswith("ID") or path.name == "ID")
    ):
        values = [part.strip() for part in values[0].split(",") if part.strip()]
    if listed and not values and modifier in {"in", "ciin"}:
        return lambda record: False
    if listed and not values and modifier in {"notin", "cinotin"}:
        return path.predicate(lambda value: value is not None)
    return path.predicate(value_test(modifier, values, upper, path, env))


def all_of(predicates: list[Predicate]) -> Predicate:
    """AND predicates together (one or two without the generic loop)."""
    if len(predicates) == 1:
        return predicates[0]
    if len(predicates) == 2:
        first, second = predicates
        return lambda record: first(record) and second(record)
    return lambda record: all(test(record) for test in predicates)

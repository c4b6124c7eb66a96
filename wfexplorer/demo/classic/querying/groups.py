"""Condition groups: the ``OR:n:``, ``AND:n:`` and ``EXISTS:X:`` prefixes, and the OR of AND groups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.conditions import Entry, all_of, compile_entry
from wfexplorer.demo.classic.querying.exists import compile_exists
from wfexplorer.demo.classic.querying.paths import Predicate
from wfexplorer.demo.classic.schema import ObjectDef

_PREFIX = re.compile(r"^(OR|AND|EXISTS):([^:]*):", re.IGNORECASE)


@dataclass
class Group:
    """The conditions of one OR group: plain entries and EXISTS blocks, keyed by (AND slot, path)."""

    entries: dict[tuple[str | None, str], Entry] = field(default_factory=dict)
    exists: dict[str, dict[tuple[str | None, str], Entry]] = field(default_factory=dict)

    def entry(self, and_slot: str | None, exists: str | None, path: str) -> Entry:
        table = self.entries if exists is None else self.exists.setdefault(exists, {})
        key = (and_slot, path)
        found = table.get(key)
        if found is None:
            found = table[key] = Entry(path)
        return found


def classify(key: str) -> tuple[str | None, str | None, str | None, str]:
    """Split ``OR:1:AND:2:EXISTS:A:rest`` into (or, and, exists, rest).

    An OR group is numbered (``OR:1:``); a key such as ``OR:x:name`` keeps its prefix, so searching
    with it fails as an unknown field, the way Workfront refuses a parameter it cannot read.
    """
    or_slot = and_slot = exists = None
    rest = key
    while True:
        match = _PREFIX.match(rest)
        if match is None:
            break
        word = match.group(1).upper()
        token = match.group(2)
        if word == "OR" and or_slot is None and exists is None:
            if not token.isdigit():
                break  # OR:x: is no group: the whole key is then read as a field path, which is unknown
            or_slot = token
        elif word == "AND" and and_slot is None:
            and_slot = token
        elif word == "EXISTS" and exists is None:
            exists = token
        else:
            break
        rest = rest[match.end() :]
    return or_slot, and_slot, exists, rest


def compile_groups(obj: ObjectDef, groups: dict[str, Group], env: QueryEnv) -> Predicate | None:
    """AND each group's conditions and EXISTS blocks, OR the groups; ``None`` when nothing filters."""
    group_predicates: list[Predicate] = []
    for group in groups.values():
        predicates = [compile_entry(obj, entry, env) for entry in group.entries.values()]
        predicates.extend(compile_exists(obj, letter, entries, env) for letter, entries in group.exists.items())
        if not predicates:
            continue
        group_predicates.append(all_of(predicates))
    if not group_predicates:
        return None
    if len(group_predicates) == 1:
        return group_predicates[0]
    alternatives = group_predicates
    return lambda record: any(test(record) for test in alternatives)

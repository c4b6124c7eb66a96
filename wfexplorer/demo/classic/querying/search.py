"""Classic search parameters → a compiled query; run it for ``/search``, ``/count`` and ``/report``.

Public API::

    query = parse_search(obj, params, env)      # ObjectDef, MultiDict (or mapping), QueryEnv -> SearchQuery
    rows = run_search(store, query)             # filtered, sorted, $$FIRST/$$LIMIT applied
    n = count(store, query)                     # number of matches ($$LIMIT/$$FIRST ignored)
    rows = matching(store, query)               # every match, unsorted (report uses this)
    path = resolve_path(obj, "project:name", env)  # querying.paths: typed accessor through references
    unknown_field(env, name, obj) -> ClassicError  # querying.paths: "APIModel V21_0 does not support field X"
    param_items(params) -> [(name, [values])]   # querying.params: MultiDict / mapping / pairs, in order

``parse_search(..., default_limit=None)`` drops the default ``$$LIMIT`` of 100 (report does this);
``reserved=("extra",)`` adds parameter names that are not filters (named-query arguments, say).

``params`` is the request's merged parameters (a werkzeug ``MultiDict``; a plain mapping of
name → value or list of values also works). ``filters={json}`` in it adds JSON filters (§3.3;
inside it ``username``/``password``/``apiKey`` are ordinary filters). Parameters that are not
filters (``fields``, ``method``, ``sessionID``, ``map``, ``$$LIMIT``, … see :data:`RESERVED`, any
``$$`` name, ``*_GroupBy``, ``*_AggFunc``) are skipped; callers can add names with ``reserved=``.
``map=true`` is the caller's business.

Semantics (classic-api.md §5):

- ``field=value`` conditions AND together; colon paths follow references (``project:portfolio:name``)
  and collections (any row matches: ``assignments:assignedToID=…``); ``DE:Name`` custom fields.
- ``field_Mod=<modifier>``: every §5.2 modifier plus ``cistartswith``, ``endswith``, ``ciendswith``
  (and ``null``/``blank`` as aliases of ``isnull``/``isblank``). Default: ``eq`` for one value,
  ``in`` for several (repeated params or a JSON-array value), ``between`` when ``field_Range`` exists.
  ``ne``/``cine`` match NULL, ``nee`` does not; other comparisons never match NULL.
- Dates: a date-only value (or ``$$TODAY``) spans the whole day in the configured zone;
  ``exacttime`` compares the instant. ``$$USER…`` list values become ``in``/``notin``.
- ``OR:n:`` groups (AND inside; ungrouped conditions form group 0; groups OR together),
  ``AND:n:`` extra conditions on one field, ``EXISTS:X:`` blocks (``$$OBJCODE``, ``f=FIELD:g``
  links, ``$$EXISTSMOD=NOTEXISTS``).
- ``field_Sort`` / ``field_n_Sort`` = ``asc|desc|ciasc|cidesc`` (NULLs last ascending, first
  descending). Unsorted results keep store order.
- ``$$LIMIT``: default 100; > 2000 → error; ≤ 0 → no limit; not a number → error (the issue's bad-input
  rule wins over [AC]'s "unparsable means no limit"). ``$$FIRST``: rows to skip.

The work is done by the other modules of :mod:`wfexplorer.demo.classic.querying` (parameters, groups,
conditions, EXISTS, paths, modifiers, text matching, coercion, sorting, paging); this module ties them
together. Import the other names (``resolve_path``, ``unknown_field``, ``param_items``…) from the module
that defines them.

Errors are :class:`ClassicError`: ``APIModel V21_0 does not support field X (Project)`` for an
unknown field (the token is ``env.api_model``), and clear messages for unknown modifiers, bad
numbers, dates and sort directions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.groups import Group, classify, compile_groups
from wfexplorer.demo.classic.querying.paging import DEFAULT_LIMIT, page, parse_first, parse_limit
from wfexplorer.demo.classic.querying.params import RESERVED, SUFFIX, json_filter_items, param_items
from wfexplorer.demo.classic.querying.paths import Predicate
from wfexplorer.demo.classic.querying.sorting import SortKey, parse_sorts, sort_rows
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record, Store


@dataclass
class SearchQuery:
    """A parsed search: the object, a compiled predicate, sorts and paging.

    ``predicate`` is ``None`` when there is no filter. ``limit`` ``None`` means no limit.
    ``scope`` keeps only the records the caller may see (``None``: all); it is set by the caller of
    :func:`parse_search` (the classic handlers, from :mod:`wfexplorer.demo.classic.access`).
    """

    obj: ObjectDef
    env: QueryEnv
    predicate: Predicate | None = None
    sorts: list[SortKey] = field(default_factory=list)
    limit: int | None = DEFAULT_LIMIT
    first: int = 0
    scope: Predicate | None = None


def parse_search(
    obj: ObjectDef,
    params: Any,
    env: QueryEnv,
    *,
    reserved: Iterable[str] = (),
    default_limit: int | None = DEFAULT_LIMIT,
) -> SearchQuery:
    """Parse request parameters into a :class:`SearchQuery` for ``obj`` (raises :class:`ClassicError`)."""
    skip = RESERVED | {name.lower() for name in reserved}
    items = param_items(params)
    plain: list[tuple[str, list[str]]] = []
    json_texts: list[str] = []
    limit_texts: list[str] | None = None
    first_texts: list[str] | None = None
    for key, values in items:
        if key == "filters":
            json_texts.extend(values)
            continue
        upper_key = key.upper()
        if upper_key == "$$LIMIT":
            limit_texts = values
            continue
        if upper_key == "$$FIRST":
            first_texts = values
            continue
        if key == "id" or key.lower() in skip or key.startswith("$$"):
            continue
        plain.append((key, values))
    filter_items = plain + json_filter_items(json_texts)

    groups: dict[str, Group] = {}
    sort_specs: list[tuple[int, int, str, str]] = []
    for position, (key, values) in enumerate(filter_items):
        or_slot, and_slot, exists, rest = classify(key)
        match = SUFFIX.match(rest)
        suffix = match.group("suffix") if match else None
        path = match.group("path") if match else rest
        if suffix in {"GroupBy", "AggFunc"}:
            continue
        if suffix == "Sort":
            number = int(match.group("n")) if match and match.group("n") else 1_000_000 + position
            sort_specs.append((number, position, path, values[-1] if values else "asc"))
            continue
        group_key = or_slot or ""
        if group_key not in groups:
            groups[group_key] = Group()
        entry = groups[group_key].entry(and_slot, exists, path)
        if suffix == "Mod":
            entry.modifier = values[-1] if values else ""
        elif suffix == "Range":
            entry.upper = values
        else:
            entry.values = (entry.values or []) + values

    predicate = compile_groups(obj, groups, env)
    sorts = parse_sorts(obj, sort_specs, env)
    limit = default_limit if limit_texts is None else parse_limit(limit_texts)
    first = 0 if first_texts is None else parse_first(first_texts)
    return SearchQuery(obj=obj, env=env, predicate=predicate, sorts=sorts, limit=limit, first=first)


def matching(store: Store, query: SearchQuery) -> list[Record]:
    """Return every record of the query's object that passes its filters (store order)."""
    rows = _scoped(store, query)
    predicate = query.predicate
    if predicate is None:
        return list(rows)
    return [row for row in rows if predicate(row)]


def _scoped(store: Store, query: SearchQuery) -> Iterable[Record]:
    rows = store.table(query.obj.obj_code).values()
    scope = query.scope
    return rows if scope is None else [row for row in rows if scope(row)]


def run_search(store: Store, query: SearchQuery) -> list[Record]:
    """Run a search: filter, sort, skip ``$$FIRST`` and cut at ``$$LIMIT``. Records are the store's (read-only)."""
    rows = matching(store, query)
    if query.sorts:
        rows = sort_rows(rows, query.sorts)
    return page(rows, query.first, query.limit)


def count(store: Store, query: SearchQuery) -> int:
    """Count the records that pass the query's filters (``$$LIMIT``/``$$FIRST`` do not apply)."""
    predicate = query.predicate
    rows = list(_scoped(store, query))
    if predicate is None:
        return len(rows)
    return sum(1 for row in rows if predicate(row))

"""Running a classic query through a session: the exact requests, search pages, counts and reports as plain rows.

Each operation has one exact request (:func:`request_for`): what copy-as-code shows and what the
run sends, through ``session.request`` (so credentials, renewal, retries and the request log are the
session's)::

    search   GET /{obj}/search   conditions, sorts, fields, $$FIRST/$$LIMIT, raw parameters
    count    GET /{obj}/count    conditions and raw parameters (nothing else counts)
    report   GET /{obj}/report   conditions, group-bys, aggregates, $$ROLLUP, raw parameters

:func:`run_search` runs the query as written. :func:`run_page` is the results table's paging: it
replaces ``$$FIRST``/``$$LIMIT`` and adds ``ID`` as the last sort key, so pages neither repeat nor
skip rows (classic-api.md §5.4). Results are immutable: rows as the server sent them (dicts) and
:class:`ColumnSpec` columns (the fields asked for, labelled and typed from metadata when a schema is
given). Calls block on the network: run them off the GUI thread. A server refusal raises its
:class:`~wfexplorer.core.errors.WorkfrontError`; :func:`locate_error` turns it into a
:class:`~wfexplorer.core.classic.search_model.validation.Problem` on the condition it is about.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from wfexplorer.core import errors
from wfexplorer.core.classic import paths
from wfexplorer.core.classic.search_model.model import ClassicQuery
from wfexplorer.core.classic.search_model.querystring import (
    condition_pairs,
    encode,
    fields_pairs,
    paging_pairs,
    report_pairs,
    sort_pairs,
)
from wfexplorer.core.classic.search_model.schema import PathError, SearchSchema, split_path
from wfexplorer.core.classic.search_model.validation import MAX_LIMIT, Part, Problem
from wfexplorer.core.classic.search_model.vocabulary import FieldKind

ROLLUP_KEY = "$$ROLLUP"
DEFAULT_AGGREGATE = "dcount_ID"


class Operation(enum.StrEnum):
    """What to do with a query."""

    SEARCH = "search"
    COUNT = "count"
    REPORT = "report"


class Requester(Protocol):
    """What running needs from a session: :meth:`wfexplorer.core.classic.Session.request`."""

    def request(self, method: str, path: str, params: Any = None) -> Any: ...


@dataclass(frozen=True)
class ClassicRequest:
    """One exact request: ``method``, ``path`` (relative to the API root, ``/task/search``) and ``params`` in order.

    Credentials are not part of it: the session (or a copied snippet) adds them.
    """

    method: str
    path: str
    params: tuple[tuple[str, str], ...]

    @property
    def query_string(self) -> str:
        """The parameters as a query string (no leading ``?``)."""
        return encode(self.params)

    def url(self, api_url: str) -> str:
        """The whole URL on an API root such as ``https://acme.my.workfront.com/attask/api/v21.0``."""
        query = self.query_string
        return api_url.rstrip("/") + self.path + (f"?{query}" if query else "")


def request_for(query: ClassicQuery, operation: Operation | str = Operation.SEARCH) -> ClassicRequest:
    """The exact request ``operation`` sends for ``query`` (see the module docstring)."""
    operation = Operation(operation)
    parts = condition_pairs(query)
    if operation is Operation.SEARCH:
        parts += [*sort_pairs(query), *fields_pairs(query), *paging_pairs(query.first, query.limit)]
    elif operation is Operation.REPORT:
        parts += report_pairs(query)
    parts += query.raw
    return ClassicRequest("GET", f"/{query.object_code.lower()}/{operation.value}", tuple(parts))


def page_request(query: ClassicQuery, first: int, limit: int) -> ClassicRequest:
    """The request for one page of results: ``$$FIRST``/``$$LIMIT`` replaced, ``ID`` added as the last sort key."""
    if first < 0 or not 1 <= limit <= MAX_LIMIT:
        raise errors.ValidationError(f"A page starts at row 0 or later and holds 1 to {MAX_LIMIT} rows")
    raw = [(key, value) for key, value in query.raw if key.upper() not in ("$$FIRST", "$$LIMIT")]
    pairs = [*condition_pairs(query), *paths.stable_sort(sort_pairs(query)), *fields_pairs(query),
             *paging_pairs(first, limit), *raw]
    return ClassicRequest("GET", f"/{query.object_code.lower()}/search", tuple(pairs))


# -- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnSpec:
    """A result column: ``key`` (a path such as ``project:name``, or a report key such as ``sum_hours``), a label,
    the field's Workfront type and kind when metadata knows them, and whether values come as lists (``many``)."""

    key: str
    label: str
    field_type: str | None = None
    kind: FieldKind | None = None
    many: bool = False

    def value(self, row: Mapping[str, Any]) -> Any:
        """The value of this column in ``row``: follows the path through nested objects; lists through collections."""
        if self.key in row:
            return row[self.key]
        return _walk(row, split_path(self.key))


def _walk(value: Any, segments: list[str]) -> Any:
    if not segments:
        return value
    if isinstance(value, list):
        found = [_walk(item, segments) for item in value]
        return [item for entry in found for item in (entry if isinstance(entry, list) else [entry])]
    if not isinstance(value, Mapping):
        return None
    return _walk(value.get(segments[0]), segments[1:])


@dataclass(frozen=True)
class SearchResult:
    """One page of search results: rows as sent, the columns, and where the page starts."""

    rows: tuple[dict[str, Any], ...]
    columns: tuple[ColumnSpec, ...]
    request: ClassicRequest
    first: int = 0
    limit: int | None = None

    @property
    def has_more(self) -> bool:
        """Whether another page may follow (this one is full)."""
        return self.limit is not None and len(self.rows) >= self.limit


@dataclass(frozen=True)
class ReportResult:
    """A report: one row per group (group-by values and aggregates), the columns, and the ``$$ROLLUP`` totals."""

    rows: tuple[dict[str, Any], ...]
    columns: tuple[ColumnSpec, ...]
    request: ClassicRequest
    rollup: dict[str, Any] | None = None


def _column(key: str, code: str, schema: SearchSchema | None, *, fields: bool) -> ColumnSpec:
    path = key[:-2] if key.endswith(":*") else key
    if schema is None:
        return ColumnSpec(path, path)
    try:
        resolved = schema.resolve(code, path, link_end=fields)
    except (PathError, errors.WorkfrontError):
        return ColumnSpec(path, path)
    many = resolved.through_collection or resolved.link_is_collection or (resolved.kind is FieldKind.MULTI)
    field_type = resolved.field.field_type if resolved.field else (resolved.link.target_name if resolved.link else None)
    return ColumnSpec(path, resolved.label, field_type, resolved.kind, many)


def search_columns(query: ClassicQuery, rows: Iterable[Mapping[str, Any]], schema: SearchSchema | None = None
                   ) -> tuple[ColumnSpec, ...]:
    """The columns of search rows: the scalar fields the rows carry (defaults first, as sent), then the paths asked
    for in ``fields`` that the defaults do not cover (``*`` adds nothing beyond the scalars it brings)."""
    keys: dict[str, None] = {}
    for row in rows:
        for key, value in row.items():
            if not isinstance(value, Mapping) and not (isinstance(value, list) and value
                                                       and isinstance(value[0], Mapping)):
                keys.setdefault(key, None)
    for name in query.fields:
        if name != "*":
            keys.setdefault(name[:-2] if name.endswith(":*") else name, None)
    return tuple(_column(key, query.object_code, schema, fields=True) for key in keys)


def report_columns(query: ClassicQuery, schema: SearchSchema | None = None) -> tuple[ColumnSpec, ...]:
    """The columns of a report: its group-bys, then one per aggregate (``dcount_ID`` when none is asked for)."""
    columns = [_column(name, query.object_code, schema, fields=False) for name in query.group_bys]
    aggregates = [aggregate.column for aggregate in query.aggregates] or [DEFAULT_AGGREGATE]
    labels = {aggregate.column: f"{aggregate.function} of {aggregate.field}" for aggregate in query.aggregates}
    columns += [ColumnSpec(key, labels.get(key, "distinct count of ID"), "double", FieldKind.NUMBER)
                for key in aggregates]
    return tuple(columns)


# -- running ------------------------------------------------------------------------------------


def _rows(data: Any, what: str) -> tuple[dict[str, Any], ...]:
    if isinstance(data, dict) and all(isinstance(value, dict) for value in data.values()):
        data = list(data.values())  # map=true
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise errors.ProtocolError(f"{what} did not answer a list of objects")
    return tuple(data)


def run_request(session: Requester, request: ClassicRequest) -> Any:
    """Send one request through the session; returns the response's ``data``."""
    return session.request(request.method, request.path, list(request.params))


def run_search(session: Requester, query: ClassicQuery, schema: SearchSchema | None = None) -> SearchResult:
    """Run the query as written (its own ``$$FIRST``/``$$LIMIT``, Workfront's default of 100 rows without one)."""
    request = request_for(query, Operation.SEARCH)
    rows = _rows(run_request(session, request), request.path)
    return SearchResult(rows, search_columns(query, rows, schema), request, query.first or 0,
                        query.limit if query.limit is not None else 100)


def run_page(session: Requester, query: ClassicQuery, first: int, limit: int, schema: SearchSchema | None = None
             ) -> SearchResult:
    """One page of results in a stable order (see :func:`page_request`)."""
    request = page_request(query, first, limit)
    rows = _rows(run_request(session, request), request.path)
    return SearchResult(rows, search_columns(query, rows, schema), request, first, limit)


def count(session: Requester, query: ClassicQuery) -> int:
    """How many rows the query's conditions match (``/count``; paging and sorts do not apply)."""
    request = request_for(query, Operation.COUNT)
    data = run_request(session, request)
    value = data.get("count") if isinstance(data, dict) else data
    if not isinstance(value, int) or isinstance(value, bool):
        raise errors.ProtocolError(f"{request.path} answered {data!r}, not a count")
    return value


def run_report(session: Requester, query: ClassicQuery, schema: SearchSchema | None = None) -> ReportResult:
    """Run the query as a report: one row per group, in the server's order, and the rollup when asked for."""
    request = request_for(query, Operation.REPORT)
    data = run_request(session, request)
    if not isinstance(data, dict):
        raise errors.ProtocolError(f"{request.path} did not answer a report object")
    rollup = data.get(ROLLUP_KEY) if isinstance(data.get(ROLLUP_KEY), dict) else None
    if not query.group_bys:
        rows: tuple[dict[str, Any], ...] = ({key: value for key, value in data.items() if key != ROLLUP_KEY},)
    else:
        rows = tuple(dict(entry) for key, entry in data.items() if key != ROLLUP_KEY and isinstance(entry, dict))
    return ReportResult(rows, report_columns(query, schema), request, rollup)


# -- server errors on the part they concern ----------------------------------------------------

_QUOTED_FIELD = re.compile(
    r"does not support field (?P<name>\S+)|for field (?P<path>[^\s(]+)|no such field: '(?P<de>[^']*)'"
)


def locate_error(query: ClassicQuery, error: errors.WorkfrontError) -> Problem:
    """The problem a server refusal is about: on the condition (or sort, field, group-by) it names, else the query."""
    message = error.message
    if "greater than the maximum allowed limit" in message:
        return Problem(Part.PAGING, message)
    match = _QUOTED_FIELD.search(message)
    if match is not None:
        name = match.group("name") or match.group("path") or ("DE:" + (match.group("de") or ""))
        for condition in query.conditions:
            if condition.field == name or name in split_path(condition.field):
                return Problem(Part.CONDITION, f"{condition.field}: {message}", condition.id)
        for part, names in ((Part.SORT, [key.field for key in query.sorts]), (Part.FIELDS, list(query.fields)),
                            (Part.GROUP_BY, list(query.group_bys)),
                            (Part.AGGREGATE, [aggregate.field for aggregate in query.aggregates]),
                            (Part.RAW, [key for key, _ in query.raw])):
            for index, candidate in enumerate(names):
                if candidate == name or name in split_path(candidate) or name in candidate.split(","):
                    return Problem(part, f"{candidate}: {message}", index=index)
    return Problem(Part.QUERY, message)

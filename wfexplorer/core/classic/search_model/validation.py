"""Checking a classic query before it is sent: every problem, pointing at the part (and condition) it concerns.

``validate(query)`` runs the checks that need no metadata: missing values, unknown modifiers and
sort directions, value counts, ranges, paging limits, and raw parameters that Workfront would refuse
(``OR:x:``, a ``$$LIMIT`` that is not a number, ``filters`` that are not JSON). ``validate(query,
schema)`` adds everything metadata knows: unknown types, fields and paths (with the segment and close
names), modifiers the field's kind does not take, values of the wrong kind (numbers, dates and
wildcards, booleans, enum values), fields to return, sort, group-by and aggregate fields.

``validate`` never raises for a user's mistake, but metadata lookups may send requests (and raise
:class:`~wfexplorer.core.errors.WorkfrontError` when the server fails): run it off the GUI thread.
Errors stop a search from being sent (:func:`blocking`); warnings do not.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model.model import ClassicQuery, Condition
from wfexplorer.core.classic.search_model.schema import PathError, ResolvedPath, SearchSchema
from wfexplorer.core.classic.search_model.values import check_syntax, check_value
from wfexplorer.core.classic.search_model.vocabulary import (
    ALLOWED_AGGREGATES,
    ALLOWED_MODIFIERS,
    MODIFIER_LABELS,
    AggregateFunction,
    Modifier,
    SortDirection,
    ValueShape,
)

#: Workfront's largest page (``$$LIMIT``).
MAX_LIMIT = 2000
#: Filter names the server reads as credentials when they come as plain parameters.
CREDENTIAL_FILTERS = frozenset({"username", "password", "apiKey"})


class Part(enum.StrEnum):
    """Which part of a query a problem is about."""

    OBJECT = "object"
    CONDITION = "condition"
    GROUP = "group"
    SORT = "sort"
    FIELDS = "fields"
    GROUP_BY = "group_by"
    AGGREGATE = "aggregate"
    PAGING = "paging"
    RAW = "raw"
    QUERY = "query"  # the query as a whole (a server error no part could be found for)


class Severity(enum.StrEnum):
    """Errors keep a search from being sent; warnings are shown and the search runs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem: the part, the condition or group ``target_id`` (conditions and groups), the ``index`` (in
    sorts, fields, group-bys, aggregates, raw parameters; the group index for a group), and the message."""

    part: Part
    message: str
    target_id: int | None = None
    index: int | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        """Whether this problem keeps the search from being sent."""
        return self.severity is Severity.ERROR


def blocking(problems: list[Problem]) -> list[Problem]:
    """The problems that keep a search from being sent (the errors)."""
    return [problem for problem in problems if problem.is_error]


def validate(query: ClassicQuery, schema: SearchSchema | None = None) -> list[Problem]:
    """Every problem of ``query`` (see the module docstring); ``schema`` adds the metadata checks."""
    problems: list[Problem] = []
    code = query.object_code
    if schema is not None:
        try:
            code = schema.object_code(query.object_code)
        except errors.NotFoundError as error:
            return [Problem(Part.OBJECT, error.message)]
    for index, group in enumerate(query.groups):
        if index and not group.conditions:
            problems.append(Problem(Part.GROUP, f"OR group {index} has no conditions; it is left out", group.id,
                                    index, Severity.WARNING))
        for condition in group.conditions:
            problems.extend(_check_condition(condition, code, schema))
    problems.extend(_check_sorts(query, code, schema))
    problems.extend(_check_fields(query, code, schema))
    problems.extend(_check_report(query, code, schema))
    problems.extend(_check_paging(query))
    problems.extend(_check_raw(query))
    return problems


def _resolve(schema: SearchSchema | None, code: str, path: str, *, link_end: bool = False, star: bool = False
             ) -> tuple[ResolvedPath | None, str | None]:
    if schema is None:
        return None, None
    try:
        return schema.resolve(code, path, link_end=link_end, star=star), None
    except PathError as error:
        return None, error.message


def _check_condition(condition: Condition, code: str, schema: SearchSchema | None) -> list[Problem]:
    def problem(message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(Part.CONDITION, f"{condition.field or '(no field)'}: {message}", condition.id,
                       severity=severity)

    if not condition.field.strip():
        return [problem("pick a field")]
    found: list[Problem] = []
    resolved, path_error = _resolve(schema, code, condition.field)
    if path_error is not None:
        found.append(problem(path_error))
    modifier = condition.effective_modifier
    if not isinstance(modifier, Modifier):
        return [*found, problem(f"{modifier!r} is not a modifier Workfront knows")]
    kind = resolved.kind if resolved is not None else None
    if kind is not None and modifier not in ALLOWED_MODIFIERS[kind]:
        allowed = ", ".join(ALLOWED_MODIFIERS[kind])
        found.append(problem(f"{modifier} ({MODIFIER_LABELS[modifier]}) does not apply to a {kind.value} field; "
                             f"use one of {allowed}"))
        kind = None  # the values are judged once the modifier suits the field
    shape = condition.shape
    values = list(condition.values)
    if shape is ValueShape.RANGE:
        if not values:
            found.append(problem("needs a lower bound"))
        if condition.range is None or not condition.range.strip():
            found.append(problem(f"{modifier} needs an upper bound ({condition.field}_Range)"))
        if len(values) > 1:
            found.append(problem(f"{modifier} takes one lower bound; {len(values)} were given"))
        values += [condition.range] if condition.range else []
    else:
        if shape is not ValueShape.NONE and not values:
            found.append(problem("needs a value"))
        if shape is ValueShape.ONE and len(values) > 1:
            found.append(problem(f"{modifier} takes one value; Workfront reads {len(values)} values as a list "
                                 "(in / notin)", Severity.WARNING))
        if condition.range is not None and shape is not ValueShape.NONE:
            found.append(problem(f"the upper bound {condition.range!r} is ignored: {modifier} is not a range",
                                 Severity.WARNING))
    if shape is not ValueShape.NONE:
        for value in values:
            issue = check_value(value, kind, modifier, resolved.field) if kind is not None and resolved is not None \
                else check_syntax(value)
            if issue is not None:
                found.append(problem(issue.message, Severity.WARNING if issue.warning else Severity.ERROR))
    if condition.field in CREDENTIAL_FILTERS:
        found.append(problem(f"Workfront reads a {condition.field} parameter as a credential; filter on it with "
                             f'filters={{"{condition.field}": …}} (a raw parameter) instead', Severity.WARNING))
    return found


def _check_sorts(query: ClassicQuery, code: str, schema: SearchSchema | None) -> list[Problem]:
    problems = []
    for index, key in enumerate(query.sorts):
        if not isinstance(key.direction, SortDirection):
            problems.append(Problem(Part.SORT, f"{key.field}: {key.direction!r} is not a sort direction; use asc, "
                                    "desc, ciasc or cidesc", index=index))
        _, error = _resolve(schema, code, key.field)
        if error is not None:
            problems.append(Problem(Part.SORT, f"{key.field}: {error}", index=index))
    return problems


def _check_fields(query: ClassicQuery, code: str, schema: SearchSchema | None) -> list[Problem]:
    problems = []
    for index, name in enumerate(query.fields):
        _, error = _resolve(schema, code, name, link_end=True, star=True)
        if error is not None:
            problems.append(Problem(Part.FIELDS, f"{name}: {error}", index=index))
    return problems


def _check_report(query: ClassicQuery, code: str, schema: SearchSchema | None) -> list[Problem]:
    problems = []
    for index, name in enumerate(query.group_bys):
        resolved, error = _resolve(schema, code, name)
        if error is not None:
            problems.append(Problem(Part.GROUP_BY, f"{name}: {error}", index=index))
        elif resolved is not None and resolved.field is not None and "NOT_GROUPABLE" in resolved.field.flags:
            problems.append(Problem(Part.GROUP_BY, f"{name}: metadata marks {resolved.label} as not groupable",
                                    index=index, severity=Severity.WARNING))
    for index, aggregate in enumerate(query.aggregates):
        if not isinstance(aggregate.function, AggregateFunction):
            names = ", ".join(AggregateFunction)
            problems.append(Problem(Part.AGGREGATE, f"{aggregate.field}: {aggregate.function!r} is not an aggregate "
                                    f"function; use one of {names}", index=index))
            continue
        resolved, error = _resolve(schema, code, aggregate.field)
        if error is not None:
            problems.append(Problem(Part.AGGREGATE, f"{aggregate.field}: {error}", index=index))
        elif resolved is not None and resolved.kind is not None \
                and aggregate.function not in ALLOWED_AGGREGATES[resolved.kind]:
            allowed = ", ".join(ALLOWED_AGGREGATES[resolved.kind])
            problems.append(Problem(Part.AGGREGATE, f"{aggregate.field}: {aggregate.function} needs numbers; a "
                                    f"{resolved.kind.value} field takes only {allowed}", index=index))
    return problems


def _check_paging(query: ClassicQuery) -> list[Problem]:
    problems = []
    if query.limit is not None:
        if query.limit > MAX_LIMIT:
            problems.append(Problem(Part.PAGING, f"The requested limit {query.limit} is greater than the maximum "
                                    f"allowed limit of {MAX_LIMIT}"))
        elif query.limit <= 0:
            problems.append(Problem(Part.PAGING, f"$$LIMIT={query.limit}: Workfront reads a limit of 0 or less as no "
                                    "limit at all", severity=Severity.WARNING))
    if query.first is not None and query.first < 0:
        problems.append(Problem(Part.PAGING, f"$$FIRST={query.first}: the rows to skip cannot be fewer than 0"))
    return problems


_BAD_GROUP = re.compile(r"^(OR|AND):(?!\d+:)[^:]*:", re.IGNORECASE)


def _check_raw(query: ClassicQuery) -> list[Problem]:
    problems = []
    for index, (key, value) in enumerate(query.raw):
        if _BAD_GROUP.match(key):
            word, rest = key.split(":")[0].upper(), key.split(":", 2)[-1]
            problems.append(Problem(Part.RAW, f"{key}: an {word} group needs a number ({word}:1:{rest})", index=index))
        elif key.upper() in ("$$LIMIT", "$$FIRST"):
            problems.append(Problem(Part.RAW, f"{key}={value}: not a whole number", index=index))
        elif key == "filters":
            try:
                parsed = json.loads(value)
            except ValueError as error:
                problems.append(Problem(Part.RAW, f"filters is not JSON: {error}", index=index))
            else:
                if not isinstance(parsed, dict):
                    problems.append(Problem(Part.RAW, "filters must be a JSON object of field names to values",
                                            index=index))
    return problems

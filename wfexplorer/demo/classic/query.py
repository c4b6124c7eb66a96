"""Classic search parameters → a compiled query; run it for ``/search``, ``/count`` and ``/report``.

Public API::

    query = parse_search(obj, params, env)      # ObjectDef, MultiDict (or mapping), QueryEnv -> SearchQuery
    rows = run_search(store, query)             # filtered, sorted, $$FIRST/$$LIMIT applied
    n = count(store, query)                     # number of matches ($$LIMIT/$$FIRST ignored)
    rows = matching(store, query)               # every match, unsorted (report uses this)
    path = resolve_path(obj, "project:name", env)  # FieldPath: typed accessor through references
    unknown_field(env, name, obj) -> ClassicError  # "APIModel V21_0 does not support field X (Project)"
    param_items(params) -> [(name, [values])]   # MultiDict / mapping / pairs, in order

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

Errors are :class:`ClassicError`: ``APIModel V21_0 does not support field X (Project)`` for an
unknown field (the token is ``env.api_model``), and clear messages for unknown modifiers, bad
numbers, dates and sort directions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.demo.classic import customforms, graph
from wfexplorer.demo.classic.dates import DateBound, day_key, stored_key
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.classic.wildcards import expand, parse_date_value
from wfexplorer.demo.store import Record, Store

DEFAULT_LIMIT = 100
MAX_LIMIT = 2000
MAX_DEPTH = 4

RESERVED = frozenset(
    name.lower()
    for name in (
        "fields",
        "method",
        "sessionID",
        "apiKey",
        "username",
        "password",
        "map",
        "action",
        "updates",
        "filters",
        "atomic",
        "force",
        "copySourceID",
        "options",
        "uri",
        "concurrent",
        "subdomain",
        "callback",
        "jsonp",
        "_",
        "bForce",
    )
)
"""Parameter names (case-insensitive) that are never filters when they come as plain parameters.

Lower-case ``id`` (the get-by-ID parameter) is skipped too; ``ID`` (capital) is a filter on the ID field.
"""

Predicate = Callable[[Record], bool]
ValuePredicate = Callable[[Any], bool]

_PREFIX = re.compile(r"^(OR|AND|EXISTS):([^:]*):", re.IGNORECASE)
SUFFIX = re.compile(r"^(?P<path>.+?)(?:_(?P<n>\d+))?_(?P<suffix>Mod|Range|Sort|GroupBy|AggFunc)$")
_NULL_RECORD: Record = {}
_NUMBER_TYPES = {"int", "double"}

_MODIFIERS = frozenset(
    [
        "eq",
        "cieq",
        "ne",
        "nee",
        "cine",
        "lt",
        "lte",
        "gt",
        "gte",
        "contains",
        "cicontains",
        "notcontains",
        "cinotcontains",
        "cicontainsany",
        "cicontainsall",
        "cinotcontainsany",
        "cinotcontainsall",
        "like",
        "cilike",
        "startswith",
        "cistartswith",
        "endswith",
        "ciendswith",
        "soundex",
        "between",
        "cibetween",
        "notbetween",
        "cinotbetween",
        "in",
        "ciin",
        "notin",
        "cinotin",
        "bitwiseor",
        "bitwiseand",
        "bitwisenand",
        "exacttime",
        "length_lt",
        "length_eq",
        "length_gt",
        "allof",
        "isnull",
        "notnull",
        "isblank",
        "notblank",
    ]
)
_ALIASES = {"null": "isnull", "blank": "isblank", "nnull": "notnull", "nblank": "notblank"}
_NO_VALUE = frozenset({"isnull", "notnull", "isblank", "notblank"})
_NEGATIVE = frozenset(
    {
        "ne",
        "nee",
        "cine",
        "notcontains",
        "cinotcontains",
        "cinotcontainsany",
        "cinotcontainsall",
        "notin",
        "cinotin",
        "notbetween",
        "cinotbetween",
        "bitwisenand",
    }
)


def unknown_field(env: QueryEnv, name: str, obj: ObjectDef) -> ClassicError:
    """The error Workfront gives for a field it does not know (§4, §6)."""
    return ClassicError(f"APIModel {env.api_model} does not support field {name} ({obj.name})")


# -- paths -------------------------------------------------------------------------------------


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
    for segment in segments[:-1]:
        reference = current.references.get(segment)
        if reference is not None:
            target = object_def(reference.target)
            if target is None:
                raise unknown_field(env, segment, current)
            hops.append(("ref", graph.reference_resolver(env.store, reference)))
            current = target
            continue
        coll = current.collections.get(segment)
        if coll is not None:
            target = object_def(coll.target)
            if target is None:
                raise unknown_field(env, segment, current)
            hops.append(("coll", graph.collection_resolver(env.store, coll)))
            current = target
            continue
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


# -- values ------------------------------------------------------------------------------------


def as_truth(text: str) -> bool | None:
    lowered = text.strip().lower()
    if lowered in {"true", "1", "yes", "t", "y"}:
        return True
    if lowered in {"false", "0", "no", "f", "n"}:
        return False
    return None


def as_number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None if value is None else float(value)
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None


@dataclass
class _Typed:
    """How one field type normalises stored values and parses filter values into (low, high) bounds."""

    stored: Callable[[Any], Any]
    parse: Callable[[str], tuple[Any, Any]]
    exact: Callable[[str], Any]


def _typed(field_type: str, path: FieldPath, env: QueryEnv, case_insensitive: bool) -> _Typed:
    label = path.text
    if field_type in _NUMBER_TYPES:

        def parse_number(text: str) -> tuple[float, float]:
            number = as_number(text)
            if number is None:
                raise ClassicError(f"Invalid number '{text}' for field {label}")
            return number, number

        return _Typed(as_number, parse_number, lambda text: parse_number(text)[0])
    if field_type == "boolean":

        def stored_bool(value: Any) -> Any:
            if value is None:
                return None
            if isinstance(value, str):
                return as_truth(value)
            return bool(value)

        def parse_bool(text: str) -> tuple[bool, bool]:
            truth = as_truth(text)
            if truth is None:
                raise ClassicError(f"Invalid boolean '{text}' for field {label}")
            return truth, truth

        return _Typed(stored_bool, parse_bool, lambda text: parse_bool(text)[0])
    if field_type == "dateTime":

        def parse_moment(text: str) -> tuple[str, str]:
            bound = parse_date_value(text, env)
            return bound.start_key, bound.end_key

        def stored_moment(value: Any) -> Any:
            return stored_key(value) if isinstance(value, str) else None

        return _Typed(stored_moment, parse_moment, lambda text: parse_date_value(text, env).start_key)
    if field_type == "date":

        def parse_day(text: str) -> tuple[str, str]:
            bound: DateBound = parse_date_value(text, env)
            return bound.date_keys(env.tz)

        def stored_day(value: Any) -> Any:
            return day_key(value) if isinstance(value, str) else None

        return _Typed(stored_day, parse_day, lambda text: parse_day(text)[0])
    if case_insensitive:

        def stored_ci(value: Any) -> Any:
            return None if value is None else as_text(value).casefold()

        return _Typed(stored_ci, lambda text: (text.casefold(), text.casefold()), str.casefold)

    def stored_text(value: Any) -> Any:
        return None if value is None else as_text(value)

    return _Typed(stored_text, lambda text: (text, text), lambda text: text)


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def like_match(text: str, pattern: str) -> bool:
    """SQL ``LIKE``: ``%`` any run of characters, ``_`` one character (greedy, no regex backtracking)."""
    t = p = 0
    star = -1
    mark = 0
    size, length = len(text), len(pattern)
    while t < size:
        if p < length and (pattern[p] == "_" or (pattern[p] != "%" and pattern[p] == text[t])):
            t += 1
            p += 1
        elif p < length and pattern[p] == "%":
            star = p
            mark = t
            p += 1
        elif star != -1:
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    while p < length and pattern[p] == "%":
        p += 1
    return p == length


_SOUNDEX_CODES = {
    **dict.fromkeys("BFPV", "1"),
    **dict.fromkeys("CGJKQSXZ", "2"),
    **dict.fromkeys("DT", "3"),
    "L": "4",
    **dict.fromkeys("MN", "5"),
    "R": "6",
}


def soundex(text: str) -> str:
    """Return the American Soundex code of ``text`` (``Robert`` → ``R163``); ``""`` for no letters."""
    letters = [char for char in text.upper() if "A" <= char <= "Z"]
    if not letters:
        return ""
    code = letters[0]
    previous = _SOUNDEX_CODES.get(letters[0], "")
    for char in letters[1:]:
        digit = _SOUNDEX_CODES.get(char, "")
        if digit and digit != previous:
            code += digit
            if len(code) == 4:
                break
        if char not in "HW":
            previous = digit
    return code.ljust(4, "0")


def _scalar_test(modifier: str, values: list[str], upper: list[str], path: FieldPath, env: QueryEnv) -> ValuePredicate:
    """Build the test of one stored scalar value for ``modifier`` (lists are handled by the caller)."""
    field_type = path.field_type if path.field_type != "string[]" else "string"
    if modifier in _NO_VALUE:
        if modifier == "isnull":
            return lambda value: value is None
        if modifier == "notnull":
            return lambda value: value is not None
        if modifier == "isblank":
            return lambda value: value is None or value == ""
        return lambda value: value is not None and value != ""
    if not values:
        raise ClassicError(f"Missing value for field {path.text} (modifier {modifier})")
    first = values[0]
    ci = modifier.startswith("ci") or modifier == "startswith"
    if modifier in {
        "contains",
        "cicontains",
        "notcontains",
        "cinotcontains",
        "startswith",
        "cistartswith",
        "endswith",
        "ciendswith",
        "like",
        "cilike",
        "cicontainsany",
        "cicontainsall",
        "cinotcontainsany",
        "cinotcontainsall",
        "soundex",
        "length_lt",
        "length_eq",
        "length_gt",
    }:
        return _text_test(modifier, first, ci, path)
    if modifier in {"bitwiseor", "bitwiseand", "bitwisenand"}:
        mask_number = as_number(first)
        if mask_number is None:
            raise ClassicError(f"Invalid number '{first}' for field {path.text}")
        mask = int(mask_number)

        def bits(value: Any) -> int | None:
            number = as_number(value)
            return None if number is None else int(number)

        if modifier == "bitwiseor":
            return lambda value: (bits(value) or 0) & mask > 0
        if modifier == "bitwiseand":
            return lambda value: bits(value) is not None and (bits(value) or 0) & mask == mask
        return lambda value: bits(value) is not None and (bits(value) or 0) & mask == 0
    typed = _typed(field_type, path, env, ci and field_type == "string")
    norm = typed.stored
    if modifier == "exacttime":
        target = typed.exact(first)
        return lambda value: norm(value) == target
    if modifier in {"between", "cibetween", "notbetween", "cinotbetween"}:
        if not upper:
            raise ClassicError(f"Modifier {modifier} on field {path.text} needs {path.text}_Range")
        low = typed.parse(first)[0]
        high = typed.parse(upper[0])[1]
        if modifier in {"between", "cibetween"}:
            return lambda value: (lambda x: x is not None and low <= x <= high)(norm(value))
        return lambda value: (lambda x: x is not None and not low <= x <= high)(norm(value))
    several = len(values) > 1 and modifier in {"eq", "cieq", "ne", "cine", "nee"}
    if several or modifier in {"in", "ciin", "notin", "cinotin", "allof"}:
        bounds = [typed.parse(text) for text in values]
        exact = {low for low, high in bounds if low == high}
        spans = [(low, high) for low, high in bounds if low != high]

        def within(x: Any) -> bool:
            if x in exact:
                return True
            return any(low <= x <= high for low, high in spans)

        if modifier in {"in", "ciin", "allof", "eq", "cieq"}:
            return lambda value: (lambda x: x is not None and within(x))(norm(value))
        if modifier in {"ne", "cine"}:  # several values: none of them, NULL included
            return lambda value: (lambda x: x is None or not within(x))(norm(value))
        return lambda value: (lambda x: x is not None and not within(x))(norm(value))
    low, high = typed.parse(first)
    if modifier in {"eq", "cieq"}:
        if low == high:
            return lambda value: norm(value) == low
        return lambda value: (lambda x: x is not None and low <= x <= high)(norm(value))
    if modifier in {"ne", "cine"}:
        return lambda value: (lambda x: x is None or not low <= x <= high)(norm(value))
    if modifier == "nee":
        return lambda value: (lambda x: x is not None and not low <= x <= high)(norm(value))
    if modifier == "lt":
        return lambda value: (lambda x: x is not None and x < low)(norm(value))
    if modifier == "lte":
        return lambda value: (lambda x: x is not None and x <= high)(norm(value))
    if modifier == "gt":
        return lambda value: (lambda x: x is not None and x > high)(norm(value))
    if modifier == "gte":
        return lambda value: (lambda x: x is not None and x >= low)(norm(value))
    raise ClassicError(f"Unknown modifier '{modifier}' for field {path.text}")  # pragma: no cover


def _text_test(modifier: str, first: str, ci: bool, path: FieldPath) -> ValuePredicate:
    fold: Callable[[str], str] = str.casefold if ci else (lambda text: text)
    needle = fold(first)

    def text_of(value: Any) -> str | None:
        return None if value is None else fold(as_text(value))

    if modifier in {"contains", "cicontains"}:
        return lambda value: (lambda x: x is not None and needle in x)(text_of(value))
    if modifier in {"notcontains", "cinotcontains"}:
        return lambda value: (lambda x: x is not None and needle not in x)(text_of(value))
    if modifier in {"startswith", "cistartswith"}:
        return lambda value: (lambda x: x is not None and x.startswith(needle))(text_of(value))
    if modifier in {"endswith", "ciendswith"}:
        return lambda value: (lambda x: x is not None and x.endswith(needle))(text_of(value))
    if modifier in {"like", "cilike"}:
        pattern = needle
        return lambda value: (lambda x: x is not None and like_match(x, pattern))(text_of(value))
    if modifier in {"cicontainsany", "cicontainsall", "cinotcontainsany", "cinotcontainsall"}:
        words = [word for word in needle.split() if word]
        if not words:
            raise ClassicError(f"Missing value for field {path.text} (modifier {modifier})")
        combine = any if modifier.endswith("any") else all
        negate = "not" in modifier

        def words_test(value: Any) -> bool:
            x = text_of(value)
            if x is None:
                return False
            hit = combine(word in x for word in words)
            return not hit if negate else hit

        return words_test
    if modifier == "soundex":
        code = soundex(first)
        return lambda value: value is not None and soundex(as_text(value)) == code
    length_number = as_number(first)
    if length_number is None:
        raise ClassicError(f"Invalid number '{first}' for field {path.text} (modifier {modifier})")
    length = int(length_number)
    if modifier == "length_lt":
        return lambda value: value is not None and len(as_text(value)) < length
    if modifier == "length_eq":
        return lambda value: value is not None and len(as_text(value)) == length
    return lambda value: value is not None and len(as_text(value)) > length


def value_test(modifier: str, values: list[str], upper: list[str], path: FieldPath, env: QueryEnv) -> ValuePredicate:
    """Build the test of one stored value (a scalar or a multi-value list) for a condition."""
    scalar = _scalar_test(modifier, values, upper, path, env)
    if modifier in _NO_VALUE:
        empty_is = modifier in {"isnull", "isblank"}

        def list_aware_null(value: Any) -> bool:
            if isinstance(value, list):
                return (not value) == empty_is
            return scalar(value)

        return list_aware_null
    if modifier == "allof":
        singles = [_scalar_test("eq", [text], [], path, env) for text in values]

        def all_of(value: Any) -> bool:
            items = value if isinstance(value, list) else ([] if value is None else [value])
            return all(any(single(item) for item in items) for single in singles)

        return all_of
    negative = modifier in _NEGATIVE

    def list_aware(value: Any) -> bool:
        if isinstance(value, list):
            if not value:
                return scalar(None)
            return all(scalar(item) for item in value) if negative else any(scalar(item) for item in value)
        return scalar(value)

    return list_aware


# -- parameters --------------------------------------------------------------------------------


def json_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def param_items(params: Any) -> list[tuple[str, list[str]]]:
    """Return request parameters as ``[(name, [values...]), ...]`` in order (MultiDict, mapping or pairs)."""
    if params is None:
        return []
    if hasattr(params, "lists"):
        return [(key, [json_text(value) for value in values]) for key, values in params.lists()]
    items: Iterable[tuple[str, Any]] = params.items() if isinstance(params, Mapping) else params
    out = []
    for key, value in items:
        values = value if isinstance(value, list | tuple) else [value]
        out.append((key, [json_text(item) for item in values]))
    return out


def _json_filter_items(texts: list[str]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for text in texts:
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ClassicError(f"Invalid JSON in filters: {error}") from error
        if not isinstance(data, dict):
            raise ClassicError("filters must be a JSON object of field names to values")
        for key, value in data.items():
            values = value if isinstance(value, list) else [value]
            out.append((str(key), [json_text(item) for item in values]))
    return out


def json_array_value(text: str) -> list[Any] | None:
    """Return the list a parameter value spells as a JSON array (python-workfront's lists), else None."""
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    return data if isinstance(data, list) else None


def _expand_values(texts: list[str]) -> list[str]:
    """Repeated values stay separate; a JSON-array value becomes several values."""
    out: list[str] = []
    for text in texts:
        data = json_array_value(text)
        if data is None:
            out.append(text)
        else:
            out.extend(json_text(item) for item in data)
    return out


@dataclass
class _Entry:
    """Everything given for one (group, and-slot, exists-block, path)."""

    path: str
    values: list[str] | None = None
    modifier: str | None = None
    upper: list[str] | None = None


@dataclass
class _Group:
    entries: dict[tuple[str | None, str], _Entry] = field(default_factory=dict)
    exists: dict[str, dict[tuple[str | None, str], _Entry]] = field(default_factory=dict)

    def entry(self, and_slot: str | None, exists: str | None, path: str) -> _Entry:
        table = self.entries if exists is None else self.exists.setdefault(exists, {})
        key = (and_slot, path)
        found = table.get(key)
        if found is None:
            found = table[key] = _Entry(path)
        return found


@dataclass(frozen=True)
class SortKey:
    """One sort: the path, ``desc`` flag and case-insensitivity."""

    path: FieldPath
    descending: bool
    case_insensitive: bool


@dataclass
class SearchQuery:
    """A parsed search: the object, a compiled predicate, sorts and paging.

    ``predicate`` is ``None`` when there is no filter. ``limit`` ``None`` means no limit.
    """

    obj: ObjectDef
    env: QueryEnv
    predicate: Predicate | None = None
    sorts: list[SortKey] = field(default_factory=list)
    limit: int | None = DEFAULT_LIMIT
    first: int = 0


def _limit(texts: list[str]) -> int | None:
    text = texts[-1].strip() if texts else ""
    if text == "":
        return None
    try:
        limit = int(text)
    except ValueError:
        try:
            limit = int(float(text))
        except (ValueError, OverflowError):
            raise ClassicError(f"Invalid $$LIMIT value '{text}': expected a whole number up to {MAX_LIMIT}") from None
    if limit > MAX_LIMIT:
        raise ClassicError(f"The requested limit {limit} is greater than the maximum allowed limit of {MAX_LIMIT}")
    return None if limit <= 0 else limit


def _first(texts: list[str]) -> int:
    text = texts[-1].strip() if texts else ""
    if text == "":
        return 0
    try:
        first = int(text)
    except ValueError:
        raise ClassicError(f"Invalid $$FIRST value '{text}': expected a number of rows to skip") from None
    return max(first, 0)


def _normalise_modifier(text: str, path: str) -> str:
    modifier = text.strip().lower()
    modifier = _ALIASES.get(modifier, modifier)
    if modifier not in _MODIFIERS:
        raise ClassicError(f"Unknown modifier '{text}' for field {path} (see the _Mod values of the API)")
    return modifier


def _compile_entry(obj: ObjectDef, entry: _Entry, env: QueryEnv) -> Predicate:
    path = resolve_path(obj, entry.path, env)
    raw_values = _expand_values(entry.values or [])
    upper = _expand_values(entry.upper or [])
    modifier = _normalise_modifier(entry.modifier, entry.path) if entry.modifier else None
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


def _compile_exists(
    obj: ObjectDef, letter: str, entries: dict[tuple[str | None, str], _Entry], env: QueryEnv
) -> Predicate:
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
        conditions.append(_compile_entry(inner, entry, env))
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


def _classify(key: str) -> tuple[str | None, str | None, str | None, str]:
    """Split ``OR:1:AND:2:EXISTS:A:rest`` into (or, and, exists, rest)."""
    or_slot = and_slot = exists = None
    rest = key
    while True:
        match = _PREFIX.match(rest)
        if match is None:
            break
        word = match.group(1).upper()
        token = match.group(2)
        if word == "OR" and or_slot is None and exists is None:
            or_slot = token
        elif word == "AND" and and_slot is None:
            and_slot = token
        elif word == "EXISTS" and exists is None:
            exists = token
        else:
            break
        rest = rest[match.end() :]
    return or_slot, and_slot, exists, rest


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
    filter_items = plain + _json_filter_items(json_texts)

    groups: dict[str, _Group] = {}
    group_order: list[str] = []
    sort_specs: list[tuple[int, int, str, str]] = []
    for position, (key, values) in enumerate(filter_items):
        or_slot, and_slot, exists, rest = _classify(key)
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
            groups[group_key] = _Group()
            group_order.append(group_key)
        entry = groups[group_key].entry(and_slot, exists, path)
        if suffix == "Mod":
            entry.modifier = values[-1] if values else ""
        elif suffix == "Range":
            entry.upper = values
        else:
            entry.values = (entry.values or []) + values

    group_predicates: list[Predicate] = []
    for group_key in group_order:
        group = groups[group_key]
        predicates = [_compile_entry(obj, entry, env) for entry in group.entries.values()]
        predicates.extend(_compile_exists(obj, letter, entries, env) for letter, entries in group.exists.items())
        if not predicates:
            continue
        group_predicates.append(_all_of(predicates))
    predicate: Predicate | None
    if not group_predicates:
        predicate = None
    elif len(group_predicates) == 1:
        predicate = group_predicates[0]
    else:
        alternatives = group_predicates
        predicate = lambda record: any(test(record) for test in alternatives)  # noqa: E731

    sorts = []
    for _, _, path, direction in sorted(sort_specs):
        word = direction.strip().lower()
        if word not in {"asc", "desc", "ciasc", "cidesc"}:
            raise ClassicError(f"Invalid sort direction '{direction}' for {path}: use asc, desc, ciasc or cidesc")
        sorts.append(SortKey(resolve_path(obj, path, env), word.endswith("desc"), word.startswith("ci")))

    limit = default_limit if limit_texts is None else _limit(limit_texts)
    first = 0 if first_texts is None else _first(first_texts)
    return SearchQuery(obj=obj, env=env, predicate=predicate, sorts=sorts, limit=limit, first=first)


def _all_of(predicates: list[Predicate]) -> Predicate:
    if len(predicates) == 1:
        return predicates[0]
    if len(predicates) == 2:
        first, second = predicates
        return lambda record: first(record) and second(record)
    return lambda record: all(test(record) for test in predicates)


# -- running -----------------------------------------------------------------------------------


def matching(store: Store, query: SearchQuery) -> list[Record]:
    """Return every record of the query's object that passes its filters (store order)."""
    rows = store.table(query.obj.obj_code).values()
    predicate = query.predicate
    if predicate is None:
        return list(rows)
    return [row for row in rows if predicate(row)]


def _sort_value(key: SortKey, value: Any) -> Any:
    field_type = key.path.field_type
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    if field_type in _NUMBER_TYPES or field_type == "boolean":
        number = as_number(value)
        return number if number is not None else None
    if field_type == "dateTime":
        return stored_key(value) if isinstance(value, str) else None
    text = as_text(value)
    return text.casefold() if key.case_insensitive else text


def _sort(rows: list[Record], sorts: list[SortKey]) -> list[Record]:
    for key in reversed(sorts):
        path = key.path
        direct = not path.hops
        name = path.name

        def sort_key(row: Record, _key: SortKey = key, _direct: bool = direct, _name: str = name) -> tuple[Any, ...]:
            value = _sort_value(_key, row.get(_name) if _direct else _key.path.value(row))
            return (1, "") if value is None else (0, value)

        # (1, "") for NULL: ascending puts NULLs last, reverse=True (descending) puts them first
        rows.sort(key=sort_key, reverse=key.descending)
    return rows


def run_search(store: Store, query: SearchQuery) -> list[Record]:
    """Run a search: filter, sort, skip ``$$FIRST`` and cut at ``$$LIMIT``. Records are the store's (read-only)."""
    rows = matching(store, query)
    if query.sorts:
        rows = _sort(rows, query.sorts)
    start = query.first
    end = None if query.limit is None else start + query.limit
    if start or end is not None:
        rows = rows[start:end]
    return rows


def count(store: Store, query: SearchQuery) -> int:
    """Count the records that pass the query's filters (``$$LIMIT``/``$$FIRST`` do not apply)."""
    predicate = query.predicate
    rows = store.table(query.obj.obj_code).values()
    if predicate is None:
        return len(rows)
    return sum(1 for row in rows if predicate(row))

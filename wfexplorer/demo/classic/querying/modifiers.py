"""The ``_Mod`` modifier table and the value tests it builds (NULLs, ranges, lists, bitwise, comparisons)."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.coercion import as_number, typed_for
from wfexplorer.demo.classic.querying.paths import FieldPath, ValuePredicate
from wfexplorer.demo.classic.querying.textmatch import text_test

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


def normalise_modifier(text: str, path: str) -> str:
    """Lower-case a ``_Mod`` value, resolve aliases (``null`` → ``isnull``) and refuse unknown ones."""
    modifier = text.strip().lower()
    modifier = _ALIASES.get(modifier, modifier)
    if modifier not in _MODIFIERS:
        raise ClassicError(f"Unknown modifier '{text}' for field {path} (see the _Mod values of the API)")
    return modifier


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
        return text_test(modifier, first, ci, path)
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
    typed = typed_for(field_type, path, env, ci and field_type == "string")
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

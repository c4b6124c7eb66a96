"""Value coercion: truth, number and text forms of stored values, and per-field-type filter value parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wfexplorer.demo.classic.dates import DateBound, day_key, stored_key
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.paths import FieldPath
from wfexplorer.demo.classic.wildcards import parse_date_value

NUMBER_TYPES = {"int", "double"}


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


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


@dataclass
class Typed:
    """How one field type normalises stored values and parses filter values into (low, high) bounds."""

    stored: Callable[[Any], Any]
    parse: Callable[[str], tuple[Any, Any]]
    exact: Callable[[str], Any]


def typed_for(field_type: str, path: FieldPath, env: QueryEnv, case_insensitive: bool) -> Typed:
    """Return how ``field_type`` normalises stored values and parses filter values (raises on bad input)."""
    label = path.text
    if field_type in NUMBER_TYPES:

        def parse_number(text: str) -> tuple[float, float]:
            number = as_number(text)
            if number is None:
                raise ClassicError(f"Invalid number '{text}' for field {label}")
            return number, number

        return Typed(as_number, parse_number, lambda text: parse_number(text)[0])
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

        return Typed(stored_bool, parse_bool, lambda text: parse_bool(text)[0])
    if field_type == "dateTime":

        def parse_moment(text: str) -> tuple[str, str]:
            bound = parse_date_value(text, env)
            return bound.start_key, bound.end_key

        def stored_moment(value: Any) -> Any:
            return stored_key(value) if isinstance(value, str) else None

        return Typed(stored_moment, parse_moment, lambda text: parse_date_value(text, env).start_key)
    if field_type == "date":

        def parse_day(text: str) -> tuple[str, str]:
            bound: DateBound = parse_date_value(text, env)
            return bound.date_keys(env.tz)

        def stored_day(value: Any) -> Any:
            return day_key(value) if isinstance(value, str) else None

        return Typed(stored_day, parse_day, lambda text: parse_day(text)[0])
    if case_insensitive:

        def stored_ci(value: Any) -> Any:
            return None if value is None else as_text(value).casefold()

        return Typed(stored_ci, lambda text: (text.casefold(), text.casefold()), str.casefold)

    def stored_text(value: Any) -> Any:
        return None if value is None else as_text(value)

    return Typed(stored_text, lambda text: (text, text), lambda text: text)

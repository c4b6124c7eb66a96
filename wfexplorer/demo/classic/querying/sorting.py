"""``_Sort`` parameters: sort keys and a stable multi-key sort (NULLs last ascending, first descending)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wfexplorer.demo.classic.dates import stored_key
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.querying.coercion import NUMBER_TYPES, as_number, as_text
from wfexplorer.demo.classic.querying.paths import FieldPath, resolve_path
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record


@dataclass(frozen=True)
class SortKey:
    """One sort: the path, ``desc`` flag and case-insensitivity."""

    path: FieldPath
    descending: bool
    case_insensitive: bool


def _sort_value(key: SortKey, value: Any) -> Any:
    field_type = key.path.field_type
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    if field_type in NUMBER_TYPES or field_type == "boolean":
        number = as_number(value)
        return number if number is not None else None
    if field_type == "dateTime":
        return stored_key(value) if isinstance(value, str) else None
    text = as_text(value)
    return text.casefold() if key.case_insensitive else text


def sort_rows(rows: list[Record], sorts: list[SortKey]) -> list[Record]:
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


def parse_sorts(obj: ObjectDef, specs: list[tuple[int, int, str, str]], env: QueryEnv) -> list[SortKey]:
    """Turn ``(number, position, path, direction)`` specs into sort keys, ``field_n_Sort`` numbers first."""
    sorts = []
    for _, _, path, direction in sorted(specs):
        word = direction.strip().lower()
        if word not in {"asc", "desc", "ciasc", "cidesc"}:
            raise ClassicError(f"Invalid sort direction '{direction}' for {path}: use asc, desc, ciasc or cidesc")
        sorts.append(SortKey(resolve_path(obj, path, env), word.endswith("desc"), word.startswith("ci")))
    return sorts

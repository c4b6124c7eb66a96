"""Paging: the ``$$LIMIT`` (default 100, at most 2000, ≤ 0 for none) and ``$$FIRST`` parameters."""

from __future__ import annotations

from typing import TypeVar

from wfexplorer.demo.classic.errors import ClassicError

DEFAULT_LIMIT = 100
MAX_LIMIT = 2000

T = TypeVar("T")


def parse_limit(texts: list[str]) -> int | None:
    """Return the ``$$LIMIT`` (last value wins; ``None`` for no limit) or raise for a bad or too-large one."""
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


def parse_first(texts: list[str]) -> int:
    """Return the ``$$FIRST`` rows to skip (last value wins; negative means 0) or raise for a non-number."""
    text = texts[-1].strip() if texts else ""
    if text == "":
        return 0
    try:
        first = int(text)
    except ValueError:
        raise ClassicError(f"Invalid $$FIRST value '{text}': expected a number of rows to skip") from None
    return max(first, 0)


def page(rows: list[T], first: int, limit: int | None) -> list[T]:
    """Skip ``first`` rows and keep at most ``limit`` (``None``: all the rest)."""
    end = None if limit is None else first + limit
    if first or end is not None:
        rows = rows[first:end]
    return rows

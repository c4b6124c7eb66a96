"""Workfront names and Python names: ``assignedToID`` ↔ ``assigned_to_id``, class names, close matches."""

from __future__ import annotations

import difflib
import keyword
import re
from collections.abc import Iterable

#: Metadata object names whose Python class is named differently (as python-workfront does).
CLASS_NAME_OVERRIDES = {"OpTask": "Issue"}

_HUMP = re.compile(r"([a-z0-9]|^)([A-Z]+)")


def python_name(workfront_name: str) -> str | None:
    """Return the attribute name for a Workfront member (``projectID`` → ``project_id``), or ``None``.

    The rule is python-workfront's, so scripts written for it keep working: a run of capitals becomes
    one lower-case word (``URL`` → ``url``, ``BCCompletionState`` → ``bccompletion_state``). Names that
    cannot be identifiers (``DE:Budget Code``) give ``None``; Python keywords get a trailing ``_``.
    """

    def replace(match: re.Match[str]) -> str:
        before = match.group(1)
        return (before + "_" if before else "") + match.group(2).lower()

    name = _HUMP.sub(replace, workfront_name).lower()
    if not name.isidentifier():
        return None
    return name + "_" if keyword.iskeyword(name) else name


def class_name(object_name: str) -> str:
    """Return the Python class name for a metadata object name (``OpTask`` → ``Issue``)."""
    name = CLASS_NAME_OVERRIDES.get(object_name, object_name)
    name = re.sub(r"\W", "_", name)
    return name if name.isidentifier() and not keyword.iskeyword(name) else f"Object_{name}"


def closest(name: str, candidates: Iterable[str], count: int = 3) -> list[str]:
    """Return up to ``count`` candidates that look like ``name`` (case-insensitive), best first."""
    pool = list(candidates)
    by_lower: dict[str, str] = {}
    for candidate in pool:
        by_lower.setdefault(candidate.lower(), candidate)
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=count, cutoff=0.6)
    found = [by_lower[match] for match in matches]
    if not found:
        lowered = name.lower()
        found = [candidate for candidate in pool if lowered in candidate.lower()][:count]
    return found

"""Field values as the edit state keeps them: one canonical form per editor kind, compared and checked.

:func:`canonical` turns what the server sent into the form the state and editors use (a Planning reference's
``[{"id", "value"}]`` becomes a list of ids, a People value stays an id or a typed ``{"id", "idType"}``; an
empty text becomes ``None``); :func:`same` says whether two
values mean the same (two spellings of one moment are equal); :func:`problem` says in words what is wrong
with a value before anything is sent, or returns ``None``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from wfexplorer.core.details import parse_time
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec

LIST_KINDS = frozenset({EditorKind.MULTI_CHOICE, EditorKind.PEOPLE, EditorKind.RECORD_REFERENCE})
NUMBER_KINDS = frozenset({EditorKind.INTEGER, EditorKind.DECIMAL, EditorKind.CURRENCY, EditorKind.PERCENT})
TIME_KINDS = frozenset({EditorKind.DATE, EditorKind.DATE_TIME})
#: The id types a People value may name (Planning v2: ``{"id", "idType"}``).
ID_TYPES = ("WF", "IMS")


def _ident(item: Any) -> Any:
    if isinstance(item, Mapping):
        return item.get("id") or item.get("ID") or item.get("value")
    return item


def person(item: Any) -> Any:
    """One People value in the state's form: the id the server sent (a plain string: Planning reports IMS ids),
    or what the user picked, ``{"id", "idType": "WF"|"IMS"}``, the typed form the Planning API documents."""
    if isinstance(item, Mapping):
        ident, id_type = item.get("id") or item.get("ID"), item.get("idType")
        if ident and id_type in ID_TYPES:
            return {"id": str(ident), "idType": str(id_type)}
        return str(ident) if ident else None
    return item


def person_id(item: Any) -> tuple[str, str | None]:
    """A People value's id and its id type (``WF``, ``IMS``; None when the value does not say)."""
    if isinstance(item, Mapping):
        return str(item.get("id")), item.get("idType")
    return str(item), None


def canonical(spec: FieldSpec, value: Any) -> Any:
    """The state's form of a wire value for ``spec``."""
    if value is None or value == "" or value == []:
        return None
    if spec.kind is EditorKind.PEOPLE:
        items = value if isinstance(value, list | tuple) else [value]
        return [item for item in map(person, items) if item is not None] or None
    if spec.kind in LIST_KINDS:
        items = value if isinstance(value, list | tuple) else [value]
        return [_ident(item) for item in items] or None
    if spec.kind in (EditorKind.REFERENCE,) and isinstance(value, Mapping):
        return _ident(value)
    return value


def labels(spec: FieldSpec, value: Any) -> dict[str, str]:
    """Names the server sent with ids (a Planning reference's ``value``, a user's ``name``), by id."""
    items = value if isinstance(value, list | tuple) else [value]
    found: dict[str, str] = {}
    for item in items:
        if isinstance(item, Mapping):
            ident = item.get("id") or item.get("ID")
            name = item.get("value") or item.get("name") or item.get("displayName")
            if ident and name:
                found[str(ident)] = str(name)
    return found


def external_ids(spec: FieldSpec, value: Any) -> dict[str, str]:
    """Planning record id → the external (classic Workfront) id a reference's items carry (``externalId``)."""
    items = value if isinstance(value, list | tuple) else [value]
    return {str(item["id"]): str(item["externalId"]) for item in items
            if isinstance(item, Mapping) and item.get("id") and item.get("externalId")}


def moment(value: Any) -> dt.datetime | dt.date | None:
    """A date or date-time value as a Python object (None when it is not one)."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        return None
    if len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return parse_time(value)


def same(spec: FieldSpec, left: Any, right: Any) -> bool:
    """Whether two values of ``spec`` mean the same (so a change back to the original is no change)."""
    left, right = canonical(spec, left), canonical(spec, right)
    if left is None or right is None:
        return left is None and right is None
    if spec.kind in TIME_KINDS:
        a, b = moment(left), moment(right)
        if a is not None and b is not None:
            if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
                return a == b
            return _day(a) == _day(b)
    if spec.kind in NUMBER_KINDS and isinstance(left, int | float) and isinstance(right, int | float):
        return math.isclose(float(left), float(right), rel_tol=0, abs_tol=1e-9)
    if spec.kind is EditorKind.MULTI_CHOICE and isinstance(left, list) and isinstance(right, list):
        return sorted(map(str, left)) == sorted(map(str, right))
    return bool(left == right)


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def problem(spec: FieldSpec, value: Any) -> str | None:
    """What is wrong with ``value`` for ``spec``, in words; None when it may be sent."""
    value = canonical(spec, value)
    if value is None:
        return f"{spec.label} is required." if spec.required else None
    kind = spec.kind
    if kind is EditorKind.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{spec.label} must be a whole number."
    if kind in NUMBER_KINDS:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return f"{spec.label} must be a number."
        if kind is EditorKind.PERCENT and spec.api is Api.CLASSIC and not 0 <= value <= 100:
            return f"{spec.label} must be between 0 and 100."
    if kind is EditorKind.BOOLEAN and not isinstance(value, bool):
        return f"{spec.label} must be yes or no."
    if kind in TIME_KINDS and moment(value) is None:
        return f"{spec.label} must be a date such as 2026-03-15."
    if kind in (EditorKind.CHOICE, EditorKind.STATUS) and spec.options:
        base = value.split(":", 1)[0] if kind is EditorKind.STATUS and isinstance(value, str) else value
        if spec.option_label(value) is None and spec.option_label(base) is None:
            return f"{value!r} is not one of the values of {spec.label}."
    if kind is EditorKind.MULTI_CHOICE and spec.options:
        unknown = [item for item in value if spec.option_label(item) is None]
        if unknown:
            return f"{', '.join(map(repr, unknown))} is not one of the values of {spec.label}."
    if kind is EditorKind.URL and isinstance(value, str):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return f"{spec.label} must be a web address starting with https://."
    if kind in (EditorKind.TEXT, EditorKind.LONG_TEXT, EditorKind.URL) and not isinstance(value, str):
        return f"{spec.label} must be text."
    if kind is EditorKind.RECORD_REFERENCE and not spec.multiple and len(value) > 1:
        return f"{spec.label} connects a single record."
    if kind is EditorKind.PEOPLE and not spec.multiple and len(value) > 1:
        return f"{spec.label} takes a single person."
    return None


def wire(spec: FieldSpec, value: Any) -> Any:
    """The value as the save request sends it (None clears the field)."""
    value = canonical(spec, value)
    if value is None:
        return None
    if spec.kind in TIME_KINDS:
        when = moment(value)
        if isinstance(when, dt.datetime):
            if spec.api is Api.CLASSIC:
                return when.strftime("%Y-%m-%dT%H:%M:%S:") + f"{when.microsecond // 1000:03d}" + when.strftime("%z")
            return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z") if spec.kind is \
                EditorKind.DATE_TIME else when.date().isoformat()
        if isinstance(when, dt.date):
            return when.isoformat()
    return value

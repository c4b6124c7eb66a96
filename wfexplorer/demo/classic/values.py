"""Turning client input into stored values: which parameters are updates, and type coercion.

A write carries its fields either as plain parameters (``name=x``; python-workfront JSON-encodes
non-scalars) or as ``updates`` JSON; mixing both is an error (classic-api.md §3.8). Each value
is coerced to its field's type: ``int``, ``double``, ``boolean`` (``true``/``True``/``1``),
``dateTime`` (any accepted input format → stored UTC ISO), ``date``, ``string[]``; ``null``
clears a field, and so does an empty string for an ID field (``parentID=``, ``homeTeamID=""``).
``DE:`` custom-form values are stored under their full key.
"""

from __future__ import annotations

import json
import math
from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.dates import day_key, parse_datetime_to_stored
from wfexplorer.demo.classic.errors import ILLEGAL_ARGUMENT, UNPROCESSABLE, ClassicError
from wfexplorer.demo.classic.schema import FieldDef, ObjectDef
from wfexplorer.demo.unicode_text import describe, lone_surrogate_in

#: Parameters that steer a request rather than carry field values.
CONTROL_PARAMS = frozenset(
    {
        "method", "fields", "updates", "id", "action", "atomic", "force", "copysourceid", "options",
        "map", "filters", "_", "callback", "sessionid", "apikey", "subdomain", "$$limit", "$$first",
    }
)
MAX_BULK = 100


def unknown_field(call: ClassicCall, obj: ObjectDef, name: str) -> ClassicError:
    """Return Workfront's error for a field the object does not have."""
    return ClassicError(f"APIModel {call.api_model} does not support field {name} ({obj.name})")


def parse_json(text: str, what: str = "updates") -> Any:
    """Decode JSON input or raise a Workfront-shaped error naming the parameter."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ClassicError(f"Invalid JSON in '{what}': {error}") from None
    bad = lone_surrogate_in(value)
    if bad is not None:
        raise ClassicError(
            f"Invalid character in '{what}': {describe(bad)} is a lone UTF-16 surrogate, not valid Unicode text"
        )
    return value


def updates_param(call: ClassicCall) -> dict[str, Any] | list[Any] | None:
    """Return the decoded ``updates`` parameter (object or array), or ``None`` when absent."""
    text = call.params.get("updates")
    if text is None:
        return None
    value = parse_json(text)
    if isinstance(value, list):
        if len(value) > MAX_BULK:
            raise ClassicError(f"Too many objects in one request: {len(value)} (the maximum is {MAX_BULK})")
        if not all(isinstance(item, dict) for item in value):
            raise ClassicError("Every element of 'updates' must be a JSON object")
        return value
    if not isinstance(value, dict):
        raise ClassicError("'updates' must be a JSON object or an array of objects")
    return value


def plain_values(call: ClassicCall) -> dict[str, Any]:
    """Return the plain field parameters of a write (``name -> text or [texts]``)."""
    values: dict[str, Any] = {}
    for key, texts in call.params.items():
        if key.lower() in CONTROL_PARAMS:
            continue
        values[key] = texts[0] if len(texts) == 1 else texts
    return values


def write_values(call: ClassicCall) -> tuple[dict[str, Any] | list[dict[str, Any]], bool]:
    """Return the write's values and whether they came from ``updates`` JSON (else plain text).

    Mixing ``updates`` with plain field parameters is refused.
    """
    updates = updates_param(call)
    plain = plain_values(call)
    if updates is not None:
        if plain:
            first = next(iter(plain))
            raise ClassicError(f"Cannot mix 'updates' JSON parameter with non-JSON update parameter '{first}'")
        return updates, True
    return plain, False


# -- coercion -----------------------------------------------------------------------------


def _bad(field: FieldDef, obj: ObjectDef, value: Any) -> ClassicError:
    return ClassicError(
        f"Invalid value for field {field.name} ({obj.name}) of type {field.field_type}: {value!r}",
        error_class=ILLEGAL_ARGUMENT,
    )


def _from_text(field: FieldDef, text: str) -> Any:
    """Decode a plain-parameter text for a non-string field (python-workfront sends JSON for non-scalars)."""
    stripped = text.strip()
    if stripped in ("null", ""):
        return None
    if field.field_type == "string[]" and stripped.startswith("["):
        return parse_json(stripped, field.name)
    return text


def coerce(call: ClassicCall, obj: ObjectDef, field: FieldDef, value: Any, from_text: bool) -> Any:
    """Return ``value`` as the stored form of ``field`` (raise on a value of the wrong type)."""
    kind = field.field_type
    if from_text and isinstance(value, str):
        # python-workfront sends None as the JSON text "null": it clears the field, whatever its type
        value = None if value == "null" else value if kind == "string" else _from_text(field, value)
    if value is None:
        return None
    if isinstance(value, list) and kind != "string[]":
        if len(value) != 1:
            raise _bad(field, obj, value)
        value = value[0]
    if kind == "string":
        if isinstance(value, (dict, list)):
            raise _bad(field, obj, value)
        if isinstance(value, bool):
            return "true" if value else "false"
        text = value if isinstance(value, str) else json.dumps(value)
        if "\x00" in text:
            raise ClassicError("Invalid character (NUL) in a field value")
        if not text.strip() and is_id_field(obj, field.name):
            return None  # an empty string clears an ID field (§8): no reference is stored as null
        return text
    if kind == "int":
        return _to_int(field, obj, value)
    if kind == "double":
        return _to_float(field, obj, value)
    if kind == "boolean":
        return _to_bool(field, obj, value)
    if kind == "dateTime":
        if not isinstance(value, str):
            raise _bad(field, obj, value)
        return parse_datetime_to_stored(value, call.env().tz)
    if kind == "date":
        key = day_key(value) if isinstance(value, str) else None
        if key is None:
            raise _bad(field, obj, value)
        return key
    # string[]
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in items):
        raise _bad(field, obj, value)
    return list(items)


def is_id_field(obj: ObjectDef, name: str) -> bool:
    """Tell whether ``name`` holds the ID of a reference of ``obj`` (``parentID``, ``homeTeamID``, ``objID``…)."""
    return any(reference.id_field == name for reference in obj.references.values())


def _to_int(field: FieldDef, obj: ObjectDef, value: Any) -> int:
    if isinstance(value, bool):
        raise _bad(field, obj, value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise _bad(field, obj, value) from None
        if number.is_integer():
            return int(number)
    raise _bad(field, obj, value)


def _to_float(field: FieldDef, obj: ObjectDef, value: Any) -> float:
    if isinstance(value, bool):
        raise _bad(field, obj, value)
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise _bad(field, obj, value) from None
    if not math.isfinite(number):
        raise _bad(field, obj, value)
    return number


def _to_bool(field: FieldDef, obj: ObjectDef, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no"):
            return False
    raise _bad(field, obj, value)


def check_enum(obj: ObjectDef, field: FieldDef, value: Any) -> None:
    """Refuse a value outside a (non-status) enum field's possible values."""
    if value is None or not field.is_enum or field.name == "status":
        return
    allowed = field.allowed_values()
    if value in allowed or str(value) in {str(item) for item in allowed}:
        return
    raise ClassicError(
        f"Invalid value(s) for field '{field.label}': [{value!r}]", kind=UNPROCESSABLE
    )

"""Names in requests: field specs (``owner:*``), search parameters (``project:name_Mod``), values.

Every name may be a Workfront name, a Python name or a descriptor; each segment of a colon path is
checked against the object type it lands on, so a misspelt name fails *before* any request with
the closest valid names. ``DE:`` custom fields, ``$$`` controls, ``EXISTS:`` blocks and ``*`` pass
through unchecked. Classes are handled by duck typing (``_members``, ``_workfront_name``) so this
module does not depend on the object model.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from wfexplorer.core import errors

#: Parameters that are never field names.
CONTROL_PARAMETERS = frozenset({"map", "filters", "fields", "method", "atomic", "force", "options", "updates"})
#: Names the server reads as credentials when they appear as plain parameters.
CREDENTIAL_NAMES = frozenset({"username", "password", "apiKey"})
_PREFIX = re.compile(r"^((?:OR|AND):\d+:)(.+)$")
_SUFFIX = re.compile(r"^(.+?)((?:_\d+)?_(?:Mod|Range|Sort|GroupBy|AggFunc|ForceGroupBy))$")


class ClassLookup(Protocol):
    """Anything that finds the object class for an objCode (an ``APIVersion``)."""

    def class_for(self, code: str) -> Any: ...


def workfront_name_of(name: Any) -> str | None:
    """Return the Workfront name of a descriptor (anything with ``workfront_name``), else ``None``."""
    return getattr(name, "workfront_name", None) if not isinstance(name, str) else None


def convert_path(api: ClassLookup | None, cls: Any, name: Any, *, allow_star: bool = False) -> str:
    """Return the Workfront spelling of a (colon) path, checking each segment against its type."""
    direct = workfront_name_of(name)
    if direct is not None:
        return direct
    if not isinstance(name, str) or not name:
        raise errors.ValidationError(f"Not a field name: {name!r}")
    if name.startswith("DE:"):
        return name
    segments = name.split(":")
    out: list[str] = []
    current = cls
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "DE":
            out.append(":".join(segments[index:]))
            break
        if segment == "*":
            if not (allow_star and last):
                raise errors.ValidationError(f"'*' may only end a field path: {name!r}")
            out.append("*")
            break
        if current is None:
            out.append(segment)
            continue
        workfront = current._workfront_name(segment)
        out.append(workfront)
        if last:
            break
        member = current._members.get(workfront)
        if member is None or member.kind == "field":
            raise errors.ValidationError(
                f"{workfront!r} of {current.__name__} is not a reference or collection, "
                f"so {name!r} cannot go through it"
            )
        current = api.class_for(member.target) if (api is not None and member.target) else None
    return ":".join(out)


def field_spec(api: ClassLookup | None, cls: Any, names: Iterable[Any]) -> str:
    """Return the ``fields=`` value for names given in any spelling (each checked)."""
    return ",".join(convert_path(api, cls, name, allow_star=True) for name in names)


def convert_parameter(api: ClassLookup | None, cls: Any, key: Any) -> str:
    """Return the Workfront spelling of a search/count/report parameter name."""
    direct = workfront_name_of(key)
    if direct is not None:
        return direct
    if key.startswith("$$") or key in CONTROL_PARAMETERS or key.startswith("EXISTS:"):
        return str(key)
    match = _PREFIX.match(key)
    if match:
        return match.group(1) + convert_parameter(api, cls, match.group(2))
    match = _SUFFIX.match(key)
    if match and not key.startswith("DE:"):
        return convert_path(api, cls, match.group(1)) + match.group(2)
    if key.startswith("DE:"):
        return str(key)
    return convert_path(api, cls, key)


def encode_value(value: Any) -> str:
    """Return one parameter value as Workfront reads it (JSON for lists and dicts, ``true``/``false``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    object_id = getattr(value, "id", None)
    if object_id is not None and hasattr(value, "code"):
        return str(object_id)
    return json.dumps(value, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    object_id = getattr(value, "id", None)
    if object_id is not None:
        return object_id
    raise TypeError(f"cannot send {type(value).__name__} to Workfront")


def encode_params(params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> list[tuple[str, str]]:
    """Return ``(name, text)`` pairs for generic parameters (lists and dicts become JSON)."""
    if params is None:
        return []
    items = params.items() if isinstance(params, Mapping) else params
    return [(str(key), encode_value(value)) for key, value in items]


def search_params(api: ClassLookup | None, cls: Any, parameters: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """Return search/count/report pairs: names converted and checked, a list value repeated (``in``).

    Filters on ``username``, ``password`` or ``apiKey`` would be read as credentials, so they travel
    inside the ``filters={json}`` parameter instead.
    """
    pairs: list[tuple[str, str]] = []
    hidden: dict[str, Any] = {}
    for key, value in parameters.items():
        name = convert_parameter(api, cls, key)
        base = _SUFFIX.match(name)
        if (base.group(1) if base else name) in CREDENTIAL_NAMES:
            hidden[name] = list(value) if isinstance(value, tuple | set | frozenset) else value
        elif isinstance(value, list | tuple | set | frozenset) and name not in ("filters", "options"):
            pairs.extend((name, encode_value(item)) for item in value)
        else:
            pairs.append((name, encode_value(value)))
    if hidden:
        pairs.append(("filters", json.dumps(hidden, default=_json_default)))
    return pairs


def stable_sort(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Number the sort keys in their priority order and add ``ID`` as the last key, so paging is stable."""
    rest = [(k, v) for k, v in pairs if not k.endswith("_Sort")]
    sorts: list[tuple[int, int, str, str]] = []
    for position, (key, value) in enumerate((k, v) for k, v in pairs if k.endswith("_Sort")):
        base = key[: -len("_Sort")]
        head, _, tail = base.rpartition("_")
        priority = int(tail) if head and tail.isdigit() else 0
        sorts.append((priority, position, head if head and tail.isdigit() else base, value))
    sorts.sort()
    numbered = [(f"{base}_{index}_Sort", value) for index, (_, _, base, value) in enumerate(sorts, start=1)]
    if not any(base == "ID" for _, _, base, _ in sorts):
        numbered.append((f"ID_{len(numbered) + 1}_Sort", "asc"))
    return rest + numbered

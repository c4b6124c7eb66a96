"""What every action implementation shares: the environment, the registry, argument parsing, record helpers."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wfexplorer.demo.classic.errors import BAD_REQUEST, ILLEGAL_ARGUMENT, NOT_FOUND, NOT_FOUND_CLASS, ClassicError
from wfexplorer.demo.classic.schema.model import ActionDef, ObjectDef, Record
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.sessions import SessionRegistry
from wfexplorer.demo.store import Transaction


def iso(epoch: float) -> str:
    """Format Unix seconds as the stored UTC form ``2026-03-02T15:00:00.000Z``."""
    moment = datetime.fromtimestamp(epoch, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_iso(value: str) -> float:
    """Parse a stored UTC ISO string (or a ``YYYY-MM-DD`` date) into Unix seconds."""
    text = value.replace("Z", "+00:00")
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


@dataclass
class ActionEnv:
    """Who runs the action and when: the signed-in user's ID (``None`` for object-less key actions), the
    current time in Unix seconds, and the session registry (for the API-key actions)."""

    user_id: str | None = None
    now: float = field(default_factory=time.time)
    sessions: SessionRegistry | None = None

    @classmethod
    def from_context(cls, context: Any, user_id: str | None) -> ActionEnv:
        """Build the environment from a ``DemoContext`` (its clock and sessions)."""
        return cls(user_id=user_id, now=context.clock(), sessions=context.sessions)

    @property
    def now_iso(self) -> str:
        """The current time in stored form."""
        return iso(self.now)

    def new_id(self) -> str:
        """A new record ID created now."""
        return new_id(self.now)


ActionImpl = Callable[[Transaction, ObjectDef, "Record | None", dict[str, Any], ActionEnv], Any]
"""``impl(tx, obj_def, record_or_None, parsed_args, env) -> result or None``."""

_REGISTRY: dict[tuple[str, str], ActionImpl] = {}


def action(obj_codes: str | Iterable[str], name: str) -> Callable[[ActionImpl], ActionImpl]:
    """Register the decorated function as action ``name`` of each objCode in ``obj_codes``."""
    codes = [obj_codes] if isinstance(obj_codes, str) else list(obj_codes)

    def decorate(impl: ActionImpl) -> ActionImpl:
        for code in codes:
            _REGISTRY[(code, name)] = impl
        return impl

    return decorate


def implementation(obj_code: str, name: str) -> ActionImpl | None:
    """Return the implementation of ``obj_code``'s action ``name`` (exact name), or ``None``."""
    return _REGISTRY.get((obj_code, name))


def implemented_actions() -> list[tuple[str, str]]:
    """Return every ``(objCode, action)`` pair that has an implementation."""
    return sorted(_REGISTRY)


# -- arguments ------------------------------------------------------------------------------

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}


def _bad_argument(action_def: ActionDef, name: str, value: Any) -> ClassicError:
    return ClassicError(f"Invalid value {value!r} for argument {name} of action {action_def.name}")


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _coerce(action_def: ActionDef, name: str, arg_type: str, value: Any) -> Any:
    if arg_type.endswith("[]") or arg_type in ("java.util.Set", "java.util.List"):
        items = value if isinstance(value, list) else [value]
        out: list[Any] = []
        for item in items:
            parsed = _maybe_json(item)
            if isinstance(parsed, list):
                out.extend(str(part) for part in parsed)
            elif parsed is None:
                continue
            elif arg_type == "string[]":
                out.extend(part.strip() for part in str(parsed).split(",") if part.strip())
            else:
                out.append(parsed)
        return out
    if isinstance(value, list):
        if not value:
            return None
        value = value[-1]
    if value is None:
        return None
    if arg_type in ("boolean", "java.lang.Boolean"):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _bad_argument(action_def, name, value)
    if arg_type in ("int", "java.lang.Integer", "java.lang.Long"):
        if isinstance(value, bool):
            raise _bad_argument(action_def, name, value)
        try:
            return int(str(value).strip())
        except ValueError:
            raise _bad_argument(action_def, name, value) from None
    if arg_type in ("double", "java.lang.Double"):
        try:
            return float(str(value).strip())
        except ValueError:
            raise _bad_argument(action_def, name, value) from None
    if arg_type == "string" or arg_type == "dateTime":
        if isinstance(value, dict | list):
            raise _bad_argument(action_def, name, value)
        return str(value)
    parsed = _maybe_json(value)
    if not isinstance(parsed, dict):
        raise _bad_argument(action_def, name, value)
    return parsed


def parse_arguments(action_def: ActionDef, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Turn request parameters into typed action arguments.

    ``raw`` may hold plain values or lists (repeated keys); arrays may also come as JSON text or
    comma-separated IDs. An ``updates`` parameter (python-workfront's carrier, JSON text or dict)
    is merged in. Parameters the action does not declare are ignored; missing ones are ``None``.
    """
    merged: dict[str, Any] = dict(raw)
    updates = raw.get("updates")
    if isinstance(updates, list) and len(updates) == 1:
        updates = updates[0]
    updates = _maybe_json(updates)
    if isinstance(updates, dict):
        for key, value in updates.items():
            merged.setdefault(key, value)
    args: dict[str, Any] = {}
    for arg in action_def.arguments:
        value = merged.get(arg.name)
        args[arg.name] = None if value is None else _coerce(action_def, arg.name, arg.type, value)
    return args


# -- record helpers -------------------------------------------------------------------------


def require_arg(args: Mapping[str, Any], name: str, action_name: str) -> Any:
    """Return a required argument or raise a clear error."""
    value = args.get(name)
    if value in (None, "", []):
        raise ClassicError(f"The action {action_name} requires the argument {name}", kind=BAD_REQUEST)
    return value


def load(tx: Transaction, kind: str, record_id: Any, label: str | None = None) -> Record:
    """Return a record or raise NotFoundException naming the object."""
    record = tx.get(kind, str(record_id)) if record_id else None
    if record is None:
        raise ClassicError(
            f"{label or kind} with ID {record_id} was not found",
            error_class=NOT_FOUND_CLASS,
            kind=NOT_FOUND,
        )
    return record


def save(tx: Transaction, record: Record, changes: Mapping[str, Any], env: ActionEnv) -> Record:
    """Store a copy of ``record`` with ``changes`` applied and the last-update stamps; return it."""
    updated = dict(record)
    updated.update(changes)
    fields = _fields_of(str(updated["objCode"]))
    if "lastUpdateDate" in fields:
        updated["lastUpdateDate"] = env.now_iso
    if env.user_id and "lastUpdatedByID" in fields:
        updated["lastUpdatedByID"] = env.user_id
    tx.put(str(updated["objCode"]), updated)
    return updated


def _fields_of(obj_code: str) -> Mapping[str, Any]:
    from wfexplorer.demo.classic.schema import object_def

    obj = object_def(obj_code)
    return obj.fields if obj is not None else {}


def create(tx: Transaction, obj_code: str, values: Mapping[str, Any], env: ActionEnv) -> Record:
    """Insert a new record of ``obj_code`` with schema defaults, stamps and a fresh ID; return it."""
    from wfexplorer.demo.classic.schema import object_def

    obj = object_def(obj_code)
    record: Record = obj.create_defaults() if obj is not None else {}
    record.update({key: value for key, value in values.items() if value is not None})
    record["ID"] = record.get("ID") or env.new_id()
    record["objCode"] = obj_code
    fields = obj.fields if obj is not None else {}
    stamps = {"entryDate": env.now_iso, "lastUpdateDate": env.now_iso, "enteredByID": env.user_id,
              "lastUpdatedByID": env.user_id}
    for name, value in stamps.items():
        if value is not None and name in fields:
            record.setdefault(name, value)
    tx.put(obj_code, record)
    return record


def rows_where(tx: Transaction, kind: str, **equals: Any) -> list[Record]:
    """Return the rows of ``kind`` whose fields equal the given values (a scan)."""
    items = list(equals.items())
    return [row for row in tx.table(kind).values() if all(row.get(key) == value for key, value in items)]


def illegal(message: str) -> ClassicError:
    """An IllegalArgumentException with ``message``."""
    return ClassicError(message, error_class=ILLEGAL_ARGUMENT)

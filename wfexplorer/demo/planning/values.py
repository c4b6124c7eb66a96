"""Checking and normalising record values a client writes, field type by field type.

People items are a plain id (IMS or Workfront) or ``{"id", "idType": "WF"|"IMS"}``, which is looked up by
that kind of id only. Returns the stored form (see ``kinds``); raises ``PlanningError`` 400 naming the field for
a value of the wrong type, an unknown option, user or record, and 403 ``RECORD_CONNECTION_LIMIT_EXCEEDED`` past 500
connections. List fields (multi-select, multi-user, reference) also take PATCH operation lists
``[{"op": "add"|"remove", "value": [...]}]``.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any

from wfexplorer.demo.planning import external, kinds
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.store import Record, Transaction

LIST_TYPES = frozenset({"MULTI_SELECT", "USER", "REFERENCE"})


def _label(field: Record) -> str:
    return f"data.{field.get('alias') or field['ID']}"


def is_operation_list(value: Any) -> bool:
    """True for ``[{"op": ..., "value": ...}, ...]``."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and item.get("op") in ("add", "remove") and "value" in item for item in value
    )


def normalise(pl: Planning, field: Record, value: Any, current: Any, tx: Transaction | None = None) -> Any:
    """The stored form of ``value`` for ``field`` (``None`` clears); ``current`` serves operation lists.

    ``tx`` is the write's transaction: classic objects a reference names for the first time are mirrored in it.
    """
    if value is None:
        return None
    type_name = field["type"]
    if type_name in LIST_TYPES and is_operation_list(value):
        result = list(current or [])
        for operation in value:
            items = normalise(pl, field, operation["value"], None, tx) or []
            items = items if isinstance(items, list) else [items]
            if operation["op"] == "add":
                result.extend(item for item in items if item not in result)
            else:
                result = [item for item in result if item not in items]
        return _check_connections(field, result)
    if type_name == "REFERENCE":
        return _reference(pl, field, value, tx)
    handler = _HANDLERS.get(type_name)
    if handler is None:
        raise bad_request(f"Field '{field.get('displayName')}' is computed and cannot be written.", _label(field))
    return handler(pl, field, value)


def _text(pl: Planning, field: Record, value: Any) -> Any:
    if not isinstance(value, str):
        raise bad_request(f"{_label(field)} must be text.", _label(field), "TypeMismatch")
    return value


def _number(pl: Planning, field: Record, value: Any) -> Any:
    number: float | int
    if isinstance(value, bool):
        raise bad_request(f"{_label(field)} must be a number.", _label(field), "TypeMismatch")
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise bad_request(f"{_label(field)} must be a number.", _label(field), "TypeMismatch") from None
    else:
        raise bad_request(f"{_label(field)} must be a number.", _label(field), "TypeMismatch")
    if not math.isfinite(number):
        raise bad_request(f"{_label(field)} must be a finite number.", _label(field), "TypeMismatch")
    if number < 0 and (field.get("numberOptions") or {}).get("allowNegatives") is False:
        raise bad_request(f"{_label(field)} must not be negative.", _label(field), "Min")
    return number


def _date(pl: Planning, field: Record, value: Any) -> Any:
    if isinstance(value, str):
        try:
            if len(value) == 10:
                date.fromisoformat(value)
                return value
            return canonical_instant(value)
        except ValueError:
            pass
    raise bad_request(f"{_label(field)} must be an ISO date such as 2026-03-15.", _label(field), "TypeMismatch")


def canonical_instant(text: str) -> str:
    """An ISO date-time as UTC ``yyyy-MM-ddTHH:mm:ss.SSSZ`` (naive times are taken as UTC)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _checkbox(pl: Planning, field: Record, value: Any) -> Any:
    if not isinstance(value, bool):
        raise bad_request(f"{_label(field)} must be true or false.", _label(field), "TypeMismatch")
    return value


def _option(field: Record, value: Any) -> str:
    options = field.get("options") or []
    for option in options:
        if option.get("name") == value:
            return str(option["name"])
    for option in options:
        if isinstance(value, str) and str(option.get("displayName", "")).lower() == value.lower():
            return str(option["name"])
    raise bad_request(f"{value!r} is not an option of {_label(field)}.", _label(field), "InvalidOption")


def _single_select(pl: Planning, field: Record, value: Any) -> Any:
    return _option(field, value)


def _multi_select(pl: Planning, field: Record, value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    result: list[str] = []
    for item in items:
        name = _option(field, item)
        if name not in result:
            result.append(name)
    return result


def _user(pl: Planning, field: Record, value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    result: list[str] = []
    for item in items:
        raw = item.get("id") if isinstance(item, dict) else item
        id_type = str(item.get("idType") or "").upper() if isinstance(item, dict) else ""
        if id_type not in ("", "WF", "IMS"):
            raise bad_request(f"idType {item.get('idType')!r} is not WF or IMS ({_label(field)}).", _label(field),
                              "InvalidIdType")
        find = {"WF": pl.directory.by_wf, "IMS": pl.directory.by_ims}.get(id_type, pl.directory.by_any)
        person = find(raw) if isinstance(raw, str) else None
        if person is None:
            kind = {"WF": "Workfront user id", "IMS": "Adobe IMS user id"}.get(id_type, "user")
            raise bad_request(f"{raw!r} is not a known {kind} ({_label(field)}).", _label(field), "UnknownUser")
        if person.ims_id not in result:
            result.append(person.ims_id)
    if len(result) > 1 and not (field.get("userOptions") or {}).get("multipleUsersAllowed", True):
        raise bad_request(f"{_label(field)} takes a single user.", _label(field), "Size")
    return result


def _reference(pl: Planning, field: Record, value: Any, tx: Transaction | None = None) -> Any:
    items = value if isinstance(value, list) else [value]
    target = str((field.get("referenceOptions") or {}).get("recordTypeId", ""))
    records = pl.store.table(kinds.RECORD)
    raw_ids = [item.get("id") if isinstance(item, dict) else item for item in items]
    unknown = [i for i in raw_ids if isinstance(i, str) and i not in records]
    mirrored = external.resolve(pl, target, unknown, "", "", tx) if unknown and (
        field.get("referenceOptions") or {}).get("isExternal") else {}
    find = tx.get if tx is not None else pl.store.get
    result: list[str] = []
    for raw_id in raw_ids:
        record_id = mirrored.get(raw_id, raw_id) if isinstance(raw_id, str) else raw_id
        linked = find(kinds.RECORD, record_id) if isinstance(record_id, str) else None
        if not isinstance(record_id, str) or linked is None or linked.get("recordTypeId") != target:
            raise bad_request(f"{record_id!r} is not a record of the referenced record type ({_label(field)}).",
                              _label(field), "UnknownRecord")
        if record_id not in result:
            result.append(record_id)
    if len(result) > 1 and (field.get("referenceOptions") or {}).get("multiple") is False:
        raise bad_request(f"{_label(field)} connects a single record.", _label(field), "Size")
    return _check_connections(field, result)


def _check_connections(field: Record, items: list[Any]) -> list[Any]:
    if field["type"] == "REFERENCE" and len(items) > kinds.MAX_CONNECTIONS:
        raise PlanningError(403, f"{_label(field)} can connect at most {kinds.MAX_CONNECTIONS} records.",
                            "RECORD_CONNECTION_LIMIT_EXCEEDED")
    if field["type"] == "USER" and len(items) > 1 and not (field.get("userOptions") or {}).get(
        "multipleUsersAllowed", True
    ):
        raise bad_request(f"{_label(field)} takes a single user.", _label(field), "Size")
    return items


_HANDLERS = {
    "TEXT": _text, "PARAGRAPH": _text, "NUMBER": _number, "PERCENTAGE": _number, "CURRENCY": _number,
    "DATE": _date, "CHECKBOX": _checkbox, "SINGLE_SELECT": _single_select, "MULTI_SELECT": _multi_select,
    "USER": _user,
}

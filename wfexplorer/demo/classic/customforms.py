"""Custom forms (``DE:`` fields) defined by CTGY / CTGYPA / PARAM / POPT records in the store.

A form is a CTGY row (``catObjCode`` says which object it is for). Its fields are PARAM rows,
linked through CTGYPA rows (``categoryID``, ``parameterID``, ``displayOrder``); a dropdown's or
multi-select's choices are POPT rows (``parameterID``, ``value``, ``label``, ``displayOrder``).
A record uses a form by carrying its ID in ``categoryID``; its values are stored on the record
under the full key (``"DE:Budget Code"``), multi-select values as a JSON list.

What the query, projection and write code call (``reader`` is a ``Store`` or a ``Transaction``)::

    custom_fields(reader, "PROJ")              # {"DE:Budget Code": CustomField, ...} for every PROJ form
    resolve(reader, "PROJ", "DE:Budget Code")  # CustomField or None
    require(reader, "PROJ", "DE:Regions")      # CustomField, or ClassicError "no such field: 'Regions'"
    field.coerce(value)                        # the value to store (validated), ClassicError if invalid
    field.field_type                           # "string" | "double" | "dateTime" | "string[]"
    parameter_values(reader, "PROJ", record)   # {"DE:...": value} for ``parameterValues``
    form_fields(reader, record)                # fields of the form attached by ``categoryID``

Data types: ``text`` (PARAM dataType TEXT, display TEXT/TXTA), ``number`` (NMBR or CRNC),
``date`` (DATE), ``dropdown`` (display SLCT or RDIO) and ``multi-select`` (display MSLCT or CHCK).
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema.model import Record, TableReader

PREFIX = "DE:"
TEXT = "text"
NUMBER = "number"
DATE = "date"
DROPDOWN = "dropdown"
MULTI_SELECT = "multi-select"

_FIELD_TYPES = {TEXT: "string", NUMBER: "double", DATE: "dateTime", DROPDOWN: "string", MULTI_SELECT: "string[]"}
_SINGLE_CHOICE = {"SLCT", "RDIO"}
_MULTI_CHOICE = {"MSLCT", "CHCK", "MULTSLCT"}


@dataclass(frozen=True)
class CustomField:
    """One custom field as the API sees it: key ``DE:<name>``, its kind and its choices."""

    key: str
    name: str
    parameter_id: str
    data_type: str
    wf_data_type: str
    display_type: str
    options: tuple[str, ...] = ()
    option_labels: tuple[str, ...] = ()
    required: bool = False
    category_ids: tuple[str, ...] = ()

    @property
    def field_type(self) -> str:
        """The field's type in classic terms (``string``, ``double``, ``dateTime``, ``string[]``)."""
        return _FIELD_TYPES[self.data_type]

    @property
    def multi(self) -> bool:
        """Whether values are lists (multi-select)."""
        return self.data_type == MULTI_SELECT

    def coerce(self, value: Any) -> Any:
        """Validate a client value and return what to store (``None`` clears the field).

        Numbers become floats, dates UTC ISO strings (``2026-03-02T00:00:00.000Z``), dropdown
        values one of the options (matched case-insensitively, stored as the option's value),
        multi-select values a list of options (a list, a JSON list string, or one value).
        """
        if value is None or value == "" or value == []:
            return None
        if self.data_type == TEXT:
            if isinstance(value, list | dict):
                raise self._invalid(value)
            return value if isinstance(value, str) else json.dumps(value) if isinstance(value, bool) else str(value)
        if self.data_type == NUMBER:
            if isinstance(value, bool):
                raise self._invalid(value)
            try:
                number = float(str(value).replace(",", "").strip()) if not isinstance(value, int | float) else value
            except ValueError:
                raise self._invalid(value) from None
            if number != number or number in (float("inf"), float("-inf")):
                raise self._invalid(value)
            return float(number)
        if self.data_type == DATE:
            parsed = parse_datetime(value)
            if parsed is None:
                raise self._invalid(value)
            return parsed
        if self.data_type == DROPDOWN:
            if isinstance(value, list):
                if len(value) != 1:
                    raise self._invalid(value)
                value = value[0]
            return self._option(value)
        values = value
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    values = json.loads(text)
                except ValueError:
                    raise self._invalid(value) from None
            else:
                values = [text]
        if not isinstance(values, list):
            values = [values]
        out: list[str] = []
        for item in values:
            option = self._option(item)
            if option not in out:
                out.append(option)
        return out or None

    def _option(self, value: Any) -> str:
        text = str(value)
        if text in self.options:
            return text
        lowered = text.strip().lower()
        for option, label in zip(self.options, self.option_labels, strict=True):
            if option.lower() == lowered or label.lower() == lowered:
                return option
        raise ClassicError(
            f"Invalid value '{text}' for custom field '{self.name}'; expected one of: {', '.join(self.options)}",
            error_class="com.attask.common.InvalidParameterException",
        )

    def _invalid(self, value: Any) -> ClassicError:
        return ClassicError(
            f"Invalid value '{value}' for custom field '{self.name}' of type {self.data_type}",
            error_class="com.attask.common.InvalidParameterException",
        )


_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.:](\d{1,3}))?\s*(Z|[+-]\d{2}:?\d{2})?)?$"
)


def parse_datetime(value: Any) -> str | None:
    """Parse ``2026-03-02``, ISO ``…T15:00:00.000Z`` or Workfront ``…T09:00:00:000-0600`` into UTC ISO.

    A date alone means midnight UTC. Returns ``None`` when the text is not a date.
    """
    match = _ISO.match(str(value).strip())
    if not match:
        return None
    year, month, day_, hour, minute, second, millis, zone = match.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day_), int(hour or 0), int(minute or 0), int(second or 0),
            int((millis or "0").ljust(3, "0")) * 1000, tzinfo=UTC,
        )
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _kind_of(param: Record) -> str:
    display = str(param.get("displayType") or "TEXT").upper()
    data = str(param.get("dataType") or "TEXT").upper()
    if display in _MULTI_CHOICE:
        return MULTI_SELECT
    if display in _SINGLE_CHOICE:
        return DROPDOWN
    if data == "DATE" or display == "DATE":
        return DATE
    if data in ("NMBR", "CRNC"):
        return NUMBER
    return TEXT


_CACHE: weakref.WeakKeyDictionary[Any, dict[str, tuple[tuple[int, ...], dict[str, CustomField]]]] = (
    weakref.WeakKeyDictionary()
)
_CACHE_LOCK = threading.Lock()
_FORM_KINDS = ("CTGY", "CTGYPA", "PARAM", "POPT")


def _build(reader: TableReader, obj_code: str) -> dict[str, CustomField]:
    categories = {cid: row for cid, row in reader.table("CTGY").items() if row.get("catObjCode") == obj_code}
    if not categories:
        return {}
    links = sorted(
        (row for row in reader.table("CTGYPA").values() if row.get("categoryID") in categories),
        key=lambda row: (str(row.get("categoryID")), row.get("displayOrder") or 0),
    )
    params = reader.table("PARAM")
    options: dict[str, list[Record]] = {}
    for row in reader.table("POPT").values():
        options.setdefault(str(row.get("parameterID")), []).append(row)
    fields: dict[str, CustomField] = {}
    owners: dict[str, list[str]] = {}
    for link in links:
        param = params.get(str(link.get("parameterID")))
        if param is None or not param.get("name"):
            continue
        key = PREFIX + str(param["name"])
        owners.setdefault(key, []).append(str(link["categoryID"]))
        if key in fields:
            continue
        choices = sorted(
            (row for row in options.get(str(param["ID"]), []) if not row.get("isHidden")),
            key=lambda row: (row.get("displayOrder") or 0, str(row.get("value"))),
        )
        fields[key] = CustomField(
            key=key,
            name=str(param["name"]),
            parameter_id=str(param["ID"]),
            data_type=_kind_of(param),
            wf_data_type=str(param.get("dataType") or "TEXT"),
            display_type=str(param.get("displayType") or "TEXT"),
            options=tuple(str(row.get("value")) for row in choices),
            option_labels=tuple(str(row.get("label") or row.get("value")) for row in choices),
            required=bool(param.get("isRequired") or link.get("isRequired")),
        )
    return {
        key: CustomField(**{**item.__dict__, "category_ids": tuple(owners[key])}) for key, item in fields.items()
    }


def custom_fields(reader: TableReader, obj_code: str) -> dict[str, CustomField]:
    """Return every custom field of every form for ``obj_code``, keyed by ``DE:<name>``, in form order.

    Results are cached per store and invalidated when any form table changes.
    """
    version = getattr(reader, "version", None)
    if version is None:
        return _build(reader, obj_code)
    stamp = tuple(version(kind) for kind in _FORM_KINDS)
    with _CACHE_LOCK:
        per_store = _CACHE.get(reader)
        if per_store is None:
            per_store = {}
            _CACHE[reader] = per_store
        cached = per_store.get(obj_code)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    fields = _build(reader, obj_code)
    with _CACHE_LOCK:
        per_store[obj_code] = (stamp, fields)
    return fields


def is_custom_key(name: str) -> bool:
    """Tell whether an API field name is a custom-field key (``DE:…``)."""
    return name.startswith(PREFIX)


def resolve(reader: TableReader, obj_code: str, key: str) -> CustomField | None:
    """Return the custom field for ``DE:<name>`` on ``obj_code`` (exact name), or ``None``."""
    if not is_custom_key(key):
        return None
    return custom_fields(reader, obj_code).get(key)


def require(reader: TableReader, obj_code: str, key: str) -> CustomField:
    """Return the custom field for ``key`` or raise ``no such field: '<name>'`` (also for ``DE:*``)."""
    found = resolve(reader, obj_code, key)
    if found is None:
        name = key[len(PREFIX):] if is_custom_key(key) else key
        raise ClassicError(f"no such field: '{name}'")
    return found


def form_fields(reader: TableReader, record: Record) -> dict[str, CustomField]:
    """Return the custom fields of the form attached to ``record`` through ``categoryID``."""
    category_id = record.get("categoryID")
    obj_code = record.get("objCode")
    if not category_id or not obj_code:
        return {}
    return {
        key: item for key, item in custom_fields(reader, str(obj_code)).items() if category_id in item.category_ids
    }


def parameter_values(reader: TableReader, obj_code: str, record: Record) -> dict[str, Any]:
    """Return ``DE:`` key → value for every custom value stored on ``record`` (``parameterValues``)."""
    known = custom_fields(reader, obj_code)
    return {key: record[key] for key in known if record.get(key) is not None}


def coerce_updates(reader: TableReader, obj_code: str, updates: dict[str, Any]) -> dict[str, Any]:
    """Validate every ``DE:`` key of an update (including a ``parameterValues`` dict) and return them coerced.

    Non-``DE:`` keys are ignored; unknown custom fields raise ``no such field``.
    """
    merged: dict[str, Any] = {}
    nested = updates.get("parameterValues")
    if isinstance(nested, dict):
        merged.update(nested)
    merged.update({key: value for key, value in updates.items() if is_custom_key(key)})
    return {key: require(reader, obj_code, key).coerce(value) for key, value in merged.items()}

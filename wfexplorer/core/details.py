"""What the detail view shows of one object or record, loaded in one request, and how its values read.

    details = DetailLoader(connection)
    shown = details.classic("PROJ", "63ab…")                   # default fields + every reference's name
    shown = details.classic("PROJ", "63ab…", all_fields=True)  # "Load all fields": *, references, custom forms
    record = details.record("Rc6955…")                          # a Planning record with its type's fields

The results are immutable snapshots: the view never holds a live object that a worker thread changes.
:func:`field_groups` sorts a type's fields into the groups the form shows (identity, status, dates,
people, numbers, custom forms by form, other); :func:`display_value` turns a wire value into text
(dates in local time, enums by label, references by name).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic.customforms import CustomForm
from wfexplorer.core.classic.metadata import FieldMeta, LinkMeta, ObjectMeta
from wfexplorer.core.connection import Connection
from wfexplorer.core.planning.models import Field, Record, RecordType

#: Field names that say what an object is.
IDENTITY_FIELDS = ("ID", "name", "objCode", "referenceNumber", "description", "extRefID", "URL", "username",
                   "firstName", "lastName", "emailAddr", "title", "noteText", "subject")
#: Field names about where an object stands.
STATUS_FIELDS = ("status", "condition", "conditionType", "priority", "severity", "progressStatus",
                 "percentComplete", "isComplete", "isActive", "approvalStatus", "opTaskType", "trackingMode")
PEOPLE_TYPES = frozenset({"USER", "TEAMOB", "ROLE", "GROUP", "CMPY"})
NUMBER_TYPES = frozenset({"int", "double", "float", "long", "currency", "percent"})
DATE_TYPES = frozenset({"dateTime", "date", "time"})
WORKFRONT_TIME = "%Y-%m-%dT%H:%M:%S:%f%z"


@dataclass(frozen=True)
class ObjectDetails:
    """One classic object as the server sent it, with its type's metadata (and custom forms once all is loaded)."""

    code: str
    id: str
    meta: ObjectMeta
    data: Mapping[str, Any]
    all_fields: bool = False
    custom_forms: tuple[CustomForm, ...] = ()

    def is_loaded(self, name: str) -> bool:
        """Whether the server sent ``name`` (a field not asked for yet is not loaded, not empty)."""
        return name in self.data


@dataclass(frozen=True)
class RecordDetails:
    """One Planning record with its record type and fields."""

    record: Record
    record_type: RecordType | None
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class FieldGroup:
    """A titled group of the form: scalar fields and references, in display order."""

    title: str
    fields: tuple[FieldMeta, ...] = ()
    references: tuple[LinkMeta, ...] = ()


class DetailLoader:
    """Loads what detail tabs show (blocking: run it off the GUI thread); caches custom forms per type."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._lock = threading.Lock()
        self._forms: dict[str, tuple[CustomForm, ...]] = {}
        self._record_types: dict[str, RecordType] = {}
        self._fields: dict[str, tuple[Field, ...]] = {}

    def classic(self, code: str, object_id: str, *, all_fields: bool = False) -> ObjectDetails:
        """Default fields and every reference's name (one request); ``all_fields`` adds ``*`` and custom fields."""
        session = self.connection.session
        meta = session.metadata.describe(code)
        wanted = [*(["*", "parameterValues"] if all_fields else []), *meta.references]
        data = session.get(f"/{meta.obj_code.lower()}/{object_id}", {"fields": ",".join(wanted)} if wanted else None)
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, dict):
            raise errors.NotFoundError(f"No {meta.label} with ID {object_id}: it may have been deleted.")
        forms = self._custom_forms(meta.obj_code) if all_fields and any(f.custom for f in meta.fields.values()) else ()
        return ObjectDetails(meta.obj_code.upper(), object_id, meta, data, all_fields, forms)

    def _custom_forms(self, code: str) -> tuple[CustomForm, ...]:
        with self._lock:
            known = self._forms.get(code)
        if known is None:
            try:
                known = tuple(self.connection.session.custom_forms(code))
            except errors.WorkfrontError:  # the form still shows the fields, ungrouped
                known = ()
            with self._lock:
                self._forms[code] = known
        return known

    def record(self, record_id: str, record_type_id: str | None = None) -> RecordDetails:
        """A record, its record type and fields (the type and fields are fetched once per record type)."""
        client = self.connection.planning
        if client is None:
            raise errors.AuthenticationError(self.connection.planning_unavailable or "Planning is not available.")
        record = client.record(record_id)
        type_id = record.record_type_id or record_type_id
        if not type_id:
            return RecordDetails(record, None)
        with self._lock:
            record_type, fields = self._record_types.get(type_id), self._fields.get(type_id)
        if record_type is None:
            record_type = client.record_type(type_id)
        if fields is None:
            fields = record_type.embedded_fields if record_type.embedded_fields is not None else \
                tuple(client.fields(type_id))
        with self._lock:
            self._record_types[type_id], self._fields[type_id] = record_type, fields
        return RecordDetails(record, record_type, fields)


def field_groups(meta: ObjectMeta, forms: Sequence[CustomForm] = ()) -> list[FieldGroup]:
    """The type's fields and references in the form's groups (empty groups left out)."""
    scalars = list(meta.fields.values())
    taken: set[str] = set()

    def pick(names: Sequence[str]) -> tuple[FieldMeta, ...]:
        chosen = [meta.fields[name] for name in names if name in meta.fields and name not in taken]
        taken.update(f.name for f in chosen)
        return tuple(chosen)

    def where(test: Any) -> tuple[FieldMeta, ...]:
        chosen = [f for f in scalars if f.name not in taken and test(f)]
        taken.update(f.name for f in chosen)
        return tuple(chosen)

    people_refs = tuple(link for link in meta.references.values() if link.target_code.upper() in PEOPLE_TYPES)
    other_refs = tuple(link for link in meta.references.values() if link.target_code.upper() not in PEOPLE_TYPES)
    groups = [
        FieldGroup("Identity", pick(IDENTITY_FIELDS)),
        FieldGroup("Status", pick(STATUS_FIELDS) + where(lambda f: f.is_enum and not f.custom)),
        FieldGroup("Dates", where(lambda f: f.field_type in DATE_TYPES and not f.custom)),
        FieldGroup("People", references=people_refs),
        FieldGroup("Numbers", where(lambda f: (f.field_type in NUMBER_TYPES or "CURRENCY" in f.flags
                                               or "PERCENT" in f.flags) and not f.custom)),
        FieldGroup("References", references=other_refs),
    ]
    for form in forms:
        names = [f"DE:{f.name}" if not f.name.startswith("DE:") else f.name for f in form.fields]
        groups.append(FieldGroup(f"Custom form: {form.name}", pick(names)))
    groups.append(FieldGroup("Custom fields" if forms else "Custom forms", where(lambda f: f.custom)))
    groups.append(FieldGroup("Other", where(lambda f: not f.name.endswith("ID") or f.name == "ID")))
    groups.append(FieldGroup("IDs of references", where(lambda f: True)))
    return [group for group in groups if group.fields or group.references]


def display_value(value: Any, meta: FieldMeta | None = None) -> str:
    """A wire value as a person reads it: enums by label, dates in local time, references by name."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Mapping):
        return str(value.get("name") or value.get("value") or value.get("displayName") or value.get("ID") or "")
    if isinstance(value, list | tuple):
        return ", ".join(text for text in (display_value(item, meta) for item in value) if text)
    if meta is not None and meta.possible_values:
        label = next((option.label for option in meta.possible_values if option.value == value), None)
        if label:
            return f"{label} ({value})" if str(value) != label else label
    if isinstance(value, str) and (meta is None or meta.field_type in DATE_TYPES):
        moment = parse_time(value)
        if moment is not None:
            local = moment.astimezone()
            return local.strftime("%d %b %Y") if meta is not None and meta.field_type == "date" \
                else local.strftime("%d %b %Y %H:%M %Z")
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)


def parse_time(text: str) -> dt.datetime | None:
    """A Workfront (``2026-02-20T16:00:00:000-0600``) or ISO-8601 time, or None when ``text`` is not one."""
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        moment = dt.datetime.strptime(text, WORKFRONT_TIME)
    except ValueError:
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class TypeCatalogue:
    """A type's metadata as the official API Explorer lists it: fields, references, collections, actions."""

    meta: ObjectMeta
    sections: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = field(default=())

    @classmethod
    def of(cls, meta: ObjectMeta) -> TypeCatalogue:
        """Rows per section: (name, label, type, details)."""
        fields = tuple((f.name, f.label, f.field_type, _field_details(f)) for f in meta.fields.values())
        references = tuple((r.name, r.label, r.target_code, r.target_name) for r in meta.references.values())
        collections = tuple((c.name, c.label, c.target_code, c.target_name) for c in meta.collections.values())
        actions = tuple((a.name, a.label, a.result_type or "",
                         ", ".join(f"{arg.name}: {arg.type}" for arg in a.arguments)) for a in meta.actions.values())
        queries = tuple((q.name, q.label, "", ", ".join(f"{arg.name}: {arg.type}" for arg in q.arguments))
                        for q in meta.queries.values())
        return cls(meta, (("Fields", fields), ("References", references), ("Collections", collections),
                          ("Actions", actions), ("Named queries", queries)))


def _field_details(meta: FieldMeta) -> str:
    parts = list(meta.flags)
    if meta.enum_type:
        parts.append(f"enum {meta.enum_type}")
    if meta.possible_values:
        parts.append("values: " + ", ".join(f"{v.value}={v.label}" for v in meta.possible_values[:20])
                     + (" …" if len(meta.possible_values) > 20 else ""))
    return "; ".join(parts)

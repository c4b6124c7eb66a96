"""What the detail view shows of one object or record, loaded in one request, and how its values read.

    details = DetailLoader(connection)
    shown = details.classic("PROJ", "63ab…")                   # default fields + every reference's name
    shown = details.classic("PROJ", "63ab…", all_fields=True)  # "Load all fields": *, references, custom forms
    sections = classic_sections(shown)                          # the Form tab: groups of rows, then collections
    record = details.record("Rc6955…")                          # a Planning record with its type's fields and
                                                                # its people's names (at most one more request)

The results are immutable snapshots: the view never holds a live object that a worker thread changes.
:func:`field_groups` sorts a type's fields into the groups the form shows (identity, status, dates,
people, numbers, custom forms by form, other); :func:`display_value` turns a wire value into text
(dates in local time, enums by label, references by name); :func:`record_values` does the same for a
Planning record's fields (options with colours, people by name, numbers as the field's options say).

Every collection is counted the way the navigator lists it (:func:`~wfexplorer.core.browse.collections.count_plan`),
in the object's own batch request; a count the server did not give is "not known", never a blank.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.browse.collections import count_plan
from wfexplorer.core.browse.display import link_label
from wfexplorer.core.classic import access
from wfexplorer.core.classic.customforms import OBJECT_FORMS, CustomForm, forms_of, has_forms
from wfexplorer.core.classic.metadata import FieldMeta, LinkMeta, ObjectMeta
from wfexplorer.core.connection import Connection
from wfexplorer.core.planning.builder.fields import BuilderField
from wfexplorer.core.planning.builder.people import ClassicPeople, Directory, PlanningPeople
from wfexplorer.core.planning.builder.rows import column_of
from wfexplorer.core.planning.external import field_classic_code
from wfexplorer.core.planning.filters import PEOPLE_KINDS, FieldKind
from wfexplorer.core.planning.models import Field, Record, RecordType
from wfexplorer.core.results import ValueKind, display

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
#: What a collection's row says when the server did not give its size.
COUNT_NOT_KNOWN = "count not known"


@dataclass(frozen=True)
class ObjectDetails:
    """One classic object as the server sent it, with its type's metadata (and custom forms once all is loaded)."""

    code: str
    id: str
    meta: ObjectMeta
    data: Mapping[str, Any]
    all_fields: bool = False
    custom_forms: tuple[CustomForm, ...] = ()
    """The custom forms the object has, in its order (their fields' values come with all fields)."""
    collection_counts: Mapping[str, int] = field(default_factory=dict)
    """Collection → size, for those the server counted (the others' sizes are not known)."""
    dependent_collections: frozenset[str] = frozenset()
    """The collections whose objects point back at this one by a reference (its tasks, hours…): what they count
    goes with it when it is deleted."""
    rights: access.Rights = field(default_factory=access.Rights)
    """Why the signed-in user may not edit or delete it, as far as the load could tell (:mod:`.classic.access`)."""

    def is_loaded(self, name: str) -> bool:
        """Whether the server sent ``name`` (a field not asked for yet is not loaded, not empty).

        A custom field (``DE:…``) is loaded once ``parameterValues`` is, which leaves out the empty ones.
        """
        return name in self.data or (name.startswith("DE:") and isinstance(self.data.get("parameterValues"), Mapping))

    def value(self, name: str) -> Any:
        """The value of a field as sent (a ``DE:`` field from ``parameterValues``); None when not sent or empty."""
        if name in self.data:
            return self.data[name]
        custom = self.data.get("parameterValues")
        return custom.get(name) if name.startswith("DE:") and isinstance(custom, Mapping) else None


@dataclass(frozen=True)
class RecordDetails:
    """One Planning record with its record type and fields, and the names of the people its fields name."""

    record: Record
    record_type: RecordType | None
    fields: tuple[Field, ...] = ()
    people: Mapping[str, str] = field(default_factory=dict)
    """Id → name of the people in the record's people fields who could be named (the others are unknown)."""


@dataclass(frozen=True)
class FieldGroup:
    """A titled group of the form: scalar fields and references, in display order."""

    title: str
    fields: tuple[FieldMeta, ...] = ()
    references: tuple[LinkMeta, ...] = ()


class DetailLoader:
    """Loads what detail tabs show (blocking: run it off the GUI thread); caches custom forms per type.

    ``people`` is the connection's people directory (the edit form's pickers share it): what it has learned
    names a record's people without a request.
    """

    def __init__(self, connection: Connection, people: Directory | None = None) -> None:
        self.connection = connection
        self.people = people if people is not None else Directory(ClassicPeople(connection.session))
        self._lock = threading.Lock()
        self._forms: dict[str, tuple[CustomForm, ...]] = {}
        self._no_forms: set[str] = set()  # types whose objects refuse ``parameterValues``
        self._record_types: dict[str, RecordType] = {}
        self._fields: dict[str, tuple[Field, ...]] = {}

    def classic(self, code: str, object_id: str, *, all_fields: bool = False) -> ObjectDetails:
        """Default fields, every reference's name and the collections' sizes, in one request.

        The forms the object has come too (the type's custom forms, to group their fields, are read once per
        type); ``all_fields`` adds ``*`` and the custom fields' values. Every collection is counted (the
        collections' types described first where they are not in hand: one request, once per host and version).
        """
        try:
            return self._classic(code, object_id, all_fields, custom=all_fields and code.upper() not in self._no_forms)
        except errors.ValidationError as refused:
            if not all_fields or "parameterValues" not in refused.message:
                raise
            # a type without custom forms refuses the field (Workfront's metadata does not say which types have
            # them): remembered, so each such type costs this extra request once
            with self._lock:
                self._no_forms.add(code.upper())
            return self._classic(code, object_id, all_fields, custom=False)

    def _classic(self, code: str, object_id: str, all_fields: bool, *, custom: bool) -> ObjectDetails:
        session = self.connection.session
        meta = session.metadata.describe(code)
        wanted = [*(["*"] if all_fields else []), *(["parameterValues"] if custom else []),
                  *([OBJECT_FORMS] if "objectCategories" in meta.collections else []), *meta.references]
        me = self.connection.user
        rights_calls = access.my_access_calls(str(me["ID"])) if access.needs_rights(me) else []
        if rights_calls:  # what the user may do: the object's sharing, and (below) their own access
            wanted.extend(name for name in access.sharing_fields(meta, self._project_meta(meta))
                          if name not in wanted)
        path = f"/{meta.obj_code.lower()}/{object_id}"
        params = {"fields": ",".join(wanted)} if wanted else None
        counting = count_plan(meta, object_id, session.metadata)
        count_calls = counting.calls()
        mine: access.MyAccess | None = None
        if count_calls or rights_calls:
            answers = session.batch([("GET", path, params), *count_calls, *rights_calls], raise_errors=False)
            data = answers[0]
            if isinstance(data, errors.WorkfrontError):
                raise data
            counts = counting.counts(answers[1:1 + len(count_calls)])
            if rights_calls:
                mine = _my_access(*answers[len(answers) - len(rights_calls):])
        else:
            data, counts = session.get(path, params), {}
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, dict):
            raise errors.NotFoundError(f"No {meta.label} with ID {object_id}: it may have been deleted.")
        forms = forms_of(self._custom_forms(meta.obj_code), data) if has_forms(data) else ()
        return ObjectDetails(meta.obj_code.upper(), object_id, meta, data, all_fields, forms, counts,
                             frozenset(counting.searched), access.object_rights(meta, data, mine))

    def _project_meta(self, meta: ObjectMeta) -> ObjectMeta | None:
        """The project type's metadata when ``meta`` names a project (read once per host and version, cached)."""
        if meta.obj_code.upper() == "PROJ" or access.project_reference(meta) is None:
            return None
        try:
            return self.connection.session.metadata.describe("PROJ")
        except errors.WorkfrontError:
            return None

    def _custom_forms(self, code: str) -> tuple[CustomForm, ...]:
        """The custom forms of a type (one request per type, cached; none when they cannot be read)."""
        code = code.upper()
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
        """A record, its record type and fields (the type and fields are fetched once per record type), and its
        people's names: those the directory does not know yet cost one request for all of them."""
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
        return RecordDetails(record, record_type, fields, self._people(record, record_type, fields))

    def _people(self, record: Record, record_type: RecordType, fields: Sequence[Field]) -> dict[str, str]:
        """The names of the people the record's fields name, learning first from what the answers carry."""
        self.people.book.learn_audits([record.audit, record_type.audit, *(f.audit for f in fields)])
        wanted = people_ids(record, fields)
        if not wanted:
            return {}
        audit_fields = [f.id for f in fields if f.kind in (FieldKind.CREATED_BY, FieldKind.UPDATED_BY)]
        client = self.connection.planning
        lookups = (PlanningPeople(client, record_type.id, audit_fields),) if client is not None else ()
        return self.people.resolve(wanted, *lookups)


def _my_access(user: Any, levels: Any) -> access.MyAccess | None:
    """The user's access from the batch's answers; None when the user could not be read (nothing is locked)."""
    if not isinstance(user, dict):
        return None
    level = levels[0] if isinstance(levels, list) and levels and isinstance(levels[0], dict) else None
    return access.MyAccess.of(user, level)  # the level unreadable: sharing still counts, the level does not


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
    on_forms = {f.name for form in forms for f in form.fields}
    for form in forms:  # the forms' fields, which metadata does not list
        groups.append(FieldGroup(f"Custom form: {form.name}", form.fields))
    groups.append(FieldGroup("Custom fields" if forms else "Custom forms",
                             where(lambda f: f.custom and f.name not in on_forms)))
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
        if label is None and isinstance(value, str) and ":" in value:  # a custom status: "CUR:A" is based on CUR
            base = value.split(":", 1)[0]
            label = next((option.label for option in meta.possible_values if option.value == base), None)
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


# -- Planning values as people read them -------------------------------------------------------------

#: Field kinds whose values the server computes: shown, never edited.
COMPUTED_KINDS = {"formula": "a formula computes it", "lookup": "it is looked up from a linked record",
                  "created-by": "the system sets it", "updated-by": "the system sets it",
                  "created-at": "the system sets it", "updated-at": "the system sets it"}


@dataclass(frozen=True)
class Chip:
    """A select option as shown: its label and colour."""

    label: str
    color: str | None = None


@dataclass(frozen=True)
class Link:
    """A linked record (``code`` empty) or, for an external link, the classic object it stands for."""

    label: str
    id: str
    code: str = ""


@dataclass(frozen=True)
class RecordValue:
    """One field of a record, ready to show: text, or option chips, or links; and why it is read-only."""

    field: Field
    text: str = ""
    chips: tuple[Chip, ...] = ()
    links: tuple[Link, ...] = ()
    read_only: str = ""


#: How a person the app could not name reads: their id, and this.
UNKNOWN_USER = "unknown user"


def person_id(item: Any) -> str:
    """The id of one people value: a plain id, ``{"id", "idType"}`` or a ``{id, name}`` reference."""
    return str(item.get("id") or item.get("ID") or "") if isinstance(item, Mapping) else str(item)


def people_ids(record: Record, fields: Sequence[Field]) -> list[str]:
    """The ids in the record's people fields (user, created-by, updated-by), in field order, once each."""
    found: dict[str, None] = {}
    for field_ in fields:
        if field_.kind not in PEOPLE_KINDS:
            continue
        value = record.data.get(field_.id)
        for item in value if isinstance(value, list | tuple) else ([] if value is None else [value]):
            ident = person_id(item)
            if ident:
                found[ident] = None
    return list(found)


def people_names(*raws: Mapping[str, Any]) -> dict[str, str]:
    """IMS/Workfront ID → name from the ``{id, name}`` user references Planning answers carry (audits)."""
    names: dict[str, str] = {}
    for raw in raws:
        for key in ("createdBy", "updatedBy", "owner"):
            value = raw.get(key)
            if isinstance(value, Mapping) and value.get("id") and value.get("name"):
                names[str(value["id"])] = str(value["name"])
    return names


def record_values(details: RecordDetails, people: Mapping[str, str] | None = None) -> list[RecordValue]:
    """Every field of the record in the type's order, displayed by its type (a person nobody could name by
    their id, marked as an unknown user)."""
    names = dict(people or {})
    names.update(people_names(details.record.raw, *(details.record_type.raw,) if details.record_type else ()))
    names.update(details.people)
    data = details.record.data
    return [record_value(field_, data.get(field_.id), names) for field_ in details.fields]


def record_value(field_: Field, value: Any, people: Mapping[str, str]) -> RecordValue:
    """One value of ``field_`` as the detail form shows it (``people``: ids → names)."""
    kind = field_.kind.value if field_.kind else ""
    read_only = COMPUTED_KINDS.get(kind, "")
    items = value if isinstance(value, list | tuple) else ([] if value is None else [value])
    if kind in ("single-select", "multi-select") or (kind == "lookup" and field_.options):
        by_name = {option.name: option for option in field_.options}
        chips = tuple(Chip(by_name[str(item)].display_name or str(item), by_name[str(item)].color)
                      if str(item) in by_name else Chip(str(item)) for item in items)
        return RecordValue(field_, ", ".join(chip.label for chip in chips), chips=chips, read_only=read_only)
    if kind == "reference":
        links = []
        code = field_classic_code(field_) or ""
        for item in items:
            if isinstance(item, Mapping) and item.get("id"):
                label = str(item.get("value") or item["id"])
                if code and item.get("externalId"):
                    links.append(Link(label, str(item["externalId"]), code))
                else:
                    links.append(Link(label, str(item["id"])))
        return RecordValue(field_, ", ".join(link.label for link in links), links=tuple(links))
    if kind in ("user", "created-by", "updated-by"):
        texts = []
        for item in items:
            ident = person_id(item)
            name = (item.get("name") if isinstance(item, Mapping) else None) or people.get(ident)
            if name or ident:
                texts.append(str(name) if name else f"{ident} ({UNKNOWN_USER})")
        return RecordValue(field_, ", ".join(texts), read_only=read_only)
    if kind in ("date", "created-at", "updated-at") and isinstance(value, str):
        moment = parse_time(value)
        if moment is not None:
            text = moment.strftime("%d %b %Y") if kind == "date" and len(value) == 10 else \
                moment.astimezone().strftime("%d %b %Y %H:%M %Z")
            return RecordValue(field_, text, read_only=read_only)
    if kind == "boolean":
        return RecordValue(field_, "" if value is None else ("Yes" if value else "No"))
    if kind in ("number", "percentage", "currency", "lookup") and _numbers(items):
        return RecordValue(field_, number_text(field_, value), read_only=read_only)
    return RecordValue(field_, display_value(value), read_only=read_only)


def _numbers(items: Sequence[Any]) -> bool:
    return bool(items) and all(isinstance(item, int | float) and not isinstance(item, bool) for item in items)


def number_text(field_: Field, value: Any) -> str:
    """A number (or a lookup's numbers) as the field's options say: its precision, a currency's code, a
    percentage's sign; a lookup reads like the field it looks up, and a rollup (a count) that is not of a
    number like a plain number. The Planning results table formats numbers the same way."""
    column = column_of(BuilderField.of(field_))
    if not column.kind.is_numeric:
        column = replace(column, kind=ValueKind.NUMBER)
    return display(value, column)


# -- classic values as people read them --------------------------------------------------------------


@dataclass(frozen=True)
class ClassicRow:
    """One line of the classic form: label, API name and type (for the tooltip), the text, and a link if any."""

    name: str
    label: str
    type: str
    text: str
    loaded: bool = True
    link: Link | None = None


@dataclass(frozen=True)
class ClassicSection:
    """A titled group of rows."""

    title: str
    rows: tuple[ClassicRow, ...]


def classic_sections(details: ObjectDetails) -> list[ClassicSection]:
    """The form of one classic object: its field groups (a group per custom form it has), then its collections
    with their sizes."""
    data = details.data
    sections: list[ClassicSection] = []
    for group in field_groups(details.meta, details.custom_forms):
        rows = [ClassicRow(f.name, f.label, f.field_type, display_value(details.value(f.name), f),
                           details.is_loaded(f.name)) for f in group.fields]
        for ref in group.references:
            value = data.get(ref.name)
            link = None
            if isinstance(value, Mapping) and value.get("ID"):
                link = Link(display_value(value) or str(value["ID"]), str(value["ID"]),
                            str(value.get("objCode") or ref.target_code).upper())
            rows.append(ClassicRow(ref.name, link_label(ref), f"reference → {ref.target_code}",
                                   link.label if link else "", ref.name in data, link))
        sections.append(ClassicSection(group.title, tuple(rows)))
    loose = _loose_custom_values(details)
    if loose:
        sections.append(ClassicSection("Custom fields" if details.custom_forms else "Custom forms", loose))
    collections = tuple(
        ClassicRow(name, link_label(link), f"collection → {link.target_code}",
                   f"{details.collection_counts[name]:,}" if name in details.collection_counts else COUNT_NOT_KNOWN,
                   name in details.collection_counts)
        for name, link in sorted(details.meta.collections.items(), key=lambda item: link_label(item[1]).casefold()))
    if collections:
        sections.append(ClassicSection("Collections", collections))
    return sections


def _loose_custom_values(details: ObjectDetails) -> tuple[ClassicRow, ...]:
    """Custom values the server sent that none of the object's forms (nor metadata) describes, so none is lost."""
    custom = details.data.get("parameterValues")
    described = set(details.meta.fields) | {f.name for form in details.custom_forms for f in form.fields}
    return tuple(ClassicRow(key, key.removeprefix("DE:"), "custom field", display_value(value))
                 for key, value in (custom.items() if isinstance(custom, Mapping) else ())
                 if key not in described and value not in (None, "", []))

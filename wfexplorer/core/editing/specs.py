"""What the form knows about each editable field: a :class:`FieldSpec`, built from classic metadata or Planning fields.

    groups = classic_groups(details.meta, details.custom_forms, statuses)   # [SpecGroup("Identity", (...)), ...]
    specs = planning_specs(record_details.fields)                           # one spec per Planning field

A spec says which editor the field gets (:class:`EditorKind`), its label, its options (with colours for Planning
selects), whether it is required, and, when it cannot be edited, why in words. A classic reference is edited
through its ``…ID`` field (``projectID``), so the spec's ``key`` is the field the save request sends.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from wfexplorer.core.classic.customforms import CustomForm
from wfexplorer.core.classic.metadata import FieldMeta, LinkMeta, ObjectMeta
from wfexplorer.core.details import COMPUTED_KINDS, field_groups
from wfexplorer.core.planning.builder.fields import BuilderField
from wfexplorer.core.planning.external import field_classic_code
from wfexplorer.core.planning.filters import FieldKind
from wfexplorer.core.planning.models import Field


class EditorKind(enum.StrEnum):
    """Which editor a field gets."""

    TEXT = "text"
    LONG_TEXT = "long-text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    CURRENCY = "currency"
    PERCENT = "percent"
    DATE = "date"
    DATE_TIME = "date-time"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    STATUS = "status"
    MULTI_CHOICE = "multi-choice"
    REFERENCE = "reference"
    RECORD_REFERENCE = "record-reference"
    PEOPLE = "people"
    URL = "url"
    READ_ONLY = "read-only"


class Api(enum.StrEnum):
    """Which API a spec's field belongs to."""

    CLASSIC = "classic"
    PLANNING = "planning"


@dataclass(frozen=True)
class Option:
    """One value a choice offers: the stored value, its label and (Planning) its colour."""

    value: object
    label: str
    color: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    """One editable (or shown-but-locked) field.

    ``key`` is the name the save request uses (classic field name, ``DE:…`` custom field, Planning field id);
    ``target`` the objCode a classic reference points at or the record type a Planning reference does;
    ``link`` the classic reference's own name (``project`` for ``projectID``); ``read_only`` says why the
    field cannot be edited (empty: it can). ``external`` marks a Planning reference to classic Workfront
    objects (``isExternal``): its ``target`` is their objCode and its picker searches them. ``unit`` is shown
    beside a number (a Planning currency field's currency code); ``source`` is the Planning field the spec was
    made from, so that a locked value reads as the detail form shows it (option labels, names, numbers).
    """

    key: str
    label: str
    kind: EditorKind
    api: Api = Api.CLASSIC
    options: tuple[Option, ...] = ()
    required: bool = False
    read_only: str = ""
    target: str = ""
    link: str = ""
    multiple: bool = False
    wire_type: str = ""
    external: bool = False
    unit: str = ""
    source: Field | None = dataclass_field(default=None, compare=False, repr=False)

    @property
    def editable(self) -> bool:
        """Whether the user may change the value."""
        return not self.read_only

    def option_label(self, value: object) -> str | None:
        """The label of ``value`` among the options, if it is one."""
        return next((option.label for option in self.options if option.value == value), None)


@dataclass(frozen=True)
class SpecGroup:
    """A titled group of specs, in display order."""

    title: str
    specs: tuple[FieldSpec, ...]


#: Why classic fields flagged READ_ONLY cannot be edited.
COMPUTED_CLASSIC = "Workfront computes it"
STATUS_FIELDS = frozenset({"status"})
LONG_TEXT_FIELDS = frozenset({"description", "noteText", "predecessorExpression"})
URL_FIELDS = frozenset({"URL", "url"})


def classic_kind(meta: FieldMeta) -> EditorKind:
    """The editor of one classic field, from its type, flags and values."""
    kind_of_type = {"int": EditorKind.INTEGER, "long": EditorKind.INTEGER, "double": EditorKind.DECIMAL,
                    "float": EditorKind.DECIMAL, "boolean": EditorKind.BOOLEAN, "date": EditorKind.DATE,
                    "dateTime": EditorKind.DATE_TIME, "string[]": EditorKind.MULTI_CHOICE,
                    "currency": EditorKind.CURRENCY, "percent": EditorKind.PERCENT}
    if meta.name in STATUS_FIELDS and meta.possible_values:
        return EditorKind.STATUS
    if meta.field_type == "string[]":
        return EditorKind.MULTI_CHOICE if meta.possible_values else EditorKind.LONG_TEXT
    if meta.possible_values:
        return EditorKind.CHOICE
    if "CURRENCY" in meta.flags:
        return EditorKind.CURRENCY
    if "PERCENT" in meta.flags or meta.name.startswith("percent"):
        return EditorKind.PERCENT
    if meta.field_type in kind_of_type:
        return kind_of_type[meta.field_type]
    if meta.name in LONG_TEXT_FIELDS:
        return EditorKind.LONG_TEXT
    if meta.name in URL_FIELDS:
        return EditorKind.URL
    return EditorKind.TEXT


def classic_spec(meta: FieldMeta, statuses: Sequence[Option] = ()) -> FieldSpec:
    """The spec of one classic scalar field (``statuses``: the custom statuses of the type, for ``status``)."""
    kind = classic_kind(meta)
    options = tuple(Option(value.value, value.label) for value in meta.possible_values)
    if kind is EditorKind.STATUS:
        known = {option.value for option in options}
        options += tuple(option for option in statuses if option.value not in known)
    read_only = COMPUTED_CLASSIC if meta.read_only or meta.name == "ID" else ""
    return FieldSpec(meta.name, meta.label, kind, Api.CLASSIC, options, meta.required, read_only,
                     wire_type=meta.field_type)


def reference_spec(link: LinkMeta, id_field: FieldMeta) -> FieldSpec:
    """The spec of a classic reference, edited through its ``…ID`` field."""
    read_only = COMPUTED_CLASSIC if id_field.read_only else ""
    return FieldSpec(id_field.name, link.label, EditorKind.REFERENCE, Api.CLASSIC, required=id_field.required,
                     read_only=read_only, target=link.target_code.upper(), link=link.name, wire_type="string")


def classic_groups(meta: ObjectMeta, forms: Sequence[CustomForm] = (),
                   statuses: Sequence[Option] = ()) -> list[SpecGroup]:
    """The type's fields in the detail form's groups, then one group per custom form (its ``DE:`` fields, which
    metadata does not list); references become pickers of their ``…ID`` field."""
    groups: list[SpecGroup] = []
    by_id_field = {f"{name}ID" for name in meta.references if f"{name}ID" in meta.fields}
    in_forms = {field.name for form in forms for field in form.fields}
    for group in field_groups(meta):
        specs: list[FieldSpec] = [classic_spec(f, statuses) for f in group.fields
                                  if f.name not in by_id_field and f.name not in in_forms]
        for link in group.references:
            id_field = meta.fields.get(f"{link.name}ID")
            if id_field is not None:
                specs.append(reference_spec(link, id_field))
        if specs:
            groups.append(SpecGroup(group.title, tuple(specs)))
    for form in forms:
        specs = [classic_spec(field) for field in form.fields]
        if specs:
            groups.append(SpecGroup(f"Custom form: {form.name}", tuple(specs)))
    return groups


def custom_status_options(rows: Iterable[Mapping[str, object]]) -> list[Option]:
    """Custom statuses (CSTEM rows: value, label, equatesWith) as options: "Waiting (WSX ≈ CUR)"."""
    options = []
    for row in rows:
        value = row.get("value")
        if not value:
            continue
        base = row.get("equatesWith")
        label = str(row.get("label") or value)
        options.append(Option(str(value), f"{label} ({value} ≈ {base})" if base and base != value else label))
    return options


# -- Planning ------------------------------------------------------------------------------------------------

_PLANNING_KINDS = {
    FieldKind.TEXT: EditorKind.TEXT, FieldKind.LONG_TEXT: EditorKind.LONG_TEXT, FieldKind.NUMBER: EditorKind.DECIMAL,
    FieldKind.PERCENTAGE: EditorKind.PERCENT, FieldKind.CURRENCY: EditorKind.CURRENCY, FieldKind.DATE: EditorKind.DATE,
    FieldKind.SINGLE_SELECT: EditorKind.CHOICE, FieldKind.MULTI_SELECT: EditorKind.MULTI_CHOICE,
    FieldKind.USER: EditorKind.PEOPLE, FieldKind.BOOLEAN: EditorKind.BOOLEAN,
    FieldKind.REFERENCE: EditorKind.RECORD_REFERENCE, FieldKind.URL: EditorKind.URL,
}


def planning_spec(field: Field) -> FieldSpec:
    """The spec of one Planning field; formula, lookup and system fields are locked with the reason."""
    kind = field.kind
    reason = COMPUTED_KINDS.get(kind.value, "") if kind is not None else "its type is not known to wfexplorer"
    editor = _PLANNING_KINDS.get(kind, EditorKind.READ_ONLY) if kind is not None else EditorKind.READ_ONLY
    if editor is EditorKind.READ_ONLY and not reason:
        reason = "wfexplorer cannot edit this type of field"
    options = tuple(Option(option.name, option.display_name or option.name, option.color) for option in field.options)
    classic_code = field_classic_code(field) if field.is_external else None
    reference = field.raw.get("referenceOptions")
    linked_record_type = reference.get("recordTypeId") if isinstance(reference, Mapping) else None
    target = classic_code or str(linked_record_type or "")
    required = bool(field.raw.get("isRequired") or field.raw.get("required"))
    unit = (BuilderField.of(field).currency or "") if editor is EditorKind.CURRENCY else ""
    return FieldSpec(field.id, field.display_name, editor, Api.PLANNING, options, required, reason, target,
                     multiple=field.multiple, wire_type=field.type, external=classic_code is not None, unit=unit,
                     source=field)


def planning_specs(fields: Sequence[Field]) -> list[FieldSpec]:
    """One spec per field, in the record type's order."""
    return [planning_spec(field) for field in fields]

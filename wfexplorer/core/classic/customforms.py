"""Custom forms of an object type and their ``DE:`` fields, read in one request.

Metadata does not list custom fields (they change whenever an administrator edits a form), so
:func:`custom_forms` reads them from the forms themselves: ``GET /ctgy/search?catObjCode=PROJ``
with each form's parameters and their options, and describes every field as a
:class:`~wfexplorer.core.classic.metadata.FieldMeta` named ``DE:<name>`` (type, label, choices,
``REQUIRED``/``CUSTOM`` flags), ready for the same form widgets as built-in fields. :func:`forms_of` tells
which of a type's forms one object has (:func:`has_forms`: whether it has any, before they are read).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wfexplorer.core.classic.metadata import EnumValue, FieldMeta
from wfexplorer.core.classic.requester import ClassicRequester

_LINK = "categoryParameters"
#: What an object's GET asks for to learn which forms it has, in its order (``objectCategories``, from v5.0).
OBJECT_FORMS = "objectCategories:categoryID,objectCategories:categoryOrder"
_PARAMETER = f"{_LINK}:parameter"
FIELDS = ",".join([
    f"{_LINK}:displayOrder", f"{_LINK}:isRequired", f"{_PARAMETER}:name", f"{_PARAMETER}:dataType",
    f"{_PARAMETER}:displayType", f"{_PARAMETER}:isRequired", f"{_PARAMETER}:description",
    f"{_PARAMETER}:parameterOptions:value", f"{_PARAMETER}:parameterOptions:label",
    f"{_PARAMETER}:parameterOptions:displayOrder",
])
_MULTI = {"MSLCT", "CHCK", "MULTSLCT", "MULTI"}
_SINGLE = {"SLCT", "RDIO", "TYAH"}


@dataclass(frozen=True)
class CustomForm:
    """A custom form (CTGY) for one object type, with its fields in display order."""

    id: str
    name: str
    obj_code: str
    fields: tuple[FieldMeta, ...]


def field_type(data_type: str, display_type: str) -> str:
    """Return the ``fieldType`` a custom field's values have (``string[]`` for multi-select)."""
    if display_type.upper() in _MULTI:
        return "string[]"
    return {"NMBR": "double", "CRNC": "double", "DATE": "dateTime"}.get(data_type.upper(), "string")


def _field(link: dict[str, Any]) -> FieldMeta | None:
    parameter = link.get("parameter")
    if not isinstance(parameter, dict) or not parameter.get("name"):
        return None
    options = sorted((option for option in parameter.get("parameterOptions") or () if isinstance(option, dict)),
                     key=lambda option: option.get("displayOrder") or 0)
    display = str(parameter.get("displayType") or "TEXT")
    flags = ["CUSTOM"]
    if link.get("isRequired") or parameter.get("isRequired"):
        flags.append("REQUIRED")
    return FieldMeta(
        name=f"DE:{parameter['name']}",
        label=str(parameter["name"]),
        field_type=field_type(str(parameter.get("dataType") or "TEXT"), display),
        possible_values=tuple(EnumValue(option.get("value"), str(option.get("label") or option.get("value")))
                              for option in options),
        flags=tuple(flags),
    )


def custom_forms(session: ClassicRequester, obj_code: str) -> list[CustomForm]:
    """Return the custom forms for ``obj_code`` (``"PROJ"``) and their fields; one request."""
    data = session.get("/ctgy/search", {"catObjCode": obj_code.upper(), "fields": FIELDS, "name_Sort": "asc",
                                        "$$LIMIT": 2000})
    forms = []
    for form in data if isinstance(data, list) else []:
        links = sorted((link for link in form.get(_LINK) or () if isinstance(link, dict)),
                       key=lambda link: link.get("displayOrder") or 0)
        fields = tuple(field for field in (_field(link) for link in links) if field is not None)
        forms.append(CustomForm(id=str(form.get("ID")), name=str(form.get("name")), obj_code=obj_code.upper(),
                                fields=fields))
    return forms


def custom_fields(session: ClassicRequester, obj_code: str) -> dict[str, FieldMeta]:
    """Return every ``DE:`` field any form of ``obj_code`` defines, by name (one request)."""
    fields: dict[str, FieldMeta] = {}
    for form in custom_forms(session, obj_code):
        for field in form.fields:
            fields.setdefault(field.name, field)
    return fields


def forms_of(forms: Sequence[CustomForm], data: Mapping[str, Any]) -> tuple[CustomForm, ...]:
    """The forms among ``forms`` (its type's) that the object ``data`` has, in the object's order.

    Its ``objectCategories`` rows say so where the server sent them (ordered by ``categoryOrder``); besides,
    the form its ``categoryID`` (or ``category`` reference) names, then any form one of whose fields holds a
    value (``parameterValues`` or ``DE:`` keys).
    """
    by_id = {form.id: form for form in forms}
    wanted: list[str] = []
    rows = data.get("objectCategories")
    if isinstance(rows, list):
        attached = sorted((row for row in rows if isinstance(row, Mapping)),
                          key=lambda row: row.get("categoryOrder") or 0)
        wanted.extend(str(_category_id(row)) for row in attached if _category_id(row))
    primary = _category_id(data)
    if primary:
        wanted.append(str(primary))
    values = data.get("parameterValues")
    sent = {**(values if isinstance(values, Mapping) else {}), **{k: v for k, v in data.items() if k.startswith("DE:")}}
    held = {key for key, value in sent.items() if value not in (None, "", [])}
    wanted.extend(form.id for form in forms if any(field.name in held for field in form.fields))
    return tuple(by_id[ident] for ident in dict.fromkeys(wanted) if ident in by_id)


def has_forms(data: Mapping[str, Any]) -> bool:
    """Whether the object ``data`` has a custom form or holds a custom value (else its type's forms need not be
    read)."""
    values = data.get("parameterValues")
    return bool(data.get("objectCategories") or _category_id(data) or values
                or any(key.startswith("DE:") for key in data))


def _category_id(data: Mapping[str, Any]) -> Any:
    category = data.get("category")
    return data.get("categoryID") or (category.get("ID") if isinstance(category, Mapping) else None)

"""Field kinds and the one table of which filter conditions each kind allows.

The table is the basics page's "Supported filter conditions by field type" (planning-api.md §5), keyed by the
documentation's lower-case names. ``kind_of()`` maps the type strings servers send (v2 ``FieldDto.type`` such as
``SINGLE_SELECT``, the non-enum ``LOOKUP``/``CREATED_BY``/..., and v1's untyped strings) onto those kinds.
A lookup field has no row of its own: it takes the row of its linked (source) field's kind.
"""

from __future__ import annotations

import enum

from wfexplorer.core.planning.filters.vocabulary import ConditionType as C


class FieldKind(enum.StrEnum):
    """A field type as the filter documentation names it."""

    TEXT = "text"
    LONG_TEXT = "long-text"
    NUMBER = "number"
    PERCENTAGE = "percentage"
    CURRENCY = "currency"
    DATE = "date"
    SINGLE_SELECT = "single-select"
    MULTI_SELECT = "multi-select"
    USER = "user"
    BOOLEAN = "boolean"
    FORMULA = "formula"
    CREATED_BY = "created-by"
    UPDATED_BY = "updated-by"
    CREATED_AT = "created-at"
    UPDATED_AT = "updated-at"
    REFERENCE = "reference"
    LOOKUP = "lookup"
    URL = "url"  # v1 table only; filtered like text

    @property
    def v2_type(self) -> str:
        """The v2 ``FieldDto.type`` string for this kind."""
        return V2_TYPE_OF_KIND[self]


_TEXTUAL = (C.CONTAINS, C.DOES_NOT_CONTAIN, C.IS, C.IS_NOT, C.IS_EMPTY, C.IS_NOT_EMPTY)
_NUMERIC = (
    C.IS, C.IS_NOT, C.GREATER_THAN, C.GREATER_THAN_OR_EQUAL, C.LESS_THAN, C.LESS_THAN_OR_EQUAL,
    C.IS_EMPTY, C.IS_NOT_EMPTY,
)
_TEMPORAL = (C.IS, C.IS_NOT, C.IS_AFTER, C.IS_BEFORE, C.IS_BETWEEN, C.IS_NOT_BETWEEN)
_MULTI = (C.HAS_ANY_OF, C.HAS_ALL_OF, C.IS_EXACTLY, C.HAS_NONE_OF, C.IS_EMPTY, C.IS_NOT_EMPTY)
_PICK_ONE = (C.IS, C.IS_NOT, C.IS_ANY_OF, C.IS_NONE_OF)
_EMPTINESS = (C.IS_EMPTY, C.IS_NOT_EMPTY)

#: Field kind -> the conditions a filter may use on it, in the order the documentation lists them.
#: LOOKUP is absent on purpose: it uses the row of its linked field's kind.
ALLOWED_CONDITIONS: dict[FieldKind, tuple[C, ...]] = {
    FieldKind.TEXT: _TEXTUAL,
    FieldKind.LONG_TEXT: _TEXTUAL,
    FieldKind.URL: _TEXTUAL,
    FieldKind.FORMULA: _TEXTUAL,
    FieldKind.NUMBER: _NUMERIC,
    FieldKind.PERCENTAGE: _NUMERIC,
    FieldKind.CURRENCY: _NUMERIC,
    FieldKind.DATE: _TEMPORAL + _EMPTINESS,
    FieldKind.SINGLE_SELECT: _PICK_ONE + _EMPTINESS,
    FieldKind.MULTI_SELECT: _MULTI,
    FieldKind.USER: _MULTI,
    FieldKind.REFERENCE: _MULTI,
    FieldKind.BOOLEAN: (C.IS,),
    FieldKind.CREATED_BY: _PICK_ONE,
    FieldKind.UPDATED_BY: _PICK_ONE + _EMPTINESS,
    FieldKind.CREATED_AT: _TEMPORAL,
    FieldKind.UPDATED_AT: _TEMPORAL + _EMPTINESS,
}

#: Conditions the service is known to accept on a kind although the table does not list them, and the
#: condition it treats them as. The basics page's own matchExternalId example uses IS_ANY_OF on a reference.
LENIENT_CONDITIONS: dict[FieldKind, dict[C, C]] = {
    FieldKind.REFERENCE: {C.IS_ANY_OF: C.HAS_ANY_OF, C.IS_NONE_OF: C.HAS_NONE_OF},
}

#: Kinds whose filter values are people: plain strings (IMS ids) or ``{id, idType}`` objects.
PEOPLE_KINDS: frozenset[FieldKind] = frozenset({FieldKind.USER, FieldKind.CREATED_BY, FieldKind.UPDATED_BY})
#: Kinds whose values are numbers (numeric strings are accepted, as the documentation's examples show).
NUMERIC_KINDS: frozenset[FieldKind] = frozenset({FieldKind.NUMBER, FieldKind.PERCENTAGE, FieldKind.CURRENCY})
#: Kinds whose values are ISO dates or date-times.
TEMPORAL_KINDS: frozenset[FieldKind] = frozenset({FieldKind.DATE, FieldKind.CREATED_AT, FieldKind.UPDATED_AT})
#: Kinds whose values are select option names.
SELECT_KINDS: frozenset[FieldKind] = frozenset({FieldKind.SINGLE_SELECT, FieldKind.MULTI_SELECT})

#: Kind -> v2 type string. The first 12 are the v2 ``FieldDto.type`` enum; the rest are the strings the filter
#: schema and servers use outside that enum.
V2_TYPE_OF_KIND: dict[FieldKind, str] = {
    FieldKind.TEXT: "TEXT",
    FieldKind.LONG_TEXT: "PARAGRAPH",
    FieldKind.NUMBER: "NUMBER",
    FieldKind.PERCENTAGE: "PERCENTAGE",
    FieldKind.CURRENCY: "CURRENCY",
    FieldKind.DATE: "DATE",
    FieldKind.SINGLE_SELECT: "SINGLE_SELECT",
    FieldKind.MULTI_SELECT: "MULTI_SELECT",
    FieldKind.BOOLEAN: "CHECKBOX",
    FieldKind.REFERENCE: "REFERENCE",
    FieldKind.USER: "USER",
    FieldKind.FORMULA: "FORMULA",
    FieldKind.LOOKUP: "LOOKUP",
    FieldKind.CREATED_BY: "CREATED_BY",
    FieldKind.UPDATED_BY: "UPDATED_BY",
    FieldKind.CREATED_AT: "CREATED_AT",
    FieldKind.UPDATED_AT: "UPDATED_AT",
    FieldKind.URL: "URL",
}

#: The 12 values of the v2 ``FieldDto.type`` enum (the types a client can create).
V2_CREATABLE_TYPES: tuple[str, ...] = tuple(list(V2_TYPE_OF_KIND.values())[:12])

# Every spelling a server may send, normalised (upper case, '-' -> '_'), mapped to its kind.
_KIND_BY_NAME: dict[str, FieldKind] = {
    **{v2.upper(): kind for kind, v2 in V2_TYPE_OF_KIND.items()},
    **{kind.value.upper().replace("-", "_"): kind for kind in FieldKind},
    "BOOLEAN": FieldKind.BOOLEAN,
    "PEOPLE": FieldKind.USER,
    "CONNECTION": FieldKind.REFERENCE,
}


def kind_of(type_name: str | None) -> FieldKind | None:
    """The kind for a server type string (``SINGLE_SELECT``, ``single-select``, ``PARAGRAPH`` ...); None if unknown."""
    if not type_name:
        return None
    return _KIND_BY_NAME.get(type_name.strip().upper().replace("-", "_"))


def allowed_conditions(kind: FieldKind | None) -> tuple[C, ...]:
    """The conditions allowed on ``kind`` (for a lookup, pass its linked field's kind); () if none are known."""
    if kind is None:
        return ()
    return ALLOWED_CONDITIONS.get(kind, ())

"""The words of a classic search: modifiers (``_Mod``), value shapes, field kinds, sort directions, aggregates.

Which modifiers suit which field kind (:data:`ALLOWED_MODIFIERS`) and how many values each takes
(:data:`VALUE_SHAPES`) follow classic-api.md §5.2 (the modifier semantics of Workfront's
``api-constants``) plus the ``cistartswith``/``endswith``/``ciendswith`` forms reported from live
tenants. :func:`kind_of` reads a field's kind from its metadata (``fieldType``, enum values, name).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from wfexplorer.core.classic.metadata import FieldMeta


class Modifier(enum.StrEnum):
    """A ``field_Mod`` value."""

    EQ = "eq"
    CIEQ = "cieq"
    NE = "ne"
    NEE = "nee"
    CINE = "cine"
    LT = "lt"
    LTE = "lte"
    GT = "gt"
    GTE = "gte"
    CONTAINS = "contains"
    CICONTAINS = "cicontains"
    NOTCONTAINS = "notcontains"
    CINOTCONTAINS = "cinotcontains"
    CICONTAINSANY = "cicontainsany"
    CICONTAINSALL = "cicontainsall"
    CINOTCONTAINSANY = "cinotcontainsany"
    CINOTCONTAINSALL = "cinotcontainsall"
    LIKE = "like"
    CILIKE = "cilike"
    STARTSWITH = "startswith"
    CISTARTSWITH = "cistartswith"
    ENDSWITH = "endswith"
    CIENDSWITH = "ciendswith"
    SOUNDEX = "soundex"
    BETWEEN = "between"
    CIBETWEEN = "cibetween"
    NOTBETWEEN = "notbetween"
    CINOTBETWEEN = "cinotbetween"
    IN = "in"
    CIIN = "ciin"
    NOTIN = "notin"
    CINOTIN = "cinotin"
    BITWISEOR = "bitwiseor"
    BITWISEAND = "bitwiseand"
    BITWISENAND = "bitwisenand"
    EXACTTIME = "exacttime"
    LENGTH_LT = "length_lt"
    LENGTH_EQ = "length_eq"
    LENGTH_GT = "length_gt"
    ALLOF = "allof"
    ISNULL = "isnull"
    NOTNULL = "notnull"
    ISBLANK = "isblank"
    NOTBLANK = "notblank"


class ValueShape(enum.StrEnum):
    """How many values a modifier takes: none, one, a range (value and ``_Range``) or a list (repeated values)."""

    NONE = "none"
    ONE = "one"
    RANGE = "range"
    MANY = "many"


class FieldKind(enum.StrEnum):
    """What a field holds, as far as filtering is concerned (it picks the modifiers and the value editor)."""

    TEXT = "text"
    ENUM = "enum"  # text with a fixed list of values (status, custom drop-downs)
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"
    ID = "id"
    MULTI = "multi"  # a multi-value custom field (checkboxes, multi-select: ``string[]``)


class SortDirection(enum.StrEnum):
    """A ``field_Sort`` value (``ci…``: case-insensitive)."""

    ASC = "asc"
    DESC = "desc"
    CIASC = "ciasc"
    CIDESC = "cidesc"


class AggregateFunction(enum.StrEnum):
    """A ``field_AggFunc`` value of a report; ``d…`` counts each distinct value once."""

    MAX = "max"
    MIN = "min"
    AVG = "avg"
    SUM = "sum"
    COUNT = "count"
    STD = "std"
    VAR = "var"
    DMAX = "dmax"
    DMIN = "dmin"
    DAVG = "davg"
    DSUM = "dsum"
    DCOUNT = "dcount"
    DSTD = "dstd"
    DVAR = "dvar"


M = Modifier

VALUE_SHAPES: Mapping[Modifier, ValueShape] = {
    **dict.fromkeys(Modifier, ValueShape.ONE),
    **dict.fromkeys((M.ISNULL, M.NOTNULL, M.ISBLANK, M.NOTBLANK), ValueShape.NONE),
    **dict.fromkeys((M.BETWEEN, M.CIBETWEEN, M.NOTBETWEEN, M.CINOTBETWEEN), ValueShape.RANGE),
    **dict.fromkeys((M.IN, M.CIIN, M.NOTIN, M.CINOTIN, M.ALLOF), ValueShape.MANY),
}

_NULLS = (M.ISNULL, M.NOTNULL)
_TEXT_MATCH = (
    M.CONTAINS, M.CICONTAINS, M.NOTCONTAINS, M.CINOTCONTAINS, M.CICONTAINSANY, M.CICONTAINSALL,
    M.CINOTCONTAINSANY, M.CINOTCONTAINSALL, M.STARTSWITH, M.CISTARTSWITH, M.ENDSWITH, M.CIENDSWITH,
    M.LIKE, M.CILIKE, M.SOUNDEX,
)  # fmt: skip
_COMPARE = (M.LT, M.LTE, M.GT, M.GTE)

#: The modifiers each kind of field takes, in the order a picker offers them.
ALLOWED_MODIFIERS: Mapping[FieldKind, tuple[Modifier, ...]] = {
    FieldKind.TEXT: (
        M.EQ, M.CIEQ, M.NE, M.NEE, M.CINE, *_TEXT_MATCH, M.IN, M.CIIN, M.NOTIN, M.CINOTIN, *_COMPARE,
        M.BETWEEN, M.CIBETWEEN, M.NOTBETWEEN, M.CINOTBETWEEN, M.LENGTH_LT, M.LENGTH_EQ, M.LENGTH_GT,
        *_NULLS, M.ISBLANK, M.NOTBLANK,
    ),
    FieldKind.ENUM: (M.EQ, M.CIEQ, M.NE, M.NEE, M.CINE, M.IN, M.CIIN, M.NOTIN, M.CINOTIN, *_NULLS),
    FieldKind.NUMBER: (
        M.EQ, M.NE, M.NEE, *_COMPARE, M.BETWEEN, M.NOTBETWEEN, M.IN, M.NOTIN,
        M.BITWISEOR, M.BITWISEAND, M.BITWISENAND, *_NULLS,
    ),
    FieldKind.DATE: (M.EQ, M.NE, M.NEE, *_COMPARE, M.BETWEEN, M.NOTBETWEEN, M.EXACTTIME, *_NULLS),
    FieldKind.BOOLEAN: (M.EQ, M.NE, *_NULLS),
    FieldKind.ID: (M.EQ, M.NE, M.NEE, M.IN, M.NOTIN, *_NULLS),
    FieldKind.MULTI: (
        M.EQ, M.NE, M.IN, M.NOTIN, M.ALLOF, M.CONTAINS, M.CICONTAINS, M.NOTCONTAINS, M.CINOTCONTAINS,
        *_NULLS, M.ISBLANK, M.NOTBLANK,
    ),
}  # fmt: skip

#: The aggregate functions each kind takes (the rest only count).
_COUNTS = (AggregateFunction.COUNT, AggregateFunction.DCOUNT)
ALLOWED_AGGREGATES: Mapping[FieldKind, tuple[AggregateFunction, ...]] = {
    **dict.fromkeys(FieldKind, _COUNTS),
    FieldKind.NUMBER: tuple(AggregateFunction),
    FieldKind.DATE: (AggregateFunction.MAX, AggregateFunction.MIN, AggregateFunction.DMAX, AggregateFunction.DMIN,
                     *_COUNTS),
}

#: Words for a picker (what each modifier does).
MODIFIER_LABELS: Mapping[Modifier, str] = {
    M.EQ: "equals", M.CIEQ: "equals (any case)", M.NE: "does not equal (or is empty)",
    M.NEE: "does not equal (and is not empty)", M.CINE: "does not equal (any case)",
    M.LT: "is less than", M.LTE: "is at most", M.GT: "is greater than", M.GTE: "is at least",
    M.CONTAINS: "contains", M.CICONTAINS: "contains (any case)", M.NOTCONTAINS: "does not contain",
    M.CINOTCONTAINS: "does not contain (any case)", M.CICONTAINSANY: "contains any of the words",
    M.CICONTAINSALL: "contains all of the words", M.CINOTCONTAINSANY: "lacks one of the words",
    M.CINOTCONTAINSALL: "contains none of the words", M.LIKE: "is like (% and _ wildcards)",
    M.CILIKE: "is like (any case)", M.STARTSWITH: "starts with", M.CISTARTSWITH: "starts with (any case)",
    M.ENDSWITH: "ends with", M.CIENDSWITH: "ends with (any case)", M.SOUNDEX: "sounds like",
    M.BETWEEN: "is between", M.CIBETWEEN: "is between (any case)", M.NOTBETWEEN: "is not between",
    M.CINOTBETWEEN: "is not between (any case)", M.IN: "is one of", M.CIIN: "is one of (any case)",
    M.NOTIN: "is none of", M.CINOTIN: "is none of (any case)", M.BITWISEOR: "has any of the bits",
    M.BITWISEAND: "has all of the bits", M.BITWISENAND: "has none of the bits",
    M.EXACTTIME: "is exactly (to the millisecond)", M.LENGTH_LT: "is shorter than",
    M.LENGTH_EQ: "has the length", M.LENGTH_GT: "is longer than", M.ALLOF: "has all of",
    M.ISNULL: "is empty", M.NOTNULL: "is not empty", M.ISBLANK: "is empty or blank",
    M.NOTBLANK: "is neither empty nor blank",
}  # fmt: skip

#: Object type names in URLs that are not objCodes (classic-api.md §1.3).
OBJECT_ALIASES: Mapping[str, str] = {
    "project": "PROJ", "issue": "OPTASK", "document": "DOCU", "hour": "HOUR", "user": "USER", "work": "WORK",
    "workitem": "WRKITM", "task": "TASK", "portfolio": "PORT", "program": "PRGM", "group": "GROUP",
    "team": "TEAMOB", "role": "ROLE", "company": "CMPY", "note": "NOTE", "assignment": "ASSGN",
}  # fmt: skip

_NUMBER_TYPES = frozenset({"int", "integer", "long", "short", "double", "float", "decimal", "currency", "bigdecimal"})
_DATE_TYPES = frozenset({"datetime", "date"})


def modifier_of(text: str) -> Modifier | None:
    """The modifier ``text`` names (any case; ``null``/``blank`` are Workfront's short forms), else ``None``."""
    lowered = text.strip().lower()
    lowered = {"null": "isnull", "blank": "isblank", "nnull": "notnull", "nblank": "notblank"}.get(lowered, lowered)
    try:
        return Modifier(lowered)
    except ValueError:
        return None


def object_code_of(name: str) -> str:
    """The objCode of a URL's object segment (``task`` → ``TASK``, ``project`` → ``PROJ``, ``issue`` → ``OPTASK``)."""
    return OBJECT_ALIASES.get(name.lower(), name.upper())


def kind_of(field: FieldMeta) -> FieldKind:
    """The kind of a field from its metadata: ``string[]`` multi, numbers, dates, booleans, enums, IDs, text."""
    field_type = field.field_type.lower()
    if field_type.endswith("[]"):
        return FieldKind.MULTI
    if field_type == "boolean":
        return FieldKind.BOOLEAN
    if field_type in _NUMBER_TYPES:
        return FieldKind.NUMBER
    if field_type in _DATE_TYPES:
        return FieldKind.DATE
    if field.possible_values:
        return FieldKind.ENUM
    if not field.custom and (field.name == "ID" or field.name.endswith("ID")):
        return FieldKind.ID
    return FieldKind.TEXT


def allowed_modifiers(kind: FieldKind) -> tuple[Modifier, ...]:
    """The modifiers a field of ``kind`` takes, in picker order."""
    return ALLOWED_MODIFIERS[kind]

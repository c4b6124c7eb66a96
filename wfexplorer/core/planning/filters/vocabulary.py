"""The words of the Planning filter language: operators, conditions, value shapes, id types, directions.

Every name here is copied from the official documents (planning-api.md §4.1, §4.5, §5). The v1 spelling of a
condition is derived mechanically from the v2 one (``IS_NOT_BETWEEN`` -> ``$isNotBetween``), as the migration
guide describes, so the two vocabularies can never drift apart.
"""

from __future__ import annotations

import enum


class Operator(enum.StrEnum):
    """Logical operator of a group: v2 ``AND``/``OR``, v1 ``$and``/``$or``."""

    AND = "AND"
    OR = "OR"

    @property
    def v1(self) -> str:
        """The v1 key for this operator (``$and`` or ``$or``)."""
        return "$" + self.value.lower()


class ValueShape(enum.Enum):
    """What a condition's ``value`` looks like on the wire."""

    NONE = "none"  # no value at all (IS_EMPTY, IS_NOT_EMPTY)
    SCALAR = "scalar"  # one value
    PAIR = "pair"  # exactly two values [from, to]
    LIST = "list"  # one or more values


class ConditionType(enum.StrEnum):
    """The 20 filter conditions of v2 ``FilterCondition`` (v1 spells them ``$camelCase``)."""

    CONTAINS = "CONTAINS"
    DOES_NOT_CONTAIN = "DOES_NOT_CONTAIN"
    IS = "IS"
    IS_NOT = "IS_NOT"
    IS_EMPTY = "IS_EMPTY"
    IS_NOT_EMPTY = "IS_NOT_EMPTY"
    GREATER_THAN = "GREATER_THAN"
    GREATER_THAN_OR_EQUAL = "GREATER_THAN_OR_EQUAL"
    LESS_THAN = "LESS_THAN"
    LESS_THAN_OR_EQUAL = "LESS_THAN_OR_EQUAL"
    IS_AFTER = "IS_AFTER"
    IS_BEFORE = "IS_BEFORE"
    IS_BETWEEN = "IS_BETWEEN"
    IS_NOT_BETWEEN = "IS_NOT_BETWEEN"
    IS_ANY_OF = "IS_ANY_OF"
    IS_NONE_OF = "IS_NONE_OF"
    HAS_ANY_OF = "HAS_ANY_OF"
    HAS_ALL_OF = "HAS_ALL_OF"
    HAS_NONE_OF = "HAS_NONE_OF"
    IS_EXACTLY = "IS_EXACTLY"

    @property
    def shape(self) -> ValueShape:
        """The value shape this condition takes."""
        return VALUE_SHAPES[self]

    @property
    def v1(self) -> str:
        """The v1 operator name, e.g. ``$isNotBetween``."""
        return _V1_NAMES[self]

    @property
    def label(self) -> str:
        """Words for people, e.g. ``is not between``, ``greater than or equal``."""
        return self.value.lower().replace("_", " ")

    @classmethod
    def from_v1(cls, name: str) -> ConditionType | None:
        """The condition for a v1 operator name such as ``$greaterThan``; None if there is none."""
        return _FROM_V1.get(name)


VALUE_SHAPES: dict[ConditionType, ValueShape] = {
    ConditionType.IS_EMPTY: ValueShape.NONE,
    ConditionType.IS_NOT_EMPTY: ValueShape.NONE,
    ConditionType.IS_BETWEEN: ValueShape.PAIR,
    ConditionType.IS_NOT_BETWEEN: ValueShape.PAIR,
    ConditionType.IS_ANY_OF: ValueShape.LIST,
    ConditionType.IS_NONE_OF: ValueShape.LIST,
    ConditionType.HAS_ANY_OF: ValueShape.LIST,
    ConditionType.HAS_ALL_OF: ValueShape.LIST,
    ConditionType.HAS_NONE_OF: ValueShape.LIST,
    ConditionType.IS_EXACTLY: ValueShape.LIST,
    **dict.fromkeys(
        (
            ConditionType.CONTAINS,
            ConditionType.DOES_NOT_CONTAIN,
            ConditionType.IS,
            ConditionType.IS_NOT,
            ConditionType.GREATER_THAN,
            ConditionType.GREATER_THAN_OR_EQUAL,
            ConditionType.LESS_THAN,
            ConditionType.LESS_THAN_OR_EQUAL,
            ConditionType.IS_AFTER,
            ConditionType.IS_BEFORE,
        ),
        ValueShape.SCALAR,
    ),
}


def _v1_name(condition: ConditionType) -> str:
    first, *rest = condition.value.lower().split("_")
    return "$" + first + "".join(word.capitalize() for word in rest)


_V1_NAMES: dict[ConditionType, str] = {c: _v1_name(c) for c in ConditionType}
_FROM_V1: dict[str, ConditionType] = {name: c for c, name in _V1_NAMES.items()}


class IdType(enum.StrEnum):
    """Which directory a People filter value comes from: Workfront (``WF``) or Adobe IMS (``IMS``)."""

    WF = "WF"
    IMS = "IMS"


class Direction(enum.StrEnum):
    """Sort or group direction (lower case on the wire in both versions)."""

    ASC = "asc"
    DESC = "desc"

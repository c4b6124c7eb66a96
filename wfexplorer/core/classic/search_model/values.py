"""Checking one filter value's text against a field kind: numbers, dates and date wildcards, booleans, IDs, enums.

Wildcards (classic-api.md §5.6): ``$$TODAY`` (midnight) and ``$$NOW`` followed, in any order, by an
edge ``b``/``e`` (beginning/end, optionally of a period ``d w m q y``) and offsets ``±N`` with a unit
``h d w m q y`` (days without one): ``$$TODAY-7d``, ``$$TODAYb``, ``$$TODAYbm``, ``$$TODAYe+1w``,
``$$NOW+2h``. ``$$USER`` is the signed-in user's ID and ``$$USER.attr`` one of :data:`USER_ATTRIBUTES`;
``$$CUSTOMER`` and ``$$AR`` name the customer and its account rep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from wfexplorer.core.classic.metadata import FieldMeta
from wfexplorer.core.classic.search_model.vocabulary import FieldKind, Modifier

USER_ATTRIBUTES = (
    "ID", "homeGroupID", "accessLevelID", "accessLevelRank", "categoryID", "companyID", "roleID", "roleIDs",
    "otherGroupIDs", "homeTeamID", "teamIDs", "firstName", "lastName", "name", "customerID",
)  # fmt: skip
#: Ready-made date wildcards for a value editor, with what they mean.
DATE_WILDCARDS = (
    ("$$TODAY", "today"), ("$$NOW", "now"), ("$$TODAY-1d", "yesterday"), ("$$TODAY+1d", "tomorrow"),
    ("$$TODAY-7d", "7 days ago"), ("$$TODAY+7d", "in 7 days"), ("$$TODAYbw", "start of this week"),
    ("$$TODAYew", "end of this week"), ("$$TODAYbm", "start of this month"), ("$$TODAYem", "end of this month"),
    ("$$TODAYbq", "start of this quarter"), ("$$TODAYby", "start of this year"), ("$$TODAYb-1m", "start of last month"),
    ("$$NOW-2h", "2 hours ago"),
)  # fmt: skip

_DATE_WILDCARD = re.compile(r"^\$\$(TODAY|NOW)((?:\s*(?:[be][hdwmqy]?|[+-]\s*\d+\s*[hdwmqy]?))*)\s*$", re.IGNORECASE)
_DATE_NAME = re.compile(r"^\$\$(TODAY|NOW)", re.IGNORECASE)
_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.:](\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
_USER = re.compile(r"^\$\$USER(?:\.(?P<attribute>.*))?$")
_OTHER_WILDCARD = re.compile(r"^\$\$(?:CUSTOMER(?:\.\w+)?|AR)$")
_HEX_ID = re.compile(r"^[0-9a-fA-F]{32}$")
_TRUTH = frozenset({"true", "false", "1", "0"})
_WHOLE_NUMBER_MODIFIERS = frozenset({Modifier.LENGTH_LT, Modifier.LENGTH_EQ, Modifier.LENGTH_GT, Modifier.BITWISEOR,
                                     Modifier.BITWISEAND, Modifier.BITWISENAND})


@dataclass(frozen=True)
class ValueIssue:
    """What is wrong with a value; ``warning`` when Workfront would still run the search."""

    message: str
    warning: bool = False


def is_date_wildcard(text: str) -> bool:
    """Whether ``text`` is a well-formed ``$$TODAY``/``$$NOW`` expression."""
    return _DATE_WILDCARD.match(text.strip()) is not None


def is_date(text: str) -> bool:
    """Whether ``text`` is a date or date-time Workfront reads (``2024-05-01``, ISO, or its own output form)."""
    match = _DATE.match(text.strip())
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(part) if part else 0 for part in match.groups()[:6])
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


def user_wildcard_issue(text: str) -> ValueIssue | None:
    """The problem with a ``$$USER…`` value (an unknown attribute), or ``None``."""
    match = _USER.match(text)
    if match is None or match.group("attribute") is None or match.group("attribute") in USER_ATTRIBUTES:
        return None
    return ValueIssue(f"$$USER has no attribute {match.group('attribute')!r}; use one of {', '.join(USER_ATTRIBUTES)}")


def check_syntax(text: str) -> ValueIssue | None:
    """The problems a value has whatever its field: empty, or a malformed wildcard."""
    stripped = text.strip()
    if not stripped:
        return ValueIssue("needs a value")
    if stripped.startswith("$$USER"):
        return user_wildcard_issue(stripped)
    if _DATE_NAME.match(stripped) and not is_date_wildcard(stripped):
        return ValueIssue(f"{stripped!r} is not a date wildcard; write e.g. $$TODAY, $$TODAY-7d, $$TODAYbm, $$NOW+2h")
    return None


def check_value(text: str, kind: FieldKind, modifier: Modifier | None, field: FieldMeta | None = None
                ) -> ValueIssue | None:
    """The problem with filter value ``text`` for a field of ``kind`` under ``modifier``, or ``None``."""
    stripped = text.strip()
    syntax = check_syntax(stripped)
    if syntax is not None:
        return syntax
    if stripped.startswith("$$USER"):
        return _wildcard_kind_issue(kind, "$$USER", {FieldKind.DATE})
    if _OTHER_WILDCARD.match(stripped):
        return _wildcard_kind_issue(kind, stripped.split(".")[0], {FieldKind.DATE, FieldKind.BOOLEAN})
    if _DATE_NAME.match(stripped):
        if kind is not FieldKind.DATE:
            return ValueIssue(f"{stripped} is a date; this field holds {kind.value} values")
        return None
    if modifier in _WHOLE_NUMBER_MODIFIERS:
        return None if re.fullmatch(r"-?\d+", stripped) else ValueIssue(f"{modifier} needs a whole number")
    if modifier in (Modifier.LIKE, Modifier.CILIKE) or kind in (FieldKind.TEXT, FieldKind.ID):
        if kind is FieldKind.ID and not _HEX_ID.match(stripped) and modifier not in (Modifier.LIKE, Modifier.CILIKE):
            return ValueIssue(f"{stripped!r} does not look like a Workfront ID (32 hexadecimal digits)", warning=True)
        return None
    if kind is FieldKind.NUMBER:
        try:
            float(stripped)
        except ValueError:
            return ValueIssue(f"{stripped!r} is not a number")
        return None
    if kind is FieldKind.DATE:
        return None if is_date(stripped) else ValueIssue(
            f"{stripped!r} is not a date; write 2024-05-31, 2024-05-31T17:00 or a wildcard such as $$TODAY-7d")
    if kind is FieldKind.BOOLEAN:
        return None if stripped.lower() in _TRUTH else ValueIssue(f"{stripped!r} is not true or false")
    if kind in (FieldKind.ENUM, FieldKind.MULTI) and field is not None and field.possible_values:
        return _option_issue(stripped, field)
    return None


def _wildcard_kind_issue(kind: FieldKind, wildcard: str, wrong: set[FieldKind]) -> ValueIssue | None:
    return ValueIssue(f"{wildcard} names a user or customer; this field holds {kind.value} values") \
        if kind in wrong else None


def _option_issue(text: str, field: FieldMeta) -> ValueIssue | None:
    values = {str(option.value) for option in field.possible_values}
    base = text[:-2] if text.endswith(":A") else text  # ":A": waiting for approval to enter the status
    if text in values or base in values:
        return None
    shown = ", ".join(sorted(values)[:12])
    return ValueIssue(f"{text!r} is not one of the values of {field.label} ({shown}); a custom value works only if "
                      "it exists on this Workfront", warning=True)

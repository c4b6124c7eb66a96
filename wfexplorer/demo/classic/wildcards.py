"""Wildcards in classic filter values and IDs: ``$$TODAY``, ``$$NOW``, ``$$USER``, ``$$CUSTOMER``, ``$$AR``.

Public API::

    parse_date_value(text, env) -> DateBound     # a wildcard date or a literal date (dates.py rules)
    date_wildcard(text, env) -> DateBound | None # only the $$TODAY/$$NOW forms, else None
    expand(text, env) -> str | list[str] | None  # $$USER[.attr], $$CUSTOMER[.attr], $$AR; other text unchanged
    is_wildcard(text) -> bool

Dates (classic-api.md §5.6). ``$$TODAY`` is today (midnight) and ``$$NOW`` the current time, in
the configured zone. After the name come, in any order, an optional edge ``b`` (beginning) or
``e`` (end) and offsets ``±N{h,d,w,m,q,y}`` (a unit-less ``±N`` counts days); a unit right after
the edge names the period (``$$TODAYbm`` = first instant of this month). Offsets are applied
first, then the edge of the period (the edge's own unit, else the last offset's unit, else day):
``$$TODAYe+1w`` is the last millisecond of next week. Weeks begin on Sunday and end on Saturday.

``$$TODAY`` with only day-or-larger offsets stands for the whole resulting day, like a date-only
literal (so ``eq``/``between``/``lte`` cover the day; ``exacttime`` compares its midnight);
``$$NOW``, any ``h`` offset and any edge give a single instant.

Users (§5.6): ``$$USER`` is the current user's ID; ``$$USER.attr`` reads one of
:data:`USER_ATTRIBUTES`; the list-valued ones (:data:`LIST_ATTRIBUTES`) give a list, which filters
turn into an IN. ``$$CUSTOMER`` is the customer's ID (``$$CUSTOMER.attr`` a field of the CUST
record) and ``$$AR`` the account rep's user ID.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta
from typing import Any

from wfexplorer.demo.classic.dates import DateBound, parse_date_input
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.queryenv import QueryEnv

USER_ATTRIBUTES = (
    "ID",
    "homeGroupID",
    "accessLevelID",
    "accessLevelRank",
    "categoryID",
    "companyID",
    "roleID",
    "roleIDs",
    "otherGroupIDs",
    "homeTeamID",
    "teamIDs",
    "firstName",
    "lastName",
    "name",
    "customerID",
)
LIST_ATTRIBUTES = frozenset({"roleIDs", "otherGroupIDs", "teamIDs"})

_DATE_NAME = re.compile(r"^\$\$(TODAY|NOW)(.*)$", re.IGNORECASE | re.DOTALL)
_DATE_TOKEN = re.compile(r"\s*(?:([be])|([+-])\s*(\d+)\s*([hdwmqy])?|([hdwmqy]))")
_ONE_MS = timedelta(milliseconds=1)


def is_wildcard(text: str) -> bool:
    """Tell whether ``text`` starts like a wildcard (``$$``)."""
    return isinstance(text, str) and text.startswith("$$")


# -- dates -------------------------------------------------------------------------------------


def _add_months(moment: datetime, months: int) -> datetime:
    year, month_index = divmod(moment.month - 1 + months, 12)
    year += moment.year
    day = min(moment.day, calendar.monthrange(year, month_index + 1)[1])
    return moment.replace(year=year, month=month_index + 1, day=day)


def _shift(moment: datetime, amount: int, unit: str) -> datetime:
    if unit == "h":
        return moment + timedelta(hours=amount)
    if unit == "d":
        return moment + timedelta(days=amount)
    if unit == "w":
        return moment + timedelta(weeks=amount)
    if unit == "m":
        return _add_months(moment, amount)
    if unit == "q":
        return _add_months(moment, 3 * amount)
    return _add_months(moment, 12 * amount)


def _period_start(moment: datetime, unit: str) -> datetime:
    if unit == "h":
        return moment.replace(minute=0, second=0, microsecond=0)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "d":
        return midnight
    if unit == "w":
        return midnight - timedelta(days=(midnight.weekday() + 1) % 7)  # back to Sunday
    if unit == "m":
        return midnight.replace(day=1)
    if unit == "q":
        return midnight.replace(day=1, month=(midnight.month - 1) // 3 * 3 + 1)
    return midnight.replace(day=1, month=1)


def _period_end(moment: datetime, unit: str) -> datetime:
    return _shift(_period_start(moment, unit), 1, unit) - _ONE_MS


def date_wildcard(text: str, env: QueryEnv) -> DateBound | None:
    """Resolve a ``$$TODAY``/``$$NOW`` expression, or return ``None`` when ``text`` is not one.

    Raises :class:`ClassicError` for a malformed expression (``$$TODAYx``) and for one whose date
    falls outside the years 1 to 9999 (``$$TODAY+999999999y``), as Workfront refuses an unparsable date.
    """
    try:
        return _resolve(text, env)
    except (OverflowError, ValueError):  # datetime's range: years 1 to 9999
        raise ClassicError(
            f"Unable to parse date '{text}': the date it names is outside the years 1 to 9999"
        ) from None


def _resolve(text: str, env: QueryEnv) -> DateBound | None:
    match = _DATE_NAME.match(text.strip())
    if match is None:
        return None
    name = match.group(1).upper()
    tail = match.group(2).lower()
    tz = env.tz
    local = datetime.fromtimestamp(env.now, tz).replace(tzinfo=None)
    if name == "TODAY":
        local = local.replace(hour=0, minute=0, second=0, microsecond=0)
    edge: str | None = None
    edge_unit: str | None = None
    last_unit: str | None = None
    hours_used = False
    position = 0
    while position < len(tail):
        token = _DATE_TOKEN.match(tail, position)
        if token is None or token.end() == position:
            if tail[position:].strip() == "":
                break
            raise ClassicError(f"Invalid date wildcard '{text}'")
        position = token.end()
        edge_letter, sign, amount, unit, bare_unit = token.groups()
        if edge_letter:
            if edge is not None:
                raise ClassicError(f"Invalid date wildcard '{text}'")
            edge = edge_letter
        elif sign:
            unit = unit or "d"
            hours_used = hours_used or unit == "h"
            local = _shift(local, int(amount) * (-1 if sign == "-" else 1), unit)
            last_unit = unit
        else:
            if edge is None or edge_unit is not None:
                raise ClassicError(f"Invalid date wildcard '{text}'")
            edge_unit = bare_unit
    if edge is not None:
        unit = edge_unit or last_unit or "d"
        local = _period_start(local, unit) if edge == "b" else _period_end(local, unit)
        return DateBound.instant(local.replace(tzinfo=tz))
    if name == "TODAY" and not hours_used:
        return DateBound.whole_day(local.date(), tz)
    return DateBound.instant(local.replace(tzinfo=tz))


def parse_date_value(text: str, env: QueryEnv) -> DateBound:
    """Parse a filter date: a ``$$TODAY``/``$$NOW`` wildcard or a literal (see dates.py)."""
    bound = date_wildcard(text, env)
    if bound is not None:
        return bound
    return parse_date_input(text, env.tz)


# -- users and customer ------------------------------------------------------------------------


def _unique(values: list[Any]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and str(value) not in seen:
            seen.append(str(value))
    return seen


def _linked(env: QueryEnv, kind: str, own_field: str, own_id: str, target_field: str) -> list[Any]:
    return [row.get(target_field) for row in env.store.table(kind).values() if row.get(own_field) == own_id]


def _user_attribute(env: QueryEnv, user: dict[str, Any], attribute: str) -> Any:
    user_id = str(user["ID"])
    stored = user.get(attribute)
    if attribute == "roleIDs":
        if isinstance(stored, list):
            return _unique(stored)
        return _unique([user.get("roleID"), *_linked(env, "USRROL", "userID", user_id, "roleID")])
    if attribute == "teamIDs":
        if isinstance(stored, list):
            return _unique(stored)
        return _unique([user.get("homeTeamID"), *_linked(env, "TEAMMB", "userID", user_id, "teamID")])
    if attribute == "otherGroupIDs":
        if isinstance(stored, list):
            return _unique(stored)
        return _unique(_linked(env, "USRGPS", "userID", user_id, "groupID"))
    if attribute == "accessLevelRank" and stored is None:
        level = env.store.get("ACSLVL", str(user.get("accessLevelID") or ""))
        if level is not None:
            return level.get("rank", level.get("accessLevelRank"))
        return None
    if attribute == "customerID" and not stored:
        return _customer_id(env)
    return stored


def _customer_id(env: QueryEnv) -> str | None:
    if env.user_id:
        user = env.store.get("USER", env.user_id)
        if user is not None and user.get("customerID"):
            return str(user["customerID"])
    customers = env.store.table("CUST")
    return next(iter(customers), None)


def _attribute_name(text: str, allowed: tuple[str, ...] | None) -> str:
    if allowed is None:
        return text
    for name in allowed:
        if name.lower() == text.lower():
            return name
    raise ClassicError(f"Unknown wildcard attribute '{text}'")


def expand(text: str, env: QueryEnv) -> Any:
    """Replace a ``$$USER``/``$$CUSTOMER``/``$$AR`` wildcard by its value; other text comes back unchanged.

    A list-valued attribute gives a ``list`` of IDs; an attribute the record lacks gives ``None``.
    Date wildcards are left alone (they need the field's type: see :func:`parse_date_value`).
    """
    if not is_wildcard(text):
        return text
    head, _, attribute = text[2:].partition(".")
    head_upper = head.upper()
    if head_upper == "USER":
        if not env.user_id:
            return None
        if not attribute:
            return env.user_id
        user = env.store.get("USER", env.user_id)
        if user is None:
            return None
        return _user_attribute(env, user, _attribute_name(attribute, USER_ATTRIBUTES))
    if head_upper == "CUSTOMER":
        customer_id = _customer_id(env)
        if not attribute:
            return customer_id
        customer = env.store.get("CUST", customer_id or "") or {}
        if attribute.upper() == "ID":
            return customer_id
        return customer.get(attribute)
    if head_upper == "AR" and not attribute:
        customer = env.store.get("CUST", _customer_id(env) or "") or {}
        return customer.get("accountRepID")
    return text

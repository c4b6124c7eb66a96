"""Dates of the classic API: parse filter input, format stored values for output.

Storage (see the team conventions): ``dateTime`` values are UTC ISO strings with milliseconds,
``"2026-03-02T15:00:00.000Z"``; ``date`` values are ``"2026-03-02"``. Output uses Workfront's
``yyyy-MM-dd'T'HH:mm:ss:SSSZ`` (colon before the milliseconds, offset without a colon) in the
configured zone (``context.settings.time_zone``), e.g. ``"2026-03-02T09:00:00:000-0600"``.

Public API::

    zone(name) -> tzinfo                                  # cached ZoneInfo (UTC fallback)
    format_datetime(stored, zone_name) -> str | None      # stored UTC -> Workfront format (cached)
    format_output(value, field_type, zone_name)           # dateTime -> Workfront format, others unchanged
    output_formatter(zone_name) -> (value -> output)      # memoised formatter for rendering many records
    parse_date_input(text, tz) -> DateBound               # filter/edit input (no wildcards; see wildcards.py)
    parse_datetime_to_stored(text, tz) -> str             # input -> stored UTC ISO (for writes)
    to_stored(dt) -> str                                  # aware datetime -> stored UTC ISO
    stored_key(value) -> str | None                       # any stored dateTime -> comparable UTC key

Accepted input: Workfront format ``2020-05-18T17:00:00:000-0600``; ISO ``2020-05-13T18:18:37.255Z``
or ``...+02:00``; ``2020-05-18T17:00`` / ``2020-05-18 17:00:00`` (no offset: the configured zone);
date only ``2001-01-01`` which stands for the whole day (00:00:00.000 to 23:59:59.999) in the
configured zone. A :class:`DateBound` keeps both ends, so filters can compare the whole day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wfexplorer.demo.classic.errors import ClassicError

_DATE_ONLY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DATE_TIME = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})"
    r"(?::(\d{2})(?:[:.,](\d{1,9}))?)?"
    r"\s*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2})?\s*$"
)
_ONE_MS = timedelta(milliseconds=1)


@lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """Return the time zone called ``name`` (IANA), or UTC when it is unknown or empty."""
    if not name or name.upper() in {"UTC", "Z", "GMT"}:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def to_stored(moment: datetime) -> str:
    """Return an aware datetime as the stored form ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (UTC)."""
    utc = moment.astimezone(UTC)
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:"
        f"{utc.second:02d}.{utc.microsecond // 1000:03d}Z"
    )


def _parse_stored(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        match = _DATE_TIME.match(value)
        if match is None:
            return None
        moment = _from_match(match, UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


@lru_cache(maxsize=65536)
def stored_key(value: str) -> str | None:
    """Return a stored dateTime (any ISO spelling) as a UTC key that sorts chronologically.

    Well-formed stored values (24 characters ending in ``Z``) are returned unchanged.
    A date-only value counts as its midnight UTC. Unparsable values give ``None``.
    """
    if len(value) == 24 and value[-1] == "Z" and value[10] == "T":
        return value
    match = _DATE_ONLY.match(value)
    if match is not None:
        year, month, day = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}T00:00:00.000Z"
    moment = _parse_stored(value)
    return None if moment is None else to_stored(moment)


@lru_cache(maxsize=131072)
def format_datetime(stored: str, zone_name: str) -> str | None:
    """Format a stored UTC value as ``2026-03-02T09:00:00:000-0600`` in the zone ``zone_name``.

    Returns ``None`` for a value that is not a date (never raises on bad stored data).
    """
    moment = _parse_stored(stored) if isinstance(stored, str) else None
    if moment is None:
        return None
    local = moment.astimezone(zone(zone_name))
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return (
        f"{local.year:04d}-{local.month:02d}-{local.day:02d}T{local.hour:02d}:{local.minute:02d}:"
        f"{local.second:02d}:{local.microsecond // 1000:03d}{sign}{minutes // 60:02d}{minutes % 60:02d}"
    )


_OUTPUT_CACHES: dict[str, dict[str, str]] = {}
_OUTPUT_CACHE_LIMIT = 200_000


def output_formatter(zone_name: str) -> Callable[[Any], Any]:
    """Return a fast value → output function for ``dateTime`` values in ``zone_name``.

    Strings that are dates come back formatted (memoised per zone); anything else unchanged.
    """
    cache = _OUTPUT_CACHES.get(zone_name)
    if cache is None or len(cache) > _OUTPUT_CACHE_LIMIT:
        cache = _OUTPUT_CACHES[zone_name] = {}

    def formatted(value: Any) -> Any:
        try:
            return cache[value]
        except (KeyError, TypeError):
            pass
        if not isinstance(value, str):
            return value
        text = format_datetime(value, zone_name)
        result = value if text is None else text
        cache[value] = result
        return result

    return formatted


def format_output(value: object, field_type: str, zone_name: str) -> object:
    """Return a stored value as the API outputs it: ``dateTime`` formatted, anything else as is."""
    if field_type == "dateTime" and isinstance(value, str):
        formatted = format_datetime(value, zone_name)
        return value if formatted is None else formatted
    return value


@dataclass(frozen=True)
class DateBound:
    """A date given in a filter: an instant (``start == end``) or a span such as a whole day.

    ``start`` and ``end`` are aware UTC datetimes; ``end`` is inclusive (``23:59:59.999`` for a
    day). ``day`` is the calendar day of a date-only input (in the configured zone).
    """

    start: datetime
    end: datetime
    day: date | None = None

    @property
    def is_span(self) -> bool:
        """Tell whether this value covers more than one instant."""
        return self.end != self.start

    @property
    def start_key(self) -> str:
        """The start as a stored UTC key (compare with :func:`stored_key`)."""
        return to_stored(self.start)

    @property
    def end_key(self) -> str:
        """The inclusive end as a stored UTC key."""
        return to_stored(self.end)

    def date_keys(self, tz: tzinfo) -> tuple[str, str]:
        """The first and last calendar day covered, as ``YYYY-MM-DD`` (for ``date`` fields)."""
        if self.day is not None:
            text = self.day.isoformat()
            return text, text
        return (self.start.astimezone(tz).date().isoformat(), self.end.astimezone(tz).date().isoformat())

    @classmethod
    def instant(cls, moment: datetime) -> DateBound:
        """A single instant."""
        utc = moment.astimezone(UTC)
        return cls(utc, utc)

    @classmethod
    def whole_day(cls, day: date, tz: tzinfo) -> DateBound:
        """Every instant of ``day`` in the zone ``tz``."""
        start = datetime(day.year, day.month, day.day, tzinfo=tz)
        following = day + timedelta(days=1)
        end = datetime(following.year, following.month, following.day, tzinfo=tz) - _ONE_MS
        return cls(start.astimezone(UTC), end.astimezone(UTC), day)


def _offset_zone(text: str) -> tzinfo:
    if text in {"Z", "z"}:
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 23 or minutes > 59:
        raise ValueError("offset out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _from_match(match: re.Match[str], default_zone: tzinfo) -> datetime:
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz = _offset_zone(offset) if offset else default_zone
    return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro, tzinfo=tz)


def _bad_date(text: str) -> ClassicError:
    return ClassicError(f"Unable to parse date '{text}'. Use yyyy-MM-dd'T'HH:mm:ss:SSSZ, ISO 8601 or yyyy-MM-dd")


def parse_date_input(text: str, tz: tzinfo) -> DateBound:
    """Parse a date given by a client (no wildcards) into a :class:`DateBound`.

    A date-only value is the whole day in ``tz``; a date and time without an offset is read in
    ``tz``. Raises :class:`ClassicError` for anything else.
    """
    match = _DATE_ONLY.match(text)
    if match is not None:
        try:
            day = date(*(int(part) for part in match.groups()))
        except ValueError as error:
            raise _bad_date(text) from error
        return DateBound.whole_day(day, tz)
    match = _DATE_TIME.match(text)
    if match is None:
        raise _bad_date(text)
    try:
        moment = _from_match(match, tz)
    except ValueError as error:
        raise _bad_date(text) from error
    return DateBound.instant(moment)


def parse_datetime_to_stored(text: str, tz: tzinfo) -> str:
    """Parse a client date (Workfront, ISO or date-only = midnight) into the stored UTC form."""
    return to_stored(parse_date_input(text, tz).start)


def day_key(text: str) -> str | None:
    """Return a stored ``date`` value normalised to ``YYYY-MM-DD`` (``None`` when it is no date)."""
    match = _DATE_ONLY.match(text)
    if match is not None:
        year, month, day = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    moment = _parse_stored(text)
    return None if moment is None else moment.date().isoformat()

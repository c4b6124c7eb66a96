"""Date output format and date input parsing (checklist items 13 and 25)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wfexplorer.demo.classic.dates import (
    format_datetime,
    format_output,
    parse_date_input,
    parse_datetime_to_stored,
    stored_key,
    zone,
)
from wfexplorer.demo.classic.errors import ClassicError

CHICAGO = zone("America/Chicago")


def test_item13_output_has_a_colon_before_milliseconds_and_an_offset_without_colon() -> None:
    assert format_datetime("2026-03-02T15:00:00.000Z", "America/Chicago") == "2026-03-02T09:00:00:000-0600"


def test_item13_output_uses_the_configured_zone() -> None:
    assert format_datetime("2017-03-23T05:00:00.000Z", "Asia/Dubai") == "2017-03-23T09:00:00:000+0400"
    assert format_datetime("2017-03-23T05:00:00.000Z", "UTC") == "2017-03-23T05:00:00:000+0000"


def test_item13_output_follows_daylight_saving_time() -> None:
    assert format_datetime("2026-07-01T15:00:00.000Z", "America/Chicago") == "2026-07-01T10:00:00:000-0500"


def test_item13_output_keeps_milliseconds_and_half_hour_offsets() -> None:
    assert format_datetime("2026-01-10T00:00:00.255Z", "Asia/Kolkata") == "2026-01-10T05:30:00:255+0530"


def test_item13_only_datetime_fields_are_formatted() -> None:
    assert format_output("2026-03-02T15:00:00.000Z", "dateTime", "America/Chicago") == "2026-03-02T09:00:00:000-0600"
    assert format_output("2026-03-02", "date", "America/Chicago") == "2026-03-02"
    assert format_output(3, "int", "America/Chicago") == 3


def test_item13_unknown_zone_falls_back_to_utc() -> None:
    assert format_datetime("2026-03-02T15:00:00.000Z", "Mars/Olympus") == "2026-03-02T15:00:00:000+0000"


def test_item13_stored_values_in_other_iso_spellings_still_format() -> None:
    assert format_datetime("2026-03-02T15:00:00+00:00", "UTC") == "2026-03-02T15:00:00:000+0000"
    assert format_datetime("not a date", "UTC") is None


def test_item25_workfront_format_input_parses_with_its_offset() -> None:
    bound = parse_date_input("2020-05-18T17:00:00:000-0600", CHICAGO)
    assert not bound.is_span
    assert bound.start == datetime(2020, 5, 18, 23, 0, tzinfo=UTC)


def test_item25_iso_input_parses() -> None:
    bound = parse_date_input("2020-05-13T18:18:37.255Z", CHICAGO)
    assert bound.start_key == "2020-05-13T18:18:37.255Z"


def test_item25_input_without_offset_is_read_in_the_configured_zone() -> None:
    assert parse_date_input("2020-01-13T08:00", CHICAGO).start_key == "2020-01-13T14:00:00.000Z"


def test_item25_date_only_input_is_the_whole_day_in_the_configured_zone() -> None:
    bound = parse_date_input("2001-01-01", CHICAGO)
    assert bound.is_span
    assert bound.start_key == "2001-01-01T06:00:00.000Z"
    assert bound.end_key == "2001-01-02T05:59:59.999Z"
    assert bound.date_keys(CHICAGO) == ("2001-01-01", "2001-01-01")


@pytest.mark.parametrize(
    "text", ["yesterday", "2020-13-01", "2020-02-30", "2020-05-18T25:00", "2020-05-18T10:00+99:00"]
)
def test_item25_bad_dates_are_clear_errors(text: str) -> None:
    with pytest.raises(ClassicError, match="Unable to parse date"):
        parse_date_input(text, CHICAGO)


def test_writes_store_input_dates_as_utc_iso() -> None:
    assert parse_datetime_to_stored("2020-05-18T17:00:00:000-0600", CHICAGO) == "2020-05-18T23:00:00.000Z"


def test_stored_keys_sort_chronologically_whatever_the_spelling() -> None:
    assert stored_key("2026-03-02T15:00:00.000Z") == "2026-03-02T15:00:00.000Z"
    assert stored_key("2026-03-02T09:00:00-06:00") == "2026-03-02T15:00:00.000Z"
    assert stored_key("2026-03-02") == "2026-03-02T00:00:00.000Z"

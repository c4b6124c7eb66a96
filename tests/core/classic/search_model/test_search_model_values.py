"""Values per field kind: date wildcards and literals, $$USER, numbers, booleans, IDs and enum values."""

from __future__ import annotations

import pytest

from wfexplorer.core.classic.metadata import EnumValue, FieldMeta
from wfexplorer.core.classic.search_model import DATE_WILDCARDS, FieldKind, Modifier, is_date_wildcard
from wfexplorer.core.classic.search_model.values import check_value

STATUS = FieldMeta("status", "Status", "string", possible_values=(EnumValue("NEW", "New"), EnumValue("CPL", "Done")))


@pytest.mark.parametrize("text", ["$$TODAY", "$$NOW", "$$TODAY-7d", "$$TODAYb", "$$TODAYbm", "$$TODAYe+1w",
                                  "$$NOW+2h", "$$TODAY+1", "$$today-3 m", "$$TODAYbq-1q"])
def test_well_formed_date_wildcards(text: str) -> None:
    assert is_date_wildcard(text)
    assert check_value(text, FieldKind.DATE, Modifier.GTE) is None


@pytest.mark.parametrize("text", ["$$TODAYx", "$$TODAY7d", "$$NOWz", "$$NOW++2h"])
def test_malformed_date_wildcards_are_errors(text: str) -> None:
    issue = check_value(text, FieldKind.DATE, Modifier.EQ)
    assert issue is not None and "not a date wildcard" in issue.message and not issue.warning


def test_the_offered_wildcards_are_all_well_formed() -> None:
    assert all(is_date_wildcard(text) for text, _ in DATE_WILDCARDS)


@pytest.mark.parametrize(("text", "ok"), [("2024-05-31", True), ("2024-02-30", False), ("2024-05-31T17:00", True),
                                          ("2020-05-18T17:00:00:000-0600", True), ("2020-05-13T18:18:37.255Z", True),
                                          ("31/05/2024", False), ("soon", False)])
def test_dates(text: str, ok: bool) -> None:
    assert (check_value(text, FieldKind.DATE, Modifier.EQ) is None) is ok


def test_a_date_on_a_number_field_and_a_user_on_a_date_field_are_errors() -> None:
    assert "is a date" in check_value("$$TODAY", FieldKind.NUMBER, Modifier.EQ).message  # type: ignore[union-attr]
    assert "names a user" in check_value("$$USER", FieldKind.DATE, Modifier.EQ).message  # type: ignore[union-attr]


def test_user_wildcards_and_their_attributes() -> None:
    assert check_value("$$USER", FieldKind.ID, Modifier.EQ) is None
    assert check_value("$$USER.homeGroupID", FieldKind.ID, Modifier.EQ) is None
    issue = check_value("$$USER.shoeSize", FieldKind.ID, Modifier.EQ)
    assert issue is not None and "no attribute 'shoeSize'" in issue.message


def test_numbers_booleans_and_whole_numbers_for_length_and_bits() -> None:
    assert check_value("2.5", FieldKind.NUMBER, Modifier.GT) is None
    assert check_value("two", FieldKind.NUMBER, Modifier.GT) is not None
    assert check_value("TRUE", FieldKind.BOOLEAN, Modifier.EQ) is None
    assert check_value("yes please", FieldKind.BOOLEAN, Modifier.EQ) is not None
    assert check_value("3", FieldKind.TEXT, Modifier.LENGTH_GT) is None
    assert check_value("3.5", FieldKind.NUMBER, Modifier.BITWISEAND) is not None


def test_enum_values_outside_the_list_and_odd_ids_are_warnings() -> None:
    assert check_value("CPL:A", FieldKind.ENUM, Modifier.EQ, STATUS) is None
    custom = check_value("WSX", FieldKind.ENUM, Modifier.EQ, STATUS)
    assert custom is not None and custom.warning and "CPL, NEW" in custom.message
    odd = check_value("not-an-id", FieldKind.ID, Modifier.EQ)
    assert odd is not None and odd.warning

"""Relative dates as filter values (resolved on the day a search runs, kept relative in wfexplorer's documents,
refused by servers), and a filter read back as one sentence."""

from __future__ import annotations

from datetime import date

import pytest

from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    DateAnchor,
    FieldCatalog,
    FieldInfo,
    FilterError,
    RelativeDate,
    SelectOption,
    UserId,
    describe,
    group_from_v2,
    node_to_v2,
    reading_documents,
    resolve_tree,
    validate,
)

TODAY = date(2026, 12, 2)  # a Wednesday


# -- relative dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "expected"), [
    (RelativeDate(), "2026-12-02"),
    (RelativeDate(days=-7), "2026-11-25"),
    (RelativeDate(days=30), "2027-01-01"),
    (RelativeDate(DateAnchor.START_OF_WEEK), "2026-11-30"),  # weeks start on Monday
    (RelativeDate(DateAnchor.START_OF_MONTH, -1), "2026-11-30"),
    (RelativeDate(DateAnchor.START_OF_QUARTER), "2026-10-01"),
])
def test_relative_dates_resolve_on_the_day_the_search_runs(relative, expected):
    assert relative.resolve(TODAY).isoformat() == expected
    assert RelativeDate.parse(relative.expression) == relative


def test_relative_date_expressions_read_like_jql_and_labels_like_people_talk():
    assert RelativeDate.parse("today - 7d") == RelativeDate(days=-7)
    assert RelativeDate.parse("STARTOFMONTH+2d") == RelativeDate(DateAnchor.START_OF_MONTH, 2)
    assert RelativeDate.parse("yesterday") is None
    assert [RelativeDate(days=-1).label, RelativeDate(days=3).label, RelativeDate(DateAnchor.START_OF_WEEK).label] \
        == ["1 day ago", "in 3 days", "start of this week"]


def test_resolving_says_which_date_each_relative_date_stood_for():
    tree = AND(Condition("F_date", "IS_BETWEEN", (RelativeDate(DateAnchor.START_OF_MONTH), RelativeDate())),
               OR(Condition("F_cat", "IS_AFTER", RelativeDate(days=-1))))
    resolved, resolutions = resolve_tree(tree, TODAY)
    assert resolved == AND(Condition("F_date", "IS_BETWEEN", ("2026-12-01", "2026-12-02")),
                           OR(Condition("F_cat", "IS_AFTER", "2026-12-01")))
    assert [str(r) for r in resolutions] == ["filter.AND[0].value[0]: startOfMonth → 2026-12-01",
                                             "filter.AND[0].value[1]: today → 2026-12-02",
                                             "filter.AND[1].OR[0].value: today-1d → 2026-12-01"]


def test_relative_dates_are_written_in_documents_and_read_back_only_as_documents():
    tree = AND(Condition("F_date", "IS_AFTER", RelativeDate(days=-7)))
    document = node_to_v2(tree)
    assert document["conditions"][0]["value"] == {"relativeDate": "today-7d"}
    with reading_documents():
        assert group_from_v2(document) == tree
    with pytest.raises(FilterError, match="wfexplorer's notation for a relative date"):
        group_from_v2(document)  # a server never takes one


def test_relative_dates_only_apply_to_date_fields(catalog):
    assert validate(AND(Condition("F_date", "IS", RelativeDate())), catalog) == []
    (problem,) = validate(AND(Condition("F_text", "IS", RelativeDate())), catalog)
    assert "relative dates only apply to date fields" in problem.message


# -- in words ---------------------------------------------------------------------------------------------


def test_the_filter_reads_as_one_sentence_with_option_labels_people_names_and_short_dates():
    fields = FieldCatalog((
        FieldInfo("F_status", "Status", "SINGLE_SELECT", options=(SelectOption("opt_active", "Active"),)),
        FieldInfo("F_launch", "Launch date", "DATE"),
        FieldInfo("F_owner", "Owner", "USER"),
    ))
    tree = AND(Condition("F_status", "IS", "opt_active"),
               OR(Condition("F_launch", "IS_BETWEEN", ("2026-03-01", "2026-06-30")),
                  Condition("F_owner", "HAS_ANY_OF", ("IMS1", UserId("W2", "WF")))))
    names = {"IMS1": "Avery", "W2": "Kim"}
    assert describe(tree, fields, names=names, today=TODAY) == (
        "Status is Active and (Launch date is between 1 Mar and 30 Jun or Owner has any of Avery, Kim)")
    assert describe(AND(Condition("F_launch", "IS_AFTER", "2027-01-15")), fields, today=TODAY) == \
        "Launch date is after 15 Jan 2027"
    assert describe(AND(Condition("F_launch", "IS_AFTER", RelativeDate(days=-7))), fields) == \
        "Launch date is after 7 days ago"

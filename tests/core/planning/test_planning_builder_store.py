"""Saved filters and history per profile: kept by name, relative dates kept relative, nothing lost when the
file is damaged, no credential written."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from wfexplorer.core import errors
from wfexplorer.core.planning.builder import FilterStore
from wfexplorer.core.planning.filters import (
    AND,
    Condition,
    Paging,
    RelativeDate,
    SearchRequest,
    SortKey,
    UserId,
    resolve_request,
)
from wfexplorer.core.planning.search_call import build_search_call
from wfexplorer.core.results import ColumnSpec, OptionLabel, ResultPage, ResultRow, ValueKind, display, to_csv

REQUEST = SearchRequest(filter=AND(Condition("F_date", "IS_AFTER", RelativeDate(days=-7)),
                                   Condition("F_owner", "HAS_ANY_OF", (UserId("w1", "WF"),))),
                        sort=(SortKey("F_date", "desc"),), paging=Paging.of_page(0, 50))


def test_a_saved_filter_opens_as_the_same_search_with_its_relative_dates(tmp_path: Path):
    store = FilterStore(tmp_path, "Acme production")
    saved = store.save("Last week's work", "RT1", REQUEST, record_type_name="Campaigns")
    assert [item.name for item in store.saved("RT1")] == ["Last week's work"]
    assert store.saved("RT2") == []
    assert store.open(saved.id) == REQUEST


def test_saved_filters_are_renamed_and_deleted_and_names_stay_unique_per_record_type(tmp_path: Path):
    store = FilterStore(tmp_path, "p")
    first = store.save("Active", "RT1", REQUEST)
    store.save("Active", "RT2", REQUEST)  # another record type may use the name
    with pytest.raises(errors.ValidationError, match="already saved"):
        store.save(" active ", "RT1", REQUEST)
    replaced = store.save("Active", "RT1", SearchRequest(), replace=True)
    assert replaced.id == first.id and store.open(first.id) == SearchRequest()
    second = store.save("Planned", "RT1", REQUEST)
    with pytest.raises(errors.ValidationError):
        store.rename(second.id, "ACTIVE")
    assert store.rename(second.id, "Planned soon").name == "Planned soon"
    assert store.delete(first.id) and not store.delete(first.id)
    with pytest.raises(errors.NotFoundError):
        store.open(first.id)
    with pytest.raises(errors.ValidationError, match="name"):
        store.save("   ", "RT1", REQUEST)


def test_profiles_keep_separate_files(tmp_path: Path):
    FilterStore(tmp_path, "one").save("A", "RT1", REQUEST)
    assert FilterStore(tmp_path, "two").saved() == []
    assert len(list(tmp_path.glob("planning-filters-*.json"))) == 1


def test_history_lists_what_ran_newest_first_with_what_was_sent(tmp_path: Path):
    store = FilterStore(tmp_path, "p", history_limit=3)
    for index in range(5):
        request = SearchRequest(filter=AND(Condition("F_text", "IS", f"v{index}")))
        store.record_run("RT1", request, build_search_call("http://h/maestro/api", 2, "RT1", request), total=index)
    resolved, resolutions = resolve_request(REQUEST, date(2026, 12, 2))
    call = build_search_call("http://h/maestro/api", 1, "RT1", resolved, allow_losses=True)
    store.record_run("RT1", REQUEST, dataclasses.replace(call, resolutions=resolutions), total=9)
    entries = store.history()
    assert [entry.total for entry in entries] == [9, 4, 3]
    assert entries[0].version == 1 and entries[0].sent_body["filters"][0] == {"F_date": {"$isAfter": "2026-11-25"}}
    assert entries[0].resolved == ("filter.AND[0].value: today-7d → 2026-11-25",)
    store.record_run("RT1", SearchRequest(filter=AND(Condition("F_text", "IS", "v3"))),
                     build_search_call("http://h/maestro/api", 2, "RT1", SearchRequest()), total=3)
    assert [entry.total for entry in store.history()] == [3, 9, 4]  # the same search again moves to the top
    store.clear_history()
    assert store.history() == []


def test_an_unreadable_file_is_kept_aside_and_the_store_starts_empty(tmp_path: Path):
    store = FilterStore(tmp_path, "p")
    store.save("A", "RT1", REQUEST)
    store.path.write_text("{ not json", encoding="utf-8")
    assert store.saved() == []
    (aside,) = tmp_path.glob("*.unreadable-*.json")
    assert aside.read_text(encoding="utf-8") == "{ not json"
    store.save("B", "RT1", REQUEST)
    assert [item.name for item in store.saved()] == ["B"]


def test_the_file_holds_searches_but_never_a_token(tmp_path: Path):
    store = FilterStore(tmp_path, "p")
    request = SearchRequest(filter=AND(Condition("F_text", "IS", "x")))
    store.record_run("RT1", request, build_search_call("http://h/maestro/api", 2, "RT1", request))
    text = store.path.read_text(encoding="utf-8")
    assert "Bearer" not in text and "token" not in text.lower()
    assert json.loads(text)["history"][0]["sent_body"] == {"filter": {"operator": "AND", "conditions": [
        {"fieldId": "F_text", "condition": "IS", "value": "x"}]}}


def test_values_read_as_their_column_type_says():
    status = ColumnSpec("s", "Status", ValueKind.OPTION, options={"opt_a": OptionLabel("Active", "green")})
    money = ColumnSpec("m", "Budget", ValueKind.CURRENCY, currency="EUR", precision=2)
    share = ColumnSpec("p", "Done", ValueKind.PERCENTAGE, precision=0)
    when = ColumnSpec("w", "Created", ValueKind.DATETIME)
    people = ColumnSpec("o", "Owners", ValueKind.PEOPLE)
    links = ColumnSpec("r", "Channel", ValueKind.REFERENCES)
    assert display("opt_a", status) == "Active" and display("opt_zz", status) == "opt_zz"
    assert display(1234.5, money) == "1,234.50 EUR"
    assert display(42, share) == "42 %"
    assert display("2026-01-02T08:23:33.000Z", when) == "2026-01-02 08:23 UTC"
    assert display(["I1", "I2"], people, {"I1": "Avery"}) == "Avery, I2"
    assert display([{"id": "R1", "value": "Search ads"}], links) == "Search ads"
    assert display(True, ColumnSpec("b", "Ok", ValueKind.BOOLEAN)) == "Yes"
    assert display(None, status) == ""


def test_csv_quotes_what_needs_quoting():
    column = ColumnSpec("n", "Name")
    page = ResultPage((column,), (ResultRow("R1", {"n": 'say "hi", then go'}),))
    assert to_csv(page) == 'id,Name\r\nR1,"say ""hi"", then go"\r\n'

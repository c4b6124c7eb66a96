"""Saved searches and history per profile: a small JSON file that never holds a secret and loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model import ClassicQuery, Condition, SearchStore, parse, query


def _query(name: str = "x") -> ClassicQuery:
    return query("TASK", Condition("name", "cicontains", name), limit=10)


def test_saved_searches_come_back_in_a_new_store(tmp_path: Path) -> None:
    store = SearchStore(tmp_path, "Acme production")
    store.save("Late tasks", _query("late"))
    store.save("Reports", query("TASK", group_bys=("status",)), mode="report")
    again = SearchStore(tmp_path, "Acme production")
    assert [(item.name, item.mode) for item in again.saved()] == [("Late tasks", "search"), ("Reports", "report")]
    assert again.get("Late tasks").query() == _query("late")  # type: ignore[union-attr]


def test_each_profile_has_its_own_searches(tmp_path: Path) -> None:
    SearchStore(tmp_path, "Acme production").save("One", _query())
    assert SearchStore(tmp_path, "Acme preview").saved() == []
    assert SearchStore(tmp_path, "Acme/production").saved() == []  # a different name, never the same file


def test_saving_under_a_name_in_use_replaces_it_in_place(tmp_path: Path) -> None:
    store = SearchStore(tmp_path, "p")
    store.save("A", _query("1"))
    store.save("B", _query("2"))
    store.save("A", _query("3"))
    assert [(item.name, item.query()) for item in store.saved()] == [("A", _query("3")), ("B", _query("2"))]


def test_rename_and_delete(tmp_path: Path) -> None:
    store = SearchStore(tmp_path, "p")
    store.save("A", _query())
    store.save("B", _query())
    with pytest.raises(errors.ConflictError, match="exists already"):
        store.rename("A", "B")
    store.rename("A", "C")
    assert [item.name for item in SearchStore(tmp_path, "p").saved()] == ["C", "B"]
    assert store.delete("C") and not store.delete("C")
    with pytest.raises(errors.NotFoundError):
        store.rename("nope", "D")
    with pytest.raises(errors.ValidationError, match="needs a name"):
        store.save("  ", _query())


def test_history_is_newest_first_without_repeats_and_capped(tmp_path: Path) -> None:
    store = SearchStore(tmp_path, "p", history_limit=3)
    for name in ("a", "b", "c", "a", "d"):
        store.record(_query(name), "search", rows=1)
    assert [entry.query().conditions[0].values for entry in store.history()] == [("d",), ("a",), ("c",)]
    store.clear_history()
    assert SearchStore(tmp_path, "p").history() == []


def test_no_secret_reaches_the_file(tmp_path: Path) -> None:
    pasted = parse("https://acme.my.workfront.com/attask/api/v21.0/task/search?sessionID=s3cr3t&name=x").query
    forged = pasted.changed(raw=(("apiKey", "k3y"), ("map", "true")))
    store = SearchStore(tmp_path, "p")
    store.save("pasted", forged)
    store.record(forged)
    text = store.path.read_text()
    assert "s3cr3t" not in text and "k3y" not in text and "apiKey" not in text
    assert json.loads(text)["saved"][0]["query_string"] == "name=x&map=true"


def test_an_unreadable_file_is_kept_aside_and_the_store_starts_empty(tmp_path: Path) -> None:
    store = SearchStore(tmp_path, "p")
    store.path.write_text("{ not json")
    again = SearchStore(tmp_path, "p")
    assert again.saved() == [] and again.problem is not None and "kept as" in again.problem
    kept = list(tmp_path.glob("*.corrupt"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"

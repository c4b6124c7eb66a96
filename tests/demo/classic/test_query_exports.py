"""The classic query module keeps its public names after the split into wfexplorer.demo.classic.querying."""

from __future__ import annotations

from wfexplorer.demo.classic import query

IMPORTED_ELSEWHERE = {
    # report.py, projection.py, reads.py, the query tests and the query benchmark import these
    "SUFFIX",
    "MAX_DEPTH",
    "FieldPath",
    "SearchQuery",
    "as_number",
    "as_text",
    "as_truth",
    "count",
    "de_field_type",
    "json_array_value",
    "like_match",
    "matching",
    "param_items",
    "parse_search",
    "resolve_path",
    "run_search",
    "soundex",
    "split_path",
    "unknown_field",
}


def test_every_name_in_all_exists_on_the_query_module() -> None:
    missing = [name for name in query.__all__ if not hasattr(query, name)]
    assert missing == []


def test_names_other_modules_import_are_listed_in_all() -> None:
    assert IMPORTED_ELSEWHERE - set(query.__all__) == set()


def test_all_lists_no_name_twice() -> None:
    assert len(query.__all__) == len(set(query.__all__))

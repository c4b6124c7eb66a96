"""Search filters: default and §5.2 modifiers, paths, wildcards, errors (checklist 15, 18, 20 to 22, 28)."""

from __future__ import annotations

import time

import pytest
from classic_query_helpers import ALPHA, ANN, BOB, ROLE_QA, make_env, make_store, obj, params, search_ids, task_numbers

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.querying.search import parse_search
from wfexplorer.demo.classic.querying.textmatch import like_match, soundex
from wfexplorer.demo.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


# -- item 20: conditions AND together, colon paths ---------------------------------------------


def test_item20_conditions_and_together(store: Store) -> None:
    assert task_numbers(store, ("projectID", ALPHA), ("assignedToID", ANN)) == [1]


def test_item20_colon_path_through_two_references(store: Store) -> None:
    assert task_numbers(store, ("project:portfolio:name", "Fixed Assets")) == [1, 2, 3]


def test_item20_colon_path_through_a_collection_matches_any_row(store: Store) -> None:
    assert task_numbers(store, ("assignments:assignedTo:name", "Bob Baker")) == [1, 2]


def test_item20_empty_reference_counts_as_null_on_the_path(store: Store) -> None:
    assert task_numbers(store, ("assignedTo:name_Mod", "isnull")) == [3, 6]


# -- item 21: default modifiers -----------------------------------------------------------------


def test_item21_default_modifier_is_eq_for_one_value(store: Store) -> None:
    assert task_numbers(store, ("status", "NEW")) == [1, 4]


def test_item21_repeated_parameter_defaults_to_in(store: Store) -> None:
    assert task_numbers(store, ("status", "NEW"), ("status", "CPL")) == [1, 3, 4]


def test_item21_range_parameter_defaults_to_between(store: Store) -> None:
    assert task_numbers(store, ("priority", "1"), ("priority_Range", "3")) == [1, 2, 5]


def test_item21_eq_is_case_sensitive_and_cieq_is_not(store: Store) -> None:
    assert task_numbers(store, ("name", "paint")) == []
    assert task_numbers(store, ("name", "paint"), ("name_Mod", "cieq")) == [4]


def test_item21_ne_matches_null(store: Store) -> None:
    assert task_numbers(store, ("description", "Truck"), ("description_Mod", "ne")) == [1, 2, 3, 4, 5]


def test_item21_nee_does_not_match_null(store: Store) -> None:
    assert task_numbers(store, ("description", "Truck"), ("description_Mod", "nee")) == [1, 2, 4, 5]


def test_item21_cine_compares_without_case_and_keeps_null(store: Store) -> None:
    assert task_numbers(store, ("description", "TRUCK"), ("description_Mod", "cine")) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [("lt", [1, 4]), ("lte", [1, 4, 5]), ("gt", [2, 3, 6]), ("gte", [2, 3, 5, 6])],
)
def test_item21_number_comparisons(store: Store, modifier: str, expected: list[int]) -> None:
    assert task_numbers(store, ("priority", "2"), ("priority_Mod", modifier)) == expected


def test_item21_number_comparisons_are_numeric_not_textual(store: Store) -> None:
    assert task_numbers(store, ("workRequired", "100"), ("workRequired_Mod", "gt")) == [2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("modifier", "value", "expected"),
    [
        ("contains", "sign-", [2]),
        ("contains", "Design", [1]),
        ("cicontains", "DESIGN", [1, 2]),
        ("notcontains", "Design", [2, 3, 4, 5, 6]),
        ("cinotcontains", "design", [3, 4, 5, 6]),
        ("startswith", "DESIGN", [1, 2]),
        ("cistartswith", "build", [3]),
        ("endswith", "review", [1]),
        ("ciendswith", "FRAME", [3]),
        ("like", "Design%", [1]),
        ("like", "Pain_", [4]),
        ("cilike", "%SIGN%", [1, 2]),
        ("like", "Inspect_1", [5]),
    ],
)
def test_item21_text_modifiers(store: Store, modifier: str, value: str, expected: list[int]) -> None:
    assert task_numbers(store, ("name", value), ("name_Mod", modifier)) == expected


def test_item21_like_percent_and_underscore_are_wildcards_and_other_regex_characters_are_literal(
    store: Store,
) -> None:
    assert task_numbers(store, ("description", "%100%"), ("description_Mod", "like")) == [5]
    assert task_numbers(store, ("description", "Two.coats"), ("description_Mod", "like")) == []


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [
        ("cicontainsany", [1, 2]),
        ("cicontainsall", [1]),
        ("cinotcontainsany", [3, 4, 5, 6]),
        ("cinotcontainsall", [2, 3, 4, 5, 6]),
    ],
)
def test_item21_contains_any_and_all_split_the_value_on_spaces(
    store: Store, modifier: str, expected: list[int]
) -> None:
    assert task_numbers(store, ("name", "design REVIEW"), ("name_Mod", modifier)) == expected


def test_item21_soundex_matches_names_that_sound_alike(store: Store) -> None:
    assert soundex("Robert") == soundex("Rupert") == "R163"
    assert task_numbers(store, ("name", "Pent"), ("name_Mod", "soundex")) == [4]


def test_item21_between_and_notbetween_are_inclusive(store: Store) -> None:
    assert task_numbers(store, ("priority", "2"), ("priority_Range", "4"), ("priority_Mod", "between")) == [2, 3, 5]
    assert task_numbers(store, ("priority", "2"), ("priority_Range", "4"), ("priority_Mod", "notbetween")) == [1, 4, 6]


def test_item21_cibetween_compares_text_without_case(store: Store) -> None:
    pairs = (("name", "b"), ("name_Range", "E"), ("name_Mod", "cibetween"))
    assert task_numbers(store, *pairs) == [1, 2, 3, 6]


def test_item21_in_with_repeated_values_and_notin(store: Store) -> None:
    assert task_numbers(store, ("status", "NEW"), ("status", "INP"), ("status_Mod", "in")) == [1, 2, 4, 5]
    assert task_numbers(store, ("status", "NEW"), ("status", "INP"), ("status_Mod", "notin")) == [3, 6]


def test_item21_in_accepts_a_json_array_value(store: Store) -> None:
    assert task_numbers(store, ("status", '["NEW","CPL:A"]'), ("status_Mod", "in")) == [1, 4, 6]
    assert task_numbers(store, ("status", '["NEW","CPL:A"]')) == [1, 4, 6]


def test_item21_in_accepts_comma_separated_ids(store: Store) -> None:
    assert task_numbers(store, ("assignedToID", f"{ANN},{BOB}"), ("assignedToID_Mod", "in")) == [1, 2, 4, 5]


def test_item21_ciin_ignores_case(store: Store) -> None:
    assert task_numbers(store, ("status", "new"), ("status", "cpl"), ("status_Mod", "ciin")) == [1, 3, 4]


@pytest.mark.parametrize(
    ("modifier", "mask", "expected"),
    [("bitwiseor", "5", [1, 2, 3, 6]), ("bitwiseand", "5", [6]), ("bitwisenand", "1", [3, 4, 5])],
)
def test_item21_bitwise_modifiers(store: Store, modifier: str, mask: str, expected: list[int]) -> None:
    # priorities: 1, 3, 4, 0, 2, 5
    assert task_numbers(store, ("priority", mask), ("priority_Mod", modifier)) == expected


@pytest.mark.parametrize(
    ("modifier", "value", "expected"),
    [("length_lt", "12", [3, 4, 5, 6]), ("length_eq", "7", [6]), ("length_gt", "12", [1, 2])],
)
def test_item21_length_modifiers(store: Store, modifier: str, value: str, expected: list[int]) -> None:
    # name lengths: 13, 15, 11, 5, 9, 7
    assert task_numbers(store, ("name", value), ("name_Mod", modifier)) == expected


def test_item21_allof_needs_every_value_of_a_multi_select(store: Store) -> None:
    pairs = (("DE:Regions", "North"), ("DE:Regions", "South"), ("DE:Regions_Mod", "allof"))
    assert task_numbers(store, *pairs) == [1]
    assert task_numbers(store, ("DE:Regions", "North"), ("DE:Regions_Mod", "allof")) == [1, 2]


def test_item21_eq_on_a_multi_select_matches_any_value(store: Store) -> None:
    assert task_numbers(store, ("DE:Regions", "South")) == [1]


def test_item21_custom_number_field_compares_numerically(store: Store) -> None:
    assert task_numbers(store, ("DE:Budget", "500"), ("DE:Budget_Mod", "gt")) == [1]


def test_item21_unknown_modifier_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Unknown modifier 'sortof' for field name"):
        task_numbers(store, ("name", "x"), ("name_Mod", "sortof"))


def test_item21_bad_number_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Invalid number 'lots' for field priority"):
        task_numbers(store, ("priority", "lots"), ("priority_Mod", "gt"))


def test_item21_modifier_names_are_case_insensitive(store: Store) -> None:
    assert task_numbers(store, ("name", "PAINT"), ("name_Mod", "CIEQ")) == [4]


# -- item 22: null and blank tests --------------------------------------------------------------


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [("isnull", [3]), ("notnull", [1, 2, 4, 5, 6]), ("isblank", [2, 3]), ("notblank", [1, 4, 5, 6])],
)
def test_item22_null_and_blank_with_a_dummy_value(store: Store, modifier: str, expected: list[int]) -> None:
    assert task_numbers(store, ("description", "ignored"), ("description_Mod", modifier)) == expected


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [("isnull", [3]), ("notnull", [1, 2, 4, 5, 6]), ("isblank", [2, 3]), ("notblank", [1, 4, 5, 6])],
)
def test_item22_null_and_blank_without_a_value(store: Store, modifier: str, expected: list[int]) -> None:
    assert task_numbers(store, ("description_Mod", modifier)) == expected


def test_item22_empty_multi_select_counts_as_null(store: Store) -> None:
    assert task_numbers(store, ("DE:Regions_Mod", "isnull")) == [3, 4, 5, 6]


# -- items 15, 18, 28 ----------------------------------------------------------------------------


def test_item15_user_wildcard_is_the_current_user(store: Store) -> None:
    assert task_numbers(store, ("assignedToID", "$$USER")) == [1, 4]
    assert task_numbers(store, ("assignedToID", "$$USER"), env=make_env(store, user_id=BOB)) == [2, 5]


def test_item15_list_valued_user_wildcard_becomes_in(store: Store) -> None:
    # Ann's roleIDs are her own role plus the USRROL row: Developer and QA
    assert search_ids(store, "ROLE", ("ID", "$$USER.roleIDs"), ("ID_Sort", "asc")) == sorted(search_ids(store, "ROLE"))
    assert search_ids(store, "ROLE", ("ID", "$$USER.roleIDs"), ("ID_Mod", "ne")) == []
    assert search_ids(store, "ROLE", ("ID", "$$USER.roleIDs"), env=make_env(store, user_id=BOB)) == [ROLE_QA]


def test_item15_user_attribute_wildcard(store: Store) -> None:
    assert search_ids(store, "USER", ("firstName", "$$USER.firstName")) == [ANN]


def test_item18_unknown_filter_field_names_version_and_object(store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        task_numbers(store, ("statusLabel", "x"))
    assert caught.value.message == "APIModel V21_0 does not support field statusLabel (Task)"
    assert caught.value.error_class == "java.lang.IllegalArgumentException"


def test_item18_unknown_field_on_a_path_names_the_referenced_object(store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        parse_search(obj("TASK"), params(("project:nickname", "x")), make_env(store, api_model="INTERNAL"))
    assert caught.value.message == "APIModel INTERNAL does not support field nickname (Project)"


def test_item18_field_names_are_case_sensitive(store: Store) -> None:
    with pytest.raises(ClassicError, match="does not support field projectid"):
        task_numbers(store, ("projectid", ALPHA))


def test_item28_filters_json_parameter(store: Store) -> None:
    assert task_numbers(store, ("filters", '{"status": ["NEW", "INP"], "priority": 0}')) == [4]
    assert task_numbers(store, ("filters", '{"name": "design", "name_Mod": "cicontains"}')) == [1, 2]


def test_item28_filters_json_lets_username_be_a_filter(store: Store) -> None:
    users = make_store()
    with users.transaction() as tx:
        tx.put("USER", {"ID": "u9", "objCode": "USER", "name": "Zed", "username": "zed"})
    assert search_ids(users, "USER", ("username", "zed")) != ["u9"]
    assert search_ids(users, "USER", ("filters", '{"username": "zed"}')) == ["u9"]


def test_item28_bad_filters_json_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Invalid JSON in filters"):
        task_numbers(store, ("filters", "{status"))
    with pytest.raises(ClassicError, match="filters must be a JSON object"):
        task_numbers(store, ("filters", "[1]"))


def test_reserved_parameters_are_not_filters(store: Store) -> None:
    reserved = [
        ("fields", "name"),
        ("method", "GET"),
        ("sessionID", "x"),
        ("apiKey", "k"),
        ("map", "true"),
        ("username", "ann"),
        ("password", "p"),
        ("$$ROLLUP", "true"),
        ("status_GroupBy", "true"),
    ]
    assert task_numbers(store, *reserved) == [1, 2, 3, 4, 5, 6]


def test_object_code_can_be_filtered(store: Store) -> None:
    assert task_numbers(store, ("objCode", "TASK"), ("priority", "0")) == [4]


def test_item21_ne_with_several_values_excludes_all_of_them_and_keeps_null(store: Store) -> None:
    pairs = (("description", "Truck"), ("description", "Two coats"), ("description_Mod", "ne"))
    assert task_numbers(store, *pairs) == [1, 2, 3, 5]


def test_item21_eq_with_several_values_acts_as_in(store: Store) -> None:
    assert task_numbers(store, ("status", "NEW"), ("status", "CPL"), ("status_Mod", "eq")) == [1, 3, 4]


@pytest.mark.parametrize("value", ["true", "True", "TRUE", "1"])
def test_item50_boolean_filter_values_accept_every_spelling(value: str) -> None:
    users = make_store()
    with users.transaction() as tx:
        tx.put("USER", {"ID": "u8", "objCode": "USER", "name": "Active", "isActive": True})
        tx.put("USER", {"ID": "u9", "objCode": "USER", "name": "Gone", "isActive": False})
    assert search_ids(users, "USER", ("isActive", value)) == ["u8"]
    assert search_ids(users, "USER", ("isActive", "false")) == ["u9"]


def test_item50_bad_boolean_filter_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="Invalid boolean 'maybe' for field isActive"):
        search_ids(store, "USER", ("isActive", "maybe"))


def test_item21_like_with_many_wildcards_stays_fast(store: Store) -> None:
    started = time.perf_counter()
    assert task_numbers(store, ("description", "%a%a%a%a%a%a%a%a%a%a%a%a%z"), ("description_Mod", "like")) == []
    assert time.perf_counter() - started < 0.5
    assert like_match("abcabc", "a%c_bc") and not like_match("abc", "a_") and like_match("", "%")

"""validate() reports every problem with its path, for shapes, value kinds, fields and groups; it never raises."""

from __future__ import annotations

import pytest

from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    ConditionType,
    FieldCatalog,
    Paging,
    SearchRequest,
    Severity,
    SortKey,
    UserId,
    ValueShape,
    validate,
    validate_request,
)


def messages(tree, catalog=None):
    return [str(p) for p in validate(tree, catalog)]


@pytest.mark.parametrize(
    ("condition", "shape"),
    [
        ("IS_EMPTY", ValueShape.NONE), ("IS_NOT_EMPTY", ValueShape.NONE),
        ("IS_BETWEEN", ValueShape.PAIR), ("IS_NOT_BETWEEN", ValueShape.PAIR),
        ("IS_ANY_OF", ValueShape.LIST), ("IS_NONE_OF", ValueShape.LIST), ("HAS_ANY_OF", ValueShape.LIST),
        ("HAS_ALL_OF", ValueShape.LIST), ("HAS_NONE_OF", ValueShape.LIST), ("IS_EXACTLY", ValueShape.LIST),
        ("CONTAINS", ValueShape.SCALAR), ("DOES_NOT_CONTAIN", ValueShape.SCALAR), ("IS", ValueShape.SCALAR),
        ("IS_NOT", ValueShape.SCALAR), ("GREATER_THAN", ValueShape.SCALAR),
        ("GREATER_THAN_OR_EQUAL", ValueShape.SCALAR), ("LESS_THAN", ValueShape.SCALAR),
        ("LESS_THAN_OR_EQUAL", ValueShape.SCALAR), ("IS_AFTER", ValueShape.SCALAR), ("IS_BEFORE", ValueShape.SCALAR),
    ],
)  # fmt: skip
def test_each_condition_has_the_documented_value_shape(condition, shape):
    assert ConditionType(condition).shape is shape


def test_empty_conditions_take_no_value():
    assert messages(AND(Condition("F", "IS_EMPTY", "x"))) == ["filter.AND[0]: IS_EMPTY takes no value"]


def test_scalar_conditions_need_one_value():
    assert messages(AND(Condition("F", "IS"), Condition("F", "CONTAINS", ["a", "b"]))) == [
        "filter.AND[0]: IS needs a value",
        "filter.AND[1]: CONTAINS takes a single value, not a list of 2",
    ]


def test_between_needs_exactly_two_values():
    assert messages(AND(Condition("F", "IS_BETWEEN", ["2024-01-01"]), Condition("F", "IS_NOT_BETWEEN", "x"))) == [
        "filter.AND[0]: IS_BETWEEN takes exactly two values [from, to], not 1",
        "filter.AND[1]: IS_NOT_BETWEEN takes a list of two values [from, to], not str 'x'",
    ]


def test_list_conditions_need_at_least_one_value():
    assert messages(AND(Condition("F", "HAS_ANY_OF", []))) == ["filter.AND[0]: HAS_ANY_OF needs at least one value"]


def test_list_items_must_be_single_values():
    assert messages(AND(Condition("F", "IS_ANY_OF", ["a", ["b"]]))) == [
        "filter.AND[0].value[1]: expected a single value, not a list of 1"
    ]


def test_empty_groups_are_reported_at_every_depth():
    assert messages(AND(OR(), Condition("F", "IS", "x"), AND(OR()))) == [
        "filter.AND[0]: the OR group has no conditions",
        "filter.AND[2].AND[0]: the OR group has no conditions",
    ]


def test_every_problem_is_reported_with_its_path_in_the_tree(catalog: FieldCatalog):
    tree = AND(
        Condition("F_text", "CONTAINS", "launch"),
        Condition("F_num", "IS_BETWEEN", [1, 2]),
        OR(Condition("F_date", "IS_AFTER", "yesterday"), Condition("F_nope", "IS", "x")),
    )
    assert messages(tree, catalog) == [
        "filter.AND[1]: condition IS_BETWEEN is not allowed for a number field (allowed: IS, IS_NOT, GREATER_THAN, "
        "GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, IS_EMPTY, IS_NOT_EMPTY)",
        "filter.AND[2].OR[0]: expected an ISO date or date-time, not 'yesterday'",
        "filter.AND[2].OR[1]: unknown field 'F_nope'",
    ]


def test_fields_are_found_by_alias_as_well_as_id(catalog: FieldCatalog):
    assert validate(AND(Condition("launch_date", "IS_BEFORE", "2024-06-01"), Condition("status", "IS", "Active")),
                    catalog) == []


def test_number_fields_take_numbers_or_numeric_strings(catalog: FieldCatalog):
    tree = AND(
        Condition("F_num", "GREATER_THAN", "10"),
        Condition("F_pct", "LESS_THAN", 0.5),
        Condition("F_cur", "IS", "ten"),
        Condition("F_num", "IS", True),
    )
    assert messages(tree, catalog) == [
        "filter.AND[2]: expected a number, not 'ten'",
        "filter.AND[3]: expected a number, not True",
    ]


def test_date_fields_take_iso_dates_and_date_times(catalog: FieldCatalog):
    tree = AND(
        Condition("F_date", "IS_BETWEEN", ["2024-03-31T20:00:00.000Z", "2024-04-01"]),
        Condition("F_uat", "IS_BEFORE", "31/12/2024"),
    )
    assert messages(tree, catalog) == ["filter.AND[1]: expected an ISO date or date-time, not '31/12/2024'"]


def test_boolean_fields_take_true_or_false(catalog: FieldCatalog):
    assert messages(AND(Condition("F_ok", "IS", True), Condition("F_ok", "IS", "yes")), catalog) == [
        "filter.AND[1]: expected true or false, not 'yes'"
    ]


def test_select_values_must_be_options_by_name_or_label(catalog: FieldCatalog):
    tree = AND(Condition("F_status", "IS_ANY_OF", ["opt_active", "Planned", "Closed"]),
               Condition("F_tags", "HAS_ALL_OF", ["opt_web"]))
    assert messages(tree, catalog) == ["filter.AND[0].value[2]: 'Closed' is not an option of field 'Status'"]


def test_typed_user_ids_only_apply_to_people_fields(catalog: FieldCatalog):
    assert messages(AND(Condition("F_text", "IS", UserId("u1", "WF"))), catalog) == [
        "filter.AND[0]: {id, idType} values only apply to People fields, not a text field"
    ]


def test_match_external_id_on_a_non_external_field_is_only_a_warning(catalog: FieldCatalog):
    problems = validate(AND(Condition("F_ref", "HAS_ANY_OF", ["x"], match_external_id=True),
                            Condition("F_ext", "HAS_ANY_OF", ["5f6a"], match_external_id=True)), catalog)
    assert [(p.path, p.severity) for p in problems] == [("filter.AND[0]", Severity.WARNING)]
    assert "ignored" in problems[0].message


def test_without_a_catalogue_only_structure_is_checked():
    assert validate(AND(Condition("anything", "IS", "x"))) == []


def test_validate_never_raises_on_odd_values(catalog: FieldCatalog):
    problems = validate(AND(Condition("F_text", "IS", {"weird": 1}), Condition("", "IS", "x")), catalog)
    assert [p.path for p in problems] == ["filter.AND[0]", "filter.AND[1]"]


def test_a_search_checks_its_sort_group_projection_and_paging(catalog: FieldCatalog):
    request = SearchRequest(
        filter=AND(Condition("F_text", "IS", "x")),
        sort=(SortKey("F_num"), SortKey("F_missing")),
        group=(SortKey("nope", "desc"),),
        field_ids=("F_text", "F_gone"),
        paging=Paging(offset=-1, limit=0),
    )
    assert [str(p) for p in validate_request(request, catalog)] == [
        "sort[1]: unknown field 'F_missing'",
        "group[0]: unknown field 'nope'",
        "fieldIds[1]: unknown field 'F_gone'",
        "paging.offset: must not be negative",
        "paging.limit: must be at least 1",
    ]

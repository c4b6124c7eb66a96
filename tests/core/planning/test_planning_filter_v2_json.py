"""v2 JSON: the documented shapes come out, the documented examples parse, and malformed filters are refused
with a message that names the exact spot."""

from __future__ import annotations

import json

import pytest

from wfexplorer.core.errors import ValidationError
from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    FieldCatalog,
    FilterError,
    Paging,
    SearchRequest,
    SortKey,
    UserId,
    group_from_v2,
    node_from_v2,
    node_to_v2,
    request_from_v1,
    request_from_v2,
    request_to_v2,
    view_filter_from_v2,
    view_filter_to_v2,
)


def refusal(data, catalog=None) -> list[str]:
    with pytest.raises(FilterError) as caught:
        group_from_v2(data, catalog)
    return [str(p) for p in caught.value.problems]


def test_a_tree_becomes_the_documented_v2_shape():
    tree = AND(
        Condition("F_date", "IS_BETWEEN", ["2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z"]),
        OR(Condition("F_owner", "HAS_ANY_OF", [UserId("63e3", "WF")]), Condition("F_notes", "IS_EMPTY")),
        Condition("F_project", "HAS_ANY_OF", ["5f6a"], match_external_id=True),
    )
    assert node_to_v2(tree) == {
        "operator": "AND",
        "conditions": [
            {"fieldId": "F_date", "condition": "IS_BETWEEN",
             "value": ["2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z"]},
            {"operator": "OR", "conditions": [
                {"fieldId": "F_owner", "condition": "HAS_ANY_OF", "value": [{"id": "63e3", "idType": "WF"}]},
                {"fieldId": "F_notes", "condition": "IS_EMPTY"},
            ]},
            {"fieldId": "F_project", "condition": "HAS_ANY_OF", "value": ["5f6a"], "matchExternalId": True},
        ],
    }  # fmt: skip


def test_the_research_documents_search_example_parses_against_its_fields():
    example = {"operator": "OR", "conditions": [
        {"operator": "AND", "conditions": [
            {"fieldId": "F_launch", "condition": "IS_BETWEEN",
             "value": ["2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z"]},
            {"fieldId": "F_status", "condition": "IS", "value": "opt_active"}]},
        {"fieldId": "F_owner", "condition": "HAS_ANY_OF", "value": [{"id": "63e3b130", "idType": "WF"}]},
        {"fieldId": "F_project", "condition": "HAS_ANY_OF", "value": ["5f6a4f6e"], "matchExternalId": True},
        {"fieldId": "F_notes", "condition": "IS_EMPTY"}]}  # fmt: skip
    catalog = FieldCatalog.from_dtos([
        {"id": "F_launch", "displayName": "Launch", "type": "DATE"},
        {"id": "F_status", "displayName": "Status", "type": "SINGLE_SELECT",
         "options": [{"name": "opt_active", "displayName": "Active", "color": "green"}]},
        {"id": "F_owner", "displayName": "Owner", "type": "USER"},
        {"id": "F_project", "displayName": "Project", "type": "REFERENCE", "referenceOptions": {"isExternal": True}},
        {"id": "F_notes", "displayName": "Notes", "type": "PARAGRAPH"},
    ])  # fmt: skip
    tree = group_from_v2(example, catalog)
    assert node_to_v2(tree) == example


def test_the_basics_page_between_typo_is_refused_with_a_suggestion():
    assert refusal({"operator": "AND", "conditions": [{"fieldId": "F", "condition": "BETWEEN", "value": [1, 2]}]}) == [
        "filter.AND[0]: unknown condition 'BETWEEN'; did you mean IS_BETWEEN?"
    ]


def test_an_unknown_operator_is_refused_and_its_children_are_still_checked():
    assert refusal({"operator": "AND", "conditions": [
        {"operator": "XOR", "conditions": [{"fieldId": "F", "condition": "IS"}]}]}) == [
        "filter.AND[0]: unknown operator 'XOR' (expected AND or OR)",
        "filter.AND[0].XOR[0]: IS needs a value",
    ]  # fmt: skip


def test_a_condition_the_field_type_does_not_allow_is_refused(catalog: FieldCatalog):
    assert refusal({"operator": "OR", "conditions": [
        {"fieldId": "F_text", "condition": "IS", "value": "x"},
        {"operator": "AND", "conditions": [{"fieldId": "F_num", "condition": "IS_BETWEEN", "value": [1, 2]}]}]},
        catalog) == [
        "filter.OR[1].AND[0]: condition IS_BETWEEN is not allowed for a number field (allowed: IS, IS_NOT, "
        "GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, IS_EMPTY, IS_NOT_EMPTY)",
    ]  # fmt: skip


def test_wrong_value_shapes_are_refused():
    assert refusal({"operator": "AND", "conditions": [
        {"fieldId": "F", "condition": "IS_ANY_OF", "value": "Active"},
        {"fieldId": "F", "condition": "IS_BETWEEN", "value": [1, 2, 3]},
        {"fieldId": "F", "condition": "IS_NOT_EMPTY", "value": "x"},
        {"fieldId": "F", "condition": "HAS_ANY_OF", "value": [{"id": "u", "idType": "SSO"}]},
        {"fieldId": "F", "condition": "IS", "value": {"any": "object"}}]}) == [
        "filter.AND[0]: IS_ANY_OF takes a list of values, not str 'Active'",
        "filter.AND[1]: IS_BETWEEN takes exactly two values [from, to], not 3",
        "filter.AND[2]: IS_NOT_EMPTY takes no value",
        "filter.AND[3].value[0]: idType must be WF or IMS, not 'SSO'",
        "filter.AND[4].value: unexpected object value (only People values are objects: {id, idType})",
    ]  # fmt: skip


def test_an_unknown_field_is_refused(catalog: FieldCatalog):
    assert refusal({"operator": "AND", "conditions": [{"fieldId": "F_gone", "condition": "IS_EMPTY"}]}, catalog) == [
        "filter.AND[0]: unknown field 'F_gone'"
    ]


def test_structural_mistakes_are_refused():
    assert refusal({"operator": "AND", "conditions": []}) == ["filter: the AND group has no conditions"]
    assert refusal({"conditions": [{"fieldId": "F", "condition": "IS_EMPTY"}]}) == [
        "filter: a group needs an operator (AND or OR)"
    ]
    assert refusal({"fieldId": "F", "condition": "IS_EMPTY"}) == [
        "filter: the filter must be a group {operator, conditions}, not a single condition"
    ]
    assert refusal({"operator": "AND", "conditions": [["not", "an", "object"], {"condition": "IS_EMPTY"}]}) == [
        "filter.AND[0]: expected a condition or a group object, not a list",
        "filter.AND[1]: fieldId is required (a field id or alias)",
    ]


def test_filter_errors_are_validation_errors_with_per_path_messages():
    with pytest.raises(ValidationError) as caught:
        node_from_v2({"fieldId": "F", "condition": "NEAR", "value": 1})
    assert caught.value.field_errors == {"filter": ["unknown condition 'NEAR'"]}


def test_a_whole_search_splits_into_body_and_query_parameters():
    request = SearchRequest(
        filter=AND(Condition("F_status", "IS", "opt_active")),
        sort=(SortKey("F_date", "desc"),),
        group=(SortKey("F_status"),),
        field_ids=("F_name", "F_status"),
        paging=Paging.of_page(1, 500),
        aliased=True,
    )
    conversion = request_to_v2(request)
    assert conversion.body == {
        "filter": {"operator": "AND",
                   "conditions": [{"fieldId": "F_status", "condition": "IS", "value": "opt_active"}]},
        "sort": [{"fieldId": "F_date", "direction": "desc"}],
        "group": [{"fieldId": "F_status", "direction": "asc"}],
    }
    assert conversion.params == {"page": 1, "size": 500, "fieldIds": "F_name,F_status", "aliased": "true"}
    assert conversion.losses == ()
    assert request_from_v2(conversion.body, conversion.params) == request


def test_query_string_values_are_understood_as_a_get_search_sends_them():
    params = {
        "filter": json.dumps({"operator": "AND", "conditions": [{"fieldId": "F", "condition": "IS_EMPTY"}]}),
        "page": "2", "size": "25", "fieldAliases": "name,status", "groupingFieldIds": "F_status",
        "sort": ["F_date,desc", "F_name"], "aliased": "false",
    }  # fmt: skip
    request = request_from_v2(None, params)
    assert request.filter == AND(Condition("F", "IS_EMPTY"))
    assert request.paging == Paging(offset=50, limit=25)
    assert request.field_aliases == ("name", "status")
    assert request.group == (SortKey("F_status"),)
    assert request.sort == (SortKey("F_date", "desc"), SortKey("F_name"))


def test_a_star_projection_means_every_field_and_a_page_alone_uses_the_default_size():
    request = request_from_v2({}, {"fieldIds": "*", "page": 3})
    assert request.field_ids is None
    assert request.paging == Paging.of_page(3, 100)


def test_v1_keys_in_a_v2_body_are_refused_rather_than_ignored():
    with pytest.raises(FilterError) as caught:
        request_from_v2({"filters": [], "sorting": []})
    assert caught.value.paths == ("filters", "sorting")


def test_bad_paging_sort_and_json_in_a_search_are_all_reported(catalog: FieldCatalog):
    with pytest.raises(FilterError) as caught:
        request_from_v2({"sort": [{"fieldId": "F_num", "direction": "up"}, {"fieldId": "F_zz"}]},
                        {"page": "-1", "size": "0", "filter": "{not json"}, catalog)
    assert caught.value.paths == ("filter", "sort[0]", "sort[1]", "page", "size")


def test_v1_only_parts_of_a_search_are_reported_as_losses_on_the_way_to_v2():
    conversion = request_to_v2(SearchRequest(attributes=("data",), row_order_view_id="V1",
                                             paging=Paging(offset=10, limit=20)))
    assert [loss.path for loss in conversion.losses] == ["paging", "attributes", "rowOrderViewId"]


def test_a_view_filter_array_is_an_and_group_and_goes_back_to_an_array():
    nodes = [{"fieldId": "F1", "condition": "IS_EMPTY"},
             {"operator": "OR", "conditions": [{"fieldId": "F2", "condition": "IS", "value": "x"}]}]
    group = view_filter_from_v2(nodes)
    assert group == AND(Condition("F1", "IS_EMPTY"), OR(Condition("F2", "IS", "x")))
    assert view_filter_to_v2(group) == nodes
    assert view_filter_to_v2(OR(Condition("F1", "IS_EMPTY"))) == [
        {"operator": "OR", "conditions": [{"fieldId": "F1", "condition": "IS_EMPTY"}]}
    ]
    assert view_filter_from_v2(None) == AND() and view_filter_to_v2(None) == []


def test_a_malformed_view_filter_names_the_spot():
    with pytest.raises(FilterError) as caught:
        view_filter_from_v2([{"fieldId": "F1", "condition": "IS_EMPTY"}, {"fieldId": "F2", "condition": "NEAR"}])
    assert caught.value.paths == ("filter[1]",)


def test_warnings_do_not_drop_conditions_or_refuse_the_filter(catalog: FieldCatalog):
    data = {"operator": "AND", "conditions": [
        {"operator": "OR", "conditions": [
            {"fieldId": "F_ref", "condition": "IS_ANY_OF", "value": ["Rc1"], "matchExternalId": True}]},
        {"fieldId": "F_ext", "condition": "IS_ANY_OF", "value": ["5f6a", "/content/dam/x"], "matchExternalId": True}]}
    tree = group_from_v2(data, catalog)
    assert node_to_v2(tree) == data
    request = request_from_v2({"filter": data}, None, catalog)
    assert request.filter == tree


def test_a_query_string_filter_nested_too_deeply_to_read_is_a_problem_at_its_spot():
    tree = '{"operator": "OR", "conditions": [' * 5000 + '{"fieldId": "F", "condition": "IS", "value": 1}' + "]}" * 5000
    with pytest.raises(FilterError) as v2:
        request_from_v2({}, {"filter": tree})
    assert v2.value.paths == ("filter",)
    with pytest.raises(FilterError) as v1:
        request_from_v1({}, {"filters": '{"$or": [' * 5000 + '{"F": 1}' + "]}" * 5000})
    assert v1.value.paths == ("filters",)

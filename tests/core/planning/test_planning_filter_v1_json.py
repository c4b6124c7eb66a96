"""v1 JSON: ``$`` operators, the array/object forms and shorthands, and an explicit account of what v1 cannot
carry when a v2 search is converted."""

from __future__ import annotations

import json

import pytest

from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    ConditionType,
    FieldCatalog,
    FilterError,
    Paging,
    SearchRequest,
    SortKey,
    UserId,
    convert_v1_to_v2,
    convert_v2_to_v1,
    filters_from_v1,
    filters_to_v1,
    request_from_v1,
    request_from_v2,
    request_to_v1,
)


def refusal(data, catalog=None) -> list[str]:
    with pytest.raises(FilterError) as caught:
        filters_from_v1(data, catalog)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("condition", "v1_name"),
    [
        ("CONTAINS", "$contains"), ("DOES_NOT_CONTAIN", "$doesNotContain"), ("IS", "$is"), ("IS_NOT", "$isNot"),
        ("IS_EMPTY", "$isEmpty"), ("IS_NOT_EMPTY", "$isNotEmpty"), ("GREATER_THAN", "$greaterThan"),
        ("GREATER_THAN_OR_EQUAL", "$greaterThanOrEqual"), ("LESS_THAN", "$lessThan"),
        ("LESS_THAN_OR_EQUAL", "$lessThanOrEqual"), ("IS_AFTER", "$isAfter"), ("IS_BEFORE", "$isBefore"),
        ("IS_BETWEEN", "$isBetween"), ("IS_NOT_BETWEEN", "$isNotBetween"), ("IS_ANY_OF", "$isAnyOf"),
        ("IS_NONE_OF", "$isNoneOf"), ("HAS_ANY_OF", "$hasAnyOf"), ("HAS_ALL_OF", "$hasAllOf"),
        ("HAS_NONE_OF", "$hasNoneOf"), ("IS_EXACTLY", "$isExactly"),
    ],
)  # fmt: skip
def test_every_condition_has_the_documented_v1_name(condition, v1_name):
    assert ConditionType(condition).v1 == v1_name
    assert ConditionType.from_v1(v1_name) is ConditionType(condition)


def test_a_root_and_group_becomes_an_array_and_nested_groups_use_dollar_operators():
    tree = AND(Condition("F_status", "IS", "planned"),
               OR(Condition("F_date", "IS_BETWEEN", ["2024-01-01", "2024-02-01"]), Condition("F_notes", "IS_EMPTY")))
    assert filters_to_v1(tree) == [
        {"F_status": {"$is": "planned"}},
        {"$or": [{"F_date": {"$isBetween": ["2024-01-01", "2024-02-01"]}}, {"F_notes": {"$isEmpty": None}}]},
    ]


def test_a_root_or_group_becomes_an_or_object_so_it_comes_back_unchanged():
    tree = OR(Condition("F", "IS", "a"), Condition("F", "IS", "b"))
    assert filters_to_v1(tree) == {"$or": [{"F": {"$is": "a"}}, {"F": {"$is": "b"}}]}
    assert filters_from_v1(filters_to_v1(tree)) == tree


def test_the_research_documents_v1_example_parses():
    filters = [{"$or": [
        {"F_launch": {"$isBetween": ["2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z"]}},
        {"$and": [{"F_launch": {"$isAfter": "2024-04-15T00:00:00.000Z"}}, {"F_status": "planned"}]}]}]  # fmt: skip
    assert filters_from_v1(filters) == AND(OR(
        Condition("F_launch", "IS_BETWEEN", ["2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z"]),
        AND(Condition("F_launch", "IS_AFTER", "2024-04-15T00:00:00.000Z"), Condition("F_status", "IS", "planned")),
    ))


def test_shorthands_bare_values_and_bare_empty_operators_are_understood():
    assert filters_from_v1({"F_status": "active"}) == AND(Condition("F_status", "IS", "active"))
    assert filters_from_v1([{"F_notes": "$isEmpty"}, {"F_tags": {"$isNotEmpty": True}}]) == AND(
        Condition("F_notes", "IS_EMPTY"), Condition("F_tags", "IS_NOT_EMPTY")
    )


def test_several_fields_or_operators_in_one_object_are_anded():
    assert filters_from_v1([{"F_num": {"$greaterThan": 1, "$lessThan": 5}, "F_text": "x"}]) == AND(
        AND(Condition("F_num", "GREATER_THAN", 1), Condition("F_num", "LESS_THAN", 5), Condition("F_text", "IS", "x"))
    )


def test_an_empty_filters_array_means_no_filter():
    assert request_from_v1({"filters": []}).filter is None


def test_malformed_v1_filters_are_refused_at_their_json_spot(catalog: FieldCatalog):
    assert refusal([
        {"F_num": {"$between": [1, 2]}},
        {"$xor": [{"F_text": "a"}]},
        {"$or": [{"F_status": {"$isAnyOf": "opt_active"}}, {"F_date": {"$contains": "x"}}, {"F_who": "x"}]},
        {"F_owner": {"$hasAnyOf": [{"id": "u1", "idType": "WF"}]}},
        "not a node",
    ], catalog) == [
        "filters[0].F_num.$between: unknown condition '$between'; did you mean $isBetween?",
        "filters[1].$xor: unknown operator '$xor' (expected $and or $or, or a field name)",
        "filters[2].$or[0].F_status.$isAnyOf: IS_ANY_OF takes a list of values, not str 'opt_active'",
        "filters[2].$or[1].F_date.$contains: condition CONTAINS is not allowed for a date field (allowed: IS, "
        "IS_NOT, IS_AFTER, IS_BEFORE, IS_BETWEEN, IS_NOT_BETWEEN, IS_EMPTY, IS_NOT_EMPTY)",
        "filters[2].$or[2].F_who: unknown field 'F_who'",
        "filters[3].F_owner.$hasAnyOf[0]: v1 People filters take IMS id strings only, not {id, idType}",
        "filters[4]: expected {\"$and\": [...]}, {\"$or\": [...]} or {\"<field>\": {\"$op\": value}}, "
        "not 'not a node'",
    ]  # fmt: skip


def test_a_v1_search_body_and_query_become_one_request():
    body = {"recordTypeId": "Rt1", "filters": [{"F_status": {"$is": "planned"}}],
            "sorting": [{"fieldId": "F_date", "direction": "desc"}], "groupingFieldIds": ["F_status"],
            "offset": "2000", "limit": "2000", "rowOrderViewId": "V1"}  # fmt: skip
    request = request_from_v1(body, {"attributes": "data,createdBy", "aliased": "true"})
    assert request == SearchRequest(
        filter=AND(Condition("F_status", "IS", "planned")), sort=(SortKey("F_date", "desc"),),
        group=(SortKey("F_status"),), attributes=("data", "createdBy"), paging=Paging(2000, 2000),
        record_type_id="Rt1", aliased=True, row_order_view_id="V1",
    )  # fmt: skip
    conversion = request_to_v1(request)
    assert conversion.losses == ()
    assert request_from_v1(conversion.body, conversion.params) == request


def test_the_get_form_sends_filters_as_json_text():
    request = request_from_v1(None, {"recordTypeId": "Rt1", "filters": json.dumps([{"F": "x"}]), "offset": "5"})
    assert request.filter == AND(Condition("F", "IS", "x"))
    assert request.paging == Paging(5, 500)


def test_converting_v2_to_v1_lists_everything_v1_cannot_carry():
    body = {
        "filter": {"operator": "AND", "conditions": [
            {"fieldId": "F_owner", "condition": "HAS_ANY_OF",
             "value": [{"id": "wf1", "idType": "WF"}, {"id": "ims1", "idType": "IMS"}, "ims2"]},
            {"fieldId": "F_project", "condition": "HAS_ANY_OF", "value": ["5f6a"], "matchExternalId": True}]},
        "group": [{"fieldId": "F_status", "direction": "desc"}],
        "scopeWorkspaceIds": ["Ws1"], "globalRecordTypeWorkspaceFieldId": "F_ws",
    }  # fmt: skip
    conversion = convert_v2_to_v1(body, {"fieldIds": "F_name", "fieldAliases": "name", "page": 0, "size": 3000})
    assert conversion.body["filters"] == [
        {"F_owner": {"$hasAnyOf": ["wf1", "ims1", "ims2"]}},
        {"F_project": {"$hasAnyOf": ["5f6a"]}},
    ]
    assert [loss.path for loss in conversion.losses] == [
        "filter.AND[0].value[0]", "filter.AND[1]", "group[0]", "paging", "fieldIds", "fieldAliases",
        "scopeWorkspaceIds", "globalRecordTypeWorkspaceFieldId",
    ]  # fmt: skip
    assert "Workfront id 'wf1'" in conversion.losses[0].message
    assert "matchExternalId" in conversion.losses[1].message


def test_converting_v1_to_v2_keeps_what_v2_can_carry_and_reports_the_rest():
    conversion = convert_v1_to_v2({"filters": [{"F": {"$isNot": "x"}}], "offset": 40, "limit": 20},
                                  {"attributes": "data"})
    assert conversion.body == {"filter": {"operator": "AND", "conditions": [
        {"fieldId": "F", "condition": "IS_NOT", "value": "x"}]}}  # fmt: skip
    assert conversion.params == {"page": 2, "size": 20}
    assert [loss.path for loss in conversion.losses] == ["attributes"]


def test_v2_keys_in_a_v1_body_are_refused():
    with pytest.raises(FilterError) as caught:
        request_from_v1({"filter": {}, "sort": []})
    assert caught.value.paths == ("filter", "sort")


def test_record_type_and_view_ids_in_a_v1_search_must_be_text_as_in_v2():
    with pytest.raises(FilterError) as caught:
        request_from_v1({"recordTypeId": 5, "recordTypeAlias": ["a"], "rowOrderViewId": {"id": "V1"}})
    assert caught.value.paths == ("recordTypeId", "recordTypeAlias", "rowOrderViewId")
    with pytest.raises(FilterError) as v2:
        request_from_v2({"recordTypeId": 5})
    assert v2.value.paths == ("recordTypeId",)


def test_typed_ims_ids_travel_to_v1_as_plain_strings_without_loss():
    conversion = request_to_v1(SearchRequest(filter=AND(Condition("F_owner", "HAS_ANY_OF", [UserId("i1", "IMS")]))))
    assert conversion.body["filters"] == [{"F_owner": {"$hasAnyOf": ["i1"]}}]
    assert conversion.losses == ()


def test_a_tolerated_condition_is_kept_when_parsing_v1(catalog: FieldCatalog):
    assert filters_from_v1([{"$or": [{"F_ref": {"$isAnyOf": ["Rc1"]}}]}], catalog) == AND(
        OR(Condition("F_ref", "IS_ANY_OF", ["Rc1"]))
    )

"""Text → tree: every example of the Planning basics page reads back as the tree it describes, either grammar,
whole bodies or bare filters, and a problem is pointed at its line and column."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fixture_files import fixture_text

from wfexplorer.core.planning.builder import Grammar, TextError, carry_over, parse_search_text
from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    ConditionType,
    Direction,
    IdType,
    Paging,
    RelativeDate,
    SortKey,
    UserId,
    filters_to_v1,
    node_to_v2,
)

EXAMPLES = {example["name"]: example["text"] for example in json.loads(
    fixture_text("planning", "basics_examples.json"))["examples"]}


def test_the_basics_page_filter_example_is_an_and_of_two_conditions():
    pasted = parse_search_text(EXAMPLES["filter-and"])
    assert pasted.grammar is Grammar.V2 and pasted.whole_body
    assert pasted.tree == AND(Condition("<fieldId>", "IS", "Active"), Condition("<fieldId>", "CONTAINS", "marketing"))


def test_the_basics_page_nested_example_is_refused_at_its_unknown_between_condition():
    # The page's own nested example uses "BETWEEN", which is not a condition (IS_BETWEEN is).
    with pytest.raises(TextError) as caught:
        parse_search_text(EXAMPLES["filter-nested-or"])
    problem = caught.value.first
    assert problem.path == "filter.OR[0].AND[0]"
    assert (problem.line, problem.column) == (8, 11)
    assert "did you mean IS_BETWEEN?" in problem.message


def test_the_nested_example_with_its_condition_corrected_is_an_or_of_two_ands():
    pasted = parse_search_text(EXAMPLES["filter-nested-or"].replace('"BETWEEN"', '"IS_BETWEEN"'))
    assert pasted.tree == OR(
        AND(Condition("<fieldId>", "IS_BETWEEN", ("2024-03-31T20:00:00.000Z", "2024-04-01T20:00:00.000Z")),
            Condition("<fieldId>", "IS", "active")),
        AND(Condition("<fieldId>", "IS_BETWEEN", ("2024-04-15T00:00:00.000Z", "2024-04-16T00:00:00.000Z")),
            Condition("<fieldId>", "IS", "planned")),
    )


def test_the_people_example_keeps_the_workfront_id_type():
    pasted = parse_search_text(EXAMPLES["people-wf-id"])
    assert pasted.tree == AND(Condition("<userFieldId>", "HAS_ANY_OF",
                                        (UserId("63e3b13000078c1795146248182d15dc", IdType.WF),)))


def test_the_external_id_example_keeps_match_external_id():
    pasted = parse_search_text(EXAMPLES["external-id"])
    assert pasted.tree == AND(Condition(
        "<externalReferenceFieldId>", "IS_ANY_OF",
        ("5f6a4f6e00000123456789abcdef0123", "/content/dam/wknd/en/adventures/bali-surf-camp"), True))


def test_the_sort_and_group_examples_are_whole_bodies_without_a_filter():
    sort = parse_search_text(EXAMPLES["sort"]).request
    assert sort.filter is None
    assert sort.sort == (SortKey("F6527ecb25df57c441d92b9fc"), SortKey("F658afcbd4a0273c67c346fd5", Direction.DESC))
    grouped = parse_search_text(EXAMPLES["sort-and-group"]).request
    assert grouped.sort == (SortKey("F001"),) and grouped.group == (SortKey("F002"),)


def test_the_paged_example_with_its_request_line_brings_its_page_and_size():
    pasted = parse_search_text(EXAMPLES["paged-search"])
    assert pasted.grammar is Grammar.V2
    assert pasted.request.paging == Paging.of_page(1, 500)
    assert pasted.tree == AND(Condition("<fieldId>", "IS", "active"))


@pytest.mark.parametrize("condition", list(ConditionType))
def test_each_modifier_example_is_a_group_of_its_one_condition(condition):
    pasted = parse_search_text(EXAMPLES[f"modifier-{condition.value.lower().replace('_', '-')}"])
    (only,) = pasted.tree.children
    assert isinstance(only, Condition) and only.condition is condition and only.field == "<id>"
    assert pasted.notes == ("A single condition was read as an AND group of one.",)


def test_a_v1_filter_array_and_a_v1_body_read_as_v1():
    tree = AND(Condition("F_a", "IS", "x"), OR(Condition("F_b", "GREATER_THAN", 3), Condition("F_c", "IS_EMPTY")))
    bare = parse_search_text(json.dumps(filters_to_v1(tree)))
    assert (bare.grammar, bare.whole_body, bare.tree) == (Grammar.V1, False, tree)
    body = parse_search_text(json.dumps({"filters": filters_to_v1(tree), "offset": 20, "limit": 10,
                                         "sorting": [{"fieldId": "F_a", "direction": "desc"}]}))
    assert body.grammar is Grammar.V1 and body.tree == tree
    assert body.request.paging == Paging(20, 10) and body.request.sort == (SortKey("F_a", "desc"),)


def test_malformed_json_is_pointed_at_by_line_and_column():
    with pytest.raises(TextError) as caught:
        parse_search_text('{\n  "filter": {"operator": "AND",\n    "conditions": [}\n}')
    assert (caught.value.first.line, caught.value.first.column) == (3, 20)
    assert caught.value.first.message.startswith("This is not valid JSON")


def test_a_field_the_record_type_lacks_is_pointed_at_with_the_catalogue(catalog):
    text = json.dumps({"filter": node_to_v2(AND(Condition("F_text", "IS", "a"), Condition("F_gone", "IS", "b")))},
                      indent=2)
    with pytest.raises(TextError) as caught:
        parse_search_text(text, catalog)
    problem = caught.value.first
    assert problem.path == "filter.AND[1]" and "unknown field 'F_gone'" in problem.message
    assert text.splitlines()[problem.line - 1].strip().startswith("{")


def test_every_problem_is_reported_not_only_the_first():
    text = '{"filter": {"operator": "AND", "conditions": [{"fieldId": "a", "condition": "NOPE"}, {"fieldId": ""}]}}'
    with pytest.raises(TextError) as caught:
        parse_search_text(text)
    assert [problem.path for problem in caught.value.problems] == ["filter.AND[0]", "filter.AND[1]", "filter.AND[1]"]


def test_v1_keys_in_a_v2_body_are_named_as_the_other_grammar():
    with pytest.raises(TextError) as caught:
        parse_search_text('{"filter": {"operator": "AND", "conditions": [{"fieldId": "a", "condition": "IS_EMPTY"}]},'
                          ' "sorting": []}')
    assert "'sorting' is v1 syntax; v2 uses 'sort'" in str(caught.value)


def test_an_empty_text_is_no_filter_and_a_scalar_is_refused():
    assert parse_search_text("   ").request.filter is None
    with pytest.raises(TextError, match="Expected a JSON object"):
        parse_search_text('"IS"')


def test_relative_dates_come_back_when_the_text_shows_the_date_they_resolved_to():
    today = date(2026, 12, 2)
    old = AND(Condition("F_date", "IS_AFTER", RelativeDate(days=-7)), Condition("F_text", "IS", "a"))
    new = AND(Condition("F_date", "IS_AFTER", "2026-11-25"), Condition("F_text", "IS", "b"))
    kept, _ = carry_over(new, old, from_v1=False, today=today)
    assert kept == AND(Condition("F_date", "IS_AFTER", RelativeDate(days=-7)), Condition("F_text", "IS", "b"))
    edited = AND(Condition("F_date", "IS_AFTER", "2026-01-01"), Condition("F_text", "IS", "b"))
    assert carry_over(edited, old, from_v1=False, today=today)[0] == edited  # a new date is the user's choice


def test_a_v1_text_keeps_what_v1_cannot_say_and_names_it():
    old = AND(Condition("F_ext", "HAS_ANY_OF", ("P1",), True),
              Condition("F_owner", "HAS_ANY_OF", (UserId("w1", "WF"),)))
    from_v1 = AND(Condition("F_ext", "HAS_ANY_OF", ("P1",)), Condition("F_owner", "HAS_ANY_OF", ("w1",)))
    kept, notes = carry_over(from_v1, old, from_v1=True, today=date(2026, 12, 2))
    assert kept == old
    assert notes == ("filter.AND[0]: kept matchExternalId, which v1 cannot say",
                     "filter.AND[1].value[0]: kept the Workfront id type of 'w1', which v1 cannot say")

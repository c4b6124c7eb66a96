"""What stops a search before it is sent, in the user's words and on the row it concerns."""

from __future__ import annotations

from datetime import date

from wfexplorer.core import errors
from wfexplorer.core.planning.builder import (
    BuilderState,
    blocking,
    check,
    preview,
    problems_from_error,
    v1_labels,
)
from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    DateAnchor,
    RelativeDate,
    Severity,
    UserId,
)

TODAY = date(2026, 12, 2)  # a Wednesday


def messages(state: BuilderState) -> dict[int | None, list[str]]:
    found: dict[int | None, list[str]] = {}
    for problem in check(state, TODAY):
        found.setdefault(problem.node, []).append(problem.message)
    return found


def test_a_complete_filter_has_no_problems(catalog):
    state = BuilderState(catalog)
    state.add_condition(field="F_status", condition="IS", value="opt_active")
    state.add_condition(field="F_date", condition="IS_BETWEEN", value=("2027-03-01", "2027-06-30"))
    assert check(state, TODAY) == []


def test_forgotten_parts_are_named_in_words_on_their_rows(catalog):
    state = BuilderState(catalog)
    no_field = state.add_condition()
    no_number = state.add_condition(field="F_num", condition="GREATER_THAN")
    half_range = state.add_condition(field="F_date", condition="IS_BETWEEN", value=("2027-01-01", None))
    no_option = state.add_condition(field="F_tags", condition="HAS_ANY_OF")
    blank_text = state.add_condition(field="F_text", condition="IS", value="  ")
    empty_group = state.add_group(with_condition=False)
    assert messages(state) == {
        no_field: ["Choose a field."],
        no_number: ["Enter a number."],
        half_range: ["Enter both ends of the range (a date from … to …)."],
        no_option: ["Choose at least one option."],
        blank_text: ["Enter a value."],
        empty_group: ["This group has no conditions: add one, or remove the group."],
    }


def test_a_reversed_range_is_refused_even_with_relative_dates(catalog):
    state = BuilderState(catalog)
    absolute = state.add_condition(field="F_date", condition="IS_BETWEEN", value=("2027-06-30", "2027-03-01"))
    relative = state.add_condition(field="F_date", condition="IS_NOT_BETWEEN",
                                   value=(RelativeDate(days=3), RelativeDate(DateAnchor.START_OF_MONTH)))
    found = messages(state)
    assert found[absolute] == ["The range is the wrong way round: 2027-06-30 comes after 2027-03-01. "
                               "Swap the two dates."]
    assert found[relative] == ["The range is the wrong way round: 2026-12-05 comes after 2026-12-01. "
                               "Swap the two dates."]


def test_a_field_that_no_longer_exists_is_named(catalog):
    state = BuilderState(catalog, AND(Condition("F_text", "IS", "a"), Condition("F_gone", "IS", "b")))
    gone = state.id_at((1,))
    assert messages(state) == {gone: ["The field 'F_gone' no longer exists in this record type: choose another "
                                      "field."]}


def test_the_model_finds_what_the_type_does_not_allow_and_its_path_maps_to_the_row(catalog):
    state = BuilderState(catalog, AND(OR(Condition("F_text", "GREATER_THAN", "a"))))
    (problem,) = check(state, TODAY)
    assert problem.node == state.id_at((0, 0)) and problem.path == "filter.AND[0].OR[0]"
    assert problem.message.startswith("condition GREATER_THAN is not allowed for a text field")


def test_warnings_do_not_block_but_are_reported(catalog):
    state = BuilderState(catalog, AND(Condition("F_ref", "HAS_ANY_OF", ("R1",), True)))
    (problem,) = check(state, TODAY)
    assert problem.severity is Severity.WARNING and "matchExternalId only applies" in problem.message
    assert blocking(state, preview(state, "http://h/maestro/api", "RT", TODAY), 2) == []


def test_what_v1_cannot_carry_blocks_a_v1_run_but_not_a_v2_run(catalog):
    state = BuilderState(catalog, AND(Condition("F_owner", "HAS_ANY_OF", (UserId("w1", "WF"),))))
    state.set_projection(["F_text"])
    calls = preview(state, "http://h/maestro/api", "RT", TODAY)
    assert blocking(state, calls, 2) == []
    (problem,) = blocking(state, calls, 1)  # the projection is no reason to refuse: v1 returns every field
    assert problem.node == state.id_at((0,)) and "v1 takes IMS user ids only" in problem.message


def test_sort_keys_on_unknown_fields_concern_the_search_as_a_whole(catalog):
    from wfexplorer.core.planning.filters import SortKey

    state = BuilderState(catalog)
    state.set_sort([SortKey("F_nope")])
    (problem,) = check(state, TODAY)
    assert (problem.node, problem.path) == (None, "sort[0]")


def test_a_server_400_lands_on_the_condition_its_path_names(catalog):
    state = BuilderState(catalog, AND(Condition("F_text", "IS", "a"), OR(Condition("F_num", "IS", 2))))
    refusal = errors.ValidationError("Invalid search request", status=400,
                                     field_errors={"filter.AND[1].OR[0]": ["unknown field 'F_num'"]})
    (problem,) = problems_from_error(refusal, state, 2)
    assert problem.node == state.id_at((1, 0)) and problem.message == "unknown field 'F_num'"


def test_a_v1_server_path_lands_on_its_condition_too(catalog):
    state = BuilderState(catalog, AND(Condition("F_text", "IS", "a"), OR(Condition("F_num", "IS", 2))))
    labels = v1_labels(state)
    assert labels[state.id_at((1, 0))] == "filters[1].$or[0].F_num.$is"
    refusal = errors.ValidationError("bad", status=400, field_errors={"filters[1].$or[0].F_num.$is": ["no"]})
    assert problems_from_error(refusal, state, 1)[0].node == state.id_at((1, 0))


def test_a_refusal_that_names_no_spot_lands_on_the_one_condition_whose_value_it_quotes(catalog):
    state = BuilderState(catalog, AND(Condition("F_text", "IS", "a"), Condition("F_ext", "HAS_ANY_OF", ("P9",), True)))
    refusal = errors.ValidationError("External ID 'P9' does not match any record", status=400,
                                     field_errors={"filter": ["External ID 'P9' does not match any record"]})
    assert problems_from_error(refusal, state, 2)[0].node == state.id_at((1,))
    vague = errors.ServerError("Internal error", status=500)
    assert problems_from_error(vague, state, 2)[0].node is None

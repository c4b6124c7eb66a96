"""The search model against the simulator: built searches, pasted ones, counts, pages, reports, checks, refusals."""

from __future__ import annotations

import pytest
from search_model_probe import TASKS, Probe

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import (
    Aggregate,
    ClassicSearch,
    Condition,
    FieldKind,
    Part,
    SearchSchema,
    Severity,
    SortKey,
    count,
    locate_error,
    query,
    run_page,
    run_report,
    run_search,
    validate,
)


def _built(probe: Probe) -> ClassicSearch:
    """priority 4 in the probe project, OR (probe project by name AND assignee's home group = the first group)."""
    search = ClassicSearch("TASK")
    search.add_condition("projectID", None, probe.project_id)
    search.add_condition("priority", None, "4")
    group = search.add_group()
    search.add_condition("project:name", None, probe.project_name, group=group)
    search.add_condition("assignedTo:homeGroup:name", "eq", probe.group_of(0), group=group)  # type: ignore[arg-type]
    search.set_sorts([SortKey("name")])
    search.set_fields(["project:name", "assignedTo:homeGroup:name"])
    return search


def _expected(probe: Probe) -> list[str]:
    return sorted(name for name, (priority, _, who) in TASKS.items() if priority == 4 or who == 0)


def test_a_built_search_with_an_or_group_and_a_reference_path(probe: Probe, session: Session,
                                                              schema: SearchSchema) -> None:
    search = _built(probe)
    group = probe.group_of(0)
    assert search.query_string() == (
        f"projectID={probe.project_id}&priority=4&OR:1:project:name={probe.project_name.replace(' ', '%20')}"
        f"&OR:1:assignedTo:homeGroup:name={group}&OR:1:assignedTo:homeGroup:name_Mod=eq&name_Sort=asc"
        "&fields=project:name,assignedTo:homeGroup:name"
    )
    assert validate(search.query, schema) == []
    result = run_search(session, search.query, schema)
    assert [row["name"] for row in result.rows] == _expected(probe) == ["alpha one", "beta", "delta", "epsilon"]
    columns = {column.key: column for column in result.columns}
    assert columns["assignedTo:homeGroup:name"].label == "Assigned To > Home Group > Name"
    assert columns["priority"].kind is FieldKind.NUMBER
    assert [columns["project:name"].value(row) for row in result.rows] == [probe.project_name] * 4
    assert [columns["assignedTo:homeGroup:name"].value(row) for row in result.rows] == [group, group, None, group]


def test_the_count_matches_the_rows(probe: Probe, session: Session) -> None:
    assert count(session, _built(probe).query) == len(_expected(probe))


def test_a_pasted_query_string_rebuilds_the_search_and_finds_the_same_rows(probe: Probe, session: Session) -> None:
    built = _built(probe)
    pasted = ClassicSearch("PROJ")
    pasted.load(f"{session.url}/task/search?{built.query_string()}")
    assert pasted.query == built.query
    assert run_search(session, pasted.query).rows == run_search(session, built.query).rows


def test_pages_in_a_stable_order_neither_repeat_nor_skip_rows(probe: Probe, session: Session) -> None:
    unsorted = query("TASK", Condition("projectID", None, probe.project_id))
    pages = [run_page(session, unsorted, first, 4) for first in (0, 4)]
    ids = [row["ID"] for page in pages for row in page.rows]
    assert sorted(ids) == sorted(probe.task_ids.values()) and ids == sorted(ids)
    assert pages[0].has_more and not pages[1].has_more
    assert ("ID_1_Sort", "asc") in pages[0].request.params


def test_a_report_with_two_group_bys(probe: Probe, session: Session, schema: SearchSchema) -> None:
    report = query("TASK", Condition("projectID", None, probe.project_id),
                   group_bys=("priority", "assignedTo:homeGroup:name"),
                   aggregates=(Aggregate("workRequired", "sum"),), rollup=True)
    loaded = session.load("TASK", list(probe.task_ids.values()), fields=["workRequired", "priority",
                                                                         "assignedTo:homeGroup:name"])
    expected: dict[tuple[int, str | None], float] = {}
    for task in loaded:
        assignee = task.fields.get("assignedTo")
        key = (task.fields["priority"], assignee["homeGroup"]["name"] if assignee else None)
        expected[key] = expected.get(key, 0) + task.fields["workRequired"]
    result = run_report(session, report, schema)
    assert [column.key for column in result.columns] == ["priority", "assignedTo:homeGroup:name", "sum_workRequired"]
    got = {(row["priority"], row["assignedTo:homeGroup:name"]): row["sum_workRequired"] for row in result.rows}
    assert got == expected and len(got) == 5
    assert result.rollup == {"sum_workRequired": sum(expected.values())}


def test_problems_point_at_the_condition_and_say_what_to_do(schema: SearchSchema) -> None:
    search = ClassicSearch("TASK")
    unknown = search.add_condition("nme", None, "x")
    path = search.add_condition("project:nam", None, "x")
    through_field = search.add_condition("name:first", None, "x")
    wrong_modifier = search.add_condition("plannedStartDate", "cicontains", "2024")
    empty = search.add_condition("name", "cicontains")
    not_a_number = search.add_condition("priority", "gt", "high")
    custom = search.add_condition("DE:Channels", "allof", ["Web", "Email"])
    no_such_custom = search.add_condition("DE:Nope", None, "x")
    date_wildcard = search.add_condition("plannedStartDate", "between", "$$TODAY-7d", "$$TODAYe+1w")
    bad_wildcard = search.add_condition("plannedStartDate", "gte", "$$TODAYx")
    search.set_paging(limit=5000)
    found = [problem for problem in search.problems(schema) if problem.part is Part.CONDITION]
    problems = {problem.target_id: problem for problem in found}
    assert len(problems) == len(found)  # one problem per faulty condition here
    assert "Task has no field 'nme'; did you mean name?" in problems[unknown].message
    assert "Project has no field 'nam'; did you mean name?" in problems[path].message
    assert "is a field, so 'name:first' cannot go through it" in problems[through_field].message
    assert "cicontains (contains (any case)) does not apply to a date field" in problems[wrong_modifier].message
    assert problems[empty].message == "name: needs a value"
    assert "'high' is not a number" in problems[not_a_number].message
    assert "No custom form of Task has a field 'Nope'" in problems[no_such_custom].message
    assert "not a date wildcard" in problems[bad_wildcard].message
    assert custom not in problems and date_wildcard not in problems
    assert all(problem.severity is Severity.ERROR for problem in problems.values())
    paging = [problem for problem in search.problems(schema) if problem.part is Part.PAGING]
    assert paging[0].message == "The requested limit 5000 is greater than the maximum allowed limit of 2000"


def test_fields_sorts_and_report_parts_are_checked_against_metadata(schema: SearchSchema) -> None:
    checked = query("TASK", fields=("project:*", "assignments:assignedTo:name", "DE:*", "bogus", "parameterValues",
                                    "project:parameterValues", "DE:Channels", "*"),
                    sorts=(SortKey("project", "asc"), SortKey("name", "sideways")),
                    group_bys=("assignedToID",), aggregates=(Aggregate("name", "sum"), Aggregate("x", "median")))
    found = [(problem.part, problem.index, problem.severity) for problem in validate(checked, schema)]
    assert found == [
        (Part.SORT, 0, Severity.ERROR), (Part.SORT, 1, Severity.ERROR), (Part.FIELDS, 2, Severity.ERROR),
        (Part.FIELDS, 3, Severity.ERROR), (Part.GROUP_BY, 0, Severity.WARNING), (Part.AGGREGATE, 0, Severity.ERROR),
        (Part.AGGREGATE, 1, Severity.ERROR),
    ]


def test_a_refusal_by_the_server_lands_on_the_condition_it_names(session: Session) -> None:
    unchecked = query("TASK", Condition("name", None, "x"), Condition("project:colour", None, "red"))
    with pytest.raises(errors.ValidationError) as refused:
        run_search(session, unchecked)
    problem = locate_error(unchecked, refused.value)
    assert (problem.part, problem.target_id) == (Part.CONDITION, unchecked.conditions[1].id)
    assert "does not support field colour (Project)" in problem.message
    malformed = query("TASK", raw=(("OR:x:name", "a"),))
    with pytest.raises(errors.ValidationError) as refused_raw:
        run_search(session, malformed)
    assert (locate_error(malformed, refused_raw.value).part, locate_error(malformed, refused_raw.value).index) == \
        (Part.RAW, 0)
    assert [problem.part for problem in validate(malformed)] == [Part.RAW]


def test_paths_complete_from_metadata(schema: SearchSchema) -> None:
    completions = schema.complete("TASK", "assignedTo:homeGr")
    assert [(c.path, c.member, c.continues) for c in completions] == [
        ("assignedTo:homeGroup", "reference", True), ("assignedTo:homeGroupID", "field", False)]
    assert [c.path for c in schema.complete("TASK", "DE:Chan")] == ["DE:Channels"]
    assert any(field.path == "DE:Channels" and field.kind is FieldKind.MULTI for field in schema.filter_fields("TASK"))

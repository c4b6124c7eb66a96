"""The builder's core against the simulator: the call shown is the call sent, copied code runs and finds the
same records, relative dates resolve on the day of the search, people come from both directories, and a
server's refusal lands on its condition."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.planning import PlanningClient, RecordType, SearchRequest
from wfexplorer.core.planning.builder import (
    BuilderFields,
    BuilderState,
    ClassicPeople,
    Directory,
    PeopleBook,
    preview,
    problems_from_error,
    result_page,
)
from wfexplorer.core.planning.filters import (
    AND,
    OR,
    Condition,
    DateAnchor,
    IdType,
    Paging,
    RelativeDate,
    SortKey,
)
from wfexplorer.core.planning.search_call import TOKEN_ENV
from wfexplorer.core.planning.snippet import CORE_LABEL, SnippetRenderers, core_snippet
from wfexplorer.core.results import ValueKind, display, to_csv, to_json


@pytest.fixture(scope="module")
def token(demo_server) -> str:
    return demo_server.credentials()["access_token"]


@pytest.fixture(scope="module", params=[2, 1], ids=["v2", "v1"])
def client(request, demo_server, token) -> Iterator[PlanningClient]:
    with PlanningClient(demo_server.base_url, token, version=request.param) as planning:
        yield planning


@pytest.fixture(scope="module")
def campaigns(demo_server, token) -> RecordType:
    with PlanningClient(demo_server.base_url, token) as planning:
        workspace = next(ws for ws in planning.workspaces() if ws.name == "2027 Marketing Plan")
        return next(rt for rt in planning.record_types(workspace.id) if rt.display_name == "Campaigns")


@pytest.fixture(scope="module")
def fields(demo_server, token, campaigns) -> BuilderFields:
    with PlanningClient(demo_server.base_url, token) as planning:
        return BuilderFields.of(planning.fields(campaigns.id))


def field_id(fields: BuilderFields, label: str) -> str:
    return next(field.id for field in fields if field.label == label)


def test_the_call_shown_is_the_url_and_query_the_client_sends(client, campaigns, fields):
    request = SearchRequest(filter=AND(Condition(field_id(fields, "Budget"), "GREATER_THAN", 100_000)),
                            sort=(SortKey(field_id(fields, "Name")),), paging=Paging.of_page(1, 5))
    call = client.search_call(campaigns.id, request)
    sent = []
    unsubscribe = client.connection.transport.subscribe(sent.append)
    try:
        page = client.search(campaigns.id, request)
    finally:
        unsubscribe()
    expected_url = call.url + ("?" + urlencode(call.query_pairs()) if call.query_pairs() else "")
    assert [event.url for event in sent] == [expected_url]
    assert call.path == ("/v2/record-types/" + campaigns.id + "/records/search" if client.version == 2
                         else "/v1/records/search")
    assert client.send_search(call).records == page.records
    assert page.offset == 5 and len(page.records) == 5


def test_both_versions_preview_the_same_search_and_find_the_same_records(demo_server, token, campaigns, fields):
    state = BuilderState(fields.catalog)
    state.add_condition(field=field_id(fields, "Status"), condition="IS_ANY_OF",
                        value=["opt_status_active", "opt_status_planned"])
    group = state.add_group(operator="OR", field=field_id(fields, "Completion"))
    state.set_condition(state.children_of(group)[0], "GREATER_THAN")
    state.set_value(state.children_of(group)[0], 80)
    state.add_condition(group, field=field_id(fields, "Approved"), value=True)
    state.set_sort([SortKey(field_id(fields, "Name"))])
    found = {}
    for version in (2, 1):
        with PlanningClient(demo_server.base_url, token, version=version) as planning:
            calls = preview(state, planning.connection.root, campaigns.id)
            assert calls.call(version) == planning.search_call(campaigns.id, state.request(), today=calls.today)
            found[version] = [record.id for record in planning.send_search(calls.call(version)).records]
    assert found[2] == found[1] and found[2]


def test_copied_core_code_runs_as_pasted_and_finds_the_same_records(client, demo_server, token, campaigns, fields):
    request = SearchRequest(filter=AND(Condition(field_id(fields, "Tags"), "HAS_ALL_OF", ["opt_tags_web"]),
                                       Condition(field_id(fields, "Launch date"), "IS_AFTER",
                                                 RelativeDate(DateAnchor.START_OF_MONTH))),
                            sort=(SortKey(field_id(fields, "Launch date"), "desc"),), paging=Paging.of_page(0, 7))
    call = client.search_call(campaigns.id, request)
    code = SnippetRenderers().render(CORE_LABEL, call)
    assert code == core_snippet(call) and token not in code
    assert f"startOfMonth resolved to {RelativeDate(DateAnchor.START_OF_MONTH).resolve(date.today())}" in code
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, TOKEN_ENV: token}, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    expected = client.search(campaigns.id, request)
    lines = result.stdout.splitlines()
    assert lines[0] == f"{expected.total} records"
    assert [line.split(" ", 1)[0] for line in lines[1:]] == [record.id for record in expected.records]


def test_other_renderers_plug_in_beside_the_core_one(client, campaigns):
    renderers = SnippetRenderers.with_extra({"curl": lambda call: f"curl -X {call.method} '{call.url}'"})
    assert list(renderers) == [CORE_LABEL, "curl"]
    assert renderers.render("curl", client.search_call(campaigns.id)).startswith("curl -X POST 'http")


def test_relative_dates_find_records_relative_to_the_day_of_the_search(demo_server, token, campaigns, fields):
    launch = field_id(fields, "Launch date")
    name = field_id(fields, "Name")
    today = date(2031, 5, 14)
    marker = "relative-dates-probe"
    with PlanningClient(demo_server.base_url, token) as planning:
        for offset in (-10, -3, 0, 4):
            planning.create_record(campaigns.id, {name: f"{marker} {offset}",
                                                  launch: (today + timedelta(days=offset)).isoformat()})
        request = SearchRequest(filter=AND(Condition(name, "CONTAINS", marker),
                                           Condition(launch, "IS_BETWEEN", (RelativeDate(days=-7), RelativeDate()))))
        names = {record.data[name] for record in planning.search(campaigns.id, request, today=today).records}
        call = planning.search_call(campaigns.id, request, today=today)
    assert names == {f"{marker} -3", f"{marker} 0"}
    assert [str(r) for r in call.resolutions] == ["filter.AND[1].value[0]: today-7d → 2031-05-07",
                                                  "filter.AND[1].value[1]: today → 2031-05-14"]
    assert call.body["filter"]["conditions"][1]["value"] == ["2031-05-07", "2031-05-14"]


def test_the_simulator_refuses_a_relative_date_sent_as_such(demo_server, token, campaigns, fields):
    with PlanningClient(demo_server.base_url, token) as planning:
        call = planning.search_call(campaigns.id)
        body = {"filter": {"operator": "AND", "conditions": [
            {"fieldId": field_id(fields, "Launch date"), "condition": "IS", "value": {"relativeDate": "today"}}]}}
        with pytest.raises(errors.ValidationError, match="relative date"):
            planning.connection.call("POST", call.segments, json=body)


def test_a_field_deleted_on_the_server_is_refused_on_its_condition(demo_server, token, campaigns, fields):
    with PlanningClient(demo_server.base_url, token) as planning:
        doomed = planning.create_field(campaigns.id, {"displayName": "Doomed score", "type": "NUMBER"})
        state = BuilderState(BuilderFields.of(planning.fields(campaigns.id)).catalog)
        state.add_condition(field=field_id(fields, "Name"), condition="CONTAINS", value="a")
        group = state.add_group(operator="OR", field=doomed.id)
        target = state.children_of(group)[0]
        state.set_value(target, 5)
        planning.delete_field(doomed.id)
        with pytest.raises(errors.ValidationError) as refused:
            planning.search(campaigns.id, state.request())
        problems = problems_from_error(refused.value, state, 2)
    assert [problem.node for problem in problems] == [target]
    assert "unknown field" in problems[0].message


def test_people_are_found_by_name_in_workfront_and_by_what_planning_answers(demo_server, token, campaigns, fields):
    session = Session("demo", url_template=demo_server.base_url + "/attask/api/{api_version}", api_version="v21.0")
    session.login("admin", "demo")
    book = PeopleBook()
    directory = Directory(ClassicPeople(session), book=book)
    (jordan,) = [person for person in directory.search("jordan") if person.name == "Jordan Avery"]
    assert jordan.id_types == (IdType.WF,)
    owners = field_id(fields, "Owners")
    with PlanningClient(demo_server.base_url, token) as planning:
        by_wf = planning.search(campaigns.id, SearchRequest(filter=AND(Condition(owners, "HAS_ANY_OF",
                                                                                 [jordan.user_id(IdType.WF)]))))
        book.learn_records(planning.search(campaigns.id, SearchRequest(paging=Paging(0, 500))).records)
        assert by_wf.records
        (learned,) = directory.search("Jordan Avery")
        assert learned.wf_id == jordan.wf_id and learned.ims_id  # one person, both ids
        by_ims = planning.search(campaigns.id, SearchRequest(filter=AND(Condition(owners, "HAS_ANY_OF",
                                                                                  [learned.ims_id]))))
    assert [r.id for r in by_ims.records] == [r.id for r in by_wf.records]
    assert directory.names()[learned.ims_id] == "Jordan Avery"


def test_a_search_page_becomes_a_typed_table_that_exports_what_it_shows(client, campaigns, fields):
    projection = [field_id(fields, label) for label in ("Name", "Status", "Budget", "Tags", "Owners", "Approved",
                                                        "Primary channel", "Created at")]
    page = client.search(campaigns.id, SearchRequest(sort=(SortKey(projection[0]),), paging=Paging(0, 10),
                                                     group=(SortKey(projection[1]),)))
    book = PeopleBook()
    book.learn_records(page.records)
    table = result_page(page, fields, projection, client.version, book.names())
    assert [column.kind for column in table.columns] == [
        ValueKind.TEXT, ValueKind.OPTION, ValueKind.CURRENCY, ValueKind.OPTIONS, ValueKind.PEOPLE,
        ValueKind.BOOLEAN, ValueKind.REFERENCES, ValueKind.DATETIME]
    first = table.rows[0]
    status, budget, owners = table.columns[1], table.columns[2], table.columns[4]
    assert display(first.values[status.key], status) in {"Planned", "Active", "On hold", "Complete", "Cancelled"}
    assert display(first.values[budget.key], budget).endswith(" USD")
    assert table.paging == ("page=0&size=10" if client.version == 2 else "offset=0&limit=10")
    assert table.groups and all(group.label.startswith("Status: ") for group in table.groups)
    csv_lines = to_csv(table).splitlines()
    assert csv_lines[0] == "id,Name,Status,Budget,Tags,Owners,Approved,Primary channel,Created at"
    assert len(csv_lines) == 11
    named = [display(row.values[owners.key], owners, table.names) for row in table.rows if row.values.get(owners.key)]
    if client.version == 2:  # v2 audit users carry names, so IMS ids read as names once learned
        assert any("@" not in name for name in named)
    else:  # v1 audit users are bare ids: nothing to learn names from
        assert named and all("@" in name for name in named)
    assert f'"total": {page.total}' in to_json(table)


def test_an_or_root_serialises_for_both_versions(client, campaigns, fields):
    request = SearchRequest(filter=OR(Condition(field_id(fields, "Approved"), "IS", True),
                                      Condition(field_id(fields, "Budget"), "LESS_THAN", 1000)))
    call = client.search_call(campaigns.id, request)
    if client.version == 1:
        assert "$or" in call.body["filters"]
    assert client.send_search(call).total is not None

"""The Planning client against the running simulator: listing, cursors, the same model objects from v1 and v2,
and searches that return the same records whichever version carries them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wfexplorer.core.planning import (
    Field,
    PlanningClient,
    PlanningConnection,
    RecordType,
    SearchRequest,
    Workspace,
)
from wfexplorer.core.planning.filters import AND, OR, Condition, FieldKind, Paging, SortKey, UserId, validate


@pytest.fixture(scope="module")
def v2(demo_server) -> Iterator[PlanningClient]:
    with PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"], version=2) as client:
        yield client


@pytest.fixture(scope="module")
def v1(demo_server) -> Iterator[PlanningClient]:
    with PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"], version=1) as client:
        yield client


@pytest.fixture(scope="module")
def campaigns(v2: PlanningClient) -> RecordType:
    workspace = next(ws for ws in v2.workspaces() if v2.record_types(ws.id))
    return max(v2.record_types(workspace.id), key=lambda rt: len(v2.fields(rt.id)))


def by_name(fields: list[Field]) -> dict[str, Field]:
    return {f.display_name: f for f in fields}


def test_both_versions_list_the_same_workspaces_as_workspace_objects(v1: PlanningClient, v2: PlanningClient):
    new, old = v2.workspaces(), v1.workspaces()
    assert new and all(isinstance(ws, Workspace) for ws in new + old)
    assert [(ws.id, ws.name) for ws in new] == [(ws.id, ws.name) for ws in old]
    assert all(ws.audit.created_at for ws in new)


def test_both_versions_list_the_same_record_types_and_fields(v1: PlanningClient, v2: PlanningClient,
                                                             campaigns: RecordType):
    workspace_id = campaigns.workspace_id
    assert workspace_id
    assert {rt.id for rt in v2.record_types(workspace_id)} == {rt.id for rt in v1.record_types(workspace_id)}
    new, old = v2.fields(campaigns.id), v1.fields(campaigns.id)
    assert [f.id for f in new] == [f.id for f in old]
    assert [f.kind for f in new] == [f.kind for f in old]  # v2 "SINGLE_SELECT" and v1 "single-select" agree
    assert [f.info.allowed_conditions for f in new] == [f.info.allowed_conditions for f in old]


def test_cursor_pages_are_followed_to_the_end(v2: PlanningClient, campaigns: RecordType):
    everything = [f.id for f in v2.fields(campaigns.id)]
    collected, cursor, pages = [], None, 0
    while True:
        page = v2.fields_page(campaigns.id, cursor, limit=5)
        collected += [f.id for f in page.items]
        pages += 1
        if not page.has_more:
            break
        cursor = page.next_cursor
    assert collected == everything
    assert pages == -(-len(everything) // 5)


def test_system_and_lookup_fields_keep_their_real_kinds(v2: PlanningClient, campaigns: RecordType):
    kinds = {f.kind for f in v2.fields(campaigns.id)}
    assert {FieldKind.CREATED_BY, FieldKind.CREATED_AT, FieldKind.UPDATED_AT, FieldKind.LOOKUP} <= kinds
    lookups = [f for f in v2.fields(campaigns.id) if f.kind is FieldKind.LOOKUP]
    assert all(f.info.effective_kind is not None for f in lookups)


def test_record_reads_agree_between_versions(v1: PlanningClient, v2: PlanningClient, campaigns: RecordType):
    first = v2.search(campaigns.id, SearchRequest(paging=Paging(0, 1))).records[0]
    assert v2.record(first.id).data == first.data
    old = v1.record(first.id)
    assert old.id == first.id and old.record_type_id == campaigns.id
    assert old.audit.created_by is not None


def _paged_ids(client: PlanningClient, rt: RecordType, request: SearchRequest) -> list[str]:
    return [r.id for r in client.iter_search(rt.id, request, page_size=7)]


def test_a_filter_sent_as_v2_and_as_v1_finds_the_same_records(v1: PlanningClient, v2: PlanningClient,
                                                              campaigns: RecordType):
    fields = by_name(v2.fields(campaigns.id))
    status = fields["Status"]
    budget = fields["Budget"]
    tree = OR(
        AND(Condition(status.id, "IS_ANY_OF", [status.options[0].name, status.options[1].name]),
            Condition(budget.id, "GREATER_THAN", 50000)),
        Condition(fields["Launch date"].id, "IS_BEFORE", "2027-06-01"),
    )
    assert validate(tree, v2.catalog(campaigns.id)) == []
    request = SearchRequest(filter=tree, sort=(SortKey(fields["Name"].id), SortKey(budget.id, "desc")))
    new = _paged_ids(v2, campaigns, request)
    old = _paged_ids(v1, campaigns, request)
    everything = _paged_ids(v2, campaigns, SearchRequest(sort=request.sort))
    assert new == old
    assert 0 < len(new) < len(everything)


def test_search_pages_are_the_same_slice_in_both_versions(v1: PlanningClient, v2: PlanningClient,
                                                          campaigns: RecordType):
    sort = (SortKey(by_name(v2.fields(campaigns.id))["Name"].id),)
    new = v2.search(campaigns.id, SearchRequest(sort=sort, paging=Paging.of_page(2, 10)))
    old = v1.search(campaigns.id, SearchRequest(sort=sort, paging=Paging(20, 10)))
    assert [r.id for r in new.records] == [r.id for r in old.records]
    assert len(new.records) == 10
    assert new.total == old.total and new.total is not None and new.total > 30
    assert new.page == 2 and new.has_more


def test_iterating_a_search_visits_every_match_once(v2: PlanningClient, campaigns: RecordType):
    sort = (SortKey(by_name(v2.fields(campaigns.id))["Name"].id),)
    total = v2.search(campaigns.id, SearchRequest(paging=Paging(0, 1))).total
    ids = _paged_ids(v2, campaigns, SearchRequest(sort=sort))
    assert len(ids) == len(set(ids)) == total


def test_iterating_a_v1_search_visits_the_same_records_in_the_same_order(v1: PlanningClient, v2: PlanningClient,
                                                                        campaigns: RecordType):
    request = SearchRequest(sort=(SortKey(by_name(v2.fields(campaigns.id))["Name"].id),))
    assert _paged_ids(v1, campaigns, request) == _paged_ids(v2, campaigns, request)


def test_v1_attributes_keep_only_the_named_record_keys(v1: PlanningClient, campaigns: RecordType):
    page = v1.search(campaigns.id, SearchRequest(attributes=("id", "data"), paging=Paging(0, 3)))
    assert len(page.records) == 3
    assert all(set(r.raw) == {"id", "data"} and r.data for r in page.records)


def test_grouping_returns_groups_with_their_record_ids(v1: PlanningClient, v2: PlanningClient,
                                                       campaigns: RecordType):
    status = by_name(v2.fields(campaigns.id))["Status"]
    request = SearchRequest(group=(SortKey(status.id),), paging=Paging(0, 500))
    for client in (v2, v1):
        page = client.search(campaigns.id, request)
        assert page.groups
        assert sum(g.count for g in page.groups) == page.total
        assert {g.field_id for g in page.groups} == {status.id}


def test_projection_trims_record_data_on_v2(v2: PlanningClient, campaigns: RecordType):
    fields = v2.fields(campaigns.id)
    name = by_name(fields)["Name"]
    system = {f.id for f in fields if f.kind in (FieldKind.CREATED_BY, FieldKind.CREATED_AT, FieldKind.UPDATED_BY,
                                                 FieldKind.UPDATED_AT)}
    page = v2.search(campaigns.id, SearchRequest(field_ids=(name.id,), paging=Paging(0, 3)))
    assert page.records and all(name.id in r.data and set(r.data) <= {name.id} | system for r in page.records)
    assert all(r.audit.created_at for r in page.records)  # system fields are always returned


def test_typed_people_ids_find_records_by_workfront_or_ims_id(v2: PlanningClient, campaigns: RecordType):
    created_by = next(f for f in v2.fields(campaigns.id) if f.kind is FieldKind.CREATED_BY)
    record = v2.search(campaigns.id, SearchRequest(paging=Paging(0, 1))).records[0]
    ims_id = record.data[created_by.id]
    plain = v2.search(campaigns.id, SearchRequest(filter=AND(Condition(created_by.id, "IS", ims_id))))
    typed = v2.search(campaigns.id, SearchRequest(filter=AND(Condition(created_by.id, "IS", UserId(ims_id, "IMS")))))
    assert plain.total == typed.total and plain.total and plain.total > 0


def test_saved_view_filters_load_into_the_filter_model(v2: PlanningClient, campaigns: RecordType):
    views = v2.views(campaigns.id)
    filtered = [view for view in views if view.filter]
    assert filtered, "the demo data has a campaigns view with a filter"
    catalog = v2.catalog(campaigns.id)
    for view in filtered:
        group = view.filter_group(catalog)
        assert group.children and validate(group, catalog) == []


def test_a_client_can_run_over_a_connection_built_elsewhere(demo_server):
    connection = PlanningConnection(demo_server.base_url, lambda: demo_server.credentials()["access_token"], "v1")
    client = PlanningClient.over(connection)
    assert client.version == 1 and client.workspaces()

"""The client copes with every variant the documents leave open (the simulator's Planning options): both v2
search envelopes, both not-found codes, problem+json errors, extended field type names, Retry-After on 429,
gateway headers, write conflicts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wfexplorer.core import errors
from wfexplorer.core.planning import PlanningClient, RecordType, SearchRequest
from wfexplorer.core.planning.filters import AND, Condition, FieldKind, Paging, SortKey
from wfexplorer.core.transport import Transport


@pytest.fixture
def options(demo_server) -> Iterator[dict[str, str]]:
    """The session simulator's Planning options, restored after the test."""
    assert demo_server.context is not None
    settings = demo_server.context.settings.planning_options
    saved = dict(settings)
    try:
        yield settings
    finally:
        settings.clear()
        settings.update(saved)


@pytest.fixture(scope="module")
def v2(demo_server) -> Iterator[PlanningClient]:
    with PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"], version=2,
                        transport=Transport(max_retries=0)) as client:
        yield client


@pytest.fixture(scope="module")
def record_type(v2: PlanningClient) -> RecordType:
    workspace = v2.workspaces()[0]
    return max(v2.record_types(workspace.id), key=lambda rt: len(v2.fields(rt.id)))


def _search(v2: PlanningClient, record_type: RecordType):
    name = next(f for f in v2.fields(record_type.id) if f.kind is FieldKind.TEXT)
    status = next(f for f in v2.fields(record_type.id) if f.kind is FieldKind.SINGLE_SELECT)
    request = SearchRequest(filter=AND(Condition(name.id, "IS_NOT_EMPTY")), sort=(SortKey(name.id),),
                            group=(SortKey(status.id),), paging=Paging.of_page(1, 5))
    return v2.search(record_type.id, request)


def test_both_v2_search_envelopes_give_the_same_page(v2, record_type, options):
    spec = _search(v2, record_type)
    options["search_envelope"] = "guide"
    guide = _search(v2, record_type)
    assert isinstance(spec.raw["records"], dict) and isinstance(guide.raw["records"], list)
    assert [r.id for r in guide.records] == [r.id for r in spec.records] and len(spec.records) == 5
    assert (guide.total, guide.offset, guide.limit) == (spec.total, spec.offset, spec.limit) == (spec.total, 5, 5)
    assert [(g.value, g.count) for g in guide.groups] == [(g.value, g.count) for g in spec.groups]


@pytest.mark.parametrize("code", ["ENTITY_WITH_ATTRIBUTE_NOT_FOUND", "NOT_FOUND"])
def test_either_not_found_code_is_kept(v2, options, code):
    options["not_found_code"] = code
    with pytest.raises(errors.NotFoundError) as caught:
        v2.record("Rc0123456789abcdef01234567")
    assert caught.value.error_code == code


def test_problem_json_errors_are_read_like_json_ones(v2, options):
    options["error_content_type"] = "application/problem+json"
    with pytest.raises(errors.NotFoundError) as caught:
        v2.workspace("Ws0123456789abcdef01234567")
    assert caught.value.error_code and caught.value.request_id


def test_extended_field_type_names_give_the_same_kinds(v2, record_type, options):
    enum_kinds = [(f.id, f.kind, f.info.effective_kind) for f in v2.fields(record_type.id)]
    options["field_type_names"] = "extended"
    extended = v2.fields(record_type.id)
    assert [(f.id, f.kind, f.info.effective_kind) for f in extended] == enum_kinds
    assert any(f.raw["type"] == "CREATED_BY" for f in extended)


def test_a_429_carries_the_servers_retry_after(v2, options, demo_faults):
    options["retry_after"] = "2"
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 429
    with pytest.raises(errors.RateLimitedError) as caught:
        v2.workspaces()
    assert caught.value.retry_after == 2


def test_gateway_headers_are_sent_when_the_server_requires_them(demo_server, options):
    options["require_gateway_headers"] = "true"
    token = demo_server.credentials()["access_token"]
    with PlanningClient(demo_server.base_url, token) as bare, pytest.raises(errors.WorkfrontError):
        bare.workspaces()
    headers = {"x-api-key": "wfexplorer", "x-gw-ims-org-id": "DEMO@AdobeOrg"}
    with PlanningClient(demo_server.base_url, token, headers=headers) as client:
        assert client.workspaces()


def test_write_conflicts_are_conflict_errors(v2, record_type, options):
    name = next(f for f in v2.fields(record_type.id) if f.kind is FieldKind.TEXT)
    record = v2.create_record(record_type.id, {name.id: "conflict test"})
    options["conflict_rate"] = "1"
    with pytest.raises(errors.ConflictError) as caught:
        v2.update_record(record.id, {name.id: "changed"})
    assert caught.value.status == 409 and caught.value.error_code
    options["conflict_rate"] = "0"
    v2.delete_record(record.id)

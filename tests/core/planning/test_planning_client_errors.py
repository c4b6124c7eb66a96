"""Planning errors arrive as the shared error tree with the server's code, message, request id and request line,
for v2 problem details and v1 ``{type, report}`` bodies alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wfexplorer.core import errors
from wfexplorer.core.planning import PlanningClient, RecordType, SearchRequest, VersionError
from wfexplorer.core.planning.filters import AND, Condition, FieldKind, UserId
from wfexplorer.core.transport import Transport


def _client(server, version: int, token: object = None, **kwargs) -> PlanningClient:
    return PlanningClient(server.base_url, token or server.credentials()["access_token"], version=version,
                          transport=Transport(max_retries=0), **kwargs)


@pytest.fixture(scope="module", params=[2, 1], ids=["v2", "v1"])
def client(request, demo_server) -> Iterator[PlanningClient]:
    with _client(demo_server, request.param) as planning:
        yield planning


@pytest.fixture(scope="module")
def record_type(demo_server) -> RecordType:
    with _client(demo_server, 2) as v2:
        workspace = v2.workspaces()[0]
        return next(rt for rt in v2.record_types(workspace.id) if len(v2.fields(rt.id)) > 6)


def test_a_missing_record_is_a_not_found_error_with_the_servers_code(client: PlanningClient):
    with pytest.raises(errors.NotFoundError) as caught:
        client.record("Rc0123456789abcdef01234567")
    error = caught.value
    assert error.status == 404
    expected_code = "40401" if client.version == 1 else None
    assert error.error_code == expected_code or (client.version == 2 and error.error_code.isupper())
    assert "Rc0123456789abcdef01234567" in error.message
    assert error.request_id
    assert error.request_line.startswith("GET http://127.0.0.1")


def test_a_wrong_token_is_an_authentication_error(demo_server):
    for version, code in ((2, "UNAUTHORIZED"), (1, "40101")):
        with _client(demo_server, version, token="not-a-token") as planning, pytest.raises(
            errors.AuthenticationError
        ) as caught:
            planning.workspaces()
        assert caught.value.status == 401
        assert caught.value.error_code == code
        assert "not-a-token" not in str(caught.value)


def test_an_expired_token_is_refreshed_once_and_the_call_repeated(demo_server):
    good = demo_server.credentials()["access_token"]
    refreshed = []

    def refresh() -> str:
        refreshed.append(True)
        return good

    with _client(demo_server, 2, token="stale", refresh=refresh) as planning:
        assert planning.workspaces()
    assert refreshed == [True]


def test_a_filter_the_server_refuses_is_a_validation_error_naming_the_spot(client: PlanningClient,
                                                                          record_type: RecordType):
    number = next(f for f in client.fields(record_type.id) if f.kind in (FieldKind.NUMBER, FieldKind.CURRENCY))
    request = SearchRequest(filter=AND(Condition("F_text_is_fine", "IS_EMPTY"),
                                       Condition(number.id, "CONTAINS", "1")))
    with pytest.raises(errors.ValidationError) as caught:
        client.search(record_type.id, request)
    error = caught.value
    assert error.status == 400
    assert error.error_code in ("VALIDATION_FAILED", "40001")
    first, second = ("filter.AND[0]", "filter.AND[1]") if client.version == 2 else ("filters[0]", "filters[1]")
    assert f"{second}" in error.message and "CONTAINS" in error.message
    assert any(spot.startswith(first) for spot in error.field_errors)  # the unknown field is reported too


def test_a_search_v1_cannot_carry_is_refused_before_sending(demo_server, record_type: RecordType):
    with _client(demo_server, 1) as v1:
        owner = next(f for f in v1.fields(record_type.id) if f.kind is FieldKind.CREATED_BY)
        request = SearchRequest(filter=AND(Condition(owner.id, "IS", UserId("abc", "WF"))), field_ids=("F1",))
        with pytest.raises(VersionError) as caught:
            v1.search(record_type.id, request)
        assert set(caught.value.field_errors) == {"filter.AND[0]", "fieldIds"}
        page = v1.search(record_type.id, request, allow_losses=True)  # sent as far as v1 can carry it
        assert page.records == ()


def test_rate_limiting_and_conflicts_map_to_their_classes(demo_server, demo_faults, client: PlanningClient):
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 429
    with pytest.raises(errors.RateLimitedError) as limited:
        client.workspaces()
    assert limited.value.status == 429
    demo_faults.error_status = 409
    with pytest.raises(errors.ConflictError) as conflict:
        client.update_record("Rc0123456789abcdef01234567", {"F": 1})
    assert conflict.value.status == 409
    demo_faults.error_status = 503
    with pytest.raises(errors.ServerError):
        client.workspaces()

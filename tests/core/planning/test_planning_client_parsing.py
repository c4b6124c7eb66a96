"""Reading what a Planning server sends, whatever variant it is: error bodies of both versions (and none),
cursor pages, both v2 search envelopes, bulk responses; odd shapes are protocol errors, never crashes."""

from __future__ import annotations

import json

import pytest
import requests

from wfexplorer.core import errors
from wfexplorer.core.planning import (
    BulkResult,
    CursorPage,
    PlanningConnection,
    SearchPage,
    Workspace,
    error_from_response,
)


def response(status: int, body: object, content_type: str = "application/json", **headers: str) -> requests.Response:
    built = requests.Response()
    built.status_code = status
    built.reason = {400: "Bad Request", 404: "Not Found", 429: "Too Many Requests", 502: "Bad Gateway"}.get(status)
    built._content = body if isinstance(body, bytes) else json.dumps(body).encode()
    built.headers["Content-Type"] = content_type
    built.headers.update(headers)
    built.url = "https://acme.my.workfront.com/maestro/api/v2/records/Rc1?access_token=secret"
    return built


def test_a_v2_problem_detail_keeps_code_detail_request_id_and_field_errors():
    error = error_from_response(response(400, {
        "title": "Validation failed", "status": 400, "detail": "Request validation failed.",
        "errorCode": "VALIDATION_FAILED", "requestId": "req-123",
        "errors": [{"field": "name", "message": "must not be blank", "code": "NotBlank"},
                   {"field": "name", "message": "too short", "code": "Size"}]},
        "application/problem+json"), "PUT")  # fmt: skip
    assert isinstance(error, errors.ValidationError)
    assert (error.status, error.error_code, error.message, error.request_id) == (
        400, "VALIDATION_FAILED", "Request validation failed.", "req-123")
    assert error.field_errors == {"name": ["must not be blank", "too short"]}
    assert error.request_line.startswith("PUT https://acme.my.workfront.com/maestro/api/v2/records/Rc1")
    assert "secret" not in error.request_line


def test_a_v1_error_keeps_its_numeric_type_as_the_code():
    error = error_from_response(response(404, {"type": 40401, "title": "Not found",
                                               "report": {"detailedMessage": "Record 'Rc1' was not found."}},
                                         **{"X-Request-Id": "r-9"}), "GET")
    assert isinstance(error, errors.NotFoundError)
    assert (error.error_code, error.message, error.request_id) == ("40401", "Record 'Rc1' was not found.", "r-9")


def test_an_error_without_a_json_body_still_says_what_happened():
    error = error_from_response(response(502, b"<html>gateway</html>", "text/html"), "GET")
    assert isinstance(error, errors.ServerError)
    assert error.message == "HTTP 502 Bad Gateway" and error.error_code is None


def test_a_429_reads_retry_after():
    error = error_from_response(response(429, {"errorCode": "RATE_LIMIT_EXCEEDED", "detail": "slow down",
                                               "requestId": "x", "title": "t", "status": 429},
                                         **{"Retry-After": "3"}), "GET")
    assert isinstance(error, errors.RateLimitedError) and error.retry_after == 3


def test_a_cursor_page_without_a_next_cursor_is_the_last():
    page = CursorPage.parse({"content": [{"id": "Ws1", "name": "A"}], "cursor": {"hasMore": True}}, Workspace.parse)
    assert page.items[0].name == "A" and not page.has_more and page.next_cursor is None
    with pytest.raises(errors.ProtocolError):
        CursorPage.parse({"items": []}, Workspace.parse)


RECORDS = [{"id": "Rc1", "data": {"F": 1}}, {"id": "Rc2", "data": {"F": 2}}]


def test_the_spec_and_guide_search_envelopes_and_a_bare_page_read_the_same():
    spec = SearchPage.parse_v2({"records": {"content": RECORDS, "totalElements": 12, "number": 3, "size": 2},
                                "groups": [{"fieldId": "F", "value": 1, "recordIds": ["Rc1"], "count": 1}]})
    guide = SearchPage.parse_v2({"records": RECORDS, "page": {"size": 2, "number": 3, "totalElements": 12},
                                 "groups": [{"fieldId": "F", "value": 1, "recordIds": ["Rc1"]}]})
    bare = SearchPage.parse_v2({"content": RECORDS, "totalElements": 12, "number": 3, "size": 2})
    for page in (spec, guide, bare):
        assert [r.id for r in page.records] == ["Rc1", "Rc2"]
        assert (page.total, page.offset, page.limit, page.page, page.has_more) == (12, 6, 2, 3, True)
    assert spec.groups == guide.groups
    with pytest.raises(errors.ProtocolError):
        SearchPage.parse_v2({"records": "nope"})


def test_a_v1_search_answer_reads_total_count():
    page = SearchPage.parse_v1({"records": RECORDS, "groups": [], "totalCount": 2}, offset=0, limit=500)
    assert page.total == 2 and not page.has_more


def test_bulk_results_come_back_in_input_order_with_errors_per_row():
    result = BulkResult.parse({"status": "partial", "requestId": "q", "errors": [], "results": [
        {"requestIndex": 1, "status": "error", "error": {"code": "ENTITY_WITH_ATTRIBUTE_NOT_FOUND", "message": "no"}},
        {"requestIndex": 0, "id": "Rc1", "status": "success", "record": {"id": "Rc1", "data": {}}}]})  # fmt: skip
    assert [(i.index, i.ok, i.id, i.error_code) for i in result.items] == [
        (0, True, "Rc1", None), (1, False, None, "ENTITY_WITH_ATTRIBUTE_NOT_FOUND")]
    assert not result.all_ok and result.request_id == "q"


def test_the_version_can_be_given_as_a_profile_stores_it():
    assert PlanningConnection("https://acme.my.workfront.com", "t", "v1").version == 1
    assert PlanningConnection("https://acme.my.workfront.com/maestro/api", "t", 2).url("records", "Rc 1") == (
        "https://acme.my.workfront.com/maestro/api/v2/records/Rc%201"
    )
    with pytest.raises(ValueError):
        PlanningConnection("https://acme.my.workfront.com", "t", "v3")

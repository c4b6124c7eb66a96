"""Checklist items 1-4 and 42 (planning-api.md §11): routing, Bearer-only auth, error shapes, faults."""

from __future__ import annotations

from planning_http import PlanningHttp

from wfexplorer.demo.faults import Faults
from wfexplorer.demo.server import DemoServer


def test_item01_unknown_path_is_404_and_wrong_method_is_405(api: PlanningHttp) -> None:
    missing = api.get("/v2/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["errorCode"] == "NOT_FOUND"
    wrong = api.request("PATCH", "/v2/record-types/Rt000000000000000000000000/records")
    assert wrong.status_code == 405
    assert "GET" in wrong.headers["Allow"] and "POST" in wrong.headers["Allow"]


def test_item02_missing_bearer_is_401_problem_detail_on_v2(api: PlanningHttp) -> None:
    response = api.get("/v2/workspaces", token=None)
    assert response.status_code == 401
    body = response.json()
    assert body["errorCode"] == "UNAUTHORIZED"
    assert body["status"] == 401


def test_item02_invalid_bearer_is_401_type_report_on_v1(api: PlanningHttp) -> None:
    response = api.get("/v1/workspaces", token="not-a-token")
    assert response.status_code == 401
    body = response.json()
    assert body["type"] == 40101
    assert body["title"]
    assert "invalid" in body["report"]["detailedMessage"].lower()


def test_item02_session_id_and_api_key_are_refused_even_with_a_valid_bearer(api: PlanningHttp) -> None:
    key = api.server.credentials()["api_key"]
    for params in ({"apiKey": key}, {"sessionID": api.token}):
        response = api.get("/v2/workspaces", params=params)
        assert response.status_code == 401
        assert "not supported" in response.json()["detail"]
    basic = api.get("/v2/workspaces", token=None, headers={"Authorization": f"Basic {api.token}"})
    assert basic.status_code == 401


def test_item02_classic_login_session_is_not_a_planning_token_unless_an_option_allows_it(
        opt_api: PlanningHttp) -> None:
    api = opt_api
    context = api.server.context
    assert context is not None
    admin = context.sessions.find_user("admin")
    assert admin is not None
    login_session = context.sessions.create(admin["ID"], origin="login")
    refused = api.get("/v2/workspaces", token=login_session.token)
    assert refused.status_code == 401
    oauth_token = context.sessions.create(admin["ID"], origin="oauth", lifetime=60)
    assert api.get("/v2/workspaces", token=oauth_token.token).status_code == 200
    context.settings.planning_options["accept_login_sessions"] = "true"
    assert api.get("/v2/workspaces", token=login_session.token).status_code == 200


def test_item03_gateway_headers_are_ignored_by_default_and_required_in_strict_mode(opt_api: PlanningHttp) -> None:
    assert opt_api.get("/v2/workspaces", headers={"x-api-key": "abc", "x-gw-ims-org-id": "X@AdobeOrg"}).ok
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["require_gateway_headers"] = "true"
    assert opt_api.get("/v2/workspaces").status_code == 401
    assert opt_api.get("/v2/workspaces", headers={"x-api-key": "abc", "x-gw-ims-org-id": "X@AdobeOrg"}).ok


def test_item04_every_v2_error_has_the_problem_keys_and_a_unique_request_id(api: PlanningHttp) -> None:
    first = api.get("/v2/records/Rc000000000000000000000000")
    second = api.get("/v2/records/Rc000000000000000000000000")
    for response in (first, second):
        body = response.json()
        assert response.status_code == 404
        assert {"title", "status", "detail", "errorCode", "requestId"} <= set(body)
        assert body["requestId"] == response.headers["X-Request-Id"]
    assert first.json()["requestId"] != second.json()["requestId"]
    assert first.json()["title"] == second.json()["title"]


def test_item42_injected_429_is_a_problem_detail_without_retry_after(demo_server: DemoServer, api: PlanningHttp,
                                                                      demo_faults: Faults) -> None:
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 429
    v2 = api.get("/v2/workspaces")
    v1 = api.get("/v1/workspaces")
    demo_faults.reset()
    assert v2.status_code == 429
    assert v2.json()["errorCode"] == "RATE_LIMIT_EXCEEDED"
    assert "Retry-After" not in v2.headers
    assert v1.status_code == 429
    assert v1.json()["type"] == 42901


def test_item42_conflict_rate_answers_409_on_put_and_patch_only(opt_api: PlanningHttp) -> None:
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["conflict_rate"] = "1"
    ws = opt_api.workspace("Events")
    conflict = opt_api.patch(f"/v2/workspaces/{ws['id']}", json={"color": "red"})
    assert conflict.status_code == 409
    assert conflict.json()["errorCode"] == "CONFLICT"
    assert opt_api.get(f"/v2/workspaces/{ws['id']}").status_code == 200


def test_item42_retry_after_can_be_switched_on(opt_api: PlanningHttp, demo_faults: Faults) -> None:
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["retry_after"] = "7"
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 429
    response = opt_api.get("/v2/workspaces")
    demo_faults.reset()
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"


def test_item02_an_ims_client_credentials_token_works_as_bearer(api: PlanningHttp) -> None:
    credentials = api.server.credentials()
    token = api.session.post(api.server.base_url + "/ims/token/v3", timeout=10, data={
        "grant_type": "client_credentials", "client_id": credentials["oauth_client_id"],
        "client_secret": credentials["oauth_client_secret"], "scope": "openid,AdobeID"})
    assert token.status_code == 200, token.text
    response = api.get("/v2/workspaces", token=token.json()["access_token"])
    assert response.status_code == 200
    assert response.json()["content"]

"""Request events carry what the request log shows: one call id per call, redacted parameters, bodies and headers,
the response (capped), its content type, the server's request id and error class/code. Against the simulator."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.core import errors, exchange
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.planning import PlanningClient, SearchRequest
from wfexplorer.core.planning.filters import AND, Condition, Paging
from wfexplorer.core.planning.filters.v2_json import request_to_v2
from wfexplorer.core.transport import RequestEvent, Transport


class Waits:
    """A transport sleep that does not sleep."""

    def __call__(self, seconds: float) -> None:
        return None


def classic(server: Any, events: list[RequestEvent], transport: Transport | None = None, **kwargs: Any) -> Session:
    kwargs.setdefault("api_key", server.credentials()["api_key"])
    session = Session("demo", api_version="v21.0", url_template=base_url_template(server.base_url),
                      transport=transport, use_cache=False, **kwargs)
    session.subscribe(events.append)
    return session


def test_every_attempt_of_a_retried_read_shares_one_call_id_and_the_next_call_gets_another(
        demo_server: Any, demo_faults: Any) -> None:
    events: list[RequestEvent] = []
    session = classic(demo_server, events, Transport(sleep=Waits()))
    demo_faults.error_rate, demo_faults.error_status = 1.0, 503
    done: list[bool] = []

    def heal(_event: RequestEvent) -> None:
        if not done:
            done.append(True)
            demo_faults.error_rate = 0.0

    session.subscribe(heal)
    session.get("/proj/count")
    session.get("/proj/count")
    assert [(event.status, event.attempt) for event in events] == [(503, 1), (200, 2), (200, 1)]
    assert events[0].call_id == events[1].call_id != events[2].call_id
    assert events[0].started_at <= events[1].started_at <= events[2].started_at


def test_a_read_records_its_query_and_headers_with_the_credential_hidden(demo_server: Any) -> None:
    events: list[RequestEvent] = []
    key = demo_server.credentials()["api_key"]
    classic(demo_server, events).search("PROJ", status="CUR", fields=["name"])
    sent, received = events[-1].request, events[-1].response
    assert sent is not None and received is not None
    assert ("status", "CUR") in sent.query and ("fields", "name") in sent.query
    assert sent.header("apiKey") == "***" and key not in repr(events[-1])
    assert sent.body_kind == "none"
    assert received.status == 200 and received.content_type and "json" in received.content_type
    assert received.text is not None and '"data"' in received.text and not received.truncated


def test_a_login_form_is_recorded_as_pairs_without_the_password_and_its_answer_without_the_session(
        demo_server: Any) -> None:
    events: list[RequestEvent] = []
    session = classic(demo_server, events, api_key=None)
    session.login("admin", "demo")
    sent, received = events[-1].request, events[-1].response
    assert sent is not None and received is not None
    assert sent.body_kind == "form" and dict(sent.form) == {"username": "admin", "password": "***"}
    assert session.session_id and session.session_id not in (received.text or "")
    assert '"sessionID": "***"' in (received.text or "")


def test_the_api_key_an_action_returns_is_hidden_in_the_recorded_answer(demo_server: Any) -> None:
    events: list[RequestEvent] = []
    session = classic(demo_server, events, api_key=None)
    key = session.get_api_key("admin", "demo")
    answers = [event.response.text or "" for event in events if event.response is not None]
    assert key and all(key not in text for text in answers)
    assert any('"result": "***"' in text for text in answers)


def test_a_classic_error_records_its_java_class_and_message(demo_server: Any) -> None:
    events: list[RequestEvent] = []
    with pytest.raises(errors.WorkfrontError):
        classic(demo_server, events).get("/proj/noSuchOperation")
    received = events[-1].response
    assert received is not None and received.status == 400
    assert received.error_class and "Exception" in received.error_class
    assert received.error_message and "noSuchOperation" in received.error_message


def test_a_planning_error_records_its_error_code_and_the_server_request_id(demo_server: Any) -> None:
    transport = Transport()
    events: list[RequestEvent] = []
    transport.subscribe(events.append)
    client = PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"], transport=transport)
    with pytest.raises(errors.NotFoundError) as caught:
        client.connection.call("GET", ("records", "no-such-record"))
    received = events[-1].response
    assert received is not None and received.error_code == caught.value.error_code and received.error_code
    assert received.server_request_id == caught.value.request_id == events[-1].server_request_id
    assert events[-1].request is not None and events[-1].request.header("Authorization") == "Bearer ***"


def test_a_planning_json_body_is_recorded_as_json(demo_server: Any) -> None:
    transport = Transport()
    events: list[RequestEvent] = []
    transport.subscribe(events.append)
    client = PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"], transport=transport)
    workspace = client.workspaces()[0]
    record_type = client.record_types(workspace.id)[0]
    request = SearchRequest(filter=AND(Condition("name", "CONTAINS", "a")), paging=Paging.of_page(0, 5))
    client.search(record_type.id, request)
    sent = events[-1].request
    assert sent is not None and sent.body_kind == "json" and sent.json == request_to_v2(request).body
    assert sent.content_type == "application/json"


def test_a_long_answer_is_cut_at_the_limit_and_flagged(demo_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exchange, "RESPONSE_TEXT_LIMIT", 2000)
    events: list[RequestEvent] = []
    classic(demo_server, events).get("/proj/metadata")
    received = events[-1].response
    assert received is not None and received.truncated and received.size > 2000
    assert received.text is not None and len(received.text) == 2000


def test_a_request_that_got_no_answer_records_the_failure_and_what_was_sent(demo_server: Any) -> None:
    transport = Transport(max_retries=0)
    events: list[RequestEvent] = []
    transport.subscribe(events.append)
    with pytest.raises(errors.NetworkError):
        transport.request("GET", "http://127.0.0.1:9/attask/api/v21.0/proj/search", params={"name": "x"})
    assert events[-1].status is None and events[-1].response is None and events[-1].error
    assert events[-1].request is not None and events[-1].request.query == (("name", "x"),)


def test_without_listeners_nothing_is_described(demo_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    described: list[object] = []
    monkeypatch.setattr("wfexplorer.core.transport.describe_request", lambda prepared: described.append(prepared))
    session = Session("demo", api_key=demo_server.credentials()["api_key"], api_version="v21.0",
                      url_template=base_url_template(demo_server.base_url), use_cache=False)
    session.get("/proj/count")
    assert described == []

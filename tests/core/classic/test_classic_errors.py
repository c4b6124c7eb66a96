"""Responses that are not success become typed errors with status, class, message and request line."""

from __future__ import annotations

import socket

import pytest
from classic_canned import CannedServer

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.transport import Transport


def test_html_instead_of_json_is_a_protocol_error_quoting_a_short_snippet(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/search", "<html><body>" + "Maintenance window " * 40 + "</body></html>")
    with pytest.raises(errors.ProtocolError) as caught:
        canned.session().get("/proj/search")
    assert "<html><body>Maintenance window" in caught.value.message
    assert len(caught.value.message) < 250


def test_a_truncated_json_body_is_a_protocol_error(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/search", '{"data":[{"ID":"abc","name":"Proj')
    with pytest.raises(errors.ProtocolError, match="not valid JSON"):
        canned.session().get("/proj/search")


def test_a_json_body_without_data_is_a_protocol_error(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/search", {"result": []})
    with pytest.raises(errors.ProtocolError, match="no 'data'"):
        canned.session().get("/proj/search")


def test_not_logged_in_with_http_401_is_an_authentication_error(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/search", {"error": {"class": "com.attask.common.AuthenticationException",
                                                    "message": "You are not currently logged in."}}, status=401)
    with pytest.raises(errors.AuthenticationError) as caught:
        canned.session().get("/proj/search")
    assert caught.value.status == 401 and caught.value.message == "You are not currently logged in."


def test_an_unknown_field_error_with_http_400_is_a_validation_error_with_class(canned: CannedServer) -> None:
    message = "APIModel V21_0 does not support field foo (Project)"
    canned.answer("GET", "/proj/search", {"error": {"class": "java.lang.IllegalArgumentException",
                                                    "message": message}}, status=400)
    with pytest.raises(errors.ValidationError) as caught:
        canned.session().get("/proj/search", {"fields": "foo"})
    assert caught.value.error_class == "java.lang.IllegalArgumentException" and caught.value.message == message


def test_a_not_found_error_sent_with_200_maps_by_its_java_class(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/x", {"error": {"class": "com.attask.common.NotFoundException", "message": "gone"}})
    with pytest.raises(errors.NotFoundError):
        canned.session().get("/proj/x")


def test_429_is_rate_limited_with_the_retry_after_hint(canned: CannedServer) -> None:
    canned.answer("POST", "/proj", {"error": {"message": "429 Too many concurrent API requests"}}, status=429,
                  headers={"Retry-After": "7"})
    with pytest.raises(errors.RateLimitedError) as caught:
        canned.session().post("/proj", {"name": "x"})
    assert caught.value.retry_after == 7.0
    assert len(canned.requests) == 1, "a write is never retried"


def test_a_server_error_page_is_a_server_error(canned: CannedServer) -> None:
    canned.answer("PUT", "/proj/1", "<h1>Internal Server Error</h1>", status=500)
    with pytest.raises(errors.ServerError, match="Internal Server Error"):
        canned.session().put("/proj/1", {"name": "x"})


def test_the_request_line_of_an_error_never_shows_a_secret(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/search", {"error": {"class": "x", "message": "no"}}, status=400)
    with pytest.raises(errors.WorkfrontError) as caught:
        canned.session().get("/proj/search", {"apiKey": "hunter2", "name": "x"})
    line = caught.value.request_line or ""
    assert line.startswith("POST ") and "hunter2" not in line and "name=x" not in line


def test_a_refused_connection_is_a_network_error_naming_the_host() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    session = Session("x", url_template=f"http://127.0.0.1:{port}/attask/api/{{api_version}}", use_cache=False,
                      transport=Transport(max_retries=0))
    with pytest.raises(errors.NetworkError, match=r"127\.0\.0\.1"):
        session.get("/proj/count")


def test_plain_http_to_a_remote_host_is_refused_before_sending() -> None:
    session = Session("acme", protocol="http", use_cache=False)
    with pytest.raises(errors.ValidationError, match="unencrypted"):
        session.get("/proj/count")


def test_a_truncated_login_answer_is_a_protocol_error_that_never_shows_the_session_id(
        canned: CannedServer) -> None:
    session_id = "f6533722f8a44a298065950f240d3deb"
    canned.answer("POST", "/login", f'{{"data":{{"userID":"5461d7620000029e306908fbf1a469fe","sessionID":"{session_id}')
    with pytest.raises(errors.ProtocolError, match="not valid JSON") as caught:
        canned.session().login("bob", "hunter2")
    assert session_id not in str(caught.value) and "hunter2" not in str(caught.value)
    assert "5461d762" in caught.value.message, "the snippet still shows what the server sent"


@pytest.mark.parametrize(("status", "expected"), [
    (400, errors.ValidationError), (401, errors.AuthenticationError), (403, errors.PermissionError),
    (404, errors.NotFoundError), (409, errors.ConflictError), (410, errors.ValidationError),
    (422, errors.ValidationError), (429, errors.RateLimitedError), (500, errors.ServerError),
    (503, errors.ServerError),
])
def test_each_http_status_gives_its_error_class_with_status_class_message_and_request_line(
        canned: CannedServer, status: int, expected: type[errors.WorkfrontError]) -> None:
    canned.answer("PUT", "/proj/1", {"error": {"class": "com.attask.Some", "message": "refused"}}, status=status,
                  headers={"X-Request-Id": "req-1"})
    with pytest.raises(errors.WorkfrontError) as caught:
        canned.session(api_key="hunter2").put("/proj/1", {"name": "x"})
    error = caught.value
    assert type(error) is expected
    assert (error.status, error.error_class, error.message, error.request_id) == (
        status, "com.attask.Some", "refused", "req-1")
    assert error.request_line == f"PUT {canned.base_url}/attask/api/v21.0/proj/1"
    assert "hunter2" not in str(error)

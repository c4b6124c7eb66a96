"""What the client puts on the wire: credentials in headers, secrets out of URLs, method choice."""

from __future__ import annotations

import json
import logging

import pytest
from classic_canned import CannedServer

from wfexplorer.core.classic import UnknownFieldError


def test_api_key_travels_in_the_apikey_header_only(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/count", {"data": {"count": 3}})
    session = canned.session(api_key="secret-key")
    session.get("/proj/count", {"status": "CUR"})
    sent = canned.requests[-1]
    assert sent.headers.get("Apikey") == "secret-key"
    assert "secret-key" not in json.dumps([sent.query, sent.form, sent.path])


def test_session_id_or_oauth_access_token_travels_in_the_sessionid_header(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/count", {"data": {"count": 3}})
    canned.session(session_id="token-123").get("/proj/count")
    assert canned.requests[-1].headers.get("Sessionid") == "token-123"


def test_login_posts_credentials_in_the_body_and_keeps_session_and_user(canned: CannedServer) -> None:
    canned.answer("POST", "/login", {"data": {"sessionID": "s" * 32, "userID": "u" * 32}})
    canned.answer("GET", "/logout", {"data": {"success": True}})
    session = canned.session()
    session.login("ada", "pa ss")
    login = canned.requests[-1]
    assert login.method == "POST" and login.query == {}
    assert login.form == {"username": ["ada"], "password": ["pa ss"]}
    assert (session.session_id, session.user_id) == ("s" * 32, "u" * 32)
    session.logout()
    assert canned.requests[-1].headers.get("Sessionid") == "s" * 32
    assert session.session_id is None and session.user_id is None


def test_logout_forgets_the_session_even_when_the_server_refuses(canned: CannedServer) -> None:
    canned.answer("GET", "/logout", {"error": {"class": "com.attask.common.AuthenticationException",
                                               "message": "You are not currently logged in."}}, status=401)
    session = canned.session(session_id="expired")
    with pytest.raises(Exception, match="not currently logged in"):
        session.logout()
    assert session.session_id is None


def test_a_read_too_long_for_a_url_goes_as_post_with_method_get(canned: CannedServer) -> None:
    canned.answer("GET", "/task", {"data": []})
    ids = ",".join(f"{n:032x}" for n in range(400))
    canned.session().get("/task", {"id": ids})
    sent = canned.requests[-1]
    assert sent.method == "POST" and sent.form["method"] == ["GET"] and sent.form["id"] == [ids]


def test_a_short_read_is_a_plain_get_with_a_query_string(canned: CannedServer) -> None:
    canned.answer("GET", "/task/search", {"data": []})
    canned.session().get("/task/search", {"name": "x", "$$LIMIT": 5})
    sent = canned.requests[-1]
    assert sent.method == "GET" and sent.query == {"name": ["x"], "$$LIMIT": ["5"]}


def test_request_with_any_other_method_posts_it_as_the_method_parameter(canned: CannedServer) -> None:
    canned.answer("TEST", "/foo", {"data": "some data"})
    assert canned.session().request(method="TEST", path="/foo", params={"what": "now"}) == "some data"
    sent = canned.requests[-1]
    assert sent.method == "POST" and sent.form == {"what": ["now"], "method": ["TEST"]}


def test_post_sends_lists_and_dicts_as_json_and_returns_data(canned: CannedServer) -> None:
    canned.answer("POST", "/something/New", {"data": ["result", 42]})
    result = canned.session().post("/something/New", {"just": "in case", "ids": ["a", "b"], "flag": True})
    assert result == ["result", 42]
    assert canned.requests[-1].form == {"just": ["in case"], "ids": ['["a", "b"]'], "flag": ["true"]}


def test_search_repeats_a_list_value_for_the_in_modifier(reflected: CannedServer) -> None:
    reflected.answer("GET", "/OPTASK/search", {"data": []})
    session = reflected.session()
    session.search(session.api.Issue, status=["NEW", "CLS"], status_Mod="in")
    assert reflected.requests[-1].query["status"] == ["NEW", "CLS"]


def test_search_accepts_python_names_workfront_names_and_descriptors(reflected: CannedServer) -> None:
    reflected.answer("GET", "/OPTASK/search", {"data": []})
    session = reflected.session()
    issue = session.api.Issue
    session.search(issue, fields=[issue.owner, "previous_status"], where={issue.status: "NEW"},
                   previous_status_Mod="isnull", projectID="p" * 32, **{"OR:1:owner:email_addr": "x@y"})
    query = reflected.requests[-1].query
    assert query["status"] == ["NEW"] and query["previousStatus_Mod"] == ["isnull"]
    assert query["projectID"] == ["p" * 32] and query["OR:1:owner:emailAddr"] == ["x@y"]
    assert query["fields"] == ["owner,previousStatus"]


@pytest.mark.parametrize("bad", [{"previous_statu": "x"}, {"owner:emial_addr": "x"}, {"stauts_Mod": "ne"}])
def test_an_unknown_field_name_fails_before_any_request_naming_close_names(
        reflected: CannedServer, bad: dict[str, str]) -> None:
    session = reflected.session()
    issue = session.api.Issue
    before = len(reflected.requests)
    with pytest.raises(UnknownFieldError) as caught:
        session.search(issue, **bad)
    # Only metadata may be read (to check a path's later segments); the search itself is never sent.
    assert [r.path for r in reflected.requests[before:] if not r.path.endswith("/metadata")] == []
    assert caught.value.suggestions, caught.value.message
    assert "did you mean" in caught.value.message


def test_an_unknown_name_in_fields_fails_before_any_request(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue
    before = len(reflected.requests)
    with pytest.raises(UnknownFieldError, match="previousStatus"):
        session.search(issue, fields=["previousStatuss"])
    assert len(reflected.requests) == before


def test_request_events_describe_each_request_without_secrets(canned: CannedServer) -> None:
    canned.answer("GET", "/proj/count", {"data": {"count": 1}})
    session = canned.session(api_key="leaky")
    events = []
    session.subscribe(events.append)
    session.get("/proj/count", {"name": "x"})
    session.get("/proj/count", {"apiKey": "leaky", "name": "x"})
    assert [(event.method, event.status) for event in events] == [("GET", 200), ("POST", 200)]
    assert events[0].url.endswith("/proj/count?name=x")
    assert all("leaky" not in event.url for event in events)
    assert all(event.bytes_received == len('{"data": {"count": 1}}') for event in events)
    assert all(0 < event.duration_ms < 5000 and event.attempt == 1 and event.error is None for event in events)


def test_credential_like_filters_travel_inside_the_filters_json(reflected: CannedServer) -> None:
    reflected.answer("GET", "/USER/count", {"data": {"count": 1}})
    reflected.session().count("USER", username="ada", username_Mod="cieq", name="Ada")
    query = reflected.requests[-1].query
    assert "username" not in query and query["name"] == ["Ada"]
    assert json.loads(query["filters"][0]) == {"username": "ada", "username_Mod": "cieq"}


def test_iter_search_keeps_the_sort_priority_and_adds_id_last() -> None:
    from wfexplorer.core.classic.paths import stable_sort

    assert stable_sort([("status_2_Sort", "desc"), ("name_1_Sort", "asc"), ("x", "1")]) == [
        ("x", "1"), ("name_1_Sort", "asc"), ("status_2_Sort", "desc"), ("ID_3_Sort", "asc")]
    assert stable_sort([("project:name_Sort", "asc")]) == [("project:name_1_Sort", "asc"), ("ID_2_Sort", "asc")]
    assert stable_sort([("ID_Sort", "desc")]) == [("ID_1_Sort", "desc")]


def test_a_secret_parameter_never_goes_into_a_url(canned: CannedServer) -> None:
    canned.answer("GET", "/login", {"data": {"sessionID": "s" * 32, "userID": "u" * 32}})
    canned.session().get("/login", {"username": "ada", "password": "pa ss"})
    sent = canned.requests[-1]
    assert sent.method == "POST" and sent.query == {}
    assert sent.form == {"username": ["ada"], "password": ["pa ss"], "method": ["GET"]}


def test_a_secret_written_into_the_path_never_goes_into_a_url_either(
        canned: CannedServer, caplog: pytest.LogCaptureFixture) -> None:
    canned.answer("GET", "/proj/count", {"data": {"count": 1}})
    session = canned.session()
    caplog.set_level(logging.DEBUG)
    assert session.get("/proj/count?apiKey=leaky&name=x") == {"count": 1}
    assert session.request("GET", f"{session.url}/proj/count?name=y", {"status": "CUR"}) == {"count": 1}
    first, second = canned.requests[-2:]
    assert first.method == "POST" and first.query == {}
    assert first.form == {"apiKey": ["leaky"], "name": ["x"], "method": ["GET"]}
    assert second.method == "GET" and second.query == {"name": ["y"], "status": ["CUR"]}
    assert not [record for record in caplog.records if "leaky" in record.getMessage()]

"""Checklist items 5 to 8 and 38: credentials, /login, /logout, API keys, GET / (classic-api.md §2)."""

from __future__ import annotations

import json
import re

import pytest
import requests
from classic_http_helpers import TIMEOUT, api, data_of, error_of, login

from wfexplorer.demo.server import DemoServer

LOGIN_KEYS = {
    "userID", "sessionID", "versionInformation", "locale", "timeZone", "timeZoneName",
    "iso3Country", "iso3Language", "currency",
}
BAD_LOGIN = "That username/password combination wasn't quite right.  Make sure your caps lock isn't on and try again."


def test_item06_login_returns_the_fixture_key_set(demo_server: DemoServer) -> None:
    response = requests.post(
        f"{api(demo_server)}/login", data={"username": "admin", "password": "demo"}, timeout=TIMEOUT
    )
    data = data_of(response)
    assert set(data) == LOGIN_KEYS
    assert re.fullmatch(r"[0-9a-f]{32}", data["sessionID"])
    assert re.fullmatch(r"[0-9a-f]{32}", data["userID"])
    assert set(data["versionInformation"]) == {
        "currentAPI", "buildNumber", "apiVersions", "lastUpdated", "release", "version"
    }
    assert data["versionInformation"]["apiVersions"]["v4.0"] == "/attask/api/v4.0/"
    assert set(data["currency"]) == {
        "useNegativeSign", "fractionDigits", "symbol", "ID", "groupingSeparator", "decimalSeparator"
    }


def test_item06_login_accepts_query_parameters_and_get(demo_server: DemoServer) -> None:
    response = requests.get(
        f"{api(demo_server)}/login", params={"username": "ADMIN", "password": "demo"}, timeout=TIMEOUT
    )
    assert re.fullmatch(r"[0-9a-f]{32}", data_of(response)["sessionID"])


def test_item06_bad_password_gives_the_exact_message_with_two_spaces(demo_server: DemoServer) -> None:
    response = requests.post(
        f"{api(demo_server)}/login", data={"username": "admin", "password": "wrong"}, timeout=TIMEOUT
    )
    assert response.status_code == 401
    assert error_of(response) == {"class": "com.attask.common.AuthenticationException", "message": BAD_LOGIN}
    assert "\\/" in response.text  # Workfront escapes the slash


def test_item06_unknown_user_gives_the_same_message(demo_server: DemoServer) -> None:
    response = requests.post(
        f"{api(demo_server)}/login", data={"username": "nobody", "password": "demo"}, timeout=TIMEOUT
    )
    assert error_of(response)["message"] == BAD_LOGIN


def test_item05_no_credential_is_not_logged_in(demo_server: DemoServer) -> None:
    response = requests.get(f"{api(demo_server)}/metadata", timeout=TIMEOUT)
    assert response.status_code == 401
    assert error_of(response) == {
        "class": "com.attask.common.AuthenticationException",
        "message": "You are not currently logged in.",
    }


def test_item05_session_header_in_any_case(demo_server: DemoServer) -> None:
    session_id = login(demo_server)
    for header in ("sessionID", "SessionID", "SESSIONID"):
        response = requests.get(f"{api(demo_server)}/metadata", headers={header: session_id}, timeout=TIMEOUT)
        assert "objects" in data_of(response)


def test_item05_session_parameter_in_query_and_form_body(demo_server: DemoServer) -> None:
    session_id = login(demo_server)
    by_query = requests.get(f"{api(demo_server)}/metadata", params={"sessionID": session_id}, timeout=TIMEOUT)
    assert "objects" in data_of(by_query)
    by_body = requests.post(
        f"{api(demo_server)}/metadata", data={"sessionID": session_id, "method": "GET"}, timeout=TIMEOUT
    )
    assert "objects" in data_of(by_body)


def test_item05_cookie_from_login_authenticates_reads_only(demo_server: DemoServer) -> None:
    with requests.Session() as browser:
        login_response = browser.post(
            f"{api(demo_server)}/login", data={"username": "admin", "password": "demo"}, timeout=TIMEOUT
        )
        data_of(login_response)
        assert browser.cookies
        assert "objects" in data_of(browser.get(f"{api(demo_server)}/metadata", timeout=TIMEOUT))
        write = browser.post(f"{api(demo_server)}/proj", data={"name": "cookie only"}, timeout=TIMEOUT)
        assert error_of(write)["message"] == "You are not currently logged in."
        action = browser.get(f"{api(demo_server)}/task/{'0' * 32}/markDone", timeout=TIMEOUT)
        assert error_of(action)["message"] == "You are not currently logged in."


def test_item05_api_key_as_parameter_and_header(demo_server: DemoServer, demo_credentials: dict) -> None:
    key = demo_credentials["api_key"]
    by_param = requests.get(f"{api(demo_server)}/metadata", params={"apiKey": key}, timeout=TIMEOUT)
    assert "objects" in data_of(by_param)
    by_header = requests.get(f"{api(demo_server)}/metadata", headers={"apiKey": key}, timeout=TIMEOUT)
    assert "objects" in data_of(by_header)


def test_item05_api_key_is_not_a_session_id(demo_server: DemoServer, demo_credentials: dict) -> None:
    response = requests.get(
        f"{api(demo_server)}/metadata", headers={"sessionID": demo_credentials["api_key"]}, timeout=TIMEOUT
    )
    assert error_of(response)["message"] == "You are not currently logged in."


def test_item05_demo_token_works_as_session_id_and_bearer(demo_server: DemoServer, demo_credentials: dict) -> None:
    token = demo_credentials["access_token"]
    as_session = requests.get(f"{api(demo_server)}/metadata", headers={"sessionID": token}, timeout=TIMEOUT)
    assert "objects" in data_of(as_session)
    as_bearer = requests.get(
        f"{api(demo_server)}/metadata", headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT
    )
    assert "objects" in data_of(as_bearer)


def test_item05_made_up_session_is_rejected(demo_server: DemoServer) -> None:
    response = requests.get(f"{api(demo_server)}/metadata", headers={"sessionID": "0" * 32}, timeout=TIMEOUT)
    assert response.status_code == 401
    assert error_of(response)["message"] == "You are not currently logged in."


def test_item07_logout_returns_success_and_invalidates_session(demo_server: DemoServer) -> None:
    session_id = login(demo_server)
    response = requests.get(f"{api(demo_server)}/logout", headers={"sessionID": session_id}, timeout=TIMEOUT)
    assert response.json() == {"data": {"success": True}}
    after = requests.get(f"{api(demo_server)}/metadata", headers={"sessionID": session_id}, timeout=TIMEOUT)
    assert error_of(after)["message"] == "You are not currently logged in."


def test_item07_logout_other_sessions_stay_alive(demo_server: DemoServer) -> None:
    first, second = login(demo_server), login(demo_server)
    requests.get(f"{api(demo_server)}/logout", params={"sessionID": first}, timeout=TIMEOUT)
    response = requests.get(f"{api(demo_server)}/metadata", params={"sessionID": second}, timeout=TIMEOUT)
    assert "objects" in data_of(response)


def _key_action(server: DemoServer, action: str, username: str, password: str = "demo") -> requests.Response:
    return requests.put(
        f"{api(server)}/user",
        params={"action": action, "username": username, "password": password, "method": "put"},
        timeout=TIMEOUT,
    )


def test_item08_api_key_lifecycle(fresh_demo_server: DemoServer) -> None:
    server = fresh_demo_server
    user = data_of(requests.post(f"{api(server)}/login", data={"username": "admin", "password": "demo"},
                                 timeout=TIMEOUT))["userID"]
    assert user
    data_of(_key_action(server, "clearApiKey", "admin"))
    assert data_of(_key_action(server, "getApiKey", "admin")) == {"result": ""}
    new_key = data_of(_key_action(server, "generateApiKey", "admin"))["result"]
    assert re.fullmatch(r"[0-9a-f]{32}", new_key)
    assert data_of(_key_action(server, "getApiKey", "admin")) == {"result": new_key}
    works = requests.get(f"{api(server)}/metadata", params={"apiKey": new_key}, timeout=TIMEOUT)
    assert "objects" in data_of(works)
    data_of(_key_action(server, "clearApiKey", "admin"))
    dead = requests.get(f"{api(server)}/metadata", params={"apiKey": new_key}, timeout=TIMEOUT)
    assert error_of(dead)["message"] == "You are not currently logged in."


def test_item08_api_key_action_with_wrong_password_fails(demo_server: DemoServer) -> None:
    response = _key_action(demo_server, "getApiKey", "admin", password="nope")
    assert error_of(response)["message"] == BAD_LOGIN


def test_item38_bare_root_says_you_must_specify_an_action(demo_server: DemoServer) -> None:
    for url in (f"{api(demo_server)}/", api(demo_server)):
        response = requests.get(url, timeout=TIMEOUT)
        assert error_of(response) == {
            "class": "java.lang.UnsupportedOperationException",
            "message": "you must specify an action",
        }
        assert response.status_code == 400


def test_item49_legacy_mode_answers_errors_with_200(fresh_demo_server: DemoServer) -> None:
    assert fresh_demo_server.context is not None
    fresh_demo_server.context.settings.classic_legacy_errors = True
    response = requests.get(f"{api(fresh_demo_server)}/metadata", timeout=TIMEOUT)
    assert response.status_code == 200
    assert error_of(response)["message"] == "You are not currently logged in."


def test_item49_error_statuses_come_from_the_settings(fresh_demo_server: DemoServer) -> None:
    assert fresh_demo_server.context is not None
    fresh_demo_server.context.settings.classic_error_statuses["auth"] = 403
    response = requests.get(f"{api(fresh_demo_server)}/metadata", timeout=TIMEOUT)
    assert response.status_code == 403
    assert json.loads(response.text)["error"]["class"] == "com.attask.common.AuthenticationException"


@pytest.mark.parametrize("shape", ["member", "on-id", "action-param-on-id"])
def test_item08_clear_api_key_answers_success_true_on_every_path(fresh_demo_server: DemoServer, shape: str) -> None:
    server = fresh_demo_server
    session = login(server)
    user_id = data_of(requests.get(f"{api(server)}/user/$$USER", params={"sessionID": session}, timeout=TIMEOUT))["ID"]
    key = data_of(_key_action(server, "generateApiKey", "admin"))["result"]
    path = {
        "member": "/user/clearApiKey",
        "on-id": f"/user/{user_id}/clearApiKey",
        "action-param-on-id": f"/user/{user_id}?action=clearApiKey",
    }[shape]
    response = requests.put(f"{api(server)}{path}", headers={"sessionID": session}, timeout=TIMEOUT)
    assert data_of(response) == {"success": True}
    dead = requests.get(f"{api(server)}/metadata", params={"apiKey": key}, timeout=TIMEOUT)
    assert error_of(dead)["message"] == "You are not currently logged in."


def test_item05_xsrf_header_with_the_login_cookies_authenticates_writes(demo_server: DemoServer) -> None:
    with requests.Session() as browser:
        data_of(browser.post(f"{api(demo_server)}/login", data={"username": "admin", "password": "demo"},
                             timeout=TIMEOUT))
        token = browser.cookies.get("XSRF-TOKEN")
        assert token
        created = browser.post(f"{api(demo_server)}/proj", data={"name": "written with XSRF"},
                               headers={"X-XSRF-TOKEN": token}, timeout=TIMEOUT)
        assert data_of(created)["name"] == "written with XSRF"
        forged = browser.post(f"{api(demo_server)}/proj", data={"name": "forged"},
                              headers={"X-XSRF-TOKEN": "0" * 32}, timeout=TIMEOUT)
        assert error_of(forged)["message"] == "You are not currently logged in."
    without_cookie = requests.post(f"{api(demo_server)}/proj", data={"name": "no cookie"},
                                   headers={"X-XSRF-TOKEN": token}, timeout=TIMEOUT)
    assert error_of(without_cookie)["message"] == "You are not currently logged in."

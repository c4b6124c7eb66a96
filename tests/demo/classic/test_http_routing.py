"""Checklist items 1 to 4, 11, 12 and 48 at the HTTP level: versions, paths, method override, parameters."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from classic_http_helpers import TIMEOUT, api, data_of, error_of, login

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def session_id(demo_server: DemoServer) -> str:
    return login(demo_server)


@pytest.mark.parametrize("version", ["v4.0", "v15.0", "v21.0", "unsupported", "api-unsupported", "api-internal"])
def test_item01_every_version_path_is_served(demo_server: DemoServer, session_id: str, version: str) -> None:
    response = requests.get(f"{api(demo_server, version)}/proj/metadata", params={"sessionID": session_id},
                            timeout=TIMEOUT)
    assert data_of(response)["objCode"] == "PROJ"


def test_item01_api_unsupported_also_under_api(demo_server: DemoServer, session_id: str) -> None:
    response = requests.get(f"{demo_server.base_url}/attask/api/api-unsupported/proj/metadata",
                            params={"sessionID": session_id}, timeout=TIMEOUT)
    assert data_of(response)["objCode"] == "PROJ"


@pytest.mark.parametrize("path", ["/attask/api/v99.0/proj/metadata", "/attask/api/v3.7/metadata",
                                  "/attask/api/proj/metadata", "/attask/api-asp/metadata", "/attask/"])
def test_item01_unknown_versions_are_rejected(demo_server: DemoServer, session_id: str, path: str) -> None:
    response = requests.get(f"{demo_server.base_url}{path}", params={"sessionID": session_id}, timeout=TIMEOUT)
    assert response.status_code == 404
    assert "Unknown API version" in error_of(response)["message"]


@pytest.mark.parametrize("name", ["proj", "PROJ", "Project", "project", "pRoJeCt"])
def test_item02_object_paths_are_case_insensitive_codes_and_aliases(
    demo_server: DemoServer, session_id: str, name: str
) -> None:
    response = requests.get(f"{api(demo_server)}/{name}/metadata", params={"sessionID": session_id},
                            timeout=TIMEOUT)
    assert data_of(response)["objCode"] == "PROJ"


def test_item02_issue_alias_reaches_optask(demo_server: DemoServer, session_id: str) -> None:
    for name in ("issue", "optask", "OPTASK"):
        response = requests.get(f"{api(demo_server)}/{name}/metadata", params={"sessionID": session_id},
                                timeout=TIMEOUT)
        assert data_of(response)["objCode"] == "OPTASK"


def test_item02_unknown_object_type_is_a_workfront_error(demo_server: DemoServer, session_id: str) -> None:
    response = requests.get(f"{api(demo_server)}/nosuchthing/search", params={"sessionID": session_id},
                            timeout=TIMEOUT)
    assert response.status_code == 404
    assert "Unknown object type" in error_of(response)["message"]


def test_item03_method_override_in_query_and_body_any_case(demo_server: DemoServer, session_id: str) -> None:
    by_query = requests.post(f"{api(demo_server)}/proj/metadata",
                             params={"method": "get", "sessionID": session_id}, timeout=TIMEOUT)
    assert data_of(by_query)["objCode"] == "PROJ"
    by_body = requests.post(f"{api(demo_server)}/logout", data={"method": "GeT", "sessionID": login(demo_server)},
                            timeout=TIMEOUT)
    assert data_of(by_body) == {"success": True}


def test_item03_unknown_method_override_is_an_error(demo_server: DemoServer, session_id: str) -> None:
    response = requests.get(f"{api(demo_server)}/proj/metadata",
                            params={"method": "PATCH", "sessionID": session_id}, timeout=TIMEOUT)
    assert response.status_code == 400
    assert "method" in error_of(response)["message"].lower()


def test_item04_query_string_wins_over_body(demo_server: DemoServer, session_id: str) -> None:
    # the body's sessionID is dead; the query's is live and must win
    response = requests.post(f"{api(demo_server)}/metadata", params={"sessionID": session_id, "method": "GET"},
                             data={"sessionID": "f" * 32}, timeout=TIMEOUT)
    assert "objects" in data_of(response)


def test_item51_leading_space_content_type_is_parsed(demo_server: DemoServer, session_id: str) -> None:
    # requests refuses such a header; python-workfront sends it through urllib, so do the same
    body = f"method=GET&sessionID={session_id}&fields=operations".encode()
    request = urllib.request.Request(
        f"{api(demo_server)}/proj/metadata",
        body,
        {"Content-Type": " application/x-www-form-urlencoded;charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        payload = json.loads(response.read())
    assert "add" in payload["data"]["operations"]


def test_item11_success_and_error_envelopes_never_mix(demo_server: DemoServer, session_id: str) -> None:
    ok = requests.get(f"{api(demo_server)}/metadata", params={"sessionID": session_id}, timeout=TIMEOUT)
    assert set(ok.json()) == {"data"}
    bad = requests.get(f"{api(demo_server)}/metadata", timeout=TIMEOUT)
    assert set(bad.json()) == {"error"}
    assert {"class", "message"} <= set(bad.json()["error"])


def test_item12_output_is_ascii_with_escaped_slashes(demo_server: DemoServer, session_id: str) -> None:
    response = requests.get(f"{api(demo_server)}/metadata", params={"sessionID": session_id}, timeout=TIMEOUT)
    raw = response.content
    assert raw.isascii()
    assert b"http:\\/\\/" in raw
    assert b"://" not in raw


def test_item04_nul_byte_and_bad_utf8_get_workfront_errors(demo_server: DemoServer, session_id: str) -> None:
    nul = requests.get(f"{api(demo_server)}/proj/search", params={"sessionID": session_id, "name": "a\x00b"},
                       timeout=TIMEOUT)
    assert nul.status_code == 400
    assert "NUL" in error_of(nul)["message"]
    bad = requests.get(f"{api(demo_server)}/proj/search?sessionID={session_id}&name=%ff%fe", timeout=TIMEOUT)
    assert bad.status_code == 400
    assert "UTF-8" in error_of(bad)["message"]


def test_item48_injected_429_is_a_classic_error(demo_server: DemoServer, demo_faults) -> None:
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 429
    response = requests.get(f"{api(demo_server)}/metadata", timeout=TIMEOUT)
    assert response.status_code == 429
    assert error_of(response)["message"] == "429 Too many concurrent API requests"


def test_item48_more_requests_in_flight_than_allowed_get_429(demo_server: DemoServer, demo_faults) -> None:
    demo_faults.max_in_flight = 2
    demo_faults.latency_ms = 300
    with ThreadPoolExecutor(6) as pool:
        responses = list(pool.map(lambda _: requests.get(f"{api(demo_server)}/metadata", timeout=TIMEOUT), range(6)))
    limited = [response for response in responses if response.status_code == 429]
    assert limited
    assert all(error_of(response)["message"] == "429 Too many concurrent API requests" for response in limited)
    assert "Retry-After" not in limited[0].headers


@pytest.mark.parametrize(("version", "token"), [("api-internal", "INTERNAL"), ("v17.0", "V17_0"),
                                                ("unsupported", "UNSUPPORTED")])
def test_item01_version_token_appears_in_error_text(
    demo_server: DemoServer, session_id: str, version: str, token: str
) -> None:
    response = requests.get(f"{api(demo_server, version)}/optask/search",
                            params={"sessionID": session_id, "fields": "projectid"}, timeout=TIMEOUT)
    assert error_of(response)["message"] == f"APIModel {token} does not support field projectid (OpTask)"
    create = requests.post(f"{api(demo_server, version)}/proj", params={"sessionID": session_id},
                           json={"name": "x", "bogusField": 1}, timeout=TIMEOUT)
    assert error_of(create)["message"] == f"APIModel {token} does not support field bogusField (Project)"


def test_item04_nul_byte_in_the_path_is_refused(demo_server: DemoServer, session_id: str) -> None:
    response = requests.get(f"{api(demo_server)}/pr%00oj/search", params={"sessionID": session_id}, timeout=TIMEOUT)
    assert response.status_code == 400
    assert "NUL" in error_of(response)["message"]

"""Issue 15 §2 and §3: inputs that once reached the last-resort handler get Workfront's specific errors.

Lone surrogates are refused on input by both APIs; date wildcards beyond datetime's range, ``filters``
nested 5,000 levels deep and request lines over 64 KB are answered in the API's error shape.
"""

from __future__ import annotations

import json
import logging

import pytest
import requests
from classic_http_helpers import TIMEOUT, Client, data_of, error_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


def test_a_lone_surrogate_in_a_created_name_is_a_validation_error(client: Client) -> None:
    response = client.post("/proj", data='{"name": "bad \\ud800 name"}', headers={"Content-Type": "application/json"})

    assert response.status_code == 400
    error = error_of(response)
    assert error["class"] == "java.lang.IllegalArgumentException"
    assert "\\ud800 is a lone UTF-16 surrogate" in error["message"]
    assert client.count("proj", name="bad \ufffd name") == 0


def test_a_lone_surrogate_in_an_edit_leaves_the_record_unchanged(client: Client) -> None:
    project = client.new_project("Surrogate edit target")
    response = client.put(f"/proj/{project['ID']}", params={"updates": '{"name": "x\\udfff"}'})

    assert response.status_code == 400
    assert data_of(client.get(f"/proj/{project['ID']}"))["name"] == "Surrogate edit target"


def test_a_pair_of_surrogates_is_an_ordinary_character(client: Client) -> None:
    project = data_of(client.post("/proj", data='{"name": "tent \\ud83c\\udfd5"}',
                                  headers={"Content-Type": "application/json"}))
    assert project["name"] == "tent \U0001f3d5"


def test_planning_refuses_a_lone_surrogate_in_a_body(demo_server: DemoServer) -> None:
    token = demo_server.credentials()["access_token"]
    response = requests.post(f"{demo_server.base_url}/maestro/api/v2/workspaces", timeout=TIMEOUT,
                             data='{"name": "ws \\ud800"}',
                             headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})

    assert response.status_code == 400
    body = response.json()
    assert body["errorCode"] == "VALIDATION_FAILED" and "lone UTF-16 surrogate" in body["detail"]


@pytest.mark.parametrize("wildcard", ["$$TODAY+999999999y", "$$NOW+1000000000h", "$$TODAYe+99999999999999999999d",
                                      "$$TODAY-5000y", "$$TODAYbm+99999999m"])
def test_a_date_wildcard_beyond_the_calendar_is_an_unparsable_date(client: Client, wildcard: str,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        response = client.get("/proj/search", params={"entryDate": wildcard})

    assert response.status_code == 400
    error = error_of(response)
    assert error["class"] == "java.lang.IllegalArgumentException"
    assert error["message"].startswith(f"Unable to parse date '{wildcard}'")
    assert not [record for record in caplog.records if record.exc_info]


@pytest.mark.parametrize("nested", ['{"name": ' + "[" * 5000 + "]" * 5000 + "}",
                                    '{"a": ' * 5000 + "1" + "}" * 5000])
def test_filters_nested_5000_deep_are_invalid_json(client: Client, nested: str) -> None:
    response = client.post("/proj/search", data={"method": "GET", "filters": nested})

    assert response.status_code == 400
    assert error_of(response)["message"] == "Invalid JSON in filters: nested too deeply"


def test_a_request_line_over_64_kb_gets_the_classic_error_shape(client: Client) -> None:
    response = client.get("/proj/search", params={"name": "x" * 70_000})

    assert response.status_code == 414
    assert response.headers["Content-Type"].startswith("application/json")
    error = error_of(response)
    assert error["class"] == "java.lang.IllegalArgumentException" and "Request-URI Too Long" in error["message"]


@pytest.mark.parametrize(("version", "shape"), [("v2", "detail"), ("v1", "report")])
def test_a_request_line_over_64_kb_gets_the_planning_error_shape(demo_server: DemoServer, version: str,
                                                                 shape: str) -> None:
    response = requests.get(f"{demo_server.base_url}/maestro/api/{version}/records/search",
                            params={"q": "x" * 70_000}, timeout=TIMEOUT)

    assert response.status_code == 414
    body = response.json()
    assert shape in body
    assert "Request-URI Too Long" in json.dumps(body)


def test_the_server_still_answers_after_an_overlong_request_line(client: Client) -> None:
    client.get("/proj/search", params={"name": "x" * 70_000})
    assert client.count("proj") > 0

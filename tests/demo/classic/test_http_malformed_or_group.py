"""A malformed OR group (``OR:x:name=a``) is refused like an unknown field, not answered with no rows (issue 14 §5)."""

from __future__ import annotations

import pytest
import requests
from classic_http_helpers import TIMEOUT, api, error_of, login

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def session_id(demo_server: DemoServer) -> str:
    return login(demo_server)


def _get(server: DemoServer, session_id: str, path: str, params: list[tuple[str, str]]) -> requests.Response:
    return requests.get(f"{api(server)}{path}", params=params, headers={"sessionID": session_id}, timeout=TIMEOUT)


@pytest.mark.parametrize("operation", ["/task/search", "/task/count", "/task/report"])
@pytest.mark.parametrize("key", ["OR:x:name", "OR::name", "or:one:name"])
def test_a_group_that_is_not_numbered_is_refused_with_the_unknown_field_error(
    demo_server: DemoServer, session_id: str, operation: str, key: str
) -> None:
    unknown = _get(demo_server, session_id, operation, [("nonsense", "a")])
    malformed = _get(demo_server, session_id, operation, [(key, "a")])
    assert malformed.status_code == unknown.status_code == 400
    error = error_of(malformed)
    assert error["class"] == error_of(unknown)["class"] == "java.lang.IllegalArgumentException"
    assert error["message"].startswith(f"APIModel V21_0 does not support field {key[:2]}")
    assert error["message"].endswith("(Task)")


def test_a_malformed_or_sort_key_is_refused_too(demo_server: DemoServer, session_id: str) -> None:
    response = _get(demo_server, session_id, "/task/search", [("OR:x:name_Sort", "asc")])
    assert response.status_code == 400
    assert "does not support field OR" in error_of(response)["message"]


def test_a_numbered_or_group_still_finds_its_rows(demo_server: DemoServer, session_id: str) -> None:
    first = _get(demo_server, session_id, "/task/search", [("$$LIMIT", "1"), ("ID_Sort", "asc")]).json()["data"][0]
    found = _get(demo_server, session_id, "/task/search", [("OR:1:ID", first["ID"]), ("OR:2:ID", "0" * 32)])
    assert [row["ID"] for row in found.json()["data"]] == [first["ID"]]

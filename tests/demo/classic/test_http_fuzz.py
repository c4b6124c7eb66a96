"""Item 11 under fire: random paths, verbs, parameters and bodies always get an envelope, never a 5xx.

Hostile values (issue 15) are mixed in: request lines over 64 KB, nesting 5,000 deep, escaped lone
surrogates and date wildcards beyond the calendar; none may reach the last-resort handler. Requests come
from a user of each access level, so refusals (403) are fuzzed too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
import requests
from classic_http_helpers import TIMEOUT, api, login
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wfexplorer.demo.server import DemoServer

SEGMENTS = st.sampled_from(
    ["proj", "task", "OPTASK", "user", "issue", "nosuch", "search", "count", "report", "metadata", "batch",
     "upload", "login", "logout", "markDone", "share", "projectStatuses", "$$USER", "0" * 32, "%00", "..", "a/b"]
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
HOSTILE = st.sampled_from([
    "x" * 70_000,  # a request line over 64 KB (issue 15 §3)
    "[" * 5000 + "]" * 5000,  # nesting deeper than the JSON parser's recursion limit
    '{"a": ' * 5000 + "1" + "}" * 5000,
    '{"name": "\\ud800"}', '"\\udfff"', '["\\ud800"]',  # JSON escapes of lone surrogates (issue 15 §2)
    "$$TODAY+999999999y", "$$NOW+1000000000h", "$$TODAYe+99999999999999999999d", "$$TODAYbm-99999999m",
])
VALUES = st.one_of(TEXT, HOSTILE)
PARAM_NAMES = st.sampled_from(
    ["name", "name_Mod", "status", "fields", "updates", "$$LIMIT", "$$FIRST", "id", "ID", "method", "action",
     "atomic", "force", "copySourceID", "uri", "map", "filters", "OR:1:name", "EXISTS:A:$$OBJCODE",
     "status_GroupBy", "DE:Budget Code", "projectID", "assignments", "options"]
)
BODIES = st.one_of(
    st.none(),
    st.binary(max_size=40),
    HOSTILE.filter(lambda text: len(text) < 70_000),
    st.builds(json.dumps, st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                                       lambda inner: st.lists(inner, max_size=3)
                                       | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6)),
)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    """A private simulator: random DELETEs with force=true must not eat the shared one's data."""
    with DemoServer(tmp_path_factory.mktemp("fuzz"), scale=0.05) as server:
        yield server


@settings(max_examples=int(os.environ.get("WFX_FUZZ_EXAMPLES", "60")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    verb=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    segments=st.lists(SEGMENTS, min_size=0, max_size=3),
    params=st.lists(st.tuples(PARAM_NAMES, VALUES), max_size=5),
    body=BODIES,
    json_type=st.booleans(),
    username=st.sampled_from(["admin", "planner", "worker", "reviewer", "requestor"]),
)
def test_item11_random_requests_always_get_an_envelope(
    fuzz_server: DemoServer, verb: str, segments: list[str], params: list[tuple[str, str]], body: object,
    json_type: bool, username: str,
) -> None:
    session_id = _session(fuzz_server, username)
    headers = {"sessionID": session_id}
    if body is not None:
        headers["Content-Type"] = "application/json" if json_type else "application/x-www-form-urlencoded"
    url = f"{api(fuzz_server)}/{'/'.join(segments)}"
    response = requests.request(verb, url, params=params, data=body, headers=headers, timeout=TIMEOUT)
    assert response.status_code < 500, response.text
    if verb != "HEAD":
        payload = response.json()
        assert len(payload) == 1 and next(iter(payload)) in ("data", "error"), payload
        if "error" in payload:
            assert payload["error"]["message"]
            assert "could not be processed" not in payload["error"]["message"], (verb, url, params, body)


_SESSIONS: dict[tuple[str, str], str] = {}


def _session(server: DemoServer, username: str) -> str:
    # logout may be among the random requests: keep a live session for each example (and each access level)
    key = (server.base_url, username)
    session_id = _SESSIONS.get(key)
    check = requests.get(f"{api(server)}/proj/count", headers={"sessionID": session_id or ""}, timeout=TIMEOUT)
    if session_id is None or "error" in check.json():
        session_id = _SESSIONS[key] = login(server, username=username)
    return session_id

"""The console's core: requests opened from the log, sent through the classic session or the Planning client,
refused on a read-only profile, kept in a per-profile history without secrets, and paths completed from metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.console import (
    ConsoleHistory,
    ConsoleRequest,
    ReadOnlyRefusal,
    codes_to_describe,
    request_from_entry,
    send,
    suggest_paths,
)
from wfexplorer.core.planning import PlanningClient
from wfexplorer.core.requestlog import RequestLog


@pytest.fixture(scope="module")
def logged(demo_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, PlanningClient,
                                                                                          RequestLog]]:
    log = RequestLog()
    session = Session("demo", api_key=demo_server.credentials()["api_key"], api_version="v21.0",
                      url_template=base_url_template(demo_server.base_url),
                      cache_dir=tmp_path_factory.mktemp("cache"))
    session.subscribe(log.add)
    planning = PlanningClient(demo_server.base_url, demo_server.credentials()["access_token"],
                              transport=session.transport)
    yield session, planning, log
    session.close()


def test_a_logged_classic_read_opens_as_the_same_workfront_call_and_resends_the_same_answer(logged: Any) -> None:
    session, planning, log = logged
    first = session.get("/proj/search", {"status": "CUR", "fields": "name"})
    request = request_from_entry(log.entries()[-1])
    assert request == ConsoleRequest("classic", "GET", "/proj/search", (("status", "CUR"), ("fields", "name")))
    assert send(request, session=session, planning=planning).data == first


def test_a_long_read_sent_as_post_opens_as_the_get_it_was(logged: Any) -> None:
    session, _, log = logged
    session.search("PROJ", name="x" * 7000)
    assert log.entries()[-1].method == "POST"
    request = request_from_entry(log.entries()[-1])
    assert request.method == "GET" and request.path.lower() == "/proj/search"
    assert ("method", "GET") not in request.params and ("name", "x" * 7000) in request.params


def test_a_logged_planning_request_opens_with_its_json_body_and_resends(logged: Any) -> None:
    session, planning, log = logged
    workspace = planning.workspaces()[0]
    record_type = planning.record_types(workspace.id)[0]
    reply = planning.connection.call("POST", ("record-types", record_type.id, "records", "search"),
                                     params={"page": 0, "size": 3}, json={}, send_json=True)
    request = request_from_entry(log.entries()[-1])
    assert request.api == "planning" and request.path == f"/record-types/{record_type.id}/records/search"
    assert json.loads(request.body) == {} and dict(request.params) == {"page": "0", "size": "3"}
    resent = send(request, session=session, planning=planning)
    assert resent.status == 200 and resent.data == reply.body


def test_a_planning_path_may_name_the_connections_version_but_not_another(logged: Any) -> None:
    _, planning, _ = logged
    assert send(ConsoleRequest("planning", "GET", "/v2/workspaces"), planning=planning).status == 200
    with pytest.raises(errors.ValidationError, match="speaks Planning v2"):
        send(ConsoleRequest("planning", "GET", "/v1/workspaces"), planning=planning)


def test_a_request_with_problems_is_not_sent_and_says_what_to_fix(logged: Any) -> None:
    session, planning, log = logged
    before = len(log)
    with pytest.raises(errors.ValidationError) as caught:
        send(ConsoleRequest("planning", "POST", "/workspaces", body="{not json"), planning=planning)
    assert "not valid JSON" in caught.value.message and "body" in caught.value.field_errors
    with pytest.raises(errors.ValidationError, match="parameters, not a JSON body"):
        send(ConsoleRequest("classic", "POST", "/proj", body='{"name": "x"}'), session=session)
    assert len(log) == before


def test_a_read_only_console_refuses_writes_before_sending_and_still_reads(logged: Any) -> None:
    session, planning, log = logged
    before = len(log)
    for request in (ConsoleRequest("classic", "POST", "/proj", (("name", "Not created"),)),
                    ConsoleRequest("classic", "assignUsers", "/proj/123"),
                    ConsoleRequest("planning", "DELETE", "/records/abc")):
        with pytest.raises(ReadOnlyRefusal, match="read-only"):
            send(request, session=session, planning=planning, read_only=True)
    assert len(log) == before
    assert send(ConsoleRequest("classic", "GET", "/proj/count"), session=session, read_only=True).data["count"] >= 0
    assert not ConsoleRequest("planning", "POST", "/record-types/x/records/search").is_write


def test_a_classic_error_comes_back_as_the_error_tree(logged: Any) -> None:
    session, _, _ = logged
    with pytest.raises(errors.WorkfrontError) as caught:
        send(ConsoleRequest("classic", "GET", "/proj/noSuchOperation"), session=session)
    assert caught.value.error_class and "noSuchOperation" in caught.value.message


def test_the_history_keeps_requests_per_profile_newest_first_without_secrets(tmp_path: Path) -> None:
    history = ConsoleHistory(tmp_path, "Acme production")
    history.add(ConsoleRequest("classic", "POST", "/login", (("username", "bob"), ("password", "hunter2-secret"))))
    history.add(ConsoleRequest("planning", "POST", "/x", body='{"client_secret": "cs-123456789", "a": 1}'))
    history.add(ConsoleRequest("classic", "GET", "/proj/count"))
    history.add(ConsoleRequest("classic", "POST", "/login", (("username", "bob"), ("password", "other-secret"))))
    text = history.path.read_text(encoding="utf-8")
    assert "hunter2-secret" not in text and "other-secret" not in text and "cs-123456789" not in text
    again = ConsoleHistory(tmp_path, "Acme production")
    assert [item.request.path for item in again.items()] == ["/login", "/proj/count", "/x"]
    assert dict(again.items()[0].request.params)["password"] == "***"
    assert ConsoleHistory(tmp_path, "Acme sandbox").items() == []
    assert ConsoleHistory(tmp_path, "Acme sandbox").path != history.path


def test_a_damaged_history_is_set_aside_not_overwritten_and_the_console_starts_afresh(tmp_path: Path) -> None:
    history = ConsoleHistory(tmp_path, "p")
    history.add(ConsoleRequest("classic", "GET", "/proj/count"))
    history.path.write_text("{ damaged", encoding="utf-8")
    reopened = ConsoleHistory(tmp_path, "p")
    assert reopened.items() == [] and reopened.problem and "damaged" in reopened.problem
    kept = list(history.path.parent.glob("*.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ damaged"
    reopened.add(ConsoleRequest("classic", "GET", "/user/count"))
    assert [item.request.path for item in ConsoleHistory(tmp_path, "p").items()] == ["/user/count"]


def test_the_history_keeps_at_most_its_limit(tmp_path: Path) -> None:
    history = ConsoleHistory(tmp_path, "p", limit=3)
    for n in range(5):
        history.add(ConsoleRequest("classic", "GET", f"/proj/{n}"))
    assert [item.request.path for item in history.items()] == ["/proj/4", "/proj/3", "/proj/2"]


def test_paths_complete_object_codes_operations_named_queries_and_actions(logged: Any) -> None:
    session, _, _ = logged
    objects = session.metadata.objects()
    assert "/proj" in suggest_paths("/pro", objects, {})
    assert "/login" in suggest_paths("/lo", objects, {})
    assert codes_to_describe("/proj/", objects) == ["PROJ"]
    described = {"PROJ": session.metadata.describe("PROJ")}
    assert suggest_paths("/proj/se", objects, described) == ["/proj/search"]
    actions = suggest_paths("/proj/ID123/", objects, described)
    assert actions and all(path.startswith("/proj/ID123/") for path in actions)
    assert set(described["PROJ"].actions) == {path.rsplit("/", 1)[1] for path in actions}
    assert suggest_paths("/nosuchcode/", objects, described) == []

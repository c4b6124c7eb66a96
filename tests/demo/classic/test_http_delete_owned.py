"""Checklist 39: a delete takes its owned rows along; only records that merely refer to it block it.

Workfront soft-deletes a project, task or issue into the recycle bin together with what it owns
(comments, documents, assignments, subtasks…; restoring brings them all back); hours are kept
on the project or as general hours. Only other records referring to the object ask for ``force``.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any

import pytest
from classic_http_helpers import Client, data_of, error_of

from wfexplorer.demo.classic.deleting import KEPT_HOURS, OWNED, _dependant_collections
from wfexplorer.demo.classic.schema import object_def
from wfexplorer.demo.server import DemoServer
from wfexplorer.demo.store import Store

FORCE_MESSAGE = "is referenced by other objects. Please use force delete."


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


@pytest.fixture(scope="module")
def me(client: Client) -> str:
    return str(data_of(client.get("/user/$$USER"))["ID"])


def _store(client: Client) -> Store:
    return client.server.context.store


def _comment(client: Client, code: str, object_id: str, text: str) -> dict[str, Any]:
    """Add a comment the way python-workfront's add_comment does (POST /note, form body)."""
    return dict(data_of(client.post("/note", data={"noteObjCode": code, "objID": object_id, "noteText": text})))


def _gone(client: Client, code: str, object_id: str) -> bool:
    return client.get(f"/{code}/{object_id}").status_code == 404


def test_item39_an_issue_with_comments_is_soft_deleted_with_them(client: Client) -> None:
    project = client.new_project("Delete issue with comments")
    issue = data_of(client.post("/optask", json={"name": "Commented issue", "projectID": project["ID"]}))
    note = _comment(client, "OPTASK", issue["ID"], "a comment before the delete")
    reply = data_of(
        client.post(
            "/note",
            json={"noteObjCode": "OPTASK", "objID": issue["ID"], "noteText": "reply", "parentNoteID": note["ID"]},
        )
    )
    assert data_of(client.delete(f"/optask/{issue['ID']}")) == {"success": True}
    assert _gone(client, "optask", issue["ID"])
    assert _gone(client, "note", note["ID"]) and _gone(client, "note", reply["ID"])
    store = _store(client)
    assert store.get("_recycled:OPTASK", issue["ID"]) is not None
    assert store.get("_recycled:NOTE", note["ID"]) is not None
    assert store.get("_recycled:NOTE", reply["ID"]) is not None


def test_item39_a_project_goes_to_the_recycle_bin_with_everything_it_owns(client: Client, me: str) -> None:
    project = client.new_project("Delete project with content")
    first = client.new_task(project["ID"], "First", assignments=[{"assignedToID": me}])
    second = client.new_task(
        project["ID"], "Second", predecessors=[{"predecessorID": first["ID"], "predecessorType": "fs"}]
    )
    child = client.new_task(project["ID"], "Child", parentID=first["ID"])
    issue = data_of(client.post("/optask", json={"name": "Project issue", "projectID": project["ID"]}))
    document = data_of(client.post("/docu", json={"name": "Brief.pdf", "docObjCode": "TASK", "objID": first["ID"]}))
    note = _comment(client, "PROJ", project["ID"], "kick-off")
    hour = data_of(client.post("/hour", json={"projectID": project["ID"], "taskID": first["ID"], "hours": 3}))
    store = _store(client)
    assignment = next(row for row in store.table("ASSGN").values() if row.get("taskID") == first["ID"])
    predecessor = next(row for row in store.table("PRED").values() if row.get("successorID") == second["ID"])

    assert data_of(client.delete(f"/proj/{project['ID']}")) == {"success": True}

    recycled = {
        "PROJ": project["ID"],
        "TASK": child["ID"],
        "OPTASK": issue["ID"],
        "DOCU": document["ID"],
        "NOTE": note["ID"],
        "ASSGN": assignment["ID"],
        "PRED": predecessor["ID"],
    }
    for code, object_id in recycled.items():
        assert store.get(code, object_id) is None, code
        assert store.get(f"_recycled:{code}", object_id) is not None, code
    for task in (first, second, child):
        assert _gone(client, "task", task["ID"])
    kept = data_of(client.get(f"/hour/{hour['ID']}", params={"fields": "projectID,taskID,hours"}))
    assert (kept["projectID"], kept["taskID"], kept["hours"]) == (None, None, 3)


def test_item39_a_task_takes_its_subtasks_and_links_and_its_hours_move_to_the_project(client: Client) -> None:
    project = client.new_project("Delete task keeps hours")
    doomed = client.new_task(project["ID"], "Doomed")
    subtask = client.new_task(project["ID"], "Doomed child", parentID=doomed["ID"])
    survivor = client.new_task(
        project["ID"], "Survivor", predecessors=[{"predecessorID": doomed["ID"], "predecessorType": "fs"}]
    )
    hour = data_of(client.post("/hour", json={"projectID": project["ID"], "taskID": subtask["ID"], "hours": 1.5}))
    _comment(client, "TASK", doomed["ID"], "about to go")

    assert data_of(client.delete(f"/task/{doomed['ID']}")) == {"success": True}

    assert _gone(client, "task", subtask["ID"])
    moved = data_of(client.get(f"/hour/{hour['ID']}", params={"fields": "projectID,taskID"}))
    assert (moved["projectID"], moved["taskID"]) == (project["ID"], None)
    left = data_of(client.get(f"/task/{survivor['ID']}", params={"fields": "predecessors,taskNumber,wbs"}))
    assert left["predecessors"] == []
    assert (left["taskNumber"], left["wbs"]) == (1, "1")


def test_item39_force_deletes_owned_rows_permanently(client: Client) -> None:
    project = client.new_project("Force delete issue")
    issue = data_of(client.post("/optask", json={"name": "Force me", "projectID": project["ID"]}))
    note = _comment(client, "OPTASK", issue["ID"], "gone for good")
    assert data_of(client.delete(f"/optask/{issue['ID']}", params={"force": "true"})) == {"success": True}
    store = _store(client)
    for code, object_id in (("OPTASK", issue["ID"]), ("NOTE", note["ID"])):
        assert store.get(code, object_id) is None
        assert store.get(f"_recycled:{code}", object_id) is None


def test_item39_a_user_with_assignments_needs_force(client: Client) -> None:
    user = data_of(
        client.post(
            "/user",
            json={
                "firstName": "Temp",
                "lastName": "Worker",
                "username": "temp.worker",
                "emailAddr": "temp.worker@example.com",
            },
        )
    )
    project = client.new_project("Delete assigned user")
    task = client.new_task(project["ID"], "Assigned", assignments=[{"assignedToID": user["ID"]}])
    blocked = client.delete(f"/user/{user['ID']}")
    assert blocked.status_code == 422
    assert error_of(blocked)["message"].endswith(FORCE_MESSAGE)
    assert data_of(client.get(f"/user/{user['ID']}"))["ID"] == user["ID"]
    assert data_of(client.delete(f"/user/{user['ID']}", params={"force": "true"})) == {"success": True}
    assert data_of(client.get(f"/task/{task['ID']}", params={"fields": "assignments"}))["assignments"] == []


def test_item39_a_template_task_used_by_tasks_needs_force(client: Client) -> None:
    template_task = data_of(client.post("/ttsk", json={"name": "Template step"}))
    project = client.new_project("Delete template task")
    task = client.new_task(project["ID"], "Made from the template", templateTaskID=template_task["ID"])
    blocked = client.delete(f"/ttsk/{template_task['ID']}")
    assert error_of(blocked)["message"].endswith(FORCE_MESSAGE)
    assert data_of(client.delete(f"/ttsk/{template_task['ID']}", params={"force": "true"})) == {"success": True}
    assert _gone(client, "task", task["ID"])


def test_item39_an_issue_resolved_by_a_task_blocks_only_when_it_stays(client: Client) -> None:
    project = client.new_project("Delete resolving task")
    issue = data_of(client.post("/optask", json={"name": "Becomes a task", "projectID": project["ID"]}))
    task_id = data_of(client.put(f"/optask/{issue['ID']}/convertToTask", json={"options": ["preserveIssue"]}))
    task_id = task_id["result"]
    assert error_of(client.delete(f"/task/{task_id}"))["message"].endswith(FORCE_MESSAGE)
    # deleting the whole project takes the issue along, so nothing outside refers to the task
    assert data_of(client.delete(f"/proj/{project['ID']}")) == {"success": True}
    assert _gone(client, "optask", issue["ID"]) and _gone(client, "task", task_id)


def test_item39_a_refused_delete_changes_nothing(client: Client) -> None:
    portfolio = data_of(client.post("/port", json={"name": "Refused delete"}))
    project = client.new_project("Keeps the portfolio", portfolioID=portfolio["ID"])
    _comment(client, "PROJ", project["ID"], "stays")
    before = {kind: dict(_store(client).table(kind)) for kind in ("PORT", "PROJ", "NOTE", "_recycled:PORT")}
    assert client.delete(f"/port/{portfolio['ID']}").status_code == 422
    after = {kind: dict(_store(client).table(kind)) for kind in before}
    assert after == before


@pytest.mark.parametrize("table", [OWNED, KEPT_HOURS], ids=["owned", "kept-hours"])
def test_every_delete_rule_names_a_dependant_collection_of_the_schema(table: dict[str, frozenset[str]]) -> None:
    for code, names in table.items():
        obj = object_def(code)
        assert obj is not None, code
        known = {collection.name for collection in _dependant_collections(obj)}
        assert names <= known, (code, names - known)


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="python-workfront 0.8.0 runs on Python 3.11 only")
@pytest.mark.parametrize("api_version", ["v4.0", "unsupported"])
def test_item51_python_workfront_add_comment_then_delete_the_issue(demo_server: DemoServer, api_version: str) -> None:
    workfront = pytest.importorskip("workfront")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = workfront.Session(
            "demo", api_version=api_version, url_template=demo_server.base_url + "/attask/api/{api_version}"
        )
    session.login("admin", "demo")
    try:
        project = session.api.Project(session, name=f"Pwf comment then delete {api_version}")
        project.save()
        issue = session.api.Issue(session, name="commented, then deleted", project_id=project.id)
        issue.save()
        comment = issue.add_comment("a comment before the delete")
        issue.delete()
        with pytest.raises(workfront.session.WorkfrontAPIError) as caught:
            session.load(session.api.Issue, issue.id)
        assert caught.value.code == 404
        assert demo_server.context.store.get("_recycled:NOTE", comment.id) is not None
    finally:
        session.logout()

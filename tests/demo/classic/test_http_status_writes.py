"""Checklist 43: a status written through create or edit follows the same rules as markDone.

``PUT /task/ID?status=CPL`` (or a create with ``status``) does what the status actions do:
percentComplete, actual dates, ``statusEquatesWith``, ``isComplete``, assignment states, and
the ``:A`` pending step of an approval process.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from classic_http_helpers import Client, data_of, error_of

from wfexplorer.demo.server import DemoServer

FIELDS = "percentComplete,statusEquatesWith,actualStartDate,actualCompletionDate,assignments:status"


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


@pytest.fixture(scope="module")
def me(client: Client) -> str:
    return str(data_of(client.get("/user/$$USER"))["ID"])


def _assigned_task(client: Client, project_id: str, name: str, user_id: str) -> dict[str, Any]:
    return client.new_task(project_id, name, assignments=[{"assignedToID": user_id}])


def _read(client: Client, code: str, object_id: str, fields: str = FIELDS) -> dict[str, Any]:
    return dict(data_of(client.get(f"/{code}/{object_id}", params={"fields": fields})))


def _effects(row: dict[str, Any]) -> dict[str, Any]:
    """What a status change implies, without identities and timestamps."""
    return {
        "status": row["status"],
        "percentComplete": row["percentComplete"],
        "statusEquatesWith": row["statusEquatesWith"],
        "started": row["actualStartDate"] is not None,
        "completed": row["actualCompletionDate"] is not None,
        "assignments": [item["status"] for item in row["assignments"]],
    }


def test_item43_put_status_cpl_does_what_mark_done_does(client: Client, me: str) -> None:
    project = client.new_project("Status write parity")
    by_action = _assigned_task(client, project["ID"], "Done by markDone", me)
    by_edit = _assigned_task(client, project["ID"], "Done by status edit", me)
    data_of(client.put(f"/task/{by_action['ID']}/markDone"))
    data_of(client.put(f"/task/{by_edit['ID']}", params={"status": "CPL"}))
    done = _effects(_read(client, "task", by_edit["ID"]))
    assert done == _effects(_read(client, "task", by_action["ID"]))
    assert done == {
        "status": "CPL",
        "percentComplete": 100,
        "statusEquatesWith": "CPL",
        "started": True,
        "completed": True,
        "assignments": ["DN"],
    }


def test_item43_put_status_back_to_in_progress_reopens_like_mark_not_done(client: Client, me: str) -> None:
    project = client.new_project("Status write reopen")
    task = _assigned_task(client, project["ID"], "Reopened by status edit", me)
    data_of(client.put(f"/task/{task['ID']}", json={"status": "INP"}))
    data_of(client.put(f"/task/{task['ID']}", json={"status": "CPL"}))
    data_of(client.put(f"/task/{task['ID']}", json={"status": "INP"}))
    row = _read(client, "task", task["ID"])
    assert row["status"] == "INP"
    assert row["statusEquatesWith"] == "INP"
    assert row["actualCompletionDate"] is None
    assert row["percentComplete"] != 100
    assert [item["status"] for item in row["assignments"]] == ["WRK"]


def test_item43_an_issue_created_closed_is_complete(client: Client) -> None:
    project = client.new_project("Status write issue")
    created = client.post(
        "/optask",
        json={"name": "Closed on arrival", "projectID": project["ID"], "status": "CLS"},
        params={"fields": "isComplete,statusEquatesWith,actualCompletionDate"},
    )
    issue = data_of(created)
    assert issue["status"] == "CLS"
    assert issue["isComplete"] is True
    assert issue["statusEquatesWith"] == "CLS"
    assert issue["actualCompletionDate"] is not None
    reopened = data_of(client.put(f"/optask/{issue['ID']}", params={"status": "INP", "fields": "isComplete"}))
    assert reopened["isComplete"] is False


def test_item43_a_task_created_complete_is_100_percent(client: Client) -> None:
    project = client.new_project("Status write create")
    task = data_of(
        client.post(
            "/task",
            json={"name": "Created done", "projectID": project["ID"], "status": "CPL"},
            params={"fields": FIELDS},
        )
    )
    assert (task["status"], task["percentComplete"], task["statusEquatesWith"]) == ("CPL", 100, "CPL")
    assert task["actualCompletionDate"] is not None


def test_item43_status_edit_under_an_approval_process_waits_as_pending(client: Client, me: str) -> None:
    process = data_of(client.get("/arvprc/search", params={"name": "Creative Sign-off"}))[0]
    project = client.new_project("Status write approval")
    task = client.new_task(project["ID"], "Needs sign-off", approvalProcessID=process["ID"])
    edited = data_of(client.put(f"/task/{task['ID']}", params={"status": "CPL", "fields": FIELDS}))
    assert edited["status"] == "CPL:A"
    assert edited["percentComplete"] != 100
    assert edited["actualCompletionDate"] is None
    data_of(client.put(f"/task/{task['ID']}/approveApproval"))
    approved = _read(client, "task", task["ID"])
    assert (approved["status"], approved["percentComplete"]) == ("CPL", 100)


def test_item43_bulk_status_edits_apply_the_rules_to_each_object(client: Client, me: str) -> None:
    project = client.new_project("Status write bulk")
    first = _assigned_task(client, project["ID"], "Bulk one", me)
    second = _assigned_task(client, project["ID"], "Bulk two", me)
    updates = [{"ID": first["ID"], "status": "CPL"}, {"ID": second["ID"], "status": "CPL"}]
    data_of(client.put("/task", data={"updates": json.dumps(updates)}))
    for task in (first, second):
        row = _read(client, "task", task["ID"])
        assert (row["percentComplete"], [item["status"] for item in row["assignments"]]) == (100, ["DN"])


def test_item43_a_completion_date_sent_with_the_status_is_kept(client: Client) -> None:
    project = client.new_project("Status write explicit date")
    task = client.new_task(project["ID"], "Finished last week")
    edited = data_of(
        client.put(
            f"/task/{task['ID']}",
            json={"status": "CPL", "actualCompletionDate": "2026-03-02T15:00:00.000Z"},
            params={"fields": FIELDS},
        )
    )
    assert edited["actualCompletionDate"].startswith("2026-03-02T09:00:00:000")
    assert edited["percentComplete"] == 100


def test_item40_status_edit_of_work_in_a_complete_project_is_refused(client: Client) -> None:
    project = client.new_project("Status write closed project")
    task = client.new_task(project["ID"], "Too late")
    data_of(client.put(f"/proj/{project['ID']}", params={"status": "CPL"}))
    response = client.put(f"/task/{task['ID']}", params={"status": "INP"})
    error = error_of(response)
    assert error["class"] == "com.attask.common.ProjectStatusViolationException"
    assert data_of(client.get(f"/task/{task['ID']}"))["status"] == "NEW"


def test_item43_an_invalid_status_is_still_refused_without_changes(client: Client) -> None:
    project = client.new_project("Status write invalid")
    task = client.new_task(project["ID"], "Stays new")
    error = error_of(client.put(f"/task/{task['ID']}", params={"status": "APV"}))
    assert "APV" in error["message"]
    assert data_of(client.get(f"/task/{task['ID']}"))["status"] == "NEW"

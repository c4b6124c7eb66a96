"""New hours and notes get the owner and links Workfront derives (so lists by project or user find them)."""

from __future__ import annotations

import pytest
from classic_http_helpers import Client, data_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


@pytest.fixture(scope="module")
def me(client: Client) -> str:
    return str(data_of(client.get("/user/$$USER"))["ID"])


def test_item33_an_hour_logged_on_a_task_belongs_to_its_project_and_the_caller(client: Client, me: str) -> None:
    project = client.new_project("Derived hour links")
    task = client.new_task(project["ID"], "Logged on")
    hour = data_of(client.post("/hour", json={"taskID": task["ID"], "hours": 2}, params={"fields": "projectID"}))
    assert (hour["projectID"], hour["ownerID"]) == (project["ID"], me)
    assert client.count("hour", projectID=project["ID"]) == 1


def test_item33_an_hour_keeps_the_owner_and_project_the_client_gives(client: Client, me: str) -> None:
    project = client.new_project("Explicit hour links")
    other = data_of(client.get("/user/search", params={"ID_Mod": "ne", "ID": me, "$$LIMIT": "1"}))[0]
    hour = data_of(
        client.post(
            "/hour",
            json={"projectID": project["ID"], "ownerID": other["ID"], "hours": 1},
            params={"fields": "projectID"},
        )
    )
    assert (hour["projectID"], hour["ownerID"]) == (project["ID"], other["ID"])


def test_item33_a_comment_on_an_issue_carries_its_links_and_thread(client: Client, me: str) -> None:
    project = client.new_project("Derived note links")
    issue = data_of(client.post("/optask", json={"name": "Discussed", "projectID": project["ID"]}))
    fields = {"fields": "opTaskID,projectID,userID,threadID,topObjID,topNoteObjCode,isReply"}
    note = data_of(
        client.post("/note", data={"noteObjCode": "OPTASK", "objID": issue["ID"], "noteText": "first"}, params=fields)
    )
    assert (note["opTaskID"], note["projectID"], note["ownerID"], note["userID"]) == (
        issue["ID"],
        project["ID"],
        me,
        me,
    )
    assert (note["threadID"], note["topObjID"], note["topNoteObjCode"]) == (note["ID"], issue["ID"], "OPTASK")
    reply = data_of(
        client.post(
            "/note",
            json={"noteObjCode": "OPTASK", "objID": issue["ID"], "noteText": "second", "parentNoteID": note["ID"]},
            params=fields,
        )
    )
    assert (reply["isReply"], reply["threadID"]) == (True, note["ID"])
    notes = data_of(client.get(f"/optask/{issue['ID']}", params={"fields": "notes"}))["notes"]
    assert {row["ID"] for row in notes} == {note["ID"], reply["ID"]}

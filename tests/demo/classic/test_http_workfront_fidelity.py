"""Issue 17, items 3 to 5 over HTTP: projects from templates, clearing ID fields, logging in as another user.

Each test sends the exact request an integration sends to Workfront (classic-api.md §3.7, §8, §2.2).
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from classic_http_helpers import TIMEOUT, Client, api, data_of, error_of

from wfexplorer.demo.server import DemoServer

TEMPLATE_FIELDS = "name,taskNumber,parentID,predecessors:predecessorID,predecessors:predecessorType"
PLAIN_USERS = {"isAdmin": "false", "isActive": "true", "fields": "username"}
TASK_FIELDS = "name,wbs,parentID,templateTaskID,predecessors:predecessorID,predecessors:predecessorType"


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server, version="v7.0")


def outline(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Return ID → WBS (``2.1``) of an outline of rows with ``parentID`` and ``taskNumber``."""
    by_parent: dict[str | None, list[dict[str, Any]]] = {}
    for row in rows:
        by_parent.setdefault(row.get("parentID"), []).append(row)
    wbs: dict[str, str] = {}

    def walk(parent: str | None, prefix: str) -> None:
        for position, row in enumerate(sorted(by_parent.get(parent, []), key=lambda r: r["taskNumber"]), start=1):
            wbs[row["ID"]] = f"{prefix}{position}"
            walk(row["ID"], f"{prefix}{position}.")

    walk(None, "")
    return wbs


def template_tasks(client: Client, template_id: str) -> list[dict[str, Any]]:
    return list(data_of(client.get("/TTSK/search", params={"templateID": template_id, "fields": TEMPLATE_FIELDS})))


def project_tasks(client: Client, project_id: str) -> list[dict[str, Any]]:
    return list(data_of(client.get("/TASK/search", params={"projectID": project_id, "fields": TASK_FIELDS})))


def assert_built_from(client: Client, project_id: str, template_id: str) -> None:
    """The project's tasks are the template's: same names, same outline, same predecessor links."""
    template = template_tasks(client, template_id)
    tasks = project_tasks(client, project_id)
    assert len(tasks) == len(template)
    made = {task["templateTaskID"]: task for task in tasks}
    assert set(made) == {row["ID"] for row in template}
    expected_wbs = outline(template)
    for row in template:
        task = made[row["ID"]]
        assert task["name"] == row["name"]
        assert task["wbs"] == expected_wbs[row["ID"]]
        parent = made[row["parentID"]]["ID"] if row.get("parentID") else None
        assert task["parentID"] == parent
        wanted = sorted((made[link["predecessorID"]]["ID"], link["predecessorType"]) for link in row["predecessors"])
        got = sorted((link["predecessorID"], link["predecessorType"]) for link in task["predecessors"])
        assert got == wanted


# -- item 3: a project created from a template ------------------------------------------------


def test_item3_a_project_created_with_template_id_gets_the_templates_tasks(client: Client) -> None:
    template = data_of(client.get("/TMPL/search", params={"name": "Web Release Template"}))[0]
    rows = template_tasks(client, template["ID"])
    assert len(rows) == 20
    assert sum(1 for row in rows if row["predecessors"]) > 0, "the seeded template links its tasks"

    project = data_of(client.post("/PROJ", json={"name": "Web release from template", "templateID": template["ID"]}))

    assert project["name"] == "Web release from template"
    assert data_of(client.get(f"/PROJ/{project['ID']}", params={"fields": "templateID"}))["templateID"] == (
        template["ID"]
    )
    assert_built_from(client, project["ID"], template["ID"])


def test_item3_the_project_takes_the_templates_settings_unless_the_client_gives_its_own(client: Client) -> None:
    template = data_of(
        client.post(
            "/TMPL",
            json={"name": "Settings template", "description": "From the template", "budget": 1500, "priority": 3},
        )
    )
    phase = data_of(client.post("/TTSK", json={"name": "Phase", "templateID": template["ID"], "taskNumber": 1}))
    first = data_of(
        client.post(
            "/TTSK",
            json={"name": "First", "templateID": template["ID"], "parentID": phase["ID"], "taskNumber": 2,
                  "duration": 3, "workRequired": 1440},
        )
    )
    second = data_of(
        client.post(
            "/TTSK", json={"name": "Second", "templateID": template["ID"], "parentID": phase["ID"], "taskNumber": 3}
        )
    )
    data_of(client.post("/TPRED", json={"predecessorID": first["ID"], "successorID": second["ID"],
                                        "predecessorType": "ss"}))

    project = data_of(
        client.post(
            "/PROJ",
            json={"name": "Own priority", "templateID": template["ID"], "priority": 1},
            params={"fields": "description,budget,priority"},
        )
    )

    assert (project["description"], project["budget"], project["priority"]) == ("From the template", 1500, 1)
    assert_built_from(client, project["ID"], template["ID"])
    made = {task["name"]: task for task in project_tasks(client, project["ID"])}
    work = data_of(client.get(f"/TASK/{made['First']['ID']}", params={"fields": "duration,workRequired"}))
    assert (work["duration"], work["workRequired"]) == (3, 1440)


def test_item3_attach_template_also_copies_the_predecessors(client: Client) -> None:
    template = data_of(client.get("/TMPL/search", params={"name": "Web Release Template"}))[0]
    project = client.new_project("Attached later")
    data_of(client.put(f"/PROJ/{project['ID']}/attachTemplate", params={"templateID": template["ID"]}))
    assert_built_from(client, project["ID"], template["ID"])


# -- item 4: an empty string clears an ID field --------------------------------------------------


def test_item4_parent_id_empty_clears_the_parent_and_renumbers_the_outline(client: Client) -> None:
    project = client.new_project("Clear a parent")
    parent = client.new_task(project["ID"], "Parent")
    child = client.new_task(project["ID"], "Child", parentID=parent["ID"])
    later = client.new_task(project["ID"], "Later")
    assert data_of(client.get(f"/TASK/{child['ID']}"))["wbs"] == "1.1"

    edited = data_of(client.put(f"/TASK/{child['ID']}?parentID=", params={"fields": "parentID"}))

    assert edited["parentID"] is None
    assert "." not in edited["wbs"]
    outline_now = data_of(
        client.get("/TASK/search", params={"projectID": project["ID"], "fields": "wbs,numberOfChildren"})
    )
    wbs = {row["ID"]: row["wbs"] for row in outline_now}
    assert sorted(wbs.values()) == ["1", "2", "3"]
    assert wbs[parent["ID"]] == "1" and wbs[later["ID"]] != wbs[child["ID"]]
    assert {row["ID"]: row["numberOfChildren"] for row in outline_now}[parent["ID"]] == 0
    top_level = data_of(client.get("/TASK/search", params={"projectID": project["ID"], "parentID_Mod": "isnull"}))
    assert child["ID"] in {row["ID"] for row in top_level}


def test_item4_an_empty_string_in_updates_json_clears_an_id_field_too(client: Client) -> None:
    project = client.new_project("Clear in JSON")
    parent = client.new_task(project["ID"], "Parent")
    child = client.new_task(project["ID"], "Child", parentID=parent["ID"])
    edited = data_of(client.put(f"/TASK/{child['ID']}", json={"parentID": ""}, params={"fields": "parentID"}))
    assert (edited["parentID"], edited["wbs"]) == (None, "2")


@pytest.mark.parametrize(("obj", "field"), [("PROJ", "ownerID"), ("PROJ", "portfolioID"), ("USER", "homeTeamID")])
def test_item4_every_clearable_id_field_is_cleared_by_an_empty_string(client: Client, obj: str, field: str) -> None:
    if obj == "USER":
        target = data_of(client.get("/USER/search", params={f"{field}_Mod": "notnull", "isAdmin": "false"}))[0]
    else:
        portfolio = data_of(client.get("/PORT/search", params={"$$LIMIT": "1"}))[0]
        me = data_of(client.get("/USER/$$USER"))
        target = client.new_project(f"Clear {field}", ownerID=me["ID"], portfolioID=portfolio["ID"])
    edited = data_of(client.put(f"/{obj}/{target['ID']}", params={field: "", "fields": field}))
    assert edited[field] is None
    found = data_of(client.get(f"/{obj}/search", params={"ID": target["ID"], f"{field}_Mod": "isnull"}))
    assert [row["ID"] for row in found] == [target["ID"]]


def test_item4_an_empty_string_still_sets_an_ordinary_text_field(client: Client) -> None:
    project = client.new_project("Keep empty text", description="Something")
    edited = data_of(client.put(f"/PROJ/{project['ID']}?description=", params={"fields": "description"}))
    assert edited["description"] == ""


# -- item 5: an administrator's API key logs in as another user ------------------------------------


def other_user(client: Client) -> dict[str, Any]:
    found = data_of(
        client.get("/USER/search", params={**PLAIN_USERS, "$$LIMIT": "1"})
    )
    return dict(found[0])


def key_login(server: DemoServer, username: str, key: str) -> requests.Response:
    return requests.post(
        f"{api(server, 'v7.0')}/login", params={"username": username, "apiKey": key}, timeout=TIMEOUT
    )


def test_item5_an_administrators_api_key_logs_in_as_another_user(demo_server: DemoServer, client: Client) -> None:
    user = other_user(client)
    admin_key = demo_server.credentials()["api_key"]

    session = data_of(key_login(demo_server, user["username"], admin_key))

    assert session["userID"] == user["ID"]
    me = data_of(
        requests.get(f"{api(demo_server, 'v7.0')}/user", params={"id": "$$USER"},
                     headers={"sessionID": session["sessionID"]}, timeout=TIMEOUT)
    )
    assert me["ID"] == user["ID"]


def test_item5_a_non_administrators_key_cannot_log_in_as_someone_else(
    demo_server: DemoServer, client: Client
) -> None:
    users = data_of(
        client.get("/USER/search", params={**PLAIN_USERS, "$$LIMIT": "2"})
    )
    holder, other = users[0], users[1]
    key = data_of(
        requests.put(
            f"{api(demo_server, 'v7.0')}/user",
            params={"action": "generateApiKey", "username": holder["username"], "password": "demo", "method": "put"},
            timeout=TIMEOUT,
        )
    )["result"]

    refused = key_login(demo_server, other["username"], key)

    assert refused.status_code == 401
    error = error_of(refused)
    assert error["class"] == "com.attask.common.AuthenticationException"
    assert "administrator" in error["message"]
    own = data_of(key_login(demo_server, holder["username"], key))
    assert own["userID"] == holder["ID"]


def test_item5_an_unknown_user_or_a_dead_key_is_the_usual_bad_login(demo_server: DemoServer) -> None:
    admin_key = demo_server.credentials()["api_key"]
    for username, key in (("nobody-here", admin_key), ("admin", "0" * 32)):
        response = key_login(demo_server, username, key)
        assert response.status_code == 401
        assert error_of(response)["message"].startswith("That username/password combination wasn't quite right.")

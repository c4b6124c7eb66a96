"""Checklist items 37, 38 and 47, and the official JS client's wire style (issue 2 §6).

The JS client sends real verbs, ``updates`` as a raw JSON body, ``sessionID``/``apiKey`` as
headers, arrays as repeated keys, and ``execute`` as POST with ``method=PUT`` in the form body.
"""

from __future__ import annotations

import json

import pytest
import requests
from classic_http_helpers import TIMEOUT, Client, api, data_of, error_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


@pytest.fixture(scope="module")
def me(client: Client) -> str:
    return str(data_of(client.get("/user", params={"id": "$$USER"}))["ID"])


def test_item37_action_in_the_path_returns_empty_data_for_void(client: Client) -> None:
    project = client.new_project("Action path")
    task = client.new_task(project["ID"], "to finish")
    assert data_of(client.put(f"/task/{task['ID']}/markDone", params={"status": "CPL"})) == {}
    assert data_of(client.get(f"/task/{task['ID']}"))["status"] == "CPL"


def test_item37_action_as_parameter_on_an_id(client: Client) -> None:
    project = client.new_project("Action param")
    task = client.new_task(project["ID"], "done then undone", status="CPL")
    assert data_of(client.put(f"/task/{task['ID']}", params={"action": "markNotDone"})) == {}
    assert data_of(client.get(f"/task/{task['ID']}"))["status"] != "CPL"


def test_item37_objectless_action_with_repeated_key_array(client: Client) -> None:
    source, target = client.new_project("Move from"), client.new_project("Move to")
    first, second = client.new_task(source["ID"], "mover 1"), client.new_task(source["ID"], "mover 2")
    response = client.post("/task", data=[("method", "PUT"), ("action", "bulkMove"), ("projectID", target["ID"]),
                                          ("taskIDs", first["ID"]), ("taskIDs", second["ID"])])
    assert data_of(response) == {}
    assert client.count("task", projectID=target["ID"]) == 2


def test_item37_array_argument_as_json_and_result_wrapped(client: Client) -> None:
    source, target = client.new_project("Copy from"), client.new_project("Copy to")
    task = client.new_task(source["ID"], "copy me")
    response = client.put("/task", params={"action": "bulkCopy", "projectID": target["ID"],
                                           "taskIDs": json.dumps([task["ID"]])})
    result = data_of(response)
    assert set(result) == {"result"}
    assert len(result["result"]) == 1
    assert result["result"][0] != task["ID"]


def test_item38_unknown_action_is_an_error(client: Client) -> None:
    project = client.new_project("No such action")
    response = client.put(f"/proj/{project['ID']}/flyToTheMoon")
    assert response.status_code == 400
    assert "flyToTheMoon" in error_of(response)["message"]


def test_item47_share_shows_up_in_access_rules(client: Client, me: str) -> None:
    project = client.new_project("Shared")
    data_of(client.put(f"/proj/{project['ID']}/share",
                       params={"accessorID": me, "accessorObjCode": "USER", "coreAction": "VIEW"}))
    rules = data_of(client.get(f"/proj/{project['ID']}", params={"fields": "accessRules:*"}))["accessRules"]
    assert [(rule["accessorID"], rule["coreAction"]) for rule in rules] == [(me, "VIEW")]
    data_of(client.put(f"/proj/{project['ID']}", json={
        "accessRules": [{"accessorID": me, "accessorObjCode": "USER", "coreAction": "EDIT"}]}))
    rules = data_of(client.get(f"/proj/{project['ID']}", params={"fields": "accessRules:*"}))["accessRules"]
    assert [(rule["accessorID"], rule["coreAction"]) for rule in rules] == [(me, "EDIT")]


# -- the JS client's wire style --------------------------------------------------------------


def test_item04_js_style_create_edit_with_json_body_and_session_header(demo_server: DemoServer, client: Client) -> None:
    base = api(demo_server, "v15.0")
    headers = {"sessionID": client.session_id, "X-Requested-With": "XMLHttpRequest"}
    created = requests.post(f"{base}/PROJ", params={"fields": "*"}, json={"name": "JS created"},
                            headers=headers, timeout=TIMEOUT)
    project = data_of(created)
    assert project["name"] == "JS created"
    assert "description" in project  # fields=* adds every scalar field
    edited = requests.put(f"{base}/PROJ/{project['ID']}", params={"fields": "description"},
                          json={"description": "edited by JS"}, headers=headers, timeout=TIMEOUT)
    assert data_of(edited)["description"] == "edited by JS"


def test_item05_js_style_api_key_header_and_repeated_key_filters(demo_server: DemoServer, client: Client,
                                                          demo_credentials: dict) -> None:
    current = client.new_project("JS cur", status="CUR")
    planning = client.new_project("JS pln", status="PLN")
    client.new_project("JS ded", status="DED")
    response = requests.get(
        f"{api(demo_server, 'v15.0')}/proj/search",
        params=[("status", "CUR"), ("status", "PLN"), ("name", "JS "), ("name_Mod", "startswith")],
        headers={"apiKey": demo_credentials["api_key"]},
        timeout=TIMEOUT,
    )
    found = {item["ID"] for item in data_of(response)}
    assert {current["ID"], planning["ID"]} <= found
    assert all(item["status"] in ("CUR", "PLN") for item in data_of(response))


def test_item37_js_style_execute_posts_method_put_in_the_body(demo_server: DemoServer, client: Client) -> None:
    project = client.new_project("JS execute")
    task = client.new_task(project["ID"], "js finish")
    response = requests.post(f"{api(demo_server, 'v15.0')}/task/{task['ID']}/markDone",
                             data={"method": "PUT", "status": "CPL"},
                             headers={"sessionID": client.session_id}, timeout=TIMEOUT)
    assert data_of(response) == {}
    assert data_of(client.get(f"/task/{task['ID']}"))["status"] == "CPL"


def test_item45_js_style_batch_with_objectless_action_uri(demo_server: DemoServer, client: Client, me: str) -> None:
    uri = f"user?method=PUT&action=activateUsers&userIDs={me}&userIDs={me}"
    response = requests.post(f"{api(demo_server)}/batch",
                             data={"atomic": "false", "uri": [uri, "user/search?method=GET"], "concurrent": "false"},
                             headers={"sessionID": client.session_id}, timeout=TIMEOUT)
    results = data_of(response)
    assert results[0] == {"data": {}}
    assert any(item["ID"] == me for item in results[1]["data"])

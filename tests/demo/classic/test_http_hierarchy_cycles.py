"""Bad input (issue 2): edits that would make a hierarchy or a dependency chain loop are refused.

A task that became its own (grand)parent made move and delete walk the loop for ever while
holding the write lock, so one bad PUT hung every later write of the simulator.
"""

from __future__ import annotations

from typing import Any

import pytest
from classic_http_helpers import Client, data_of, error_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with DemoServer(tmp_path_factory.mktemp("cycles"), scale=0.02) as server:
        yield Client(server)


@pytest.fixture
def outline(client: Client) -> dict[str, str]:
    project = client.new_project("Cycles")
    top = client.new_task(project["ID"], "Top")
    middle = client.new_task(project["ID"], "Middle", parentID=top["ID"])
    bottom = client.new_task(project["ID"], "Bottom", parentID=middle["ID"])
    return {"project": project["ID"], "top": top["ID"], "middle": middle["ID"], "bottom": bottom["ID"]}


def _parent(client: Client, task_id: str) -> Any:
    return data_of(client.get(f"/task/{task_id}", params={"fields": "parentID"}))["parentID"]


@pytest.mark.parametrize("new_parent", ["top", "bottom"])
def test_a_task_cannot_become_its_own_parent_or_its_descendants_child(
    client: Client, outline: dict[str, str], new_parent: str
) -> None:
    response = client.put(f"/task/{outline['top']}", json={"parentID": outline[new_parent]})
    assert response.status_code == 400
    assert "cycle" in error_of(response)["message"]
    assert _parent(client, outline["top"]) is None
    # the outline is still a tree: moving and deleting answer at once
    data_of(client.put(f"/task/{outline['top']}/move", params={"projectID": outline["project"]}))
    assert data_of(client.delete(f"/task/{outline['top']}")) == {"success": True}


def test_reparenting_within_the_tree_still_works(client: Client, outline: dict[str, str]) -> None:
    data_of(client.put(f"/task/{outline['bottom']}", json={"parentID": outline["top"]}))
    assert _parent(client, outline["bottom"]) == outline["top"]


def test_a_group_cannot_become_a_subgroup_of_its_own_subgroup(client: Client) -> None:
    parent = data_of(client.post("/group", json={"name": "Cycle parent"}))
    child = data_of(client.post("/group", json={"name": "Cycle child", "parentID": parent["ID"]}))
    response = client.put(f"/group/{parent['ID']}", json={"parentID": child["ID"]})
    assert "cycle" in error_of(response)["message"]


def test_a_task_cannot_be_its_own_predecessor(client: Client, outline: dict[str, str]) -> None:
    response = client.put(f"/task/{outline['bottom']}", json={"predecessors": [{"predecessorID": outline["bottom"]}]})
    assert "cycle" in error_of(response)["message"]


def test_predecessors_cannot_form_a_loop(client: Client) -> None:
    project = client.new_project("Predecessor loop")
    first = client.new_task(project["ID"], "First")
    second = client.new_task(project["ID"], "Second", predecessors=[{"predecessorID": first["ID"]}])
    third = client.new_task(project["ID"], "Third", predecessors=[{"predecessorID": second["ID"]}])
    response = client.put(f"/task/{first['ID']}", json={"predecessors": [{"predecessorID": third["ID"]}]})
    assert "cycle" in error_of(response)["message"]
    kept = data_of(client.get(f"/task/{first['ID']}", params={"fields": "predecessors"}))["predecessors"]
    assert kept == []
    # a chain without a loop is fine
    data_of(client.put(f"/task/{third['ID']}", json={"predecessors": [{"predecessorID": first["ID"]},
                                                                       {"predecessorID": second["ID"]}]}))


def test_a_parent_task_must_be_in_the_same_project(client: Client, outline: dict[str, str]) -> None:
    other = client.new_project("Another project")
    stranger = client.new_task(other["ID"], "Stranger")
    created = client.post("/task", json={"name": "Cross", "projectID": outline["project"], "parentID": stranger["ID"]})
    assert "different project" in error_of(created)["message"]
    edited = client.put(f"/task/{outline['bottom']}", json={"parentID": stranger["ID"]})
    assert "different project" in error_of(edited)["message"]
    assert _parent(client, outline["bottom"]) == outline["middle"]
    # deleting the other project's task no longer takes this project's work with it
    data_of(client.delete(f"/task/{stranger['ID']}"))
    assert _parent(client, outline["bottom"]) == outline["middle"]

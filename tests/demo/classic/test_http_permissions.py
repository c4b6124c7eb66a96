"""Issue 15 §1: the classic simulator authorizes like Workfront: access levels, object sharing, 403.

The matrix is (level, operation) → allowed or 403. Each operation runs on objects the administrator
creates for it, shared with every demo level user as the seed shares its project (planner and worker
EDIT, reviewer and requestor VIEW), so the rows do not depend on one another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
from classic_http_helpers import Client, data_of, error_of

from wfexplorer.demo.classic.seed import LEVEL_USERS
from wfexplorer.demo.server import DemoServer

LEVELS = ("admin", "planner", "worker", "reviewer", "requestor")
RIGHT = {username: right for username, _first, _level, _licence, right in LEVEL_USERS}


class World:
    """The administrator, one client per level user, and their user IDs."""

    def __init__(self, server: DemoServer) -> None:
        self.admin = Client(server)
        self.clients = {name: self.admin if name == "admin" else Client(server, username=name) for name in LEVELS}
        users = server.credentials()["users"]
        self.ids = {entry["username"]: entry["user_id"] for entry in users}

    def shared_project(self, name: str) -> dict[str, Any]:
        """A new project, shared as the seed shares its project with the level users."""
        project = self.admin.new_project(name)
        for username, right in RIGHT.items():
            data_of(self.admin.put(f"/proj/{project['ID']}/share", params={
                "accessorID": self.ids[username], "accessorObjCode": "USER", "coreAction": right}))
        return project

    def throwaway_user(self, username: str) -> dict[str, Any]:
        return dict(data_of(self.admin.post("/user", json={"username": username, "firstName": "Temp"})))


@pytest.fixture(scope="module")
def world(demo_server: DemoServer) -> World:
    return World(demo_server)


Operation = Callable[[World, Client, str], requests.Response]


def create_project(world: World, client: Client, who: str) -> requests.Response:
    return client.post("/proj", json={"name": f"New by {who}"})


def create_task(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Tasks by {who}")
    return client.post("/task", json={"name": "Task", "projectID": project["ID"]})


def create_issue(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Requests by {who}")
    return client.post("/optask", json={"name": "Please help", "projectID": project["ID"]})


def comment(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Comments by {who}")
    return client.post("/note", json={"noteText": "Looks good", "noteObjCode": "PROJ", "objID": project["ID"]})


def edit_project(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Edited by {who}")
    return client.put(f"/proj/{project['ID']}", json={"description": "changed"})


def edit_task(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Task edits by {who}")
    task = world.admin.new_task(project["ID"], "Edit me")
    return client.put(f"/task/{task['ID']}", json={"description": "changed"})


def delete_task(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Task deletes by {who}")
    task = world.admin.new_task(project["ID"], "Delete me")
    return client.delete(f"/task/{task['ID']}")


def delete_project(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Deleted by {who}")
    return client.delete(f"/proj/{project['ID']}")


def share_project(world: World, client: Client, who: str) -> requests.Response:
    project = world.shared_project(f"Shared on by {who}")
    return client.put(f"/proj/{project['ID']}/share",
                      params={"accessorID": world.ids["requestor"], "accessorObjCode": "USER", "coreAction": "EDIT"})


def edit_own_title(world: World, client: Client, who: str) -> requests.Response:
    return client.put(f"/user/{world.ids[who]}", json={"title": f"Still {who}"})


def make_self_admin(world: World, client: Client, who: str) -> requests.Response:
    return client.put(f"/user/{world.ids[who]}", params={"isAdmin": "true"})


def change_own_access_level(world: World, client: Client, who: str) -> requests.Response:
    levels = data_of(world.admin.get("/acslvl/search", params={"name": "System Administrator"}))
    return client.put(f"/user/{world.ids[who]}", json={"accessLevelID": levels[0]["ID"]})


def edit_other_user(world: World, client: Client, who: str) -> requests.Response:
    other = world.throwaway_user(f"edited.by.{who}")
    return client.put(f"/user/{other['ID']}", json={"title": "Renamed"})


def deactivate_user(world: World, client: Client, who: str) -> requests.Response:
    other = world.throwaway_user(f"deactivated.by.{who}")
    return client.put("/user", params={"action": "deactivateUsers", "userIDs": other["ID"]})


def token_for_other_user(world: World, client: Client, who: str) -> requests.Response:
    other = world.throwaway_user(f"token.by.{who}")
    return client.put(f"/user/{other['ID']}/assignUserToken")


def create_user(world: World, client: Client, who: str) -> requests.Response:
    return client.post("/user", json={"username": f"made.by.{who}"})


def create_group(world: World, client: Client, who: str) -> requests.Response:
    return client.post("/group", json={"name": f"Group of {who}"})


Y, N = True, False
MATRIX: dict[str, tuple[Operation, tuple[bool, ...]]] = {
    #                                        admin planner worker reviewer requestor
    "create a project": (create_project, (Y, Y, N, N, N)),
    "create a task in a shared project": (create_task, (Y, Y, Y, N, N)),
    "submit a request (issue)": (create_issue, (Y, Y, Y, Y, Y)),
    "comment on a shared project": (comment, (Y, Y, Y, Y, Y)),
    "edit a shared project": (edit_project, (Y, Y, N, N, N)),
    "edit a task of a shared project": (edit_task, (Y, Y, Y, N, N)),
    "delete a task of a shared project": (delete_task, (Y, Y, Y, N, N)),
    "delete a project shared with EDIT": (delete_project, (Y, N, N, N, N)),
    "share a project shared with EDIT": (share_project, (Y, N, N, N, N)),
    "edit one's own title": (edit_own_title, (Y, Y, Y, Y, Y)),
    "set one's own isAdmin": (make_self_admin, (Y, N, N, N, N)),
    "change one's own access level": (change_own_access_level, (Y, N, N, N, N)),
    "edit another user": (edit_other_user, (Y, N, N, N, N)),
    "deactivate another user": (deactivate_user, (Y, N, N, N, N)),
    "assign a registration token to another user": (token_for_other_user, (Y, N, N, N, N)),
    "create a user": (create_user, (Y, N, N, N, N)),
    "create a group": (create_group, (Y, N, N, N, N)),
}
CASES = [
    pytest.param(name, who, allowed[index], id=f"{who}-{name.replace(' ', '_')}")
    for name, (_operation, allowed) in MATRIX.items()
    for index, who in enumerate(LEVELS)
]


@pytest.mark.parametrize(("operation", "who", "allowed"), CASES)
def test_permission_matrix(world: World, operation: str, who: str, allowed: bool) -> None:
    response = MATRIX[operation][0](world, world.clients[who], who)
    if allowed:
        data_of(response)
    else:
        assert response.status_code == 403, response.text
        error = error_of(response)
        assert error["class"] == "com.attask.common.SecurityException"
        assert error["message"]


def test_a_refusal_says_why_in_words(world: World) -> None:
    refused = error_of(create_project(world, world.clients["worker"], "worker"))
    assert refused["message"] == "Your access level (Worker) does not allow you to create a Project"
    escalation = error_of(make_self_admin(world, world.clients["planner"], "planner"))
    assert escalation["message"] == "Only an administrator can change isAdmin of a user"


def test_a_refused_escalation_changes_nothing(world: World) -> None:
    make_self_admin(world, world.clients["worker"], "worker")
    user = data_of(world.admin.get(f"/user/{world.ids['worker']}", params={"fields": "isAdmin,accessLevelID"}))
    assert user["isAdmin"] is False
    level = data_of(world.admin.get(f"/acslvl/{user['accessLevelID']}"))
    assert level["name"] == "Worker"


def test_a_non_admin_cannot_take_over_the_admin_account(world: World, demo_server: DemoServer) -> None:
    worker = world.clients["worker"]
    admin_id = world.ids["admin"]
    assert worker.put(f"/user/{admin_id}/assignUserToken").status_code == 403
    taken = worker.put(f"/user/{admin_id}/completeUserRegistration", params={"token": "guess", "newPassword": "x"})
    assert taken.status_code in (401, 403)
    assert worker.put("/user", params={"action": "deactivateUsers", "userIDs": admin_id}).status_code == 403
    Client(demo_server)  # the administrator still signs in with the demo password


def test_projects_not_shared_are_absent_from_searches_and_counts(world: World) -> None:
    shared = world.shared_project("Visible to the levels")
    hidden = world.admin.new_project("Hidden from the levels")
    world.admin.new_task(hidden["ID"], "Hidden task")
    for who in ("planner", "worker", "reviewer", "requestor"):
        client = world.clients[who]
        names = {row["ID"] for row in data_of(client.get("/proj/search", params={"$$LIMIT": 2000}))}
        assert shared["ID"] in names and hidden["ID"] not in names, who
        assert data_of(client.get("/task/search", params={"projectID": hidden["ID"]})) == []
        assert client.count("task", projectID=hidden["ID"]) == 0
    assert world.admin.count("task", projectID=hidden["ID"]) == 1


def test_reading_a_project_not_shared_is_refused_with_403(world: World) -> None:
    hidden = world.admin.new_project("Not for workers")
    response = world.clients["worker"].get(f"/proj/{hidden['ID']}")
    assert response.status_code == 403
    assert "sufficient access to view this Project" in error_of(response)["message"]


def test_the_administrator_sees_every_project(world: World) -> None:
    total = world.admin.count("proj")
    assert len(data_of(world.admin.get("/proj/search", params={"$$LIMIT": 2000}))) == total
    assert world.clients["worker"].count("proj") < total


def test_sharing_a_project_makes_it_visible(world: World) -> None:
    project = world.admin.new_project("Shared later")
    worker = world.clients["worker"]
    assert worker.get(f"/proj/{project['ID']}").status_code == 403
    data_of(world.admin.put(f"/proj/{project['ID']}/share",
                            params={"accessorID": world.ids["worker"], "accessorObjCode": "USER"}))
    assert data_of(worker.get(f"/proj/{project['ID']}"))["ID"] == project["ID"]
    assert worker.put(f"/proj/{project['ID']}", json={"description": "x"}).status_code == 403  # VIEW only


def test_demo_credentials_list_a_user_of_each_level(demo_server: DemoServer) -> None:
    users = demo_server.credentials()["users"]
    assert [entry["access_level"] for entry in users] == [
        "System Administrator", "Planner", "Worker", "Reviewer", "Requestor"]
    for entry in users:
        Client(demo_server, username=entry["username"])


def test_collections_and_references_leave_out_what_the_caller_may_not_see(world: World) -> None:
    colleague = world.throwaway_user("assigned.in.hidden")
    hidden = world.admin.new_project("Hidden work")
    task = data_of(world.admin.post("/task", json={"name": "Hidden task", "projectID": hidden["ID"],
                                                    "assignments": [{"assignedToID": colleague["ID"]}]}))
    fields = {"fields": "assignments:task:name"}

    seen_by_admin = data_of(world.admin.get(f"/user/{colleague['ID']}", params=fields))["assignments"]
    seen_by_worker = data_of(world.clients["worker"].get(f"/user/{colleague['ID']}", params=fields))["assignments"]

    assert [row["task"]["name"] for row in seen_by_admin] == ["Hidden task"]
    assert seen_by_worker == []
    assert world.clients["worker"].get(f"/task/{task['ID']}").status_code == 403


def test_a_reference_to_a_project_not_shared_reads_as_empty(world: World) -> None:
    hidden = world.admin.new_project("Hidden parent")
    worker = world.clients["worker"]
    note = data_of(worker.post("/note", json={"noteText": "mine", "noteObjCode": "USER",
                                              "objID": world.ids["worker"]}))
    data_of(world.admin.put(f"/note/{note['ID']}", json={"projectID": hidden["ID"]}))

    mine = data_of(worker.get(f"/note/{note['ID']}", params={"fields": "project:name"}))

    assert mine["project"] is None
    assert data_of(world.admin.get(f"/note/{note['ID']}", params={"fields": "project:name"}))["project"] is not None


def test_a_refused_escalation_keeps_plannings_administrator_operations_closed(world: World,
                                                                              demo_server: DemoServer) -> None:
    make_self_admin(world, world.clients["planner"], "planner")
    assert demo_server.context is not None
    # an OAuth session of the planner (Planning accepts only OAuth access tokens)
    token = demo_server.context.sessions.create(world.ids["planner"], origin="oauth", lifetime=600).token
    response = requests.post(f"{demo_server.base_url}/maestro/api/v2/workspaces", json={"name": "Planner's"},
                             headers={"Authorization": f"Bearer {token}"}, timeout=10)

    assert response.status_code == 403
    assert response.json()["detail"] == "Only administrators can create workspaces."


def test_records_that_hang_off_a_hidden_task_are_hidden_and_cannot_be_added(world: World) -> None:
    hidden = world.admin.new_project("Hidden outline")
    first = world.admin.new_task(hidden["ID"], "First")
    second = world.admin.new_task(hidden["ID"], "Second")
    link = {"predecessorID": first["ID"], "successorID": second["ID"], "predecessorType": "fs"}
    data_of(world.admin.post("/pred", json=link))
    worker = world.clients["worker"]

    assert world.admin.count("pred", successorID=second["ID"]) == 1
    assert worker.count("pred", successorID=second["ID"]) == 0
    refused = worker.post("/pred", json={**link, "successorID": first["ID"], "predecessorID": second["ID"]})
    assert refused.status_code == 403
    assert error_of(refused)["message"] == "You do not have sufficient access to change this Task (First)"


def test_a_task_shared_on_its_own_is_seen_and_edited_as_its_share_says(world: World) -> None:
    project = world.admin.new_project("Not shared, one task is")
    task = world.admin.new_task(project["ID"], "Shared on its own")
    worker = world.clients["worker"]
    assert worker.put(f"/task/{task['ID']}", json={"description": "before"}).status_code == 403
    data_of(world.admin.put(f"/task/{task['ID']}/share", params={
        "accessorID": world.ids["worker"], "accessorObjCode": "USER", "coreAction": "EDIT"}))

    assert [row["ID"] for row in data_of(worker.get("/task/search", params={"projectID": project["ID"]}))] \
        == [task["ID"]]
    data_of(worker.put(f"/task/{task['ID']}", json={"description": "after"}))
    assert data_of(world.admin.get(f"/task/{task['ID']}", params={"fields": "description"}))["description"] == "after"
    assert worker.put(f"/proj/{project['ID']}", json={"description": "no"}).status_code == 403


@pytest.mark.parametrize("who", ["planner", "worker", "reviewer", "requestor"])
def test_each_level_reads_what_it_may_edit_from_its_access_level_permissions(world: World, who: str) -> None:
    """What a client can know before it tries: the level's ALVPER rows are the kinds the server lets it edit."""
    from wfexplorer.demo.classic.access.levels import LEVELS

    me = data_of(world.clients[who].get(f"/user/{world.ids[who]}", params={
        "fields": "accessLevel:name,accessLevel:accessLevelPermissions:objObjCode,"
                  "accessLevel:accessLevelPermissions:coreAction"}))
    level = me["accessLevel"]
    permissions = level["accessLevelPermissions"]

    assert {row["objObjCode"] for row in permissions} == LEVELS[level["name"]].edit
    assert {row["coreAction"] for row in permissions} == {"EDIT"}

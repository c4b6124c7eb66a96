"""What Workfront will refuse is locked in the form before any save: user records of a non-administrator, and
objects the user's access level or the object's sharing does not let them change."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
from wfexplorer.core.auth.profiles import Environment, Profile
from wfexplorer.core.classic.access import MyAccess, Rights, my_access_calls, object_rights, sharing_fields
from wfexplorer.core.connection import Connection
from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import ClassicSaver, EditSetup, refusal
from wfexplorer.core.editing.permissions import ADMIN_FIELD, OTHER_USER


def signed_in_as(demo_server: Any, tmp_path: Any, username: str) -> Connection:
    user = next(user for user in demo_server.credentials()["users"] if user["username"] == username)
    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore())
    profile = Profile(name=username, environment=Environment.CUSTOM, custom_url=demo_server.base_url)
    signed_in = authenticator.sign_in_with_password(profile, username, user["password"])
    return Connection(signed_in, cache_dir=tmp_path / "cache")


def specs_of(connection: Connection, user_id: str) -> dict[str, Any]:
    details = DetailLoader(connection).classic("USER", user_id, all_fields=True)
    editing = EditSetup(connection).for_object(details)
    return dict(editing.state.specs)


@pytest.fixture
def worker(demo_server, tmp_path, memory_keyring):
    connection = signed_in_as(demo_server, tmp_path, "worker")
    yield connection
    connection.sign_out()


def test_a_worker_may_change_their_own_title_but_not_their_access_level_or_admin_flag(worker):
    assert worker.user.get("isAdmin") is False
    specs = specs_of(worker, worker.user_id)
    assert not specs["title"].read_only
    assert specs["isAdmin"].read_only == ADMIN_FIELD
    assert specs["accessLevelID"].read_only == ADMIN_FIELD


def test_a_worker_may_change_nothing_of_another_user(worker, demo_server):
    admin = next(user for user in demo_server.credentials()["users"] if user["username"] == "admin")
    specs = specs_of(worker, admin["user_id"])
    editable = [key for key, spec in specs.items() if not spec.read_only]
    assert editable == [] and specs["title"].read_only == OTHER_USER


def test_an_administrator_sees_no_such_lock(demo_server, tmp_path, memory_keyring):
    admin = signed_in_as(demo_server, tmp_path, "admin")
    worker_id = next(user for user in demo_server.credentials()["users"] if user["username"] == "worker")["user_id"]
    specs = specs_of(admin, worker_id)
    assert specs["isAdmin"].read_only in ("", None) and specs["title"].read_only in ("", None)
    admin.sign_out()


# -- whole objects: the access level and the object's sharing, read in the detail load's one batch --------------


def project_shared_with(admin: Connection, user_id: str, right: str, *, tasks: int = 0) -> dict[str, Any]:
    """A new project the administrator shares with ``user_id`` for ``right`` (VIEW or EDIT), with tasks."""
    project = admin.session.post("/proj", {"name": f"Shared {right} {uuid.uuid4().hex[:8]}"})
    admin.session.put(f"/proj/{project['ID']}/share",
                      {"accessorID": user_id, "accessorObjCode": "USER", "coreAction": right})
    project["tasks"] = [admin.session.post("/task", {"name": f"Task {n}", "projectID": project["ID"]})
                        for n in range(tasks)]
    return project


@pytest.fixture
def admin(connection):
    """The administrator: the suite's signed-in connection."""
    return connection


def editing_of(connection: Connection, code: str, object_id: str, **load: Any) -> Any:
    details = DetailLoader(connection).classic(code, object_id, **load)
    return details, EditSetup(connection).for_object(details)


@pytest.fixture
def planner(demo_server, tmp_path, memory_keyring):
    connection = signed_in_as(demo_server, tmp_path / "planner", "planner")
    yield connection
    connection.sign_out()


def test_a_planner_on_a_project_shared_for_viewing_finds_every_field_locked_with_the_reason(planner, admin):
    project = project_shared_with(admin, planner.user_id, "VIEW")
    loader = DetailLoader(planner)
    loader.classic("PROJ", project["ID"], all_fields=True)  # metadata and custom forms: read once, then cached
    sent: list[Any] = []
    planner.subscribe(sent.append)

    details = loader.classic("PROJ", project["ID"], all_fields=True)

    assert [event.method for event in sent] == ["POST"]  # object, collection sizes, the user's access: one batch
    editing = EditSetup(planner).for_object(details)
    assert details.rights.edit == "this Project is shared with you for viewing only"
    assert all(spec.read_only for spec in editing.state.specs.values())
    assert editing.state.specs["name"].read_only == details.rights.edit
    assert refusal(details, "edit") == ("Workfront will not let you change this project: this Project is shared "
                                        "with you for viewing only.")
    assert refusal(details, "delete")


def test_the_same_planner_on_a_project_shared_for_editing_may_edit_it_and_the_save_goes_through(planner, admin):
    project = project_shared_with(admin, planner.user_id, "EDIT")

    details, editing = editing_of(planner, "PROJ", project["ID"], all_fields=True)

    assert details.rights.edit == "" and refusal(details, "edit") == ""
    assert not editing.state.specs["description"].read_only
    assert details.rights.delete == "deleting this Project needs Manage access; it is shared with you for editing"
    editing.state.set("description", "changed by the planner")
    ClassicSaver(planner.session).save(editing.state)
    assert admin.session.get(f"/proj/{project['ID']}", {"fields": "description"})["description"] == \
        "changed by the planner"


def test_a_worker_finds_a_project_locked_by_their_access_level_whatever_it_is_shared_for(worker, admin):
    for right in ("VIEW", "EDIT"):
        project = project_shared_with(admin, worker.user_id, right)

        details, editing = editing_of(worker, "PROJ", project["ID"], all_fields=True)

        assert details.rights.edit == "your access level (Worker) does not allow you to edit a Project"
        assert all(spec.read_only for spec in editing.state.specs.values())


def test_a_worker_finds_the_tasks_of_a_project_shared_for_viewing_locked_because_of_their_project(worker, admin):
    project = project_shared_with(admin, worker.user_id, "VIEW", tasks=1)

    details, editing = editing_of(worker, "TASK", project["tasks"][0]["ID"])

    assert details.rights.edit == f"its project ({project['name']}) is shared with you for viewing only"
    assert details.rights.delete == details.rights.edit
    assert editing.state.specs["name"].read_only == details.rights.edit


def test_a_worker_may_edit_the_tasks_of_a_project_shared_for_editing_and_the_save_goes_through(worker, admin):
    project = project_shared_with(admin, worker.user_id, "EDIT", tasks=1)
    task_id = project["tasks"][0]["ID"]

    details, editing = editing_of(worker, "TASK", task_id)

    assert details.rights == Rights() and not editing.state.specs["name"].read_only
    editing.state.set("name", "Renamed by the worker")
    ClassicSaver(worker.session).save(editing.state)
    assert admin.session.get(f"/task/{task_id}", {"fields": "name"})["name"] == "Renamed by the worker"


def test_a_kind_the_workers_access_level_cannot_edit_is_locked_with_the_level_named(worker):
    group = worker.session.search_page("GROUP", 0, 1, fields=["name"])[0]

    details, editing = editing_of(worker, "GROUP", group["ID"], all_fields=True)

    assert details.rights.edit == "your access level (Worker) does not allow you to edit a Group"
    assert editing.state.specs["name"].read_only == details.rights.edit


def test_the_level_read_ahead_agrees_with_what_the_simulator_enforces(worker, demo_server):
    from wfexplorer.demo.classic.access.levels import LEVELS

    user_call, level_call = my_access_calls(worker.user_id)
    mine = MyAccess.of(worker.session.get(*user_call[1:]), worker.session.get(*level_call[1:])[0])

    assert (mine.level_name, mine.level_is_admin) == ("Worker", False)
    assert mine.editable_kinds == LEVELS["Worker"].edit
    assert worker.user_id in mine.accessors


def test_an_administrator_is_never_locked(admin, worker):
    project = project_shared_with(admin, worker.user_id, "VIEW", tasks=1)
    group = admin.session.search_page("GROUP", 0, 1, fields=["name"])[0]

    for code, object_id in (("PROJ", project["ID"]), ("TASK", project["tasks"][0]["ID"]), ("GROUP", group["ID"])):
        details, editing = editing_of(admin, code, object_id, all_fields=True)
        assert details.rights == Rights() and refusal(details, "edit") == "" and refusal(details, "delete") == ""
        assert not editing.state.specs["name"].read_only


def test_when_the_level_cannot_be_read_the_sharing_still_decides(worker, admin):
    """A server may refuse the access-level read while it answers the user's: nothing is locked by level then."""
    project = project_shared_with(admin, worker.user_id, "VIEW")
    user_call, _ = my_access_calls(worker.user_id)
    mine = MyAccess.of(worker.session.get(*user_call[1:]), None)
    meta = worker.session.metadata.describe("PROJ")
    data = worker.session.get(f"/proj/{project['ID']}", {"fields": ",".join(sharing_fields(meta, None))})

    assert mine.editable_kinds is None
    assert object_rights(meta, data, mine).edit == "this Project is shared with you for viewing only"
    assert object_rights(meta, data, None) == Rights()  # the user unreadable too: nothing is locked

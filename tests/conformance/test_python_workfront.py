"""python-workfront 0.8.0, unmodified, against the simulator (issue 2 §6; checklist item 51).

The client always POSTs a urlencoded form (Content-Type with a leading space) carrying
``method=`` and its credential, and builds URLs from a template; we point the template at the
simulator. It exists for Python 3.11 only, so the test is skipped elsewhere.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from wfexplorer.demo.server import DemoServer

if sys.version_info[:2] != (3, 11):
    pytest.skip("python-workfront 0.8.0 is tested on Python 3.11 only", allow_module_level=True)

workfront = pytest.importorskip("workfront")
meta = pytest.importorskip("workfront.meta")


def _session(server: DemoServer, api_version: str, **kwargs: Any) -> Any:
    template = server.base_url + "/attask/api/{api_version}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return workfront.Session("demo", api_version=api_version, url_template=template, **kwargs)


@pytest.fixture(params=["v4.0", "unsupported"])
def session(request: pytest.FixtureRequest, demo_server: DemoServer) -> Iterator[Any]:
    session = _session(demo_server, request.param)
    session.login("admin", "demo")
    yield session
    if session.session_id:
        session.logout()


def _project(session: Any, name: str) -> Any:
    project = session.api.Project(session, name=name, description="made by python-workfront")
    project.save()
    return project


def test_item51_login_sets_session_and_user(session: Any) -> None:
    assert len(session.session_id) == 32
    assert len(session.user_id) == 32


def test_item51_search_with_cicontains(session: Any) -> None:
    tag = f"Pwf Search {session.api_version}"
    _project(session, tag)
    results = session.search(session.api.Project, name=tag.lower(), name_Mod="cicontains")
    assert [project.name for project in results] == [tag]
    assert isinstance(results[0], session.api.Project)


def test_item51_load_one_and_many(session: Any) -> None:
    first, second = _project(session, "Pwf load 1"), _project(session, "Pwf load 2")
    one = session.load(session.api.Project, first.id)
    assert one.name == "Pwf load 1"
    many = session.load(session.api.Project, [first.id, second.id])
    assert [project.id for project in many] == [first.id, second.id]
    single_list = session.load(session.api.Project, [second.id])
    assert [project.name for project in single_list] == ["Pwf load 2"]


def test_item51_save_new_and_changed_objects(session: Any) -> None:
    project = _project(session, "Pwf save")
    assert len(project.id) == 32
    issue = session.api.Issue(session, name="something bad", description="details", project_id=project.id)
    issue.save()
    assert issue.id
    issue.description += "\nautomatically appended text."
    issue.save()
    reloaded = session.load(session.api.Issue, issue.id, fields=["description"])
    assert reloaded.description == "details\nautomatically appended text."


def test_item51_field_not_loaded_then_load(session: Any) -> None:
    project = _project(session, "Pwf lazy")
    issue = session.api.Issue(session, name="lazy issue", project_id=project.id)
    issue.save()
    loaded = session.load(session.api.Issue, issue.id)
    with pytest.raises(meta.FieldNotLoaded):
        _ = loaded.previous_status
    loaded.load("previous_status", "description")
    assert loaded.previous_status is None


def test_item51_references_and_collections(session: Any) -> None:
    project = _project(session, "Pwf graph")
    task = session.api.Task(session, name="graph task", project_id=project.id)
    task.save()
    issue = session.api.Issue(session, name="graph issue", project_id=project.id, resolve_task_id=task.id)
    issue.save()
    loaded = session.load(session.api.Issue, issue.id)
    assert loaded.project.id == project.id
    assert isinstance(loaded.project, session.api.Project)
    tasks = session.load(session.api.Project, project.id).tasks
    assert [item.id for item in tasks] == [task.id]
    found = session.search(session.api.Task, project_id=project.id, status="CLS", status_Mod="ne",
                           fields=["resolvables:*"])
    assert [item.id for item in found] == [task.id]
    resolvables = found[0].resolvables
    assert [item.id for item in resolvables] == [issue.id]
    assert isinstance(resolvables[0], session.api.Issue)


def test_item51_action_mark_done(session: Any) -> None:
    project = _project(session, "Pwf action")
    task = session.api.Task(session, name="finish me", project_id=project.id)
    task.save()
    task.mark_done(status="CPL")
    assert session.load(session.api.Task, task.id).status == "CPL"


def test_item51_delete(session: Any) -> None:
    project = _project(session, "Pwf delete")
    issue = session.api.Issue(session, name="short lived", project_id=project.id)
    issue.save()
    issue.delete()
    with pytest.raises(workfront.session.WorkfrontAPIError) as caught:
        session.load(session.api.Issue, issue.id)
    assert caught.value.code == 404


def test_item51_get_api_key_and_use_it(session: Any, demo_server: DemoServer) -> None:
    key = session.get_api_key("admin", "demo")
    assert len(key) == 32
    keyed = _session(demo_server, session.api_version, api_key=key)
    assert keyed.search(keyed.api.Project, name="Pwf", name_Mod="cicontains") is not None


def test_item51_logout_ends_the_session(demo_server: DemoServer) -> None:
    session = _session(demo_server, "v4.0")
    session.login("admin", "demo")
    old = session.session_id
    session.logout()
    assert session.session_id is None
    assert session.user_id is None
    stale = _session(demo_server, "v4.0")
    stale.session_id = old
    with pytest.raises(workfront.session.WorkfrontAPIError) as caught:
        stale.search(stale.api.Project)
    assert caught.value.data["message"] == "You are not currently logged in."


def test_item51_bad_login_raises_with_the_workfront_error(demo_server: DemoServer) -> None:
    session = _session(demo_server, "unsupported")
    with pytest.raises(workfront.session.WorkfrontAPIError) as caught:
        session.login("admin", "wrong")
    assert caught.value.data["class"] == "com.attask.common.AuthenticationException"


# -- issue 17: what integrations written with python-workfront rely on ------------------------------


def _saved(item: Any) -> Any:
    item.save()
    return item


def test_issue17_custom_values_with_parameter_values_star(session: Any) -> None:
    seeded = session.search(session.api.Project, categoryID="", categoryID_Mod="notnull", fields=["categoryID"])[0]
    starred = session.load(session.api.Project, seeded.id, fields=["parameterValues:*"])
    plain = session.load(session.api.Project, seeded.id, fields=["parameterValues"])
    assert starred.fields["parameterValues"]
    assert starred.fields["parameterValues"] == plain.fields["parameterValues"]


def test_issue17_object_categories_in_the_unsupported_model(demo_server: DemoServer) -> None:
    session = _session(demo_server, "unsupported")
    session.login("admin", "demo")
    found = session.search(session.api.Project, categoryID="", categoryID_Mod="notnull",
                           fields=["categoryID", "objectCategories:category:name"])
    project = found[0]
    forms = project.object_categories
    assert [form.category.id for form in forms] == [project.category_id]
    assert isinstance(forms[0], session.api.ObjectCategory)


def test_issue17_a_project_saved_with_a_template_gets_its_tasks(session: Any) -> None:
    template = session.search(session.api.Template, name="Web Release Template")[0]
    project = session.api.Project(session, name="Pwf from template", template_id=template.id)
    project.save()
    names = sorted(task.name for task in session.load(session.api.Project, project.id).tasks)
    template_names = sorted(row["name"] for row in session.get("/TTSK/search", {"templateID": template.id}))
    assert len(names) == 20
    assert names == template_names


def test_issue17_an_empty_parent_id_clears_the_parent(session: Any) -> None:
    project = _project(session, "Pwf clear parent")
    parent = _saved(session.api.Task(session, name="parent", project_id=project.id))
    child = _saved(session.api.Task(session, name="child", project_id=project.id, parent_id=parent.id))
    child.parent_id = ""
    child.save()
    reloaded = session.load(session.api.Task, child.id, fields=["parentID", "wbs"])
    assert reloaded.parent_id is None
    assert reloaded.wbs == "2"


def test_issue17_the_admin_key_logs_in_as_another_user(session: Any, demo_server: DemoServer) -> None:
    key = session.get_api_key("admin", "demo")
    user = session.search(session.api.User, isAdmin=False, isActive=True, fields=["username"])[0]
    keyed = _session(demo_server, session.api_version, api_key=key)
    data = keyed.post("/login", {"username": user.username})
    assert data["userID"] == user.id

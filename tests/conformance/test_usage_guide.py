"""python-workfront's usage guide, section by section and in order, against the simulator.

The guide (shared/reference/python-workfront-usage.txt) is written for ``workfront.Session``;
here every example runs on ``wfexplorer.core.classic.Session``. Two adaptations of the setting: the host
is the simulator (a ``url_template`` whose ``{domain}`` is ``127`` of ``127.0.0.1``), and the
guide's made-up endpoints (``/something/New``, method ``TEST`` on ``/foo``) are shown both as the
typed errors a real server gives for them and on real endpoints. Where the guide's fragments
cannot run as printed, the test says how it orders them: the guide deletes its issue before the
reference examples that still use it (here it is deleted last), sets ``project_id`` without saving
before reloading (here it saves), and its made-up IDs are objects the tests create. The tests share
state through ``guide`` and must run in file order, as the guide is read.
"""

# ruff: noqa: C408 - the examples keep the guide's own dict(...) spelling
from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic import FieldNotLoaded, Object, Session, generate
from wfexplorer.core.classic import api as api_registry
from wfexplorer.core.classic.session import SANDBOX_TEMPLATE
from wfexplorer.core.transport import RequestEvent

HEX32 = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture(scope="module")
def guide(demo_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """What the guide's examples carry from one section to the next."""
    port = demo_server.base_url.rsplit(":", 1)[1]
    state: dict[str, Any] = {
        "credentials": demo_server.credentials(),
        "template": f"{{protocol}}://{{domain}}.0.0.1:{port}/attask/api/{{api_version}}",
        "cache": tmp_path_factory.mktemp("guide-cache"),
        "tmp": tmp_path_factory.mktemp("guide-generated"),
    }
    yield state
    api_registry._REGISTRY.pop("v4.0", None)
    sys.modules.pop("wf_guide_v40", None)


def open_guide_session(guide: dict[str, Any], **kwargs: Any) -> Session:
    """``Session('yourdomain', **kwargs)`` pointed at the simulator."""
    kwargs.setdefault("url_template", guide["template"])
    return Session("127", protocol="http", cache_dir=guide["cache"], **kwargs)


def test_creating_a_session(guide: dict[str, Any]) -> None:
    credentials = guide["credentials"]
    session = open_guide_session(guide)
    session.login(credentials["username"], credentials["password"])
    assert HEX32.match(session.session_id or "")
    assert HEX32.match(session.user_id or "")
    me = session.load(session.api.User, session.user_id)
    assert me.id == session.user_id

    session.logout()
    assert session.session_id is None
    assert session.user_id is None

    api_key = session.get_api_key(credentials["username"], credentials["password"])
    session = open_guide_session(guide, api_key=api_key)
    assert session.count(session.api.User, ID=me.id) == 1
    guide["api_key"] = api_key

    session = open_guide_session(guide, api_version="v4.0", api_key=api_key)
    assert session.url.endswith("/attask/api/v4.0") and session.count("USER", ID=me.id) == 1

    sandbox = Session("yourdomain", url_template=SANDBOX_TEMPLATE)
    assert sandbox.url == "https://yourdomain.preview.workfront.com/attask/api/unsupported"
    assert Session("yourdomain").url == "https://yourdomain.my.workfront.com/attask/api/unsupported"
    assert Session("yourdomain", protocol="http").url.startswith("http://yourdomain.")


def test_finding_objects(guide: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    # The version module a generator writes from live metadata, imported as an IDE would.
    monkeypatch.setenv("WF_GUIDE_KEY", guide["api_key"])
    target = guide["tmp"] / "wf_guide_v40.py"
    base = guide["template"].format(protocol="http", domain="127", api_version="v4.0")
    generate.main(["--url", base, "--api-version", "v4.0", "--api-key-env", "WF_GUIDE_KEY", "--output", str(target)])
    spec = importlib.util.spec_from_file_location("wf_guide_v40", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["wf_guide_v40"] = module
    spec.loader.exec_module(module)
    task_class = module.Task

    session = open_guide_session(guide, api_version="v4.0", api_key=guide["api_key"])
    api = session.api
    assert api.Task is task_class

    # Data for the searches: a project with a task that an issue resolves.
    project = api.Project(session, name="The Project Name for the guide")
    project.save()
    task = api.Task(session, name="Something to do", project_id=project.id)
    task.save()
    resolving = api.Issue(session, name="resolves it", project_id=project.id, resolve_task_id=task.id)
    resolving.save()

    results = session.search(api.Project, name="project name for the guide", name_Mod="cicontains")
    assert [result.id for result in results] == [project.id]
    assert repr(results[0]).startswith(f"<Project: ID='{project.id}', name='The Project Name for the guide'")

    project = results[0]
    tasks = session.search(api.Task, project_id=project.id, status="CLS", status_Mod="ne",
                           fields=["resolvables:*"])
    assert [found.id for found in tasks] == [task.id]
    # "any of the Workfront name, the Python name, or the Field descriptor itself may be used"
    by_workfront_name = session.search(api.Task, projectID=project.id, status="CLS", status_Mod="ne")
    by_descriptor = session.search(api.Task, where={api.Task.project_id: project.id, api.Task.status: "CLS"},
                                   status_Mod="ne")
    assert [found.id for found in by_workfront_name] == [found.id for found in by_descriptor] == [task.id]
    assert re.search(r", resolvables=\[\{.*'ID': '" + resolving.id, repr(tasks[0]))
    resolvables = tasks[0].resolvables
    assert isinstance(resolvables, tuple) and [type(item).__name__ for item in resolvables] == ["Issue"]
    assert resolvables[0].id == resolving.id

    loaded = session.load(api.Project, project.id)
    assert isinstance(loaded, api.Project) and loaded.name == "The Project Name for the guide"
    assert [item.id for item in session.load(api.Project, [project.id])] == [project.id]
    guide.update(session=session, project=project)


def test_working_with_objects(guide: dict[str, Any]) -> None:
    session: Session = guide["session"]
    api = session.api
    project = guide["project"]
    events: list[RequestEvent] = []
    session.subscribe(events.append)
    issue = api.Issue(session, name="something bad", description="details", project_id=project.id)
    issue.save()
    assert HEX32.match(issue.id or "")

    issue.description += "\nautomatically appended text."
    assert issue.changes() == {"description": "details\nautomatically appended text."}
    events.clear()
    issue.save()
    assert [(event.method, event.status) for event in events] == [("PUT", 200)]
    assert issue.changes() == {}
    assert session.load(api.Issue, issue.id, fields=["description"]).description.endswith("appended text.")

    with pytest.raises(FieldNotLoaded, match=r"^previousStatus$"):
        _ = issue.previous_status
    issue.load("previous_status")
    assert issue.previous_status is None or isinstance(issue.previous_status, str)

    assert repr(issue.project) == f"<Project: ID='{project.id}', name='{project.name}', objCode='PROJ'>"

    other = api.Project(session, name="Another Project")
    other.save()
    with pytest.raises(AttributeError):
        issue.project = other
    issue.project_id = other.id
    issue.save()
    assert issue.project.id == project.id, "stale until reloaded"
    issue.load("project")
    assert repr(issue.project) == f"<Project: ID='{other.id}', name='Another Project', objCode='PROJ'>"

    # The simulator's Issue.resolvables are the issues that resolve this one.
    resolving = api.Issue(session, name="resolves the issue", project_id=other.id, resolve_op_task_id=issue.id)
    resolving.save()
    resolvables = issue.resolvables
    assert isinstance(resolvables, tuple) and [item.id for item in resolvables] == [resolving.id]
    assert repr(resolvables[0]).startswith(f"<Issue: ID='{resolving.id}'")
    assert resolving.resolvables == (), "empty if there is no content"
    with pytest.raises(AttributeError):
        issue.resolvables = ()
    with pytest.raises(TypeError):
        issue.resolvables[0] = resolving  # type: ignore[index]

    assert issue.mark_done(status="CLS") is None
    assert session.load(api.Issue, issue.id, fields=["status"]).status == "CLS"

    comment = issue.add_comment("a comment from the guide")
    assert isinstance(comment, Object) and comment.id

    # The guide deletes the issue before its reference examples; here it goes last, so they can use it
    # (after the issue that resolves it, which would otherwise block a delete without force).
    resolving.delete()
    issue.delete()
    with pytest.raises(errors.NotFoundError):
        session.load(api.Issue, issue.id)


def test_low_level_requests(guide: dict[str, Any]) -> None:
    session = open_guide_session(guide, api_version="v4.0", api_key=guide["api_key"])
    # The guide's made-up endpoint: a real server answers with an error, which is typed.
    with pytest.raises(errors.WorkfrontError) as caught:
        session.post("/something/New", params=dict(just="in case"))
    assert caught.value.status and caught.value.request_line.startswith("POST ")
    created = session.post("/project", params=dict(name="in case"))
    assert created["objCode"] == "PROJ" and created["name"] == "in case"
    assert session.put(f"/project/{created['ID']}", params=dict(name="in any case"))["name"] == "in any case"
    assert session.get(f"/project/{created['ID']}")["name"] == "in any case"
    assert session.delete(f"/project/{created['ID']}") == {"success": True}

    with pytest.raises(errors.WorkfrontError):
        session.request(method="TEST", path="/foo", params=dict(what="now"))
    assert session.request(method="GET", path="/proj/count", params=dict(name="in case"))["count"] >= 0

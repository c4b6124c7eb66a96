"""The classic client against the simulator (real HTTP): request counts, explicit loading, the extras.

Request counts come from the transport's events. Classes are reflected before counting, so the
numbers are the data requests only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic import Object, Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.transport import RequestEvent

TASKS = 500


def make_session(server: Any, cache_dir: Path, **kwargs: Any) -> Session:
    credentials = server.credentials()
    kwargs.setdefault("api_key", credentials["api_key"])
    return Session("demo", url_template=base_url_template(server.base_url), api_version="v21.0",
                   cache_dir=cache_dir, **kwargs)


@pytest.fixture(scope="module")
def gui_session(demo_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """A non-lazy session (the GUI's kind) with Project, Task, User and Issue reflected."""
    session = make_session(demo_server, tmp_path_factory.mktemp("cache"), lazy=False)
    session.api.preload("Project", "Task", "User", "Issue")
    yield session
    session.close()


@pytest.fixture(scope="module")
def workload(gui_session: Session) -> dict[str, Any]:
    """One project owned by the signed-in user, with 500 tasks."""
    api = gui_session.api
    me = gui_session.who_am_i()
    project = api.Project(gui_session, name="Request-count project", owner_id=me.id)
    project.save()
    tasks = gui_session.bulk_create(api.Task, [{"name": f"task {n:03}", "project_id": project.id}
                                               for n in range(TASKS)])
    return {"me": me, "project": project, "task_ids": [task.id for task in tasks]}


class Counter:
    """Collects the transport's request events."""

    def __init__(self, session: Session) -> None:
        self.events: list[RequestEvent] = []
        self._stop = session.subscribe(self.events.append)

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop()

    @property
    def count(self) -> int:
        return len(self.events)


def fresh_tasks(session: Session, workload: dict[str, Any]) -> list[Object]:
    """The workload's tasks with default fields only (one request per 2000)."""
    return session.load(session.api.Task, workload["task_ids"])


def test_loading_a_reference_path_for_500_objects_is_one_request(gui_session: Session, workload: dict) -> None:
    tasks = fresh_tasks(gui_session, workload)
    assert len(tasks) == TASKS
    with Counter(gui_session) as counter:
        gui_session.load_fields(tasks, "project:owner:name")
        names = {task.project.owner.name for task in tasks}
    assert counter.count == 1
    assert names == {workload["me"].name}


def test_data_already_loaded_costs_no_request(gui_session: Session, workload: dict) -> None:
    tasks = fresh_tasks(gui_session, workload)[:50]
    gui_session.load_fields(tasks, "project:owner")
    with Counter(gui_session) as counter:
        gui_session.load_fields(tasks, "project:owner")
        gui_session.fetch_reference(tasks[0], "project", fields=["owner"])
    assert counter.count == 0


def test_expanding_a_reference_is_one_request(gui_session: Session, workload: dict) -> None:
    task = gui_session.load(gui_session.api.Task, workload["task_ids"][0])
    with Counter(gui_session) as counter:
        project = gui_session.fetch_reference(task, "project", fields=["owner:name"])
        owner_name = project.owner.name
        again = gui_session.fetch_reference(task, "project")
    assert counter.count == 1
    assert project.id == workload["project"].id and again is project
    assert owner_name == workload["me"].name


def test_expanding_a_collection_is_one_request_and_pages_come_from_it(gui_session: Session, workload: dict) -> None:
    project = gui_session.load(gui_session.api.Project, workload["project"].id)
    with Counter(gui_session) as counter:
        first = gui_session.fetch_collection(project, "tasks", fields=["status", "task_number"], limit=100)
        second = gui_session.fetch_collection(project, "tasks", fields=["status"], first=100, limit=100)
    assert counter.count == 1
    assert first.total == TASKS and len(first.items) == 100 and first.has_more
    assert {item.status for item in first.items + second.items} == {"NEW"}
    assert not {item.id for item in first.items} & {item.id for item in second.items}


def test_unloaded_links_never_hide_a_request_in_a_gui_session(gui_session: Session, workload: dict) -> None:
    task = gui_session.load(gui_session.api.Task, workload["task_ids"][1])
    with Counter(gui_session) as counter:
        with pytest.raises(AttributeError):
            _ = task.project
        assert not task.is_loaded("project")
    assert counter.count == 0


def test_a_search_with_reference_and_collection_paths_is_one_request(gui_session: Session, workload: dict) -> None:
    api = gui_session.api
    with Counter(gui_session) as counter:
        projects = gui_session.search(api.Project, fields=["owner:name", "tasks:name"], ID=workload["project"].id)
        tasks = projects[0].tasks
        owner = projects[0].owner.name
    assert counter.count == 1
    assert len(tasks) == TASKS and owner == workload["me"].name


def test_iter_search_pages_with_first_and_limit_in_a_stable_order(gui_session: Session, workload: dict) -> None:
    with Counter(gui_session) as counter:
        found = list(gui_session.iter_search(gui_session.api.Task, project_id=workload["project"].id,
                                             page_size=200, name_Sort="desc"))
    assert counter.count == 3
    assert len({task.id for task in found}) == TASKS
    assert [task.name for task in found] == sorted((task.name for task in found), reverse=True)
    assert "%24%24LIMIT=200" in counter.events[0].url or "$$LIMIT=200" in counter.events[0].url


def test_count_and_report(gui_session: Session, workload: dict) -> None:
    api = gui_session.api
    assert gui_session.count(api.Task, project_id=workload["project"].id) == TASKS
    report = gui_session.report(api.Task, project_id=workload["project"].id, status_GroupBy=True)
    assert report["NEW"]["dcount_ID"] == TASKS


def test_page_size_over_the_limit_is_refused_before_sending(gui_session: Session) -> None:
    with pytest.raises(errors.ValidationError, match="2000"):
        next(gui_session.iter_search(gui_session.api.Task, page_size=2001))


def test_the_server_refuses_a_limit_over_2000_with_a_validation_error(gui_session: Session) -> None:
    with pytest.raises(errors.ValidationError, match="2000"):
        gui_session.search(gui_session.api.Task, **{"$$LIMIT": 2001})


def test_copy_creates_a_new_object_with_changes(gui_session: Session, workload: dict) -> None:
    copy = gui_session.copy(gui_session.api.Project, workload["project"].id, updates={"name": "Copied project"})
    assert copy.id != workload["project"].id and copy.name == "Copied project"


def test_batch_runs_several_calls_in_one_request(gui_session: Session, workload: dict) -> None:
    with Counter(gui_session) as counter:
        found, counted = gui_session.batch([
            ("GET", "/task/search", {"projectID": workload["project"].id, "$$LIMIT": 2}),
            ("GET", "/task/count", {"projectID": workload["project"].id}),
        ])
    assert counter.count == 1
    assert len(found) == 2 and counted["count"] == TASKS


def test_named_query_returns_objects(gui_session: Session) -> None:
    statuses = gui_session.named_query("CSTEM", "projectStatuses")
    assert "CUR" in {status.fields["value"] for status in statuses}


def test_metadata_describes_fields_links_and_actions_for_the_gui(gui_session: Session) -> None:
    task = gui_session.metadata.describe("Task")
    status = task.fields["status"]
    assert status.field_type == "string" and status.is_enum and status.label == "Status"
    assert {"NEW": "New", "INP": "In Progress"}.items() <= {v.value: v.label for v in status.possible_values}.items()
    assert task.fields["taskNumber"].field_type == "int" and task.fields["taskNumber"].read_only
    assert task.fields["name"].required and not task.fields["name"].read_only
    assert task.fields["percentComplete"].python_name == "percent_complete"
    project = task.references["project"]
    assert (project.target_code, project.target_name, project.label) == ("PROJ", "Project", "Project")
    assert task.collections["assignments"].target_code == "ASSGN"
    mark_done = task.actions["markDone"]
    assert [(argument.name, argument.type) for argument in mark_done.arguments] == [("status", "string")]
    bulk_copy = task.actions["bulkCopy"]
    assert bulk_copy.result_type == "string[]"
    first_argument = bulk_copy.arguments[0]
    assert (first_argument.python_name, first_argument.is_list) == ("task_ids", True)
    issue = gui_session.metadata.describe("OPTASK")
    assert issue.class_name == "Issue" and issue.label == "Issue"


def test_an_error_body_becomes_a_typed_error_with_class_and_request_line(gui_session: Session) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        gui_session.get("/task/search", {"fields": "noSuchField"})
    assert caught.value.error_class and "noSuchField" in caught.value.message
    assert caught.value.request_line and caught.value.request_line.startswith("GET ")
    assert caught.value.status is not None


@pytest.mark.parametrize(("call", "expected"), [
    (lambda s: s.get("/task/search", {"fields": "noSuchField"}), errors.ValidationError),
    (lambda s: s.load("TASK", "0" * 32), errors.NotFoundError),
    (lambda s: Session("demo", url_template=s.url.rsplit("/", 1)[0] + "/{api_version}", api_version="v21.0",
                       session_id="0" * 32, use_cache=False).get("/proj/count"), errors.AuthenticationError),
])
def test_errors_sent_with_http_200_in_legacy_mode_are_still_typed(
        demo_server: Any, gui_session: Session, call: Any, expected: type[errors.WorkfrontError]) -> None:
    settings = demo_server.context.settings
    settings.classic_legacy_errors = True
    try:
        with pytest.raises(expected) as caught:
            call(gui_session)
    finally:
        settings.classic_legacy_errors = False
    assert caught.value.status == 200 and caught.value.error_class


def test_issue_convert_to_task_is_the_python_workfront_convenience(gui_session: Session, workload: dict) -> None:
    api = gui_session.api
    project = api.Project(gui_session, name="Conversions", owner_id=workload["me"].id)
    project.save()  # its own project, so the workload's task counts stay exact
    issue = api.Issue(gui_session, name="becomes a task", description="why", project_id=project.id)
    issue.save()
    task = issue.convert_to_task()
    assert type(task).__name__ == "Task"
    loaded = gui_session.load(api.Task, task.id, fields=["description", "projectID"])
    assert (loaded.name, loaded.description, loaded.project_id) == ("becomes a task", "why", project.id)
    assert callable(issue.convert_to_task_action), "the raw action stays reachable"


def test_a_file_uploads_and_attaches_as_a_document(gui_session: Session, workload: dict) -> None:
    document = gui_session.attach_document(workload["project"], "notes.txt", b"hello", name="Notes")
    assert document.code == "DOCU" and document.id
    loaded = gui_session.load("DOCU", document.id, fields=["docObjCode", "objID"])
    assert (loaded.fields["docObjCode"], loaded.fields["objID"]) == ("PROJ", workload["project"].id)


def test_custom_forms_describe_their_de_fields_in_one_request(gui_session: Session) -> None:
    with Counter(gui_session) as counter:
        forms = gui_session.custom_forms("PROJ")
    assert counter.count == 1 and forms
    fields = {field.name: field for form in forms for field in form.fields}
    assert all(name.startswith("DE:") and field.custom for name, field in fields.items())
    multi = [field for field in fields.values() if field.field_type == "string[]"]
    assert multi and all(field.possible_values for field in multi)
    project = gui_session.search("PROJ", fields=["parameterValues"], **{"$$LIMIT": 20})
    used = {name for p in project for name in (p.fields.get("parameterValues") or {})}
    assert used and used <= set(fields)


def test_search_pages_are_disjoint_and_in_a_stable_order(gui_session: Session, workload: dict) -> None:
    api = gui_session.api
    with Counter(gui_session) as counter:
        first = gui_session.search_page(api.Task, 0, 50, project_id=workload["project"].id)
        second = gui_session.search_page(api.Task, 50, 50, project_id=workload["project"].id)
    assert counter.count == 2
    ids = [task.id for task in first + second]
    assert len(set(ids)) == 100 and ids == sorted(ids)

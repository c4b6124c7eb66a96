"""Task and issue actions change real state (item 37 and issue 2's action list)."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.demo.classic.actions import ActionEnv, response_data, run_action
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import object_def
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.store import Store

NOW = 1_780_000_000.0  # 2026-05-28


def put(context: DemoContext, kind: str, **values: Any) -> dict[str, Any]:
    record = {"objCode": kind, **values}
    with context.store.transaction() as tx:
        tx.put(kind, record)
    return record


@pytest.fixture
def context() -> DemoContext:
    context = DemoContext(Store(":memory:"))
    put(context, "ROLE", ID="role-dev", name="Software Engineer")
    put(context, "USER", ID="u-admin", name="Ada Admin", username="admin", _password="demo", isActive=True)
    put(context, "USER", ID="u-dev", name="Dev One", username="dev", _password="demo", isActive=True,
        roleID="role-dev")
    put(context, "TEAMOB", ID="team-web", name="Web Platform")
    for pid, status in (("p1", "CUR"), ("p2", "PLN"), ("p-done", "CPL")):
        put(context, "PROJ", ID=pid, name=f"Project {pid}", status=status)
    put(context, "TASK", ID="phase", name="Build", projectID="p1", taskNumber=1, wbs="1", status="INP")
    put(context, "TASK", ID="t1", name="API integration", projectID="p1", parentID="phase", taskNumber=2,
        wbs="1.1", status="INP", percentComplete=40.0, plannedStartDate="2026-05-01T15:00:00.000Z",
        plannedCompletionDate="2026-05-10T22:00:00.000Z", workRequired=960)
    put(context, "TASK", ID="t2", name="Load testing", projectID="p1", parentID="phase", taskNumber=3, wbs="1.2",
        status="NEW", percentComplete=0.0, plannedStartDate="2026-05-11T15:00:00.000Z",
        plannedCompletionDate="2026-05-20T22:00:00.000Z", workRequired=480)
    put(context, "TASK", ID="t-other", name="Kickoff", projectID="p2", taskNumber=1, wbs="1", status="NEW")
    put(context, "TASK", ID="t-closed", name="Archived", projectID="p-done", taskNumber=1, wbs="1", status="CPL")
    put(context, "OPTASK", ID="i1", name="Checkout page times out", projectID="p1", status="NEW",
        description="Seen in staging", submittedByID="u-dev", priority=3)
    put(context, "NOTE", ID="n1", noteObjCode="OPTASK", objID="i1", noteText="Repro steps attached")
    return context


def act(context: DemoContext, code: str, record_id: str | None, name: str, **params: Any) -> Any:
    obj = object_def(code)
    assert obj is not None
    env = ActionEnv(user_id="u-admin", now=NOW, sessions=context.sessions)
    with context.store.transaction() as tx:
        record = tx.get(obj.obj_code, record_id) if record_id else None
        return run_action(tx, obj, record, name, params, env)


def get(context: DemoContext, kind: str, record_id: str) -> dict[str, Any]:
    record = context.store.get(kind, record_id)
    assert record is not None
    return record


def test_mark_done_completes_the_task_and_mark_not_done_restores_it(context: DemoContext) -> None:
    act(context, "TASK", "t1", "markDone")
    done = get(context, "TASK", "t1")
    assert (done["status"], done["percentComplete"]) == ("CPL", 100.0)
    assert done["actualCompletionDate"] == "2026-05-28T20:26:40.000Z"
    act(context, "TASK", "t1", "markNotDone")
    reopened = get(context, "TASK", "t1")
    assert (reopened["status"], reopened["percentComplete"], reopened["actualCompletionDate"]) == ("INP", 40.0, None)


def test_mark_done_on_an_issue_closes_it(context: DemoContext) -> None:
    act(context, "OPTASK", "i1", "markDone")
    issue = get(context, "OPTASK", "i1")
    assert (issue["status"], issue["isComplete"], issue["previousStatus"]) == ("CLS", True, "NEW")


def test_mark_done_rejects_a_status_that_is_not_complete(context: DemoContext) -> None:
    with pytest.raises(ClassicError):
        act(context, "TASK", "t1", "markDone", status="INP")
    assert get(context, "TASK", "t1")["status"] == "INP"


def test_mark_not_done_on_an_open_task_is_a_business_rule_error(context: DemoContext) -> None:
    with pytest.raises(ClassicError) as caught:
        act(context, "TASK", "t2", "markNotDone")
    assert caught.value.body()["msgKey"] == "exception.attask"


def test_item40_work_in_a_complete_project_fails_with_the_project_status_violation(context: DemoContext) -> None:
    with pytest.raises(ClassicError) as caught:
        act(context, "TASK", "t-closed", "assign", objID="u-dev", objCode="USER")
    assert caught.value.body() == {
        "class": "com.attask.common.ProjectStatusViolationException",
        "message": "Unable to complete operation for a project of status Complete",
        "title": None, "msgKey": "exception.attask", "attributes": [""], "code": 0,
    }


def test_assign_creates_an_assignment_and_unassign_removes_it(context: DemoContext) -> None:
    act(context, "TASK", "t2", "assign", objID="u-dev", objCode="USER")
    rows = [row for row in context.store.table("ASSGN").values() if row.get("taskID") == "t2"]
    assert len(rows) == 1
    assert (rows[0]["assignedToID"], rows[0]["roleID"], rows[0]["isPrimary"]) == ("u-dev", "role-dev", True)
    task = get(context, "TASK", "t2")
    assert (task["assignedToID"], task["primaryAssignmentID"]) == ("u-dev", rows[0]["ID"])
    act(context, "TASK", "t2", "assign", objID="u-dev", objCode="USER")  # no duplicate
    assert len([row for row in context.store.table("ASSGN").values() if row.get("taskID") == "t2"]) == 1
    act(context, "TASK", "t2", "unassign", userID="u-dev")
    assert not [row for row in context.store.table("ASSGN").values() if row.get("taskID") == "t2"]
    assert get(context, "TASK", "t2")["assignedToID"] is None
    with pytest.raises(ClassicError):
        act(context, "TASK", "t2", "unassign", userID="u-dev")


def test_assign_accepts_roles_and_teams_and_rejects_unknown_users(context: DemoContext) -> None:
    act(context, "OPTASK", "i1", "assign", objID="role-dev", objCode="ROLE")
    act(context, "OPTASK", "i1", "assign", objID="team-web", objCode="TEAMOB")
    rows = [row for row in context.store.table("ASSGN").values() if row.get("opTaskID") == "i1"]
    assert {(row.get("roleID"), row.get("teamID")) for row in rows} == {("role-dev", None), (None, "team-web")}
    with pytest.raises(ClassicError) as caught:
        act(context, "TASK", "t2", "assign", objID="nobody", objCode="USER")
    assert caught.value.kind == "not_found"


def test_move_to_another_project_takes_subtasks_along_and_renumbers(context: DemoContext) -> None:
    act(context, "TASK", "phase", "move", projectID="p2")
    moved = [get(context, "TASK", tid) for tid in ("phase", "t1", "t2")]
    assert {row["projectID"] for row in moved} == {"p2"}
    assert [(row["taskNumber"], row["wbs"]) for row in moved] == [(2, "2"), (3, "2.1"), (4, "2.2")]
    assert get(context, "TASK", "t-other")["wbs"] == "1"


def test_move_under_a_parent_changes_the_outline(context: DemoContext) -> None:
    act(context, "TASK", "t-other", "move", parentID="t1")
    moved = get(context, "TASK", "t-other")
    assert (moved["projectID"], moved["parentID"], moved["wbs"], moved["indent"]) == ("p1", "t1", "1.1.1", 2)
    assert get(context, "TASK", "t1")["numberOfChildren"] == 1


def test_a_task_cannot_move_under_its_own_subtask(context: DemoContext) -> None:
    with pytest.raises(ClassicError):
        act(context, "TASK", "phase", "move", parentID="t1")
    assert get(context, "TASK", "phase").get("parentID") is None


def test_convert_to_task_creates_a_linked_task_and_closes_the_issue(context: DemoContext) -> None:
    task_id = act(context, "OPTASK", "i1", "convertToTask",
                  updates='{"options":["preserveUpdates"],"task":{"name":"Fix checkout timeout"}}')
    task = get(context, "TASK", task_id)
    assert (task["name"], task["projectID"], task["status"], task["priority"]) == (
        "Fix checkout timeout", "p1", "NEW", 3)
    issue = get(context, "OPTASK", "i1")
    assert (issue["status"], issue["resolveTaskID"], issue["resolvingObjCode"]) == ("CLS", task_id, "TASK")
    copied = [note for note in context.store.table("NOTE").values() if note.get("objID") == task_id]
    assert [note["noteText"] for note in copied] == ["Repro steps attached"]


def test_convert_to_task_with_preserve_issue_keeps_it_open(context: DemoContext) -> None:
    act(context, "OPTASK", "i1", "convertToTask", options=["preserveIssue"])
    assert get(context, "OPTASK", "i1")["status"] == "NEW"


def test_share_creates_an_access_rule_and_sharing_again_updates_it(context: DemoContext) -> None:
    act(context, "PROJ", "p1", "share", accessorID="u-dev", accessorObjCode="USER", coreAction="VIEW")
    act(context, "PROJ", "p1", "share", accessorID="u-dev", accessorObjCode="USER", coreAction="EDIT")
    rules = [row for row in context.store.table("ACSRUL").values() if row.get("securityObjID") == "p1"]
    assert [(rule["accessorID"], rule["coreAction"], rule["securityObjCode"]) for rule in rules] == [
        ("u-dev", "EDIT", "PROJ")
    ]
    project = object_def("PROJ")
    assert project is not None
    assert len(project.collections["accessRules"].rows(context.store, get(context, "PROJ", "p1"))) == 1
    with pytest.raises(ClassicError):
        act(context, "PROJ", "p1", "share", accessorID="u-dev", accessorObjCode="USER", coreAction="OWN")


def test_unknown_actions_and_missing_ids_are_clear_errors(context: DemoContext) -> None:
    with pytest.raises(ClassicError) as caught:
        act(context, "TASK", "t1", "fly")
    assert "fly" in caught.value.message
    with pytest.raises(ClassicError):
        act(context, "TASK", None, "markDone")


def test_a_failed_action_leaves_the_store_unchanged(context: DemoContext) -> None:
    before = dict(context.store.table("ASSGN"))
    with pytest.raises(ClassicError):
        act(context, "TASK", "t2", "assignMultiple", userIDs=["u-dev", "ghost"])
    assert dict(context.store.table("ASSGN")) == before


def test_response_data_follows_the_result_type() -> None:
    task, issue, user = object_def("TASK"), object_def("OPTASK"), object_def("USER")
    assert task is not None and issue is not None and user is not None
    assert response_data(task, "markDone", None) == {}
    assert response_data(issue, "convertToTask", "abc") == {"result": "abc"}
    assert response_data(user, "clearApiKey", None) == {"success": True}

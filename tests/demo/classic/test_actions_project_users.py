"""Approvals, project calculations and the API-key family (items 8, 40, 43 and the issue's action list)."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.demo.classic.actions import ActionEnv, parse_arguments, run_action
from wfexplorer.demo.classic.actions.rules import apply_status
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import object_def
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.store import Store

NOW = 1_780_000_000.0


def put(context: DemoContext, kind: str, **values: Any) -> None:
    with context.store.transaction() as tx:
        tx.put(kind, {"objCode": kind, **values})


@pytest.fixture
def context() -> DemoContext:
    context = DemoContext(Store(":memory:"))
    put(context, "USER", ID="u1", name="Ada Admin", username="admin", _password="demo", isActive=True,
        costPerHour=50.0)
    put(context, "ARVPRC", ID="gate", name="Gate review")
    put(context, "PROJ", ID="p1", name="Checkout Redesign", status="CUR", approvalProcessID="gate")
    put(context, "PROJ", ID="p-open", name="Loyalty", status="CUR")
    put(context, "TASK", ID="a", name="Design", projectID="p-open", taskNumber=1, status="CPL", percentComplete=100.0,
        plannedStartDate="2026-04-01T15:00:00.000Z", plannedCompletionDate="2026-04-10T22:00:00.000Z",
        workRequired=960)
    put(context, "TASK", ID="b", name="Build", projectID="p-open", taskNumber=2, status="INP", percentComplete=50.0,
        plannedStartDate="2026-04-11T15:00:00.000Z", projectedCompletionDate="2026-06-30T22:00:00.000Z",
        plannedCompletionDate="2026-06-20T22:00:00.000Z", workRequired=2880)
    put(context, "TASK", ID="gated", name="Visual concepts", projectID="p-open", taskNumber=3, status="INP",
        approvalProcessID="gate")
    put(context, "HOUR", ID="h1", hours=4.0, ownerID="u1", projectID="p-open", taskID="b", status="SUB")
    return context


def act(context: DemoContext, code: str, record_id: str | None, name: str, user: str | None = "u1",
        **params: Any) -> Any:
    obj = object_def(code)
    assert obj is not None
    env = ActionEnv(user_id=user, now=NOW, sessions=context.sessions)
    with context.store.transaction() as tx:
        record = tx.get(obj.obj_code, record_id) if record_id else None
        return run_action(tx, obj, record, name, params, env)


def status(context: DemoContext, kind: str, record_id: str) -> str:
    record = context.store.get(kind, record_id)
    assert record is not None
    return str(record["status"])


def test_item43_marking_gated_work_done_waits_for_approval_then_approve_completes_it(context: DemoContext) -> None:
    act(context, "TASK", "gated", "markDone")
    assert status(context, "TASK", "gated") == "CPL:A"
    act(context, "TASK", "gated", "approveApproval", auditNote="Looks great")
    task = context.store.get("TASK", "gated")
    assert task is not None and (task["status"], task["percentComplete"]) == ("CPL", 100.0)
    decisions = [row["status"] for row in context.store.table("ARVSTS").values() if row["approvableObjID"] == "gated"]
    assert decisions == ["AA"]


def test_reject_and_recall_return_to_the_status_before_the_request(context: DemoContext) -> None:
    act(context, "TASK", "gated", "markDone")
    act(context, "TASK", "gated", "rejectApproval")
    assert status(context, "TASK", "gated") == "INP"
    with context.store.transaction() as tx:
        record = tx.get("PROJ", "p1")
        assert record is not None
        apply_status(tx, "PROJ", record, "CPL", ActionEnv(user_id="u1", now=NOW))
    assert status(context, "PROJ", "p1") == "CPL:A"
    act(context, "PROJ", "p1", "recallApproval")
    assert status(context, "PROJ", "p1") == "CUR"


def test_approving_work_that_is_not_pending_is_an_error(context: DemoContext) -> None:
    with pytest.raises(ClassicError) as caught:
        act(context, "PROJ", "p1", "approveApproval")
    assert caught.value.body()["msgKey"] == "exception.attask"
    assert status(context, "PROJ", "p1") == "CUR"


def test_calculate_timeline_recomputes_the_project_from_its_tasks(context: DemoContext) -> None:
    act(context, "PROJ", "p-open", "calculateTimeline")
    project = context.store.get("PROJ", "p-open")
    assert project is not None
    assert project["projectedStartDate"] == "2026-04-01T15:00:00.000Z"
    assert project["projectedCompletionDate"] == "2026-06-30T22:00:00.000Z"
    # leaves weighted by work: a 960 min at 100 %, b 2880 min at 50 %, gated unweighted (1) at 0 %
    assert project["percentComplete"] == round((960 * 100 + 2880 * 50) / (960 + 2880 + 1), 2)
    assert project["lastCalcDate"] == "2026-05-28T20:26:40.000Z"


def test_calculate_finance_costs_hours_at_the_owners_rate(context: DemoContext) -> None:
    act(context, "PROJ", "p-open", "calculateFinance")
    project, hour = context.store.get("PROJ", "p-open"), context.store.get("HOUR", "h1")
    assert project is not None and hour is not None
    assert (hour["actualCost"], project["actualCost"]) == (200.0, 200.0)


def test_item8_api_key_is_empty_until_generated_and_clear_invalidates_it(context: DemoContext) -> None:
    assert act(context, "USER", None, "getApiKey", user=None, username="admin", password="demo") == ""
    key = act(context, "USER", None, "generateApiKey", user=None, username="admin", password="demo")
    assert len(key) == 32 and context.sessions.user_for_api_key(key) == "u1"
    assert act(context, "USER", None, "getApiKey", user=None, username="ADMIN", password="demo") == key
    act(context, "USER", None, "clearApiKey", user=None, username="admin", password="demo")
    assert context.sessions.user_for_api_key(key) is None
    assert act(context, "USER", None, "getApiKey", user=None, username="admin", password="demo") == ""


def test_api_key_actions_with_a_wrong_password_fail_like_login(context: DemoContext) -> None:
    with pytest.raises(ClassicError) as caught:
        act(context, "USER", None, "generateApiKey", user=None, username="admin", password="nope")
    assert caught.value.error_class == "com.attask.common.AuthenticationException"
    assert "caps lock" in caught.value.message
    assert context.sessions.api_key_for("u1") is None


def test_arguments_are_parsed_from_repeated_keys_json_and_text() -> None:
    task = object_def("TASK")
    assert task is not None
    bulk = task.find_action("bulkMove")
    assert bulk is not None
    assert parse_arguments(bulk, {"taskIDs": ["a", "b"], "projectID": "p"})["taskIDs"] == ["a", "b"]
    assert parse_arguments(bulk, {"taskIDs": '["a","b"]'})["taskIDs"] == ["a", "b"]
    assert parse_arguments(bulk, {"taskIDs": "a,b", "sessionID": "x"}) == {
        "taskIDs": ["a", "b"], "projectID": None, "parentID": None, "options": None,
    }
    note = object_def("NOTE")
    assert note is not None
    add = note.find_action("addNoteToObjects")
    assert add is not None
    assert parse_arguments(add, {"isPrivate": "True"})["isPrivate"] is True
    with pytest.raises(ClassicError):
        parse_arguments(add, {"isPrivate": "maybe"})


def test_create_project_with_override_needs_no_object_and_validates_the_status(context: DemoContext) -> None:
    new_id = act(context, "PROJ", None, "createProjectWithOverride", project='{"name": "Trail Map App"}')
    created = context.store.get("PROJ", new_id)
    assert created is not None
    assert (created["name"], created["status"], created["priority"], created["ownerID"]) == (
        "Trail Map App", "CUR", 0, "u1")
    with pytest.raises(ClassicError):
        act(context, "PROJ", None, "createProjectWithOverride", project={"name": "X", "status": "BOGUS"})


def test_group_members_can_be_listed_and_replaced(context: DemoContext) -> None:
    put(context, "GROUP", ID="g1", name="Marketing")
    put(context, "GROUP", ID="g2", name="Field Marketing")
    put(context, "USER", ID="u2", name="Bo", username="bo", homeGroupID="g1")
    act(context, "GROUP", "g1", "updateMembersList", userIDs=["u1"])
    assert act(context, "GROUP", "g1", "getGroupMembers") == ["u1", "u2"]
    act(context, "GROUP", "g1", "updateMembersList", userIDs=[])
    assert act(context, "GROUP", "g1", "getGroupMembers") == ["u2"]
    act(context, "GROUP", "g1", "addSubgroups", ids=["g2"])
    group = context.store.get("GROUP", "g2")
    assert group is not None and group["parentID"] == "g1"
    with pytest.raises(ClassicError):
        act(context, "GROUP", "g2", "addSubgroups", ids=["g1"])


def test_role_reference_checks_and_replace_delete_move_users_to_the_replacement(context: DemoContext) -> None:
    put(context, "ROLE", ID="r-old", name="Webmaster")
    put(context, "ROLE", ID="r-new", name="Software Engineer")
    put(context, "USER", ID="u3", name="Cy", username="cy", roleID="r-old")
    assert act(context, "ROLE", None, "hasReference", ids=["r-old"]) is True
    assert act(context, "ROLE", None, "hasReference", ids=["r-new"]) is False
    act(context, "ROLE", None, "replaceDelete", ids=["r-old"], replacementID="r-new")
    user = context.store.get("USER", "u3")
    assert user is not None and user["roleID"] == "r-new"
    assert context.store.get("ROLE", "r-old") is None


def test_stamps_are_written_only_where_the_object_has_them(context: DemoContext) -> None:
    put(context, "ROLE", ID="r1", name="Designer")
    act(context, "ROLE", None, "addEarlyAccess", ids=["r1"])
    role = context.store.get("ROLE", "r1")
    assert role is not None and role["_earlyAccess"] is True and "lastUpdateDate" not in role

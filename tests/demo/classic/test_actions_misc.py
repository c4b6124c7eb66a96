"""Actions on hours, notes, documents, programs, custom forms and users change real state."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.demo.classic.actions import ActionEnv, implemented_actions, run_action
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import all_objects, object_def
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.store import Store

NOW = 1_780_000_000.0


def put(context: DemoContext, kind: str, **values: Any) -> None:
    with context.store.transaction() as tx:
        tx.put(kind, {"objCode": kind, **values})


@pytest.fixture
def context() -> DemoContext:
    context = DemoContext(Store(":memory:"))
    put(context, "USER", ID="u1", name="Ada", username="ada", _password="demo", isActive=True)
    put(context, "USER", ID="u2", name="Bo", username="bo", _password="demo", isActive=True)
    put(context, "PORT", ID="port-a", name="Digital")
    put(context, "PORT", ID="port-b", name="Operations")
    put(context, "PRGM", ID="prog", name="Storefront", portfolioID="port-a")
    put(context, "PROJ", ID="p1", name="Checkout", status="CUR", programID="prog", portfolioID="port-a")
    put(context, "TASK", ID="t1", name="Wireframes", projectID="p1", status="INP")
    put(context, "HOUR", ID="h1", hours=3.0, ownerID="u2", taskID="t1", projectID="p1", status="SUB")
    put(context, "NOTE", ID="n1", noteText="Draft shared", noteObjCode="TASK", objID="t1", numLikes=0)
    put(context, "DOCU", ID="d1", name="Brief.docx", docObjCode="PROJ", objID="p1", projectID="p1")
    put(context, "CTGY", ID="form", name="Task Details", catObjCode="TASK")
    put(context, "CTGY", ID="pform", name="Intake", catObjCode="PROJ")
    put(context, "WRKITM", ID="w1", objID="t1", objObjCode="TASK", userID="u1", projectID="p1")
    return context


def act(context: DemoContext, code: str, record_id: str | None, name: str, user: str = "u1", **params: Any) -> Any:
    obj = object_def(code)
    assert obj is not None
    with context.store.transaction() as tx:
        record = tx.get(obj.obj_code, record_id) if record_id else None
        return run_action(tx, obj, record, name, params, ActionEnv(user_id=user, now=NOW,
                                                                   sessions=context.sessions))


def row(context: DemoContext, kind: str, record_id: str) -> dict[str, Any]:
    record = context.store.get(kind, record_id)
    assert record is not None
    return record


def test_hours_are_approved_once_and_can_be_unapproved(context: DemoContext) -> None:
    act(context, "HOUR", "h1", "approve")
    assert (row(context, "HOUR", "h1")["status"], row(context, "HOUR", "h1")["approvedByID"]) == ("APR", "u1")
    with pytest.raises(ClassicError):
        act(context, "HOUR", "h1", "approve")
    act(context, "HOUR", "h1", "unapprove")
    assert row(context, "HOUR", "h1")["status"] == "SUB"


def test_likes_are_counted_once_per_user(context: DemoContext) -> None:
    act(context, "NOTE", "n1", "like")
    act(context, "NOTE", "n1", "like")
    act(context, "NOTE", "n1", "like", user="u2")
    assert row(context, "NOTE", "n1")["numLikes"] == 2
    act(context, "NOTE", "n1", "unlike", user="u2")
    assert row(context, "NOTE", "n1")["numLikes"] == 1
    assert len(context.store.table("LIKE")) == 1


def test_add_note_to_objects_comments_on_each_object(context: DemoContext) -> None:
    ids = act(context, "NOTE", None, "addNoteToObjects", objIDs=["t1"], noteObjCode="TASK", noteText="Ship it")
    note = row(context, "NOTE", ids[0])
    assert (note["noteText"], note["objID"], note["taskID"], note["projectID"]) == ("Ship it", "t1", "t1", "p1")


def test_documents_move_between_objects_and_check_out_exclusively(context: DemoContext) -> None:
    act(context, "DOCU", "d1", "move", objID="t1", docObjCode="TASK")
    document = row(context, "DOCU", "d1")
    assert (document["docObjCode"], document["objID"], document["taskID"], document["projectID"]) == (
        "TASK", "t1", "t1", "p1")
    act(context, "DOCU", "d1", "checkOut")
    with pytest.raises(ClassicError):
        act(context, "DOCU", "d1", "checkOut", user="u2")
    act(context, "DOCU", None, "checkIn", documentID="d1")
    assert row(context, "DOCU", "d1")["checkedOutByID"] is None


def test_moving_a_program_moves_its_projects_to_the_portfolio(context: DemoContext) -> None:
    act(context, "PRGM", "prog", "move", portfolioID="port-b")
    assert row(context, "PRGM", "prog")["portfolioID"] == "port-b"
    assert row(context, "PROJ", "p1")["portfolioID"] == "port-b"


def test_custom_forms_attach_only_to_their_object_type(context: DemoContext) -> None:
    act(context, "CTGY", None, "assignCategory", objID="t1", objCode="TASK", categoryID="form")
    assert row(context, "TASK", "t1")["categoryID"] == "form"
    with pytest.raises(ClassicError):
        act(context, "CTGY", None, "assignCategory", objID="t1", objCode="TASK", categoryID="pform")
    assert act(context, "CTGY", None, "getFilteredCategories", objCode="task") == ["form"]
    act(context, "CTGY", None, "unassignCategory", objID="t1", objCode="TASK", categoryID="form")
    assert row(context, "TASK", "t1")["categoryID"] is None


def test_work_items_record_views(context: DemoContext) -> None:
    act(context, "WRKITM", "w1", "markViewed")
    assert row(context, "WRKITM", "w1")["lastViewedDate"] == "2026-05-28T20:26:40.000Z"


def test_users_are_deactivated_and_passwords_reset(context: DemoContext) -> None:
    act(context, "USER", None, "deactivateUsers", userIDs=["u2"])
    assert row(context, "USER", "u2")["isActive"] is False
    assert context.sessions.check_password("bo", "demo") is None
    act(context, "USER", None, "activateUsers", userIDs="u2")
    with pytest.raises(ClassicError):
        act(context, "USER", "u2", "resetPassword", oldPassword="wrong", newPassword="x")
    act(context, "USER", "u2", "resetPassword", oldPassword="demo", newPassword="trail-2026")
    assert context.sessions.check_password("bo", "trail-2026") is not None


def test_registration_needs_the_issued_token(context: DemoContext) -> None:
    token = act(context, "USER", "u2", "assignUserToken")
    with pytest.raises(ClassicError):
        act(context, "USER", "u2", "completeUserRegistration", token="guess", newPassword="x")
    act(context, "USER", "u2", "completeUserRegistration", token=token, firstName="Bo", lastName="Larsen",
        newPassword="pines")
    user = row(context, "USER", "u2")
    assert (user["name"], user["_password"], user["_registrationToken"]) == ("Bo Larsen", "pines", None)


def test_every_implementation_belongs_to_an_action_the_metadata_declares() -> None:
    for code, name in implemented_actions():
        obj = object_def(code)
        assert obj is not None and name in obj.actions, (code, name)
    declared = sum(len(obj.actions) for obj in all_objects())
    assert len(implemented_actions()) >= declared - 10

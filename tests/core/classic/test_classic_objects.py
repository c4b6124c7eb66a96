"""The reflected object model: fields, references, collections, actions, saving only what changed."""

from __future__ import annotations

import inspect
import json

import pytest
from classic_canned import CannedServer

from wfexplorer.core.classic import Collection, Field, FieldNotLoaded, Object, Reference, UnknownFieldError

ISSUE_ID = "a" * 32
USER_ID = "b" * 32


def issue_data(**extra: object) -> dict[str, object]:
    return {"ID": ISSUE_ID, "name": "bug", "objCode": "OPTASK", **extra}


def test_classes_are_reflected_from_metadata_with_api_explorer_names(reflected: CannedServer) -> None:
    api = reflected.session().api
    assert api.Issue.code == "OPTASK" and api.Role.code == "ROLE"
    assert isinstance(api.Issue.previous_status, Field)
    assert isinstance(api.Issue.owner, Reference) and api.Issue.owner.target == "USER"
    assert isinstance(api.Issue.resolvables, Collection)
    assert api.Role.meta is not None and api.Role.meta.fields["billingPerHour"].flags == ("CURRENCY",)
    assert api.Issue is api.Issue, "a class is built once per session"
    with pytest.raises(AttributeError, match="did you mean Issue"):
        _ = api.Isue


def test_repr_lists_loaded_fields_sorted_like_python_workfront(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data())
    assert repr(issue) == f"<Issue: ID='{ISSUE_ID}', name='bug', objCode='OPTASK'>"


def test_reading_an_unloaded_field_raises_field_not_loaded(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data())
    with pytest.raises(FieldNotLoaded, match="previousStatus"):
        _ = issue.previous_status
    assert not hasattr(issue, "previous_status")


def test_load_fetches_more_fields_with_one_request_in_python_or_workfront_spelling(reflected: CannedServer) -> None:
    reflected.answer("GET", f"/OPTASK/{ISSUE_ID}", {"data": issue_data(previousStatus="NEW")})
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data())
    issue.load("previous_status")
    assert issue.previous_status == "NEW"
    assert reflected.requests[-1].query["fields"] == ["previousStatus"]


def test_a_reference_is_loaded_on_first_read_and_then_kept(reflected: CannedServer) -> None:
    owner = {"ID": USER_ID, "name": "Ada", "objCode": "USER"}
    reflected.answer("GET", f"/OPTASK/{ISSUE_ID}", {"data": issue_data(owner=owner)})
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data())
    first = issue.owner
    count = len(reflected.requests)
    assert first is issue.owner and len(reflected.requests) == count
    assert type(first).__name__ == "User" and first.name == "Ada"


def test_an_empty_reference_is_none_and_an_empty_collection_an_empty_tuple(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data(owner=None, resolvables=[]))
    assert issue.owner is None and issue.resolvables == ()


def test_references_and_collections_cannot_be_set(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data(owner=None, resolvables=[]))
    with pytest.raises(AttributeError, match="cannot be set"):
        issue.owner = None
    with pytest.raises(AttributeError, match="cannot be set"):
        issue.resolvables = ()
    assert isinstance(issue.resolvables, tuple)


def test_without_lazy_loading_an_unloaded_reference_raises_and_sends_nothing(reflected: CannedServer) -> None:
    session = reflected.session(lazy=False)
    issue = session.api.Issue._from_wire(session, issue_data())
    count = len(reflected.requests)
    with pytest.raises(FieldNotLoaded):
        _ = issue.owner
    assert len(reflected.requests) == count


def test_save_creates_with_every_set_field_then_sends_only_changes(reflected: CannedServer) -> None:
    reflected.answer("POST", "/OPTASK", {"data": issue_data(description="details")})
    reflected.answer("PUT", f"/OPTASK/{ISSUE_ID}", {"data": issue_data(description="details\nmore")})
    session = reflected.session()
    issue = session.api.Issue(session, name="bug", project_id="p" * 32)
    issue.save()
    assert json.loads(reflected.requests[-1].form["updates"][0]) == {"name": "bug", "projectID": "p" * 32}
    assert issue.id == ISSUE_ID
    count = len(reflected.requests)
    issue.save()
    assert len(reflected.requests) == count, "nothing changed, nothing sent"
    issue.name = "bug 2"
    assert issue.changes() == {"name": "bug 2"}
    issue.save()
    assert json.loads(reflected.requests[-1].form["updates"][0]) == {"name": "bug 2"}
    assert issue.changes() == {}


def test_constructor_refuses_unknown_names_and_references(reflected: CannedServer) -> None:
    session = reflected.session()
    with pytest.raises(UnknownFieldError, match="previousStatus"):
        session.api.Issue(session, previous_stat="x")
    with pytest.raises(AttributeError, match="reference"):
        session.api.Issue(session, owner=None)


def test_custom_form_fields_are_read_and_written_by_item(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data(**{"DE:Budget Code": "B-1"}))
    assert issue["DE:Budget Code"] == "B-1"
    issue["DE:Budget Code"] = "B-2"
    assert issue.changes() == {"DE:Budget Code": "B-2"}


def test_actions_are_methods_with_the_metadata_arguments(reflected: CannedServer) -> None:
    reflected.answer("PUT", f"/OPTASK/{ISSUE_ID}/markDone", {"data": {}})
    reflected.answer("PUT", f"/OPTASK/{ISSUE_ID}/assignMultiple", {"data": {"result": "done"}})
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data())
    assert list(inspect.signature(issue.mark_done).parameters) == ["status"]
    assert issue.mark_done(status="CLS") is None
    assert reflected.requests[-1].form == {"status": ["CLS"]}
    assert issue.assign_multiple(user_ids=["u1", "u2"], team_id="t") == "done"
    assert reflected.requests[-1].form == {"userIDs": ['["u1", "u2"]'], "teamID": ["t"]}
    count = len(reflected.requests)
    with pytest.raises(TypeError):
        issue.mark_done(stat="CLS")
    assert len(reflected.requests) == count


def test_merged_data_reaches_objects_already_handed_out(reflected: CannedServer) -> None:
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data(owner={"ID": USER_ID, "objCode": "USER"}))
    owner = issue.owner
    issue._merge({"owner": {"ID": USER_ID, "objCode": "USER", "emailAddr": "ada@example.com"}})
    assert issue.owner is owner and owner.email_addr == "ada@example.com"


def test_an_object_without_a_session_still_tracks_fields() -> None:
    class Thing(Object):
        code = "THING"
        label = Field("label")

    thing = Thing(label="x")
    assert thing.label == "x" and thing.id is None and thing.changes() == {}
    thing.label = "y"
    assert thing.changes() == {"label": "y"}


def test_a_failed_save_keeps_every_edit(reflected: CannedServer) -> None:
    from wfexplorer.core import errors

    reflected.answer("PUT", f"/OPTASK/{ISSUE_ID}", {"error": {"class": "x.ValidationException",
                                                              "message": "Invalid status"}}, status=422)
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data(status="NEW"))
    issue.status = "BAD"
    issue.name = "renamed"
    with pytest.raises(errors.ValidationError, match="Invalid status"):
        issue.save()
    assert issue.changes() == {"name": "renamed", "status": "BAD"}


def test_loading_more_data_never_loses_an_unsaved_edit(reflected: CannedServer) -> None:
    answer = {"data": issue_data(name="server name", previousStatus="NEW")}
    reflected.answer("GET", f"/OPTASK/{ISSUE_ID}", answer)
    reflected.answer("GET", "/OPTASK", {"data": [answer["data"]]})
    session = reflected.session()
    issue = session.api.Issue._from_wire(session, issue_data())
    issue.name = "my edit"
    session.load_fields([issue], "previous_status")
    assert issue.name == "my edit" and issue.changes() == {"name": "my edit"}
    issue.load("name")
    assert issue.name == "server name" and issue.changes() == {}, "an explicit load of the field wins"

"""The classic detail form against the simulator: a group per custom form the object has, every collection counted."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from wfexplorer.core import errors
from wfexplorer.core.browse import Loader
from wfexplorer.core.browse.collections import count_plan
from wfexplorer.core.browse.nodes import LinkRef, NodeKind, ObjectRef
from wfexplorer.core.browse.results import LoadRequest
from wfexplorer.core.classic.customforms import CustomForm
from wfexplorer.core.connection import Connection
from wfexplorer.core.details import COUNT_NOT_KNOWN, ClassicSection, DetailLoader, classic_sections, display_value
from wfexplorer.core.editing import EditSetup, plan_delete

FORM_OF = {"PROJ": "Project Intake", "TASK": "Task Details"}


def form_named(connection: Connection, code: str) -> CustomForm:
    return next(form for form in connection.session.custom_forms(code) if form.name == FORM_OF[code])


def new_object(connection: Connection, code: str, **updates: Any) -> dict[str, Any]:
    """An object of its own (a task in a seeded project): tests change their own objects only."""
    session = connection.session
    if code == "TASK":
        updates["projectID"] = session.get("/proj/search", {"$$LIMIT": 1, "fields": "ID"})[0]["ID"]
    return session.post(f"/{code.lower()}", {"updates": {"name": f"Detail form test {code}", **updates}})


def section(sections: list[ClassicSection], title: str) -> ClassicSection:
    found = next((item for item in sections if item.title == title), None)
    assert found is not None, f"no {title!r} among {[item.title for item in sections]}"
    return found


@pytest.mark.parametrize("code", ["PROJ", "TASK"])
def test_all_fields_show_a_group_per_custom_form_with_every_field_of_the_form(connection, code):
    form = form_named(connection, code)
    text_field = next(field for field in form.fields if field.field_type == "string" and not field.is_enum)
    obj = new_object(connection, code, categoryID=form.id, **{text_field.name: "FIN-7"})
    details = DetailLoader(connection).classic(code, obj["ID"], all_fields=True)
    rows = section(classic_sections(details), f"Custom form: {form.name}").rows
    assert [row.name for row in rows] == [field.name for field in form.fields]  # the form's order, all its fields
    assert [(row.label, row.type) for row in rows] == [(field.label, field.field_type) for field in form.fields]
    shown = {row.name: row for row in rows}
    assert shown[text_field.name].text == "FIN-7"
    empty = [row for row in rows if row.name != text_field.name]
    assert empty and all(row.loaded and row.text == "" for row in empty), "fields without a value are empty, loaded"


def test_before_all_fields_are_loaded_the_forms_group_is_there_with_its_fields_not_loaded(connection):
    form = form_named(connection, "PROJ")
    project = new_object(connection, "PROJ", categoryID=form.id)
    details = DetailLoader(connection).classic("PROJ", project["ID"])
    assert details.custom_forms == (form,)
    rows = section(classic_sections(details), "Custom form: Project Intake").rows
    assert len(rows) == len(form.fields) and not any(row.loaded for row in rows)


def test_custom_values_read_like_the_built_in_fields_of_their_type(connection):
    form = form_named(connection, "PROJ")
    by_name = {field.name: field for field in form.fields}
    multi = next(field for field in form.fields if field.field_type == "string[]")
    date = next(field for field in form.fields if field.field_type == "dateTime")
    number = next(field for field in form.fields if field.field_type == "double")
    moment = "2026-05-04T09:30:00:000-0500"
    choices = [option.value for option in multi.possible_values[:2]]
    project = new_object(connection, "PROJ", categoryID=form.id,
                         **{multi.name: choices, date.name: moment, number.name: 1250})
    details = DetailLoader(connection).classic("PROJ", project["ID"], all_fields=True)
    shown = {row.name: row.text for row in section(classic_sections(details), "Custom form: Project Intake").rows}
    built_in = details.meta.fields
    assert shown[date.name] == display_value(moment, built_in["plannedStartDate"])  # local time, as dates read
    assert shown[number.name] == display_value(1250, built_in["budget"]) == "1250"
    assert shown[multi.name] == ", ".join(option.label for option in by_name[multi.name].possible_values[:2])


def test_the_forms_cost_one_request_per_type_and_none_for_an_object_without_one(connection, requests_sent):
    form = form_named(connection, "PROJ")
    first, second = (new_object(connection, "PROJ", categoryID=form.id) for _ in range(2))
    plain = new_object(connection, "PROJ")
    loader = DetailLoader(connection)
    requests_sent.clear()
    loader.classic("PROJ", plain["ID"], all_fields=True)  # (also describes the collections' types)
    assert not [event for event in requests_sent.sent if "/ctgy/" in event.url]
    loader.classic("PROJ", first["ID"], all_fields=True)
    assert len([event for event in requests_sent.sent if "/ctgy/search" in event.url]) == 1
    requests_sent.clear()
    again = loader.classic("PROJ", second["ID"], all_fields=True)
    assert requests_sent.count() == 1, [event.url for event in requests_sent.sent]
    assert [found.name for found in again.custom_forms] == ["Project Intake"]
    editing = EditSetup(connection).for_object(again)  # the edit form groups by the forms the load found
    assert "Custom form: Project Intake" in [group.title for group in editing.groups]
    assert not [event for event in requests_sent.sent if "/ctgy/" in event.url], "the edit form reads no forms itself"


def navigator_total(connection: Connection, code: str, object_id: str, name: str, target: str) -> int | None:
    request = LoadRequest(1, 1, NodeKind.COLLECTION, LinkRef(ObjectRef(code, object_id), name, target), name)
    return Loader(connection).load(request).total


@pytest.mark.parametrize("code", ["PROJ", "PORT"])
def test_every_collection_is_counted_as_the_navigator_counts_it_whatever_was_browsed_before(connection, code):
    # a fresh connection: no collection's type has been described yet
    owner = connection.session.get(f"/{code.lower()}/search", {"$$LIMIT": 1, "fields": "ID"})[0]
    details = DetailLoader(connection).classic(code, owner["ID"])
    collections = details.meta.collections
    assert set(details.collection_counts) == set(collections)
    for name, link in collections.items():
        assert details.collection_counts[name] == navigator_total(connection, code, owner["ID"], name,
                                                                  link.target_code), name
    rows = section(classic_sections(details), "Collections").rows
    assert all(row.loaded and row.text.replace(",", "").isdigit() for row in rows), rows


def test_counting_every_collection_takes_one_batch_once_the_types_are_described(connection, requests_sent):
    projects = connection.session.get("/proj/search", {"$$LIMIT": 2, "fields": "ID"})
    loader = DetailLoader(connection)
    loader.classic("PROJ", projects[0]["ID"])
    requests_sent.clear()
    loader.classic("PROJ", projects[1]["ID"])
    assert requests_sent.count() == 1 and requests_sent.sent[0].url.endswith("/batch")


def test_a_collection_the_server_did_not_count_says_its_count_is_not_known(connection):
    project = connection.session.get("/proj/search", {"$$LIMIT": 1, "fields": "ID"})[0]
    details = DetailLoader(connection).classic("PROJ", project["ID"])
    plan = count_plan(details.meta, project["ID"], connection.session.metadata)
    answers = connection.session.batch(plan.calls(), raise_errors=False)
    refused = errors.ValidationError("You do not have access to count these")
    searched = list(plan.searched)
    counts = plan.counts([refused, *answers[1:-1], refused])  # the first search and the whole read refused
    assert searched[0] not in counts and not set(plan.whole) & set(counts)
    assert set(searched[1:]) <= set(counts)
    rows = {row.name: row for row in section(classic_sections(replace(details, collection_counts=counts)),
                                             "Collections").rows}
    assert rows[searched[0]].text == COUNT_NOT_KNOWN and not rows[searched[0]].loaded
    assert rows[searched[1]].text.isdigit()


def test_the_delete_question_names_what_goes_with_a_project_not_the_statuses_it_may_take(connection):
    session = connection.session
    project = new_object(connection, "PROJ")
    session.post("/task", {"updates": {"name": "Its task", "projectID": project["ID"]}})
    plan = plan_delete(connection, "PROJ", project["ID"])
    assert plan.goes_with == (("Tasks", 1),)

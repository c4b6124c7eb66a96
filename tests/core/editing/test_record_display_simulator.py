"""A Planning record as the detail view and the edit form read it, against the simulator: people by name (in
one request for all of a record's people), a person nobody can name by their id and "unknown user", lookups and
rollups formatted like numbers, currencies with their code."""

from __future__ import annotations

from editing_support import Wire, sign_in

from wfexplorer.core.details import DetailLoader, record_values
from wfexplorer.core.editing import EditSetup
from wfexplorer.core.planning import PlanningClient, Record, RecordType
from wfexplorer.core.planning.builder import ClassicPeople
from wfexplorer.core.planning.builder.people import PlanningPeople
from wfexplorer.core.planning.filters import Paging, SearchRequest
from wfexplorer.demo.planning.users import ims_id_for


def campaigns(planning: PlanningClient) -> RecordType:
    workspace = next(ws for ws in planning.workspaces() if ws.name == "2027 Marketing Plan")
    return next(rt for rt in planning.record_types(workspace.id) if rt.display_name == "Campaigns")


def field_id(planning: PlanningClient, record_type: RecordType, label: str) -> str:
    return next(f.id for f in planning.fields(record_type.id) if f.display_name == label)


def people_by_ims_id(connection) -> dict[str, str]:
    """Who the simulator's users are, by the IMS id it gives each (its users module derives them)."""
    users = connection.session.get("/user/search", {"fields": "ID,name", "$$LIMIT": 2000})
    return {ims_id_for(user["ID"]): user["name"] for user in users}


def owned_by_others(planning: PlanningClient, record_type: RecordType, owners: str) -> Record:
    """A seeded campaign whose owners include someone who neither created nor last updated it: its own audits
    cannot name them."""
    page = planning.search(record_type.id, SearchRequest(paging=Paging(0, 50)))
    for record in page.records:
        editors = {user.id for user in (record.audit.created_by, record.audit.updated_by) if user is not None}
        if set(record.data.get(owners) or ()) - editors:
            return record
    raise AssertionError("every seeded campaign is owned by its own editors")


def shown(details) -> dict[str, str]:
    return {value.field.display_name: value.text for value in record_values(details)}


def searches(wire: Wire) -> list[str]:
    return [event.url for event in wire.events if "/records/search" in event.url]


def test_people_fields_read_by_name_and_all_of_a_records_people_cost_one_request(connection, wire):
    planning = connection.planning
    record_type = campaigns(planning)
    owners = field_id(planning, record_type, "Owners")
    record = owned_by_others(planning, record_type, owners)
    truth = people_by_ims_id(connection)
    loader = DetailLoader(connection)
    wire.clear()
    details = loader.record(record.id, record_type.id)
    assert shown(details)["Owners"] == ", ".join(truth[ident] for ident in record.data[owners])
    assert all("@" in ident for ident in record.data[owners])  # Planning reports people by IMS id
    assert len(searches(wire)) == 1  # the record's people, all of them, in one search
    assert len(wire.events) == 4  # the record, its type, its fields, that search
    editing = EditSetup(connection).for_record(details)
    assert all(editing.state.names[ident] == truth[ident] for ident in record.data[owners])  # the edit form too
    assert not editing.state.unknown_people


def test_people_the_directory_has_learned_cost_no_request(connection, wire):
    planning = connection.planning
    record_type = campaigns(planning)
    owners = field_id(planning, record_type, "Owners")
    loader = DetailLoader(connection)
    page = planning.search(record_type.id, SearchRequest(paging=Paging(0, 50)))
    loader.record(page.records[0].id, record_type.id)
    known = loader.people.names()
    again = next(record for record in page.records[1:]
                 if record.data.get(owners) and all(ident in known for ident in record.data[owners]))
    wire.clear()
    details = loader.record(again.id, record_type.id)
    assert len(wire.events) == 1 and not searches(wire)  # the record only: type, fields and people are known
    assert "@" not in shown(details)["Owners"]


def test_a_person_nobody_can_name_reads_as_their_id_and_unknown_user(connection, wire):
    planning = connection.planning
    record_type = campaigns(planning)
    owners = field_id(planning, record_type, "Owners")
    stranger = connection.session.post("/user", {"updates": {
        "name": "Quentin Nowhere", "username": "quentin.nowhere@example.com",
        "emailAddr": "quentin.nowhere@example.com"}})  # has created and updated nothing in Planning
    record = planning.create_record(record_type.id, {owners: [{"id": stranger["ID"], "idType": "WF"}]})
    [ims] = record.data[owners]
    assert "@" in ims
    wire.clear()
    details = DetailLoader(connection).record(record.id, record_type.id)
    assert shown(details)["Owners"] == f"{ims} (unknown user)"
    assert len(searches(wire)) == 1  # asked once, not found
    assert EditSetup(connection).for_record(details).state.unknown_people == {ims}


def test_workfront_ids_are_named_by_one_classic_user_search_and_ims_ids_are_left_to_planning(connection, wire):
    users = connection.session.get("/user/search", {"fields": "ID,name", "name_Sort": "asc", "$$LIMIT": 3})
    ims = ims_id_for(users[0]["ID"])
    wire.clear()
    found = ClassicPeople(connection.session).named([user["ID"] for user in users] + [ims])
    assert sorted((person.wf_id, person.name) for person in found) == sorted((u["ID"], u["name"]) for u in users)
    assert len([event for event in wire.events if "/user/search" in event.url.lower()]) == 1  # (besides metadata, once)


def test_planning_v1_names_nobody_by_audit_search_and_sends_nothing(demo_server, tmp_path):
    connection = sign_in(demo_server, tmp_path, planning_version="v1")
    try:
        planning = connection.planning
        assert planning is not None and planning.version == 1
        record_type = campaigns(planning)
        audit = [f.id for f in planning.fields(record_type.id) if f.display_name in ("Created by", "Last updated by")]
        wire = Wire()
        connection.subscribe(wire)
        someone = next(iter(people_by_ims_id(connection)))
        wire.clear()
        assert PlanningPeople(planning, record_type.id, audit).named([someone]) == []
        assert wire.events == []  # v1 audits are bare ids: no search could name anyone
    finally:
        connection.sign_out()


def test_rollups_read_like_numbers_and_currencies_carry_their_code(connection):
    planning = connection.planning
    record_type = campaigns(planning)
    total, budget = (field_id(planning, record_type, label) for label in ("Total audience size", "Budget"))
    page = planning.search(record_type.id, SearchRequest(paging=Paging(0, 50)))
    record = next(r for r in page.records if isinstance(r.data.get(total), float) and r.data.get(budget))
    details = DetailLoader(connection).record(record.id, record_type.id)
    values = shown(details)
    assert values["Total audience size"] == f"{record.data[total]:,.0f}"  # 677074.0 reads 677,074
    assert values["Budget"] == f"{record.data[budget]:,.2f} USD"  # the field's numberOptions.currency
    specs = {spec.label: spec for spec in EditSetup(connection).for_record(details).state.specs.values()}
    assert specs["Budget"].unit == "USD"  # shown beside the edit form's number box
    assert not specs["Total audience size"].editable


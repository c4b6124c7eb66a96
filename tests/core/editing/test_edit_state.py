"""The edit state: copies in, dirty set, revert, problems before sending, server errors on their fields."""

from __future__ import annotations

from wfexplorer.core import errors
from wfexplorer.core.classic.metadata import EnumValue, FieldMeta, LinkMeta, ObjectMeta
from wfexplorer.core.editing import EditorKind, EditState, EditTarget, classic_groups
from wfexplorer.core.editing.specs import Api, FieldSpec, Option

META = ObjectMeta(
    "Task", "Task", "TASK",
    fields={
        "ID": FieldMeta("ID", "ID", "string", flags=("READ_ONLY",)),
        "name": FieldMeta("name", "Name", "string", flags=("REQUIRED",)),
        "description": FieldMeta("description", "Description", "string"),
        "status": FieldMeta("status", "Status", "string", possible_values=(EnumValue("NEW", "New"),
                                                                           EnumValue("CUR", "Current"))),
        "priority": FieldMeta("priority", "Priority", "int", possible_values=(EnumValue(0, "None"),
                                                                              EnumValue(1, "Low"))),
        "workRequired": FieldMeta("workRequired", "Planned hours", "int"),
        "percentComplete": FieldMeta("percentComplete", "Percent complete", "double"),
        "plannedStartDate": FieldMeta("plannedStartDate", "Planned start", "dateTime"),
        "projectID": FieldMeta("projectID", "Project ID", "string", flags=("REQUIRED",)),
        "wbs": FieldMeta("wbs", "WBS", "string", flags=("READ_ONLY",)),
    },
    references={"project": LinkMeta("project", "Project", "PROJ", "Project")},
)
DATA = {"ID": "t1", "name": "Discovery", "description": None, "status": "CUR", "priority": 1, "workRequired": 8,
        "percentComplete": 50.0, "plannedStartDate": "2026-02-17T09:00:00:000-0600", "projectID": "p1", "wbs": "1",
        "project": {"ID": "p1", "name": "Apollo", "objCode": "PROJ"}}


def state_of(data=DATA, target=None, statuses=()):
    specs = [spec for group in classic_groups(META, (), statuses) for spec in group.specs]
    return EditState(target or EditTarget.classic("TASK", "t1"), specs, data)


def test_specs_pick_an_editor_per_field_and_say_why_a_field_is_locked():
    specs = {spec.key: spec for group in classic_groups(META, (), [Option("WSX", "Waiting (WSX ≈ CUR)")])
             for spec in group.specs}
    assert specs["name"].kind is EditorKind.TEXT and specs["name"].required
    assert specs["description"].kind is EditorKind.LONG_TEXT
    assert specs["status"].kind is EditorKind.STATUS
    assert [o.value for o in specs["status"].options] == ["NEW", "CUR", "WSX"]  # the custom status too
    assert specs["priority"].kind is EditorKind.CHOICE
    assert specs["workRequired"].kind is EditorKind.INTEGER
    assert specs["percentComplete"].kind is EditorKind.PERCENT
    assert specs["plannedStartDate"].kind is EditorKind.DATE_TIME
    assert specs["projectID"].kind is EditorKind.REFERENCE and specs["projectID"].target == "PROJ"
    assert specs["projectID"].label == "Project" and specs["projectID"].link == "project"
    assert specs["wbs"].read_only and specs["ID"].read_only


def test_values_are_copied_in_so_editing_never_changes_what_others_show():
    data = {**DATA, "tags": ["a"]}
    state = state_of(data)
    state.set("name", "Kick-off")
    assert data["name"] == "Discovery"
    assert state.original("name") == "Discovery" and state.value("name") == "Kick-off"


def test_the_dirty_set_holds_exactly_the_changed_fields_and_a_change_back_is_no_change():
    state = state_of()
    assert state.dirty == () and not state.has_changes
    state.set("name", "Kick-off")
    state.set("workRequired", 16)
    state.set("plannedStartDate", "2026-02-17T15:00:00:000+0000")  # the same moment, another zone
    assert state.dirty == ("name", "workRequired")
    state.set("workRequired", 8)
    assert state.dirty == ("name",)
    assert state.changes() == {"name": "Kick-off"}


def test_revert_one_field_or_all():
    state = state_of()
    state.set("name", "Kick-off")
    state.set("status", "NEW")
    state.revert("name")
    assert state.dirty == ("status",) and state.value("name") == "Discovery"
    state.revert_all()
    assert state.dirty == ()


def test_wrong_values_are_problems_before_anything_is_sent():
    state = state_of()
    state.set("name", "")
    state.set("workRequired", 2.5)
    state.set("percentComplete", 140)
    state.set("status", "XYZ")
    state.set("plannedStartDate", "next week")
    problems = state.problems()
    assert problems == {
        "name": "Name is required.",
        "status": "'XYZ' is not one of the values of Status.",
        "workRequired": "Planned hours must be a whole number.",
        "plannedStartDate": "Planned start must be a date such as 2026-03-15.",
        "percentComplete": "Percent complete must be between 0 and 100.",
    }


def test_a_pending_approval_status_counts_as_its_base_status():
    state = state_of()
    state.set("status", "NEW:A")
    assert state.problems() == {}


def test_a_read_only_field_refuses_a_change_with_the_reason():
    state = state_of()
    try:
        state.set("wbs", "2")
    except errors.ValidationError as refused:
        assert "Workfront computes it" in refused.message
    else:
        raise AssertionError("a read-only field took a value")


def test_a_new_object_checks_every_required_field():
    state = state_of({}, EditTarget.classic("TASK"))
    assert set(state.problems()) == {"name", "projectID"}
    state.set("name", "New one")
    state.set("projectID", "p1")
    assert state.problems() == {}
    assert state.changes() == {"name": "New one", "projectID": "p1"}


def test_server_errors_land_on_the_fields_they_name_and_the_rest_on_the_form():
    state = state_of()
    state.set("name", "x")
    state.set("projectID", "nope")
    refused = errors.ValidationError("The save was refused.", field_errors={
        "project": ["No such project"], "name": ["Too short"], "colour": ["Unknown field"]})
    message = state.place_error(refused)
    problems = state.problems()
    assert problems["projectID"] == "No such project" and problems["name"] == "Too short"
    assert "colour: Unknown field" in message
    state.set("name", "Long enough")
    assert "name" not in state.problems()  # a new edit clears the server's word on that field


def test_a_saved_state_takes_the_servers_answer_as_its_originals():
    state = state_of()
    state.set("name", "Kick-off")
    state.saved(data={"name": "Kick-off", "ID": "t1"})
    assert state.dirty == () and state.original("name") == "Kick-off"


def test_listeners_hear_every_change():
    state = state_of()
    heard = []
    state.subscribe(heard.append)
    state.set("name", "Kick-off")
    state.revert("name")
    state.revert_all()
    assert heard == ["name", "name", None]


def test_planning_values_keep_ids_and_names_of_references_and_people():
    spec = FieldSpec("F1", "Campaign", EditorKind.RECORD_REFERENCE, Api.PLANNING, multiple=True)
    people = FieldSpec("F2", "Owner", EditorKind.PEOPLE, Api.PLANNING, multiple=True)
    state = EditState(EditTarget.record("R1", "RT1"), [spec, people],
                      {"F1": [{"id": "R9", "value": "Spring"}], "F2": [{"id": "U1", "name": "Ada"}]})
    assert state.value("F1") == ["R9"] and state.names["R9"] == "Spring"
    assert state.value("F2") == ["U1"] and state.names["U1"] == "Ada"
    state.set("F1", ["R9", "R8"])
    assert state.changes() == {"F1": ["R9", "R8"]}

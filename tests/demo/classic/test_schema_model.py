"""The classic object model: lookup, definitions and the /metadata and /{obj}/metadata shapes (items 2, 31, 32)."""

from __future__ import annotations

import json

import pytest
from fixture_files import fixture_text

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import (
    SECTIONS,
    CollectionDef,
    ReferenceDef,
    all_objects,
    metadata_index,
    object_def,
    object_metadata,
)
from wfexplorer.demo.store import Store

BASE = "http://127.0.0.1:8080"
STANDARD_KEYS = ["label", "typeObjCode", "targetTypeObjCode", "fieldType", "enumTargetObjCode", "enumType", "url"]
REQUIRED_OBJECTS = (
    "PROJ", "TASK", "OPTASK", "USER", "PORT", "PRGM", "TEAMOB", "ROLE", "CMPY", "GROUP", "HOUR", "NOTE", "DOCU",
    "DOCV", "ASSGN", "CTGY", "PARAM", "CSTEM", "ACSRUL", "PRED",
)


def test_item32_role_metadata_is_identical_to_the_recorded_workfront_response() -> None:
    expected = json.loads(fixture_text("classic", "metadata.json"))["data"]
    role = object_def("role")
    assert role is not None
    rendered = object_metadata(role, "http://localhost:8080", "api-internal")
    assert json.dumps(rendered) == json.dumps(expected)  # same keys, values and key order


@pytest.mark.parametrize(
    ("path_name", "code"),
    [
        ("proj", "PROJ"), ("PROJECT", "PROJ"), ("Project", "PROJ"), ("issue", "OPTASK"), ("optask", "OPTASK"),
        ("OpTask", "OPTASK"), ("task", "TASK"), ("document", "DOCU"), ("hour", "HOUR"), ("user", "USER"),
        ("work", "WORK"), ("workitem", "WRKITM"), ("Docu", "DOCU"), ("cstem", "CSTEM"), ("Role", "ROLE"),
    ],
)
def test_item2_lookup_accepts_objcodes_names_and_aliases_in_any_case(path_name: str, code: str) -> None:
    found = object_def(path_name)
    assert found is not None and found.obj_code == code


def test_unknown_object_names_find_nothing() -> None:
    assert object_def("spaceship") is None
    assert object_def("") is None


def test_every_required_object_is_defined() -> None:
    codes = {obj.obj_code for obj in all_objects()}
    assert set(REQUIRED_OBJECTS) <= codes


def test_every_reference_and_collection_points_at_a_defined_object() -> None:
    for obj in all_objects():
        for member in (*obj.references.values(), *obj.collections.values()):
            assert object_def(member.target) is not None, f"{obj.obj_code}.{member.name} -> {member.target}"


def test_reference_id_fields_exist_as_fields_of_the_owner() -> None:
    for obj in all_objects():
        for ref in obj.references.values():
            assert ref.id_field in obj.fields, f"{obj.obj_code}.{ref.name} stored in missing {ref.id_field}"


def test_item31_metadata_index_lists_every_object_by_name_with_its_lower_case_url() -> None:
    data = metadata_index(BASE, "v22.0")
    objects = data["objects"]
    assert set(data) == {"objects"}
    assert objects["Project"] == {
        "name": "Project", "label": "Project", "objCode": "PROJ", "url": f"{BASE}/attask/api/v22.0/proj/metadata",
    }
    assert objects["OpTask"]["label"] == "Issue"
    assert objects["AccessRule"]["secondaryObject"] == "true"
    assert "secondaryObject" not in objects["Task"]
    assert len(objects) == len(all_objects())


def test_item32_object_metadata_has_twelve_keys_and_seven_standard_keys_per_member() -> None:
    project = object_def("PROJ")
    assert project is not None
    data = object_metadata(project, BASE, "v14.0")
    assert list(data) == list(SECTIONS)
    for section in ("fields", "references", "collections"):
        for name, entry in data[section].items():
            keys = [key for key in entry if key not in ("flags", "possibleValues")]
            assert keys == STANDARD_KEYS, (section, name)
            assert entry.get("flags", ["x"]), f"empty flags on {name}"
    assert data["operations"] == sorted(data["operations"]) and "copy" in data["operations"]


def test_item32_enum_fields_list_their_possible_values() -> None:
    project = object_def("PROJ")
    assert project is not None
    status = object_metadata(project, BASE, "v22.0")["fields"]["status"]
    values = {entry["value"]: entry["label"] for entry in status["possibleValues"]}
    assert values["CUR"] == "Current" and values["DED"] == "Dead" and len(values) == 9
    priority = object_metadata(project, BASE, "v22.0")["fields"]["priority"]
    assert priority["fieldType"] == "int" and priority["possibleValues"][0] == {"label": "None", "value": 0}
    assert "possibleValues" not in object_metadata(project, BASE, "v22.0")["fields"]["name"]


def test_references_and_collections_show_the_target_object_name_code_and_url() -> None:
    task = object_def("TASK")
    assert task is not None
    data = object_metadata(task, BASE, "unsupported")
    assert data["references"]["project"]["fieldType"] == "Project"
    assert data["references"]["project"]["typeObjCode"] == "PROJ"
    assert data["references"]["project"]["url"] == f"{BASE}/attask/api/unsupported/proj/metadata"
    assert data["collections"]["assignments"]["fieldType"] == "Assignment"
    assert data["collections"]["assignments"]["typeObjCode"] == "ASSGN"


def test_actions_show_arguments_and_result_type_only_when_there_is_one() -> None:
    task = object_def("TASK")
    issue = object_def("issue")
    assert task is not None and issue is not None
    actions = object_metadata(task, BASE, "v22.0")["actions"]
    assert actions["markDone"] == {"arguments": [{"name": "status", "type": "string"}], "label": "markDone"}
    assert actions["recallApproval"] == {"label": "recallApproval"}
    assert object_metadata(issue, BASE, "v22.0")["actions"]["convertToTask"]["resultType"] == "string"


def test_internal_fields_never_appear_in_metadata() -> None:
    user = object_def("USER")
    assert user is not None
    fields = object_metadata(user, BASE, "v22.0")["fields"]
    assert "_password" in user.fields
    assert not [name for name in fields if name.startswith("_")]
    assert user.member_kind("_password") is None and user.field("_password") is None


def test_item32_fields_parameter_picks_sections_and_rejects_unknown_ones() -> None:
    role = object_def("ROLE")
    assert role is not None
    data = object_metadata(role, BASE, "v22.0", sections=["collections"])
    assert list(data) == ["name", "label", "objCode", "collections"]
    with pytest.raises(ClassicError):
        object_metadata(role, BASE, "v22.0", sections=["nonsense"])


def test_internal_and_unsupported_api_roots_build_the_right_urls() -> None:
    role = object_def("ROLE")
    assert role is not None
    assert object_metadata(role, BASE, "api-unsupported")["url"] == f"{BASE}/attask/api-unsupported/role/metadata"


def test_copy_is_an_operation_only_of_the_objects_workfront_allows_it_on() -> None:
    copyable = {obj.obj_code for obj in all_objects() if obj.has_operation("copy")}
    assert {"PROJ", "TASK", "OPTASK", "GROUP"} <= copyable
    assert not copyable & {"USER", "ROLE", "HOUR", "NOTE", "ASSGN"}


def test_item16_default_field_sets_follow_the_recorded_responses() -> None:
    project, task, role, cstem = (object_def(code) for code in ("PROJ", "TASK", "ROLE", "CSTEM"))
    assert project is not None and task is not None and role is not None and cstem is not None
    assert set(project.default_fields) == {
        "ID", "name", "objCode", "percentComplete", "plannedCompletionDate", "plannedStartDate", "priority",
        "projectedCompletionDate", "status",
    }
    assert set(task.default_fields) == set(project.default_fields) | {
        "progressStatus", "projectedStartDate", "taskNumber", "wbs"
    }
    assert set(role.default_fields) == {"ID", "name", "objCode", "description", "maxUsers"}
    assert set(cstem.default_fields) == {"color", "equatesWith", "label", "objCode", "value"}


def test_required_fields_and_create_defaults_follow_the_documented_behaviour() -> None:
    project, task, issue = object_def("PROJ"), object_def("TASK"), object_def("OPTASK")
    assert project is not None and task is not None and issue is not None
    assert project.required_fields == ("name",)
    assert set(task.required_fields) == {"name", "projectID"} == set(issue.required_fields)
    assert project.create_defaults()["status"] == "CUR" and project.create_defaults()["priority"] == 0
    defaults = task.create_defaults()
    assert (defaults["status"], defaults["priority"], defaults["percentComplete"], defaults["progressStatus"]) == (
        "NEW", 0, 0.0, "LT"
    )


def test_collections_link_rows_back_to_their_owner_by_field_or_constant() -> None:
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put("TASK", {"ID": "t1", "objCode": "TASK", "projectID": "p1"})
        tx.put("TASK", {"ID": "t2", "objCode": "TASK", "projectID": "p2"})
        tx.put("NOTE", {"ID": "n1", "objCode": "NOTE", "objID": "t1", "noteObjCode": "TASK"})
        tx.put("NOTE", {"ID": "n2", "objCode": "NOTE", "objID": "t1", "noteObjCode": "PROJ"})
    project, task = object_def("PROJ"), object_def("TASK")
    assert project is not None and task is not None
    tasks: CollectionDef = project.collections["tasks"]
    assert [row["ID"] for row in tasks.rows(store, {"ID": "p1"})] == ["t1"]
    assert tasks.link_values({"ID": "p9"}) == {"projectID": "p9"}
    updates = task.collections["updates"]
    assert [row["ID"] for row in updates.rows(store, {"ID": "t1"})] == ["n1"]
    assert updates.link_values({"ID": "t1"}) == {"objID": "t1", "noteObjCode": "TASK"}


def test_many_to_many_collections_go_through_their_link_rows() -> None:
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put("TEAMOB", {"ID": "team", "objCode": "TEAMOB", "name": "Web"})
        tx.put("TEAMMB", {"ID": "m1", "objCode": "TEAMMB", "teamID": "team", "userID": "u1"})
    user = object_def("USER")
    assert user is not None
    assert [row["name"] for row in user.collections["teams"].rows(store, {"ID": "u1"})] == ["Web"]
    assert user.collections["teams"].rows(store, {"ID": "u2"}) == []


def test_polymorphic_references_read_the_target_code_from_the_record() -> None:
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put("TASK", {"ID": "t1", "objCode": "TASK", "name": "Wireframes"})
    ref = ReferenceDef("object", "TASK", "objID", target_code_field="noteObjCode")
    note = {"objID": "t1", "noteObjCode": "task"}
    assert ref.target_code(note) == "TASK"
    resolved = ref.resolve(store, note)
    assert resolved is not None and resolved["name"] == "Wireframes"
    conditional = ReferenceDef("task", "TASK", "objID", when=(("noteObjCode", "TASK"),))
    assert conditional.target_id({"objID": "t1", "noteObjCode": "PROJ"}) is None
    assert conditional.target_id({"objID": "t1", "noteObjCode": "TASK"}) == "t1"


def test_every_object_renders_metadata_that_is_plain_json_with_an_id_field() -> None:
    for obj in all_objects():
        data = object_metadata(obj, BASE, "v22.0")
        json.dumps(data)
        assert "ID" in data["fields"], obj.obj_code
        assert data["url"].endswith(f"/{obj.obj_code.lower()}/metadata")
        for action in obj.actions.values():
            assert action.label == action.name

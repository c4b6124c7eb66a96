"""Checklist items 13 to 15, 33 to 36, 39 to 41, 43, 44 and 50 over HTTP: get, create, edit, bulk, delete, copy."""

from __future__ import annotations

import json
import re

import pytest
from classic_http_helpers import Client, data_of, error_of
from classic_http_helpers import login as login_as

from wfexplorer.demo.server import DemoServer

WF_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}:\d{3}[+-]\d{4}$")


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


def test_item14_get_by_path_and_by_id_param_return_one_object(client: Client) -> None:
    project = client.new_project("Get me")
    by_path = data_of(client.get(f"/proj/{project['ID']}"))
    by_param = data_of(client.get("/proj", params={"id": project["ID"]}))
    assert by_path == by_param
    assert by_path["ID"] == project["ID"]
    assert by_path["objCode"] == "PROJ"


def test_item14_several_ids_return_an_array_in_order(client: Client) -> None:
    first, second = client.new_project("Many one"), client.new_project("Many two")
    by_comma = data_of(client.get("/proj", params={"id": f"{second['ID']},{first['ID']}"}))
    by_repeat = data_of(client.get("/proj", params=[("id", first["ID"]), ("id", second["ID"])]))
    assert [item["ID"] for item in by_comma] == [second["ID"], first["ID"]]
    assert [item["ID"] for item in by_repeat] == [first["ID"], second["ID"]]


def test_item14_unknown_id_is_not_found(client: Client) -> None:
    response = client.get(f"/proj/{'0' * 32}")
    assert response.status_code == 404
    assert error_of(response)["class"] == "com.attask.common.NotFoundException"


def test_item15_dollar_user_is_the_caller(client: Client) -> None:
    me = data_of(client.get("/user", params={"id": "$$USER", "fields": "username"}))
    assert me["username"] == "admin"
    assert data_of(client.get("/user/$$USER"))["ID"] == me["ID"]


def test_item13_dates_come_out_in_workfront_format(client: Client) -> None:
    project = client.new_project("Dated", plannedStartDate="2026-03-02T15:00:00.000Z")
    assert WF_DATE.match(project["plannedStartDate"])
    assert project["plannedStartDate"] == "2026-03-02T09:00:00:000-0600"  # America/Chicago in winter


def test_item33_create_from_plain_params_returns_object_with_fields(client: Client) -> None:
    created = data_of(client.post("/project", params={"name": "Plain params", "description": "d",
                                                      "fields": "description"}))
    assert re.fullmatch(r"[0-9a-f]{32}", created["ID"])
    assert created["name"] == "Plain params"
    assert created["description"] == "d"


def test_item10_new_ids_start_with_the_creation_time(client: Client) -> None:
    import time

    created = client.new_project("Timed")
    assert abs(int(created["ID"][:8], 16) - time.time()) < 120


def test_item33_create_from_updates_form_param(client: Client) -> None:
    created = data_of(client.post("/proj", data={"updates": json.dumps({"name": "From updates"})}))
    assert created["name"] == "From updates"


def test_item04_json_body_is_updates(client: Client) -> None:
    created = data_of(client.post("/proj", params={"fields": "description"},
                                  json={"name": "JSON body", "description": "é/<"}))
    assert created["description"] == "é/<"


def test_item33_required_fields_are_enforced(client: Client) -> None:
    no_name = client.post("/proj", json={"description": "nameless"})
    assert no_name.status_code == 422
    assert "name" in error_of(no_name)["message"]
    project = client.new_project("Needs tasks")
    no_project = client.post("/task", json={"name": "orphan"})
    assert "projectID" in error_of(no_project)["message"]
    assert client.count("task", projectID=project["ID"]) == 0


def test_item44_new_task_and_project_defaults(client: Client) -> None:
    project = client.new_project("Defaults")
    assert project["status"] == "CUR"
    assert project["priority"] == 0
    first = client.new_task(project["ID"], "first")
    second = client.new_task(project["ID"], "second")
    assert first["status"] == "NEW"
    assert first["priority"] == 0
    assert first["percentComplete"] == 0
    assert first["progressStatus"]
    assert (first["taskNumber"], first["wbs"]) == (1, "1")
    assert (second["taskNumber"], second["wbs"]) == (2, "2")
    child = client.new_task(project["ID"], "child", parentID=first["ID"])
    assert child["wbs"] == "1.1"


def test_item35_edit_is_sparse_and_returns_the_object(client: Client) -> None:
    project = client.new_project("Sparse", description="keep me")
    edited = data_of(client.put(f"/proj/{project['ID']}", params={"name": "Sparse renamed",
                                                                   "fields": "description"}))
    assert edited["name"] == "Sparse renamed"
    assert edited["description"] == "keep me"


def test_item35_edit_by_id_param_and_updates(client: Client) -> None:
    project = client.new_project("By param")
    edited = data_of(client.put("/proj", params={"id": project["ID"], "updates": json.dumps({"priority": 3})}))
    assert edited["priority"] == 3


def test_item35_nested_assignments_are_replaced_whole(client: Client) -> None:
    me = data_of(client.get("/user", params={"id": "$$USER"}))["ID"]
    project = client.new_project("Nested")
    task = client.new_task(project["ID"], "assigned", assignments=[{"assignedToID": me}])
    path = f"/task/{task['ID']}"
    first = data_of(client.get(path, params={"fields": "assignments:*"}))["assignments"]
    assert [item["assignedToID"] for item in first] == [me]
    data_of(client.put(path, json={"assignments": [{"assignedToID": me, "assignmentPercent": 50},
                                                   {"assignedToID": me, "assignmentPercent": 25}]}))
    second = data_of(client.get(path, params={"fields": "assignments:*"}))["assignments"]
    assert sorted(item["assignmentPercent"] for item in second) == [25, 50]
    assert not {item["ID"] for item in first} & {item["ID"] for item in second}
    data_of(client.put(path, json={"assignments": []}))
    assert data_of(client.get(path, params={"fields": "assignments"}))["assignments"] == []


def test_item35_editing_a_missing_id_never_inserts(client: Client) -> None:
    missing = "ab" * 16
    response = client.put(f"/proj/{missing}", json={"name": "ghost"})
    assert response.status_code == 404
    assert client.get(f"/proj/{missing}").status_code == 404


def test_item36_mixing_updates_with_plain_params_is_an_error(client: Client) -> None:
    project = client.new_project("Mix")
    response = client.put(f"/proj/{project['ID']}", params={"updates": json.dumps({"name": "a"}),
                                                            "description": "b"})
    assert response.status_code == 400
    assert error_of(response)["message"] == (
        "Cannot mix 'updates' JSON parameter with non-JSON update parameter 'description'"
    )
    assert data_of(client.get(f"/proj/{project['ID']}"))["name"] == "Mix"


def test_item34_bulk_create_returns_an_array(client: Client) -> None:
    created = data_of(client.post("/proj", data={"updates": json.dumps([{"name": "Bulk A"}, {"name": "Bulk B"}])}))
    assert [item["name"] for item in created] == ["Bulk A", "Bulk B"]


def test_item34_bulk_edit_returns_an_array(client: Client) -> None:
    one, two = client.new_project("BE one"), client.new_project("BE two")
    updates = [{"ID": one["ID"], "name": "BE one!"}, {"ID": two["ID"], "priority": 4}]
    edited = data_of(client.put("/proj", params={"updates": json.dumps(updates)}))
    assert [(item["name"], item["priority"]) for item in edited] == [("BE one!", 0), ("BE two", 4)]


def test_item34_atomic_bulk_returns_success_and_rolls_back_on_failure(client: Client) -> None:
    ok = client.post("/proj", data={"atomic": "true",
                                    "updates": json.dumps([{"name": "Atomic ok 1"}, {"name": "Atomic ok 2"}])})
    assert data_of(ok) == {"success": True}
    assert client.count("proj", name="Atomic ok 1") == 1
    before = client.count("proj")
    bad = client.post("/proj", data={"atomic": "true",
                                     "updates": json.dumps([{"name": "Atomic bad 1"}, {"description": "no name"}])})
    assert "error" in bad.json()
    assert client.count("proj") == before
    assert client.count("proj", name="Atomic bad 1") == 0


def test_item34_more_than_100_objects_is_refused(client: Client) -> None:
    before = client.count("proj")
    response = client.post("/proj", data={"updates": json.dumps([{"name": f"Too many {n}"} for n in range(101)])})
    assert response.status_code == 400
    assert "100" in error_of(response)["message"]
    assert client.count("proj") == before


def test_item39_delete_soft_deletes_and_hides(client: Client) -> None:
    project = client.new_project("Delete me softly")
    assert data_of(client.delete(f"/proj/{project['ID']}")) == {"success": True}
    assert client.get(f"/proj/{project['ID']}").status_code == 404
    assert client.count("proj", name="Delete me softly") == 0
    store = client.server.context.store
    assert store.get("_recycled:PROJ", project["ID"]) is not None


def test_item39_dependants_block_delete_unless_forced(client: Client) -> None:
    portfolio = data_of(client.post("/port", json={"name": "Has projects"}))
    project = client.new_project("Refers to the portfolio", portfolioID=portfolio["ID"])
    blocked = client.delete(f"/port/{portfolio['ID']}")
    assert blocked.status_code == 422
    assert error_of(blocked)["message"].endswith("is referenced by other objects. Please use force delete.")
    assert data_of(client.get(f"/proj/{project['ID']}"))["ID"] == project["ID"]
    assert data_of(client.delete("/port", params={"id": portfolio["ID"], "force": "true"})) == {"success": True}
    assert client.get(f"/proj/{project['ID']}").status_code == 404


def test_item40_business_rule_uses_project_status_violation_shape(client: Client) -> None:
    project = client.new_project("Finished", status="CPL")
    response = client.post("/task", json={"name": "late", "projectID": project["ID"]})
    assert error_of(response) == {
        "class": "com.attask.common.ProjectStatusViolationException",
        "message": "Unable to complete operation for a project of status Complete",
        "title": None,
        "msgKey": "exception.attask",
        "attributes": [""],
        "code": 0,
    }
    assert response.status_code == 422


def test_item43_status_is_validated_and_pending_suffix_accepted(client: Client) -> None:
    project = client.new_project("Statuses")
    task = client.new_task(project["ID"], "status task")
    bad = client.put(f"/task/{task['ID']}", params={"status": "APV"})
    assert error_of(bad)["message"] == "Invalid custom enum value(s) for field 'Status': ['APV']"
    pending = data_of(client.put(f"/task/{task['ID']}", params={"status": "CPL:A"}))
    assert pending["status"] == "CPL:A"


def test_item41_copy_returns_a_new_object(client: Client) -> None:
    project = client.new_project("Original")
    client.new_task(project["ID"], "copied task")
    copy = data_of(client.post("/proj", params={"copySourceID": project["ID"],
                                                "updates": json.dumps({"name": "The copy"})}))
    assert copy["ID"] != project["ID"]
    assert copy["name"] == "The copy"
    assert client.count("task", projectID=copy["ID"]) == 1
    assert client.count("task", projectID=project["ID"]) == 1


def test_item41_copy_only_where_metadata_allows(client: Client) -> None:
    me = data_of(client.get("/user", params={"id": "$$USER"}))["ID"]
    response = client.post("/user", params={"copySourceID": me})
    assert response.status_code == 400
    assert "copy" in error_of(response)["message"]


def test_item50_booleans_and_null_clearing(client: Client) -> None:
    project = client.new_project("Bools", description="to clear")
    for text in ("True", "true", "1"):
        report = client.get("/proj/search", params={"name": "Bools", "map": text})
        assert project["ID"] in data_of(report)
    cleared = data_of(
        client.put(f"/proj/{project['ID']}", json={"description": None}, params={"fields": "description"})
    )
    assert cleared["description"] is None


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/proj/search", {"params": {"fields": "noSuchField"}}, 400),
        ("POST", "/proj", {"params": {"updates": "{not json"}}, 400),
        ("POST", "/proj", {"params": {"name": "x", "noSuchField": "y"}}, 400),
        ("GET", "/proj/search", {"params": {"name": "x", "name_Mod": "sideways"}}, 400),
        ("GET", "/proj/search", {"params": {"$$LIMIT": "5000"}}, 400),
        ("GET", "/proj/search", {"params": {"$$LIMIT": "abc"}}, 400),
        ("GET", "/nosuch/search", {}, 404),
        ("PUT", "/proj", {"params": {"name": "no id"}}, 400),
        ("DELETE", "/proj", {}, 400),
        ("PUT", "/proj/" + "1" * 32, {"json": {"name": "x"}}, 404),
        ("POST", "/proj", {"json": [1, 2]}, 400),
        ("POST", "/proj", {"json": {"name": "x", "priority": "high"}}, 400),
        ("POST", "/proj", {"json": {"name": "x", "plannedStartDate": "yesterday-ish"}}, 400),
        ("GET", "/proj/" + "1" * 32 + "/noSuchAction", {}, 400),
        ("PUT", "/proj/" + "1" * 32 + "/a/b", {}, 400),
    ],
)
def test_item11_bad_input_gets_a_workfront_error_never_5xx(
    client: Client, method: str, path: str, kwargs: dict, status: int
) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    error = error_of(response)
    assert error["class"] and error["message"]
    assert "Traceback" not in response.text


def test_item35_failed_write_leaves_the_database_unchanged(client: Client) -> None:
    project = client.new_project("Unchanged", description="before")
    response = client.put(f"/proj/{project['ID']}", json={"description": "after", "priority": "not a number"})
    assert response.status_code == 400
    again = data_of(client.get(f"/proj/{project['ID']}", params={"fields": "description"}))
    assert again["description"] == "before"


def test_item39_deleting_several_ids_is_all_or_nothing(client: Client) -> None:
    first = data_of(client.post("/port", json={"name": "Multi delete 1"}))
    blocked = data_of(client.post("/port", json={"name": "Multi delete 2"}))
    client.new_project("keeps it alive", portfolioID=blocked["ID"])
    response = client.delete("/port", params={"id": f"{first['ID']},{blocked['ID']}"})
    assert "force" in error_of(response)["message"]
    assert data_of(client.get(f"/port/{first['ID']}"))["ID"] == first["ID"]
    assert data_of(client.delete("/port", params=[("id", first["ID"]), ("id", blocked["ID"]), ("force", "true")]))
    assert client.get(f"/port/{first['ID']}").status_code == 404


def test_item41_copy_takes_plain_params_too(client: Client) -> None:
    project = client.new_project("Plain copy source")
    copy = data_of(client.post("/proj", params={"copySourceID": project["ID"], "name": "Plain copy"}))
    assert (copy["name"], copy["ID"] != project["ID"]) == ("Plain copy", True)


def test_item33_user_password_is_write_only_and_works_for_login(fresh_demo_server: DemoServer) -> None:
    client = Client(fresh_demo_server)
    user = data_of(client.post("/user", json={"firstName": "Pat", "lastName": "Write", "username": "pat.write",
                                              "emailAddr": "pat@example.com", "password": "s3cret!"}))
    shown = data_of(client.get(f"/user/{user['ID']}", params={"fields": "*,password"}))
    assert shown.get("password") is None
    assert "_password" not in shown
    assert "s3cret" not in client.get(f"/user/{user['ID']}", params={"fields": "*"}).text
    assert len(login_as(fresh_demo_server, "pat.write", "s3cret!")) == 32
    assert error_of(client.put(f"/user/{user['ID']}", params={"_password": "x"}))["message"].startswith("APIModel")


def _project_form(client: Client) -> str:
    forms = data_of(client.get("/ctgy/search", params={"catObjCode": "PROJ", "name": "Project Intake"}))
    return str(forms[0]["ID"])


def test_item19_custom_fields_written_by_plain_params_and_updates(client: Client) -> None:
    form = _project_form(client)
    project = data_of(client.post("/proj", params={
        "name": "With form", "categoryID": form, "DE:Budget Code": "BC-7",
        "DE:Regions": json.dumps(["EMEA", "APAC"]), "fields": "DE:Budget Code,DE:Regions,parameterValues"}))
    assert project["DE:Budget Code"] == "BC-7"
    assert project["DE:Regions"] == ["EMEA", "APAC"]
    edited = data_of(client.put(f"/proj/{project['ID']}", params={"fields": "parameterValues"}, json={
        "parameterValues": {"DE:Business Unit": "footwear"}, "DE:Budget Code": None}))
    assert edited["parameterValues"]["DE:Business Unit"] == "Footwear"
    assert "DE:Budget Code" not in edited["parameterValues"]


def test_item19_bad_custom_values_are_refused_and_change_nothing(client: Client) -> None:
    form = _project_form(client)
    project = client.new_project("Form guard", categoryID=form, **{"DE:Business Unit": "Apparel"})
    bad_option = client.put(f"/proj/{project['ID']}", json={"DE:Business Unit": "Spaceships"})
    assert "Spaceships" in error_of(bad_option)["message"]
    unknown = client.put(f"/proj/{project['ID']}", json={"DE:No Such Field": "x"})
    assert error_of(unknown)["message"] == "no such field: 'No Such Field'"
    star = client.put(f"/proj/{project['ID']}", json={"DE:*": "x"})
    assert error_of(star)["message"] == "no such field: '*'"
    again = data_of(client.get(f"/proj/{project['ID']}", params={"fields": "DE:Business Unit"}))
    assert again["DE:Business Unit"] == "Apparel"


def test_item39_the_signed_in_user_cannot_delete_itself(client: Client) -> None:
    response = client.delete("/user/$$USER", params={"force": "true"})
    assert response.status_code == 422
    assert data_of(client.get("/user", params={"id": "$$USER"}))["ID"]


def test_item43_custom_cstem_status_is_accepted(client: Client) -> None:
    statuses = data_of(client.get("/CSTEM/projectStatuses", params={"fields": "enumClass"}))
    base = {"CUR", "PLN", "CPL", "DED", "ONH", "REQ", "APR", "REJ", "IDA"}
    custom = [row["value"] for row in statuses if row["value"] not in base]
    assert custom, "the demo data defines custom project statuses"
    project = client.new_project("Custom status")
    edited = data_of(client.put(f"/proj/{project['ID']}", params={"status": custom[0]}))
    assert edited["status"] == custom[0]


def test_item50_plain_null_text_clears_a_string_field(client: Client) -> None:
    project = client.new_project("Null text", description="to clear")
    cleared = data_of(client.put(f"/proj/{project['ID']}", data={"description": "null", "fields": "description"}))
    assert cleared["description"] is None

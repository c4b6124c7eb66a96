"""Every real response body in classic-fixtures/ parses: served over HTTP, read through a Session."""

from __future__ import annotations

from typing import Any

import pytest
from classic_canned import FIXTURES, CannedServer, fixture_text

from wfexplorer.core import errors
from wfexplorer.core.classic import metadata


def check_batch(data: Any) -> None:
    assert data == [{"data": {}}, {"data": {}}]


def check_copy(data: Any) -> None:
    assert data["ID"] == "58d288690000005c97840b30e1e10bc5" and data["objCode"] == "TASK"


def check_count(data: Any) -> None:
    assert data == {"count": 147}


def check_create(data: Any) -> None:
    assert data["status"] == "NEW" and data["wbs"] == "2"


def check_edit(data: Any) -> None:
    assert data["name"] == "api test 2"


def check_execute(data: Any) -> None:
    assert data == {"result": "a56583cd42fd98eb70d204465517c82e"}


def check_get(data: Any) -> None:
    assert data["plannedCompletionDate"] == "2017-03-24T17:00:00:000+0400"


def check_get_multiple(data: Any) -> None:
    assert [item["objCode"] for item in data] == ["PROJ", "PROJ"]


def check_login(data: Any) -> None:
    assert data["sessionID"] == "f6533722f8a44a298065950f240d3deb"
    assert data["versionInformation"]["apiVersions"]["v6.0"] == "/attask/api/v6.0/"


def check_logout(data: Any) -> None:
    assert data == {"success": True}


def check_metadata(data: Any) -> None:
    role = metadata.parse_object(data)
    assert role.class_name == "Role" and role.flags == ("REPORTABLE",)
    assert role.fields["billingPerHour"].flags == ("CURRENCY",)
    interface = role.fields["defaultInterface"]
    assert interface.field_type == "int" and interface.is_enum
    assert [(value.value, value.label) for value in interface.possible_values][1] == (1, "Project Management Home")
    assert role.references["enteredBy"].target_code == "USER"
    assert role.references["enteredBy"].target_name == "User"
    assert role.collections["userRoles"].target_code == "USRROL"
    has_reference = role.actions["hasReference"]
    assert has_reference.result_type == "java.lang.Boolean"
    assert has_reference.arguments[0].type == "string[]" and has_reference.arguments[0].is_list
    assert role.actions["replaceDelete"].result_type is None
    assert role.queries["smartAssignmentRoles"].arguments[0].name == "searchTerm"
    assert "replace" in role.operations


def check_named_query(data: Any) -> None:
    assert {row["value"] for row in data} >= {"CUR", "WSX"}


def check_remove(data: Any) -> None:
    assert data == {"success": True}


def check_report(data: Any) -> None:
    assert data["CPL:A"] == {"dcount_ID": 4, "status": "CPL:A"}


def check_search(data: Any) -> None:
    assert len(data) == 9 and data[-1]["name"] == "Vendor/Subcontractor"


def check_upload(data: Any) -> None:
    assert data == {"handle": "d3a8326bf9bf4208862b98e8a350a070"}


SUCCESSES = {
    "batch.json": check_batch, "copy.json": check_copy, "count.json": check_count, "create.json": check_create,
    "edit.json": check_edit, "execute.json": check_execute, "get.json": check_get,
    "get_multiple.json": check_get_multiple, "login.json": check_login, "logout.json": check_logout,
    "metadata.json": check_metadata, "namedQuery.json": check_named_query, "remove.json": check_remove,
    "report.json": check_report, "search.json": check_search, "upload.json": check_upload,
}
FAILURES: dict[str, tuple[type[errors.WorkfrontError], str, str]] = {
    "exception.json": (errors.AuthenticationError, "com.attask.common.AuthenticationException",
                       "That username/password combination wasn't quite right.  Make sure your caps lock isn't on"),
    "removeFailure.json": (errors.ValidationError, "com.attask.common.ProjectStatusViolationException",
                           "Unable to complete operation for a project of status Complete"),
}


def test_every_fixture_file_has_a_check() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.json")) == sorted([*SUCCESSES, *FAILURES])


@pytest.mark.parametrize("name", sorted(SUCCESSES))
def test_success_fixture_parses_to_its_data_element(canned: CannedServer, name: str) -> None:
    canned.answer("GET", "/fixture", fixture_text(name))
    SUCCESSES[name](canned.session().get("/fixture"))


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_error_fixture_sent_with_http_200_raises_the_typed_error(canned: CannedServer, name: str) -> None:
    expected_type, java_class, message = FAILURES[name]
    canned.answer("GET", "/fixture", fixture_text(name), status=200)
    with pytest.raises(expected_type) as caught:
        canned.session().get("/fixture")
    assert caught.value.status == 200
    assert caught.value.error_class == java_class
    assert caught.value.message.startswith(message)
    assert caught.value.request_line == f"GET {canned.base_url}/attask/api/v21.0/fixture"

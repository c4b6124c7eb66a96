"""Issue 17, items 1 and 2 over HTTP: ``fields=parameterValues:*`` and ``objectCategories`` / OBJCAT.

Adobe's own examples ask for custom-form values with ``parameterValues:*``; integrations list an
object's forms with ``objectCategories:category:name`` (classic-api.md §4, §7.16). OBJCAT exists
from v5.0 on (python-workfront's v4.0 model has no OBJCAT, its unsupported model has).
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from classic_http_helpers import TIMEOUT, Client, api, data_of, error_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server, version="v7.0")


@pytest.fixture(scope="module")
def project_form(client: Client) -> dict[str, Any]:
    return dict(data_of(client.get("/CTGY/search", params={"catObjCode": "PROJ", "$$LIMIT": "1"}))[0])


@pytest.fixture(scope="module")
def project_with_values(client: Client) -> dict[str, Any]:
    """A seeded project that has the Project Intake form, with its values filled in."""
    found = data_of(client.get("/PROJ/search", params={"categoryID_Mod": "notnull", "$$LIMIT": "1"}))
    return dict(found[0])


# -- item 1: parameterValues:* --------------------------------------------------------------


def test_item1_parameter_values_star_gives_the_same_values_as_parameter_values(
    client: Client, project_with_values: dict[str, Any]
) -> None:
    path = f"/PROJ/{project_with_values['ID']}"
    starred = data_of(client.get(path, params={"fields": "parameterValues:*"}))
    plain = data_of(client.get(path, params={"fields": "parameterValues"}))
    assert starred["parameterValues"], "the seeded project should have custom values"
    assert all(key.startswith("DE:") for key in starred["parameterValues"])
    assert starred == plain


def test_item1_parameter_values_star_works_in_search_too(client: Client, project_with_values: dict[str, Any]) -> None:
    rows = data_of(client.get("/PROJ/search", params={"ID": project_with_values["ID"], "fields": "parameterValues:*"}))
    assert rows[0]["parameterValues"] == data_of(
        client.get(f"/PROJ/{project_with_values['ID']}", params={"fields": "parameterValues"})
    )["parameterValues"]


@pytest.mark.parametrize("path", ["parameterValues:bogus", "name:bogus", "status:owner:name"])
def test_item1_a_path_past_a_real_field_is_unknown_without_naming_the_real_field(
    client: Client, project_with_values: dict[str, Any], path: str
) -> None:
    response = client.get(f"/PROJ/{project_with_values['ID']}", params={"fields": path})
    assert response.status_code == 400
    message = error_of(response)["message"]
    assert message == f"APIModel V7_0 does not support field {path} (Project)"


def test_item1_a_truly_unknown_field_is_still_named(client: Client, project_with_values: dict[str, Any]) -> None:
    response = client.get(f"/PROJ/{project_with_values['ID']}", params={"fields": "statusLabel"})
    assert error_of(response)["message"] == "APIModel V7_0 does not support field statusLabel (Project)"


def test_item1_a_filter_past_a_real_field_names_the_whole_path(client: Client) -> None:
    response = client.get("/PROJ/search", params={"name:bogus": "x"})
    assert error_of(response)["message"] == "APIModel V7_0 does not support field name:bogus (Project)"


# -- item 2: objectCategories and OBJCAT ---------------------------------------------------------


def test_item2_object_categories_name_the_form_an_object_has(
    client: Client, project_with_values: dict[str, Any], project_form: dict[str, Any]
) -> None:
    data = data_of(
        client.get(
            f"/PROJ/{project_with_values['ID']}", params={"fields": "categoryID,objectCategories:category:name"}
        )
    )
    forms = data["objectCategories"]
    assert [row["category"]["ID"] for row in forms] == [data["categoryID"]]
    assert forms[0]["category"]["name"] == project_form["name"]
    assert forms[0]["objCode"] == "OBJCAT"


def test_item2_objcat_rows_can_be_read_searched_and_counted(
    client: Client, project_with_values: dict[str, Any]
) -> None:
    rows = data_of(client.get("/OBJCAT/search", params={"objID": project_with_values["ID"], "fields": "*"}))
    assert len(rows) == 1
    row = rows[0]
    assert (row["objID"], row["objObjCode"], row["categoryOrder"]) == (project_with_values["ID"], "PROJ", 0)
    assert data_of(client.get(f"/OBJCAT/{row['ID']}"))["categoryID"] == row["categoryID"]
    assert client.count("OBJCAT", objID=project_with_values["ID"]) == 1


def test_item2_objcat_follows_the_form_attached_and_removed(client: Client, project_form: dict[str, Any]) -> None:
    project = client.new_project("Forms come and go")
    assert data_of(client.get(f"/PROJ/{project['ID']}", params={"fields": "objectCategories"}))[
        "objectCategories"
    ] == []
    client.put(f"/PROJ/{project['ID']}", params={"categoryID": project_form["ID"]})
    rows = data_of(client.get(f"/PROJ/{project['ID']}", params={"fields": "objectCategories:categoryID"}))
    assert [row["categoryID"] for row in rows["objectCategories"]] == [project_form["ID"]]
    client.put(f"/PROJ/{project['ID']}", json={"categoryID": None})
    assert client.count("OBJCAT", objID=project["ID"]) == 0


def test_item2_objects_with_a_form_are_found_through_object_categories(
    client: Client, project_form: dict[str, Any]
) -> None:
    project = client.new_project("Found by its form", categoryID=project_form["ID"])
    found = data_of(
        client.get(
            "/PROJ/search",
            params={"objectCategories:categoryID": project_form["ID"], "ID": project["ID"], "fields": "categoryID"},
        )
    )
    assert [row["ID"] for row in found] == [project["ID"]]


def test_item2_deleting_an_object_takes_its_objcat_rows_along(client: Client, project_form: dict[str, Any]) -> None:
    project = client.new_project("Deleted with its form", categoryID=project_form["ID"])
    assert client.count("OBJCAT", objID=project["ID"]) == 1
    assert data_of(client.delete(f"/PROJ/{project['ID']}")) == {"success": True}
    assert client.count("OBJCAT", objID=project["ID"]) == 0


def test_item2_versions_that_have_objcat_list_it_in_metadata(demo_server: DemoServer) -> None:
    for version in ("v7.0", "v22.0", "api-internal"):
        newer = Client(demo_server, version=version)
        assert data_of(newer.get("/metadata"))["objects"]["ObjectCategory"]["objCode"] == "OBJCAT"
        collections = data_of(newer.get("/proj/metadata", params={"fields": "collections"}))["collections"]
        assert collections["objectCategories"]["typeObjCode"] == "OBJCAT"


def test_item2_versions_without_objcat_do_not_know_it(
    demo_server: DemoServer, project_with_values: dict[str, Any]
) -> None:
    old = Client(demo_server, version="v4.0")
    response = old.get(f"/PROJ/{project_with_values['ID']}", params={"fields": "objectCategories:category:name"})
    assert error_of(response)["message"] == "APIModel V4_0 does not support field objectCategories (Project)"
    unknown = old.get("/OBJCAT/search")
    assert unknown.status_code == 404
    assert error_of(unknown)["message"] == "Unknown object type: OBJCAT"
    assert "ObjectCategory" not in data_of(old.get("/metadata"))["objects"]
    assert "objectCategories" not in data_of(old.get("/proj/metadata"))["collections"]
    filtered = old.get("/PROJ/search", params={"objectCategories:categoryID": "x"})
    assert error_of(filtered)["message"] == "APIModel V4_0 does not support field objectCategories (Project)"


def test_item2_objcat_rows_are_read_only_through_the_api(client: Client, project_with_values: dict[str, Any]) -> None:
    row = data_of(client.get("/OBJCAT/search", params={"objID": project_with_values["ID"]}))[0]
    response = requests.delete(
        f"{api(client.server, 'v7.0')}/OBJCAT/{row['ID']}", headers=client.headers, timeout=TIMEOUT
    )
    assert "error" in response.json()
    assert client.count("OBJCAT", objID=project_with_values["ID"]) == 1

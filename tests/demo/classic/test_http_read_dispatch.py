"""Items 28 to 32 as HTTP dispatch: search (map), count, report and metadata reach their handlers."""

from __future__ import annotations

import pytest
from classic_http_helpers import Client, data_of

from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Client:
    return Client(demo_server)


@pytest.fixture(scope="module")
def project(client: Client) -> dict:
    project = client.new_project("Dispatch reads")
    for name, status in (("r1", "NEW"), ("r2", "NEW"), ("r3", "INP")):
        client.new_task(project["ID"], name, status=status)
    return project


def test_item28_search_map_true_is_keyed_by_id(client: Client, project: dict) -> None:
    found = data_of(client.get("/task/search", params={"projectID": project["ID"], "map": "true"}))
    assert len(found) == 3
    assert all(key == value["ID"] for key, value in found.items())


def test_item29_count_uses_search_filters(client: Client, project: dict) -> None:
    assert data_of(client.get("/task/count", params={"projectID": project["ID"], "status": "NEW"})) == {"count": 2}


def test_item30_report_groups_with_default_dcount(client: Client, project: dict) -> None:
    report = data_of(client.get("/task/report", params={"projectID": project["ID"], "status_GroupBy": "true"}))
    assert report == {"INP": {"dcount_ID": 1, "status": "INP"}, "NEW": {"dcount_ID": 2, "status": "NEW"}}


def test_item31_metadata_lists_objects_by_name(client: Client) -> None:
    objects = data_of(client.get("/metadata"))["objects"]
    assert objects["Project"]["objCode"] == "PROJ"
    assert objects["Project"]["url"].endswith("/attask/api/v21.0/proj/metadata")


def test_item32_object_metadata_fields_parameter_picks_sections(client: Client) -> None:
    full = data_of(client.get("/task/metadata"))
    assert {"fields", "references", "collections", "actions", "operations"} <= set(full)
    picked = data_of(client.get("/task/metadata", params={"fields": "actions,operations"}))
    assert "markDone" in picked["actions"]
    assert "fields" not in picked


STANDARD_KEYS = ["label", "typeObjCode", "targetTypeObjCode", "fieldType", "enumTargetObjCode", "enumType", "url"]
ISSUE_2_METADATA_OBJECTS = (
    "PROJ", "TASK", "OPTASK", "USER", "PORT", "PRGM", "TEAMOB", "ROLE", "CMPY",
    "GROUP", "HOUR", "NOTE", "DOCU", "ASSGN", "CTGY", "PARAM", "CSTEM", "ACSRUL",
)


@pytest.mark.parametrize("obj_code", ISSUE_2_METADATA_OBJECTS)
def test_item32_object_metadata_is_served_for_every_listed_object(client: Client, obj_code: str) -> None:
    metadata = data_of(client.get(f"/{obj_code.lower()}/metadata"))
    assert metadata["objCode"] == obj_code
    assert len(metadata) == 12 and metadata["fields"] and metadata["operations"] is not None
    for section in ("fields", "references", "collections"):
        for name, entry in metadata[section].items():
            assert [key for key in entry if key not in ("flags", "possibleValues")] == STANDARD_KEYS, name
            if section != "fields":
                assert entry["typeObjCode"] and entry["url"].endswith("/metadata"), name
            if entry["enumType"] and section == "fields":
                assert entry.get("possibleValues"), name
    for name, action in metadata["actions"].items():
        assert action["label"] == name and isinstance(action.get("arguments", []), list)


def test_item31_every_metadata_url_in_the_index_resolves_including_secondary_objects(client: Client) -> None:
    objects = data_of(client.get("/metadata"))["objects"]
    assert objects["AccessRule"]["secondaryObject"] == "true"
    for name, entry in objects.items():
        response = client.get(entry["url"].split("/attask/api/v21.0", 1)[1])
        assert data_of(response)["objCode"] == entry["objCode"], name


def test_secondary_objects_serve_metadata_but_not_records(client: Client) -> None:
    response = client.get("/acsrul/search")
    assert response.status_code == 422
    assert "is not a top level object" in response.json()["error"]["message"]

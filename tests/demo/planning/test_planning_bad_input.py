"""Bad input gets a clear 4xx and never a 5xx: junk bodies and parameters against every operation."""

from __future__ import annotations

from typing import Any

import pytest
from planning_http import PlanningHttp

from wfexplorer.demo.planning.app import _ROUTES

JUNK: list[Any] = [
    [], "text", 7, {"data": "x"}, {"data": {"status": {"a": 1}, "owners": [{"id": 5}]}},
    {"displayName": {"a": 1}, "type": "NUMBER", "numberOptions": "x", "options": [1], "metadata": "x"},
    {"filter": {"operator": "AND", "conditions": [{"fieldId": "budget", "condition": "IS", "value": {"a": 1}}]}},
    [{"id": 5, "data": []}], {"ids": [1, None], "recordIds": [1], "requestIds": [2]},
    {"grant": [{"subjectId": "a", "subjectType": "user", "role": "boss"}], "filters": {"$and": "x"}},
]


@pytest.fixture
def targets(fresh_api: PlanningHttp) -> dict[str, str]:
    api = fresh_api
    ws = api.workspace("Events")
    rt = api.record_type("Events", "events")
    record = api.search(rt["id"], {}, size=1).json()["records"]["content"][0]
    field = api.fields(rt["id"])["budget"]
    view = api.post(f"/v2/record-types/{rt['id']}/views", json={"name": "junk target", "type": "table"}).json()
    return {"workspaces": ws["id"], "record-types": rt["id"], "records": record["id"], "fields": field["id"],
            "views": view["id"], "workspaceId": ws["id"], "recordTypeId": rt["id"], "resourceId": rt["id"],
            "resourceType": "record-types"}


def test_junk_requests_never_get_a_server_error(fresh_api: PlanningHttp, targets: dict[str, str]) -> None:
    failures = []
    for method, template, _ in _ROUTES:
        if method == "DELETE" and "bulk" not in template and "requests" not in template:
            continue  # deleting the targets would only test 404s
        path = template.replace("{id}", targets.get(template.split("/")[2], targets["records"]))
        for key in ("workspaceId", "recordTypeId", "resourceId", "resourceType"):
            path = path.replace("{" + key + "}", targets[key])
        for body in JUNK:
            for params in ({}, {"limit": "x", "cursor": "??", "page": "-1", "size": "0", "filter": "{"}):
                response = fresh_api.request(method, path, json=body, params=params)
                if response.status_code >= 500:
                    failures.append(f"{method} {template} {body!r} {params}: {response.status_code}")
        garbage = fresh_api.request(method, path, data=b"\x00{not json", headers={"Content-Type": "application/json"})
        if garbage.status_code >= 500:
            failures.append(f"{method} {template} garbage: {garbage.status_code}")
    assert not failures, failures[:10]


@pytest.mark.parametrize("depth", [480, 5000])
def test_filters_nested_too_deeply_are_400_in_each_versions_shape(api: PlanningHttp, depth: int) -> None:
    """5,000 levels cannot even be decoded; 480 can, and is then searched or refused, but never a 500."""
    rt = api.record_type("2027 Marketing Plan", "campaigns")
    inner = '{"fieldId": "budget", "condition": "GREATER_THAN", "value": 1}'
    tree = '{"operator": "OR", "conditions": [' * depth + inner + "]}" * depth
    v1_tree = '{"$or": [' * depth + '{"budget": 1}' + "]}" * depth
    calls = [(f"/v2/record-types/{rt['id']}/records/search", '{"filter": ' + tree + "}"),
             (f"/v2/record-types/{rt['id']}/views", '{"name": "deep", "type": "table", "filter": [' + tree + "]}"),
             ("/v1/records/search", f'{{"recordTypeId": "{rt["id"]}", "filters": ' + v1_tree + "}")]
    for path, body in calls:
        response = api.post(path, data=body, headers={"Content-Type": "application/json"})
        if depth > 1000 or response.status_code != 200:
            assert response.status_code == 400, (path, response.status_code)
            assert (response.json()["type"] == 40001) if "v1" in path else (
                response.json()["errorCode"] == "VALIDATION_FAILED")

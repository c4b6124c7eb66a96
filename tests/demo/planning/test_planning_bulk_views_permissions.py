"""Checklist items 18 and 34-41 (planning-api.md §11): bulk, move, views, permissions, global record types."""

from __future__ import annotations

import uuid
from typing import Any

from planning_http import PlanningHttp


def _bulk(api: PlanningHttp, method: str, rt_id: str, body: Any) -> Any:
    return api.request(method, f"/v2/record-types/{rt_id}/records/bulk", json=body)


def test_item34_all_good_bulk_create_is_201_and_update_200(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    created = _bulk(api, "POST", scratch["id"], [{"data": {"count": i}} for i in range(3)])
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "success" and body["succeeded"] == 3 and body["failed"] == 0
    assert body["requestId"] == created.headers["X-Request-Id"]
    ids = [row["id"] for row in body["results"]]
    patched = _bulk(api, "PATCH", scratch["id"], [{"id": i, "data": {"notes": "bulk"}} for i in ids])
    assert patched.status_code == 200 and patched.json()["status"] == "success"
    assert all(row["record"]["data"][scratch["fields"]["notes"]["id"]] == "bulk" for row in patched.json()["results"])
    replaced = _bulk(api, "PUT", scratch["id"], [{"id": i, "data": {"count": 7}} for i in ids])
    assert replaced.status_code == 200
    assert all(scratch["fields"]["notes"]["id"] not in row["record"]["data"] for row in replaced.json()["results"])
    deleted = _bulk(api, "DELETE", scratch["id"], {"ids": ids})
    assert deleted.status_code == 200 and deleted.json()["succeeded"] == 3
    assert all("record" not in row for row in deleted.json()["results"])


def test_item34_35_mixed_rows_give_207_partial_with_per_row_results(api: PlanningHttp,
                                                                    scratch: dict[str, Any]) -> None:
    response = _bulk(api, "POST", scratch["id"], [{"data": {"count": 1}}, {"data": {"count": "lots"}},
                                                  {"data": {"state": "opt_a"}}])
    assert response.status_code == 207
    body = response.json()
    assert body["status"] == "partial"
    assert (body["total"], body["succeeded"], body["failed"]) == (3, 2, 1)
    assert [row["requestIndex"] for row in body["results"]] == [0, 1, 2]
    failed = body["results"][1]
    assert failed["status"] == "error" and failed["error"]["code"] == "VALIDATION_FAILED" and "record" not in failed
    assert body["results"][0]["record"]["id"] == body["results"][0]["id"]
    everything_failed = _bulk(api, "DELETE", scratch["id"], {"ids": ["Rc" + "1" * 24]})
    assert everything_failed.status_code == 207
    assert everything_failed.json()["status"] == "failed"
    assert everything_failed.json()["results"][0]["error"]["code"] == "ENTITY_WITH_ATTRIBUTE_NOT_FOUND"


def test_item36_rows_without_id_fail_alone_and_limits_apply(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    good = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 1}}).json()
    response = _bulk(api, "PATCH", scratch["id"], [{"data": {"count": 2}}, {"id": good["id"], "data": {"count": 3}}])
    assert response.status_code == 207
    assert response.json()["results"][0]["status"] == "error"
    assert response.json()["results"][1]["record"]["data"][scratch["fields"]["count"]["id"]] == 3
    assert _bulk(api, "DELETE", scratch["id"], {"ids": []}).status_code == 400
    assert _bulk(api, "POST", scratch["id"], [{"data": {}}] * 101).status_code == 400


def test_item36_over_the_limit_can_be_truncated(fresh_api: PlanningHttp) -> None:
    rt = fresh_api.record_type("Events", "venues")
    context = fresh_api.server.context
    assert context is not None
    context.settings.planning_options["bulk_over_limit"] = "truncate"
    response = _bulk(fresh_api, "POST", rt["id"], [{"data": {"name": f"V{i}"}} for i in range(103)])
    body = response.json()
    assert body["total"] == 100 and body["succeeded"] == 100
    assert body["errors"][0]["code"] == "RATE_LIMIT_EXCEEDED" and len(body["errors"][0]["affectedIds"]) == 3
    assert body["status"] == "partial"


def _order(api: PlanningHttp, rt_id: str) -> list[str]:
    return api.all_ids(rt_id)


def test_item37_move_reorders_and_is_all_or_nothing(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    ids = [api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": i}}).json()["id"]
           for i in range(4)]
    moved = api.post(f"/v2/record-types/{scratch['id']}/records/move",
                     json={"recordIds": [ids[3], ids[2]], "putBeforeRecordId": ids[0]})
    assert moved.status_code == 200 and moved.json()["status"] == "success"
    assert _order(api, scratch["id"]) == [ids[3], ids[2], ids[0], ids[1]]
    after = api.post(f"/v2/record-types/{scratch['id']}/records/move",
                     json={"recordIds": [ids[3]], "putAfterRecordId": ids[1]})
    assert after.status_code == 200
    assert _order(api, scratch["id"]) == [ids[2], ids[0], ids[1], ids[3]]
    failing = api.post(f"/v2/record-types/{scratch['id']}/records/move",
                       json={"recordIds": [ids[0], "Rc" + "2" * 24], "putAfterRecordId": ids[3]})
    assert failing.status_code == 207 and failing.json()["status"] == "failed"
    assert _order(api, scratch["id"]) == [ids[2], ids[0], ids[1], ids[3]]
    both = api.post(f"/v2/record-types/{scratch['id']}/records/move",
                    json={"recordIds": [ids[0]], "putAfterRecordId": ids[1], "putBeforeRecordId": ids[2]})
    assert both.status_code == 400
    neither = api.post(f"/v2/record-types/{scratch['id']}/records/move", json={"recordIds": [ids[0]]})
    assert neither.status_code == 400
    unknown_anchor = api.post(f"/v2/record-types/{scratch['id']}/records/move",
                              json={"recordIds": [ids[0]], "putAfterRecordId": "Rc" + "3" * 24})
    assert unknown_anchor.status_code == 404


def test_item18_views_need_name_and_lower_case_type_and_are_limited(api: PlanningHttp,
                                                                    scratch: dict[str, Any]) -> None:
    path = f"/v2/record-types/{scratch['id']}/views"
    assert api.post(path, json={"type": "table"}).status_code == 400
    assert api.post(path, json={"name": "T", "type": "TABLE"}).status_code == 400
    assert api.post(path, json={"name": "T", "type": "timeline"}).status_code == 400
    view = api.post(path, json={"name": "Due soon", "type": "timeline",
                                "metadata": {"startDateKey": scratch["fields"]["due"]["id"]},
                                "filter": [{"fieldId": "count", "condition": "GREATER_THAN", "value": 1}],
                                "sorting": [{"fieldId": "due", "direction": "asc"}]})
    assert view.status_code == 201, view.text
    bad_filter = api.patch(f"/v2/views/{view.json()['id']}",
                           json={"filter": [{"fieldId": "count", "condition": "BETWEEN", "value": [1, 2]}]})
    assert bad_filter.status_code == 400
    renamed = api.patch(f"/v2/views/{view.json()['id']}", json={"name": "Renamed"}).json()
    assert renamed["name"] == "Renamed" and renamed["sorting"] == view.json()["sorting"]
    for index in range(99):
        assert api.post(path, json={"name": f"V{index}", "type": "list"}).status_code == 201
    over = api.post(path, json={"name": "one too many", "type": "list"})
    assert over.status_code == 403 and over.json()["errorCode"] == "VIEW_LIMIT_EXCEEDED"
    listed = api.get(path, params={"limit": 100}).json()
    assert len(listed["content"]) == 100 and not listed["cursor"]["hasMore"]


def _user_token(api: PlanningHttp, name: str) -> tuple[str, str]:
    context = api.server.context
    assert context is not None
    user_id = f"6d{uuid.uuid4().hex[:30]}"
    with context.store.transaction() as tx:
        tx.put("USER", {"ID": user_id, "objCode": "USER", "name": name, "username": name.lower(), "isActive": True})
    return user_id, context.sessions.create(user_id, origin="oauth").token


def test_item39_permissions_follow_roles_and_members(fresh_api: PlanningHttp) -> None:
    api = fresh_api
    ws = api.workspace("Events")
    base = f"/v2/permissions/workspaces/{ws['id']}"
    assert api.get(base).json() == {"canView": True, "canEdit": True, "canDelete": True, "canAdd": True}
    assert api.get(f"/v2/permissions/widgets/{ws['id']}").status_code == 400
    assert api.get(f"{base}/inheritance").status_code == 400
    user_id, token = _user_token(api, "Carla")
    assert api.get(base, token=token).json()["canView"] is False
    assert api.get(f"/v2/workspaces/{ws['id']}", token=token).status_code == 403
    assert api.get(f"{base}/members", token=token).status_code == 403
    granted = api.patch(f"{base}/members", json={"grant": [{"subjectId": user_id, "subjectType": "user",
                                                            "role": "viewer"}]})
    assert granted.status_code == 204
    assert any(m["subjectId"] == user_id and m["role"] == "viewer" for m in api.get(f"{base}/members").json())
    mine = api.get(base, token=token).json()
    assert mine["canView"] is True and mine["canEdit"] is False
    assert api.patch(f"/v2/workspaces/{ws['id']}", json={"color": "red"}, token=token).status_code == 403
    first = api.post(f"{base}/requests", json={"message": "let me edit"}, token=token)
    second = api.post(f"{base}/requests", json={"message": "please"}, token=token)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    requests_ = api.get(f"{base}/requests").json()
    assert [r["message"] for r in requests_] == ["please"]
    assert api.delete(f"{base}/requests", json={"requestIds": [first.json()["id"]]}).status_code == 204
    assert api.get(f"{base}/requests").json() == []
    assert api.delete(f"{base}/requests", json={"requestIds": []}).status_code == 400


def test_item39_group_team_role_and_company_members_give_their_users_access(fresh_api: PlanningHttp) -> None:
    api = fresh_api
    context = api.server.context
    assert context is not None
    ws = api.workspace("Events")
    base = f"/v2/permissions/workspaces/{ws['id']}"
    subjects = {"team": uuid.uuid4().hex, "group": uuid.uuid4().hex, "role": uuid.uuid4().hex,
                "company": uuid.uuid4().hex}
    user_id, token = _user_token(api, "Erin")
    with context.store.transaction() as tx:
        tx.put("USER", {**(tx.get("USER", user_id) or {}), "homeTeamID": subjects["team"],
                        "companyID": subjects["company"]})
        tx.put("USRGPS", {"ID": uuid.uuid4().hex, "objCode": "USRGPS", "userID": user_id,
                          "groupID": subjects["group"]})
        tx.put("USRROL", {"ID": uuid.uuid4().hex, "objCode": "USRROL", "userID": user_id,
                          "roleID": subjects["role"]})
    assert api.get(base, token=token).json()["canView"] is False
    expected = {"company": (True, False), "role": (True, True), "group": (True, True), "team": (True, True)}
    for kind in ("company", "role", "group", "team"):
        role = "viewer" if kind == "company" else "editor"
        granted = api.patch(f"{base}/members", json={"grant": [{"subjectId": subjects[kind], "subjectType": kind,
                                                                "role": role}]})
        assert granted.status_code == 204
        mine = api.get(base, token=token).json()
        assert (mine["canView"], mine["canEdit"]) == expected[kind], kind
        if kind != "company":
            api.patch(f"{base}/members", json={"revoke": [{"subjectId": subjects[kind], "subjectType": kind}]})
    _, other_token = _user_token(api, "Finn")
    assert api.get(base, token=other_token).json()["canView"] is False


def test_item39_record_type_inheritance_can_make_members_view_only(fresh_api: PlanningHttp) -> None:
    api = fresh_api
    ws = api.workspace("Events")
    rt = api.record_type("Events", "venues")
    user_id, token = _user_token(api, "Dana")
    api.patch(f"/v2/permissions/workspaces/{ws['id']}/members",
              json={"grant": [{"subjectId": user_id, "subjectType": "user", "role": "editor"}]})
    assert api.get(f"/v2/permissions/record-types/{rt['id']}", token=token).json()["canEdit"] is True
    assert api.get(f"/v2/permissions/record-types/{rt['id']}/inheritance").json() == {"inherited": True}
    api.patch(f"/v2/permissions/record-types/{rt['id']}/members", json={"inheritViewOnly": False})
    assert api.get(f"/v2/permissions/record-types/{rt['id']}/inheritance").json() == {"inherited": False}
    assert api.get(f"/v2/permissions/record-types/{rt['id']}", token=token).json()["canEdit"] is False


def test_item41_global_record_types_attach_list_and_detach(fresh_api: PlanningHttp) -> None:
    api = fresh_api
    launches = api.workspace("Product Launches")
    events = api.workspace("Events")
    marketing = api.workspace("2027 Marketing Plan")
    regions = api.record_type("Product Launches", "regions")
    assert regions["isGlobal"] and events["id"] in regions["dynamicWorkspaceIds"]
    attachable = api.get(f"/v2/workspaces/{marketing['id']}/global-record-types").json()["content"]
    assert [rt["id"] for rt in attachable] == [regions["id"]]
    assert api.get(f"/v2/workspaces/{events['id']}/global-record-types").json()["content"] == []
    attached = api.post(f"/v2/workspaces/{marketing['id']}/record-types",
                        json={"displayName": "Regions", "sourceRecordTypeId": regions["id"]})
    assert attached.status_code == 201
    assert marketing["id"] in attached.json()["dynamicWorkspaceIds"]
    events_records = api.search(regions["id"], {"scopeWorkspaceIds": [events["id"]]}, size=100).json()
    events_ids = {r["id"] for r in events_records["records"]["content"]}
    assert events_ids
    before = set(api.all_ids(regions["id"]))
    assert api.post(f"/v2/workspaces/{events['id']}/record-types/{regions['id']}/detach").status_code == 204
    after = set(api.all_ids(regions["id"]))
    assert after == before - events_ids
    assert events["id"] not in api.get(f"/v2/record-types/{regions['id']}").json()["dynamicWorkspaceIds"]
    again = api.post(f"/v2/workspaces/{events['id']}/record-types/{regions['id']}/detach")
    assert again.status_code == 404
    assert launches["id"] == regions["primaryWorkspaceId"]


def test_detach_can_keep_the_workspaces_records(fresh_api: PlanningHttp) -> None:
    api = fresh_api
    context = api.server.context
    assert context is not None
    context.settings.planning_options["detach_deletes_records"] = "false"
    events = api.workspace("Events")
    regions = api.record_type("Product Launches", "regions")
    before = set(api.all_ids(regions["id"]))
    events_ids = {r["id"] for r in api.search(regions["id"], {"scopeWorkspaceIds": [events["id"]]},
                                              size=100).json()["records"]["content"]}
    assert events_ids
    assert api.post(f"/v2/workspaces/{events['id']}/record-types/{regions['id']}/detach").status_code == 204
    assert set(api.all_ids(regions["id"])) == before
    assert events["id"] not in api.get(f"/v2/record-types/{regions['id']}").json()["dynamicWorkspaceIds"]

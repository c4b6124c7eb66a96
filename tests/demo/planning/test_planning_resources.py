"""Checklist items 5-19 (planning-api.md §11): statuses, body shapes, validation, quotas, writes, history."""

from __future__ import annotations

import re
import uuid
from typing import Any

import requests
from planning_http import PlanningHttp

ID = re.compile(r"^(Ws|Rt|Rc|F|V)[0-9a-f]{24}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def _new_workspace(api: PlanningHttp) -> dict[str, Any]:
    response = api.post("/v2/workspaces", json={"name": f"Test {uuid.uuid4().hex[:6]}", "color": "red"})
    assert response.status_code == 201, response.text
    return response.json()


def test_item05_v2_creates_answer_201_and_deletes_204(api: PlanningHttp) -> None:
    ws = _new_workspace(api)
    rt = api.post(f"/v2/workspaces/{ws['id']}/record-types", json={"displayName": "Things"})
    assert rt.status_code == 201
    field = api.post(f"/v2/record-types/{rt.json()['id']}/fields", json={"displayName": "Size", "type": "NUMBER"})
    assert field.status_code == 201
    record = api.post(f"/v2/record-types/{rt.json()['id']}/records", json={"data": {"size": 3}})
    assert record.status_code == 201
    view = api.post(f"/v2/record-types/{rt.json()['id']}/views", json={"name": "All", "type": "table"})
    assert view.status_code == 201
    for path in (f"/v2/views/{view.json()['id']}", f"/v2/records/{record.json()['id']}",
                 f"/v2/fields/{field.json()['id']}", f"/v2/record-types/{rt.json()['id']}",
                 f"/v2/workspaces/{ws['id']}"):
        deleted = api.delete(path)
        assert deleted.status_code == 204, path
        assert deleted.content == b""


def test_item05_v1_answers_200_to_create_and_delete(api: PlanningHttp, campaigns: dict[str, Any]) -> None:
    created = api.post("/v1/records", json={"recordTypeId": campaigns["id"], "data": {"name": "v1 record"}})
    assert created.status_code == 200
    deleted = api.delete(f"/v1/records/{created.json()['id']}")
    assert deleted.status_code == 200
    assert api.get(f"/v1/records/{created.json()['id']}").status_code == 404


def test_item06_v2_audit_users_are_references_and_v1_adds_customer_keys(api: PlanningHttp,
                                                                        campaigns: dict[str, Any]) -> None:
    ws_v2 = api.get("/v2/workspaces").json()["content"][0]
    assert set(ws_v2["createdBy"]) == {"id", "name"}
    assert not {"customerId", "imsOrgId", "permission"} & set(ws_v2)
    ws_v1 = api.get(f"/v1/workspaces/{ws_v2['id']}").json()
    assert isinstance(ws_v1["createdBy"], str)
    assert {"customerId", "imsOrgId", "permission"} <= set(ws_v1)
    assert ws_v1["permission"] == "manage"


def test_item07_timestamps_use_the_millisecond_utc_pattern_and_change_on_write(api: PlanningHttp,
                                                                               scratch: dict[str, Any]) -> None:
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 1}}).json()
    assert TIMESTAMP.match(record["createdAt"]) and TIMESTAMP.match(record["updatedAt"])
    context = api.server.context
    assert context is not None
    context.clock.advance(5)
    updated = api.patch(f"/v2/records/{record['id']}", json={"data": {"count": 2}}).json()
    assert updated["updatedAt"] > record["updatedAt"]
    assert updated["createdAt"] == record["createdAt"]


def test_item08_ids_have_type_prefixes_aliases_are_generated_and_read_only_keys_ignored(api: PlanningHttp) -> None:
    ws = api.post("/v2/workspaces", json={"name": "Alias Check Space", "id": "Wsforged", "alias": "forged",
                                          "createdAt": "1999-01-01T00:00:00.000Z"}).json()
    assert ID.match(ws["id"])
    assert ws["alias"].startswith("alias-check-space")
    assert ws["createdAt"] != "1999-01-01T00:00:00.000Z"
    rt = api.post(f"/v2/workspaces/{ws['id']}/record-types", json={"displayName": "Gadget Things"}).json()
    assert ID.match(rt["id"]) and rt["alias"].startswith("gadget_things")
    api.delete(f"/v2/workspaces/{ws['id']}")


def test_item09_blank_or_long_workspace_name_is_400_with_field_errors(api: PlanningHttp) -> None:
    for name in ("   ", "x" * 257):
        response = api.post("/v2/workspaces", json={"name": name})
        assert response.status_code == 400
        body = response.json()
        assert body["errorCode"] == "VALIDATION_FAILED"
        assert body["errors"][0]["field"] == "name"
        assert body["errors"][0]["code"] in ("NotBlank", "Size")


def test_item10_record_type_needs_a_name_and_the_101st_is_forbidden(api: PlanningHttp) -> None:
    ws = _new_workspace(api)
    assert api.post(f"/v2/workspaces/{ws['id']}/record-types", json={}).status_code == 400
    assert api.post(f"/v2/workspaces/{ws['id']}/record-types", json={"displayName": "y" * 256}).status_code == 400
    context = api.server.context
    assert context is not None
    filler = [{"ID": f"Rt{index:024x}", "workspaceId": ws["id"], "displayName": f"Filler {index}", "_seq": index}
              for index in range(100)]
    with context.store.transaction() as tx:
        tx.put_many("pl:recordtype", filler)
    over = api.post(f"/v2/workspaces/{ws['id']}/record-types", json={"displayName": "One too many"})
    assert over.status_code == 403
    assert over.json()["errorCode"] == "RECORD_TYPE_LIMIT_EXCEEDED"
    with context.store.transaction() as tx:
        for doc in filler:
            tx.delete("pl:recordtype", doc["ID"])
    api.delete(f"/v2/workspaces/{ws['id']}")


def test_item10_section_index_chooses_the_section(api: PlanningHttp) -> None:
    ws = _new_workspace(api)
    api.patch(f"/v2/workspaces/{ws['id']}", json={"recordTypeSections": [
        {"displayName": "First", "recordTypeIds": []}, {"displayName": "Second", "recordTypeIds": []}]})
    rt = api.post(f"/v2/workspaces/{ws['id']}/record-types", params={"sectionIndex": 1},
                  json={"displayName": "Placed"}).json()
    sections = api.get(f"/v2/workspaces/{ws['id']}").json()["recordTypeSections"]
    assert sections[1]["recordTypeIds"] == [rt["id"]]
    assert sections[0]["recordTypeIds"] == []
    api.delete(f"/v2/workspaces/{ws['id']}")


def test_item11_v1_embeds_fields_and_record_types_and_needs_workspace_id(api: PlanningHttp,
                                                                         campaigns: dict[str, Any]) -> None:
    v2 = api.get(f"/v2/record-types/{campaigns['id']}").json()
    assert "fields" not in v2
    v1 = api.get(f"/v1/record-types/{campaigns['id']}").json()
    assert {f["alias"] for f in v1["fields"]} >= {"name", "status", "budget"}
    ws = api.workspace("2027 Marketing Plan")
    v1_ws = api.get(f"/v1/workspaces/{ws['id']}").json()
    assert campaigns["id"] in {rt["id"] for rt in v1_ws["recordTypes"]}
    listed = api.get("/v1/record-types", params={"workspaceId": ws["id"]})
    assert isinstance(listed.json(), list) and listed.json()
    missing = api.get("/v1/record-types")
    assert missing.status_code == 400
    assert missing.json()["type"] == 40001


def test_item12_field_type_must_be_in_the_enum_and_names_unique(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    bad = api.post(f"/v2/record-types/{scratch['id']}/fields", json={"displayName": "Weird", "type": "LOOKUP"})
    assert bad.status_code == 400
    duplicate = api.post(f"/v2/record-types/{scratch['id']}/fields", json={"displayName": "count", "type": "TEXT"})
    assert duplicate.status_code == 403
    assert duplicate.json()["errorCode"] == "FIELD_DISPLAY_NAME_NOT_UNIQUE"
    notes = scratch["fields"]["notes"]
    for method in ("PUT", "PATCH"):
        clash = api.request(method, f"/v2/fields/{notes['id']}", json={"displayName": "Count", "type": "PARAGRAPH"})
        assert clash.status_code == 403, method


def test_item13_formula_quota_answers_its_own_code(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    for index in range(20):
        created = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
            "displayName": f"F{index}", "type": "FORMULA", "formulaOptions": {"formula": "{count} * 2"}})
        assert created.status_code == 201, created.text
    over = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
        "displayName": "F20", "type": "FORMULA", "formulaOptions": {"formula": "{count} * 2"}})
    assert over.status_code == 403
    assert over.json()["errorCode"] == "FORMULA_FIELD_COUNT_LIMIT_EXCEEDED"


def test_item14_reference_to_an_external_record_type_is_marked_external(api: PlanningHttp,
                                                                         scratch: dict[str, Any]) -> None:
    projects = api.record_type("2027 Marketing Plan", "workfront_projects")
    field = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
        "displayName": "Project", "type": "REFERENCE", "referenceOptions": {"recordTypeId": projects["id"]}}).json()
    options = field["referenceOptions"]
    assert options["isExternal"] is True
    assert options["externalOptions"] == {"connectionName": "WORKFRONT", "objectName": "PROJECT"}


def test_item15_put_clears_omitted_values_patch_keeps_them_and_ops_edit_lists(api: PlanningHttp,
                                                                            scratch: dict[str, Any]) -> None:
    f = scratch["fields"]
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {
        "count": 5, "notes": "hello", "labels": ["l1"]}}).json()
    patched = api.patch(f"/v2/records/{record['id']}", json={"data": {
        "count": None, "labels": [{"op": "add", "value": ["l2", "l3"]}, {"op": "remove", "value": ["l1"]}]}}).json()
    assert f["count"]["id"] not in patched["data"]
    assert patched["data"][f["notes"]["id"]] == "hello"
    assert patched["data"][f["labels"]["id"]] == ["l2", "l3"]
    replaced = api.put(f"/v2/records/{record['id']}", json={"data": {"count": 9}}).json()
    assert replaced["data"][f["count"]["id"]] == 9
    assert f["notes"]["id"] not in replaced["data"]
    assert f["labels"]["id"] not in replaced["data"]


def test_v1_put_changes_only_the_sent_values_unless_set_to_replace(opt_api: PlanningHttp,
                                                                   scratch: dict[str, Any]) -> None:
    api, f = opt_api, scratch["fields"]
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 5, "notes": "hi"}}).json()
    merged = api.put(f"/v1/records/{record['id']}", json={"data": {f["count"]["id"]: 6}})
    assert merged.status_code == 200
    assert merged.json()["data"][f["notes"]["id"]] == "hi" and merged.json()["data"][f["count"]["id"]] == 6
    context = api.server.context
    assert context is not None
    context.settings.planning_options["v1_put"] = "replace"
    replaced = api.put(f"/v1/records/{record['id']}", json={"data": {f["count"]["id"]: 7}}).json()
    assert f["notes"]["id"] not in replaced["data"] and replaced["data"][f["count"]["id"]] == 7


def test_item15_bad_values_are_400_and_change_nothing(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 1}}).json()
    for data in ({"count": "many"}, {"state": "opt_zzz"}, {"due": "tomorrow"}, {"done": "yes"},
                 {"people": ["nobody"]}, {"no_such_field": 1}):
        response = api.patch(f"/v2/records/{record['id']}", json={"data": {"notes": "changed", **data}})
        assert response.status_code == 400, data
    again = api.get(f"/v2/records/{record['id']}").json()
    assert scratch["fields"]["notes"]["id"] not in again["data"]


def test_a_refused_write_does_not_mirror_the_classic_objects_it_names(api: PlanningHttp,
                                                                    campaigns: dict[str, Any]) -> None:
    from wfexplorer.demo.ids import new_id

    context = api.server.context
    assert context is not None
    project_id = new_id()
    with context.store.transaction() as tx:
        tx.put("PROJ", {"ID": project_id, "objCode": "PROJ", "name": "Not yet connected"})
    record = api.search(campaigns["id"], {}, size=1).json()["records"]["content"][0]

    def mirrors() -> list[str]:
        return [r["ID"] for r in context.store.table("pl:record").values() if r.get("externalId") == project_id]

    refused = api.patch(f"/v2/records/{record['id']}", json={
        "data": {"workfront_projects": [project_id], "target_reach": "many"}})
    assert refused.status_code == 400
    assert mirrors() == []
    accepted = api.patch(f"/v2/records/{record['id']}", json={"data": {"workfront_projects": [project_id]}})
    assert accepted.status_code == 200, accepted.text
    assert len(mirrors()) == 1
    assert accepted.json()["data"][campaigns["fields"]["workfront_projects"]["id"]][0]["id"] == mirrors()[0]


def test_connecting_a_record_whose_single_back_reference_is_taken_is_422(api: PlanningHttp,
                                                                         campaigns: dict[str, Any]) -> None:
    tactics_rt = api.record_type("2027 Marketing Plan", "tactics")
    back = api.fields(tactics_rt["id"])["campaign"]["id"]
    tactic = next(r for r in api.search(tactics_rt["id"], {}, size=200).json()["records"]["content"]
                  if r["data"].get(back))
    owner = tactic["data"][back][0]["id"]
    other = next(r for r in api.search(campaigns["id"], {}, size=50).json()["records"]["content"] if r["id"] != owner)
    tactics_field = campaigns["fields"]["tactics"]["id"]
    refused = api.patch(f"/v2/records/{other['id']}", json={
        "data": {"tactics": [{"op": "add", "value": [tactic["id"]]}]}})
    assert refused.status_code == 422, refused.text
    assert refused.json()["errorCode"] == "BACK_REFERENCE_CONFLICT"
    assert tactic["id"] in refused.json()["detail"]
    assert [r["id"] for r in api.get(f"/v2/records/{tactic['id']}").json()["data"][back]] == [owner]
    assert api.get(f"/v2/records/{other['id']}").json()["data"].get(tactics_field) == other["data"].get(
        tactics_field)


def test_item16_connection_limit_is_403(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    target = api.post(f"/v2/workspaces/{scratch['workspace']['id']}/record-types",
                      json={"displayName": f"T{uuid.uuid4().hex[:6]}"}).json()
    link = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
        "displayName": "Links", "type": "REFERENCE", "referenceOptions": {"recordTypeId": target["id"]}}).json()
    context = api.server.context
    assert context is not None
    docs = [{"ID": f"Rc{index:024x}", "recordTypeId": target["id"], "data": {}, "_pos": float(index)}
            for index in range(501)]
    with context.store.transaction() as tx:
        tx.put_many("pl:record", docs)
    response = api.post(f"/v2/record-types/{scratch['id']}/records", json={
        "data": {link["id"]: [d["ID"] for d in docs]}})
    assert response.status_code == 403
    assert response.json()["errorCode"] == "RECORD_CONNECTION_LIMIT_EXCEEDED"
    api.delete(f"/v2/record-types/{target['id']}")


def test_item16_record_quota_is_403(fresh_api: PlanningHttp) -> None:
    rt = fresh_api.record_type("Events", "venues")
    context = fresh_api.server.context
    assert context is not None
    current = len([r for r in context.store.table("pl:record").values() if r["recordTypeId"] == rt["id"]])
    with context.store.transaction() as tx:
        tx.put_many("pl:record", [{"ID": f"Rc{i:024x}", "recordTypeId": rt["id"], "data": {}, "_pos": 1e6 + i}
                                  for i in range(25_000 - current)])
    over = fresh_api.post(f"/v2/record-types/{rt['id']}/records", json={"data": {"name": "One more"}})
    assert over.status_code == 403
    assert over.json()["errorCode"] == "RECORD_TYPE_RECORD_LIMIT_EXCEEDED"


def test_deleting_a_field_removes_its_values_from_the_records(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    count = scratch["fields"]["count"]["id"]
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 7, "notes": "kept"}})
    assert record.status_code == 201, record.text
    assert api.delete(f"/v2/fields/{count}").status_code == 204
    context = api.server.context
    assert context is not None
    stored = context.store.get("pl:record", record.json()["id"])
    assert stored is not None
    assert count not in stored["data"]
    assert stored["data"][scratch["fields"]["notes"]["id"]] == "kept"


def test_item17_deleting_a_record_type_cascades(api: PlanningHttp) -> None:
    ws = _new_workspace(api)
    rt = api.post(f"/v2/workspaces/{ws['id']}/record-types", json={"displayName": "Doomed"}).json()
    record = api.post(f"/v2/record-types/{rt['id']}/records", json={"data": {"name": "gone soon"}}).json()
    view = api.post(f"/v2/record-types/{rt['id']}/views", json={"name": "v", "type": "list"}).json()
    field_id = next(iter(api.fields(rt["id"]).values()))["id"]
    assert api.delete(f"/v2/record-types/{rt['id']}").status_code == 204
    gone = api.get(f"/v2/record-types/{rt['id']}")
    assert gone.status_code == 404
    assert gone.json()["messageArguments"] == {"recordTypeId": rt["id"]}
    for path in (f"/v2/records/{record['id']}", f"/v2/views/{view['id']}", f"/v2/fields/{field_id}"):
        assert api.get(path).status_code == 404, path
    assert rt["id"] not in str(api.get(f"/v2/workspaces/{ws['id']}").json()["recordTypeSections"])
    api.delete(f"/v2/workspaces/{ws['id']}")


def test_item19_each_write_adds_one_history_entry_per_changed_field(api: PlanningHttp,
                                                                    scratch: dict[str, Any]) -> None:
    f = scratch["fields"]
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 1, "notes": "a"}}).json()
    context = api.server.context
    assert context is not None
    context.clock.advance(1)  # the update's entries get a later timestamp than the creation's
    api.patch(f"/v2/records/{record['id']}", json={"data": {"count": 2, "notes": "a", "done": True}})
    history = api.get(f"/v2/records/{record['id']}/history").json()["content"]
    latest = [entry for entry in history if entry["createdAt"] == history[0]["createdAt"]]
    assert sorted(e["fieldId"] for e in latest) == sorted([f["count"]["id"], f["done"]["id"]])
    count_entry = next(e for e in latest if e["fieldId"] == f["count"]["id"])
    assert count_entry["before"]["value"] == 1 and count_entry["after"]["value"] == 2
    assert count_entry["after"]["fieldSnapshot"]["displayName"] == "Count"
    assert isinstance(count_entry["createdBy"], str)


def test_item33_history_is_cursor_paged(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 0}}).json()
    for value in range(1, 6):
        api.patch(f"/v2/records/{record['id']}", json={"data": {"count": value}})
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api.get(f"/v2/records/{record['id']}/history", params=params).json()
        seen.extend(entry["id"] for entry in page["content"])
        if not page["cursor"]["hasMore"]:
            assert "nextCursor" not in page["cursor"]
            break
        cursor = page["cursor"]["nextCursor"]
    assert len(seen) == len(set(seen)) == 6
    assert api.get(f"/v2/records/{record['id']}/history", params={"limit": 51}).status_code == 400


def test_item38_thumbnails_are_detected_by_magic_bytes_and_delete_is_idempotent(api: PlanningHttp,
                                                                                 scratch: dict[str, Any]) -> None:
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {}}).json()
    path = f"/v2/records/{record['id']}/thumbnail"
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
    first = api.post(path, files={"file": ("a.png", png, "image/png")})
    second = api.post(path, files={"file": ("a.png", png, "image/png")})
    assert first.status_code == second.status_code == 201
    assert first.json()["thumbnailUrl"] != second.json()["thumbnailUrl"]
    image = api.session.get(api.server.base_url + second.json()["thumbnailUrl"], timeout=10)
    assert image.status_code == 200 and image.content == png and image.headers["Content-Type"] == "image/png"
    replaced = api.session.get(api.server.base_url + first.json()["thumbnailUrl"], timeout=10)
    assert replaced.status_code == 404
    empty = api.post(path, files={"file": ("a.png", b"", "image/png")})
    assert empty.json()["errorCode"] == "THUMBNAIL_EMPTY"
    gif = api.post(path, files={"file": ("a.gif", b"GIF89a....", "image/gif")})
    assert gif.status_code == 400 and gif.json()["errorCode"] == "THUMBNAIL_INVALID_FORMAT"
    assert api.delete(path).status_code == 204
    assert api.delete(path).status_code == 204
    assert "thumbnailUrl" not in api.get(f"/v2/records/{record['id']}").json()


def test_item40_non_admin_cannot_create_workspaces(fresh_api: PlanningHttp) -> None:
    api = fresh_api
    context = api.server.context
    assert context is not None
    with context.store.transaction() as tx:
        tx.put("USER", {"ID": "6b00000000000000000000000000b0b0", "objCode": "USER", "name": "Bob Plain",
                        "username": "bob.plain", "isActive": True})
    token = context.sessions.create("6b00000000000000000000000000b0b0", origin="oauth").token
    response = api.post("/v2/workspaces", json={"name": "Bob's"}, token=token)
    assert response.status_code == 403
    assert response.json()["errorCode"] == "FORBIDDEN"


def test_item13_paragraph_quota_answers_its_own_code(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    for index in range(19):  # the scratch type already has one PARAGRAPH field
        created = api.post(f"/v2/record-types/{scratch['id']}/fields",
                           json={"displayName": f"P{index}", "type": "PARAGRAPH"})
        assert created.status_code == 201, created.text
    over = api.post(f"/v2/record-types/{scratch['id']}/fields", json={"displayName": "P20", "type": "PARAGRAPH"})
    assert over.status_code == 403
    assert over.json()["errorCode"] == "LONG_TEXT_FIELD_LIMIT_EXCEEDED"


def test_item38_oversized_uploads_are_413(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {}}).json()
    big = b"\x89PNG\r\n\x1a\n" + b"\x00" * (10 * 1024 * 1024 + 10)
    response = api.post(f"/v2/records/{record['id']}/thumbnail", files={"file": ("big.png", big, "image/png")})
    assert response.status_code == 413
    assert response.json()["errorCode"] == "UPLOAD_SIZE_EXCEEDED"


def test_item42_concurrent_writes_to_one_record_get_200_or_409_never_a_lost_update(
        api: PlanningHttp, scratch: dict[str, Any]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"count": 0}}).json()

    def patch(value: int) -> int:  # one connection per call: a requests.Session is not meant for threads
        return requests.patch(f"{api.base}/v2/records/{record['id']}", json={"data": {"count": value}}, timeout=10,
                              headers={"Authorization": f"Bearer {api.token}"}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(patch, range(1, 41)))
    assert set(statuses) <= {200, 409}, statuses
    history = []
    cursor = None
    while True:
        page = api.get(f"/v2/records/{record['id']}/history",
                       params={"limit": 50, **({"cursor": cursor} if cursor else {})}).json()
        history.extend(page["content"])
        if not page["cursor"]["hasMore"]:
            break
        cursor = page["cursor"]["nextCursor"]
    count_changes = [e for e in history if e["fieldId"] == scratch["fields"]["count"]["id"]]
    assert len(count_changes) == 1 + statuses.count(200)  # the creation plus every accepted write
    for older, newer in zip(count_changes[1:], count_changes, strict=False):
        assert newer["before"]["value"] == older["after"]["value"]


def test_lookups_that_form_a_cycle_still_answer(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    ws = scratch["workspace"]["id"]
    other = api.post(f"/v2/workspaces/{ws}/record-types", json={"displayName": f"Cycle {uuid.uuid4().hex[:6]}"}).json()
    forward = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
        "displayName": "Other", "type": "REFERENCE", "referenceOptions": {
            "recordTypeId": other["id"], "lookupFields": [{"fieldId": "name"}]}})
    assert forward.status_code == 201, forward.text
    lookup_alias = next(alias for alias, f in api.fields(scratch["id"]).items()
                        if f.get("lookupOptions", {}).get("referenceFieldId") == forward.json()["id"])
    looping = api.post(f"/v2/record-types/{other['id']}/fields", json={
        "displayName": "Again", "type": "REFERENCE", "referenceOptions": {
            "recordTypeId": scratch["id"], "lookupFields": [{"fieldId": lookup_alias}]}})
    assert looping.status_code == 201, looping.text
    target = api.post(f"/v2/record-types/{other['id']}/records", json={"data": {"name": "T"}}).json()
    mine = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {"other": [target["id"]]}}).json()
    api.patch(f"/v2/records/{target['id']}", json={"data": {"again": [mine["id"]]}})
    found = api.search(scratch["id"], {"filter": {"operator": "AND", "conditions": [
        {"fieldId": lookup_alias, "condition": "IS", "value": "T"}]}})
    assert found.status_code == 200 and [r["id"] for r in found.json()["records"]["content"]] == [mine["id"]]
    assert api.search(other["id"], {}).status_code == 200
    api.delete(f"/v2/record-types/{other['id']}")


def test_removing_a_select_option_clears_it_from_records(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    f = scratch["fields"]
    record = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": {
        "state": "opt_b", "labels": ["l1", "l2"]}}).json()
    api.patch(f"/v2/fields/{f['state']['id']}", json={"options": [{"name": "opt_a", "displayName": "Alpha"}]})
    api.patch(f"/v2/fields/{f['labels']['id']}", json={"options": [{"name": "l1", "displayName": "One"}]})
    data = api.get(f"/v2/records/{record['id']}").json()["data"]
    assert f["state"]["id"] not in data
    assert data[f["labels"]["id"]] == ["l1"]


def test_item13_reference_quota_answers_its_own_code(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    target = api.record_type("2027 Marketing Plan", "audiences")
    for index in range(30):
        created = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
            "displayName": f"R{index}", "type": "REFERENCE", "referenceOptions": {"recordTypeId": target["id"]}})
        assert created.status_code == 201, created.text
    over = api.post(f"/v2/record-types/{scratch['id']}/fields", json={
        "displayName": "R30", "type": "REFERENCE", "referenceOptions": {"recordTypeId": target["id"]}})
    assert over.status_code == 403
    assert over.json()["errorCode"] == "REFERENCE_FIELDS_COUNT_LIMIT_EXCEEDED"


def test_item13_the_501st_field_is_refused(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    context = api.server.context
    assert context is not None
    have = sum(1 for f in context.store.table("pl:field").values() if f["recordTypeId"] == scratch["id"])
    docs = [{"ID": f"F{uuid.uuid4().hex[:24]}", "recordTypeId": scratch["id"], "type": "NUMBER",
             "displayName": f"N{index}", "alias": f"n{index}"} for index in range(499 - have)]
    with context.store.transaction() as tx:
        tx.put_many("pl:field", docs)
    last = api.post(f"/v2/record-types/{scratch['id']}/fields", json={"displayName": "The 500th", "type": "TEXT"})
    assert last.status_code == 201, last.text
    over = api.post(f"/v2/record-types/{scratch['id']}/fields", json={"displayName": "One too many", "type": "TEXT"})
    assert over.status_code == 403
    assert over.json()["errorCode"] == "FIELD_LIMIT_EXCEEDED"

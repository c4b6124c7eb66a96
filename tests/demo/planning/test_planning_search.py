"""Checklist items 20-33 (planning-api.md §11): record search, filters, sorting, grouping, paging, cursors."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from planning_http import PlanningHttp


def _cond(field: str, condition: str, value: Any = None, **extra: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"fieldId": field, "condition": condition, **extra}
    if value is not None:
        node["value"] = value
    return node


def AND(*nodes: dict[str, Any]) -> dict[str, Any]:
    return {"operator": "AND", "conditions": list(nodes)}


def OR(*nodes: dict[str, Any]) -> dict[str, Any]:
    return {"operator": "OR", "conditions": list(nodes)}


@pytest.fixture
def known(api: PlanningHttp, scratch: dict[str, Any]) -> dict[str, Any]:
    """Five records with chosen values in the scratch record type; ``ids`` by name."""
    people = api.server.context.sessions.find_user("admin")  # type: ignore[union-attr]
    assert people is not None
    rows = {
        "a": {"name": "New Product Launch", "count": 10, "due": "2027-03-01", "done": True, "state": "opt_a",
              "labels": ["l1", "l2"], "people": [people["ID"]], "notes": "Marketing plan"},
        "b": {"name": "Old launch", "count": 20, "due": "2027-03-31", "done": False, "state": "opt_b",
              "labels": ["l1"], "notes": ""},
        "c": {"name": "Retail push", "count": 30, "due": "2027-04-15", "state": "opt_b", "labels": ["l2", "l3"]},
        "d": {"name": "empty one"},
        "e": {"name": "Launch again", "count": 10.5, "due": "2027-12-31", "done": True, "labels": ["l1", "l2"]},
    }
    ids = {}
    for key, data in rows.items():
        created = api.post(f"/v2/record-types/{scratch['id']}/records", json={"data": data})
        assert created.status_code == 201, created.text
        ids[key] = created.json()["id"]
    return {**scratch, "ids": ids, "admin": people}


def _names(known: dict[str, Any], ids: list[str]) -> set[str]:
    reverse = {value: key for key, value in known["ids"].items()}
    return {reverse[i] for i in ids}


def _match(api: PlanningHttp, known: dict[str, Any], *conditions: dict[str, Any], op: str = "AND") -> set[str]:
    return _names(known, api.all_ids(known["id"], {"operator": op, "conditions": list(conditions)}))


def test_item20_get_filter_query_string_gives_the_same_records_as_post(api: PlanningHttp,
                                                                       known: dict[str, Any]) -> None:
    tree = OR(_cond("count", "GREATER_THAN", 15), _cond("labels", "HAS_ALL_OF", ["l1", "l2"]))
    posted = api.all_ids(known["id"], tree)
    got = api.get(f"/v2/record-types/{known['id']}/records/search",
                  params={"filter": json.dumps(tree), "size": 1000})
    assert got.status_code == 200
    assert [r["id"] for r in got.json()["records"]["content"]] == posted
    assert _names(known, posted) == {"a", "b", "c", "e"}


@pytest.mark.parametrize("bad", [
    {"operator": "AND", "conditions": [{"fieldId": "count", "condition": "BETWEEN", "value": [1, 2]}]},
    {"conditions": [{"fieldId": "count", "condition": "IS", "value": 1}]},
    {"operator": "AND", "conditions": []},
    {"operator": "AND", "conditions": [{"fieldId": "nope", "condition": "IS", "value": 1}]},
    {"operator": "AND", "conditions": [{"fieldId": "labels", "condition": "IS", "value": "l1"}]},
    {"operator": "AND", "conditions": [{"fieldId": "due", "condition": "IS_BETWEEN", "value": "2027-01-01"}]},
    {"operator": "XOR", "conditions": [{"fieldId": "count", "condition": "IS", "value": 1}]},
    {"operator": "AND", "conditions": [{"fieldId": "done", "condition": "CONTAINS", "value": "t"}]},
], ids=["BETWEEN", "no-operator", "empty", "unknown-field", "disallowed", "wrong-shape", "bad-operator",
        "boolean-contains"])
def test_item21_malformed_filters_are_400_in_both_versions(api: PlanningHttp, scratch: dict[str, Any],
                                                           bad: dict[str, Any]) -> None:
    response = api.search(scratch["id"], {"filter": bad})
    assert response.status_code == 400, response.text
    assert response.json()["errorCode"] == "VALIDATION_FAILED"
    assert response.json()["errors"]


def test_item21_v1_malformed_filters_are_400_type_report(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    cases = {"filters[0].count.$between": [{"count": {"$between": [1, 2]}}], "filters[0].nope": [{"nope": "x"}],
             "filters[0].labels.$is": [{"labels": {"$is": "l1"}}], "filters.$xor": {"$xor": [{"count": 1}]},
             "filters[0].count.$isBetween": [{"count": {"$isBetween": 5}}]}
    for spot, filters in cases.items():
        response = api.post("/v1/records/search", json={"recordTypeId": scratch["id"], "filters": filters})
        assert response.status_code == 400, filters
        assert response.json()["type"] == 40001
        assert spot in [error["field"] for error in response.json()["report"]["errors"]], response.text


def test_item22_every_condition_with_its_value_shape(api: PlanningHttp, known: dict[str, Any]) -> None:
    m = lambda *c: _match(api, known, *c)  # noqa: E731
    assert m(_cond("name", "CONTAINS", "launch")) == {"a", "b", "e"}
    assert m(_cond("name", "DOES_NOT_CONTAIN", "launch")) == {"c", "d"}
    assert m(_cond("name", "IS", "new product launch")) == {"a"}
    assert m(_cond("name", "IS_NOT", "NEW PRODUCT LAUNCH")) == {"b", "c", "d", "e"}
    assert m(_cond("notes", "IS_EMPTY")) == {"b", "c", "d", "e"}
    assert m(_cond("notes", "IS_NOT_EMPTY")) == {"a"}
    assert m(_cond("count", "GREATER_THAN", "10")) == {"b", "c", "e"}
    assert m(_cond("count", "GREATER_THAN_OR_EQUAL", 10)) == {"a", "b", "c", "e"}
    assert m(_cond("count", "LESS_THAN", 20)) == {"a", "e"}
    assert m(_cond("count", "LESS_THAN_OR_EQUAL", 20)) == {"a", "b", "e"}
    assert m(_cond("count", "IS", 10)) == {"a"}
    assert m(_cond("due", "IS_AFTER", "2027-03-31")) == {"c", "e"}
    assert m(_cond("due", "IS_BEFORE", "2027-03-31")) == {"a"}
    assert m(_cond("due", "IS_BETWEEN", ["2027-03-01", "2027-03-31"])) == {"a", "b"}
    assert m(_cond("due", "IS_NOT_BETWEEN", ["2027-03-01", "2027-03-31"])) == {"c", "d", "e"}
    assert m(_cond("due", "IS", "2027-04-15T00:00:00.000Z")) == {"c"}
    assert m(_cond("state", "IS_ANY_OF", ["opt_b"])) == {"b", "c"}
    assert m(_cond("state", "IS_NONE_OF", ["opt_b"])) == {"a", "d", "e"}
    assert m(_cond("state", "IS", "Alpha")) == {"a"}
    assert m(_cond("labels", "HAS_ANY_OF", ["l3"])) == {"c"}
    assert m(_cond("labels", "HAS_ALL_OF", ["l1", "l2"])) == {"a", "e"}
    assert m(_cond("labels", "HAS_NONE_OF", ["l1"])) == {"c", "d"}
    assert m(_cond("labels", "IS_EXACTLY", ["l1"])) == {"b"}
    assert m(_cond("labels", "IS_EMPTY")) == {"d"}
    assert m(_cond("done", "IS", True)) == {"a", "e"}
    assert m(_cond("done", "IS", False)) == {"b", "c", "d"}


def test_item22_between_can_exclude_its_bounds(opt_api: PlanningHttp) -> None:
    rt = opt_api.record_type("2027 Marketing Plan", "campaigns")
    tree = AND(_cond("launch_date", "IS_BETWEEN", ["2027-03-01", "2027-03-31"]))
    inclusive = set(opt_api.all_ids(rt["id"], tree))
    edges = AND(OR(_cond("launch_date", "IS", "2027-03-01"), _cond("launch_date", "IS", "2027-03-31")))
    on_bounds = set(opt_api.all_ids(rt["id"], edges))
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["between_inclusive"] = "false"
    exclusive = set(opt_api.all_ids(rt["id"], tree))
    assert exclusive == inclusive - on_bounds


def test_is_any_of_on_a_reference_field_can_be_refused(opt_api: PlanningHttp) -> None:
    rt = opt_api.record_type("2027 Marketing Plan", "campaigns")
    linked = next(r for r in opt_api.search(rt["id"], {}, size=200).json()["records"]["content"]
                  if r["data"].get(opt_api.fields(rt["id"])["audiences"]["id"]))
    audience = linked["data"][opt_api.fields(rt["id"])["audiences"]["id"]][0]["id"]
    tree = AND(_cond("audiences", "IS_ANY_OF", [audience]))
    assert linked["id"] in opt_api.all_ids(rt["id"], tree)
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["lenient_reference_lists"] = "false"
    refused = opt_api.search(rt["id"], {"filter": tree})
    assert refused.status_code == 400
    assert refused.json()["errorCode"] == "VALIDATION_FAILED"


def test_item23_number_strings_are_coerced_and_text_ignores_case(api: PlanningHttp, known: dict[str, Any]) -> None:
    assert _match(api, known, _cond("count", "IS", "10.5")) == {"e"}
    assert _match(api, known, _cond("name", "CONTAINS", "RETAIL")) == {"c"}


def test_item24_aliases_and_ids_both_work_and_groups_nest(api: PlanningHttp, known: dict[str, Any]) -> None:
    count_id = known["fields"]["count"]["id"]
    by_id = _match(api, known, _cond(count_id, "GREATER_THAN", 15))
    by_alias = _match(api, known, _cond("count", "GREATER_THAN", 15))
    assert by_id == by_alias == {"b", "c"}
    nested = _match(api, known, AND(_cond("done", "IS", True), OR(_cond("count", "IS", 10),
                                                                   _cond("labels", "HAS_ANY_OF", ["l3"]))),
                    _cond("name", "IS", "empty one"), op="OR")
    assert nested == {"a", "d"}


def test_item25_people_match_by_ims_and_by_wf_id(api: PlanningHttp, known: dict[str, Any]) -> None:
    admin_wf = known["admin"]["ID"]
    record = api.get(f"/v2/records/{known['ids']['a']}").json()
    admin_ims = record["data"][known["fields"]["people"]["id"]][0]
    assert admin_ims != admin_wf
    assert _match(api, known, _cond("people", "HAS_ANY_OF", [admin_ims])) == {"a"}
    assert _match(api, known, _cond("people", "HAS_ANY_OF", [{"id": admin_wf, "idType": "WF"}])) == {"a"}
    assert _match(api, known, _cond("people", "HAS_ANY_OF", [{"id": admin_ims, "idType": "IMS"}])) == {"a"}
    assert _match(api, known, _cond("people", "HAS_ANY_OF", [admin_wf])) == set()


def test_item25_plain_people_strings_can_mean_wf_ids(opt_api: PlanningHttp) -> None:
    rt = opt_api.record_type("2027 Marketing Plan", "campaigns")
    context = opt_api.server.context
    assert context is not None
    admin = context.sessions.find_user("admin")
    assert admin is not None
    typed = opt_api.all_ids(rt["id"], AND(_cond("owners", "HAS_ANY_OF", [{"id": admin["ID"], "idType": "WF"}])))
    context.settings.planning_options["people_plain_id"] = "WF"
    plain = opt_api.all_ids(rt["id"], AND(_cond("owners", "HAS_ANY_OF", [admin["ID"]])))
    assert typed and plain == typed


def test_item25_created_by_filters_by_either_id(api: PlanningHttp, campaigns: dict[str, Any]) -> None:
    context = api.server.context
    assert context is not None
    admin = context.sessions.find_user("admin")
    assert admin is not None
    by_wf = api.all_ids(campaigns["id"], AND(_cond("created_by", "IS", {"id": admin["ID"], "idType": "WF"})))
    sample = api.get(f"/v2/records/{by_wf[0]}").json()
    by_ims = api.all_ids(campaigns["id"], AND(_cond("created_by", "IS", sample["createdBy"]["id"])))
    assert by_wf == by_ims
    as_user_field = api.all_ids(campaigns["id"], AND(_cond("created_by", "HAS_ANY_OF",
                                                           [{"id": admin["ID"], "idType": "WF"}])))
    assert as_user_field == by_wf


def test_item26_match_external_id_resolves_classic_ids(fresh_api: PlanningHttp) -> None:
    context = fresh_api.server.context
    assert context is not None
    project_id = "6c0000000000000000000000000000c1"
    with context.store.transaction() as tx:
        tx.put("PROJ", {"ID": project_id, "objCode": "PROJ", "name": "Classic project for Planning"})
    rt = fresh_api.record_type("2027 Marketing Plan", "campaigns")
    record = fresh_api.post(f"/v2/record-types/{rt['id']}/records", json={
        "data": {"name": "Linked to classic", "workfront_projects": [project_id]}})
    assert record.status_code == 201, record.text
    found = fresh_api.all_ids(rt["id"], AND(_cond("workfront_projects", "HAS_ANY_OF", [project_id],
                                                  matchExternalId=True)))
    assert found == [record.json()["id"]]
    with_unknown = fresh_api.all_ids(rt["id"], AND(_cond("workfront_projects", "IS_ANY_OF",
                                                         [project_id, "0" * 32], matchExternalId=True)))
    assert with_unknown == found
    single_unknown = fresh_api.search(rt["id"], {"filter": AND(_cond("workfront_projects", "HAS_ANY_OF",
                                                                      ["f" * 32], matchExternalId=True))})
    assert single_unknown.status_code == 400
    ignored = fresh_api.search(rt["id"], {"filter": AND(_cond("audiences", "HAS_ANY_OF", ["Rc" + "0" * 24],
                                                               matchExternalId=True))})
    assert ignored.status_code == 200
    assert ignored.json()["records"]["totalElements"] == 0


def test_item27_sort_keys_apply_in_order(api: PlanningHttp, known: dict[str, Any]) -> None:
    body = {"sort": [{"fieldId": "done", "direction": "desc"}, {"fieldId": "count", "direction": "asc"}]}
    ids = [r["id"] for r in api.search(known["id"], body, size=100).json()["records"]["content"]]
    assert [k for i in ids for k, v in known["ids"].items() if v == i] == ["a", "e", "b", "c", "d"]


def test_item27_unsorted_search_follows_manual_order(api: PlanningHttp, known: dict[str, Any]) -> None:
    assert _names(known, api.all_ids(known["id"])) == set(known["ids"])
    assert api.all_ids(known["id"]) == [known["ids"][k] for k in "abcde"]


def test_item28_groups_cover_all_matches_with_counts(api: PlanningHttp, known: dict[str, Any]) -> None:
    body = {"group": [{"fieldId": "state", "direction": "asc"}]}
    result = api.search(known["id"], body, size=1).json()
    groups = {g["value"]: g for g in result["groups"]}
    assert groups["opt_b"]["count"] == 2
    assert set(groups["opt_b"]["recordIds"]) == {known["ids"]["b"], known["ids"]["c"]}
    assert groups[None]["count"] == 2
    assert [g["value"] for g in result["groups"]] == ["opt_a", "opt_b", None]


def test_item29_pages_are_zero_based_and_complete(api: PlanningHttp, campaigns: dict[str, Any]) -> None:
    total = len(api.all_ids(campaigns["id"]))
    body = {"sort": [{"fieldId": "name", "direction": "asc"}]}
    first = api.search(campaigns["id"], body, page=0, size=7).json()["records"]
    second = api.search(campaigns["id"], body, page=1, size=7).json()["records"]
    assert first["first"] and not first["last"] and first["number"] == 0
    assert first["totalElements"] == total and first["totalPages"] == -(-total // 7)
    assert first["numberOfElements"] == 7 and first["pageable"]["offset"] == 0
    assert second["pageable"]["offset"] == 7
    assert not {r["id"] for r in first["content"]} & {r["id"] for r in second["content"]}
    beyond = api.search(campaigns["id"], body, page=10_000, size=7).json()["records"]
    assert beyond["content"] == [] and beyond["last"] and beyond["empty"]
    default = api.search(campaigns["id"], {}).json()["records"]
    assert default["size"] == 100
    listed = api.get(f"/v2/record-types/{campaigns['id']}/records").json()
    assert listed["size"] == 20


def test_item30_search_envelope_can_follow_the_migration_guide(opt_api: PlanningHttp) -> None:
    rt = opt_api.record_type("Events", "venues")
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["search_envelope"] = "guide"
    body = opt_api.search(rt["id"], {}, size=5).json()
    assert isinstance(body["records"], list) and len(body["records"]) == 5
    assert body["page"]["size"] == 5 and body["page"]["number"] == 0
    assert "groups" not in body


def test_item31_projection_keeps_audit_and_aliased_keys_by_alias(api: PlanningHttp, campaigns: dict[str, Any]) -> None:
    f = campaigns["fields"]
    projected = api.search(campaigns["id"], {}, size=3, fieldIds=f"{f['name']['id']},{f['budget']['id']}").json()
    for record in projected["records"]["content"]:
        assert set(record["data"]) - {f[a]["id"] for a in ("created_by", "created_at", "last_updated_by",
                                                             "last_updated_at")} <= {f["name"]["id"],
                                                                                     f["budget"]["id"]}
        assert "createdBy" in record and "updatedAt" in record
    by_alias = api.search(campaigns["id"], {}, size=2, fieldAliases="name", aliased="true").json()
    record = by_alias["records"]["content"][0]
    assert "name" in record["data"] and record["recordTypeAlias"] == "campaigns"


def test_item32_v1_search_body_and_query_forms(api: PlanningHttp, known: dict[str, Any]) -> None:
    body = {"recordTypeId": known["id"], "filters": [{"$or": [{"count": {"$greaterThan": 15}},
                                                               {"state": "opt_a"}]}],
            "sorting": [{"fieldId": "count", "direction": "desc"}], "groupingFieldIds": ["state"],
            "offset": "0", "limit": 2}
    response = api.post("/v1/records/search", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["totalCount"] == 3
    assert [r["id"] for r in result["records"]] == [known["ids"]["c"], known["ids"]["b"]]
    assert {g["value"] for g in result["groups"]} == {"opt_a", "opt_b"}
    assert "count" not in result["groups"][0]
    empty = api.get("/v1/records/search", params={"recordTypeId": known["id"],
                                                  "filters": json.dumps({"$and": [{"notes": "$isEmpty"}]})})
    assert empty.status_code == 200, empty.text
    assert empty.json()["totalCount"] == 4
    too_many = api.post("/v1/records/search", json={"recordTypeId": known["id"], "limit": 2001})
    assert too_many.status_code == 400


def test_item32_v1_offset_and_limit_default_to_0_and_500(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    context = api.server.context
    assert context is not None
    docs = [{"ID": f"Rc{uuid.uuid4().hex[:24]}", "recordTypeId": scratch["id"],
             "workspaceId": scratch["workspace"]["id"], "data": {}, "_pos": float(index)} for index in range(502)]
    with context.store.transaction() as tx:
        tx.put_many("pl:record", docs)
    result = api.post("/v1/records/search", json={"recordTypeId": scratch["id"]}).json()
    assert result["totalCount"] == 502
    assert [r["id"] for r in result["records"]] == [d["ID"] for d in docs[:500]]
    rest = api.post("/v1/records/search", json={"recordTypeId": scratch["id"], "offset": 500}).json()
    assert [r["id"] for r in rest["records"]] == [d["ID"] for d in docs[500:]]


def test_item33_cursor_lists_enforce_limits_and_end_without_next_cursor(api: PlanningHttp,
                                                                        campaigns: dict[str, Any]) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        page = api.get(f"/v2/record-types/{campaigns['id']}/fields", params=params).json()
        seen.extend(f["id"] for f in page["content"])
        if not page["cursor"]["hasMore"]:
            assert "nextCursor" not in page["cursor"]
            break
        cursor = page["cursor"]["nextCursor"]
    assert seen == [f["id"] for f in campaigns["fields"].values()]
    assert len(seen) > 20
    default = api.get(f"/v2/record-types/{campaigns['id']}/fields").json()
    assert len(default["content"]) == 20 and default["cursor"]["hasMore"]
    assert api.get("/v2/workspaces", params={"limit": 50}).status_code == 200
    assert api.get(f"/v2/record-types/{campaigns['id']}/fields", params={"limit": 100}).status_code == 200
    assert api.get("/v2/workspaces", params={"limit": 51}).status_code == 400
    assert api.get("/v2/workspaces", params={"limit": 0}).status_code == 400
    assert api.get(f"/v2/record-types/{campaigns['id']}/fields", params={"limit": 101}).status_code == 400
    bad = api.get("/v2/workspaces", params={"cursor": "!!not-base64!!"})
    assert bad.status_code == 400
    assert bad.json()["errorCode"] == "VALIDATION_FAILED"


def test_item22_lookup_and_system_fields_filter_like_their_source(api: PlanningHttp,
                                                                  campaigns: dict[str, Any]) -> None:
    f = campaigns["fields"]
    everything = api.search(campaigns["id"], {}, size=10_000).json()["records"]["content"]
    lookup = f["channel_type"]["id"]
    expected = [r["id"] for r in everything if "opt_channel_type_paid" in (r["data"].get(lookup) or [])]
    found = api.all_ids(campaigns["id"], AND(_cond("channel_type", "IS", "opt_channel_type_paid")))
    assert expected and found == expected
    rollup = f["total_audience_size"]["id"]
    big = [r["id"] for r in everything if (r["data"].get(rollup) or 0) > 300_000]
    assert api.all_ids(campaigns["id"], AND(_cond("total_audience_size", "GREATER_THAN", 300_000))) == big
    created = f["created_at"]["id"]
    middle = sorted(r["data"][created] for r in everything)[len(everything) // 2]
    after = [r["id"] for r in everything if r["data"][created] > middle]
    assert api.all_ids(campaigns["id"], AND(_cond("created_at", "IS_AFTER", middle))) == after
    assert api.search(campaigns["id"], {"filter": AND(_cond("created_by", "IS_EMPTY"))}).status_code == 400


def test_item21_every_problem_is_reported_with_its_spot(api: PlanningHttp, scratch: dict[str, Any]) -> None:
    bad = OR(_cond("count", "BETWEEN", [1, 2]), AND(_cond("nope", "IS", 1), _cond("labels", "IS", "l1")))
    body = api.search(scratch["id"], {"filter": bad}).json()
    spots = [error["field"] for error in body["errors"]]
    assert spots == ["filter.OR[0]", "filter.OR[1].AND[0]", "filter.OR[1].AND[1]"]


def test_item32_v1_aliased_and_attributes_shape_the_records(api: PlanningHttp, known: dict[str, Any]) -> None:
    record_id = known["ids"]["a"]
    aliased = api.get(f"/v1/records/{record_id}", params={"aliased": "true"}).json()
    assert aliased["data"]["count"] == 10 and aliased["data"]["name"] == "New Product Launch"
    plain = api.get(f"/v1/records/{record_id}").json()
    assert plain["data"][known["fields"]["count"]["id"]] == 10
    searched = api.post("/v1/records/search", params={"attributes": "data"},
                        json={"recordTypeId": known["id"], "filters": [{"count": 10}]}).json()
    assert [set(r) for r in searched["records"]] == [{"id", "data"}]
    alias = api.get(f"/v2/record-types/{known['id']}").json()["alias"]
    by_alias = api.get("/v1/records/search", params={"recordTypeAlias": alias,
                                                     "filters": '{"count": {"$lessThan": 11}}'}).json()
    assert {r["id"] for r in by_alias["records"]} == {known["ids"]["a"], known["ids"]["e"]}


def test_item32_v1_row_order_view_orders_unsorted_results(api: PlanningHttp, known: dict[str, Any]) -> None:
    ids = known["ids"]
    view = api.post(f"/v2/record-types/{known['id']}/views", json={
        "name": "Ordered", "type": "table", "metadata": {"rowOrder": [ids["d"], ids["b"]]}}).json()
    result = api.post("/v1/records/search", json={"recordTypeId": known["id"], "rowOrderViewId": view["id"]}).json()
    assert [r["id"] for r in result["records"]] == [ids[k] for k in "dbace"]
    missing = api.post("/v1/records/search", json={"recordTypeId": known["id"], "rowOrderViewId": "V" + "0" * 24})
    assert missing.status_code == 404

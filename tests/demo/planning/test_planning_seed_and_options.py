"""The Planning demo data (issue 4, §2) and the ``planning_options`` switches not covered elsewhere."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

import pytest
from planning_http import PlanningHttp

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.planning.options import DEFAULTS
from wfexplorer.demo.planning.seed import seed_planning
from wfexplorer.demo.server import DemoServer
from wfexplorer.demo.store import Store

CREATABLE = {"TEXT", "PARAGRAPH", "NUMBER", "PERCENTAGE", "CURRENCY", "DATE", "SINGLE_SELECT", "MULTI_SELECT",
             "CHECKBOX", "REFERENCE", "USER", "FORMULA"}


def _all_fields(api: PlanningHttp) -> list[dict[str, Any]]:
    fields = []
    for ws in api.get("/v2/workspaces").json()["content"]:
        for rt in api.get(f"/v2/workspaces/{ws['id']}/record-types", params={"limit": 100}).json()["content"]:
            fields.extend(api.fields(rt["id"]).values())
    return fields


def test_seed_has_three_workspaces_with_the_planned_record_types(api: PlanningHttp) -> None:
    names = {ws["name"] for ws in api.get("/v2/workspaces").json()["content"]}
    assert {"2027 Marketing Plan", "Product Launches", "Events"} <= names
    marketing = api.workspace("2027 Marketing Plan")
    aliases = {rt["alias"] for rt in api.get(f"/v2/workspaces/{marketing['id']}/record-types",
                                             params={"limit": 100}).json()["content"]}
    assert {"campaigns", "tactics", "audiences", "channels", "budget_lines"} <= aliases


def test_seed_fields_cover_every_type_lookups_system_fields_and_coloured_options(api: PlanningHttp) -> None:
    fields = _all_fields(api)
    assert {f["type"] for f in fields} >= CREATABLE
    origins = {f.get("metadata", {}).get("originType") for f in fields}
    assert {"LOOKUP", "CREATED_BY", "CREATED_AT", "UPDATED_BY", "UPDATED_AT"} <= origins
    rollups = {f["lookupOptions"].get("rollup") for f in fields if "lookupOptions" in f}
    assert None in rollups and "sum" in rollups
    selects = [f for f in fields if f["type"] in ("SINGLE_SELECT", "MULTI_SELECT") and "lookupOptions" not in f]
    assert selects and all(option.get("color") for f in selects for option in f["options"])
    references = [f["referenceOptions"] for f in fields if "referenceOptions" in f]
    assert {r["multiple"] for r in references} == {True, False}
    assert any(r.get("backField") for r in references)


def test_external_record_types_mirror_classic_projects_portfolios_and_users() -> None:
    server = DemoServer(scale=0.05)
    context = server.open()
    try:
        record_types = {rt["displayName"]: rt for rt in context.store.table("pl:recordtype").values()}
        records = list(context.store.table("pl:record").values())
        for name, objcode in (("Workfront projects", "PROJ"), ("Workfront portfolios", "PORT"),
                              ("Workfront users", "USER")):
            rt = record_types[name]
            assert rt["isExternal"]
            mirrored = {r["externalId"] for r in records if r["recordTypeId"] == rt["ID"]}
            assert mirrored == set(context.store.table(objcode)) != set()
    finally:
        server.stop()


def test_match_external_id_finds_campaigns_by_a_seeded_classic_project(api: PlanningHttp,
                                                                       campaigns: dict[str, Any]) -> None:
    field = campaigns["fields"]["workfront_projects"]["id"]
    linked = next(r for r in api.search(campaigns["id"], {}, size=1000).json()["records"]["content"]
                  if r["data"].get(field))
    project_id = linked["data"][field][0]["externalId"]
    found = api.all_ids(campaigns["id"], {"operator": "AND", "conditions": [
        {"fieldId": field, "condition": "HAS_ANY_OF", "value": [project_id], "matchExternalId": True}]})
    assert linked["id"] in found
    assert len(project_id) == 32


def test_seeded_users_have_both_a_workfront_and_an_ims_id(api: PlanningHttp, campaigns: dict[str, Any]) -> None:
    from wfexplorer.demo.planning.users import ims_id_for

    context = api.server.context
    assert context is not None
    users = context.store.table("USER")
    owners_field = campaigns["fields"]["owners"]["id"]
    owned = next(r for r in api.search(campaigns["id"], {}, size=200).json()["records"]["content"]
                 if r["data"].get(owners_field))
    ims = owned["data"][owners_field][0]
    assert ims not in users
    wf = next(user_id for user_id, user in users.items() if (user.get("imsID") or ims_id_for(user_id)) == ims)
    by_ims = api.all_ids(campaigns["id"], {"operator": "AND", "conditions": [
        {"fieldId": "owners", "condition": "HAS_ANY_OF", "value": [{"id": ims, "idType": "IMS"}]}]})
    by_wf = api.all_ids(campaigns["id"], {"operator": "AND", "conditions": [
        {"fieldId": "owners", "condition": "HAS_ANY_OF", "value": [{"id": wf, "idType": "WF"}]}]})
    assert owned["id"] in by_ims and by_wf == by_ims


def test_seed_is_deterministic_scales_and_is_fast(api: PlanningHttp, monkeypatch: pytest.MonkeyPatch) -> None:
    context = api.server.context
    assert context is not None
    from wfexplorer.demo.planning import support

    def build(scale: float) -> tuple[DemoContext, float]:
        fresh = DemoContext(store=Store(":memory:"))
        with fresh.store.transaction() as tx:
            tx.put_many("USER", list(context.store.table("USER").values()))
            tx.put_many("PROJ", list(context.store.table("PROJ").values()))
        started = time.perf_counter()
        seed_planning(fresh, scale)
        return fresh, time.perf_counter() - started

    monkeypatch.setattr(support, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    first, _ = build(0.2)
    monkeypatch.setattr(support, "time", SimpleNamespace(time=lambda: 1_900_000_000.0))  # the wall clock moved on
    second, _ = build(0.2)
    monkeypatch.undo()
    assert dict(first.store.table("pl:record")) == dict(second.store.table("pl:record"))
    full, seconds = build(1.0)
    count = len(full.store.table("pl:record"))
    assert 4_500 <= count <= 6_000
    assert len(first.store.table("pl:record")) < count / 3
    assert seconds < 2.0


def test_option_defaults_are_the_documented_ones() -> None:
    assert DEFAULTS["search_envelope"] == "spec"
    assert DEFAULTS["people_plain_id"] == "IMS"
    assert DEFAULTS["bulk_over_limit"] == "reject"


def test_options_switch_not_found_code_content_type_and_field_type_names(opt_api: PlanningHttp) -> None:
    context = opt_api.server.context
    assert context is not None
    options = context.settings.planning_options
    options["not_found_code"] = "NOT_FOUND"
    options["error_content_type"] = "application/problem+json"
    missing = opt_api.get("/v2/records/Rc" + "0" * 24)
    assert missing.json()["errorCode"] == "NOT_FOUND"
    assert missing.headers["Content-Type"].startswith("application/problem+json")
    rt = opt_api.record_type("2027 Marketing Plan", "campaigns")
    assert "LOOKUP" not in {f["type"] for f in opt_api.fields(rt["id"]).values()}
    options["field_type_names"] = "extended"
    types = {f["type"] for f in opt_api.fields(rt["id"]).values()}
    assert {"LOOKUP", "CREATED_BY", "UPDATED_AT"} <= types


def test_v1_attributes_projection_drops_or_nulls_other_keys(opt_api: PlanningHttp) -> None:
    ws = opt_api.workspace("Events")
    dropped = opt_api.get(f"/v1/workspaces/{ws['id']}", params={"attributes": "name"}).json()
    assert set(dropped) == {"id", "name"}
    context = opt_api.server.context
    assert context is not None
    context.settings.planning_options["v1_projection_nulls"] = "true"
    nulled = opt_api.get(f"/v1/workspaces/{ws['id']}", params={"attributes": "name"}).json()
    assert nulled["name"] == "Events" and nulled["recordTypes"] is None and "createdAt" in nulled


def test_lookups_and_formulas_compute_from_linked_records(api: PlanningHttp, campaigns: dict[str, Any]) -> None:
    f = campaigns["fields"]
    record = next(r for r in api.search(campaigns["id"], {}, size=200).json()["records"]["content"]
                  if r["data"].get(f["audiences"]["id"]) and r["data"].get(f["target_reach"]["id"]))
    size_id = None
    sizes = []
    for linked in record["data"][f["audiences"]["id"]]:
        audience = api.get(f"/v2/records/{linked['id']}").json()
        size_id = size_id or api.fields(audience["recordTypeId"])["audience_size"]["id"]
        sizes.append(audience["data"].get(size_id))
    present = [s for s in sizes if s is not None]
    assert record["data"].get(f["total_audience_size"]["id"]) == (sum(present) if present else None)
    name = record["data"][f["name"]["id"]]
    assert record["data"][f["summary"]["id"]] == f"{name} ({record['data'][f['target_reach']['id']]})"


def test_option_specs_parse_and_name_bad_parts() -> None:
    from wfexplorer.demo.planning.options import parse

    assert parse("search_envelope=guide, people_plain_id=WF,retry_after=5") == {
        "search_envelope": "guide", "people_plain_id": "WF", "retry_after": "5"}
    for bad, word in (("nonsense=1", "unknown"), ("search_envelope=pretty", "pretty"), ("conflict_rate=lots", "lots")):
        with pytest.raises(ValueError, match=word):
            parse(bad)


def test_growing_a_record_type_adds_records_and_leaves_the_others_alone() -> None:
    from wfexplorer.demo.planning.seed import grow_record_type

    context = DemoContext(store=Store(":memory:"))
    with context.store.transaction() as tx:
        tx.put("USER", {"ID": "6a0000000000000000000000000000a1", "objCode": "USER", "name": "Ada Admin",
                        "username": "admin", "isAdmin": True})
    seed_planning(context, 0.05)
    before = dict(context.store.table("pl:record"))
    rt_id = grow_record_type(context, "events", 300)
    after = context.store.table("pl:record")
    assert sum(1 for r in after.values() if r["recordTypeId"] == rt_id) == 300
    assert all(after[key] == record for key, record in before.items())

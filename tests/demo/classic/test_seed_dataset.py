"""The classic demo dataset: deterministic, realistic, consistent with the schema, scaled by --scale."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from typing import Any

import pytest

from wfexplorer.demo.classic import customforms
from wfexplorer.demo.classic.schema import enums, object_def
from wfexplorer.demo.classic.schema.statuses import validate_status
from wfexplorer.demo.classic.seed import LEVEL_USERS, build_dataset, seed_classic
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.store import Store

Rows = dict[str, list[dict[str, Any]]]


@cache
def dataset(scale: float) -> Rows:
    return build_dataset(scale)


@cache
def seeded_store(scale: float) -> Store:
    context = DemoContext(Store(":memory:"))
    seed_classic(context, scale)
    return context.store


def test_the_same_scale_always_builds_the_same_records_and_ids() -> None:
    first = json.dumps(build_dataset(0.2), sort_keys=True)
    second = json.dumps(build_dataset(0.2), sort_keys=True)
    assert first == second


def test_default_scale_has_the_volumes_the_issue_asks_for() -> None:
    counts = {kind: len(rows) for kind, rows in dataset(1.0).items()}
    assert counts["USER"] == 40 + len(LEVEL_USERS)
    assert counts["PORT"] == 4 and counts["PRGM"] == 10 and counts["PROJ"] == 60
    assert 2700 <= counts["TASK"] <= 3300
    assert counts["OPTASK"] == 800 and counts["HOUR"] == 5000 and counts["CTGY"] == 3
    assert counts["ASSGN"] > counts["TASK"] // 2 and counts["PRED"] > counts["TASK"] // 2
    assert counts["NOTE"] > 500 and counts["DOCU"] > 100 and counts["DOCV"] >= counts["DOCU"]


def test_every_user_has_a_role_and_a_home_group_and_every_org_user_a_home_team() -> None:
    rows = dataset(1.0)
    ids = {code: {row["ID"] for row in rows[code]} for code in ("ROLE", "TEAMOB", "GROUP")}
    assert all(len(found) > 3 for found in ids.values())
    level_users = {username for username, *_ in LEVEL_USERS}
    for user in rows["USER"]:
        assert user.get("roleID") in ids["ROLE"], user["name"]
        if user["username"] in level_users:  # in no team, so only what is shared with them shows
            assert user.get("homeTeamID") is None, user["name"]
        else:
            assert user.get("homeTeamID") in ids["TEAMOB"], user["name"]
        assert user.get("homeGroupID") in ids["GROUP"], user["name"]
    assert len({user["roleID"] for user in rows["USER"]}) > 3


def test_scale_multiplies_the_volumes() -> None:
    small = {kind: len(rows) for kind, rows in dataset(0.2).items()}
    assert 500 <= small["TASK"] <= 800
    assert small["OPTASK"] == 160 and small["HOUR"] == 1000


def test_admin_and_every_user_sign_in_with_the_demo_password() -> None:
    context = DemoContext(seeded_store(0.2))
    admin = context.sessions.check_password("admin", "demo")
    assert admin is not None and admin["isAdmin"] is True
    users = list(context.store.table("USER").values())
    assert all(user["_password"] == "demo" for user in users)
    assert len({user["username"] for user in users}) == len(users)


def test_every_project_issue_and_task_status_occurs() -> None:
    rows = dataset(0.2)
    project_statuses = {row["status"] for row in rows["PROJ"]}
    assert {value for value, _ in enums.PROJECT_STATUS} <= project_statuses
    assert "WSX" in project_statuses  # a custom CSTEM status
    assert {value for value, _ in enums.ISSUE_STATUS} <= {row["status"] for row in rows["OPTASK"]}
    assert {"NEW", "INP", "CPL", "CPL:A"} <= {row["status"] for row in dataset(1.0)["TASK"]}


def test_every_stored_status_is_valid_for_its_object() -> None:
    store = seeded_store(0.2)
    for code in ("PROJ", "TASK", "OPTASK"):
        for row in store.table(code).values():
            validate_status(store, code, row["status"])


def test_names_read_like_a_real_company() -> None:
    rows = dataset(0.2)
    generic = re.compile(r"^(Task|Project|Issue|User|Portfolio|Program) ?\d+$")
    for kind in ("PROJ", "TASK", "OPTASK", "USER", "PORT", "PRGM", "DOCU"):
        assert not [row["name"] for row in rows[kind] if generic.match(row["name"])], kind
    assert len({row["name"] for row in dataset(1.0)["PROJ"]}) == 60


def test_ids_are_32_hex_digits_starting_with_the_creation_time() -> None:
    from datetime import datetime

    for kind, records in dataset(0.2).items():
        for record in records[:50]:
            assert re.fullmatch(r"[0-9a-f]{32}", record["ID"]), kind
            if kind == "HOUR":  # an hour's entryDate is the day worked; it is logged at the end of that day
                continue
            if "entryDate" not in object_def(kind).fields:  # OBJCAT: named after its owner's creation
                assert record["ID"][:8] == record["objID"][:8], kind
                continue
            created = datetime.fromisoformat(record["entryDate"].replace("Z", "+00:00")).timestamp()
            assert int(record["ID"][:8], 16) == int(created), kind


def test_every_stored_key_is_a_field_the_schema_defines() -> None:
    for kind, records in dataset(0.2).items():
        obj = object_def(kind)
        assert obj is not None, kind
        keys = {key for record in records for key in record if not key.startswith("DE:")}
        unknown = keys - set(obj.fields) - {"objCode"}
        assert not unknown, (kind, sorted(unknown))


def test_every_reference_points_at_an_existing_record_of_the_right_type() -> None:
    rows = dataset(0.2)
    ids = {kind: {record["ID"] for record in records} for kind, records in rows.items()}
    for kind, records in rows.items():
        obj = object_def(kind)
        assert obj is not None
        for ref in obj.references.values():
            for record in records:
                target = ref.target_id(record)
                if target is not None:
                    assert target in ids.get(ref.target, set()), (kind, ref.name, target)


def test_task_outlines_are_numbered_and_nested_consistently() -> None:
    rows = dataset(0.2)
    tasks = {task["ID"]: task for task in rows["TASK"]}
    by_project: dict[str, list[dict[str, Any]]] = {}
    children = Counter(task["parentID"] for task in tasks.values() if task.get("parentID"))
    for task in tasks.values():
        by_project.setdefault(task["projectID"], []).append(task)
        parent = tasks.get(task["parentID"]) if task.get("parentID") else None
        if parent is None:
            assert "." not in task["wbs"] and task["indent"] == 0
        else:
            assert parent["projectID"] == task["projectID"]
            assert task["wbs"].rsplit(".", 1)[0] == parent["wbs"] and task["indent"] == parent["indent"] + 1
        assert task["numberOfChildren"] == children.get(task["ID"], 0)
    for project_tasks in by_project.values():
        assert sorted(task["taskNumber"] for task in project_tasks) == list(range(1, len(project_tasks) + 1))
    assert max(task["indent"] for task in tasks.values()) == 2


def test_parent_tasks_span_their_children_and_done_parents_have_done_children() -> None:
    tasks = {task["ID"]: task for task in dataset(0.2)["TASK"]}
    for task in tasks.values():
        parent = tasks.get(task.get("parentID") or "")
        if parent is None:
            continue
        assert parent["plannedStartDate"] <= task["plannedStartDate"]
        assert parent["plannedCompletionDate"] >= task["plannedCompletionDate"]
        if parent["status"] == "CPL":
            assert task["status"] == "CPL"


def test_three_custom_forms_cover_every_field_type_and_hold_valid_values() -> None:
    store = seeded_store(0.2)
    kinds = set()
    for code in ("PROJ", "TASK", "OPTASK"):
        fields = customforms.custom_fields(store, code)
        assert len(fields) == 5
        kinds |= {item.data_type for item in fields.values()}
        filled = [row for row in store.table(code).values() if row.get("categoryID")]
        assert filled, code
        for row in filled:
            values = customforms.parameter_values(store, code, row)
            assert values
            for key, value in values.items():
                assert fields[key].coerce(value) == value
    assert kinds == {"text", "number", "date", "dropdown", "multi-select"}


def test_assignments_hours_and_notes_attach_to_real_work() -> None:
    rows = dataset(0.2)
    tasks = {task["ID"]: task for task in rows["TASK"]}
    issues = {issue["ID"]: issue for issue in rows["OPTASK"]}
    for hour in rows["HOUR"]:
        work = tasks.get(hour.get("taskID") or "") or issues.get(hour.get("opTaskID") or "")
        assert work is not None and work["projectID"] == hour["projectID"]
        assert work.get("actualStartDate") and hour["entryDate"] >= work["actualStartDate"][:10]
    for note in rows["NOTE"]:
        target = {"TASK": tasks, "OPTASK": issues}.get(note["noteObjCode"])
        if target is not None:
            assert note["objID"] in target
    primaries = [row for row in rows["ASSGN"] if row.get("taskID") and row.get("isPrimary") and row.get("assignedToID")]
    assert all(tasks[row["taskID"]]["assignedToID"] == row["assignedToID"] for row in primaries)


@pytest.mark.parametrize("code", ["PROJ", "TASK", "OPTASK"])
def test_some_work_waits_for_approval(code: str) -> None:
    pending = [row for row in dataset(1.0)[code] if str(row["status"]).endswith(":A")]
    assert pending and all(row.get("approvalProcessID") for row in pending)

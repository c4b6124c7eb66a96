"""The fields parameter: defaults, *, references, collections, custom fields, errors (checklist 13, 16 to 19)."""

from __future__ import annotations

import json

import pytest
from classic_query_helpers import ALPHA, ANN, ROLE_DEV, make_env, make_store, obj, task_id
from fixture_files import fixture_text

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.projection import parse_fields, project, project_one, projector
from wfexplorer.demo.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


def render(store: Store, code: str, record_id: str, fields: object = None, **env: object) -> dict:
    environment = make_env(store, **env)
    spec = parse_fields(obj(code), fields, environment)  # type: ignore[arg-type]
    record = store.get(obj(code).obj_code, record_id)
    assert record is not None
    return project_one(spec, record, environment)


def fixture_keys(name: str) -> list[str]:
    data = json.loads(fixture_text("classic", name))["data"]
    return list((data[0] if isinstance(data, list) else data).keys())


# -- item 16: defaults ----------------------------------------------------------------------------


def test_item16_project_defaults_are_the_fixture_keys(store: Store) -> None:
    assert list(render(store, "PROJ", ALPHA)) == fixture_keys("get.json")


def test_item16_role_defaults_are_the_fixture_keys(store: Store) -> None:
    assert list(render(store, "ROLE", ROLE_DEV)) == fixture_keys("search.json")


def test_item16_task_defaults_add_progress_and_numbering(store: Store) -> None:
    keys = set(render(store, "TASK", task_id(1)))
    assert keys == set(fixture_keys("get.json")) | {"progressStatus", "projectedStartDate", "taskNumber", "wbs"}


def test_item16_id_and_objcode_are_always_present(store: Store) -> None:
    out = render(store, "USER", ANN, "firstName")
    assert out["ID"] == ANN
    assert out["objCode"] == "USER"
    assert out["firstName"] == "Ann"


def test_item16_missing_values_are_null(store: Store) -> None:
    assert render(store, "PROJ", ALPHA)["projectedCompletionDate"] is None


def test_item13_dates_are_formatted_in_the_configured_zone(store: Store) -> None:
    assert render(store, "PROJ", ALPHA)["plannedStartDate"] == "2026-03-02T09:00:00:000-0600"
    assert render(store, "PROJ", ALPHA, time_zone="Asia/Dubai")["plannedStartDate"] == "2026-03-02T19:00:00:000+0400"


# -- item 17: *, references, collections, depth ------------------------------------------------


def test_item17_requested_fields_are_added_to_the_defaults(store: Store) -> None:
    out = render(store, "PROJ", ALPHA, "ownerID,portfolioID")
    assert out["ownerID"] == ANN
    assert out["name"] == "Alpha"
    assert list(out)[-2:] == ["ownerID", "portfolioID"]


def test_item17_star_returns_every_public_field_and_no_members(store: Store) -> None:
    out = render(store, "PROJ", ALPHA, "*")
    assert set(obj("PROJ").star_fields) <= set(out)
    assert "owner" not in out
    assert "tasks" not in out


def test_item17_bare_reference_is_id_name_objcode(store: Store) -> None:
    assert render(store, "PROJ", ALPHA, "owner")["owner"] == {"ID": ANN, "name": "Ann Archer", "objCode": "USER"}


def test_item17_reference_with_a_field_adds_it(store: Store) -> None:
    owner = render(store, "PROJ", ALPHA, ["owner:firstName", "owner:roleID"])["owner"]
    assert owner == {"ID": ANN, "name": "Ann Archer", "objCode": "USER", "firstName": "Ann", "roleID": ROLE_DEV}


def test_item17_reference_star_returns_the_targets_fields(store: Store) -> None:
    owner = render(store, "PROJ", ALPHA, "owner:*")["owner"]
    assert owner["firstName"] == "Ann"
    assert set(obj("USER").star_fields) <= set(owner)


def test_item17_empty_reference_is_null(store: Store) -> None:
    assert render(store, "TASK", task_id(3), "assignedTo")["assignedTo"] is None


def test_item17_collections_are_arrays(store: Store) -> None:
    tasks = render(store, "PROJ", ALPHA, "tasks")["tasks"]
    assert sorted(row["ID"] for row in tasks) == [task_id(1), task_id(2), task_id(3)]
    assert all(set(row) == {"ID", "name", "objCode"} for row in tasks)


def test_item17_collection_star(store: Store) -> None:
    assignments = render(store, "TASK", task_id(1), "assignments:*")["assignments"]
    assert sorted(row["assignmentPercent"] for row in assignments) == [50.0, 100.0]
    assert all(row["objCode"] == "ASSGN" for row in assignments)


def test_item17_empty_collection_is_an_empty_array(store: Store) -> None:
    assert render(store, "TASK", task_id(4), "assignments:*")["assignments"] == []


def test_item17_four_level_path_through_collections_and_references(store: Store) -> None:
    out = render(store, "PROJ", ALPHA, "tasks:assignments:assignedTo:name")
    first = next(row for row in out["tasks"] if row["ID"] == task_id(1))
    assert sorted(row["assignedTo"]["name"] for row in first["assignments"]) == ["Ann Archer", "Bob Baker"]


def test_item17_deeper_than_four_levels_is_an_error(store: Store) -> None:
    with pytest.raises(ClassicError, match="depth"):
        render(store, "PROJ", ALPHA, "tasks:assignments:assignedTo:role:name")


def test_item17_fields_accept_repeated_and_json_array_values(store: Store) -> None:
    repeated = render(store, "PROJ", ALPHA, ["owner", "portfolio:name"])
    encoded = render(store, "PROJ", ALPHA, '["owner", "portfolio:name"]')
    assert repeated == encoded
    assert repeated["portfolio"]["name"] == "Fixed Assets"


def test_item17_spaces_around_names_are_ignored(store: Store) -> None:
    assert render(store, "PROJ", ALPHA, " owner , status ")["owner"]["ID"] == ANN


# -- item 18: unknown fields --------------------------------------------------------------------


def test_item18_unknown_field_error_names_version_and_object(store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        render(store, "OPTASK", task_id(1), "projectid", api_model="INTERNAL")
    assert caught.value.message == "APIModel INTERNAL does not support field projectid (OpTask)"
    assert caught.value.error_class == "java.lang.IllegalArgumentException"


def test_item18_unknown_nested_field_names_the_target_object(store: Store) -> None:
    with pytest.raises(ClassicError, match=r"^APIModel V21_0 does not support field shoeSize \(User\)$"):
        render(store, "PROJ", ALPHA, "owner:shoeSize")


def test_item18_internal_keys_are_unknown_and_never_output(store: Store) -> None:
    assert "_password" not in render(store, "USER", ANN, "*")
    with pytest.raises(ClassicError, match="does not support field _password"):
        render(store, "USER", ANN, "_password")


# -- item 19: custom fields -----------------------------------------------------------------------


def test_item19_de_field_value(store: Store) -> None:
    out = render(store, "TASK", task_id(1), "DE:Budget")
    assert out["DE:Budget"] == 1200.0


def test_item19_multi_select_is_an_array(store: Store) -> None:
    assert render(store, "TASK", task_id(1), "DE:Regions")["DE:Regions"] == ["North", "South"]


def test_item19_unset_custom_field_is_null(store: Store) -> None:
    assert render(store, "TASK", task_id(4), "DE:Budget")["DE:Budget"] is None


def test_item19_parameter_values_holds_every_custom_value(store: Store) -> None:
    values = render(store, "TASK", task_id(1), "parameterValues")["parameterValues"]
    assert values == {"DE:Regions": ["North", "South"], "DE:Budget": 1200.0}


def test_item19_de_star_is_rejected(store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        render(store, "TASK", task_id(1), "DE:*")
    assert caught.value.message == "no such field: '*'"


def test_item19_unknown_custom_field_is_rejected(store: Store) -> None:
    with pytest.raises(ClassicError, match="no such field: 'Colour'"):
        render(store, "TASK", task_id(1), "DE:Colour")


def test_item19_custom_fields_through_a_collection(store: Store) -> None:
    tasks = render(store, "PROJ", ALPHA, "tasks:DE:Regions")["tasks"]
    assert {row["ID"]: row["DE:Regions"] for row in tasks}[task_id(2)] == ["North"]


# -- compiled projection ------------------------------------------------------------------------


def test_one_spec_renders_many_records(store: Store) -> None:
    env = make_env(store)
    spec = parse_fields(obj("TASK"), "project:name,assignedTo:name,assignments:*", env)
    rows = sorted(store.table("TASK").values(), key=lambda row: row["ID"])
    out = project(spec, rows, env)
    assert [row["project"]["name"] for row in out] == ["Alpha"] * 3 + ["Beta"] * 3
    assert [len(row["assignments"]) for row in out] == [2, 1, 0, 0, 0, 0]


def test_projector_sees_collection_changes_after_a_write() -> None:
    store = make_store()
    env = make_env(store)
    spec = parse_fields(obj("TASK"), "assignments", env)
    record = store.get("TASK", task_id(4))
    assert record is not None
    assert projector(spec, env)(record)["assignments"] == []
    with store.transaction() as tx:
        tx.put("ASSGN", {"ID": "g9", "objCode": "ASSGN", "taskID": task_id(4), "assignedToID": ANN})
    assert [row["ID"] for row in projector(spec, env)(record)["assignments"]] == ["g9"]


def test_memoised_output_follows_record_changes() -> None:
    store = make_store()
    env = make_env(store)
    spec = parse_fields(obj("PROJ"), "status", env)
    record = store.get("PROJ", ALPHA)
    assert record is not None
    assert projector(spec, env)(record)["status"] == "CUR"
    with store.transaction() as tx:
        tx.put("PROJ", {**record, "status": "CPL"})
    changed = store.get("PROJ", ALPHA)
    assert changed is not None
    assert projector(spec, env)(changed)["status"] == "CPL"


def test_changing_an_output_dict_does_not_change_later_outputs(store: Store) -> None:
    env = make_env(store)
    render = projector(parse_fields(obj("PROJ"), "owner", env), env)
    record = store.get("PROJ", ALPHA)
    assert record is not None
    first = render(record)
    first["name"] = "changed"
    first["owner"]["name"] = "changed"
    again = render(record)
    assert again["name"] == "Alpha"
    assert again["owner"]["name"] == "Ann Archer"


def test_memo_respects_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import wfexplorer.demo.classic.projection as projection_module

    monkeypatch.setattr(projection_module, "_CACHE_SLOTS", 30)
    store = make_store()
    env = make_env(store)
    spec = parse_fields(obj("TASK"), None, env)  # 13 default fields: room for two rows only
    rows = list(store.table("TASK").values())
    first = project(spec, rows, env)
    state = projection_module._caches[store]
    assert state.slots <= 30
    assert sum(len(memo.rows) for memo in state.memos.values()) == 2
    assert project(spec, rows, env) == first

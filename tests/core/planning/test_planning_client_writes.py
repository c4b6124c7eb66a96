"""Planning client writes against the simulator: create, partial update (PATCH v2 / PUT v1), delete, bulk with
one result per row, history, views and permissions; v1 gaps raise VersionError."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wfexplorer.core import errors
from wfexplorer.core.planning import PlanningClient, RecordType, VersionError
from wfexplorer.core.planning.filters import FieldKind


def _client(server, version: int) -> PlanningClient:
    return PlanningClient(server.base_url, server.credentials()["access_token"], version=version)


@pytest.fixture(scope="module", params=[2, 1], ids=["v2", "v1"])
def client(request, demo_server) -> Iterator[PlanningClient]:
    with _client(demo_server, request.param) as planning:
        yield planning


@pytest.fixture(scope="module")
def v2(demo_server) -> Iterator[PlanningClient]:
    with _client(demo_server, 2) as planning:
        yield planning


@pytest.fixture(scope="module")
def target(v2: PlanningClient) -> tuple[RecordType, dict[str, str]]:
    """A record type with a text, a number and a single-select field; the field ids by kind."""
    for workspace in v2.workspaces():
        for record_type in v2.record_types(workspace.id):
            fields = v2.fields(record_type.id)
            wanted = {}
            for kind in (FieldKind.TEXT, FieldKind.NUMBER, FieldKind.CURRENCY, FieldKind.SINGLE_SELECT):
                match = next((f for f in fields if f.kind is kind), None)
                if match is not None:
                    wanted[kind.value] = match.id
            if {"text", "single-select"} <= set(wanted) and ("number" in wanted or "currency" in wanted):
                wanted.setdefault("number", wanted.get("currency", ""))
                options = next(f for f in fields if f.id == wanted["single-select"]).options
                wanted["option"] = options[0].name
                return record_type, wanted
    raise AssertionError("the demo data has no record type with text, number and select fields")


def test_create_update_and_delete_a_record(client: PlanningClient, target):
    record_type, ids = target
    created = client.create_record(record_type.id, {ids["text"]: f"Client test v{client.version}",
                                                    ids["number"]: 5})
    assert created.id and created.data[ids["text"]] == f"Client test v{client.version}"
    updated = client.update_record(created.id, {ids["number"]: 7}, record_type.id)
    assert updated.data[ids["number"]] == 7
    assert updated.data[ids["text"]] == f"Client test v{client.version}"  # only the change was sent
    assert client.record(created.id).data[ids["number"]] == 7
    client.delete_record(created.id)
    with pytest.raises(errors.NotFoundError) as caught:
        client.record(created.id)
    assert caught.value.status == 404
    assert caught.value.error_code
    assert caught.value.request_line and created.id in caught.value.request_line


def test_a_none_value_clears_a_field(client: PlanningClient, target):
    record_type, ids = target
    created = client.create_record(record_type.id, {ids["text"]: "to clear", ids["number"]: 3})
    cleared = client.update_record(created.id, {ids["number"]: None}, record_type.id)
    assert cleared.data.get(ids["number"]) is None
    client.delete_record(created.id)


def test_bulk_create_reports_each_row_in_order(client: PlanningClient, target):
    record_type, ids = target
    rows = [{ids["text"]: "bulk ok 1"}, {ids["single-select"]: "no_such_option"}, {ids["text"]: "bulk ok 2"}]
    result = client.bulk_create(record_type.id, rows)
    assert [item.index for item in result.items] == [0, 1, 2]
    assert [item.ok for item in result.items] == [True, False, True]
    assert result.status == "partial"
    assert result.items[1].error_code and result.items[1].error_message
    assert result.items[0].record is not None and result.items[0].record.data[ids["text"]] == "bulk ok 1"
    missing = "Rc000000000000000000000000"
    deleted = client.bulk_delete(record_type.id, [item.id for item in result.succeeded] + [missing])
    assert [item.ok for item in deleted.items] == [True, True, False]


def test_bulk_update_changes_only_the_given_fields(client: PlanningClient, target):
    record_type, ids = target
    made = client.bulk_create(record_type.id, [{ids["text"]: "a", ids["number"]: 1}, {ids["text"]: "b"}])
    assert made.all_ok
    first, second = (item.id for item in made.items)
    result = client.bulk_update(record_type.id, [(first, {ids["number"]: 2}),
                                                 (second, {ids["single-select"]: ids["option"]})])
    assert result.all_ok
    assert client.record(first).data[ids["text"]] == "a" and client.record(first).data[ids["number"]] == 2
    assert client.record(second).data[ids["single-select"]] == ids["option"]
    client.bulk_delete(record_type.id, [first, second])


def test_more_than_a_hundred_rows_are_sent_in_chunks_and_joined_in_order(v2: PlanningClient, target):
    record_type, ids = target
    result = v2.bulk_create(record_type.id, [{ids["text"]: f"chunk {i}"} for i in range(130)])
    assert result.all_ok and len(result.items) == 130
    assert [item.index for item in result.items] == list(range(130))
    assert result.items[129].record is not None and result.items[129].record.data[ids["text"]] == "chunk 129"
    assert v2.bulk_delete(record_type.id, [item.id for item in result.items]).all_ok


def test_history_has_one_entry_per_changed_field(v2: PlanningClient, target):
    record_type, ids = target
    created = v2.create_record(record_type.id, {ids["text"]: "history", ids["number"]: 1})
    v2.update_record(created.id, {ids["text"]: "history 2", ids["number"]: 2})
    entries = [e for e in v2.history(created.id) if e.after in ("history 2", 2)]
    assert {e.field_id for e in entries} == {ids["text"], ids["number"]}
    assert all(e.record_id == created.id for e in entries)
    v2.delete_record(created.id)


def test_views_can_be_listed_created_changed_and_deleted(v2: PlanningClient, target):
    record_type, _ = target
    view = v2.create_view(record_type.id, {"name": "Client test view", "type": "table"})
    assert view.id in {v.id for v in v2.views(record_type.id)}
    renamed = v2.update_view(view.id, {"name": "Renamed view"})
    assert renamed.name == "Renamed view" and renamed.type == "table"
    v2.delete_view(view.id)
    with pytest.raises(errors.NotFoundError):
        v2.view(view.id)


def test_permissions_come_from_the_permissions_api_or_the_embedded_level(client: PlanningClient, target):
    record_type, _ = target
    assert record_type.workspace_id
    permissions = client.permissions("workspaces", record_type.workspace_id)
    assert permissions.can_view
    assert client.permissions("record-types", record_type.id).can_view
    if client.version == 1:
        assert permissions.level in ("manage", "edit", "view")


def test_v1_refuses_what_it_cannot_do_with_a_version_error(demo_server, target):
    record_type, _ = target
    with _client(demo_server, 1) as v1:
        for call in (lambda: v1.views(record_type.id), lambda: v1.history("Rc1"),
                     lambda: v1.field("F1"), lambda: v1.members("workspaces", "Ws1"),
                     lambda: v1.create_field(record_type.id, {"displayName": "x", "type": "TEXT"})):
            with pytest.raises(VersionError) as caught:
                call()
            assert "v1" in caught.value.message


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff"
                    "ff3f0005fe02fea7d6a5d50000000049454e44ae426082")


def test_thumbnails_are_uploaded_replaced_and_removed(v2: PlanningClient, target):
    record_type, ids = target
    record = v2.create_record(record_type.id, {ids["text"]: "thumbnail"})
    first = v2.upload_thumbnail(record.id, PNG)
    second = v2.upload_thumbnail(record.id, PNG)
    assert first.thumbnail_url and second.thumbnail_url and first.thumbnail_url != second.thumbnail_url
    with pytest.raises(errors.ValidationError) as caught:
        v2.upload_thumbnail(record.id, b"GIF89a not allowed", "x.gif", "image/gif")
    assert caught.value.error_code == "THUMBNAIL_INVALID_FORMAT"
    v2.delete_thumbnail(record.id)
    v2.delete_thumbnail(record.id)  # idempotent
    v2.delete_record(record.id)


def test_global_record_types_that_a_workspace_can_attach_are_listed(v2: PlanningClient):
    attachable = {ws.id: v2.global_record_types(ws.id) for ws in v2.workspaces()}
    found = [rt for listed in attachable.values() for rt in listed]
    assert found and all(rt.is_global for rt in found)
    for workspace_id, listed in attachable.items():
        used = {rt.id for rt in v2.record_types(workspace_id)}
        assert not used & {rt.id for rt in listed}  # what a workspace already uses is not offered again


def test_members_and_access_requests_through_the_permissions_api(v2: PlanningClient, target):
    record_type, _ = target
    members = v2.members("record-types", record_type.id)
    assert all(m.subject_id and m.role in ("viewer", "editor", "manager") for m in members)
    request_id = v2.request_access("record-types", record_type.id, "please let me in")
    assert request_id in {r.id for r in v2.access_requests("record-types", record_type.id)}
    v2.dismiss_access_requests("record-types", record_type.id, [request_id])
    assert request_id not in {r.id for r in v2.access_requests("record-types", record_type.id)}
    assert isinstance(v2.inheritance(record_type.id), bool)
    with pytest.raises(errors.ValidationError):
        v2.permissions("spaceships", "X1")

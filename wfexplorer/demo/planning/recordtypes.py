"""Record type operations: v2 get/put/patch/delete, list per workspace, create or attach, global list, detach;
v1 list and get. Deleting a record type cascades to its fields, records, views and history."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.planning import dto, kinds
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.paging import cursor_page
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.support import aliasify, empty_response, json_response, new_id
from wfexplorer.demo.planning.v1attrs import project
from wfexplorer.demo.planning.writes import (
    check_length,
    check_unchanged,
    clean_input,
    merge,
    next_seq,
    require_name,
    require_role,
    stamp,
)
from wfexplorer.demo.store import Record, Transaction

EDITABLE = ("displayName", "description", "primaryFieldId", "icon", "color", "isExternal", "permissionSettings",
            "externalOptions", "linkableWithAllWorkspaces", "linkableWithWorkspaceIds",
            "authorizedToCreateDynamicRecordType")
SYSTEM_FIELDS = (("Created by", "CREATED_BY"), ("Created at", "CREATED_AT"), ("Last updated by", "UPDATED_BY"),
                 ("Last updated at", "UPDATED_AT"))


def _workspace(call: Call, role: str) -> Record:
    ws = call.pl.require(kinds.WORKSPACE, call.path_args["workspaceId"])
    require_role(call, "workspaces", ws, role)
    return ws


def _record_type(call: Call, role: str, key: str = "id") -> Record:
    rt = call.pl.require(kinds.RECORD_TYPE, call.path_args[key])
    require_role(call, "record-types", rt, role)
    return rt


def _validate(call: Call, body: dict[str, Any], required: bool, rt_id: str | None) -> None:
    require_name(body, "displayName", 255, required)
    check_length(body, "description", 1024)
    for key in ("icon", "color", "primaryFieldId"):
        if body.get(key) is not None and not isinstance(body[key], str):
            raise bad_request(f"'{key}' must be a string.", key, "TypeMismatch")
    if body.get("primaryFieldId") is not None and (
        rt_id is None or call.pl.field_of(rt_id, body["primaryFieldId"]) is None
    ):
        raise bad_request(f"Field '{body['primaryFieldId']}' is not a field of this record type.", "primaryFieldId")
    settings = body.get("permissionSettings")
    if settings is not None:
        if not isinstance(settings, dict) or settings.get("mode") not in ("OPEN", "RESTRICTED"):
            raise bad_request("'permissionSettings.mode' must be OPEN or RESTRICTED.", "permissionSettings.mode")
        for index, subject in enumerate(settings.get("subjects") or []):
            if not isinstance(subject, dict) or not subject.get("id") or subject.get("type") not in (
                "USER", "GROUP", "TEAM", "ROLE", "COMPANY"
            ):
                raise bad_request("Each permission subject needs an id and a type.",
                                  f"permissionSettings.subjects[{index}]")
    for key in ("isExternal", "linkableWithAllWorkspaces"):
        if body.get(key) is not None and not isinstance(body[key], bool):
            raise bad_request(f"'{key}' must be true or false.", key, "TypeMismatch")
    external = body.get("externalOptions")
    if external is not None and not isinstance(external, dict):
        raise bad_request("'externalOptions' must be an object.", "externalOptions", "TypeMismatch")
    subjects = body.get("authorizedToCreateDynamicRecordType")
    if subjects is not None and (not isinstance(subjects, list) or not all(isinstance(i, dict) for i in subjects)):
        raise bad_request("'authorizedToCreateDynamicRecordType' must be an array of {type, id}.",
                          "authorizedToCreateDynamicRecordType", "TypeMismatch")
    ids = body.get("linkableWithWorkspaceIds")
    if ids is not None and (not isinstance(ids, list) or not all(isinstance(i, str) for i in ids)):
        raise bad_request("'linkableWithWorkspaceIds' must be an array of IDs.", "linkableWithWorkspaceIds")


def _with_global_flag(rt: Record) -> Record:
    rt["isGlobal"] = bool(rt.get("linkableWithAllWorkspaces") or rt.get("linkableWithWorkspaceIds")
                          or rt.get("dynamicWorkspaceIds"))
    return rt


def new_field_doc(call_user: str, moment: str, rt_id: str, name: str, type_name: str, taken: set[str],
                  **extra: Any) -> Record:
    """A field document with audit keys (used for the fields every new record type gets)."""
    return {"ID": new_id("field"), "recordTypeId": rt_id, "alias": aliasify(name, taken), "displayName": name,
            "type": type_name, "createdBy": call_user, "createdAt": moment, "updatedBy": call_user,
            "updatedAt": moment, "_seq": next_seq(), **extra}


def _add_to_section(ws: Record, rt_id: str, section_index: int) -> Record:
    sections = [dict(s) for s in ws.get("recordTypeSections") or []]
    if not sections:
        sections = [{"displayName": "Record types", "recordTypeIds": []}]
    index = min(max(section_index, 0), len(sections) - 1)
    sections[index]["recordTypeIds"] = [*sections[index].get("recordTypeIds", []), rt_id]
    return {**ws, "recordTypeSections": sections}


def _remove_from_sections(ws: Record, rt_id: str) -> Record:
    sections = [{**s, "recordTypeIds": [i for i in s.get("recordTypeIds") or [] if i != rt_id]}
                for s in ws.get("recordTypeSections") or []]
    return {**ws, "recordTypeSections": sections}


# -- v2 ------------------------------------------------------------------------------------

def get_v2(call: Call) -> Response:
    rt = _record_type(call, "viewer")
    _check_scope(call, rt)
    return json_response(dto.record_type_v2(call.pl, rt))


def _check_scope(call: Call, rt: Record) -> None:
    scope = call.arg("scopeWorkspaceId")
    if scope and scope != rt.get("workspaceId") and scope not in (rt.get("dynamicWorkspaceIds") or []):
        raise bad_request(f"Record type '{rt['ID']}' is not used in workspace '{scope}'.", "scopeWorkspaceId")


def list_v2(call: Call) -> Response:
    ws = _workspace(call, "viewer")
    return json_response(cursor_page(call, call.pl.record_types_of(ws["ID"]),
                                     lambda rt: dto.record_type_v2(call.pl, rt), 100))


def list_global_v2(call: Call) -> Response:
    ws = _workspace(call, "viewer")
    workspace_id = ws["ID"]

    def attachable(rt: Record) -> bool:
        linkable = bool(rt.get("linkableWithAllWorkspaces")) or workspace_id in (
            rt.get("linkableWithWorkspaceIds") or [])
        return bool(rt.get("isGlobal")) and rt.get("workspaceId") != workspace_id \
            and workspace_id not in (rt.get("dynamicWorkspaceIds") or []) and linkable

    items = call.pl.ordered(kinds.RECORD_TYPE, attachable)
    return json_response(cursor_page(call, items, lambda rt: dto.record_type_v2(call.pl, rt), 100))


def create_v2(call: Call) -> Response:
    ws = _workspace(call, "editor")
    section_index = call.integer("sectionIndex", 0, minimum=0)
    body = clean_input(call.object_body())
    source_id = body.get("sourceRecordTypeId")
    if source_id is not None:
        return _attach(call, ws, str(source_id), section_index)
    _validate(call, body, True, None)
    if body.get("primaryFieldId") is not None:
        raise bad_request("'primaryFieldId' cannot be set before the record type has fields.", "primaryFieldId")
    existing = list(call.pl.record_types_of(ws["ID"]))
    if len(existing) >= kinds.MAX_RECORD_TYPES_PER_WORKSPACE:
        raise PlanningError(403, f"A workspace can hold at most {kinds.MAX_RECORD_TYPES_PER_WORKSPACE} record "
                                 "types.", "RECORD_TYPE_LIMIT_EXCEEDED")
    taken = {rt["alias"] for rt in call.pl.store.table(kinds.RECORD_TYPE).values() if rt.get("alias")}
    rt: Record = {key: body[key] for key in EDITABLE if body.get(key) is not None}
    rt.update({"ID": new_id("recordtype"), "workspaceId": ws["ID"], "alias": aliasify(body["displayName"], taken),
               "dynamicWorkspaceIds": []})
    stamp(call, rt, created=True)
    moment = rt["createdAt"]
    field_aliases: set[str] = set()
    primary = new_field_doc(call.user_id, moment, rt["ID"], "Name", "TEXT", field_aliases)
    field_aliases.add(primary["alias"])
    docs = [primary]
    for name, type_name in SYSTEM_FIELDS:
        doc = new_field_doc(call.user_id, moment, rt["ID"], name, type_name, field_aliases)
        field_aliases.add(doc["alias"])
        docs.append(doc)
    rt["primaryFieldId"] = primary["ID"]
    _with_global_flag(rt)
    with call.pl.store.transaction() as tx:
        tx.put(kinds.RECORD_TYPE, rt)
        tx.put_many(kinds.FIELD, docs)
        tx.put(kinds.WORKSPACE, _add_to_section(ws, rt["ID"], section_index))
    return json_response(dto.record_type_v2(call.pl, rt), 201)


def _attach(call: Call, ws: Record, source_id: str, section_index: int) -> Response:
    source = call.pl.require(kinds.RECORD_TYPE, source_id)
    workspace_id = ws["ID"]
    if not source.get("isGlobal") or not (
        source.get("linkableWithAllWorkspaces") or workspace_id in (source.get("linkableWithWorkspaceIds") or [])
    ):
        raise PlanningError(403, f"Record type '{source_id}' cannot be used in workspace '{workspace_id}'.",
                            "FORBIDDEN")
    if source.get("workspaceId") == workspace_id or workspace_id in (source.get("dynamicWorkspaceIds") or []):
        raise bad_request(f"Record type '{source_id}' is already used in this workspace.", "sourceRecordTypeId")
    updated = {**source, "dynamicWorkspaceIds": [*(source.get("dynamicWorkspaceIds") or []), workspace_id]}
    stamp(call, updated, created=False)
    with call.pl.store.transaction() as tx:
        tx.put(kinds.RECORD_TYPE, updated)
        tx.put(kinds.WORKSPACE, _add_to_section(ws, source_id, section_index))
    return json_response(dto.record_type_v2(call.pl, updated), 201)


def detach_v2(call: Call) -> Response:
    ws = _workspace(call, "editor")
    rt = call.pl.require(kinds.RECORD_TYPE, call.path_args["recordTypeId"])
    workspace_id = ws["ID"]
    if workspace_id not in (rt.get("dynamicWorkspaceIds") or []):
        raise PlanningError(404, f"Record type '{rt['ID']}' is not attached to workspace '{workspace_id}'.",
                            call.pl.options.get("not_found_code"),
                            message_arguments={"recordTypeId": rt["ID"], "workspaceId": workspace_id})
    updated = {**rt, "dynamicWorkspaceIds": [w for w in rt["dynamicWorkspaceIds"] if w != workspace_id]}
    stamp(call, updated, created=False)
    with call.pl.store.transaction() as tx:
        tx.put(kinds.RECORD_TYPE, updated)
        tx.put(kinds.WORKSPACE, _remove_from_sections(ws, rt["ID"]))
        if call.pl.options.flag("detach_deletes_records"):
            for record in call.pl.records_of(rt["ID"]):
                if record.get("workspaceId") == workspace_id:
                    delete_record_docs(call.pl, tx, record)
    return empty_response(204)


def _update(call: Call, replace: bool) -> Response:
    rt = _record_type(call, "manager")
    _check_scope(call, rt)
    body = clean_input(call.object_body())
    body.pop("sourceRecordTypeId", None)
    _validate(call, body, replace, rt["ID"])
    updated = merge(rt, body, replace, EDITABLE)
    if replace and "primaryFieldId" not in body and rt.get("primaryFieldId"):
        updated["primaryFieldId"] = rt["primaryFieldId"]  # a record type always keeps a primary field
    _with_global_flag(updated)
    stamp(call, updated, created=False)
    with call.pl.store.transaction() as tx:
        check_unchanged(tx, kinds.RECORD_TYPE, rt)
        tx.put(kinds.RECORD_TYPE, updated)
    return json_response(dto.record_type_v2(call.pl, updated))


def put_v2(call: Call) -> Response:
    return _update(call, replace=True)


def patch_v2(call: Call) -> Response:
    return _update(call, replace=False)


def delete_v2(call: Call) -> Response:
    rt = _record_type(call, "manager")
    with call.pl.store.transaction() as tx:
        delete_record_type(call.pl, tx, rt)
    return empty_response(204)


def delete_record_docs(pl: Planning, tx: Transaction, record: Record) -> None:
    """Delete a record with its history and sharing settings."""
    tx.delete(kinds.RECORD, record["ID"])
    tx.delete(kinds.ACL, f"records:{record['ID']}")
    for kind in (kinds.HISTORY, kinds.THUMBNAIL):
        for entry in pl.store.table(kind).values():
            if entry.get("recordId") == record["ID"]:
                tx.delete(kind, entry["ID"])


def delete_record_type(pl: Planning, tx: Transaction, rt: Record) -> None:
    """Delete a record type and everything under it; reference fields aimed at it get ``hasError``."""
    rt_id = rt["ID"]
    for field in pl.fields_of(rt_id):
        tx.delete(kinds.FIELD, field["ID"])
    record_ids = {record["ID"] for record in pl.records_of(rt_id)}
    for record_id in record_ids:
        tx.delete(kinds.RECORD, record_id)
        tx.delete(kinds.ACL, f"records:{record_id}")
    for kind in (kinds.HISTORY, kinds.THUMBNAIL):
        for entry in pl.store.table(kind).values():
            if entry.get("recordId") in record_ids:
                tx.delete(kind, entry["ID"])
    for view in pl.store.table(kinds.VIEW).values():
        if view.get("recordTypeId") == rt_id:
            tx.delete(kinds.VIEW, view["ID"])
    for field in pl.store.table(kinds.FIELD).values():
        if field.get("recordTypeId") != rt_id and (field.get("referenceOptions") or {}).get("recordTypeId") == rt_id:
            tx.put(kinds.FIELD, {**field, "hasError": True})
    for workspace_id in [rt.get("workspaceId"), *(rt.get("dynamicWorkspaceIds") or [])]:
        ws = tx.get(kinds.WORKSPACE, str(workspace_id))
        if ws is not None:
            tx.put(kinds.WORKSPACE, _remove_from_sections(ws, rt_id))
    tx.delete(kinds.ACL, f"record-types:{rt_id}")
    tx.delete(kinds.RECORD_TYPE, rt_id)


# -- v1 ------------------------------------------------------------------------------------

def list_v1(call: Call) -> Response:
    workspace_id = call.arg("workspaceId")
    if not workspace_id:
        raise bad_request("The query parameter 'workspaceId' is required.", "workspaceId", "NotNull")
    ws = call.pl.require(kinds.WORKSPACE, workspace_id)
    require_role(call, "workspaces", ws, "viewer")
    return json_response([project(call, dto.record_type_v1(call.pl, rt, call.user_id))
                          for rt in call.pl.record_types_of(workspace_id)])


def get_v1(call: Call) -> Response:
    rt = _record_type(call, "viewer")
    return json_response(project(call, dto.record_type_v1(call.pl, rt, call.user_id)))

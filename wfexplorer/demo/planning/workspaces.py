"""Workspace operations: v2 list/create/get/put/patch/delete and v1 list/get."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.planning import dto, kinds
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.paging import cursor_page
from wfexplorer.demo.planning.recordtypes import delete_record_type
from wfexplorer.demo.planning.support import aliasify, empty_response, json_response, new_id
from wfexplorer.demo.planning.v1attrs import project
from wfexplorer.demo.planning.writes import (
    check_length,
    check_unchanged,
    clean_input,
    merge,
    require_name,
    require_role,
    stamp,
)

EDITABLE = ("name", "description", "color", "icon", "ownerId", "recordTypeSections")


def _visible(call: Call) -> list[dict[str, Any]]:
    return [ws for ws in call.pl.ordered(kinds.WORKSPACE)
            if call.pl.role_of(call.user_id, "workspaces", ws) is not None]


def _validate(call: Call, body: dict[str, Any], required: bool, workspace_id: str | None) -> None:
    require_name(body, "name", 256, required)
    check_length(body, "description", 1024)
    for key in ("color", "icon", "ownerId"):
        if body.get(key) is not None and not isinstance(body[key], str):
            raise bad_request(f"'{key}' must be a string.", key, "TypeMismatch")
    sections = body.get("recordTypeSections")
    if sections is None:
        return
    if not isinstance(sections, list):
        raise bad_request("'recordTypeSections' must be an array.", "recordTypeSections", "TypeMismatch")
    for index, section in enumerate(sections):
        path = f"recordTypeSections[{index}]"
        if not isinstance(section, dict):
            raise bad_request(f"'{path}' must be an object.", path, "TypeMismatch")
        require_name(section, "displayName", 256)
        ids = section.get("recordTypeIds") or []
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise bad_request(f"'{path}.recordTypeIds' must be an array of IDs.", f"{path}.recordTypeIds")
        for rt_id in ids:
            rt = call.pl.store.get(kinds.RECORD_TYPE, rt_id)
            if rt is None or workspace_id is None or (
                rt.get("workspaceId") != workspace_id and workspace_id not in (rt.get("dynamicWorkspaceIds") or [])
            ):
                raise bad_request(f"Record type '{rt_id}' is not in this workspace.", f"{path}.recordTypeIds")


def list_v2(call: Call) -> Response:
    return json_response(cursor_page(call, _visible(call), lambda ws: dto.workspace_v2(call.pl, ws), 50))


def get_v2(call: Call) -> Response:
    ws = _get(call, "viewer")
    return json_response(dto.workspace_v2(call.pl, ws))


def _get(call: Call, role: str) -> dict[str, Any]:
    ws = call.pl.require(kinds.WORKSPACE, call.path_args["id"])
    require_role(call, "workspaces", ws, role)
    return ws


def create_v2(call: Call) -> Response:
    person = call.person
    if person is None or not person.is_admin:
        raise PlanningError(403, "Only administrators can create workspaces.", "FORBIDDEN")
    body = clean_input(call.object_body())
    _validate(call, body, True, None)
    if body.get("recordTypeSections"):
        _validate(call, {"name": body["name"], "recordTypeSections": body["recordTypeSections"]}, True, None)
    if len(call.pl.store.table(kinds.WORKSPACE)) >= kinds.MAX_WORKSPACES:
        raise PlanningError(403, "The workspace limit is reached.", "WORKSPACE_LIMIT_EXCEEDED")
    taken = {ws["alias"] for ws in call.pl.store.table(kinds.WORKSPACE).values() if ws.get("alias")}
    ws = {key: body[key] for key in EDITABLE if body.get(key) is not None}
    ws.setdefault("ownerId", person.ims_id)
    ws.setdefault("recordTypeSections", [{"displayName": "Record types", "recordTypeIds": []}])
    ws.update({"ID": new_id("workspace"), "alias": aliasify(body["name"], taken, "-")})
    stamp(call, ws, created=True)
    with call.pl.store.transaction() as tx:
        tx.put(kinds.WORKSPACE, ws)
        tx.put(kinds.ACL, {"ID": f"workspaces:{ws['ID']}", "members": [
            {"subjectId": call.user_id, "subjectType": "user", "role": "manager"}], "inherited": True})
    return json_response(dto.workspace_v2(call.pl, ws), 201)


def _update(call: Call, replace: bool) -> Response:
    ws = _get(call, "manager")
    body = clean_input(call.object_body())
    _validate(call, body, replace, ws["ID"])
    updated = merge(ws, body, replace, EDITABLE)
    if "name" not in updated:
        raise bad_request("'name' must not be blank.", "name", "NotBlank")
    stamp(call, updated, created=False)
    with call.pl.store.transaction() as tx:
        check_unchanged(tx, kinds.WORKSPACE, ws)
        tx.put(kinds.WORKSPACE, updated)
    return json_response(dto.workspace_v2(call.pl, updated))


def put_v2(call: Call) -> Response:
    return _update(call, replace=True)


def patch_v2(call: Call) -> Response:
    return _update(call, replace=False)


def delete_v2(call: Call) -> Response:
    ws = _get(call, "manager")
    with call.pl.store.transaction() as tx:
        for rt in call.pl.record_types_of(ws["ID"]):
            if rt.get("workspaceId") == ws["ID"]:
                delete_record_type(call.pl, tx, rt)
            else:
                dynamic = [w for w in rt.get("dynamicWorkspaceIds") or [] if w != ws["ID"]]
                tx.put(kinds.RECORD_TYPE, {**rt, "dynamicWorkspaceIds": dynamic})
        tx.delete(kinds.ACL, f"workspaces:{ws['ID']}")
        tx.delete(kinds.WORKSPACE, ws["ID"])
    return empty_response(204)


# -- v1 ------------------------------------------------------------------------------------

def list_v1(call: Call) -> Response:
    items = [dto.workspace_v1(call.pl, ws, call.user_id) for ws in _visible(call)]
    person = call.person
    body = {"workspaces": [project(call, item) for item in items],
            "permission": "manage" if person is not None and person.is_admin else "view"}
    return json_response(body)


def get_v1(call: Call) -> Response:
    ws = _get(call, "viewer")
    return json_response(project(call, dto.workspace_v1(call.pl, ws, call.user_id)))

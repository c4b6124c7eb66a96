"""The v2 Permissions API: the caller's flags, record-type inheritance, members, access requests.

``resourceType`` is ``workspaces``, ``record-types``, ``records`` or ``views`` (anything else → 400);
``inheritance`` exists only for record types. Members and requests need the manager role (else 403). A
second access request by the same user on the same resource updates the first.
"""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.planning import kinds
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import bad_request
from wfexplorer.demo.planning.support import empty_response, json_response, new_id
from wfexplorer.demo.planning.writes import require_role
from wfexplorer.demo.store import Record

SUBJECT_TYPES = ("user", "group", "team", "role", "company")
ROLES = ("viewer", "editor", "manager")


def _resource(call: Call) -> tuple[str, Record]:
    resource_type = call.path_args["resourceType"]
    if resource_type not in kinds.RESOURCE_TYPES:
        raise bad_request(f"'resourceType' must be one of {', '.join(kinds.RESOURCE_TYPES)}, not "
                          f"'{resource_type}'.", "resourceType", "Pattern")
    resource = call.pl.require(kinds.RESOURCE_KINDS[resource_type], call.path_args["resourceId"])
    return resource_type, resource


def get_mine(call: Call) -> Response:
    resource_type, resource = _resource(call)
    role = call.pl.role_of(call.user_id, resource_type, resource)
    return json_response({"canView": role is not None, "canEdit": role in ("editor", "manager"),
                          "canDelete": role in ("editor", "manager") if resource_type != "workspaces"
                          else role == "manager",
                          "canAdd": role in ("editor", "manager")})


def get_inheritance(call: Call) -> Response:
    if call.path_args["resourceType"] != "record-types":
        raise bad_request("Inheritance exists only for record types.", "resourceType", "Pattern")
    resource_type, resource = _resource(call)
    require_role(call, resource_type, resource, "viewer")
    return json_response({"inherited": bool(call.pl.acl(resource_type, resource["ID"]).get("inherited", True))})


def _member_out(call: Call, member: dict[str, Any]) -> dict[str, Any]:
    out = {"subjectId": member["subjectId"], "subjectType": member["subjectType"], "role": member["role"]}
    if member["subjectType"] == "user":
        person = call.pl.directory.by_any(member["subjectId"])
        if person is not None:
            out["name"] = person.name
            out["avatarUrl"] = f"/internal/user/avatar?ID={person.wf_id}"
    return out


def get_members(call: Call) -> Response:
    resource_type, resource = _resource(call)
    require_role(call, resource_type, resource, "manager")
    acl = call.pl.acl(resource_type, resource["ID"])
    return json_response([_member_out(call, m) for m in acl.get("members") or []])


def _check_subjects(items: Any, key: str, with_role: bool) -> list[dict[str, Any]]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise bad_request(f"'{key}' must be an array.", key, "TypeMismatch")
    for index, item in enumerate(items):
        spot = f"{key}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("subjectId"), str) or not item["subjectId"]:
            raise bad_request(f"'{spot}.subjectId' is required.", f"{spot}.subjectId", "NotBlank")
        if item.get("subjectType") not in SUBJECT_TYPES:
            raise bad_request(f"'{spot}.subjectType' must be one of {', '.join(SUBJECT_TYPES)}.",
                              f"{spot}.subjectType", "NotNull")
        if with_role and item.get("role") not in ROLES:
            raise bad_request(f"'{spot}.role' must be one of {', '.join(ROLES)}.", f"{spot}.role", "NotNull")
    return items


def update_members(call: Call) -> Response:
    resource_type, resource = _resource(call)
    require_role(call, resource_type, resource, "manager")
    body = call.object_body()
    grant = _check_subjects(body.get("grant"), "grant", True)
    update = _check_subjects(body.get("update"), "update", True)
    revoke = _check_subjects(body.get("revoke"), "revoke", False)
    inherit = body.get("inheritViewOnly")
    if inherit is not None and (resource_type != "record-types" or not isinstance(inherit, bool)):
        raise bad_request("'inheritViewOnly' is a boolean for record types only.", "inheritViewOnly")
    wildcard = body.get("wildcard")
    if wildcard is not None and (resource_type != "records" or wildcard not in (
            "SELECTED_USERS_ONLY", "EVERYONE_IN_WORKSPACE")):
        raise bad_request("'wildcard' is SELECTED_USERS_ONLY or EVERYONE_IN_WORKSPACE, for records only.", "wildcard")
    acl = dict(call.pl.acl(resource_type, resource["ID"]))
    members = {(m["subjectType"], m["subjectId"]): dict(m) for m in acl.get("members") or []}
    for item in [*grant, *update]:
        members[(item["subjectType"], item["subjectId"])] = {
            "subjectId": item["subjectId"], "subjectType": item["subjectType"], "role": item["role"]}
    for item in revoke:
        members.pop((item["subjectType"], item["subjectId"]), None)
    acl["members"] = list(members.values())
    if inherit is not None:
        acl["inherited"] = inherit
    if wildcard is not None:
        acl["wildcard"] = wildcard
    with call.pl.store.transaction() as tx:
        tx.put(kinds.ACL, acl)
    return empty_response(204)


def _requests_of(call: Call, resource_type: str, resource_id: str) -> list[Record]:
    return call.pl.ordered(kinds.REQUEST, lambda r: r.get("resourceType") == resource_type
                           and r.get("resourceId") == resource_id)


def get_requests(call: Call) -> Response:
    resource_type, resource = _resource(call)
    require_role(call, resource_type, resource, "manager")
    out = []
    for request in _requests_of(call, resource_type, resource["ID"]):
        person = call.pl.directory.by_wf(request["requesterId"])
        out.append({"id": request["ID"], "message": request.get("message", ""), "requester": {
            "id": person.ims_id if person else request["requesterId"],
            "name": person.name if person else request["requesterId"],
            "email": person.email if person else ""}})
    return json_response(out)


def create_request(call: Call) -> Response:
    resource_type, resource = _resource(call)
    body = call.body(required=False) or {}
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.")
    message = body.get("message", "")
    if not isinstance(message, str) or len(message) > 2000:
        raise bad_request("'message' must be text of at most 2000 characters.", "message", "Size")
    existing = [r for r in _requests_of(call, resource_type, resource["ID"]) if r.get("requesterId") == call.user_id]
    request = dict(existing[0]) if existing else {
        "ID": new_id("request"), "resourceType": resource_type, "resourceId": resource["ID"],
        "requesterId": call.user_id, "_seq": float(len(call.pl.store.table(kinds.REQUEST)))}
    request["message"] = message
    with call.pl.store.transaction() as tx:
        tx.put(kinds.REQUEST, request)
    return json_response({"id": request["ID"]}, 201)


def delete_requests(call: Call) -> Response:
    resource_type, resource = _resource(call)
    require_role(call, resource_type, resource, "manager")
    body = call.object_body()
    ids = body.get("requestIds")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise bad_request("'requestIds' must be a non-empty array of request IDs.", "requestIds", "NotEmpty")
    known = {r["ID"] for r in _requests_of(call, resource_type, resource["ID"])}
    with call.pl.store.transaction() as tx:
        for request_id in ids:
            if request_id in known:
                tx.delete(kinds.REQUEST, request_id)
    return empty_response(204)

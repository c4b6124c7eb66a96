"""Which handler serves a classic call: root endpoints, object paths, IDs, actions, named queries.

Paths after the version segment::

    /                       -> UnsupportedOperationException "you must specify an action"
    /login /logout /metadata /batch /upload
    /{obj}                  -> GET ?id= (one or many) | POST create, bulk create, copy | PUT ?id= edit,
                               bulk edit | DELETE ?id= | any ?action= (object-less or on ?id=)
    /{obj}/search|count|report|metadata
    /{obj}/{ID}             -> GET | PUT edit (or ?action=) | DELETE | POST ?action=
    /{obj}/{ID}/{action}
    /{obj}/{namedQuery}

``{obj}`` is an objCode, metadata name or alias in any case.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import actions_http, batch, deleting, login, named, reads, upload
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import (
    NOT_FOUND,
    UNPROCESSABLE,
    UNSUPPORTED_OPERATION,
    ClassicError,
)
from wfexplorer.demo.classic.routing import looks_like_id
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.classic.versions import serves
from wfexplorer.demo.classic.writing import copying, records

NO_ACTION = "you must specify an action"


def unsupported(message: str = NO_ACTION) -> ClassicError:
    """Return the UnsupportedOperationException Workfront sends for a path it cannot serve."""
    return ClassicError(message, error_class=UNSUPPORTED_OPERATION)


def is_public(call: ClassicCall) -> bool:
    """Tell whether the call authenticates by itself (login, the API-key actions, bare ``/``)."""
    segments = call.route.segments
    if not segments:
        return True
    if call.route.root_endpoint == "login":
        return True
    if len(segments) == 1 and call.route.root_endpoint is None:
        obj = object_def(segments[0])
        return login.is_api_key_action(obj.obj_code if obj else None, call, None)
    return False


def resolve_object(name: str, call: ClassicCall, *, metadata: bool = False) -> ObjectDef:
    """Return the object a path segment names, or raise the Workfront error for an unknown type.

    Secondary objects (ACSRUL, ...) cannot be read or written directly, but their ``/metadata``
    is served like any other (the ``/metadata`` index links to it), so ``metadata`` lets them through.
    """
    obj = object_def(name)
    if obj is None or not serves(call.version, obj.since):
        raise ClassicError(f"Unknown object type: {name}", kind=NOT_FOUND)
    if not obj.top_level and not metadata:
        raise ClassicError(
            f"{obj.obj_code} is not a top level object and can't be requested directly in {call.version}",
            kind=UNPROCESSABLE,
        )
    return obj


def dispatch(call: ClassicCall) -> Any:
    """Serve ``call`` and return the ``data`` of the response (raise ClassicError on failure)."""
    segments = call.route.segments
    if not segments:
        raise unsupported()
    endpoint = call.route.root_endpoint
    if endpoint == "login":
        return login.login(call)
    if endpoint == "logout":
        return login.logout(call)
    if endpoint == "metadata":
        return reads.metadata_index(call)
    if endpoint == "batch":
        return batch.run_batch(call, dispatch)
    if endpoint == "upload":
        return upload.upload(call)
    rest = segments[1:]
    obj = resolve_object(segments[0], call, metadata=[part.lower() for part in rest] == ["metadata"])
    if not rest:
        return _object_root(call, obj)
    if len(rest) == 1:
        return _object_member(call, obj, rest[0])
    if len(rest) == 2 and looks_like_id(rest[0]):
        return actions_http.run_action(call, obj, rest[0], rest[1])
    raise unsupported(f"Unsupported path: /{'/'.join(segments)}")


def _ids_param(call: ClassicCall) -> tuple[list[str], bool]:
    """Return the IDs of ``?id=`` (comma-separated and/or repeated) and whether several were asked."""
    raw = call.params.getlist("id") or call.params.getlist("ID")
    ids = [part.strip() for value in raw for part in value.split(",") if part.strip()]
    many = len(raw) > 1 or any("," in value for value in raw)
    return ids, many


def _object_root(call: ClassicCall, obj: ObjectDef) -> Any:
    method = call.method
    ids, many = _ids_param(call)
    if obj.obj_code == "USER" and login.is_api_key_action("USER", call, None) and not ids:
        return login.api_key_action(call, call.caller)
    action = call.params.get("action")
    if action:
        if ids:
            if many:
                with call.write():  # one transaction: all of them or none
                    return [actions_http.run_action(call, obj, one, action) for one in ids]
            return actions_http.run_action(call, obj, ids[0], action)
        return actions_http.run_action(call, obj, None, action)
    if method == "GET":
        if not ids:
            raise unsupported()
        return reads.get_many(call, obj, ids) if many else reads.get_one(call, obj, ids[0])
    if method == "POST":
        if call.params.get("copySourceID"):
            return copying.copy(call, obj)
        if obj.obj_code == "DOCU" and upload.has_handle(call):
            return upload.create_document(call, obj)
        return records.create(call, obj)
    if method == "PUT":
        if ids:
            if many:
                return records.edit_many_ids(call, obj, ids)
            return records.edit(call, obj, ids[0])
        return records.bulk_edit(call, obj)
    # DELETE
    if not ids:
        raise ClassicError("Missing ID for delete")
    if many:
        with call.write():  # one transaction: all of them or none
            for one in ids:
                deleting.delete(call, obj, one)
        return {"success": True}
    return deleting.delete(call, obj, ids[0])


def _object_member(call: ClassicCall, obj: ObjectDef, member: str) -> Any:
    lowered = member.lower()
    if looks_like_id(member):
        action = call.params.get("action")
        if action:
            return actions_http.run_action(call, obj, member, action)
        if call.method == "GET":
            return reads.get_one(call, obj, member)
        if call.method == "PUT":
            return records.edit(call, obj, member)
        if call.method == "DELETE":
            return deleting.delete(call, obj, member)
        raise unsupported()
    if lowered == "search":
        return reads.search(call, obj)
    if lowered == "count":
        return reads.count(call, obj)
    if lowered == "report":
        return reads.report(call, obj)
    if lowered == "metadata":
        return reads.object_metadata(call, obj)
    query = obj.find_query(member)
    if query is not None or named.is_named_query(obj, member):
        return named.run_named_query(call, obj, member)
    action_def = obj.find_action(member)
    if action_def is not None and not action_def.needs_object:
        return actions_http.run_action(call, obj, None, member)
    raise unsupported(f"Unknown operation '{member}' on {obj.name}")

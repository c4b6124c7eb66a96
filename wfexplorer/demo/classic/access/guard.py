"""The checks the classic handlers make before they read or write: 403 in Workfront's shape, or nothing.

``require_view`` (get by ID), ``visible`` (the filter searches, counts and reports apply, so objects a
user may not see are simply absent), ``require_create``, ``require_edit``, ``require_delete`` and
``require_action``. Calls without a caller (login, the API-key actions) are not checked here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wfexplorer.demo.classic.access.levels import ADMIN_ONLY_USER_ACTIONS, SELF_EDITABLE_USER_FIELDS
from wfexplorer.demo.classic.access.sharing import EDIT, MANAGE, SCOPED_BY_PARENT, VIEW, Access
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import FORBIDDEN, ClassicError
from wfexplorer.demo.classic.schema import ObjectDef, object_def

SECURITY_CLASS = "com.attask.common.SecurityException"
NEEDS_VIEW_TO_CREATE = frozenset({"OPTASK", "NOTE", "LIKE", "NTAG", "HOUR", "DOCU", "DOCV", "DOCAPL", "ARVSTS"})
"""Kinds a user may add to a project they can only view (requests, comments, hours, documents)."""
APPROVAL_ACTIONS = frozenset({"approveapproval", "rejectapproval", "recallapproval", "markviewed", "markdone"})
"""Actions that need only a view of the object (an approver's decision, marking an item seen or done)."""


def forbidden(message: str) -> ClassicError:
    """The 403 Workfront answers a permission refusal with."""
    return ClassicError(
        message,
        error_class=SECURITY_CLASS,
        kind=FORBIDDEN,
        extra={"title": None, "msgKey": "exception.attask", "attributes": [""], "code": 0},
    )


def caller_access(call: ClassicCall) -> Access | None:
    """The caller's access, computed once per call (``None`` when nobody is signed in)."""
    return call.caller_access()


def _level_refusal(access: Access, verb: str, obj: ObjectDef) -> ClassicError:
    return forbidden(f"Your access level ({access.level.name}) does not allow you to {verb} {_article(obj.label)}")


def _article(label: str) -> str:
    return f"{'an' if label[:1].upper() in 'AEIOU' else 'a'} {label}"


def _sharing_refusal(verb: str, obj: ObjectDef, record: Mapping[str, Any]) -> ClassicError:
    name = record.get("name") or record.get("ID")
    return forbidden(f"You do not have sufficient access to {verb} this {obj.label} ({name})")


def require_view(call: ClassicCall, obj: ObjectDef, record: Mapping[str, Any]) -> None:
    """Refuse reading ``record`` by ID when it is not shared with the caller."""
    access = caller_access(call)
    if access is not None and not access.can_see(obj.obj_code, record):
        raise _sharing_refusal("view", obj, record)


def visible(call: ClassicCall, obj: ObjectDef) -> Callable[[Mapping[str, Any]], bool] | None:
    """The filter that keeps only what the caller may see (``None``: everything is visible)."""
    access = caller_access(call)
    if access is None or access.is_admin:
        return None
    code = obj.obj_code
    if code != "PROJ" and "projectID" not in obj.fields and code not in SCOPED_BY_PARENT:
        return None
    return lambda record: access.can_see(code, record)


def require_create(call: ClassicCall, obj: ObjectDef, record: Mapping[str, Any]) -> None:
    """Refuse creating ``record`` (values applied, defaults filled) when the level or sharing forbids it."""
    access = caller_access(call)
    if access is None or access.is_admin:
        return
    if obj.obj_code not in access.level.create:
        raise _level_refusal(access, "create", obj)
    project_id = record.get("projectID")
    needed = VIEW if obj.obj_code in NEEDS_VIEW_TO_CREATE else EDIT
    if not project_id:
        parent = access.parent_of(obj.obj_code, record)
        if parent is not None and access.right_on(*parent) < needed:
            kind, found = parent
            parent_def = object_def(kind)
            label = parent_def.label if parent_def is not None else kind
            name = found.get("name") or found.get("ID")
            raise forbidden(f"You do not have sufficient access to {'change' if needed == EDIT else 'view'} "
                            f"this {label} ({name})")
        return
    if obj.obj_code == "PROJ":
        return
    if access.project_right(project_id) < needed:
        project = call.reader().get("PROJ", str(project_id)) or {"ID": project_id}
        verb = "add to" if needed == EDIT else "view"
        name = project.get("name") or project_id
        raise forbidden(f"You do not have sufficient access to {verb} this Project ({name})")


def require_edit(call: ClassicCall, obj: ObjectDef, record: Mapping[str, Any], values: Mapping[str, Any]) -> None:
    """Refuse changing ``values`` of ``record`` when the caller may not."""
    access = caller_access(call)
    if access is None or access.is_admin:
        return
    if obj.obj_code == "USER":
        _require_user_edit(access, record, values)
        return
    if obj.obj_code not in access.level.edit:
        raise _level_refusal(access, "edit", obj)
    needed = MANAGE if "accessRules" in values else EDIT
    if not _may_change(access, obj, record, needed):
        raise _sharing_refusal("edit" if needed == EDIT else "manage", obj, record)


def _require_user_edit(access: Access, record: Mapping[str, Any], values: Mapping[str, Any]) -> None:
    if record.get("ID") != access.user_id:
        raise forbidden("Only an administrator can edit another user")
    refused = sorted(
        name for name in values if name not in SELF_EDITABLE_USER_FIELDS and name not in ("ID", "objCode")
    )
    if refused:
        raise forbidden(f"Only an administrator can change {', '.join(refused)} of a user")


def _may_change(access: Access, obj: ObjectDef, record: Mapping[str, Any], needed: int) -> bool:
    if access.level.own_only:
        return access.owns(record)
    return access.right_on(obj.obj_code, record) >= needed


def require_delete(call: ClassicCall, obj: ObjectDef, record: Mapping[str, Any]) -> None:
    """Refuse deleting ``record`` unless the level allows the kind and the caller manages the record."""
    access = caller_access(call)
    if access is None or access.is_admin:
        return
    if obj.obj_code == "USER" or obj.obj_code not in access.level.edit:
        raise _level_refusal(access, "delete", obj)
    needed = MANAGE if obj.obj_code == "PROJ" else EDIT
    if not _may_change(access, obj, record, needed):
        raise _sharing_refusal("delete", obj, record)


def require_action(call: ClassicCall, obj: ObjectDef, record: Mapping[str, Any] | None, name: str) -> None:
    """Refuse running action ``name`` (on ``record``, or object-less) when the caller may not."""
    access = caller_access(call)
    if access is None or access.is_admin:
        return
    lowered = name.lower()
    if obj.obj_code == "USER":
        if lowered in ADMIN_ONLY_USER_ACTIONS:
            raise forbidden(f"Only an administrator can run {name} on users")
        if lowered == "resetpassword" and record is not None and record.get("ID") != access.user_id:
            raise forbidden("Only an administrator can change another user's password")
        return
    if record is None:
        if obj.obj_code not in access.level.edit:
            raise _level_refusal(access, f"run {name} on", obj)
        return
    if lowered in APPROVAL_ACTIONS:
        if not access.can_see(obj.obj_code, record):
            raise _sharing_refusal("view", obj, record)
        return
    if obj.obj_code not in access.level.edit:
        raise _level_refusal(access, f"run {name} on", obj)
    needed = MANAGE if lowered in ("share", "unshare") else EDIT
    if not _may_change(access, obj, record, needed):
        raise _sharing_refusal("change", obj, record)

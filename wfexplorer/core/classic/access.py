"""What the signed-in user may do to a classic object, from what Workfront lets a client read in advance.

Read in the detail load's one batch (:mod:`wfexplorer.core.details`): the user's access level (the ACSLVL
``$$USER.accessLevelID`` names, and its ``accessLevelPermissions``: the object kinds it may edit), every ID
an access rule may name to reach them (their teams, groups, job roles, company: :data:`ACCESSOR_FIELDS`), and
the object's sharing: its own ``accessRules`` or its project's, with ``coreAction`` VIEW, EDIT or DELETE (= manage), and
ownership (the owner or the person who entered a record may manage it). Deleting a project needs Manage;
changing or deleting anything else needs Edit.

What a client cannot read (a level whose permissions are not readable, a record shared through a parent it
does not name) locks nothing: Workfront decides when the save arrives, and a refused save says why in
Workfront's words. Administrators are never locked. User records: :mod:`wfexplorer.core.editing.permissions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wfexplorer.core.classic.metadata import ObjectMeta

DELETE_USER = "only a Workfront administrator can delete a user"

#: What the batch reads of the signed-in user: every ID an access rule may name to reach them (the ones
#: ``$$USER`` offers: teams, groups, job roles, company)...
ACCESSOR_FIELDS = ("homeTeamID", "homeGroupID", "roleID", "companyID", "teams:ID", "userRoles:roleID",
                   "userGroups:groupID")
#: ...and, in a call of its own (a server may refuse it while the first works), their access level with what
#: it allows, found through the ``$$USER.accessLevelID`` wildcard.
LEVEL_FIELDS = ("name", "isAdmin", "accessLevelPermissions:objObjCode", "accessLevelPermissions:coreAction")
RULE_FIELDS = ("accessRules:accessorID", "accessRules:coreAction")
OWNER_FIELDS = ("ownerID", "enteredByID")
PERSONAL_FIELDS = ("enteredByID", "ownerID", "assignedToID", "submittedByID", "userID")
"""Fields that make a record the user's own: they manage it whoever it is shared with."""

VIEW, EDIT, MANAGE = 1, 2, 3
RIGHTS = {"VIEW": VIEW, "EDIT": EDIT, "DELETE": MANAGE}
RIGHT_NAMES = {VIEW: "viewing", EDIT: "editing"}


@dataclass(frozen=True)
class Rights:
    """Why the signed-in user may not edit or delete one object (empty: nothing known against it)."""

    edit: str = ""
    delete: str = ""


@dataclass(frozen=True)
class MyAccess:
    """The signed-in user's access level and the IDs an access rule may name to reach them."""

    user_id: str
    level_name: str = ""
    level_is_admin: bool = False
    editable_kinds: frozenset[str] | None = None
    """Object kinds the level may edit; ``None`` when its permissions could not be read."""
    accessors: frozenset[str] = frozenset()

    @classmethod
    def of(cls, user: Mapping[str, Any], level: Mapping[str, Any] | None = None) -> MyAccess:
        """Read the answers to :func:`my_access_calls` (``level`` None: it could not be read)."""
        level = level or {}
        permissions = level.get("accessLevelPermissions")
        kinds = None
        if isinstance(permissions, list) and permissions:
            kinds = frozenset(str(row.get("objObjCode") or "").upper() for row in permissions
                              if isinstance(row, Mapping) and RIGHTS.get(str(row.get("coreAction") or "")
                                                                          .upper(), 0) >= EDIT)
        ids = {str(user.get(name)) for name in ("ID", "homeTeamID", "homeGroupID", "roleID", "companyID")
               if user.get(name)}
        for name, key in (("teams", "ID"), ("userRoles", "roleID"), ("userGroups", "groupID")):
            ids.update(str(row[key]) for row in _rows(user.get(name)) if row.get(key))
        return cls(str(user.get("ID") or ""), str(level.get("name") or ""), bool(level.get("isAdmin")), kinds,
                   frozenset(ids))


def needs_rights(me: Mapping[str, Any]) -> bool:
    """Whether the detail load reads what the user may do (not for administrators, nor when unknown)."""
    return me.get("isAdmin") is False and bool(me.get("ID"))


def my_access_calls(user_id: str) -> list[tuple[str, str, dict[str, str]]]:
    """The batch calls that read :class:`MyAccess`: the user's accessor IDs, then their access level."""
    return [("GET", f"/user/{user_id}", {"fields": ",".join(ACCESSOR_FIELDS)}),
            ("GET", "/acslvl/search", {"ID": "$$USER.accessLevelID", "fields": ",".join(LEVEL_FIELDS)})]


def project_reference(meta: ObjectMeta) -> str | None:
    """The reference by which an object of ``meta`` names its project (``project``), if it has one."""
    link = meta.references.get("project")
    return "project" if link is not None and link.target_code.upper() == "PROJ" else None


def sharing_fields(meta: ObjectMeta, project_meta: ObjectMeta | None) -> list[str]:
    """The fields the object's read adds so that :func:`object_rights` can tell its sharing."""
    wanted = [name for name in PERSONAL_FIELDS if name in meta.fields]
    if "accessRules" in meta.collections:
        wanted.extend(RULE_FIELDS)
    project = project_reference(meta)
    if meta.obj_code.upper() != "PROJ" and project and project_meta is not None \
            and "accessRules" in project_meta.collections:
        wanted.extend(f"{project}:{name}" for name in (*RULE_FIELDS, *OWNER_FIELDS))
    return wanted


def object_rights(meta: ObjectMeta, data: Mapping[str, Any], mine: MyAccess | None) -> Rights:
    """What the user described by ``mine`` may not do to the object ``data`` of type ``meta``."""
    if mine is None or mine.level_is_admin:
        return Rights()
    code, label = meta.obj_code.upper(), meta.label
    if code == "USER":
        return Rights(delete=DELETE_USER)  # the fields say what a user may change of their own record
    if mine.editable_kinds is not None and code not in mine.editable_kinds:
        level = f"your access level ({mine.level_name})" if mine.level_name else "your access level"
        return Rights(edit=f"{level} does not allow you to edit {_article(label)}",
                      delete=f"{level} does not allow you to delete {_article(label)}")
    known = _right_on(code, data, mine)
    if known is None:
        return Rights()
    right = max(known, VIEW)  # the user read it, so they may view it (as a project team member, at least)
    edit = "" if right >= EDIT else _shared_only(code, label, data, right, "edit", mine)
    needed = MANAGE if code == "PROJ" else EDIT
    delete = "" if right >= needed else _shared_only(code, label, data, right, "delete", mine)
    return Rights(edit, delete)


def _right_on(code: str, data: Mapping[str, Any], mine: MyAccess) -> int | None:
    """The user's right on the object (None: not known from what was read)."""
    if code == "PROJ":
        if "accessRules" not in data:
            return None
        return max(_owner_right(data, mine, OWNER_FIELDS), _rule_right(data.get("accessRules"), mine))
    known = False
    right = _owner_right(data, mine, PERSONAL_FIELDS)
    if "accessRules" in data:
        known, right = True, max(right, _rule_right(data.get("accessRules"), mine))
    project = data.get("project")
    if isinstance(project, Mapping) and "accessRules" in project:
        known = True
        right = max(right, _owner_right(project, mine, OWNER_FIELDS), _rule_right(project.get("accessRules"), mine))
    return right if known else None


def _owner_right(data: Mapping[str, Any], mine: MyAccess, fields: Iterable[str]) -> int:
    return MANAGE if any(data.get(name) == mine.user_id for name in fields) else 0


def _rule_right(rules: Any, mine: MyAccess) -> int:
    return max((RIGHTS.get(str(rule.get("coreAction") or "VIEW").upper(), VIEW) for rule in _rows(rules)
                if str(rule.get("accessorID") or "") in mine.accessors), default=0)


def _shared_only(code: str, label: str, data: Mapping[str, Any], right: int, verb: str, mine: MyAccess) -> str:
    how = f"shared with you for {RIGHT_NAMES[right]} only"
    if verb == "delete" and right == EDIT:
        return f"deleting this {label} needs Manage access; it is shared with you for editing"
    project = data.get("project")
    if code != "PROJ" and isinstance(project, Mapping) and "accessRules" in project \
            and not _rule_right(data.get("accessRules"), mine):  # its right comes from its project
        name = project.get("name") or project.get("ID")
        return f"its project ({name}) is {how}"
    return f"this {label} is {how}"


def _rows(value: Any) -> list[Mapping[str, Any]]:
    return [row for row in value if isinstance(row, Mapping)] if isinstance(value, list) else []


def _article(label: str) -> str:
    return f"{'an' if label[:1].upper() in 'AEIOU' else 'a'} {label}"

"""Object sharing: which projects a user may view, edit or manage, and which records they may see.

A user's right on a project is the strongest of:

- **manage** (``DELETE``): they own it (``ownerID``) or entered it;
- an access rule (ACSRUL, a project's ``accessRules``, ``share``) naming them, one of their teams,
  groups or job roles, or their company: its ``coreAction`` (``VIEW``, ``EDIT``, ``DELETE``);
- **view**: they are on the project team (PRTU) or assigned to work in it.

Records of a project (tasks, issues, hours, documents...) are visible when the project is, or when
the record is the user's own (entered, owned, assigned or requested by them), or shared with them by an
access rule of its own (a task, issue, document, portfolio or program can be shared like a project).
Records that hang off another record without naming a project (document versions, predecessor links, likes, updates,
journal entries, approver statuses...) are as visible as that record (:data:`PARENTS`,
:data:`POLYMORPHIC_PARENTS`). Other records belong to no project and are visible to everyone;
administrators see everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wfexplorer.demo.classic import graph
from wfexplorer.demo.classic.access.levels import Level, level_named
from wfexplorer.demo.store import Record, Store

VIEW = 1
EDIT = 2
MANAGE = 3
RIGHTS = {"VIEW": VIEW, "EDIT": EDIT, "DELETE": MANAGE}
PERSONAL_FIELDS = ("enteredByID", "ownerID", "assignedToID", "submittedByID", "userID")
"""Fields that make a record the user's own."""
PARENTS: dict[str, tuple[str, str]] = {
    "DOCV": ("documentID", "DOCU"), "DOCAPL": ("documentID", "DOCU"), "PRED": ("successorID", "TASK"),
    "LIKE": ("noteID", "NOTE"), "NTAG": ("noteID", "NOTE"),
}
"""Kinds whose records are as visible as the record one field names: objCode → (ID field, parent kind)."""
POLYMORPHIC_PARENTS: dict[str, tuple[str, str]] = {
    "UPDATE": ("updateObjCode", "updateObjID"), "JRNLE": ("objObjCode", "objID"),
    "ARVSTS": ("approvableObjCode", "approvableObjID"), "DOCFDR": ("docObjCode", "objID"),
    "DOCREQ": ("docObjCode", "objID"),
}
"""The same through a pair of fields: objCode → (parent kind field, parent ID field)."""
SCOPED_BY_PARENT = frozenset(PARENTS) | frozenset(POLYMORPHIC_PARENTS)
_MAX_PARENT_DEPTH = 4


@dataclass
class Access:
    """One user's access, computed once per request from the store."""

    user_id: str
    level: Level
    projects: dict[str, int] = field(default_factory=dict)
    shared: dict[tuple[str, str], int] = field(default_factory=dict)
    """Rights from access rules on records other than projects: (objCode, ID) → right."""
    store: Store | None = None
    """Where parents of parent-scoped records are looked up."""

    @property
    def is_admin(self) -> bool:
        """Whether the user is a Workfront administrator."""
        return self.level.admin

    def project_right(self, project_id: Any) -> int:
        """The user's right on a project (0 when none)."""
        if self.is_admin:
            return MANAGE
        return self.projects.get(str(project_id), 0) if project_id else 0

    def owns(self, record: Mapping[str, Any]) -> bool:
        """Whether ``record`` is the user's own (entered, owned, assigned or requested by them)."""
        return any(record.get(name) == self.user_id for name in PERSONAL_FIELDS)

    def right_on(self, obj_code: str, record: Mapping[str, Any], depth: int = 0) -> int:
        """The user's right on one record: its project's (or parent's) right, or manage on their own records."""
        if self.is_admin:
            return MANAGE
        if obj_code == "PROJ":
            return self.project_right(record.get("ID"))
        own = max(MANAGE if self.owns(record) else 0, self.shared.get((obj_code, str(record.get("ID"))), 0))
        project_id = record.get("projectID")
        if project_id:
            return max(own, self.project_right(project_id))
        parent = self.parent_of(obj_code, record) if depth < _MAX_PARENT_DEPTH else None
        if parent is not None:
            return max(own, self.right_on(parent[0], parent[1], depth + 1))
        return max(own, VIEW)

    def parent_of(self, obj_code: str, record: Mapping[str, Any]) -> tuple[str, Record] | None:
        """The record a parent-scoped record hangs off, with its kind (``None``: none, or not found)."""
        if self.store is None:
            return None
        if obj_code in PARENTS:
            id_field, kind = PARENTS[obj_code]
        elif obj_code in POLYMORPHIC_PARENTS:
            code_field, id_field = POLYMORPHIC_PARENTS[obj_code]
            kind = str(record.get(code_field) or "")
        else:
            return None
        parent_id = record.get(id_field)
        found = self.store.get(kind, str(parent_id)) if kind and parent_id else None
        return None if found is None else (kind, found)

    def can_see(self, obj_code: str, record: Mapping[str, Any]) -> bool:
        """Whether ``record`` appears in the user's searches and reads."""
        return self.right_on(obj_code, record) >= VIEW


def access_for(store: Store, user_id: str) -> Access:
    """Compute what the user ``user_id`` may see and do (their level and their project rights)."""
    user = store.get("USER", user_id) or {}
    level_row = store.get("ACSLVL", str(user.get("accessLevelID") or "")) or {}
    level = level_named(level_row.get("name"), is_admin=bool(user.get("isAdmin") or level_row.get("isAdmin")))
    access = Access(user_id=user_id, level=level, store=store)
    if level.admin:
        return access
    rights = access.projects

    def grant(project_id: Any, right: int) -> None:
        if project_id:
            key = str(project_id)
            rights[key] = max(rights.get(key, 0), right)

    for name in ("ownerID", "enteredByID"):
        for project in graph.rows_where(store, "PROJ", (name,), (user_id,)):
            grant(project["ID"], MANAGE)
    for accessor in _accessors(store, user):
        for rule in graph.rows_where(store, "ACSRUL", ("accessorID",), (accessor,)):
            right = RIGHTS.get(str(rule.get("coreAction") or "VIEW").upper(), VIEW)
            if rule.get("securityObjCode") == "PROJ":
                grant(rule.get("securityObjID"), right)
            elif rule.get("securityObjCode") and rule.get("securityObjID"):
                key = (str(rule["securityObjCode"]), str(rule["securityObjID"]))
                access.shared[key] = max(access.shared.get(key, 0), right)
    for member in graph.rows_where(store, "PRTU", ("userID",), (user_id,)):
        grant(member.get("projectID"), VIEW)
    for assignment in graph.rows_where(store, "ASSGN", ("assignedToID",), (user_id,)):
        grant(assignment.get("projectID"), VIEW)
    return access


def _accessors(store: Store, user: Record) -> list[str]:
    """The IDs an access rule may name to reach ``user``: the user, teams, groups, roles, company."""
    user_id = str(user.get("ID") or "")
    found = [user_id]
    for kind, column in (("TEAMMB", "teamID"), ("USRGPS", "groupID"), ("USRROL", "roleID")):
        rows = graph.rows_where(store, kind, ("userID",), (user_id,))
        found.extend(str(row[column]) for row in rows if row.get(column))
    for name in ("homeTeamID", "homeGroupID", "roleID", "companyID"):
        if user.get(name):
            found.append(str(user[name]))
    return list(dict.fromkeys(found))

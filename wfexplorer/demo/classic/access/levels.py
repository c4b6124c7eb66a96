"""Access levels: what each kind of Workfront user may create, edit and delete (before object sharing).

Workfront's classic licences, as the seeded ACSLVL rows name them:

- **System Administrator** (``isAdmin`` on the user or on the level): everything.
- **Planner** (Plan / Standard): plans work: projects, portfolios, programs, templates and all work under them.
- **Worker** (Work / Light): works on what is shared with them: tasks, issues, hours, documents, comments.
- **Reviewer** (Review): reviews: comments, approvals, requests (issues); edits only their own comments.
- **Requestor** (Request / Contributor): submits requests (issues) with comments and documents, nothing else.

Only administrators create, edit or delete users (a user may edit a few fields of their own profile),
access levels, groups, roles, companies, custom statuses, forms and the other system objects; any kind
not listed for a level below is administrator-only. A user without an access level is a Worker.
"""

from __future__ import annotations

from dataclasses import dataclass

ADMIN = "System Administrator"
PLANNER = "Planner"
WORKER = "Worker"
REVIEWER = "Reviewer"
REQUESTOR = "Requestor"
DEFAULT_LEVEL = WORKER


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORKER_WORK = _codes("TASK OPTASK ASSGN PRED EXPNS RISK HOUR DOCU DOCV DOCFDR DOCREQ NOTE LIKE NTAG TSHET WRKITM")
_PLANNER_ONLY = _codes("PROJ PORT PRGM TMPL TTSK TPRED MILE BLIN PRTU PTEAM QUED QUET RATE SCORE")
_APPROVING = _codes("DOCAPL ARVSTS")


@dataclass(frozen=True)
class Level:
    """One access level: the object kinds it may create and the kinds it may edit or delete."""

    name: str
    create: frozenset[str]
    edit: frozenset[str]
    admin: bool = False
    own_only: bool = False
    """Edits and deletes only records the user entered or owns (Reviewer, Requestor)."""


LEVELS: dict[str, Level] = {
    ADMIN: Level(ADMIN, frozenset(), frozenset(), admin=True),
    PLANNER: Level(PLANNER, _PLANNER_ONLY | _WORKER_WORK | _APPROVING, _PLANNER_ONLY | _WORKER_WORK | _APPROVING),
    WORKER: Level(WORKER, _WORKER_WORK | _APPROVING, _WORKER_WORK | _APPROVING),
    REVIEWER: Level(REVIEWER, _codes("OPTASK NOTE LIKE NTAG DOCU DOCV") | _APPROVING, _codes("NOTE LIKE NTAG"),
                    own_only=True),
    REQUESTOR: Level(REQUESTOR, _codes("OPTASK NOTE LIKE DOCU DOCV"), _codes("NOTE LIKE"), own_only=True),
}

SELF_EDITABLE_USER_FIELDS = frozenset(
    {"name", "firstName", "lastName", "title", "phoneNumber", "mobilePhoneNumber", "timeZone", "locale"}
)
"""The fields of their own USER record a non-administrator may change (not ``isAdmin``, ``accessLevelID``,
``licenseType``, ``isActive``, ``username``, ``password``, manager, role, rates...)."""

ADMIN_ONLY_USER_ACTIONS = frozenset({"activateusers", "deactivateusers", "assignusertoken", "sendinvitationemail"})
"""USER actions only an administrator may run (on any user, themselves included)."""


def level_named(name: str | None, *, is_admin: bool) -> Level:
    """Return the level called ``name`` (the ACSLVL name); administrators get the administrator level."""
    if is_admin:
        return LEVELS[ADMIN]
    return LEVELS.get(name or "", LEVELS[DEFAULT_LEVEL])

"""One demo user of each non-administrator access level, and the project shared with them.

``planner``, ``worker``, ``reviewer`` and ``requestor`` (password ``demo``) have a job role and the company's
top group as home group but belong to no team, so
what they see is exactly what is shared with them: the first current project, the planner and the
worker with EDIT, the reviewer and the requestor with VIEW. Every other project is invisible to
them. Their IDs come from a generator of their own, so adding them leaves every other seeded ID as it was.

Each non-administrator level also gets its ``accessLevelPermissions`` (ALVPER rows): one per object kind
the level may edit, ``coreAction`` EDIT, as :data:`~wfexplorer.demo.classic.access.levels.LEVELS` says (the
rules the server enforces), so a client can read what its level allows before it tries.
"""

from __future__ import annotations

import random

from wfexplorer.demo.classic.access.levels import LEVELS
from wfexplorer.demo.classic.seed import vocabulary as vocab
from wfexplorer.demo.classic.seed.org import DEMO_PASSWORD
from wfexplorer.demo.classic.seed.state import ANCHOR, DAY, Record, SeedState

LEVEL_USERS = (
    # username, first name, access level, licence, right on the shared project
    ("planner", "Pat", "Planner", "F", "EDIT"),
    ("worker", "Wren", "Worker", "W", "EDIT"),
    ("reviewer", "Rae", "Reviewer", "R", "VIEW"),
    ("requestor", "Quinn", "Requestor", "C", "VIEW"),
)
"""The demo user of each level (``demo-credentials.json`` lists them)."""


def shared_project(state: SeedState) -> Record:
    """The project shared with the level users: the first current one."""
    projects = state.of("PROJ")
    return next((project for project in projects if project.get("status") == "CUR"), projects[0])


def build_level_users(state: SeedState) -> None:
    """Add the level users and their access rules (called after every other seeded row)."""
    shared_rng, state.rng = state.rng, random.Random(15)
    try:
        project = shared_project(state)
        company = state.of("CMPY")[0]
        group = state.of("GROUP")[0]
        role = state.named("ROLE", "Project Manager")
        created = ANCHOR - 100 * DAY
        for offset, (username, first, level, licence, right) in enumerate(LEVEL_USERS):
            user = state.add("USER", {
                "name": f"{first} {level}", "firstName": first, "lastName": level, "username": username,
                "emailAddr": f"{username}@{vocab.EMAIL_DOMAIN}", "title": f"Demo {level.lower()}",
                "isActive": True, "isAdmin": False, "_password": DEMO_PASSWORD,
                "accessLevelID": state.named("ACSLVL", level)["ID"], "companyID": company["ID"],
                "roleID": role["ID"], "homeGroupID": group["ID"],
                "timeZone": "America/Chicago", "locale": "en_US", "licenseType": licence, "lastLoginDate": None,
            }, created + offset * DAY)
            state.add("ACSRUL", {"accessorID": user["ID"], "accessorObjCode": "USER", "coreAction": right,
                                 "securityObjID": project["ID"], "securityObjCode": "PROJ",
                                 "secondaryActions": [], "forbiddenActions": []}, created + offset * DAY)
    finally:
        state.rng = shared_rng


def build_level_permissions(state: SeedState) -> None:
    """Add each level's ALVPER rows (called last: from a generator of their own, like the level users)."""
    shared_rng, state.rng = state.rng, random.Random(16)
    try:
        created = ANCHOR - 100 * DAY
        for row in state.of("ACSLVL"):
            level = LEVELS.get(str(row.get("name")))
            if level is None or level.admin or row.get("isAdmin"):
                continue
            for code in sorted(level.edit):
                state.add("ALVPER", {"accessLevelID": row["ID"], "objObjCode": code, "coreAction": "EDIT",
                                     "secondaryActions": [], "forbiddenActions": [], "isAdmin": False}, created)
    finally:
        state.rng = shared_rng

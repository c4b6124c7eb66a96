"""The organisation: customer, companies, groups, roles, teams, users, custom statuses and lookups."""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.seed import vocabulary as vocab
from wfexplorer.demo.classic.seed.state import ANCHOR, DAY, SeedState, epoch, iso

ADMIN_USERNAME = "admin"
DEMO_PASSWORD = "demo"

_STATUS_COLORS = {
    "CUR": "00A651", "PLN": "2E7DF7", "CPL": "6B6B6B", "DED": "C60000", "ONH": "F5A623", "REQ": "9B59B6",
    "APR": "1ABC9C", "REJ": "E74C3C", "IDA": "F1C40F", "NEW": "2E7DF7", "INP": "00A651", "AWF": "F5A623",
    "ROP": "E67E22", "CND": "95A5A6", "WTR": "7F8C8D", "RLV": "27AE60", "VCP": "16A085", "CLS": "6B6B6B",
}
CUSTOM_STATUSES = (
    ("STATUS_PROJ", "WSX", "Waiting on Stakeholder", "CUR", "D35400"),
    ("STATUS_OPTASK", "QAR", "In QA Review", "INP", "8E44AD"),
)


def build_org(state: SeedState) -> None:
    """Create the customer, admin, companies, groups, roles, teams, users and reference rows."""
    start = ANCHOR - 900 * DAY
    customer = state.add("CUST", {"name": vocab.COMPANY, "domain": "halcyon", "timeZone": "America/Chicago",
                                  "locale": "en_US", "currency": "USD", "isApiEnabled": True}, start)
    state.customer_id = customer["ID"]
    admin = state.add("USER", {
        "name": "Jordan Avery", "firstName": "Jordan", "lastName": "Avery", "username": ADMIN_USERNAME,
        "emailAddr": f"jordan.avery@{vocab.EMAIL_DOMAIN}", "title": "Workfront Administrator", "isActive": True,
        "isAdmin": True, "_password": DEMO_PASSWORD, "timeZone": "America/Chicago", "locale": "en_US",
        "licenseType": "F", "costPerHour": 70.0, "billingPerHour": 140.0,
    }, start)
    state.admin_id = admin["ID"]
    admin["enteredByID"] = admin["lastUpdatedByID"] = admin["ID"]
    admin["customerID"] = state.customer_id

    for name, is_admin, rank in (("System Administrator", True, 1), ("Planner", False, 2), ("Worker", False, 3),
                                 ("Reviewer", False, 4), ("Requestor", False, 5)):
        state.add("ACSLVL", {"name": name, "isAdmin": is_admin, "rank": rank}, start + 60)
    state.add("SCHED", {"name": "Default Schedule", "timeZone": "America/Chicago", "isDefault": True}, start + 60)
    state.add("LYTMPL", {"name": "Standard Layout"}, start + 60)
    state.add("LYTMPL", {"name": "Team Member Layout"}, start + 60)
    for name in vocab.HOUR_TYPES:
        state.add("HOURT", {"name": name, "scope": "GENERAL", "isActive": True}, start + 60)

    home = state.add("CMPY", {"name": vocab.COMPANY, "hasRateOverride": False}, start + 120)
    for offset, vendor in enumerate(vocab.VENDORS):
        state.add("CMPY", {"name": vendor, "hasRateOverride": offset == 0}, start + 200 * DAY + offset * DAY)

    root = state.add("GROUP", {"name": vocab.COMPANY, "description": "Top-level group", "isActive": True},
                     start + 180)
    for offset, name in enumerate(vocab.GROUPS):
        state.add("GROUP", {"name": name, "parentID": root["ID"], "isActive": True,
                            "description": f"{name} department"}, start + 240 + offset)

    for offset, (name, _group, billing, cost, max_users) in enumerate(vocab.ROLES):
        state.add("ROLE", {"name": name, "billingPerHour": billing, "costPerHour": cost, "maxUsers": max_users,
                           "defaultInterface": 0, "description": f"{name} job role"}, start + 300 + offset)

    _users(state, home["ID"], admin)
    _statuses(state, start)
    _approvals(state, start)


def _users(state: SeedState, company_id: str, admin: dict) -> None:
    rng = state.rng
    total = state.count(40, 14)
    pairs = [(first, last) for first in vocab.FIRST_NAMES for last in vocab.LAST_NAMES]
    rng.shuffle(pairs)
    # Give every team an owner (a lead) first, then fill the teams round-robin.
    team_specs = list(vocab.TEAMS)
    users_needed = total - 1
    leads: list[dict] = []
    used: set[str] = {ADMIN_USERNAME}
    created = ANCHOR - 800 * DAY
    users: list[dict] = []
    for index in range(users_needed):
        first, last = pairs[index % len(pairs)]
        username = f"{first}.{last}".lower().replace("á", "a").replace("é", "e").replace("ó", "o")
        suffix = 2
        base = username
        while username in used:
            username = f"{base}{suffix}"
            suffix += 1
        used.add(username)
        team_name, group_name, team_roles = team_specs[index % len(team_specs)]
        role_name = team_roles[(index // len(team_specs)) % len(team_roles)]
        if index < len(team_specs):
            role_name = "Project Manager" if team_name in ("Supply Chain Ops",) else team_roles[0]
        role = state.named("ROLE", role_name)
        is_lead = index < len(team_specs)
        title = ("Lead " if is_lead else rng.choice(("", "", "Senior ", "Associate "))) + role_name
        user = state.add("USER", {
            "name": f"{first} {last}", "firstName": first, "lastName": last, "username": username,
            "emailAddr": f"{username}@{vocab.EMAIL_DOMAIN}", "title": title.strip(), "isActive": index % 37 != 36,
            "isAdmin": False, "_password": DEMO_PASSWORD, "roleID": role["ID"],
            "homeGroupID": state.named("GROUP", group_name)["ID"], "companyID": company_id,
            "accessLevelID": state.named("ACSLVL", "Planner" if is_lead or role_name == "Project Manager"
                                         else "Worker")["ID"],
            "scheduleID": state.named("SCHED", "Default Schedule")["ID"],
            "timeZone": "America/Chicago", "locale": "en_US", "licenseType": "F" if is_lead else "W",
            "costPerHour": role["costPerHour"], "billingPerHour": role["billingPerHour"],
            "phoneNumber": f"+1 312 555 {1000 + index:04d}",
            "lastLoginDate": None,
        }, created + index * 3 * DAY, by=admin["ID"])
        user["_team"] = team_name
        users.append(user)
        if is_lead:
            leads.append(user)
    for offset, (team_name, group_name, _roles) in enumerate(team_specs):
        lead = leads[offset] if offset < len(leads) else admin
        state.add("TEAMOB", {"name": team_name, "ownerID": lead["ID"],
                             "groupID": state.named("GROUP", group_name)["ID"],
                             "isAgile": team_name in ("Web Platform", "Mobile Apps"),
                             "estimateByHours": team_name not in ("Web Platform", "Mobile Apps"),
                             "hoursPerPoint": 6.0, "description": f"{team_name} team"},
                  ANCHOR - 850 * DAY + offset * DAY)
    teams = {team["name"]: team for team in state.of("TEAMOB")}
    team_leads = {team["name"]: team["ownerID"] for team in state.of("TEAMOB")}
    for user in users:
        team = teams[user.pop("_team")]
        user["homeTeamID"] = team["ID"]
        if team_leads[team["name"]] != user["ID"]:
            user["managerID"] = team_leads[team["name"]]
        else:
            user["managerID"] = admin["ID"]
        stamp = user["entryDate"]
        _link(state, "TEAMMB", {"teamID": team["ID"], "userID": user["ID"]}, stamp)
        _link(state, "USRROL", {"userID": user["ID"], "roleID": user["roleID"]}, stamp)
        _link(state, "USRGPS", {"userID": user["ID"], "groupID": user["homeGroupID"]}, stamp)
        if rng.random() < 0.25:
            other = rng.choice(list(teams.values()))
            if other["ID"] != team["ID"]:
                _link(state, "TEAMMB", {"teamID": other["ID"], "userID": user["ID"]}, stamp)
        if rng.random() < 0.4:
            last_login = ANCHOR - rng.randint(0, 20) * DAY - rng.randint(0, 8) * 3600
            user["lastLoginDate"] = iso(last_login)
    admin["roleID"] = state.named("ROLE", "Project Manager")["ID"]
    admin["homeGroupID"] = state.named("GROUP", vocab.COMPANY)["ID"]
    admin["companyID"] = company_id
    admin["accessLevelID"] = state.named("ACSLVL", "System Administrator")["ID"]
    admin["homeTeamID"] = teams["IT Infrastructure"]["ID"]
    _link(state, "TEAMMB", {"teamID": admin["homeTeamID"], "userID": admin["ID"]}, admin["entryDate"])
    _link(state, "USRROL", {"userID": admin["ID"], "roleID": admin["roleID"]}, admin["entryDate"])
    _link(state, "USRGPS", {"userID": admin["ID"], "groupID": admin["homeGroupID"], "isOwner": True},
          admin["entryDate"])


def _link(state: SeedState, kind: str, values: dict, stamp: str) -> None:
    state.add(kind, values, epoch(stamp))


def _statuses(state: SeedState, start: float) -> None:
    order = 0
    for enum_class, values in (("STATUS_PROJ", enums.PROJECT_STATUS), ("STATUS_TASK", enums.TASK_STATUS),
                               ("STATUS_OPTASK", enums.ISSUE_STATUS)):
        for value, label in values:
            order += 1
            equates = enums.ISSUE_STATUS_EQUATES.get(value, value) if enum_class == "STATUS_OPTASK" else value
            state.add("CSTEM", {"value": value, "label": label, "color": _STATUS_COLORS.get(value, "777777"),
                                "equatesWith": equates, "enumClass": enum_class, "isPrimary": True,
                                "isHidden": False, "displayOrder": order}, start + order)
    for enum_class, value, label, equates, color in CUSTOM_STATUSES:
        order += 1
        state.add("CSTEM", {"value": value, "label": label, "color": color, "equatesWith": equates,
                            "enumClass": enum_class, "isPrimary": False, "isHidden": False,
                            "displayOrder": order}, ANCHOR - 300 * DAY)
    colors = ("BBBBBB", "2E7DF7", "00A651", "F5A623", "C60000")
    for obj in ("PROJ", "TASK", "OPTASK"):
        for (number, label), color in zip(enums.PRIORITY, colors, strict=True):
            order += 1
            state.add("CSTEM", {"value": str(number), "valueAsInt": number, "label": label, "color": color,
                                "equatesWith": str(number), "enumClass": f"PRIORITY_{obj}", "isPrimary": True,
                                "displayOrder": order}, start + order)
        for value, label in enums.CONDITION:
            order += 1
            state.add("CSTEM", {"value": value, "label": label, "color": _condition_color(value),
                                "equatesWith": value, "enumClass": f"CONDITION_{obj}", "isPrimary": True,
                                "displayOrder": order}, start + order)
    for severity, label in enums.SEVERITY:
        order += 1
        state.add("CSTEM", {"value": str(severity), "valueAsInt": severity, "label": label, "color": "777777",
                            "equatesWith": str(severity), "enumClass": "SEVERITY_OPTASK", "isPrimary": True,
                            "displayOrder": order}, start + order)


def _condition_color(value: str) -> str:
    return {"ON": "00A651", "AR": "F5A623", "IT": "C60000"}[value]


def _approvals(state: SeedState, start: float) -> None:
    for name, code in (("Project Gate Review", "PROJ"), ("Creative Sign-off", "TASK"),
                       ("Change Control Board", "OPTASK")):
        state.add("ARVPRC", {"name": name, "approvalObjCode": code, "isActive": True,
                             "description": f"Approval process for {code.lower()} status changes"},
                  start + 400 * DAY)

"""People and organisation: User, Job Role, Team, Group, Company and their link rows (§7.5, §7.8-7.11)."""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.builder import CURRENCY, NG, act, b, coll, d, define, dt, enum, i, query, ref, s
from wfexplorer.demo.classic.schema.objects.shared import CALC_DE

USER = define(
    "User", "USER", "User",
    aliases=("user",),
    flags=("REPORTABLE", "DATA_EXTENDIBLE", "RESOURCE_MANAGEABLE"),
    default_fields=("ID", "name", "objCode", "emailAddr", "username"),
    fields=[
        s("name"),
        s("firstName"), s("lastName"), s("username", required=True), s("emailAddr"), s("title"),
        b("isActive", default=True), b("isAdmin", default=False),
        *(s(name, flags=NG) for name in ("accessLevelID", "homeGroupID", "homeTeamID", "roleID", "companyID",
                                          "managerID", "scheduleID", "layoutTemplateID")),
        s("phoneNumber"), s("mobilePhoneNumber"), s("timeZone"), s("locale"),
        enum("licenseType", "com.attask.common.constants.LicenseTypeEnum", enums.LICENSE_TYPE, default="W"),
        d("costPerHour", flags=CURRENCY), d("billingPerHour", flags=CURRENCY),
        dt("lastLoginDate", read_only=True),
        s("password", flags=("WRITE_ONLY",)),
        s("_password"),
        s("_registrationToken"),
        dt("_invitationSent"),
    ],
    references=[
        ref("homeGroup", "GROUP"), ref("homeTeam", "TEAMOB"), ref("role", "ROLE"), ref("company", "CMPY"),
        ref("manager", "USER"), ref("accessLevel", "ACSLVL"), ref("schedule", "SCHED"),
        ref("layoutTemplate", "LYTMPL"),
    ],
    collections=[
        coll("teams", "TEAMOB", through=("TEAMMB", "userID", "teamID")),
        coll("teamMembers", "TEAMMB", userID="ID"),
        coll("roles", "ROLE", through=("USRROL", "userID", "roleID")),
        coll("userRoles", "USRROL", userID="ID"),
        coll("otherGroups", "GROUP", through=("USRGPS", "userID", "groupID")),
        coll("userGroups", "USRGPS", userID="ID"),
        coll("directReports", "USER", managerID="ID"),
        coll("documents", "DOCU", objID="ID", constants={"docObjCode": "USER"}),
        coll("updates", "NOTE", objID="ID", constants={"noteObjCode": "USER"}),
        coll("assignments", "ASSGN", assignedToID="ID"),
        coll("workItems", "WRKITM", userID="ID"),
        coll("hours", "HOUR", ownerID="ID"),
    ],
    actions=[
        act("getApiKey", ("username", "string"), ("password", "string"), result="string", needs_object=False),
        act("generateApiKey", ("username", "string"), ("password", "string"), result="string", needs_object=False),
        act("clearApiKey", ("username", "string"), ("password", "string"), needs_object=False),
        act("clearAllApiKeys", ("username", "string"), ("password", "string"), needs_object=False),
        act("activateUsers", ("userIDs", "string[]"), needs_object=False),
        act("deactivateUsers", ("userIDs", "string[]"), needs_object=False),
        act("assignUserToken", result="string"),
        act("completeUserRegistration", ("firstName", "string"), ("lastName", "string"), ("token", "string"),
            ("title", "string"), ("newPassword", "string")),
        act("sendInvitationEmail"),
        act("resetPassword", ("oldPassword", "string"), ("newPassword", "string")),
        CALC_DE,
    ],
)

ROLE = define(
    "Role", "ROLE", "Job Role",
    aliases=("role",),
    common=False,
    operations=("add", "count", "delete", "edit", "get", "replace", "report", "search"),
    default_fields=("ID", "name", "objCode", "description", "maxUsers"),
    fields=[
        s("ID"),
        d("billingPerHour", flags=CURRENCY),
        d("costPerHour", flags=CURRENCY),
        s("customerID", flags=NG),
        enum("defaultInterface", "com.attask.common.constants.UserInterfaceEnum", enums.USER_INTERFACE, "int"),
        s("description"),
        s("enteredByID", flags=NG),
        dt("entryDate"),
        s("extRefID"),
        s("layoutTemplateID", flags=NG),
        i("maxUsers"),
        s("name"),
        b("_earlyAccess"),
    ],
    references=[ref("customer", "CUST", flags=NG), ref("enteredBy", "USER"), ref("layoutTemplate", "LYTMPL", flags=NG)],
    collections=[coll("userRoles", "USRROL", roleID="ID", flags=NG)],
    actions=[
        act("addEarlyAccess", ("ids", "string[]"), needs_object=False),
        act("deleteEarlyAccess", ("ids", "string[]"), needs_object=False),
        act("hasReference", ("ids", "string[]"), result="java.lang.Boolean", needs_object=False),
        act("replaceDelete", ("ids", "string[]"), ("replacementID", "string"), needs_object=False),
    ],
    queries=[query("earlyAccessRoles"), query("smartAssignmentRoles", ("searchTerm", "string"))],
)

TEAM = define(
    "Team", "TEAMOB", "Team",
    aliases=("team",),
    fields=[
        s("name", required=True), s("ownerID", flags=NG), b("isAgile", default=False),
        b("estimateByHours", default=False), d("hoursPerPoint"), s("layoutTemplateID"), s("scheduleID"),
        s("groupID"), s("taskStatuses"), s("opTaskIssueStatuses"),
    ],
    references=[
        ref("owner", "USER"), ref("layoutTemplate", "LYTMPL"), ref("schedule", "SCHED"), ref("group", "GROUP"),
    ],
    collections=[
        coll("users", "USER", through=("TEAMMB", "teamID", "userID")),
        coll("teamMembers", "TEAMMB", teamID="ID"),
        coll("backlogTasks", "TASK", teamID="ID"),
        coll("updates", "NOTE", objID="ID", constants={"noteObjCode": "TEAMOB"}),
    ],
    actions=[
        act("moveTasksOnTeamBacklog", ("teamID", "string"), ("startNumber", "int"), ("endNumber", "int"),
            ("moveToNumber", "int"), ("movingTaskIDs", "string[]"), needs_object=False),
    ],
)

TEAM_MEMBER = define(
    "TeamMember", "TEAMMB", "Team Member",
    secondary=True,
    top_level=False,
    default_fields=("ID", "objCode", "teamID", "userID"),
    drop=("name", "description", "categoryID", "category"),
    fields=[s("teamID", required=True), s("userID", required=True), b("hasAssignPermissions", default=False)],
    references=[ref("team", "TEAMOB"), ref("user", "USER")],
)

USER_ROLE = define(
    "UserRole", "USRROL", "User Role",
    secondary=True,
    top_level=False,
    default_fields=("ID", "objCode", "userID", "roleID"),
    drop=("name", "description", "categoryID", "category"),
    fields=[s("userID", required=True), s("roleID", required=True)],
    references=[ref("user", "USER"), ref("role", "ROLE")],
)

USER_GROUP = define(
    "UserGroups", "USRGPS", "User Groups",
    secondary=True,
    top_level=False,
    default_fields=("ID", "objCode", "userID", "groupID"),
    drop=("name", "description", "categoryID", "category"),
    fields=[s("userID", required=True), s("groupID", required=True), b("isOwner", default=False)],
    references=[ref("user", "USER"), ref("group", "GROUP")],
)

GROUP = define(
    "Group", "GROUP", "Group",
    aliases=("group",),
    operations=("add", "copy", "count", "delete", "edit", "get", "report", "search"),
    fields=[s("name", required=True), s("parentID"), s("businessLeaderID"), s("layoutTemplateID"),
            s("uiTemplateID"), b("isActive", default=True)],
    references=[
        ref("parent", "GROUP"), ref("businessLeader", "USER"), ref("layoutTemplate", "LYTMPL"),
        ref("uiTemplate", "UITMPL"),
    ],
    collections=[
        coll("children", "GROUP", parentID="ID"),
        coll("userGroups", "USRGPS", groupID="ID"),
        coll("users", "USER", through=("USRGPS", "groupID", "userID")),
    ],
    actions=[
        act("checkDelete", ("ids", "string[]"), needs_object=False),
        act("replaceDeleteGroups", ("ids", "string[]"), ("replaceGroupID", "string"), needs_object=False),
        act("hasReference", ("ids", "string[]"), result="java.lang.Boolean", needs_object=False),
        act("addSubgroups", ("ids", "string[]")),
        act("getGroupMembers", result="string[]"),
        act("updateMembersList", ("userIDs", "string[]")),
    ],
)

COMPANY = define(
    "Company", "CMPY", "Company",
    aliases=("company",),
    flags=("REPORTABLE", "DATA_EXTENDIBLE"),
    operations=("add", "count", "delete", "edit", "get", "replace", "report", "search"),
    fields=[s("name", required=True), b("hasRateOverride", default=False), s("groupID"), b("_earlyAccess")],
    references=[ref("group", "GROUP")],
    collections=[
        coll("rates", "RATE", companyID="ID"),
        coll("billingRates", "RATE", companyID="ID", constants={"rateType": "BILLING"}),
        coll("costRates", "RATE", companyID="ID", constants={"rateType": "COST"}),
        coll("users", "USER", companyID="ID"),
    ],
    actions=[
        CALC_DE,
        act("addEarlyAccess", ("ids", "string[]"), needs_object=False),
        act("deleteEarlyAccess", ("ids", "string[]"), needs_object=False),
        act("hasReference", ("ids", "string[]"), result="java.lang.Boolean", needs_object=False),
    ],
)

"""Test data shared by the Planning filter tests: one field of every filterable kind (imported by name,
since tests/ is not a package)."""

from __future__ import annotations

from wfexplorer.core.planning.filters import FieldInfo, SelectOption

#: One field per filterable type, as a v2 server describes them (id, display name, type).
CATALOG_FIELDS = (
    FieldInfo("F_text", "Name", "TEXT", alias="name"),
    FieldInfo("F_para", "Notes", "PARAGRAPH", alias="notes"),
    FieldInfo("F_num", "Budget", "NUMBER", alias="budget"),
    FieldInfo("F_pct", "Progress", "PERCENTAGE"),
    FieldInfo("F_cur", "Cost", "CURRENCY"),
    FieldInfo("F_date", "Launch", "DATE", alias="launch_date"),
    FieldInfo(
        "F_status",
        "Status",
        "SINGLE_SELECT",
        alias="status",
        options=(SelectOption("opt_active", "Active", "green"), SelectOption("opt_planned", "Planned", "blue")),
    ),
    FieldInfo(
        "F_tags",
        "Tags",
        "MULTI_SELECT",
        options=(SelectOption("opt_emea", "EMEA"), SelectOption("opt_web", "Web")),
    ),
    FieldInfo("F_owner", "Owner", "USER"),
    FieldInfo("F_ok", "Approved", "CHECKBOX"),
    FieldInfo("F_formula", "Score", "FORMULA"),
    FieldInfo("F_cby", "Created by", "CREATED_BY"),
    FieldInfo("F_uby", "Updated by", "UPDATED_BY"),
    FieldInfo("F_cat", "Created at", "CREATED_AT"),
    FieldInfo("F_uat", "Updated at", "UPDATED_AT"),
    FieldInfo("F_ref", "Campaign", "REFERENCE"),
    FieldInfo("F_ext", "Project", "REFERENCE", is_external=True),
    FieldInfo("F_lk_date", "Campaign launch", "LOOKUP", linked_type="DATE"),
    FieldInfo("F_lk_user", "Campaign owner", "LOOKUP", linked_type="USER"),
)

"""Stored Planning documents → v1 and v2 response bodies.

v2 audit users are ``UserReferenceDto`` ``{id, name}`` (IMS IDs) and bodies carry no ``customerId``,
``imsOrgId`` or ``permission``; v1 audit users are plain Workfront ID strings and bodies add ``customerId``,
``imsOrgId`` and (workspaces, record types) ``permission``. Keys whose value is unset are left out.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.planning import kinds
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.users import IMS_ORG
from wfexplorer.demo.store import Record

CUSTOMER_ID = "5f0e7a1c0000b1a2c3d4e5f6a7b8c9d0"
IMS_ORG_ID = f"{IMS_ORG.upper()}@AdobeOrg"
PERMISSION_OF_ROLE = {"manager": "manage", "editor": "edit", "viewer": "view", None: "none"}


def _clean(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if value is not None}


def audit_v2(pl: Planning, doc: Record) -> dict[str, Any]:
    """``createdBy``/``createdAt``/``updatedBy``/``updatedAt`` in v2 form."""
    return _clean({
        "createdBy": pl.directory.reference(doc.get("createdBy")),
        "createdAt": doc.get("createdAt"),
        "updatedBy": pl.directory.reference(doc.get("updatedBy")),
        "updatedAt": doc.get("updatedAt"),
    })


def audit_v1(doc: Record) -> dict[str, Any]:
    """The audit keys in v1 form, plus ``customerId`` and ``imsOrgId``."""
    return _clean({
        "createdBy": doc.get("createdBy"),
        "createdAt": doc.get("createdAt"),
        "updatedBy": doc.get("updatedBy"),
        "updatedAt": doc.get("updatedAt"),
        "customerId": CUSTOMER_ID,
        "imsOrgId": IMS_ORG_ID,
    })


# -- workspaces ----------------------------------------------------------------------------

def workspace_v2(pl: Planning, ws: Record) -> dict[str, Any]:
    """``WorkspaceBaseDto``."""
    return _clean({
        "id": ws["ID"],
        **audit_v2(pl, ws),
        "alias": ws.get("alias"),
        "name": ws.get("name"),
        "description": ws.get("description"),
        "color": ws.get("color"),
        "icon": ws.get("icon"),
        "ownerId": ws.get("ownerId"),
        "recordTypeSections": [
            {"displayName": s.get("displayName", ""), "recordTypeIds": list(s.get("recordTypeIds") or [])}
            for s in ws.get("recordTypeSections") or []
        ],
    })


def workspace_v1(pl: Planning, ws: Record, user_id: str) -> dict[str, Any]:
    """v1 ``WorkspaceDto`` with its record types embedded."""
    return _clean({
        "id": ws["ID"],
        **audit_v1(ws),
        "alias": ws.get("alias"),
        "name": ws.get("name"),
        "color": ws.get("color"),
        "icon": ws.get("icon"),
        "permission": PERMISSION_OF_ROLE[pl.role_of(user_id, "workspaces", ws)],
        "recordTypes": [record_type_v1(pl, rt, user_id) for rt in pl.record_types_of(ws["ID"])],
        "recordTypeSections": [
            {"name": s.get("name") or f"section-{index}", "displayName": s.get("displayName", ""),
             "recordTypeIds": list(s.get("recordTypeIds") or [])}
            for index, s in enumerate(ws.get("recordTypeSections") or [])
        ],
    })


# -- record types --------------------------------------------------------------------------

def record_type_v2(pl: Planning, rt: Record) -> dict[str, Any]:
    """``RecordTypeDto``."""
    return _clean({
        "id": rt["ID"],
        **audit_v2(pl, rt),
        "alias": rt.get("alias"),
        "displayName": rt.get("displayName"),
        "description": rt.get("description"),
        "primaryFieldId": rt.get("primaryFieldId"),
        "icon": rt.get("icon"),
        "color": rt.get("color"),
        "isExternal": bool(rt.get("isExternal")),
        "permissionSettings": rt.get("permissionSettings") or {"mode": "OPEN", "subjects": []},
        "externalOptions": rt.get("externalOptions"),
        "linkableWithAllWorkspaces": bool(rt.get("linkableWithAllWorkspaces")),
        "linkableWithWorkspaceIds": list(rt.get("linkableWithWorkspaceIds") or []),
        "globalRecordTypeWorkspaceFieldId": rt.get("globalRecordTypeWorkspaceFieldId"),
        "isGlobal": bool(rt.get("isGlobal")),
        "authorizedToCreateDynamicRecordType": rt.get("authorizedToCreateDynamicRecordType"),
        "primaryWorkspaceId": rt.get("workspaceId"),
        "dynamicWorkspaceIds": list(rt.get("dynamicWorkspaceIds") or []),
    })


def record_type_v1(pl: Planning, rt: Record, user_id: str) -> dict[str, Any]:
    """v1 ``RecordTypeDto`` with its fields embedded."""
    external = rt.get("externalOptions")
    return _clean({
        "id": rt["ID"],
        **audit_v1(rt),
        "alias": rt.get("alias"),
        "displayName": rt.get("displayName"),
        "permission": PERMISSION_OF_ROLE[pl.role_of(user_id, "record-types", rt)],
        "primaryFieldId": rt.get("primaryFieldId"),
        "icon": rt.get("icon"),
        "color": rt.get("color"),
        "fields": [field_v1(pl, f) for f in pl.fields_of(rt["ID"])],
        "isExternal": bool(rt.get("isExternal")),
        "externalOptions": None if not external else _clean({
            "connectionName": external.get("connection"),
            "objectName": external.get("object") or (external.get("fields") or {}).get("objCode"),
            "fields": external.get("fields") or {},
        }),
    })


# -- fields --------------------------------------------------------------------------------

_OPTION_KEYS = ("dateOptions", "numberOptions", "formulaOptions", "userOptions", "attachmentOptions", "metadata")


def field_v2(pl: Planning, field: Record, depth: int = 0) -> dict[str, Any]:
    """``FieldDto``. Lookup and system fields use enum stand-in types unless ``field_type_names=extended``."""
    type_name = str(field.get("type"))
    metadata = dict(field.get("metadata") or {})
    if type_name not in kinds.CREATABLE_TYPES:
        metadata.setdefault("originType", type_name)
        if pl.options.get("field_type_names") != "extended":
            type_name = pl.base_type(field) if type_name == kinds.LOOKUP else kinds.ENUM_STAND_IN[type_name]
            if type_name not in kinds.CREATABLE_TYPES:
                type_name = kinds.ENUM_STAND_IN.get(type_name, "TEXT")
    body = _clean({
        "id": field["ID"],
        **audit_v2(pl, field),
        "alias": field.get("alias"),
        "displayName": field.get("displayName"),
        "description": field.get("description"),
        "type": type_name,
        "options": field.get("options"),
        "defaultOptions": field.get("defaultOptions"),
        "referenceOptions": _reference_options(pl, field, depth, v2=True),
        "lookupOptions": _lookup_options(pl, field, depth, v2=True),
        "defaultUsers": field.get("defaultUsers"),
        "hasError": bool(field.get("hasError")),
        "isHtmlNative": field.get("isHtmlNative"),
    })
    for key in _OPTION_KEYS:
        value = metadata if key == "metadata" else field.get(key)
        if value:
            body[key] = value
    return body


def field_v1(pl: Planning, field: Record, depth: int = 0) -> dict[str, Any]:
    """v1 ``FieldDto`` (documentation type names such as ``single-select``)."""
    body = _clean({
        "id": field["ID"],
        **audit_v1(field),
        "alias": field.get("alias"),
        "displayName": field.get("displayName"),
        "type": kinds.V1_TYPE_NAMES.get(str(field.get("type")), str(field.get("type")).lower()),
        "options": [_clean({"name": o.get("name"), "displayName": o.get("displayName"), "color": o.get("color")})
                    for o in field.get("options") or []] or None,
        "referenceOptions": _reference_options(pl, field, depth, v2=False),
        "lookupOptions": _lookup_options(pl, field, depth, v2=False),
        "hasError": bool(field.get("hasError")),
    })
    for key in ("dateOptions", "numberOptions", "userOptions"):
        value = field.get(key)
        if value:
            body[key] = {k: v for k, v in value.items() if k not in ("visualizationType", "timeFormat")} \
                if key != "dateOptions" else _v1_date_options(value)
    if field.get("formulaOptions"):
        body["formulaOptions"] = {"formula": field["formulaOptions"].get("formula", "")}
    return body


def _v1_date_options(options: dict[str, Any]) -> dict[str, Any]:
    body = {}
    if options.get("dateFormat") in ("locale", "standard", "friendly", "european", "iso"):
        body["dateFormat"] = options["dateFormat"]
    if options.get("timeFormat"):
        body["timeFormat"] = options["timeFormat"]
    return body


def _reference_options(pl: Planning, field: Record, depth: int, v2: bool) -> dict[str, Any] | None:
    options = field.get("referenceOptions")
    if not options:
        return None
    keys = ("multiple", "showThumbnail", "showTitle", "showColor", "recordTypeId", "isExternal",
            "createBackReference", "externalOptions", "filters", "lookupFields", "scopeWorkspaceIds",
            "globalRecordTypeWorkspaceFieldId") if v2 else (
        "multiple", "recordTypeId", "isExternal", "externalOptions", "filters", "lookupFields")
    body = {key: options[key] for key in keys if options.get(key) is not None}
    back = options.get("backFieldId")
    if v2 and back and depth == 0:
        back_field = pl.store.get(kinds.FIELD, back)
        if back_field is not None:
            body["backField"] = field_v2(pl, back_field, depth + 1)
    return body


def _lookup_options(pl: Planning, field: Record, depth: int, v2: bool) -> dict[str, Any] | None:
    options = field.get("lookupOptions")
    if not options:
        return None
    body: dict[str, Any] = _clean({"referenceFieldId": options.get("referenceFieldId"),
                                   "rollup": options.get("rollup")})
    source = pl.store.get(kinds.FIELD, str(options.get("sourceFieldId", "")))
    if source is not None and depth < 2:
        body["sourceField"] = field_v2(pl, source, depth + 1) if v2 else field_v1(pl, source, depth + 1)
    return body


def field_snapshot(pl: Planning, field: Record) -> dict[str, Any]:
    """``FieldSnapshotDto``: the field's metadata as it is now (stored with each history entry)."""
    full = field_v2(pl, field)
    keys = ("id", "type", "displayName", "description", "hasError", "options", "dateOptions", "numberOptions",
            "userOptions")
    return {key: full[key] for key in keys if key in full}


# -- records -------------------------------------------------------------------------------

def output_value(pl: Planning, field: Record, value: Any) -> Any:
    """A stored value as the API shows it (USER as string or list, REFERENCE as ``{id, externalId, value}``)."""
    type_name = field.get("type")
    if type_name == "USER":
        people = value if isinstance(value, list) else ([] if value is None else [value])
        if (field.get("userOptions") or {}).get("multipleUsersAllowed", True):
            return people
        return people[0] if people else None
    if type_name == "REFERENCE":
        ids = value if isinstance(value, list) else ([] if value is None else [value])
        records = pl.store.table(kinds.RECORD)
        out = []
        for record_id in ids:
            linked = records.get(record_id)
            out.append({"id": record_id, "externalId": None if linked is None else linked.get("externalId"),
                        "value": None if linked is None else title_of(pl, linked)})
        return out
    return value


def title_of(pl: Planning, record: Record) -> Any:
    """The record's primary field value (its title)."""
    rt = pl.store.get(kinds.RECORD_TYPE, str(record.get("recordTypeId")))
    primary = None if rt is None else rt.get("primaryFieldId")
    return (record.get("data") or {}).get(primary) if primary else None


def record_data(
    pl: Planning, record: Record, values: dict[str, Any] | None, aliased: bool, only: set[str] | None,
) -> dict[str, Any]:
    """The ``data`` object: stored and computed values keyed by field ID (alias when ``aliased``).

    ``only`` limits the output to those field IDs; system (audit) fields are always kept.
    """
    if values is None:
        values = pl.values_of(record["recordTypeId"]).get(record["ID"], record.get("data") or {}) or {}
    data: dict[str, Any] = {}
    for field in pl.fields_of(record["recordTypeId"]):
        field_id = field["ID"]
        if only is not None and field_id not in only and field["type"] not in kinds.SYSTEM_SOURCE:
            continue
        if field_id not in values:
            continue
        key = field.get("alias") or field_id if aliased else field_id
        data[key] = output_value(pl, field, values[field_id])
    return data


def record_v2(
    pl: Planning, record: Record, *, aliased: bool = False, only: set[str] | None = None,
    values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """``RecordDto``."""
    rt = pl.store.get(kinds.RECORD_TYPE, record["recordTypeId"]) or {}
    return _clean({
        "id": record["ID"],
        **audit_v2(pl, record),
        "recordTypeId": record["recordTypeId"],
        "data": record_data(pl, record, values, aliased, only),
        "thumbnailUrl": record.get("thumbnailUrl"),
        "coverImage": record.get("coverImage"),
        "recordTypeAlias": rt.get("alias") if aliased else None,
    })


def record_v1(
    pl: Planning, record: Record, *, aliased: bool = False, values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """v1 ``RecordDto``."""
    rt = pl.store.get(kinds.RECORD_TYPE, record["recordTypeId"]) or {}
    external = rt.get("externalOptions") if rt.get("isExternal") else None
    return _clean({
        "id": record["ID"],
        **audit_v1(record),
        "recordTypeId": record["recordTypeId"],
        "data": record_data(pl, record, values, aliased, None),
        "recordExternalOptions": None if not external or not record.get("externalId") else _clean({
            "connection": external.get("connection"),
            "object": external.get("object"),
            "externalId": record.get("externalId"),
            "link": record.get("externalLink"),
        }),
        "thumbnailUrl": record.get("thumbnailUrl"),
        "coverImage": record.get("coverImage"),
    })


# -- views and history ---------------------------------------------------------------------

def view_v2(pl: Planning, view: Record) -> dict[str, Any]:
    """``ViewDto``."""
    return _clean({
        "id": view["ID"],
        **audit_v2(pl, view),
        "name": view.get("name"),
        "type": view.get("type"),
        "recordTypeId": view.get("recordTypeId"),
        "filter": view.get("filter") or [],
        "grouping": view.get("grouping") or [],
        "sorting": view.get("sorting") or [],
        "metadata": view.get("metadata") or {},
        "isHidden": bool(view.get("isHidden")),
        "isPublicShared": bool(view.get("isPublicShared")),
        "isRestricted": bool(view.get("isRestricted")),
    })


def history_v2(entry: Record) -> dict[str, Any]:
    """``HistoryEntryDto``."""
    return _clean({
        "id": entry["ID"],
        "recordId": entry.get("recordId"),
        "createdBy": entry.get("createdBy"),
        "createdAt": entry.get("createdAt"),
        "fieldId": entry.get("fieldId"),
        "before": entry.get("before"),
        "after": entry.get("after"),
    })

"""Field operations (v2): list per record type, create, get, put, patch, delete.

Creating a REFERENCE field aimed at an external record type marks it ``isExternal`` and fills
``externalOptions`` from the target; ``referenceOptions.lookupFields`` creates lookup fields;
``createBackReference`` creates the reverse field on the target. Quotas answer 403 with their own codes.
"""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.planning import dto, formula, kinds
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.paging import cursor_page
from wfexplorer.demo.planning.recordtypes import new_field_doc
from wfexplorer.demo.planning.support import empty_response, json_response
from wfexplorer.demo.planning.writes import (
    check_length,
    check_unchanged,
    clean_input,
    merge,
    require_name,
    require_role,
    stamp,
)
from wfexplorer.demo.store import Record, Transaction

EDITABLE = ("displayName", "description", "options", "defaultOptions", "dateOptions", "numberOptions",
            "referenceOptions", "formulaOptions", "userOptions", "defaultUsers", "attachmentOptions",
            "isHtmlNative", "metadata")
ROLLUPS = ("sum", "avg", "min", "max", "dist", "count")
QUOTAS = (("PARAGRAPH", kinds.MAX_PARAGRAPH_FIELDS, "LONG_TEXT_FIELD_LIMIT_EXCEEDED"),
          ("FORMULA", kinds.MAX_FORMULA_FIELDS, "FORMULA_FIELD_COUNT_LIMIT_EXCEEDED"),
          ("REFERENCE", kinds.MAX_REFERENCE_FIELDS, "REFERENCE_FIELDS_COUNT_LIMIT_EXCEEDED"))


def _record_type(call: Call, role: str) -> Record:
    rt = call.pl.require(kinds.RECORD_TYPE, call.path_args["recordTypeId"])
    require_role(call, "record-types", rt, role)
    return rt


def _field(call: Call, role: str) -> tuple[Record, Record]:
    field = call.pl.require(kinds.FIELD, call.path_args["id"])
    rt = call.pl.require(kinds.RECORD_TYPE, field["recordTypeId"])
    require_role(call, "record-types", rt, role)
    return field, rt


def list_v2(call: Call) -> Response:
    rt = _record_type(call, "viewer")
    return json_response(cursor_page(call, call.pl.fields_of(rt["ID"]), lambda f: dto.field_v2(call.pl, f), 100))


def get_v2(call: Call) -> Response:
    field, _ = _field(call, "viewer")
    return json_response(dto.field_v2(call.pl, field))


def _check_unique_name(call: Call, rt_id: str, name: str, own_id: str | None) -> None:
    for other in call.pl.fields_of(rt_id):
        if other["ID"] != own_id and str(other.get("displayName", "")).strip().lower() == name.strip().lower():
            raise PlanningError(403, f"A field named '{name}' already exists in this record type.",
                                "FIELD_DISPLAY_NAME_NOT_UNIQUE", message_arguments={"displayName": name})


def _normalise_options(field_type: str, body: dict[str, Any], alias: str) -> None:
    options = body.get("options")
    if field_type not in ("SINGLE_SELECT", "MULTI_SELECT"):
        return
    if options is None:
        options = []
    if not isinstance(options, list):
        raise bad_request("'options' must be an array.", "options", "TypeMismatch")
    cleaned = []
    names: set[str] = set()
    for index, option in enumerate(options):
        if not isinstance(option, dict) or not isinstance(option.get("displayName"), str) \
                or not option["displayName"].strip():
            raise bad_request(f"Option {index} needs a displayName.", f"options[{index}].displayName", "NotBlank")
        name = str(option.get("name") or f"opt_{alias}_{index}")
        if name in names:
            raise bad_request(f"Option name '{name}' is used twice.", f"options[{index}].name")
        names.add(name)
        cleaned.append({key: value for key, value in
                        {"name": name, "displayName": option["displayName"], "color": option.get("color"),
                         "groupId": option.get("groupId")}.items() if value is not None})
    body["options"] = cleaned
    defaults = body.get("defaultOptions")
    if defaults is not None and (not isinstance(defaults, list) or any(d not in names for d in defaults)):
        raise bad_request("'defaultOptions' must name options of this field.", "defaultOptions")


_OBJECT_KEYS = ("dateOptions", "numberOptions", "formulaOptions", "userOptions", "attachmentOptions", "metadata",
                "referenceOptions")
_OWN_OPTIONS = {"options": ("SINGLE_SELECT", "MULTI_SELECT"), "defaultOptions": ("SINGLE_SELECT", "MULTI_SELECT"),
                "referenceOptions": ("REFERENCE",), "formulaOptions": ("FORMULA",), "userOptions": ("USER",),
                "defaultUsers": ("USER",), "numberOptions": ("NUMBER", "PERCENTAGE", "CURRENCY", "FORMULA"),
                "dateOptions": ("DATE", "FORMULA"), "isHtmlNative": ("PARAGRAPH",)}


def _check_shapes(body: dict[str, Any], field_type: str) -> None:
    for key in _OBJECT_KEYS:
        if body.get(key) is not None and not isinstance(body[key], dict):
            raise bad_request(f"'{key}' must be an object.", key, "TypeMismatch")
    for key in ("defaultOptions", "defaultUsers"):
        value = body.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            raise bad_request(f"'{key}' must be an array of strings.", key, "TypeMismatch")
    if body.get("isHtmlNative") is not None and not isinstance(body["isHtmlNative"], bool):
        raise bad_request("'isHtmlNative' must be true or false.", "isHtmlNative", "TypeMismatch")
    for key, types in _OWN_OPTIONS.items():
        if field_type not in types:
            body.pop(key, None)  # options of another field type do not apply and are ignored


def _validate(call: Call, rt: Record, body: dict[str, Any], field_type: str, own_id: str | None,
              alias: str) -> None:
    require_name(body, "displayName", 256)
    check_length(body, "description", 512)
    _check_shapes(body, field_type)
    _check_unique_name(call, rt["ID"], body["displayName"], own_id)
    _normalise_options(field_type, body, alias)
    number = body.get("numberOptions")
    if number is not None:
        if not isinstance(number, dict):
            raise bad_request("'numberOptions' must be an object.", "numberOptions", "TypeMismatch")
        precision = number.get("precision")
        if precision is not None and (not isinstance(precision, int) or not 0 <= precision <= 4):
            raise bad_request("'numberOptions.precision' must be between 0 and 4.", "numberOptions.precision")
    if field_type == "FORMULA":
        options = body.get("formulaOptions")
        text = options.get("formula") if isinstance(options, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise bad_request("A FORMULA field needs 'formulaOptions.formula'.", "formulaOptions.formula", "NotBlank")
        if len(text) > 50_000:
            raise bad_request("A formula is at most 50,000 characters long.", "formulaOptions.formula", "Size")
        problem = formula.check(text, lambda key: (call.pl.field_of(rt["ID"], key) or {}).get("ID"))
        if problem:
            raise bad_request(f"The formula is invalid: {problem}.", "formulaOptions.formula")
    if field_type == "USER":
        options = body.get("userOptions") or {}
        if not isinstance(options, dict):
            raise bad_request("'userOptions' must be an object.", "userOptions", "TypeMismatch")
        body["userOptions"] = {"multipleUsersAllowed": bool(options.get("multipleUsersAllowed", True))}
    if field_type == "REFERENCE":
        _validate_reference(call, body, own_id)


def _validate_reference(call: Call, body: dict[str, Any], own_id: str | None) -> None:
    options = body.get("referenceOptions")
    if not isinstance(options, dict) or not isinstance(options.get("recordTypeId"), str):
        raise bad_request("A REFERENCE field needs 'referenceOptions.recordTypeId'.", "referenceOptions.recordTypeId",
                          "NotNull")
    target = call.pl.store.get(kinds.RECORD_TYPE, options["recordTypeId"])
    if target is None:
        raise bad_request(f"Record type '{options['recordTypeId']}' does not exist.", "referenceOptions.recordTypeId")
    options = dict(options)
    options["multiple"] = bool(options.get("multiple", True))
    if target.get("isExternal"):
        external = target.get("externalOptions") or {}
        options["isExternal"] = True
        options["externalOptions"] = {
            "connectionName": str(external.get("connection") or "WORKFRONT"),
            "objectName": str(external.get("object") or (external.get("fields") or {}).get("objCode") or ""),
            **({"connectionOptions": options["externalOptions"]["connectionOptions"]}
               if isinstance(options.get("externalOptions"), dict)
               and isinstance(options["externalOptions"].get("connectionOptions"), dict) else {}),
        }
    else:
        options["isExternal"] = False
        options.pop("externalOptions", None)
    for index, lookup in enumerate(options.get("lookupFields") or []):
        if not isinstance(lookup, dict) or call.pl.field_of(target["ID"], str(lookup.get("fieldId"))) is None:
            raise bad_request("Each lookup field must name a field of the referenced record type.",
                              f"referenceOptions.lookupFields[{index}].fieldId")
        rollup = lookup.get("rollup")
        if rollup is not None and str(rollup).lower() not in ROLLUPS:
            raise bad_request(f"Unknown rollup '{rollup}'.", f"referenceOptions.lookupFields[{index}].rollup")
    body["referenceOptions"] = options


def _check_quotas(call: Call, rt: Record, field_type: str, extra: int = 0) -> None:
    fields = call.pl.fields_of(rt["ID"])
    if len(fields) + 1 + extra > kinds.MAX_FIELDS:
        raise PlanningError(403, f"A record type can have at most {kinds.MAX_FIELDS} fields.", "FIELD_LIMIT_EXCEEDED")
    for type_name, limit, code in QUOTAS:
        if field_type == type_name and sum(1 for f in fields if f.get("type") == type_name) >= limit:
            raise PlanningError(403, f"A record type can have at most {limit} {type_name} fields.", code)


def create_v2(call: Call) -> Response:
    rt = _record_type(call, "manager")
    body = clean_input(call.object_body())
    field_type = body.get("type")
    if field_type not in kinds.CREATABLE_TYPES:
        raise bad_request(f"'type' must be one of {', '.join(kinds.CREATABLE_TYPES)}; not {field_type!r}.",
                          "type", "Enum")
    taken = {f.get("alias") for f in call.pl.fields_of(rt["ID"])}
    name = body.get("displayName")
    probe = new_field_doc(call.user_id, "", rt["ID"], name if isinstance(name, str) else "field", field_type,
                          {str(t) for t in taken if t})
    _validate(call, rt, body, field_type, None, probe["alias"])
    lookups = (body.get("referenceOptions") or {}).get("lookupFields") or []
    _check_quotas(call, rt, field_type, extra=len(lookups))
    field = {**{key: body[key] for key in EDITABLE if body.get(key) is not None}, "ID": probe["ID"],
             "recordTypeId": rt["ID"], "alias": probe["alias"], "type": field_type, "_seq": probe["_seq"]}
    stamp(call, field, created=True)
    docs = [field]
    aliases = {str(t) for t in taken if t} | {field["alias"]}
    if field_type == "REFERENCE":
        options = field["referenceOptions"]
        target_id = options["recordTypeId"]
        for lookup in lookups:
            source = call.pl.field_of(target_id, str(lookup["fieldId"])) or {}
            label = f"{source.get('displayName', 'Lookup')} (from {field['displayName']})"
            doc = new_field_doc(call.user_id, field["createdAt"], rt["ID"], label, kinds.LOOKUP, aliases,
                                lookupOptions={"referenceFieldId": field["ID"], "sourceFieldId": source.get("ID"),
                                               **({"rollup": str(lookup["rollup"]).lower()}
                                                  if lookup.get("rollup") else {})})
            aliases.add(doc["alias"])
            docs.append(doc)
        if options.pop("createBackReference", False) and not options.get("isExternal"):
            target_aliases = {str(f.get("alias")) for f in call.pl.fields_of(target_id)}
            back = new_field_doc(call.user_id, field["createdAt"], target_id, f"{rt['displayName']}", "REFERENCE",
                                 target_aliases, referenceOptions={
                                     "recordTypeId": rt["ID"], "multiple": True, "isExternal": False,
                                     "backFieldId": field["ID"]})
            if any(str(f.get("displayName", "")).lower() == back["displayName"].lower()
                   for f in call.pl.fields_of(target_id)):
                back["displayName"] = f"{rt['displayName']} ({field['displayName']})"
            options["backFieldId"] = back["ID"]
            options["createBackReference"] = True
            docs.append(back)
    with call.pl.store.transaction() as tx:
        tx.put_many(kinds.FIELD, docs)
    return json_response(dto.field_v2(call.pl, field), 201)


def _update(call: Call, replace: bool) -> Response:
    field, rt = _field(call, "manager")
    body = clean_input(call.object_body())
    sent_type = body.pop("type", None)
    if sent_type is not None and sent_type != field["type"] and not (
        field["type"] not in kinds.CREATABLE_TYPES and sent_type in kinds.CREATABLE_TYPES
    ):
        raise bad_request("A field's type cannot be changed.", "type")
    if field["type"] in kinds.COMPUTED_TYPES - {"FORMULA"}:
        body = {key: body[key] for key in ("displayName", "description") if key in body}
    candidate = merge(field, body, replace, EDITABLE)
    if "displayName" not in candidate:
        raise bad_request("'displayName' must not be blank.", "displayName", "NotBlank")
    check = {key: candidate.get(key) for key in EDITABLE if candidate.get(key) is not None}
    if field["type"] == "REFERENCE" and "referenceOptions" not in body:
        check["referenceOptions"] = field.get("referenceOptions")
    _validate(call, rt, check, field["type"], field["ID"], field["alias"])
    updated = {**{k: v for k, v in candidate.items() if k not in EDITABLE}, **check}
    if field["type"] == "REFERENCE":
        updated["referenceOptions"] = {**(field.get("referenceOptions") or {}), **(check["referenceOptions"] or {}),
                                       "recordTypeId": (field.get("referenceOptions") or {}).get("recordTypeId")}
    stamp(call, updated, created=False)
    from wfexplorer.demo.planning.records import recompute_formulas

    before = {o.get("name") for o in field.get("options") or []}
    removed = before - {o.get("name") for o in updated.get("options") or []}
    with call.pl.store.transaction() as tx:
        check_unchanged(tx, kinds.FIELD, field)
        tx.put(kinds.FIELD, updated)
        if removed:
            _drop_option_values(call, tx, field, removed)
        if field["type"] == "FORMULA":
            recompute_formulas(call.pl, tx, rt["ID"], {updated["ID"]: updated})
    return json_response(dto.field_v2(call.pl, updated))


def _drop_option_values(call: Call, tx: Any, field: Record, removed: set[Any]) -> None:
    """Records stop holding options that no longer exist (a select keeps only valid values)."""
    field_id = field["ID"]
    for record in call.pl.records_of(field["recordTypeId"]):
        value = (record.get("data") or {}).get(field_id)
        if value is None:
            continue
        kept = [v for v in value if v not in removed] if isinstance(value, list) else (
            None if value in removed else value)
        if kept != value:
            data = dict(record["data"])
            if kept in (None, []):
                data.pop(field_id)
            else:
                data[field_id] = kept
            tx.put(kinds.RECORD, {**record, "data": data})


def put_v2(call: Call) -> Response:
    return _update(call, replace=True)


def patch_v2(call: Call) -> Response:
    return _update(call, replace=False)


def delete_v2(call: Call) -> Response:
    field, rt = _field(call, "manager")
    if field["type"] in kinds.SYSTEM_TYPES:
        raise bad_request("System fields cannot be deleted.", "id")
    if rt.get("primaryFieldId") == field["ID"]:
        raise bad_request("The primary field of a record type cannot be deleted.", "id")
    with call.pl.store.transaction() as tx:
        tx.delete(kinds.FIELD, field["ID"])
        gone = {field["ID"]: field["recordTypeId"]}
        for other in call.pl.store.table(kinds.FIELD).values():
            options = other.get("lookupOptions") or {}
            if field["ID"] in (options.get("referenceFieldId"), options.get("sourceFieldId")):
                tx.delete(kinds.FIELD, other["ID"])
                gone[other["ID"]] = other["recordTypeId"]
            elif (other.get("referenceOptions") or {}).get("backFieldId") == field["ID"]:
                back_options = {k: v for k, v in other["referenceOptions"].items() if k != "backFieldId"}
                tx.put(kinds.FIELD, {**other, "referenceOptions": back_options})
        _drop_values(call, tx, gone)
    return empty_response(204)


def _drop_values(call: Call, tx: Transaction, gone: dict[str, str]) -> None:
    """Remove the values of deleted fields (field ID → record type ID) from their records."""
    for rt_id in set(gone.values()):
        ids = {field_id for field_id, owner in gone.items() if owner == rt_id}
        for record in call.pl.records_of(rt_id):
            data = record.get("data") or {}
            if ids.intersection(data):
                tx.put(kinds.RECORD, {**record, "data": {k: v for k, v in data.items() if k not in ids}})

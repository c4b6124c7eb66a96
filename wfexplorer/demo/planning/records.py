"""Record operations: v2 list/create/get/put/patch/delete, history, thumbnails; v1 create/get/put/delete.

Every write stamps ``updatedBy``/``updatedAt``, recomputes formula fields, keeps back-reference fields in
step, and adds one history entry per changed field. v1 ``PUT`` merges like v2 ``PATCH`` (it is v1's only
update operation).
"""

from __future__ import annotations

import base64
from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.planning import dto, formula, kinds, query
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.paging import cursor_page, spring_page
from wfexplorer.demo.planning.recordtypes import delete_record_docs
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.support import empty_response, json_response, new_id
from wfexplorer.demo.planning.values import normalise
from wfexplorer.demo.planning.writes import check_unchanged, next_seq, now, require_role
from wfexplorer.demo.store import Record, Transaction

STATIC_PREFIX = "/maestro/static/thumbnail/"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
MAX_THUMBNAIL_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


# -- the write path ------------------------------------------------------------------------

def compute_formulas(pl: Planning, rt_id: str, record: Record, data: dict[str, Any],
                     overrides: dict[str, Record] | None = None) -> None:
    """Fill ``data`` with the values of the record type's formula fields (in place)."""
    fields = pl.fields_of(rt_id)
    formulas = [(overrides or {}).get(f["ID"], f) for f in fields if f["type"] == "FORMULA"]
    if not formulas:
        return
    values = dict(data)
    for field in fields:
        source = kinds.SYSTEM_SOURCE.get(field["type"])
        if source:
            values[field["ID"]] = record.get(source)

    def resolve(key: str) -> str | None:
        found = pl.field_of(rt_id, key)
        return None if found is None else str(found["ID"])

    for field in formulas:
        text = str((field.get("formulaOptions") or {}).get("formula", ""))
        try:
            value = formula.evaluate(text, values, resolve)
        except (formula.FormulaError, TypeError, ValueError):
            value = None
        if value is None:
            data.pop(field["ID"], None)
        else:
            data[field["ID"]] = value


def recompute_formulas(pl: Planning, tx: Transaction, rt_id: str, overrides: dict[str, Record]) -> None:
    """Recompute formula values of every record of a record type (after a formula changed)."""
    for record in pl.records_of(rt_id):
        data = dict(record.get("data") or {})
        compute_formulas(pl, rt_id, record, data, overrides)
        if data != record.get("data"):
            tx.put(kinds.RECORD, {**record, "data": data})


def write_record(
    pl: Planning, tx: Transaction, user_id: str, moment: str, rt: Record, current: Record | None,
    data: Any, *, replace: bool, position: float | None = None, workspace_id: str | None = None,
) -> Record:
    """Create (``current`` None) or update one record inside ``tx``; return the stored document."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise bad_request("'data' must be an object of field ID → value.", "data", "TypeMismatch")
    rt_id = rt["ID"]
    old = dict((current or {}).get("data") or {})
    new = {} if replace or current is None else dict(old)
    if replace and current is not None:
        for field in pl.fields_of(rt_id):
            if field["type"] == "FORMULA" and field["ID"] in old:
                new[field["ID"]] = old[field["ID"]]
    seen: set[str] = set()
    for key, value in data.items():
        field_def = pl.field_of(rt_id, str(key))
        if field_def is None:
            raise bad_request(f"Field '{key}' does not exist in record type '{rt_id}'.", f"data.{key}", "UnknownField")
        if field_def["type"] in kinds.COMPUTED_TYPES:
            continue  # read-only values in a request body are ignored
        if field_def["ID"] in seen:
            raise bad_request(f"Field '{key}' is given twice.", f"data.{key}")
        seen.add(field_def["ID"])
        stored = normalise(pl, field_def, value, old.get(field_def["ID"]), tx)
        if stored is None or stored == []:
            new.pop(field_def["ID"], None)
        else:
            new[field_def["ID"]] = stored
    if current is None:
        for field in pl.fields_of(rt_id):
            if field["ID"] in new:
                continue
            if field["type"] == "SINGLE_SELECT" and field.get("defaultOptions"):
                new[field["ID"]] = field["defaultOptions"][0]
            elif field["type"] == "MULTI_SELECT" and field.get("defaultOptions"):
                new[field["ID"]] = list(field["defaultOptions"])
            elif field["type"] == "USER" and field.get("defaultUsers"):
                new[field["ID"]] = normalise(pl, field, field["defaultUsers"], None, tx)
        record: Record = {
            "ID": new_id("record"), "recordTypeId": rt_id, "workspaceId": workspace_id or rt.get("workspaceId"),
            "createdBy": user_id, "createdAt": moment, "_pos": position if position is not None else 0.0,
        }
    else:
        check_unchanged(tx, kinds.RECORD, current)
        record = dict(current)
    record["updatedBy"] = user_id
    record["updatedAt"] = moment
    compute_formulas(pl, rt_id, record, new)
    record["data"] = new
    tx.put(kinds.RECORD, record)
    _record_history(pl, tx, user_id, moment, rt_id, record["ID"], old, new)
    _sync_back_references(pl, tx, rt_id, record["ID"], old, new)
    return record


def _record_history(pl: Planning, tx: Transaction, user_id: str, moment: str, rt_id: str, record_id: str,
                    old: dict[str, Any], new: dict[str, Any]) -> None:
    author = pl.directory.ims_of(user_id) or user_id
    base = next_seq()
    for index, field in enumerate(pl.fields_of(rt_id)):
        field_id = field["ID"]
        if field["type"] in kinds.COMPUTED_TYPES - {"FORMULA"}:
            continue
        before, after = old.get(field_id), new.get(field_id)
        if before == after:
            continue
        snapshot = dto.field_snapshot(pl, field)
        tx.put(kinds.HISTORY, {
            "ID": new_id("history"), "recordId": record_id, "createdBy": author, "createdAt": moment,
            "fieldId": field_id, "_seq": base + index,
            "before": {"value": dto.output_value(pl, field, before), "fieldSnapshot": snapshot},
            "after": {"value": dto.output_value(pl, field, after), "fieldSnapshot": snapshot},
        })


def _sync_back_references(pl: Planning, tx: Transaction, rt_id: str, record_id: str,
                          old: dict[str, Any], new: dict[str, Any]) -> None:
    for field in pl.fields_of(rt_id):
        back_id = (field.get("referenceOptions") or {}).get("backFieldId")
        if field["type"] != "REFERENCE" or not back_id:
            continue
        before, after = set(old.get(field["ID"]) or []), set(new.get(field["ID"]) or [])
        back = pl.store.get(kinds.FIELD, back_id) or {}
        single = (back.get("referenceOptions") or {}).get("multiple") is False
        for linked_id in before ^ after:
            linked = tx.get(kinds.RECORD, linked_id)
            if linked is None:
                continue
            data = dict(linked.get("data") or {})
            items = [i for i in data.get(back_id) or [] if i != record_id]
            if linked_id in after:
                if single and items:
                    raise PlanningError(
                        422, f"Record '{linked_id}' is already connected to '{items[0]}' through its single "
                             f"reference field '{back.get('displayName', back_id)}'; disconnect it there first.",
                        "BACK_REFERENCE_CONFLICT", message_arguments={"id": linked_id, "fieldId": back_id})
                items.append(record_id)
            if items:
                data[back_id] = items
            else:
                data.pop(back_id, None)
            tx.put(kinds.RECORD, {**linked, "data": data})


def next_position(pl: Planning, rt_id: str) -> float:
    """The manual-order position after the record type's last record."""
    records = pl.records_of(rt_id)
    return (float(records[-1].get("_pos", 0.0)) + 1.0) if records else 1.0


def check_record_quota(pl: Planning, rt_id: str, adding: int = 1) -> None:
    """403 when ``adding`` more records would pass 25,000 in the record type."""
    if pl.count_records(rt_id) + adding > kinds.MAX_RECORDS_PER_RECORD_TYPE:
        raise PlanningError(403, f"A record type can hold at most {kinds.MAX_RECORDS_PER_RECORD_TYPE} records.",
                            "RECORD_TYPE_RECORD_LIMIT_EXCEEDED")


# -- v2 ------------------------------------------------------------------------------------

def _record_type(call: Call, role: str) -> Record:
    rt = call.pl.require(kinds.RECORD_TYPE, call.path_args["recordTypeId"])
    require_role(call, "record-types", rt, role)
    return rt


def _record(call: Call, role: str) -> tuple[Record, Record]:
    record = call.pl.require(kinds.RECORD, call.path_args["id"])
    rt = call.pl.require(kinds.RECORD_TYPE, record["recordTypeId"])
    require_role(call, "records", record, role)
    return record, rt


def list_v2(call: Call) -> Response:
    rt = _record_type(call, "viewer")
    page = call.integer("page", 0, minimum=0)
    size = call.integer("size", 20, minimum=1)
    sort_keys = query.spring_sort(call.pl, rt["ID"], call.request.args.getlist("sort")) or [
        query.SortSpec("createdAt", False, None)]
    records = call.pl.records_of(rt["ID"])
    values = call.pl.values_of(rt["ID"])
    ordered = query.sort_records(call.pl, rt["ID"], records, values, sort_keys)
    chunk = ordered[page * size:(page + 1) * size]
    content = [dto.record_v2(call.pl, r, values=values.get(r["ID"])) for r in chunk]
    return json_response(spring_page(content, page, size, len(ordered), True))


def create_v2(call: Call) -> Response:
    rt = _record_type(call, "editor")
    body = call.object_body()
    if body.get("recordTypeId") not in (None, rt["ID"]):
        raise bad_request("'recordTypeId' in the body does not match the path.", "recordTypeId")
    record = _create(call, rt, body)
    return json_response(dto.record_v2(call.pl, record), 201)


def _create(call: Call, rt: Record, body: dict[str, Any]) -> Record:
    check_record_quota(call.pl, rt["ID"])
    with call.pl.store.transaction() as tx:
        return write_record(call.pl, tx, call.user_id, now(call), rt, None, body.get("data"), replace=True,
                            position=next_position(call.pl, rt["ID"]))


def get_v2(call: Call) -> Response:
    record, _ = _record(call, "viewer")
    return json_response(dto.record_v2(call.pl, record))


def _update(call: Call, replace: bool) -> Record:
    record, rt = _record(call, "editor")
    body = call.object_body()
    if body.get("recordTypeId") not in (None, rt["ID"]):
        raise bad_request("A record cannot move to another record type.", "recordTypeId")
    with call.pl.store.transaction() as tx:
        return write_record(call.pl, tx, call.user_id, now(call), rt, record, body.get("data"), replace=replace)


def put_v2(call: Call) -> Response:
    return json_response(dto.record_v2(call.pl, _update(call, replace=True)))


def patch_v2(call: Call) -> Response:
    return json_response(dto.record_v2(call.pl, _update(call, replace=False)))


def delete_v2(call: Call) -> Response:
    record, _ = _record(call, "editor")
    with call.pl.store.transaction() as tx:
        delete_record_docs(call.pl, tx, record)
        _sync_back_references(call.pl, tx, record["recordTypeId"], record["ID"], record.get("data") or {}, {})
    return empty_response(204)


def history_v2(call: Call) -> Response:
    record, _ = _record(call, "viewer")
    entries = [e for e in call.pl.store.table(kinds.HISTORY).values() if e.get("recordId") == record["ID"]]
    entries.sort(key=lambda e: (e.get("_seq", 0), e["ID"]), reverse=True)
    return json_response(cursor_page(call, entries, dto.history_v2, 50, reverse=True))


def upload_thumbnail_v2(call: Call) -> Response:
    record, _ = _record(call, "editor")
    if (call.request.content_length or 0) > MAX_UPLOAD_BYTES:
        raise PlanningError(413, "The upload is too large.", "UPLOAD_SIZE_EXCEEDED")
    if not (call.request.mimetype or "").startswith("multipart/form-data"):
        raise bad_request("Send the thumbnail as multipart/form-data with a part named 'file'.", "file")
    upload = call.request.files.get("file")
    if upload is None:
        raise bad_request("The multipart part 'file' is missing.", "file", "NotNull")
    content = upload.read(MAX_THUMBNAIL_BYTES + 1)
    if not content:
        raise PlanningError(400, "The thumbnail file is empty.", "THUMBNAIL_EMPTY")
    if len(content) > MAX_THUMBNAIL_BYTES:
        raise PlanningError(400, "The thumbnail is larger than 5 MB.", "THUMBNAIL_SIZE_EXCEEDED")
    if content.startswith(_PNG):
        extension = "png"
        if len(content) < 24 or content[12:16] != b"IHDR":
            raise PlanningError(400, "The PNG file is damaged.", "THUMBNAIL_INVALID_CONTENT")
    elif content.startswith(_JPEG):
        extension = "jpg"
    else:
        raise PlanningError(400, "The thumbnail must be a PNG or JPEG image.", "THUMBNAIL_INVALID_FORMAT")
    token = new_id("record")[2:]
    url = f"{STATIC_PREFIX}{record['ID']}/{token}.{extension}"
    updated = {**record, "thumbnailUrl": url, "coverImage": {"url": url, "position": 0},
               "updatedBy": call.user_id, "updatedAt": now(call)}
    with call.pl.store.transaction() as tx:
        tx.put(kinds.RECORD, updated)
        old_token = _thumbnail_token(record)
        if old_token:
            tx.delete(kinds.THUMBNAIL, old_token)
        content_type = "image/png" if extension == "png" else "image/jpeg"
        tx.put(kinds.THUMBNAIL, {"ID": token, "recordId": record["ID"], "contentType": content_type,
                                 "data": base64.b64encode(content).decode()})
    return json_response(dto.record_v2(call.pl, updated), 201)


def _thumbnail_token(record: Record) -> str | None:
    url = str(record.get("thumbnailUrl") or "")
    if not url.startswith(STATIC_PREFIX):
        return None
    return url.rsplit("/", 1)[-1].split(".", 1)[0]


def serve_thumbnail(pl: Planning, path: str) -> Response:
    """``GET /maestro/static/thumbnail/{recordId}/{token}.{png|jpg}``: the uploaded image (no auth, like a CDN)."""
    token = path.rsplit("/", 1)[-1].split(".", 1)[0]
    image = pl.store.get(kinds.THUMBNAIL, token)
    if image is None or not path.startswith(f"{STATIC_PREFIX}{image['recordId']}/"):
        raise PlanningError(404, "No such thumbnail.", "NOT_FOUND")
    response = Response(base64.b64decode(image["data"]), mimetype=image["contentType"])
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def delete_thumbnail_v2(call: Call) -> Response:
    record, _ = _record(call, "editor")
    if record.get("thumbnailUrl") or record.get("coverImage"):
        updated = {key: value for key, value in record.items() if key not in ("thumbnailUrl", "coverImage")}
        updated.update({"updatedBy": call.user_id, "updatedAt": now(call)})
        with call.pl.store.transaction() as tx:
            tx.put(kinds.RECORD, updated)
            old_token = _thumbnail_token(record)
            if old_token:
                tx.delete(kinds.THUMBNAIL, old_token)
    return empty_response(204)


# -- v1 ------------------------------------------------------------------------------------

def create_v1(call: Call) -> Response:
    body = call.object_body()
    rt_id = body.get("recordTypeId")
    if not isinstance(rt_id, str) or not rt_id:
        raise bad_request("'recordTypeId' is required.", "recordTypeId", "NotNull")
    rt = call.pl.require(kinds.RECORD_TYPE, rt_id)
    require_role(call, "record-types", rt, "editor")
    record = _create(call, rt, body)
    return json_response(dto.record_v1(call.pl, record))


def get_v1(call: Call) -> Response:
    record, _ = _record(call, "viewer")
    from wfexplorer.demo.planning.v1attrs import project

    return json_response(project(call, dto.record_v1(call.pl, record, aliased=call.flag("aliased"))))


def update_v1(call: Call) -> Response:
    replace = call.pl.options.get("v1_put") == "replace"
    return json_response(dto.record_v1(call.pl, _update(call, replace=replace)))


def delete_v1(call: Call) -> Response:
    delete_v2(call)
    return empty_response(200)

"""Bulk record operations (v2 create/put/patch/delete) and move.

Rows are independent: each one is applied in its own store transaction, so a failing row changes nothing and
the others still apply. All rows fine → 201 (create) or 200; some failed → 207 ``partial``; all failed →
207 ``failed``. More than 100 rows → 400 (``bulk_over_limit=truncate``: the first 100 are processed and the
rest reported in ``errors[].affectedIds``). Move is all-or-nothing: 200 on success, 207 with nothing moved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.wrappers import Response

from wfexplorer.demo.planning import dto, kinds
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.records import _sync_back_references, check_record_quota, next_position, write_record
from wfexplorer.demo.planning.recordtypes import delete_record_docs
from wfexplorer.demo.planning.support import json_response
from wfexplorer.demo.planning.writes import now, require_role
from wfexplorer.demo.store import Record

Row = Callable[[int, Any], dict[str, Any]]


def _record_type(call: Call) -> Record:
    rt = call.pl.require(kinds.RECORD_TYPE, call.path_args["recordTypeId"])
    require_role(call, "record-types", rt, "editor")
    return rt


def _rows(call: Call, items: Any, name: str) -> tuple[list[Any], list[dict[str, Any]]]:
    if not isinstance(items, list):
        raise bad_request(f"The request body must be a JSON array of {name}.")
    if not items:
        raise bad_request(f"At least one {name[:-1]} is required.", None)
    errors: list[dict[str, Any]] = []
    if len(items) > kinds.MAX_BULK:
        if call.pl.options.get("bulk_over_limit") != "truncate":
            raise bad_request(f"A bulk request takes at most {kinds.MAX_BULK} items, not {len(items)}.", None, "Size")
        skipped = items[kinds.MAX_BULK:]
        errors.append({
            "code": "RATE_LIMIT_EXCEEDED",
            "message": f"Bulk operation limit of {kinds.MAX_BULK} items per request exceeded; "
                       f"{len(skipped)} items were skipped.",
            "affectedIds": [str(i.get("id")) if isinstance(i, dict) and i.get("id") else str(i)
                            for i in skipped],
        })
        items = items[:kinds.MAX_BULK]
    return items, errors


def _envelope(call: Call, results: list[dict[str, Any]], errors: list[dict[str, Any]], ok_status: int) -> Response:
    succeeded = sum(1 for r in results if r["status"] == "success")
    failed = len(results) - succeeded
    status = "success" if failed == 0 and not errors else ("failed" if succeeded == 0 else "partial")
    body = {"status": status, "total": len(results), "succeeded": succeeded, "failed": failed,
            "requestId": call.request_id, "errors": errors, "results": results}
    return json_response(body, ok_status if failed == 0 else 207)


def _apply(call: Call, items: list[Any], row: Row) -> list[dict[str, Any]]:
    results = []
    for index, item in enumerate(items):
        try:
            results.append({"requestIndex": index, **row(index, item)})
        except PlanningError as error:
            result: dict[str, Any] = {"requestIndex": index, "status": "error", "error": {
                "code": error.error_code, "message": error.detail,
                "details": {**error.message_arguments, **({"errors": error.errors} if error.errors else {})}}}
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                result["id"] = item["id"]
            results.append(result)
    return results


def create_v2(call: Call) -> Response:
    rt = _record_type(call)
    items, errors = _rows(call, call.body(), "records")
    aliased = call.flag("aliased")

    def row(index: int, item: Any) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise bad_request("Each item must be a record object.")
        check_record_quota(call.pl, rt["ID"])
        with call.pl.store.transaction() as tx:
            record = write_record(call.pl, tx, call.user_id, now(call), rt, None, item.get("data"), replace=True,
                                  position=next_position(call.pl, rt["ID"]))
        return {"id": record["ID"], "status": "success", "record": dto.record_v2(call.pl, record, aliased=aliased)}

    return _envelope(call, _apply(call, items, row), errors, 201)


def _update(call: Call, replace: bool) -> Response:
    rt = _record_type(call)
    items, errors = _rows(call, call.body(), "records")
    aliased = call.flag("aliased")

    def row(index: int, item: Any) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise bad_request("Each item must be a record object.")
        record_id = item.get("id")
        if not isinstance(record_id, str) or not record_id:
            raise bad_request("Each item needs the 'id' of the record to change.", "id", "NotNull")
        current = call.pl.store.get(kinds.RECORD, record_id)
        if current is None or current.get("recordTypeId") != rt["ID"]:
            raise call.pl.not_found(kinds.RECORD, record_id)
        with call.pl.store.transaction() as tx:
            record = write_record(call.pl, tx, call.user_id, now(call), rt, current, item.get("data"),
                                  replace=replace)
        return {"id": record_id, "status": "success", "record": dto.record_v2(call.pl, record, aliased=aliased)}

    return _envelope(call, _apply(call, items, row), errors, 200)


def put_v2(call: Call) -> Response:
    return _update(call, replace=True)


def patch_v2(call: Call) -> Response:
    return _update(call, replace=False)


def delete_v2(call: Call) -> Response:
    rt = _record_type(call)
    body = call.body()
    if not isinstance(body, dict) or not isinstance(body.get("ids"), list):
        raise bad_request("The request body must be {\"ids\": [record IDs]}.", "ids", "NotNull")
    items, errors = _rows(call, body["ids"], "ids")

    def row(index: int, record_id: Any) -> dict[str, Any]:
        if not isinstance(record_id, str):
            raise bad_request("Each id must be a string.", f"ids[{index}]")
        current = call.pl.store.get(kinds.RECORD, record_id)
        if current is None or current.get("recordTypeId") != rt["ID"]:
            raise call.pl.not_found(kinds.RECORD, record_id)
        with call.pl.store.transaction() as tx:
            delete_record_docs(call.pl, tx, current)
            _sync_back_references(call.pl, tx, rt["ID"], record_id, current.get("data") or {}, {})
        return {"id": record_id, "status": "success"}

    results = _apply(call, items, row)
    for result, record_id in zip(results, items, strict=True):
        if result["status"] == "error" and isinstance(record_id, str):
            result["id"] = record_id
    return _envelope(call, results, errors, 200)


def move_v2(call: Call) -> Response:
    rt = _record_type(call)
    body = call.object_body()
    ids = body.get("recordIds")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i for i in ids):
        raise bad_request("'recordIds' must be a non-empty array of record IDs.", "recordIds", "NotEmpty")
    if len(ids) > kinds.MAX_BULK:
        raise bad_request(f"At most {kinds.MAX_BULK} records can be moved at once.", "recordIds", "Size")
    anchors = [key for key in ("putAfterRecordId", "putBeforeRecordId") if body.get(key) is not None]
    if len(anchors) != 1:
        raise bad_request("Give exactly one of 'putAfterRecordId' and 'putBeforeRecordId'.", "putAfterRecordId")
    anchor_id = body[anchors[0]]
    records = call.pl.records_of(rt["ID"])
    anchor = call.pl.store.get(kinds.RECORD, str(anchor_id))
    if anchor is None or anchor.get("recordTypeId") != rt["ID"]:
        raise call.pl.not_found(kinds.RECORD, str(anchor_id))
    problems: dict[int, PlanningError] = {}
    for index, record_id in enumerate(ids):
        current = call.pl.store.get(kinds.RECORD, record_id)
        if current is None or current.get("recordTypeId") != rt["ID"]:
            problems[index] = call.pl.not_found(kinds.RECORD, record_id)
        elif record_id == anchor_id:
            problems[index] = bad_request("A record cannot be moved relative to itself.", "recordIds")
        elif record_id in ids[:index]:
            problems[index] = bad_request(f"Record '{record_id}' is listed twice.", "recordIds")
    if problems:
        results = []
        for index, record_id in enumerate(ids):
            error = problems.get(index) or PlanningError(409, "Not moved: another record of the request failed.",
                                                         "MOVE_ABORTED")
            results.append({"requestIndex": index, "id": record_id, "status": "error",
                            "error": {"code": error.error_code, "message": error.detail,
                                      "details": dict(error.message_arguments)}})
        return _envelope(call, results, [], 200)
    remaining = [r for r in records if r["ID"] not in set(ids)]
    position = next(i for i, r in enumerate(remaining) if r["ID"] == anchor_id)
    before = remaining[position] if anchors[0] == "putAfterRecordId" else (
        remaining[position - 1] if position > 0 else None)
    after = remaining[position + 1] if anchors[0] == "putAfterRecordId" and position + 1 < len(remaining) else (
        remaining[position] if anchors[0] == "putBeforeRecordId" else None)
    low = float(before["_pos"]) if before is not None else float(after["_pos"]) - len(ids) - 1 if after else 0.0
    high = float(after["_pos"]) if after is not None else low + len(ids) + 1
    step = (high - low) / (len(ids) + 1)
    results = []
    moment = now(call)
    with call.pl.store.transaction() as tx:
        for index, record_id in enumerate(ids):
            current = call.pl.store.get(kinds.RECORD, record_id) or {}
            updated = {**current, "_pos": low + step * (index + 1), "updatedBy": call.user_id, "updatedAt": moment}
            tx.put(kinds.RECORD, updated)
            results.append({"requestIndex": index, "id": record_id, "status": "success",
                            "record": dto.record_v2(call.pl, updated)})
    return _envelope(call, results, [], 200)

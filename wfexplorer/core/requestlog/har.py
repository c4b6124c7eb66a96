"""Export request-log entries as HAR 1.2, the format browsers' developer tools, Postman and Insomnia import.

    write_har("session.har", log.entries())

Each attempt of an entry is one HAR entry (a retried call shows every try, with ``_callId`` and
``_attempt`` to group them). Everything comes from the log, which holds only redacted data, so the file
holds no secret either. Attempts that got no answer have status 0 and say why in ``_error`` (as browsers
write failed requests). Bodies the log cut short or let go of say so in ``content.comment``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import wfexplorer
from wfexplorer.core.files import write_text_atomic
from wfexplorer.core.requestlog.entry import LogEntry
from wfexplorer.core.transport import RequestEvent

HAR_VERSION = "1.2"


def har_document(entries: Iterable[LogEntry]) -> dict[str, Any]:
    """The HAR document (``{"log": …}``) of ``entries``, one HAR entry per attempt, oldest first."""
    har_entries = [_entry(attempt) for entry in entries for attempt in entry.attempts]
    har_entries.sort(key=lambda item: item["startedDateTime"])
    return {
        "log": {
            "version": HAR_VERSION,
            "creator": {"name": "wfexplorer", "version": wfexplorer.__version__},
            "entries": har_entries,
        }
    }


def write_har(path: Any, entries: Iterable[LogEntry]) -> int:
    """Write ``entries`` as a HAR file (atomically, UTF-8); return how many HAR entries it holds."""
    document = har_document(entries)
    write_text_atomic(Path(path), json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return len(document["log"]["entries"])


def _pairs(pairs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in pairs]


def _entry(event: RequestEvent) -> dict[str, Any]:
    started = dt.datetime.fromtimestamp(event.started_at, tz=dt.UTC)
    elapsed = round(event.duration_ms, 3)
    entry: dict[str, Any] = {
        "startedDateTime": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "time": elapsed,
        "request": _request(event),
        "response": _response(event),
        "cache": {},
        "timings": {"send": 0, "wait": elapsed, "receive": 0},
        "_callId": event.call_id,
        "_attempt": event.attempt,
    }
    if event.error:
        entry["_error"] = event.error
    return entry


def _request(event: RequestEvent) -> dict[str, Any]:
    sent = event.request
    request: dict[str, Any] = {
        "method": event.method,
        "url": event.url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": _pairs(sent.headers) if sent else [],
        "queryString": _pairs(sent.query) if sent else [],
        "headersSize": -1,
        "bodySize": sent.body_size if sent else 0,
    }
    if sent is not None and sent.body_kind != "none":
        mime = sent.content_type or "application/octet-stream"
        if sent.body_kind == "form":
            request["postData"] = {"mimeType": mime, "params": _pairs(sent.form)}
        elif sent.body_kind == "json":
            request["postData"] = {"mimeType": mime, "text": json.dumps(sent.json, ensure_ascii=False)}
        else:
            request["postData"] = {"mimeType": mime, "text": sent.text or ""}
    return request


def _response(event: RequestEvent) -> dict[str, Any]:
    received = event.response
    if received is None:
        return {"status": 0, "statusText": "", "httpVersion": "", "cookies": [], "headers": [],
                "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": -1, "bodySize": -1}
    content: dict[str, Any] = {"size": received.size, "mimeType": received.content_type or ""}
    if received.text is not None:
        content["text"] = received.text
    if received.truncated:
        content["comment"] = f"cut to the first {len(received.text or ''):,} characters of {received.size:,} bytes"
    elif received.body_released:
        content["comment"] = "body not kept: the request log keeps the bodies of its newest entries only"
    response: dict[str, Any] = {
        "status": received.status,
        "statusText": received.reason,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": _pairs(received.headers),
        "content": content,
        "redirectURL": received.header("Location") or "",
        "headersSize": -1,
        "bodySize": received.size,
    }
    for key, value in (("_serverRequestId", received.server_request_id), ("_errorClass", received.error_class),
                       ("_errorCode", received.error_code)):
        if value:
            response[key] = value
    return response

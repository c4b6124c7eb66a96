"""HAR 1.2 export of the request log, read back with a HAR reader (haralyzer): the same requests come back."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from haralyzer import HarParser

from wfexplorer.core import errors
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.requestlog import RequestLog
from wfexplorer.core.requestlog.har import har_document, write_har
from wfexplorer.core.transport import Transport


def browsed_log(server: Any) -> RequestLog:
    log = RequestLog()
    session = Session("demo", api_version="v21.0", url_template=base_url_template(server.base_url), use_cache=False,
                      transport=Transport(max_retries=0))
    session.subscribe(log.add)
    session.login("admin", "demo")
    session.search("PROJ", status="CUR", fields=["name"])
    session.post("/proj", {"name": "HAR export project"})
    with contextlib.suppress(errors.WorkfrontError):  # the failed request is what the log should show
        session.get("/proj/noSuchOperation")
    session.close()
    return log


def test_the_exported_file_reads_back_as_the_same_requests(demo_server: Any, tmp_path: Path) -> None:
    log = browsed_log(demo_server)
    path = tmp_path / "session.har"
    assert write_har(path, log.entries()) == len(log)
    parser = HarParser.from_file(str(path))
    assert parser.version == "1.2" and parser.creator["name"] == "wfexplorer"
    entries = [entry for page in parser.pages for entry in page.entries]
    shown = [(entry.request.method, entry.request.url, entry.response.status) for entry in entries]
    assert shown == [(e.method, e.url, e.status) for e in log.entries()]
    search = next(entry for entry in entries if "/search" in entry.request.url)
    assert {"name": "status", "value": "CUR"} in search.request.queryString
    assert json.loads(search.response.text)["data"]
    login = entries[0]
    assert {"name": "password", "value": "***"} in login.request.raw_entry["postData"]["params"]
    failed = next(entry for entry in entries if entry.response.status == 400)
    assert "Exception" in failed.response.raw_entry["_errorClass"]


def test_only_the_selected_entries_are_exported(demo_server: Any) -> None:
    log = browsed_log(demo_server)
    chosen = [entry for entry in log.entries() if entry.method == "POST"]
    document = har_document(chosen)
    assert [item["request"]["method"] for item in document["log"]["entries"]] == ["POST"] * len(chosen)
    assert len(chosen) == 2

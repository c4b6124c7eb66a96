"""The console's request: an editable description of one API call, and sending it through core's clients.

    request = ConsoleRequest("classic", "GET", "/proj/search", params=(("status", "CUR"),))
    reply = send(request, session=session)                       # session.request(...)
    request = ConsoleRequest("planning", "POST", "/records/search", body='{"recordTypeId": "…"}')
    reply = send(request, planning=client)                       # the Planning connection's call
    request = request_from_entry(log_entry)                      # "open in console" from the request log

Classic requests name the Workfront method (``GET`` … or an action method) and a path under the API root
(``/proj/search``), with parameters; Planning requests an HTTP method and a path under
``/maestro/api/v{n}`` (``/workspaces``), with query parameters and a JSON body. With ``read_only=True``
a write is refused before anything is sent (the connection's own guard does the same once it has one).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Literal

from wfexplorer.core import errors
from wfexplorer.core.classic.session import Session
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.requestlog.entry import LogEntry
from wfexplorer.core.snippets.call import Form, Json, call_from_event, workfront_method

Api = Literal["classic", "planning"]
#: The refusal of a write on a read-only profile (the connection's ReadOnlyError, where core has it).
ReadOnlyRefusal: type[errors.WorkfrontError] = getattr(errors, "ReadOnlyError", errors.PermissionError)
#: Planning POSTs that only read.
_READING_POSTS = frozenset({"search"})


@dataclass(frozen=True)
class ConsoleRequest:
    """One call as the console edits it (see the module docstring for what each API expects)."""

    api: Api
    method: str
    path: str
    params: tuple[tuple[str, str], ...] = ()
    #: Planning only: the JSON body as text (empty for none).
    body: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", self.method.strip().upper())
        path = self.path.strip()
        object.__setattr__(self, "path", path if path.startswith("/") else "/" + path)
        object.__setattr__(self, "params", tuple((str(k), str(v)) for k, v in self.params))

    @property
    def is_write(self) -> bool:
        """Whether sending it may change data (anything but a classic GET, a Planning GET or record search)."""
        if self.api == "classic":
            return self.method != "GET"
        return self.method != "GET" and self.path.rstrip("/").rsplit("/", 1)[-1] not in _READING_POSTS

    def problems(self) -> dict[str, str]:
        """What keeps it from being sent, by field (``method``, ``path``, ``body``); empty when it can go."""
        found: dict[str, str] = {}
        if not self.method or not self.method.isalpha():
            found["method"] = "Enter a method such as GET, POST, PUT or DELETE."
        if self.path in ("", "/"):
            found["path"] = "Enter a path such as /proj/search." if self.api == "classic" else \
                "Enter a path such as /workspaces."
        if self.body.strip():
            if self.api == "classic":
                found["body"] = "Classic requests take parameters, not a JSON body."
            else:
                try:
                    json.loads(self.body)
                except ValueError as problem:
                    found["body"] = f"The body is not valid JSON: {problem}"
        return found

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for the history file)."""
        return {"api": self.api, "method": self.method, "path": self.path, "params": [list(p) for p in self.params],
                "body": self.body}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ConsoleRequest:
        """The inverse of :meth:`to_dict`; raises ValueError/TypeError/KeyError on a malformed one."""
        api = values["api"]
        if api not in ("classic", "planning"):
            raise ValueError(f"unknown API {api!r}")
        params = tuple((str(name), str(value)) for name, value in values.get("params", []))
        return cls(api, str(values["method"]), str(values["path"]), params, str(values.get("body", "")))


@dataclass(frozen=True)
class ConsoleReply:
    """What came back: the classic ``data`` element or the Planning body, with the status when known."""

    request: ConsoleRequest
    data: Any
    duration_ms: float
    status: int | None = None
    server_request_id: str | None = None


def request_from_entry(entry: LogEntry) -> ConsoleRequest:
    """The console request that repeats a log entry (its redacted parameters: secrets show as ``***``)."""
    call = call_from_event(entry.last)
    target = call.target
    if target.api == "classic":
        method, params = workfront_method(call)
        return ConsoleRequest("classic", method, target.path, params)
    if target.api == "planning":
        body = json.dumps(call.body.value, indent=2, ensure_ascii=False) if isinstance(call.body, Json) else ""
        if isinstance(call.body, Form):
            raise errors.ValidationError("This Planning request sent a form; the console sends JSON bodies.")
        return ConsoleRequest("planning", call.method, "/" + "/".join(target.segments), call.params, body)
    raise errors.ValidationError(
        f"{entry.url.split('?')[0]} is not a classic or Planning API address; the console sends API requests only."
    )


def send(request: ConsoleRequest, *, session: Session | None = None, planning: PlanningClient | None = None,
         read_only: bool = False) -> ConsoleReply:
    """Send ``request`` through the classic session or the Planning client; raises the error tree's errors."""
    problems = request.problems()
    if problems:
        raise errors.ValidationError(" ".join(problems.values()), field_errors={k: [v] for k, v in problems.items()})
    if read_only and request.is_write:
        raise ReadOnlyRefusal(f"This profile is read-only, so the console did not send {request.method} "
                              f"{request.path}: it could change data.")
    started = time.perf_counter()
    if request.api == "classic":
        if session is None:
            raise errors.ValidationError("There is no classic session to send this request with.")
        data = session.request(request.method, request.path, list(request.params))
        return ConsoleReply(request, data, (time.perf_counter() - started) * 1000)
    if planning is None:
        raise errors.ValidationError("This connection has no Planning access (Planning needs an OAuth 2.0 sign-in).")
    segments = _planning_segments(request.path, planning.version)
    names = [name for name, _ in request.params]
    if len(set(names)) < len(names):
        raise errors.ValidationError("Planning takes each query parameter once; remove the repeated ones.")
    body = json.loads(request.body) if request.body.strip() else None
    reply = planning.connection.call(request.method, segments, params=dict(request.params) or None, json=body,
                                     send_json=body is not None)
    return ConsoleReply(request, reply.body, (time.perf_counter() - started) * 1000, reply.status, reply.request_id)


def _planning_segments(path: str, version: int) -> tuple[str, ...]:
    segments = tuple(segment for segment in path.strip("/").split("/") if segment)
    if segments and segments[0] in ("maestro", "api"):
        raise errors.ValidationError("Give the path under /maestro/api/v{n}, such as /workspaces.")
    if segments and len(segments[0]) == 2 and segments[0][0] == "v" and segments[0][1].isdigit():
        if segments[0] != f"v{version}":
            raise errors.ValidationError(f"This connection speaks Planning v{version}, not {segments[0]}.")
        segments = segments[1:]
    if not segments:
        raise errors.ValidationError("Enter a path such as /workspaces.")
    return segments

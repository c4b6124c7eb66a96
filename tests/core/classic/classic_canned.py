"""Helpers for the classic client tests: a canned HTTP server (real loopback HTTP) and the reference fixtures.

``canned`` answers each ``(method, path)`` with a body the test chose and records every request
(method, path, query, form, headers), so wire-format tests need no simulator and no mocking.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fixture_files import fixture_path
from fixture_files import fixture_text as shipped_text
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template

FIXTURES = fixture_path("classic")
API_ROOT = "/attask/api/v21.0"


def fixture_text(name: str) -> str:
    """Return a recorded classic response's exact text (``tests/fixtures/classic/<name>``)."""
    return shipped_text("classic", name)


@dataclass
class Recorded:
    """One request the canned server received."""

    method: str
    path: str
    query: dict[str, list[str]]
    form: dict[str, list[str]]
    headers: dict[str, str]

    def param(self, name: str) -> str | None:
        """Return a parameter from the query or the form body (query first)."""
        values = self.query.get(name) or self.form.get(name)
        return values[0] if values else None


Handler = Callable[[Request], Response]


@dataclass
class CannedServer:
    """A loopback server whose answers tests set per (method, path suffix)."""

    base_url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    routes: dict[tuple[str, str], Handler] = field(default_factory=dict)

    def answer(self, method: str, path: str, body: Any, status: int = 200,
               headers: dict[str, str] | None = None) -> None:
        """Answer ``method path`` (path after the API root) with ``body`` (str as is, else JSON)."""
        text = body if isinstance(body, str) else json.dumps(body)

        def handler(request: Request) -> Response:
            return Response(text, status=status, headers=headers or {}, mimetype="application/json")

        self.routes[(method.upper(), path)] = handler

    def answer_with(self, method: str, path: str, handler: Handler) -> None:
        """Answer ``method path`` with a function of the request."""
        self.routes[(method.upper(), path)] = handler

    def session(self, **kwargs: Any) -> Session:
        """Return a Session on this server (API v21.0, no disk cache unless asked)."""
        kwargs.setdefault("use_cache", False)
        return Session("canned", api_version="v21.0", url_template=base_url_template(self.base_url), **kwargs)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        form = {key: request.form.getlist(key) for key in request.form}
        self.requests.append(Recorded(request.method, request.path, {k: request.args.getlist(k) for k in request.args},
                                      form, dict(request.headers)))
        path = request.path[len(API_ROOT):] if request.path.startswith(API_ROOT) else request.path
        method = (request.values.get("method") or request.method).upper()
        handler = self.routes.get((method, path)) or self.routes.get((request.method, path))
        if handler is None:
            response = Response(json.dumps({"error": {"class": "test", "message": f"no route {method} {path}"}}),
                                status=404, mimetype="application/json")
        else:
            response = handler(request)
        return response(environ, start_response)


def start_canned() -> tuple[CannedServer, Any, threading.Thread]:
    """Start a canned server; return it with its HTTP server and thread (stop with ``stop_canned``)."""
    server = CannedServer()
    httpd = make_server("127.0.0.1", 0, server, threaded=True)
    server.base_url = f"http://127.0.0.1:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return server, httpd, thread


def stop_canned(httpd: Any, thread: threading.Thread) -> None:
    """Stop a server started by ``start_canned``."""
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


ROLE_LIST = {"data": {"objects": {
    "Role": {"name": "Role", "label": "Job Role", "objCode": "ROLE", "url": "x"},
    "User": {"name": "User", "label": "User", "objCode": "USER", "url": "x"},
    "OpTask": {"name": "OpTask", "label": "Issue", "objCode": "OPTASK", "url": "x"},
}}}

USER_META = {"data": {
    "name": "User", "label": "User", "objCode": "USER",
    "fields": {"ID": {"fieldType": "string", "label": "ID"}, "name": {"fieldType": "string", "label": "Name"},
               "emailAddr": {"fieldType": "string", "label": "Email Address"},
               "username": {"fieldType": "string", "label": "Username"}},
    "references": {"homeRole": {"fieldType": "Role", "typeObjCode": "ROLE", "label": "Home Role"}},
    "collections": {}, "actions": {}, "queries": {}, "operations": ["get", "search"],
}}

ISSUE_META = {"data": {
    "name": "OpTask", "label": "Issue", "objCode": "OPTASK",
    "fields": {"ID": {"fieldType": "string"}, "name": {"fieldType": "string"},
               "previousStatus": {"fieldType": "string"}, "projectID": {"fieldType": "string"},
               "status": {"fieldType": "string", "enumType": "OpTaskStatusEnum",
                          "possibleValues": [{"value": "NEW", "label": "New"}, {"value": "CLS", "label": "Closed"}]}},
    "references": {"owner": {"fieldType": "User", "typeObjCode": "USER"}},
    "collections": {"resolvables": {"fieldType": "OpTask", "typeObjCode": "OPTASK"}},
    "actions": {"markDone": {"arguments": [{"name": "status", "type": "string"}], "label": "markDone"},
                "assignMultiple": {"arguments": [{"name": "userIDs", "type": "string[]"},
                                                 {"name": "teamID", "type": "string"}],
                                   "resultType": "string", "label": "assignMultiple"}},
    "queries": {}, "operations": ["add", "edit", "get", "search", "delete"],
}}


def serve_metadata(canned: CannedServer) -> CannedServer:
    """Make ``canned`` serve metadata for ROLE (the reference fixture), USER and OPTASK."""
    canned.answer("GET", "/metadata", ROLE_LIST)
    canned.answer("GET", "/role/metadata", fixture_text("metadata.json"))
    canned.answer("GET", "/user/metadata", USER_META)
    canned.answer("GET", "/optask/metadata", ISSUE_META)
    return canned

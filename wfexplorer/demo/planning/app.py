"""The Planning API surface (``/maestro/api/v1`` and ``/maestro/api/v2``): routing, auth, error rendering.

Only ``Authorization: Bearer <token>`` authenticates (the demo access token and OAuth access tokens); classic
``/login`` sessions, ``sessionID`` and ``apiKey`` are refused as the Planning basics page says. Every answer
carries an ``X-Request-Id``; v2 errors are problem details and v1 errors ``{type, title, report}``.
"""

from __future__ import annotations

import logging
import random
import re
import uuid
from collections.abc import Callable

from werkzeug.wrappers import Request, Response

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.planning import bulk, fields, permissions, records, recordtypes, search, views, workspaces
from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import PlanningError, bad_request, render
from wfexplorer.demo.planning.service import Planning

log = logging.getLogger(__name__)
Handler = Callable[[Call], Response]
PREFIX = "/maestro/api"

_ROUTES: list[tuple[str, str, Handler]] = [
    # v1 (10 operations)
    ("GET", "/v1/workspaces", workspaces.list_v1),
    ("GET", "/v1/workspaces/{id}", workspaces.get_v1),
    ("GET", "/v1/record-types", recordtypes.list_v1),
    ("GET", "/v1/record-types/{id}", recordtypes.get_v1),
    ("POST", "/v1/records", records.create_v1),
    ("GET", "/v1/records/search", search.search_v1_get),
    ("POST", "/v1/records/search", search.search_v1_post),
    ("GET", "/v1/records/{id}", records.get_v1),
    ("PUT", "/v1/records/{id}", records.update_v1),
    ("DELETE", "/v1/records/{id}", records.delete_v1),
    # v2 workspaces
    ("GET", "/v2/workspaces", workspaces.list_v2),
    ("POST", "/v2/workspaces", workspaces.create_v2),
    ("GET", "/v2/workspaces/{id}", workspaces.get_v2),
    ("PUT", "/v2/workspaces/{id}", workspaces.put_v2),
    ("PATCH", "/v2/workspaces/{id}", workspaces.patch_v2),
    ("DELETE", "/v2/workspaces/{id}", workspaces.delete_v2),
    # v2 record types
    ("GET", "/v2/workspaces/{workspaceId}/global-record-types", recordtypes.list_global_v2),
    ("GET", "/v2/workspaces/{workspaceId}/record-types", recordtypes.list_v2),
    ("POST", "/v2/workspaces/{workspaceId}/record-types", recordtypes.create_v2),
    ("POST", "/v2/workspaces/{workspaceId}/record-types/{recordTypeId}/detach", recordtypes.detach_v2),
    ("GET", "/v2/record-types/{id}", recordtypes.get_v2),
    ("PUT", "/v2/record-types/{id}", recordtypes.put_v2),
    ("PATCH", "/v2/record-types/{id}", recordtypes.patch_v2),
    ("DELETE", "/v2/record-types/{id}", recordtypes.delete_v2),
    # v2 fields
    ("GET", "/v2/record-types/{recordTypeId}/fields", fields.list_v2),
    ("POST", "/v2/record-types/{recordTypeId}/fields", fields.create_v2),
    ("GET", "/v2/fields/{id}", fields.get_v2),
    ("PUT", "/v2/fields/{id}", fields.put_v2),
    ("PATCH", "/v2/fields/{id}", fields.patch_v2),
    ("DELETE", "/v2/fields/{id}", fields.delete_v2),
    # v2 records
    ("GET", "/v2/record-types/{recordTypeId}/records", records.list_v2),
    ("POST", "/v2/record-types/{recordTypeId}/records", records.create_v2),
    ("POST", "/v2/record-types/{recordTypeId}/records/bulk", bulk.create_v2),
    ("PUT", "/v2/record-types/{recordTypeId}/records/bulk", bulk.put_v2),
    ("PATCH", "/v2/record-types/{recordTypeId}/records/bulk", bulk.patch_v2),
    ("DELETE", "/v2/record-types/{recordTypeId}/records/bulk", bulk.delete_v2),
    ("POST", "/v2/record-types/{recordTypeId}/records/move", bulk.move_v2),
    ("GET", "/v2/record-types/{recordTypeId}/records/search", search.search_v2_get),
    ("POST", "/v2/record-types/{recordTypeId}/records/search", search.search_v2_post),
    ("GET", "/v2/records/{id}", records.get_v2),
    ("PUT", "/v2/records/{id}", records.put_v2),
    ("PATCH", "/v2/records/{id}", records.patch_v2),
    ("DELETE", "/v2/records/{id}", records.delete_v2),
    ("GET", "/v2/records/{id}/history", records.history_v2),
    ("POST", "/v2/records/{id}/thumbnail", records.upload_thumbnail_v2),
    ("DELETE", "/v2/records/{id}/thumbnail", records.delete_thumbnail_v2),
    # v2 views
    ("GET", "/v2/record-types/{recordTypeId}/views", views.list_v2),
    ("POST", "/v2/record-types/{recordTypeId}/views", views.create_v2),
    ("GET", "/v2/views/{id}", views.get_v2),
    ("PUT", "/v2/views/{id}", views.put_v2),
    ("PATCH", "/v2/views/{id}", views.patch_v2),
    ("DELETE", "/v2/views/{id}", views.delete_v2),
    # v2 permissions
    ("GET", "/v2/permissions/{resourceType}/{resourceId}", permissions.get_mine),
    ("GET", "/v2/permissions/{resourceType}/{resourceId}/inheritance", permissions.get_inheritance),
    ("GET", "/v2/permissions/{resourceType}/{resourceId}/members", permissions.get_members),
    ("PATCH", "/v2/permissions/{resourceType}/{resourceId}/members", permissions.update_members),
    ("GET", "/v2/permissions/{resourceType}/{resourceId}/requests", permissions.get_requests),
    ("POST", "/v2/permissions/{resourceType}/{resourceId}/requests", permissions.create_request),
    ("DELETE", "/v2/permissions/{resourceType}/{resourceId}/requests", permissions.delete_requests),
]


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    return re.compile(f"^{pattern}/?$")


ROUTES = [(method, _compile(template), handler) for method, template, handler in _ROUTES]

_REFUSED = "Workfront Planning accepts only OAuth 2.0 access tokens (Authorization: Bearer); {what} is not supported."


class PlanningApp:
    """The Planning surface: ``create_app(context)`` builds one per simulator."""

    def __init__(self, context: DemoContext) -> None:
        self.context = context
        self.pl = Planning(context)
        self._rng = random.Random()

    @staticmethod
    def version_of(request: Request) -> str:
        """``v1`` for ``/maestro/api/v1/...``, ``v2`` otherwise."""
        return "v1" if request.path.startswith(f"{PREFIX}/v1/") or request.path == f"{PREFIX}/v1" else "v2"

    def _error(self, request: Request, error: PlanningError, request_id: str) -> Response:
        if error.status == 429 and self.pl.options.get("retry_after"):
            error.headers.setdefault("Retry-After", self.pl.options.get("retry_after"))
        return render(error, self.version_of(request), request_id, self.pl.options.get("error_content_type"))

    def fault_response(self, request: Request, status: int, message: str) -> Response:
        """An injected fault in the version's error shape (429 → ``RATE_LIMIT_EXCEEDED``)."""
        return self._error(request, PlanningError(status, message), str(uuid.uuid4()))

    def __call__(self, request: Request) -> Response:
        request_id = str(uuid.uuid4())
        try:
            response = self._dispatch(request, request_id)
        except PlanningError as error:
            response = self._error(request, error, request_id)
        except RecursionError:  # a filter (or other input) nested deeper than the handlers can follow
            response = self._error(request, bad_request("The request is nested too deeply to process."), request_id)
        except Exception:  # a bug: answer like the service would (500 problem detail), never a stack trace
            log.exception("Planning request %s %s failed", request.method, request.path)
            response = self._error(request, PlanningError(500, "An internal error occurred.", "INTERNAL_ERROR"),
                                   request_id)
        response.headers["X-Request-Id"] = request_id
        return response

    def _dispatch(self, request: Request, request_id: str) -> Response:
        path = request.path
        if path.startswith(records.STATIC_PREFIX) and request.method in ("GET", "HEAD"):
            return records.serve_thumbnail(self.pl, path)
        if not path.startswith(PREFIX + "/"):
            raise PlanningError(404, f"Nothing is served at {path}.", "NOT_FOUND")
        tail = path[len(PREFIX):]
        allowed: list[str] = []
        for method, pattern, handler in ROUTES:
            match = pattern.match(tail)
            if match is None:
                continue
            if method != request.method:
                allowed.append(method)
                continue
            call = Call(request, self.version_of(request), request_id, self.pl, path_args=match.groupdict())
            call.user_id = self._authenticate(request)
            self._maybe_conflict(request)
            return handler(call)
        if allowed:
            raise PlanningError(405, f"{request.method} is not allowed on {path}; use {', '.join(allowed)}.",
                                headers={"Allow": ", ".join(allowed)})
        raise PlanningError(404, f"No Planning operation is served at {path}.", "NOT_FOUND")

    def _authenticate(self, request: Request) -> str:
        for name in ("sessionID", "apiKey"):
            if request.args.get(name) or request.headers.get(name) or request.form.get(name):
                raise PlanningError(401, _REFUSED.format(what=name), "UNAUTHORIZED")
        if self.pl.options.flag("require_gateway_headers"):
            for header in ("x-api-key", "x-gw-ims-org-id"):
                if not request.headers.get(header):
                    raise PlanningError(401, f"The {header} header is required.", "UNAUTHORIZED")
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if not header:
            raise PlanningError(401, "Authentication is required: send Authorization: Bearer <access token>.",
                                "UNAUTHORIZED")
        if scheme.lower() != "bearer" or not token.strip():
            raise PlanningError(401, _REFUSED.format(what=f"the {scheme or 'given'} scheme"), "UNAUTHORIZED")
        session = self.context.sessions.resolve(token.strip())
        if session is None:
            raise PlanningError(401, "The access token is invalid or has expired.", "UNAUTHORIZED")
        if session.origin == "login" and not self.pl.options.flag("accept_login_sessions"):
            raise PlanningError(401, _REFUSED.format(what="a /login session ID"), "UNAUTHORIZED")
        return session.user_id

    def _maybe_conflict(self, request: Request) -> None:
        rate = self.pl.options.number("conflict_rate")
        if request.method in ("PUT", "PATCH") and rate > 0 and self._rng.random() < rate:
            raise PlanningError(409, "The resource was modified by another request. Retry with the latest "
                                     "version.", "CONFLICT")


def create_app(context: DemoContext) -> PlanningApp:
    """Build the Planning surface for ``context``."""
    return PlanningApp(context)

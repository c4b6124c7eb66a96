"""The simulator's OAuth 2.0 surface: Workfront OAuth2 app endpoints and an Adobe-IMS-style token endpoint.

===========================================  ==================================================
``GET  /integrations/oauth2/authorize``      HTML sign-in and consent page (a real form)
``POST /integrations/oauth2/authorize``      the form's submission: sign in, allow or deny,
                                             redirect back with ``code``, ``state``, ``domain``, ``lane``
``POST /integrations/oauth2/api/v1/token``   ``authorization_code`` (PKCE S256), ``refresh_token``,
                                             ``client_credentials``; form or JSON body, Basic or
                                             body client authentication
``POST /integrations/oauth2/api/v1/revoke``  RFC 7009 revocation of refresh and access tokens
``POST /ims/token/v3``                       ``client_credentials`` → ``bearer`` token
===========================================  ==================================================

Access tokens are sessions of ``context.sessions`` and so work everywhere a session does.
Every malformed request gets an OAuth error body (``error``, ``error_description``) and a 4xx.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from authlib.oauth2.rfc6749 import OAuth2Error
from werkzeug.wrappers import Request, Response

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.oauth.authserver import build_ims_server, build_workfront_server, request_values
from wfexplorer.demo.oauth.pages import AUTHORIZE_PATH, CARRIED_PARAMETERS, error_page, sign_in_page

log = logging.getLogger(__name__)

TOKEN_PATH = "/integrations/oauth2/api/v1/token"
REVOKE_PATH = "/integrations/oauth2/api/v1/revoke"
IMS_TOKEN_PATH = "/ims/token/v3"

BAD_PASSWORD_MESSAGE = (
    "That username/password combination wasn't quite right.  Make sure your caps lock isn't on and try again."
)

_FAULT_ERRORS = {400: "invalid_request", 401: "invalid_client", 429: "temporarily_unavailable",
                 503: "temporarily_unavailable"}

Handler = Callable[[Request], Response]


class OAuthSurface:
    """Routes OAuth requests to Authlib's authorization servers and renders the sign-in page."""

    def __init__(self, context: DemoContext) -> None:
        self.context = context
        self.workfront = build_workfront_server(context)
        self.ims = build_ims_server(context)
        self._routes: dict[str, dict[str, Handler]] = {
            AUTHORIZE_PATH: {"GET": self._authorize_page, "POST": self._authorize_submit},
            TOKEN_PATH: {"POST": self._token},
            REVOKE_PATH: {"POST": self._revoke},
            IMS_TOKEN_PATH: {"POST": self._ims_token},
        }

    def __call__(self, request: Request) -> Response:
        methods = self._routes.get(request.path.rstrip("/") or "/")
        if methods is None:
            return _json(404, {"error": "not_found", "error_description": f"Nothing is served at {request.path}"})
        handler = methods.get(request.method)
        if handler is None:
            response = _json(405, {"error": "invalid_request",
                                   "error_description": f"Use {' or '.join(methods)} for {request.path}"})
            response.headers["Allow"] = ", ".join(methods)
            return response
        try:
            return handler(request)
        except OAuth2Error as error:  # raised before a grant could render it (bad body, insecure transport)
            return _response(self.workfront.handle_error_response(None, error))  # type: ignore[arg-type]
        except Exception:  # a bug must still answer in the API's shape, without a stack trace
            log.exception("OAuth surface failed on %s %s", request.method, request.path)
            return _json(500, {"error": "server_error", "error_description": "The demo OAuth server failed."})

    def fault_response(self, request: Request, status: int, message: str) -> Response:
        """Render an injected fault as an OAuth error body."""
        error = _FAULT_ERRORS.get(status, "server_error" if status >= 500 else "invalid_request")
        response = _json(status, {"error": error, "error_description": message})
        if status == 429:
            response.headers["Retry-After"] = "1"
        return response

    # -- authorization endpoint ----------------------------------------------------------------

    def _authorize_page(self, request: Request) -> Response:
        try:
            grant = self.workfront.get_consent_grant(request)
        except OAuth2Error as error:
            return self._authorization_error(error)
        return _html(200, sign_in_page(app_name=grant.request.client.name, parameters=_carried(request)))

    def _authorize_submit(self, request: Request) -> Response:
        try:
            grant = self.workfront.get_consent_grant(request)
        except OAuth2Error as error:
            return self._authorization_error(error)
        values = grant.request.payload.data
        if values.get("decision") == "deny":
            return _response(self.workfront.create_authorization_response(grant.request, grant_user=None, grant=grant))
        username = values.get("username", "")
        user = self.context.sessions.check_password(username, values.get("password", ""))
        if user is None:
            page = sign_in_page(app_name=grant.request.client.name, parameters=_carried(request),
                                username=username, error=BAD_PASSWORD_MESSAGE)
            return _html(200, page)
        return _response(self.workfront.create_authorization_response(grant.request, grant_user=user, grant=grant))

    def _authorization_error(self, error: OAuth2Error) -> Response:
        if error.redirect_uri:  # the client and its redirect URI are known good: tell the app
            return _response(self.workfront.handle_error_response(None, error))  # type: ignore[arg-type]
        description = error.description or error.error or "The sign-in request is not valid."
        return _html(400, error_page("This sign-in request cannot be completed", description))

    # -- token endpoints -----------------------------------------------------------------------

    def _token(self, request: Request) -> Response:
        return _response(self.workfront.create_token_response(request))

    def _revoke(self, request: Request) -> Response:
        return _response(self.workfront.create_endpoint_response("revocation", request))

    def _ims_token(self, request: Request) -> Response:
        return _response(self.ims.create_token_response(request))


def _carried(request: Request) -> list[tuple[str, str]]:
    values = request_values(request)
    return [(name, values[name]) for name in CARRIED_PARAMETERS if values.get(name)]


def _response(result: object) -> Response:
    """What an Authlib server call returned: our ``handle_response`` makes it a Response (the stubs say object).

    (``handle_error_response`` is given no request: Authlib only passes it on to ``get_error_uri``, which
    ignores it; the stubs ask for an OAuth2Request.)
    """
    assert isinstance(result, Response)
    return result


def _json(status: int, body: dict[str, object]) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json",
                    headers={"Cache-Control": "no-store"})


def _html(status: int, text: str) -> Response:
    return Response(text, status=status, mimetype="text/html",
                    headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})


def create_app(context: DemoContext) -> OAuthSurface:
    """Build the OAuth surface for ``context``."""
    # Authlib logs issued tokens at debug level; secrets are never logged, so keep it above debug.
    authlib_log = logging.getLogger("authlib")
    if authlib_log.level == logging.NOTSET or authlib_log.level < logging.INFO:
        authlib_log.setLevel(logging.INFO)
    return OAuthSurface(context)

"""Authlib's OAuth 2.0 authorization server, glued to werkzeug requests and the simulator's store.

Authlib does the protocol: client authentication (Basic, POST body, public "none"), grant
validation, redirect-URI checks, PKCE verification, error bodies and redirects. This module only
supplies what Authlib leaves to the framework and the storage: a werkzeug request adapter, the
grants' persistence hooks, and the token shape. Two servers are built from it: the Workfront
one (``token_type`` ``sessionID``, codes, refresh tokens, client credentials) and the IMS-style
one (client credentials only, ``token_type`` ``bearer``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from authlib.common.urls import add_params_to_uri
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    AuthorizationServer,
    ClientCredentialsGrant,
    ClientMixin,
    InvalidClientError,
    InvalidRequestError,
    JsonPayload,
    JsonRequest,
    OAuth2Payload,
    OAuth2Request,
    RefreshTokenGrant,
    TokenMixin,
)
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Request, Response

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.ids import new_token
from wfexplorer.demo.oauth.clients import OAuthClient, find_client
from wfexplorer.demo.oauth.tokens import AuthorizationCode, IssuedToken, TokenStore

#: Values added to the authorization redirect next to ``code`` (Workfront sends ``domain`` and ``lane``).
REDIRECT_EXTRAS = (("domain", "demo"), ("lane", "demo"))


def request_values(request: Request) -> MultiDict[str, str]:
    """Return query, form and JSON-object parameters of ``request`` as one multi-dict.

    Workfront's token endpoint takes a JSON body as well as a form; IMS also reads the query
    string. Raises InvalidRequestError for a body that is not a JSON object of scalar values.
    """
    values: MultiDict[str, str] = MultiDict(request.args.items(multi=True))
    values.update(request.form.items(multi=True))
    if request.mimetype == "application/json" and request.get_data():
        try:
            body = json.loads(request.get_data(as_text=True))
        except ValueError:
            raise InvalidRequestError("The request body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise InvalidRequestError("The request body must be a JSON object.")
        for key, value in body.items():
            if isinstance(value, dict | list):
                raise InvalidRequestError(f"Parameter '{key}' must be a string.")
            if value is not None:
                values.add(str(key), value if isinstance(value, str) else json.dumps(value))
    return values


class _Payload(OAuth2Payload):
    def __init__(self, values: MultiDict[str, str]) -> None:
        self._values = values

    @property
    def data(self) -> MultiDict[str, str]:
        return self._values

    @property
    def datalist(self) -> dict[str, list[str]]:  # type: ignore[override]
        return {key: self._values.getlist(key) for key in self._values}


class WerkzeugOAuth2Request(OAuth2Request):
    """An Authlib request built from a werkzeug request (what Authlib's Flask integration does)."""

    def __init__(self, request: Request) -> None:
        values = request_values(request)
        # werkzeug's Headers is a case-insensitive mapping that is not typed as a Mapping; Authlib only calls .get.
        super().__init__(method=request.method, uri=request.url, headers=request.headers)  # type: ignore[call-overload]
        self._request = request
        self._values = values
        self.payload = _Payload(values)

    @property
    def args(self) -> Any:
        return self._request.args

    @property
    def form(self) -> MultiDict[str, str]:
        return self._values


class _JsonPayload(JsonPayload):
    def __init__(self, request: Request) -> None:
        self._request = request

    @property
    def data(self) -> Any:
        return self._request.get_json(silent=True)


class _S256CodeChallenge(CodeChallenge):
    """PKCE with S256 only; public clients must use it."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]
    DEFAULT_CODE_CHALLENGE_METHOD = "S256"

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        challenge = data.get("code_challenge")
        if grant.request.client.public and not challenge:
            raise InvalidRequestError("This app must use PKCE: send code_challenge and code_challenge_method=S256.")
        if challenge and data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("Only code_challenge_method=S256 is supported.")
        super().validate_code_challenge(grant, redirect_uri)


def _user(context: DemoContext, user_id: str | None) -> dict[str, Any] | None:
    return None if not user_id else context.store.get("USER", user_id)


class _CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        payload, client, user = request.payload, request.client, request.user
        # Authlib saves a code only for an authenticated client and a signed-in user, with the request's payload.
        assert payload is not None and isinstance(client, OAuthClient) and user is not None
        data = payload.data
        self.server.tokens.save_code(
            code,
            client_id=client.client_id,
            redirect_uri=payload.redirect_uri or client.get_default_redirect_uri() or "",
            scope=request.scope or "",
            user_id=user["ID"],
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
        )

    def query_authorization_code(self, code: str, client: ClientMixin) -> Any:
        return self.server.tokens.consume_code(code, client.get_client_id())

    def delete_authorization_code(self, authorization_code: Any) -> None:
        """Nothing to do: the code was consumed when it was looked up."""

    def authenticate_user(self, authorization_code: Any) -> Any:
        return _user(self.server.context, authorization_code.user_id)

    def create_authorization_response(self, redirect_uri: str, grant_user: Any) -> tuple[int, str, list]:
        status, body, headers = super().create_authorization_response(redirect_uri, grant_user)
        return status, body, [_with_extras(name, value) for name, value in headers]


def _with_extras(name: str, value: str) -> tuple[str, str]:
    if name != "Location":
        return name, value
    return name, add_params_to_uri(value, list(REDIRECT_EXTRAS))


class _RefreshGrant(RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]
    INCLUDE_NEW_REFRESH_TOKEN = True

    # None means "not a valid refresh token" to Authlib; the stubs leave None out.
    def authenticate_refresh_token(self, refresh_token: str) -> IssuedToken | None:  # type: ignore[override]
        return self.server.tokens.find_refresh(refresh_token)

    def authenticate_user(self, refresh_token: IssuedToken) -> Any:
        return _user(self.server.context, refresh_token.user_id)

    def revoke_old_credential(self, refresh_token: TokenMixin) -> None:
        assert isinstance(refresh_token, IssuedToken)  # what authenticate_refresh_token returned
        self.server.tokens.retire_refresh(refresh_token.value)


class _ClientCredentialsGrant(ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]


class _Revocation(RevocationEndpoint):
    CLIENT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]

    def query_token(self, token_string: str, token_type_hint: str | None) -> IssuedToken | None:
        tokens: TokenStore = self.server.tokens
        if token_type_hint == "access_token":
            return tokens.find_access(token_string) or tokens.find_refresh(token_string)
        return tokens.find_refresh(token_string) or tokens.find_access(token_string)

    def revoke_token(self, token: IssuedToken, request: OAuth2Request) -> None:
        self.server.tokens.revoke(token)


class DemoAuthorizationServer(AuthorizationServer):
    """An Authlib authorization server whose tokens are simulator sessions.

    ``token_type`` is what the token response says (``sessionID`` for Workfront, ``bearer`` for
    IMS); ``lifetime`` reads the access-token lifetime from the settings at issue time.
    """

    def __init__(self, context: DemoContext, *, token_type: str, lifetime: Callable[[], float]) -> None:
        super().__init__()
        self.context = context
        self.tokens = TokenStore(context)
        self.token_type = token_type
        self._lifetime = lifetime
        # Authlib calls any callable with these arguments; the stubs ask for a BearerTokenGenerator.
        self.register_token_generator("default", self._generate_token)  # type: ignore[arg-type]

    # -- what Authlib leaves to the integration ----------------------------------------------

    # None means "no such client" to Authlib; the stubs leave None out.
    def query_client(self, client_id: str) -> OAuthClient | None:  # type: ignore[override]
        return find_client(self.context, client_id)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        client = request.client
        assert isinstance(client, OAuthClient)  # Authlib saves tokens only for an authenticated client
        user_id = request.user["ID"] if request.user else client.owner_user_id
        if not user_id:
            raise InvalidClientError(description="This app has no user to act as.")
        self.tokens.save_tokens(
            token, client_id=client.client_id, user_id=user_id, scope=request.scope or "",
            lifetime=self._lifetime(), code=_code_of(request),
        )

    def create_oauth2_request(self, request: Any) -> OAuth2Request:
        if isinstance(request, OAuth2Request):
            return request
        return WerkzeugOAuth2Request(request)

    def create_json_request(self, request: Request) -> JsonRequest:
        json_request = JsonRequest(request.method, request.url, request.headers)  # type: ignore[arg-type]
        json_request.payload = _JsonPayload(request)
        return json_request

    # Authlib passes the headers as a list of pairs; the stubs say a mapping.
    def handle_response(self, status: int, body: Any, headers: list[tuple[str, str]]) -> Response:  # type: ignore[override]
        text = json.dumps(body) if isinstance(body, dict) else (body or "")
        response = Response(text, status=status, headers=headers)
        if isinstance(body, dict) and "Content-Type" not in response.headers:
            response.headers["Content-Type"] = "application/json"
        return response

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        """No signal system in the simulator."""

    # -- tokens ------------------------------------------------------------------------------

    def _generate_token(self, grant_type: str, client: OAuthClient, user: Any = None, scope: str | None = None,
                        expires_in: int | None = None, include_refresh_token: bool = True) -> dict[str, Any]:
        token: dict[str, Any] = {
            "token_type": self.token_type,
            "access_token": new_token(),
            "expires_in": int(self._lifetime()),
        }
        if include_refresh_token:
            token["refresh_token"] = new_token() + new_token()
        user_id = user["ID"] if user else client.owner_user_id
        if self.token_type == "sessionID" and user_id:
            token["wid"] = user_id
        return token


def build_workfront_server(context: DemoContext) -> DemoAuthorizationServer:
    """The ``/integrations/oauth2`` server: code + PKCE, refresh, client credentials, revocation."""
    server = DemoAuthorizationServer(
        context, token_type="sessionID", lifetime=lambda: context.settings.oauth_access_token_lifetime_seconds
    )
    server.register_grant(_CodeGrant, [_S256CodeChallenge(required=True)])
    server.register_grant(_RefreshGrant)
    server.register_grant(_ClientCredentialsGrant)
    server.register_endpoint(_Revocation)
    return server


def build_ims_server(context: DemoContext) -> DemoAuthorizationServer:
    """The ``/ims/token/v3`` server: server-to-server client credentials only."""
    server = DemoAuthorizationServer(
        context, token_type="bearer", lifetime=lambda: context.settings.oauth_access_token_lifetime_seconds
    )
    server.register_grant(_ClientCredentialsGrant)
    return server


def _code_of(request: OAuth2Request) -> str | None:
    """The authorization code a token request descends from: the code grant's, or the refreshed token's."""
    code = getattr(request, "authorization_code", None)
    if isinstance(code, AuthorizationCode):
        return code.code
    refreshed = getattr(request, "refresh_token", None)
    return refreshed.code if isinstance(refreshed, IssuedToken) else None

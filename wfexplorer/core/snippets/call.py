"""The input of every snippet: :class:`HttpCall`, a plain description of one HTTP call, and where its secrets go.

    call = HttpCall("GET", "https://acme.my.workfront.com/attask/api/v21.0/proj/search",
                    params=[("status", "CUR")], auth=Auth.SESSION_ID)
    call = HttpCall("POST", "https://acme.my.workfront.com/maestro/api/v2/records/search",
                    body=Json({"filter": {...}}), auth=Auth.BEARER)
    call = call_from_event(event)           # from the request log

A call never holds a secret value: the credential is named by ``auth`` (``sessionID`` header, ``apiKey``
header or ``Authorization: Bearer``), and a parameter, form field or JSON key whose name is a secret
(:func:`wfexplorer.core.redaction.is_secret`) is read from an environment variable, whatever value it holds.
:func:`env_name` says which variable; :func:`resolve` turns a call into pieces a renderer quotes, with
:class:`Secret` wherever a value comes from the environment (or from ``reveal``, when the user asked for the
secret inline).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from wfexplorer.core import errors, redaction
from wfexplorer.core.transport import RequestEvent


class Auth(enum.StrEnum):
    """How a call authenticates."""

    NONE = "none"
    SESSION_ID = "sessionID"  # classic sessionID header (a login session or a Workfront OAuth access token)
    API_KEY = "apiKey"  # classic apiKey header
    BEARER = "bearer"  # Authorization: Bearer (Planning; IMS tokens on classic)


#: The environment variable that holds each kind of credential.
CREDENTIAL_ENV = {Auth.SESSION_ID: "WORKFRONT_SESSION_ID", Auth.API_KEY: "WORKFRONT_API_KEY",
                  Auth.BEARER: "WORKFRONT_TOKEN"}
_PARAMETER_ENV = {"sessionid": "WORKFRONT_SESSION_ID", "apikey": "WORKFRONT_API_KEY", "password": "WORKFRONT_PASSWORD",
                  "access_token": "WORKFRONT_TOKEN", "authorization": "WORKFRONT_TOKEN"}
#: Headers every HTTP client adds by itself; a call built from the log leaves them out.
CLIENT_HEADERS = frozenset({"user-agent", "accept-encoding", "connection", "content-length", "content-type", "host",
                            "cookie"})


@dataclass(frozen=True)
class Form:
    """A ``application/x-www-form-urlencoded`` body: name/value pairs, in order, names may repeat."""

    pairs: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "pairs", tuple((str(k), str(v)) for k, v in self.pairs))


@dataclass(frozen=True)
class Json:
    """A JSON body (any JSON value)."""

    value: Any


@dataclass(frozen=True)
class HttpCall:
    """One HTTP call, described plainly: what snippets, builders and the console start from.

    ``method`` is the HTTP method; ``url`` the absolute URL (a query in it joins ``params``); ``params`` the
    query pairs in order; ``body`` a :class:`Form`, a :class:`Json` or ``None``; ``auth`` how it authenticates;
    ``headers`` further headers worth sending (not the credential: that comes from ``auth``).
    """

    method: str
    url: str
    params: tuple[tuple[str, str], ...] = ()
    body: Form | Json | None = None
    auth: Auth = Auth.NONE
    headers: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise errors.ValidationError(f"A call needs an absolute http(s) URL, not {self.url!r}")
        in_url = parse_qsl(parts.query, keep_blank_values=True)
        object.__setattr__(self, "method", self.method.upper())
        object.__setattr__(self, "url", urlunsplit(parts._replace(query="", fragment="")))
        object.__setattr__(self, "params", tuple((str(k), str(v)) for k, v in (*in_url, *self.params)))
        object.__setattr__(self, "headers", tuple((str(k), str(v)) for k, v in self.headers))

    @property
    def target(self) -> ApiTarget:
        """Which Workfront API the URL points at, and the path inside it."""
        return api_target(self.url)


@dataclass(frozen=True)
class ApiTarget:
    """A URL split into its API: ``classic`` (``…/attask/api/{version}``), ``planning`` (``…/maestro/api/v{n}``)
    or ``None`` (anything else, such as an OAuth endpoint)."""

    api: str | None
    #: The server's address (``https://acme.my.workfront.com``).
    base_url: str
    #: ``v21.0`` (classic) or ``2`` (Planning); empty for other URLs.
    version: str = ""
    #: The path inside the API root, starting with ``/`` (``/proj/search``, ``/records/search``).
    path: str = ""

    @property
    def segments(self) -> tuple[str, ...]:
        """The path's segments, percent-decoded (as the Planning client takes them)."""
        return tuple(unquote(segment) for segment in self.path.strip("/").split("/") if segment)


_CLASSIC = re.compile(r"^(?P<base>.*?)/attask/api/(?P<version>[^/]+)(?P<path>/.*)?$")
_PLANNING = re.compile(r"^(?P<base>.*?)/maestro/api/v(?P<version>\d+)(?P<path>/.*)?$")


def api_target(url: str) -> ApiTarget:
    """Split ``url`` (no query) into its API, base URL, version and path."""
    for api, pattern in (("classic", _CLASSIC), ("planning", _PLANNING)):
        match = pattern.match(url)
        if match:
            return ApiTarget(api, match["base"], match["version"], match["path"] or "/")
    parts = urlsplit(url)
    return ApiTarget(None, f"{parts.scheme}://{parts.netloc}", "", parts.path or "/")


@dataclass(frozen=True)
class Secret:
    """A value read from the environment variable ``env`` (the variable's name, never its value)."""

    env: str


#: A value as a renderer sees it: literal text, or a secret to read from the environment; concatenated in order.
Value = tuple[str | Secret, ...]


def env_name(parameter: str) -> str:
    """The environment variable a secret parameter is read from (``password`` → ``WORKFRONT_PASSWORD``)."""
    known = _PARAMETER_ENV.get(parameter.lower())
    if known:
        return known
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", parameter).replace("-", "_").upper()
    return f"WORKFRONT_{snake}"


@dataclass(frozen=True)
class Resolved:
    """A call ready to render: every secret a :class:`Secret` (or its revealed text)."""

    call: HttpCall
    params: tuple[tuple[str, Value], ...]
    headers: tuple[tuple[str, Value], ...]
    form: tuple[tuple[str, Value], ...] | None
    json: Any
    has_json: bool

    @property
    def secrets(self) -> tuple[str, ...]:
        """The environment variables the rendered code reads, in first-use order."""
        found: list[str] = []
        values = [v for _, v in (*self.params, *self.headers, *(self.form or ()))]
        pieces = [piece for value in values for piece in value] + list(_json_secrets(self.json))
        for piece in pieces:
            if isinstance(piece, Secret) and piece.env not in found:
                found.append(piece.env)
        return tuple(found)


def resolve(call: HttpCall, reveal: Mapping[str, str] | None = None) -> Resolved:
    """Turn ``call`` into renderable pieces; ``reveal`` maps variable names to values to write inline instead."""
    shown = dict(reveal or {})

    def secret(env: str) -> str | Secret:
        return shown[env] if env in shown else Secret(env)

    def value(name: str, text: str) -> Value:
        return (secret(env_name(name)),) if redaction.is_secret(name) else (text,)

    headers: list[tuple[str, Value]] = [(name, value(name, text)) for name, text in call.headers]
    if call.auth is Auth.SESSION_ID:
        headers.insert(0, ("sessionID", (secret(CREDENTIAL_ENV[Auth.SESSION_ID]),)))
    elif call.auth is Auth.API_KEY:
        headers.insert(0, ("apiKey", (secret(CREDENTIAL_ENV[Auth.API_KEY]),)))
    elif call.auth is Auth.BEARER:
        headers.insert(0, ("Authorization", ("Bearer ", secret(CREDENTIAL_ENV[Auth.BEARER]))))
    form = None
    json_value: Any = None
    if isinstance(call.body, Form):
        form = tuple((name, value(name, text)) for name, text in call.body.pairs)
    elif isinstance(call.body, Json):
        json_value = _json_with_secrets(call.body.value, secret)
    return Resolved(call, tuple((name, value(name, text)) for name, text in call.params), tuple(headers), form,
                    json_value, isinstance(call.body, Json))


def _json_with_secrets(value: Any, secret: Any) -> Any:
    if isinstance(value, dict):
        return {key: (secret(env_name(str(key))) if redaction.is_secret(str(key)) else _json_with_secrets(item, secret))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_json_with_secrets(item, secret) for item in value]
    return value


def _json_secrets(value: Any) -> Iterable[Secret]:
    if isinstance(value, Secret):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_secrets(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_secrets(item)


def call_from_event(event: RequestEvent) -> HttpCall:
    """The call a request-log attempt made (from its redacted record; the secrets stay in the environment)."""
    sent = event.request
    if sent is None:
        raise errors.ValidationError("This request was recorded without its details; it cannot be copied as code.")
    if sent.body_kind in ("text", "binary"):
        raise errors.ValidationError(f"This request's body ({sent.content_type or 'not a form or JSON'}) cannot be "
                                     "copied as code: only form and JSON bodies are kept.")
    auth = Auth.NONE
    headers: list[tuple[str, str]] = []
    for name, text in sent.headers:
        lowered = name.lower()
        if lowered == "sessionid":
            auth = Auth.SESSION_ID
        elif lowered == "apikey":
            auth = Auth.API_KEY
        elif lowered == "authorization" and text.lower().startswith("bearer"):
            auth = Auth.BEARER
        elif lowered not in CLIENT_HEADERS and not (lowered == "accept" and text == "*/*"):
            headers.append((name, text))
    body: Form | Json | None = None
    if sent.body_kind == "form":
        body = Form(sent.form)
    elif sent.body_kind == "json":
        body = Json(sent.json)
    url = urlunsplit(urlsplit(event.url)._replace(query=""))
    return HttpCall(event.method, url, params=sent.query, body=body, auth=auth, headers=tuple(headers))


def workfront_method(call: HttpCall) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The classic Workfront method and parameters of a call: a ``method=`` form field or parameter (a read sent
    as ``POST`` because its URL would be too long) wins over the HTTP method; query and form join in order."""
    pairs = [*call.params, *(call.body.pairs if isinstance(call.body, Form) else ())]
    method = call.method
    for name, text in pairs:
        if name == "method":
            method = text.upper()
    return method, tuple((name, text) for name, text in pairs if name != "method")

"""Copy a classic query as code for the domain clients: python-workfront, ``wfexplorer.core`` and ``workfront-api``.

The generic HTTP renderings (curl, Python ``requests``, JavaScript ``fetch``) belong to the request
snippet module; they take :func:`~wfexplorer.core.classic.search_model.running.request_for`'s exact
request. This module writes the calls a script would make with each client library::

    target = SnippetTarget.of_session(session)             # where, which version, which credential
    print(python_workfront_snippet(query, target, "search", class_name="Task"))
    print(core_snippet(query, target, "report"))
    print(javascript_snippet(query, target, "count"))

Every snippet runs as pasted and prints what it gets as JSON; the secret comes from an environment
variable (:data:`SESSION_ID_ENV` or :data:`API_KEY_ENV`), never from the text. Differences from the
model's own request, all without effect on the rows: python-workfront sends a list as a JSON array
(it has no repeated parameters) and POSTs a form; ``wfexplorer.core`` checks names against metadata
before sending and moves ``username``/``password``/``apiKey`` filters into ``filters={json}``;
``workfront-api`` percent-encodes the colons of ``fields``.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wfexplorer.core.classic.search_model.model import ClassicQuery
from wfexplorer.core.classic.search_model.running import Operation, request_for

SESSION_ID_ENV = "WORKFRONT_SESSION_ID"
API_KEY_ENV = "WORKFRONT_API_KEY"
#: The JavaScript client's npm package.
JS_PACKAGE = "workfront-api"


class Auth(enum.StrEnum):
    """Which credential a snippet sends: a session ID (also an OAuth access token) or an API key."""

    SESSION_ID = "sessionID"
    API_KEY = "apiKey"


@dataclass(frozen=True)
class SnippetTarget:
    """Where snippets send requests: the API root (``https://acme.my.workfront.com/attask/api/v21.0``), its version,
    the domain, and which credential they read from the environment."""

    api_url: str
    api_version: str
    domain: str
    auth: Auth = Auth.SESSION_ID

    @classmethod
    def of_session(cls, session: Any, auth: Auth | None = None) -> SnippetTarget:
        """The target of a classic Session: its URL, version and domain; an API key when that is what it uses."""
        if auth is None:
            auth = Auth.API_KEY if getattr(session, "api_key", None) and not getattr(session, "session_id", None) \
                else Auth.SESSION_ID
        return cls(str(session.url), str(session.api_version), str(session.domain), auth)

    @property
    def env_var(self) -> str:
        """The environment variable the snippets read the secret from."""
        return API_KEY_ENV if self.auth is Auth.API_KEY else SESSION_ID_ENV

    @property
    def url_template(self) -> str:
        """The API root with the version as ``{api_version}`` (the form Session's ``url_template`` takes)."""
        suffix = "/" + self.api_version
        return self.api_url[: -len(self.api_version)] + "{api_version}" if self.api_url.endswith(suffix) \
            else self.api_url

    @property
    def host_url(self) -> str:
        """Scheme and host (and any prefix) in front of ``/attask``: what workfront-api's ``url`` takes."""
        head, marker, _ = self.api_url.partition("/attask")
        return head if marker else self.api_url.rstrip("/")

    @property
    def js_version(self) -> str:
        """The version as workfront-api spells it (``21.0``, ``unsupported``, ``internal``)."""
        return self.api_version[1:] if self.api_version.startswith("v") else self.api_version.removeprefix("api-")


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, str | list[str]]:
    """Parameters as a mapping: one value stays a string, a repeated name becomes a list (in order)."""
    grouped: dict[str, str | list[str]] = {}
    for key, value in pairs:
        if key not in grouped:
            grouped[key] = value
        else:
            existing = grouped[key]
            grouped[key] = [*existing, value] if isinstance(existing, list) else [existing, value]
    return grouped


def _parts(query: ClassicQuery, operation: Operation | str) -> tuple[Operation, dict[str, str | list[str]], list[str]]:
    operation = Operation(operation)
    pairs = list(request_for(query, operation).params)
    fields = [name for key, value in pairs if key == "fields" for name in value.split(",") if name]
    return operation, _grouped((key, value) for key, value in pairs if key != "fields"), fields


def _python_dict(mapping: dict[str, Any], indent: str) -> str:
    if not mapping:
        return "{}"
    lines = [f"{indent}    {json.dumps(key)}: {_python_literal(value)}," for key, value in mapping.items()]
    return "{\n" + "\n".join(lines) + f"\n{indent}}}"


def _python_literal(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(item) for item in value) + "]"
    return json.dumps(value)


def python_workfront_snippet(query: ClassicQuery, target: SnippetTarget, operation: Operation | str = "search",
                             class_name: str | None = None) -> str:
    """A python-workfront (``pip install python-workfront``) script for the query.

    python-workfront's newest object model is its ``unsupported`` one, so the snippet uses it while its URL
    names the API version of ``target``. ``class_name`` (``"Task"``) gives ``api.Task``; without it the class
    is looked up by objCode. Count and report, which python-workfront lacks, go through ``session.get``.
    """
    operation, params, fields = _parts(query, operation)
    code = query.object_code.upper()
    if target.auth is Auth.API_KEY:
        connect = (f'session = Session({json.dumps(target.domain)}, api_key=os.environ["{API_KEY_ENV}"], '
                   f'api_version="unsupported",\n                  url_template={json.dumps(target.api_url)})')
    else:
        connect = (f'session = Session({json.dumps(target.domain)}, api_version="unsupported",\n'
                   f'                  url_template={json.dumps(target.api_url)})\n'
                   f'session.session_id = os.environ["{SESSION_ID_ENV}"]')
    lines = [
        "import json", "import os", "", "from workfront import Session", "",
        "# python-workfront's newest object model ('unsupported'); the URL names the API version of the search",
        connect,
    ]
    listed = any(isinstance(value, list) for value in params.values())
    if listed:
        lines.append("# python-workfront sends a list as a JSON array (it cannot repeat a parameter)")
    if operation is Operation.SEARCH:
        cls = f"session.api.{class_name}" if class_name and class_name.isidentifier() \
            else f"session.api.by_code[{json.dumps(code)}]"
        fields_arg = f"    fields={_python_literal(fields)},\n" if fields else ""
        lines += [
            f"results = session.search(\n    {cls},\n{fields_arg}    **{_python_dict(params, '    ')},\n)",
            "print(json.dumps([dict(item.fields) for item in results], indent=2))",
        ]
    else:
        call = f"session.get({json.dumps(request_for(query, operation).path)}, {_python_dict(params, '')})"
        if operation is Operation.COUNT:
            lines.append(f'print({call}["count"])')
        else:
            lines += [f"report = {call}", "print(json.dumps(report, indent=2))"]
    return "\n".join(lines) + "\n"


def core_snippet(query: ClassicQuery, target: SnippetTarget, operation: Operation | str = "search") -> str:
    """A ``wfexplorer.core`` script for the query (``session.search("TASK", …)``, ``count``, ``report``)."""
    operation, params, fields = _parts(query, operation)
    secret = "api_key" if target.auth is Auth.API_KEY else "session_id"
    code = json.dumps(query.object_code.upper())
    lines = [
        "import json", "import os", "", "from wfexplorer.core.classic import Session", "",
        f"session = Session({json.dumps(target.domain)}, url_template={json.dumps(target.url_template)}, "
        f"api_version={json.dumps(target.api_version)},",
        f'                  {secret}=os.environ["{target.env_var}"])',
        f"where = {_python_dict(params, '')}",
    ]
    if operation is Operation.SEARCH:
        fields_arg = f", fields={_python_literal(fields)}" if fields else ""
        lines += [f"results = session.search({code}{fields_arg}, where=where)",
                  "print(json.dumps([item.fields for item in results], indent=2))"]
    elif operation is Operation.COUNT:
        lines.append(f"print(session.count({code}, where=where))")
    else:
        lines += [f"report = session.report({code}, where=where)", "print(json.dumps(report, indent=2))"]
    return "\n".join(lines) + "\n"


def javascript_snippet(query: ClassicQuery, target: SnippetTarget, operation: Operation | str = "search") -> str:
    """A Node.js script with Workfront's official client (``npm install workfront-api``)."""
    operation, params, fields = _parts(query, operation)
    code = json.dumps(query.object_code.upper())
    config = f"url: {json.dumps(target.host_url)}, version: {json.dumps(target.js_version)}"
    if target.auth is Auth.API_KEY:
        setup = [f"const api = new NodeApi({{ {config}, apiKey: process.env.{API_KEY_ENV} }});"]
    else:
        setup = [f"const api = new NodeApi({{ {config} }});", f"api.setSessionID(process.env.{SESSION_ID_ENV});"]
    query_text = json.dumps(params, indent=2)
    if operation is Operation.SEARCH:
        call = f"api.search({code}, query{', ' + json.dumps(fields) if fields else ''})"
    elif operation is Operation.COUNT:
        call = f"api.count({code}, query)"
    else:
        call = f"api.report({code}, query)"
    lines = [
        f"// npm install {JS_PACKAGE}", f'const {{ NodeApi }} = require("{JS_PACKAGE}");', "", *setup,
        f"const query = {query_text};", f"{call}",
        "  .then((result) => console.log(JSON.stringify(result, null, 2)))",
        "  .catch((error) => { console.error(error); process.exitCode = 1; });",
    ]
    return "\n".join(lines) + "\n"


def all_snippets(query: ClassicQuery, target: SnippetTarget, operation: Operation | str = "search",
                 class_name: str | None = None) -> dict[str, str]:
    """Every domain snippet by name: ``python-workfront``, ``wfexplorer.core``, ``workfront-api``."""
    return {
        "python-workfront": python_workfront_snippet(query, target, operation, class_name),
        "wfexplorer.core": core_snippet(query, target, operation),
        "workfront-api": javascript_snippet(query, target, operation),
    }


def http_call(query: ClassicQuery, target: SnippetTarget, operation: Operation | str = "search") -> Any:
    """The exact request of ``operation`` as a :class:`wfexplorer.core.snippets.HttpCall` (for curl, Python
    ``requests`` and ``fetch``); the credential is named by ``target.auth`` and read from the environment."""
    from wfexplorer.core.snippets import Auth as HttpAuth
    from wfexplorer.core.snippets import HttpCall

    request = request_for(query, operation)
    auth = HttpAuth.API_KEY if target.auth is Auth.API_KEY else HttpAuth.SESSION_ID
    return HttpCall(request.method, target.api_url.rstrip("/") + request.path, request.params, auth=auth)

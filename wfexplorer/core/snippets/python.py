"""Copy as Python: ``requests``, ``wfexplorer.core`` and python-workfront code that runs as pasted.

Call these through :func:`wfexplorer.core.snippets.render`, which first checks that the kind has a snippet for
the call (``core_unavailable``, ``python_workfront_unavailable``).

Secrets come from ``os.environ`` (a KeyError names a missing variable). Each snippet prints the answer:
the raw body (``requests``) or the ``data`` element / Planning body as indented JSON (the clients).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.snippets.call import Auth, Form, HttpCall, Json, Resolved, Value, workfront_method
from wfexplorer.core.snippets.literals import joined, literal, pair_list, python_secret, string
from wfexplorer.core.transport import is_loopback

_SECRET = python_secret


def _imports(resolved: Resolved, *modules: str) -> list[str]:
    names = sorted({*modules, *(("os",) if resolved.secrets else ())})
    return [f"import {name}" for name in names]


def render_requests(resolved: Resolved) -> str:
    """Python ``requests`` for the call, printing the response body."""
    call = resolved.call
    lines = [*_imports(resolved), "", "import requests", "", "response = requests.request(",
             f"    {string(call.method)},", f"    {string(call.url)},"]
    if resolved.params:
        lines.append(f"    params={pair_list(resolved.params, _SECRET, '    ')},")
    if resolved.form is not None:
        lines.append(f"    data={pair_list(resolved.form, _SECRET, '    ')},")
    if resolved.has_json:
        lines.append(f"    json={literal(resolved.json, 'python', _SECRET, 1)},")
    if resolved.headers:
        entries = [f"        {string(name)}: {joined(value, _SECRET)}," for name, value in resolved.headers]
        lines.append("    headers={\n" + "\n".join(entries) + "\n    },")
    lines += ["    timeout=60,", ")", "print(response.text)"]
    return "\n".join(lines) + "\n"


def core_unavailable(call: HttpCall) -> str | None:
    """Why no ``wfexplorer.core`` snippet exists for ``call`` (``None`` when one does)."""
    target = call.target
    if target.api == "classic":
        if isinstance(call.body, Json):
            return "The classic client sends parameters, not JSON bodies."
        return None
    if target.api == "planning":
        if call.auth is not Auth.BEARER:
            return "The Planning client signs in with a Bearer token only."
        if call.params and len({name for name, _ in call.params}) < len(call.params):
            return "The Planning client takes each query parameter once."
        if isinstance(call.body, Form):
            return "The Planning client sends JSON bodies, not forms."
        return None
    return "This address is neither the classic API (/attask/api) nor Planning (/maestro/api)."


def _classic_parts(resolved: Resolved) -> tuple[str, tuple[tuple[str, Value], ...], dict[str, Value]]:
    """The Workfront method, the parameters (query and form, ``method=`` left out) and the credential headers."""
    method, _ = workfront_method(resolved.call)
    params = tuple((name, value) for name, value in (*resolved.params, *(resolved.form or ())) if name != "method")
    return method, params, {name.lower(): value for name, value in resolved.headers}


def _insecure(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_loopback(parts.hostname or "")


def render_core(resolved: Resolved) -> str:
    """``wfexplorer.core`` code: ``session.request(...)`` for classic paths, the Planning client's call otherwise."""
    call = resolved.call
    target = call.target
    if target.api == "planning":
        return _render_planning(resolved)
    method, params, credential = _classic_parts(resolved)
    lines = [*_imports(resolved, "json"), "", "from wfexplorer.core.classic import Session", "", "session = Session(",
             '    "workfront",', f"    url_template={string(base_url_template(target.base_url))},",
             f"    api_version={string(target.version)},"]
    if call.auth is Auth.SESSION_ID:
        lines.append(f"    session_id={joined(credential['sessionid'], _SECRET)},")
    elif call.auth is Auth.API_KEY:
        lines.append(f"    api_key={joined(credential['apikey'], _SECRET)},")
    elif call.auth is Auth.BEARER:
        lines.append(f"    headers={{\"Authorization\": {joined(credential['authorization'], _SECRET)}}},")
    if _insecure(call.url):
        lines.append("    allow_insecure_http=True,")
    lines += ["    use_cache=False,", ")"]
    arguments = f"{string(method)}, {string(target.path)}"
    if params:
        arguments += f", {pair_list(params, _SECRET, '')}"
    lines += [f"data = session.request({arguments})", "print(json.dumps(data, indent=2))"]
    return "\n".join(lines) + "\n"


def _render_planning(resolved: Resolved) -> str:
    call = resolved.call
    target = call.target
    token = {h.lower(): v for h, v in resolved.headers}["authorization"]
    token_expression = joined(tuple(piece for piece in token if piece != "Bearer "), _SECRET)
    lines = [*_imports(resolved, "json"), "", "from wfexplorer.core.planning import PlanningClient"]
    transport = ""
    if _insecure(call.url):
        lines.append("from wfexplorer.core.transport import Transport")
        transport = ", transport=Transport(allow_insecure_http=True)"
    lines += ["", f"client = PlanningClient({string(target.base_url)}, {token_expression}, "
                  f"version={target.version}{transport})"]
    segments = ", ".join(string(segment) for segment in target.segments)
    arguments = [string(call.method), f"({segments}{',' if len(target.segments) == 1 else ''})"]
    if resolved.params:
        entries = [f"        {string(name)}: {joined(value, _SECRET)}," for name, value in resolved.params]
        arguments.append("params={\n" + "\n".join(entries) + "\n    }")
    if resolved.has_json:
        arguments.append(f"json={literal(resolved.json, 'python', _SECRET, 1)}")
    lines += ["reply = client.connection.call(", *[f"    {argument}," for argument in arguments], ")",
              "print(json.dumps(reply.body, indent=2))"]
    return "\n".join(lines) + "\n"


def python_workfront_unavailable(call: HttpCall) -> str | None:
    """Why no python-workfront snippet exists for ``call`` (``None`` when one does)."""
    if call.target.api != "classic":
        return "python-workfront speaks the classic API only (/attask/api)."
    if call.auth is Auth.BEARER:
        return "python-workfront sends a session ID or an API key, not a Bearer token."
    if isinstance(call.body, Json):
        return "python-workfront sends parameters, not JSON bodies."
    _, params = workfront_method(call)
    names = [name for name, _ in params]
    if len(set(names)) < len(names):
        return "python-workfront takes each parameter once (a dict); this request repeats one."
    return None


_PWF_METHODS = {"GET": "get", "POST": "post", "PUT": "put", "DELETE": "delete"}


def render_python_workfront(resolved: Resolved) -> str:
    """python-workfront 0.8 code: ``session.get/put/post/delete(path, params)`` (``request`` for other methods)."""
    call = resolved.call
    target = call.target
    method, params, credential = _classic_parts(resolved)
    lines = [*_imports(resolved, "json", "warnings"), "", "from workfront import Session", "",
             "with warnings.catch_warnings():",
             "    warnings.simplefilter(\"ignore\")  # it warns about API versions it has no classes for",
             f"    session = Session(\"workfront\", api_version={string(target.version)},",
             f"                      url_template={string(base_url_template(target.base_url))})"]
    if call.auth is Auth.SESSION_ID:
        lines.append(f"session.session_id = {joined(credential['sessionid'], _SECRET)}")
    elif call.auth is Auth.API_KEY:
        lines.append(f"session.api_key = {joined(credential['apikey'], _SECRET)}")
    arguments = string(target.path)
    if params:
        entries = [f"    {string(name)}: {joined(value, _SECRET)}," for name, value in params]
        arguments += ", {\n" + "\n".join(entries) + "\n}"
    verb = _PWF_METHODS.get(method)
    call_text = f"session.{verb}({arguments})" if verb else f"session.request({string(method)}, {arguments})"
    lines += [f"data = {call_text}", "print(json.dumps(data, indent=2))"]
    return "\n".join(lines) + "\n"


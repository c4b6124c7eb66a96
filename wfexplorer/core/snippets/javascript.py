"""Copy as JavaScript ``fetch``: a Node.js 18+ ES module (``node snippet.mjs``) printing the response body.

Secrets come from ``process.env`` through a small ``need()`` helper that stops with the variable's name when
it is unset; in a browser console, replace ``need("…")`` by the value.
"""

from __future__ import annotations

from wfexplorer.core.snippets.call import Resolved
from wfexplorer.core.snippets.literals import javascript_secret, joined, literal, pair_list, string

_SECRET = javascript_secret
_NEED = ('const need = (name) => process.env[name] ?? (() => { throw new Error(`set ${name} first`); })();')


def render_fetch(resolved: Resolved) -> str:
    """``fetch`` for the call (query via ``URLSearchParams``, a form or a JSON body)."""
    call = resolved.call
    lines = ["// Node.js 18+: save as request.mjs and run `node request.mjs`."]
    if resolved.secrets:
        lines.append(_NEED)
    lines.append(f"const url = new URL({string(call.url)});")
    if resolved.params:
        lines += [f"for (const [name, value] of {pair_list(resolved.params, _SECRET, '', '[]')}) {{",
                  "  url.searchParams.append(name, value);", "}"]
    headers = [(string(name), joined(value, _SECRET)) for name, value in resolved.headers]
    body = None
    if resolved.form is not None:
        body = f"new URLSearchParams({pair_list(resolved.form, _SECRET, '  ', '[]')})"
    elif resolved.has_json:
        headers.append((string("Content-Type"), string("application/json")))
        body = f"JSON.stringify({literal(resolved.json, 'javascript', _SECRET, 1)})"
    options = [f"  method: {string(call.method)},"]
    if headers:
        options.append("  headers: {\n" + "\n".join(f"    {name}: {value}," for name, value in headers) + "\n  },")
    if body:
        options.append(f"  body: {body},")
    lines += ["const response = await fetch(url, {", *options, "});", "console.log(await response.text());"]
    return "\n".join(lines) + "\n"

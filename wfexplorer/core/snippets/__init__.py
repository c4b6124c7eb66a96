"""Copy as code: curl, Python ``requests``, JavaScript ``fetch``, ``wfexplorer.core`` and python-workfront.

    from wfexplorer.core.snippets import Auth, HttpCall, Json, SnippetKind, render
    call = HttpCall("GET", "https://acme.my.workfront.com/attask/api/v21.0/proj/search",
                    params=[("status", "CUR")], auth=Auth.SESSION_ID)
    print(render(call, SnippetKind.CURL))                  # reads $WORKFRONT_SESSION_ID
    print(render(call, SnippetKind.PYTHON, reveal=live_secrets(session)))   # the secret written inline

The input is :class:`~wfexplorer.core.snippets.call.HttpCall` (builders make one; the request log has
:func:`call_from_event`). Every snippet runs as pasted and reads each secret from an environment variable
(``WORKFRONT_SESSION_ID``, ``WORKFRONT_API_KEY``, ``WORKFRONT_TOKEN``, ``WORKFRONT_PASSWORD``…, see
:func:`~wfexplorer.core.snippets.call.env_name`); ``reveal`` (variable name → value, from
:func:`~wfexplorer.core.snippets.reveal.live_secrets`) writes those values inline instead, which the user
must ask for explicitly. :func:`unavailable` says why a kind has no snippet for a call (python-workfront
has no Planning API, for one); :func:`render` raises ValidationError with that reason.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping

from wfexplorer.core import errors
from wfexplorer.core.snippets.call import (
    CREDENTIAL_ENV,
    ApiTarget,
    Auth,
    Form,
    HttpCall,
    Json,
    Resolved,
    Secret,
    api_target,
    call_from_event,
    env_name,
    resolve,
)
from wfexplorer.core.snippets.javascript import render_fetch
from wfexplorer.core.snippets.python import (
    core_unavailable,
    python_workfront_unavailable,
    render_core,
    render_python_workfront,
    render_requests,
)
from wfexplorer.core.snippets.reveal import live_secrets
from wfexplorer.core.snippets.shell import render_curl


class SnippetKind(enum.StrEnum):
    """The kinds of code a call can be copied as."""

    CURL = "curl"
    PYTHON = "python"  # requests
    FETCH = "fetch"  # JavaScript
    CORE = "core"  # wfexplorer.core
    PYTHON_WORKFRONT = "python-workfront"

    @property
    def label(self) -> str:
        """How menus name it."""
        return _LABELS[self]


_LABELS = {SnippetKind.CURL: "curl", SnippetKind.PYTHON: "Python (requests)", SnippetKind.FETCH: "JavaScript (fetch)",
           SnippetKind.CORE: "wfexplorer.core", SnippetKind.PYTHON_WORKFRONT: "python-workfront"}
_RENDERERS: dict[SnippetKind, Callable[[Resolved], str]] = {
    SnippetKind.CURL: render_curl, SnippetKind.PYTHON: render_requests, SnippetKind.FETCH: render_fetch,
    SnippetKind.CORE: render_core, SnippetKind.PYTHON_WORKFRONT: render_python_workfront,
}


def unavailable(call: HttpCall, kind: SnippetKind) -> str | None:
    """Why ``kind`` has no snippet for ``call``, or ``None`` when it has one."""
    if kind is SnippetKind.CORE:
        return core_unavailable(call)
    if kind is SnippetKind.PYTHON_WORKFRONT:
        return python_workfront_unavailable(call)
    return None


def render(call: HttpCall, kind: SnippetKind, reveal: Mapping[str, str] | None = None) -> str:
    """The code of ``kind`` for ``call``; ``reveal`` (variable → value) writes those secrets inline."""
    reason = unavailable(call, kind)
    if reason:
        raise errors.ValidationError(f"No {kind.label} snippet for this request: {reason}")
    return _RENDERERS[kind](resolve(call, reveal))


def needed_secrets(call: HttpCall) -> tuple[str, ...]:
    """The environment variables the snippets of ``call`` read."""
    return resolve(call).secrets


__all__ = [
    "CREDENTIAL_ENV", "ApiTarget", "Auth", "Form", "HttpCall", "Json", "Secret", "SnippetKind", "api_target",
    "call_from_event", "env_name", "live_secrets", "needed_secrets", "render", "unavailable",
]

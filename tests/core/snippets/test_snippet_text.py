"""What snippets say, checked without a server: the argument vector curl would get, secrets from the environment
in every language, JSON bodies with secret keys, and the reasons a kind has no snippet."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from wfexplorer.core import errors
from wfexplorer.core.snippets import (
    Auth,
    Form,
    HttpCall,
    Json,
    SnippetKind,
    env_name,
    needed_secrets,
    render,
    unavailable,
)

BASE = "https://acme.my.workfront.com"
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def curl_arguments(code: str, **env: str) -> list[str]:
    """The arguments bash would pass to curl for ``code`` (curl replaced by a function that prints them)."""
    script = "curl() { printf '%s\\n' \"$@\"; }\n" + code
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=10, check=True)
    return done.stdout.splitlines()


def test_curl_quotes_every_value_so_the_shell_passes_it_unchanged() -> None:
    tricky = "it's \"$HOME\" `date` \\ ; & |"
    call = HttpCall("GET", f"{BASE}/attask/api/v21.0/proj/search", params=[("name", tricky), ("$$LIMIT", "5")],
                    auth=Auth.API_KEY)
    arguments = curl_arguments(render(call, SnippetKind.CURL), WORKFRONT_API_KEY="k-123")
    assert f"name={tricky}" in arguments and "$$LIMIT=5" in arguments and "apiKey: k-123" in arguments


def test_a_json_body_with_a_secret_key_splices_the_variable_into_the_json() -> None:
    call = HttpCall("POST", f"{BASE}/maestro/api/v2/things", body=Json({"client_secret": "***", "n": [1, True]}),
                    auth=Auth.BEARER)
    arguments = curl_arguments(render(call, SnippetKind.CURL), WORKFRONT_TOKEN="t-1", WORKFRONT_CLIENT_SECRET="cs-9")
    body = arguments[arguments.index("--data-raw") + 1]
    assert json.loads(body) == {"client_secret": "cs-9", "n": [1, True]}
    assert "Authorization: Bearer t-1" in arguments


@pytest.mark.parametrize("kind", list(SnippetKind), ids=str)
def test_no_snippet_holds_a_secret_value_given_in_the_call(kind: SnippetKind) -> None:
    call = HttpCall("POST", f"{BASE}/attask/api/v21.0/login", body=Form([("username", "bob"),
                                                                        ("password", "hunter2-hunter2")]))
    code = render(call, kind)
    assert "hunter2" not in code and "WORKFRONT_PASSWORD" in code
    assert needed_secrets(call) == ("WORKFRONT_PASSWORD",)


def test_revealing_writes_only_the_revealed_values() -> None:
    call = HttpCall("GET", f"{BASE}/attask/api/v21.0/proj/count", auth=Auth.SESSION_ID)
    code = render(call, SnippetKind.PYTHON, reveal={"WORKFRONT_SESSION_ID": "sess-42"})
    assert '"sessionID": "sess-42"' in code and "os.environ" not in code


def test_variables_are_named_after_what_they_hold() -> None:
    assert [env_name(name) for name in ("password", "sessionID", "apiKey", "approvalPassword", "client_secret")] == [
        "WORKFRONT_PASSWORD", "WORKFRONT_SESSION_ID", "WORKFRONT_API_KEY", "WORKFRONT_APPROVAL_PASSWORD",
        "WORKFRONT_CLIENT_SECRET"]


def test_kinds_without_a_snippet_say_why_and_refuse_to_render() -> None:
    planning = HttpCall("GET", f"{BASE}/maestro/api/v2/workspaces", auth=Auth.BEARER)
    token = HttpCall("POST", f"{BASE}/integrations/oauth2/api/v1/token", body=Form([("grant_type", "x")]))
    repeated = HttpCall("GET", f"{BASE}/attask/api/v21.0/task/search", params=[("status", "NEW"), ("status", "INP")],
                        auth=Auth.SESSION_ID)
    assert "classic API only" in (unavailable(planning, SnippetKind.PYTHON_WORKFRONT) or "")
    assert "neither the classic API" in (unavailable(token, SnippetKind.CORE) or "")
    assert "once" in (unavailable(repeated, SnippetKind.PYTHON_WORKFRONT) or "")
    assert unavailable(repeated, SnippetKind.CORE) is None
    with pytest.raises(errors.ValidationError, match="python-workfront"):
        render(planning, SnippetKind.PYTHON_WORKFRONT)


def test_a_call_needs_an_absolute_address() -> None:
    with pytest.raises(errors.ValidationError, match="absolute"):
        HttpCall("GET", "/attask/api/v21.0/proj/search")

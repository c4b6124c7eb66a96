"""A Session with a credential source renews a refused credential once and resends the request once.

These tests use the canned loopback server and a minimal credential source (any object with
``current``/``renew`` fits), so they also show the classic client needs nothing from
``wfexplorer.core.auth``. The end-to-end tests against the simulator are in
tests/core/auth/test_classic_session_expiry.py.
"""

from __future__ import annotations

import ast
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.wrappers import Request, Response

from wfexplorer.core import errors
from wfexplorer.core.classic.credentials import ClassicCredential, CredentialSource

NOT_LOGGED_IN = {"error": {"class": "com.attask.common.AuthenticationException",
                           "message": "You are not currently logged in."}}


@dataclass(frozen=True)
class Token:
    """A session-ID credential."""

    value: str

    def classic_headers(self) -> dict[str, str]:
        return {"sessionID": self.value}


class Source:
    """A credential source that hands out ``values`` in turn and records every renewal."""

    def __init__(self, *values: str, renewable: bool = True) -> None:
        self.values = list(values)
        self.token = Token(self.values.pop(0))
        self.renewable = renewable
        self.renewed: list[str] = []
        self.signed_out = False

    def current(self) -> Token:
        return self.token

    def renew(self, stale: Token) -> Token:
        self.renewed.append(stale.value)
        if not self.renewable or not self.values:
            raise errors.AuthenticationError("cannot renew")
        self.token = Token(self.values.pop(0))
        return self.token

    def sign_out(self) -> None:
        self.signed_out = True


def accept_only(*live: str, status: int = 401, data: object = None):
    """A handler that answers ``data`` to a live sessionID and "not logged in" (with ``status``) otherwise."""

    def handler(request: Request) -> Response:
        if request.headers.get("sessionID") in live:
            return Response(json.dumps({"data": data if data is not None else {"ok": True}}),
                            mimetype="application/json")
        return Response(json.dumps(NOT_LOGGED_IN), status=status, mimetype="application/json")

    return handler


def sent_session_ids(canned) -> list[str | None]:
    return [{k.lower(): v for k, v in r.headers.items()}.get("sessionid") for r in canned.requests]


def test_any_object_with_current_and_renew_is_a_credential_source():
    assert isinstance(Source("a"), CredentialSource)
    assert isinstance(Token("a"), ClassicCredential)


def test_a_refused_request_is_sent_again_once_with_the_renewed_credential(canned):
    canned.answer_with("GET", "/user/search", accept_only("fresh"))
    source = Source("stale", "fresh")
    session = canned.session(credentials=source)

    assert session.get("/user/search") == {"ok": True}

    assert sent_session_ids(canned) == ["stale", "fresh"]
    assert source.renewed == ["stale"]


def test_an_authentication_exception_body_with_http_200_also_renews(canned):
    canned.answer_with("GET", "/user/search", accept_only("fresh", status=200))
    source = Source("stale", "fresh")

    assert canned.session(credentials=source).get("/user/search") == {"ok": True}
    assert sent_session_ids(canned) == ["stale", "fresh"]


def test_a_second_refusal_is_raised_without_a_third_attempt(canned):
    canned.answer_with("GET", "/user/search", accept_only())
    source = Source("stale", "also-refused", "never-used")

    with pytest.raises(errors.AuthenticationError, match="not currently logged in"):
        canned.session(credentials=source).get("/user/search")
    assert sent_session_ids(canned) == ["stale", "also-refused"]
    assert source.renewed == ["stale"]


def test_when_renewing_fails_that_error_is_raised_and_nothing_is_resent(canned):
    canned.answer_with("PUT", "/task/1", accept_only("fresh"))
    source = Source("stale", "fresh", renewable=False)

    with pytest.raises(errors.AuthenticationError, match="cannot renew") as raised:
        canned.session(credentials=source).put("/task/1", {"updates": {"name": "x"}})
    assert isinstance(raised.value.__context__, errors.AuthenticationError)  # the refusal stays visible
    assert len(canned.requests) == 1


@pytest.mark.parametrize("status", [400, 403, 409, 500])
def test_other_errors_neither_renew_nor_resend_a_write(canned, status):
    canned.answer("POST", "/proj", {"error": {"class": "x", "message": "no"}}, status=status)
    source = Source("live", "other")

    with pytest.raises(errors.WorkfrontError) as raised:
        canned.session(credentials=source).post("/proj", {"updates": {"name": "P"}})
    assert not isinstance(raised.value, errors.AuthenticationError)
    assert len(canned.requests) == 1
    assert source.renewed == []


def test_a_refused_write_is_resent_once_with_the_same_body(canned):
    canned.answer_with("PUT", "/task/1", accept_only("fresh", data={"ID": "1", "name": "New"}))
    session = canned.session(credentials=Source("stale", "fresh"))

    session.put("/task/1", {"updates": {"name": "New"}})

    first, second = canned.requests
    assert (first.method, second.method) == ("PUT", "PUT")
    assert first.form == second.form == {"updates": ['{"name": "New"}']}


def test_without_a_credential_source_a_401_is_raised_as_before(canned):
    canned.answer_with("GET", "/user/search", accept_only("fresh"))

    with pytest.raises(errors.AuthenticationError):
        canned.session(session_id="stale").get("/user/search")
    assert sent_session_ids(canned) == ["stale"]


def test_a_request_with_its_own_password_carries_no_provider_credential_and_is_not_renewed(canned):
    canned.answer("PUT", "/user", {"error": {"class": "com.attask.common.AuthenticationException",
                                             "message": "Your username or password wasn't quite right."}}, 401)
    source = Source("live", "other")

    with pytest.raises(errors.AuthenticationError, match="quite right"):
        canned.session(credentials=source).get_api_key("admin", "wrong")
    assert sent_session_ids(canned) == [None]
    assert source.renewed == []


def test_login_replaces_the_credential_source(canned):
    canned.answer("POST", "/login", {"data": {"sessionID": "from-login", "userID": "U1"}})
    canned.answer_with("GET", "/user/search", accept_only("from-login"))
    source = Source("provided")
    session = canned.session(credentials=source)

    session.login("admin", "demo")
    session.get("/user/search")

    assert session.credentials is None
    assert sent_session_ids(canned) == [None, "from-login"]


def test_credential_headers_given_as_extra_headers_give_way_to_the_provider(canned):
    canned.answer_with("GET", "/user/search", accept_only("live"))
    session = canned.session(credentials=Source("live"), headers={"SessionID": "old", "apiKey": "k",
                                                                  "X-Trace": "1"})

    session.get("/user/search")

    headers = {k.lower(): v for k, v in canned.requests[0].headers.items()}
    assert (headers["sessionid"], headers.get("apikey"), headers["x-trace"]) == ("live", None, "1")


def test_an_upload_is_resent_with_the_same_content_after_renewal(canned):
    received: list[tuple[str | None, bytes]] = []

    def upload(request: Request) -> Response:
        received.append((request.headers.get("sessionID"), request.files["uploadedFile"].read()))
        return accept_only("fresh", data={"handle": "H1"})(request)

    canned.answer_with("POST", "/upload", upload)
    session = canned.session(credentials=Source("stale", "fresh"))

    assert session.upload("notes.txt", io.BytesIO(b"hello, twice")) == "H1"
    assert received == [("stale", b"hello, twice"), ("fresh", b"hello, twice")]


def test_logout_signs_out_through_the_provider_and_lets_go_of_it(canned):
    source = Source("live")
    session = canned.session(credentials=source)

    session.logout()

    assert source.signed_out and session.credentials is None
    assert canned.requests == []  # the provider ends its own session


def test_the_user_id_comes_from_the_provider_when_it_knows_it(canned):
    source = Source("live")
    source.user_id = "U42"  # type: ignore[attr-defined]

    assert canned.session(credentials=source).user_id == "U42"


def test_the_classic_package_never_imports_the_auth_package():
    package = Path(__file__).resolve().parents[3] / "wfexplorer" / "core" / "classic"
    offenders = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {name}" for name in names if name.startswith("wfexplorer.core.auth")]
    assert offenders == []
    loaded = subprocess.run([sys.executable, "-c", "import sys, wfexplorer.core.classic; "
                             "print(any(m.startswith('wfexplorer.core.auth') for m in sys.modules))"],
                            capture_output=True, text=True, timeout=60, check=True)
    assert loaded.stdout.strip() == "False"

"""The token endpoints: codes with PKCE, refresh with rotation, revocation, client credentials, IMS."""

from __future__ import annotations

import json

import pytest
import requests
from oauth_support import IMS_TOKEN, REVOKE, TIMEOUT, TOKEN, pkce_pair


def test_code_exchange_returns_a_session_token_that_works_as_a_classic_session_id(oauth):
    answer = oauth.exchange(oauth.authorize())

    assert answer.status_code == 200
    token = answer.json()
    assert token["token_type"] == "sessionID"
    assert token["expires_in"] > 0
    assert token["refresh_token"] and token["wid"]
    me = oauth.whoami(token["access_token"])
    assert me.status_code == 200
    assert me.json()["data"]["username"] == "admin"


def test_access_token_is_a_shared_session_of_the_signed_in_user(oauth, demo_server):
    token = oauth.exchange(oauth.authorize()).json()

    session = demo_server.context.sessions.resolve(token["access_token"])

    assert session is not None
    assert session.origin == "oauth"
    assert session.user_id == token["wid"]
    assert session.client_id == oauth.credentials["oauth_public_client_id"]


def test_a_code_works_only_once(oauth):
    authorization = oauth.authorize()
    first = oauth.exchange(authorization)

    again = oauth.exchange(authorization)

    assert first.status_code == 200
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_reusing_a_code_revokes_the_tokens_issued_from_it(oauth):
    authorization = oauth.authorize()
    token = oauth.exchange(authorization).json()
    refreshed = oauth.refresh(token["refresh_token"]).json()  # a rotation still descends from the code
    assert oauth.whoami(refreshed["access_token"]).status_code == 200

    replay = oauth.exchange(authorization)

    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    assert oauth.whoami(token["access_token"]).status_code == 401
    assert oauth.whoami(refreshed["access_token"]).status_code == 401
    assert oauth.refresh(refreshed["refresh_token"]).status_code == 400


def test_tokens_of_another_code_survive_a_replay(oauth):
    replayed, kept = oauth.authorize(), oauth.authorize()
    oauth.exchange(replayed)
    token = oauth.exchange(kept).json()

    oauth.exchange(replayed)

    assert oauth.whoami(token["access_token"]).status_code == 200


def test_a_code_expires_after_the_configured_lifetime(fresh_oauth, private_server):
    context = private_server.context
    authorization = fresh_oauth.authorize()

    context.clock.advance(context.settings.oauth_code_lifetime_seconds + 1)
    answer = fresh_oauth.exchange(authorization)

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


def test_a_code_used_just_before_expiry_still_works(fresh_oauth, private_server):
    context = private_server.context
    authorization = fresh_oauth.authorize()

    context.clock.advance(context.settings.oauth_code_lifetime_seconds - 5)

    assert fresh_oauth.exchange(authorization).status_code == 200


def test_a_wrong_code_verifier_is_refused_and_burns_the_code(oauth):
    authorization = oauth.authorize()
    other_verifier, _ = pkce_pair()

    refused = oauth.exchange(authorization, code_verifier=other_verifier)
    retried = oauth.exchange(authorization)

    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_grant"
    assert retried.status_code == 400


def test_a_public_client_must_send_the_code_verifier(oauth):
    answer = oauth.exchange(oauth.authorize(), code_verifier=None)

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"


def test_the_redirect_uri_must_match_the_authorization_request(oauth):
    answer = oauth.exchange(oauth.authorize(), redirect_uri="http://127.0.0.1:1/callback")

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


def test_a_code_issued_to_one_client_is_refused_for_another(oauth):
    credentials = oauth.credentials
    answer = oauth.exchange(oauth.authorize(), client_id=credentials["oauth_client_id"],
                            client_secret=credentials["oauth_client_secret"])

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


def test_confidential_client_exchanges_a_code_with_a_json_body_and_basic_auth(oauth):
    credentials = oauth.credentials
    verifier, challenge = pkce_pair()
    params = oauth.authorize_params(client_id=credentials["oauth_client_id"],
                                    redirect_uri=credentials["oauth_redirect_uri"], challenge=challenge)
    location = oauth.submit(oauth.open_page(params)).headers["Location"]
    code = requests.utils.urlparse(location).query.split("code=")[1].split("&")[0]

    answer = requests.post(
        oauth.base + TOKEN,
        json={"grant_type": "authorization_code", "code": code, "redirect_uri": credentials["oauth_redirect_uri"],
              "code_verifier": verifier},
        auth=(credentials["oauth_client_id"], credentials["oauth_client_secret"]),
        timeout=TIMEOUT,
    )

    assert answer.status_code == 200, answer.text
    assert oauth.whoami(answer.json()["access_token"]).status_code == 200


def test_confidential_client_with_a_wrong_secret_is_refused(oauth):
    answer = requests.post(oauth.base + TOKEN, data={"grant_type": "client_credentials"},
                           auth=(oauth.credentials["oauth_client_id"], "wrong-secret"), timeout=TIMEOUT)

    assert answer.status_code == 401
    assert answer.json()["error"] == "invalid_client"


def test_refresh_returns_a_new_pair_and_retires_the_old_refresh_token(oauth):
    first = oauth.exchange(oauth.authorize()).json()

    refreshed = oauth.refresh(first["refresh_token"])
    reused = oauth.refresh(first["refresh_token"])

    assert refreshed.status_code == 200
    second = refreshed.json()
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    assert oauth.whoami(second["access_token"]).status_code == 200
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"


def test_a_revoked_refresh_token_is_refused_and_its_access_token_stops_working(oauth):
    token = oauth.exchange(oauth.authorize()).json()

    revoked = requests.post(oauth.base + REVOKE, timeout=TIMEOUT,
                            data={"token": token["refresh_token"], "token_type_hint": "refresh_token",
                                  "client_id": oauth.credentials["oauth_public_client_id"]})

    assert revoked.status_code == 200
    assert oauth.refresh(token["refresh_token"]).json()["error"] == "invalid_grant"
    assert oauth.whoami(token["access_token"]).status_code == 401


def test_revoking_an_access_token_ends_that_session(oauth):
    token = oauth.exchange(oauth.authorize()).json()

    requests.post(oauth.base + REVOKE, timeout=TIMEOUT,
                  data={"token": token["access_token"], "token_type_hint": "access_token",
                        "client_id": oauth.credentials["oauth_public_client_id"]})

    assert oauth.whoami(token["access_token"]).status_code == 401


def test_access_tokens_expire_after_the_configured_lifetime(fresh_oauth, private_server):
    context = private_server.context
    context.settings.oauth_access_token_lifetime_seconds = 30
    token = fresh_oauth.exchange(fresh_oauth.authorize()).json()
    assert token["expires_in"] == 30

    context.clock.advance(31)

    assert fresh_oauth.whoami(token["access_token"]).status_code == 401
    assert fresh_oauth.refresh(token["refresh_token"]).status_code == 200


def test_client_credentials_on_the_workfront_endpoint_act_as_the_apps_owner(oauth):
    credentials = oauth.credentials

    answer = requests.post(oauth.base + TOKEN, data={"grant_type": "client_credentials"},
                           auth=(credentials["oauth_client_id"], credentials["oauth_client_secret"]), timeout=TIMEOUT)

    token = answer.json()
    assert answer.status_code == 200
    assert token["token_type"] == "sessionID"
    assert "refresh_token" not in token
    assert oauth.whoami(token["access_token"]).json()["data"]["username"] == "admin"


@pytest.mark.parametrize("where", ["body", "query"])
def test_ims_client_credentials_return_a_bearer_token_from_body_or_query_parameters(oauth, where):
    credentials = oauth.credentials
    values = {"grant_type": "client_credentials", "client_id": credentials["oauth_client_id"],
              "client_secret": credentials["oauth_client_secret"], "scope": "openid,AdobeID"}
    kwargs = {"data": values} if where == "body" else {"params": values}

    answer = requests.post(oauth.base + IMS_TOKEN, timeout=TIMEOUT, **kwargs)

    assert answer.status_code == 200, answer.text
    token = answer.json()
    assert token["token_type"] == "bearer"
    assert token["expires_in"] > 0
    assert "refresh_token" not in token
    assert oauth.whoami(token["access_token"]).status_code == 200


def test_a_public_client_cannot_use_client_credentials(oauth):
    answer = requests.post(oauth.base + TOKEN, timeout=TIMEOUT,
                           data={"grant_type": "client_credentials",
                                 "client_id": oauth.credentials["oauth_public_client_id"]})

    assert answer.status_code in (400, 401)
    assert answer.json()["error"] in ("invalid_client", "unauthorized_client")


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("POST", TOKEN, {"data": "{not json", "headers": {"Content-Type": "application/json"}}, 400),
        ("POST", TOKEN, {"data": "[1, 2]", "headers": {"Content-Type": "application/json"}}, 400),
        ("POST", TOKEN, {"json": {"grant_type": {"nested": True}}}, 400),
        ("POST", TOKEN, {"data": {}}, 400),
        ("POST", TOKEN, {"data": {"grant_type": "password", "username": "admin", "password": "demo"}}, 400),
        ("POST", TOKEN, {"data": {"grant_type": "authorization_code", "client_id": "wfexplorer-desktop"}}, 400),
        ("POST", TOKEN, {"data": b"\xff\xfe\x00garbage", "headers": {"Content-Type": "application/json"}}, 400),
        ("GET", TOKEN, {}, 405),
        ("POST", REVOKE, {"data": {"client_id": "wfexplorer-desktop"}}, 400),
        ("POST", IMS_TOKEN, {"data": {"grant_type": "client_credentials"}}, 401),
        ("GET", "/integrations/oauth2/nothing-here", {}, 404),
        ("GET", "/integrations/oauth2/authorize", {}, 400),
        ("POST", "/integrations/oauth2/authorize", {"data": {"username": "admin"}}, 400),
    ],
)
def test_malformed_requests_get_an_oauth_error_body_never_a_server_error(oauth, method, path, kwargs, status):
    answer = requests.request(method, oauth.base + path, timeout=TIMEOUT, **kwargs)

    assert answer.status_code == status
    assert answer.status_code < 500
    if answer.headers["Content-Type"].startswith("application/json"):
        assert json.loads(answer.text)["error"]
    else:
        assert "<h1>" in answer.text


def test_injected_faults_answer_in_the_oauth_error_shape(oauth, demo_faults):
    demo_faults.error_rate = 1.0
    demo_faults.error_status = 503

    answer = oauth.refresh("anything")

    assert answer.status_code == 503
    assert answer.json()["error"] == "temporarily_unavailable"


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_oauth_and_ims_access_tokens_work_as_planning_bearer_tokens(oauth, version):
    credentials = oauth.credentials
    code_token = oauth.exchange(oauth.authorize()).json()["access_token"]
    ims_token = requests.post(oauth.base + IMS_TOKEN, timeout=TIMEOUT,
                              data={"grant_type": "client_credentials", "client_id": credentials["oauth_client_id"],
                                    "client_secret": credentials["oauth_client_secret"]}).json()["access_token"]

    for token in (code_token, ims_token):
        answer = requests.get(f"{oauth.base}/maestro/api/{version}/workspaces", timeout=TIMEOUT,
                              headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200, answer.text
    refused = requests.get(f"{oauth.base}/maestro/api/{version}/workspaces", timeout=TIMEOUT,
                           headers={"Authorization": "Bearer " + "0" * 32})
    assert refused.status_code == 401

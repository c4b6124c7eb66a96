"""OAuth 2.0 from core against the simulator: browser sign-in with PKCE, refresh, revocation, client credentials."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from auth_support import FormBrowser, profile_for, with_query

from wfexplorer.core import errors
from wfexplorer.core.auth import SignInTimedOut, TokenService, WorkfrontOAuth
from wfexplorer.core.auth.classic_login import whoami
from wfexplorer.core.transport import Transport


@pytest.fixture
def http():
    transport = Transport(max_retries=0)
    yield transport
    transport.close()


def _me(http, profile, tokens):
    return whoami(http, profile, {"sessionID": tokens.access_token})


def test_browser_sign_in_with_pkce_returns_tokens_for_the_user_who_signed_in(profile, http, browser):
    oauth = WorkfrontOAuth(profile, http)

    tokens = oauth.authorize_in_browser(open_browser=browser, timeout=10)

    assert tokens.token_type == "sessionID"
    assert tokens.refresh_token
    assert tokens.expires_at is not None
    assert _me(http, profile, tokens)["username"] == "admin"
    assert browser.pages[-1] == "You are signed in to wfexplorer"


def test_the_authorization_request_carries_state_and_an_s256_challenge_and_a_loopback_redirect(profile, http,
                                                                                                 browser):
    WorkfrontOAuth(profile, http).authorize_in_browser(open_browser=browser, timeout=10)

    query = {key: values[0] for key, values in parse_qs(urlsplit(browser.opened[0]).query).items()}
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 20
    assert query["redirect_uri"].startswith("http://127.0.0.1:")


def test_a_wrong_password_in_the_browser_never_comes_back_and_the_sign_in_times_out(profile, http):
    browser = FormBrowser(password="wrong")

    with pytest.raises(errors.AuthenticationError, match="did not come back"):
        WorkfrontOAuth(profile, http).authorize_in_browser(open_browser=browser, timeout=0.5)
    assert "Sign in to Workfront (demo)" in browser.pages[-1]


def test_denying_access_in_the_browser_is_an_authentication_error(profile, http):
    browser = FormBrowser(decision="deny")

    with pytest.raises(errors.AuthenticationError, match="denied"):
        WorkfrontOAuth(profile, http).authorize_in_browser(open_browser=browser, timeout=10)
    assert browser.pages[-1] == "Sign-in was not completed"


def test_a_redirect_with_a_forged_state_is_ignored_until_the_time_out(profile, http):
    browser = FormBrowser(before_redirect=lambda url: with_query(url, state="forged-state"))

    with pytest.raises(SignInTimedOut):
        WorkfrontOAuth(profile, http).authorize_in_browser(open_browser=browser, timeout=2)
    assert browser.pages[-1] == "Sign-in failed"


def test_an_expired_code_is_refused(private_server, http):
    context = private_server.context

    def late(url: str) -> str:
        context.clock.advance(context.settings.oauth_code_lifetime_seconds + 1)
        return url

    oauth = WorkfrontOAuth(profile_for(private_server), http)
    with pytest.raises(errors.AuthenticationError) as raised:
        oauth.authorize_in_browser(open_browser=FormBrowser(before_redirect=late), timeout=10)
    assert raised.value.error_code == "invalid_grant"


def test_a_code_cannot_be_exchanged_twice(profile, http):
    oauth = WorkfrontOAuth(profile, http)
    captured: dict[str, str] = {}

    def keep(url: str) -> str:
        captured["url"] = url
        return url

    oauth.authorize_in_browser(open_browser=FormBrowser(before_redirect=keep), timeout=10)
    query = parse_qs(urlsplit(captured["url"]).query)
    client = oauth._client(redirect_uri=captured["url"].split("?")[0])

    with pytest.raises(errors.AuthenticationError) as raised:
        # the verifier is unknown here, but a used code is refused before PKCE is even checked
        oauth.finish_authorization(client, captured["url"], state=query["state"][0], code_verifier="x" * 64)
    assert raised.value.error_code == "invalid_grant"


def test_refresh_gives_new_tokens_and_the_old_refresh_token_stops_working(profile, http, browser):
    oauth = WorkfrontOAuth(profile, http)
    first = oauth.authorize_in_browser(open_browser=browser, timeout=10)

    second = oauth.refresh(first.refresh_token)

    assert second.access_token != first.access_token
    assert _me(http, profile, second)["username"] == "admin"
    with pytest.raises(errors.AuthenticationError):
        oauth.refresh(first.refresh_token)


def test_a_revoked_refresh_token_is_refused(profile, http, browser):
    oauth = WorkfrontOAuth(profile, http)
    tokens = oauth.authorize_in_browser(open_browser=browser, timeout=10)

    oauth.revoke(tokens.refresh_token)

    with pytest.raises(errors.AuthenticationError) as raised:
        oauth.refresh(tokens.refresh_token)
    assert raised.value.error_code == "invalid_grant"
    with pytest.raises(errors.AuthenticationError):
        _me(http, profile, tokens)


@pytest.mark.parametrize("service", [TokenService.WORKFRONT, TokenService.IMS])
def test_client_credentials_get_a_token_that_works(profile, http, credentials, service):
    oauth = WorkfrontOAuth(profile, http, client_id=credentials["oauth_client_id"],
                           client_secret=credentials["oauth_client_secret"])

    tokens = oauth.client_credentials(service)

    assert tokens.token_type == ("bearer" if service is TokenService.IMS else "sessionID")
    assert tokens.refresh_token is None
    assert _me(http, profile, tokens)["username"] == "admin"


@pytest.mark.parametrize("service", [TokenService.WORKFRONT, TokenService.IMS])
def test_client_credentials_with_a_wrong_secret_are_refused(profile, http, credentials, service):
    oauth = WorkfrontOAuth(profile, http, client_id=credentials["oauth_client_id"], client_secret="wrong")

    with pytest.raises(errors.AuthenticationError) as raised:
        oauth.client_credentials(service)
    assert raised.value.error_code == "invalid_client"


def test_an_unreachable_token_endpoint_is_a_network_error(http):
    from wfexplorer.core.auth import demo_profile

    oauth = WorkfrontOAuth(demo_profile("http://127.0.0.1:9"), http, client_id="app", client_secret="s")

    with pytest.raises(errors.NetworkError):
        oauth.client_credentials()


def test_a_redirect_without_a_code_is_a_protocol_error(profile, http):
    def drop_code(url: str) -> str:
        base, _, query = url.partition("?")
        return base + "?" + "&".join(part for part in query.split("&") if not part.startswith("code="))

    with pytest.raises(errors.ProtocolError, match="no usable authorization code"):
        WorkfrontOAuth(profile, http).authorize_in_browser(open_browser=FormBrowser(before_redirect=drop_code),
                                                           timeout=10)

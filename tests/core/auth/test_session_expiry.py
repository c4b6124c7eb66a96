"""A session that expires mid-work: the next 401 refreshes (OAuth) or asks again (password, API key), retries once."""

from __future__ import annotations

import threading

import pytest
from auth_support import FakeClock, FormBrowser, profile_for

from wfexplorer.core import errors
from wfexplorer.core.auth import (
    ApiKeyProvider,
    Authenticator,
    ClientCredentialsProvider,
    PasswordProvider,
    ProfileStore,
    ReauthenticationDeclined,
    ReauthRequest,
    SecretStore,
    StaticTokenProvider,
    TokenSource,
    WorkfrontOAuth,
    call_with_credentials,
)
from wfexplorer.core.auth.classic_login import whoami
from wfexplorer.core.planning.connection import PlanningConnection
from wfexplorer.core.transport import Transport


@pytest.fixture
def http():
    transport = Transport(max_retries=0)
    yield transport
    transport.close()


class Attempts:
    """An API call that records the credential each attempt used."""

    def __init__(self, http, profile):
        self.http = http
        self.profile = profile
        self.used: list[str] = []

    def __call__(self, credential):
        self.used.append(credential.value)
        return whoami(self.http, self.profile, credential.classic_headers())["username"]


class Prompt:
    """A re-authentication prompt that answers from a list and records what it was asked."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[ReauthRequest] = []

    def __call__(self, request):
        self.asked.append(request)
        return self.answers.pop(0) if self.answers else None


def _authenticator(tmp_path, clock=None, prompt=None, browser=None):
    return Authenticator(profiles=ProfileStore(tmp_path), secrets=SecretStore(), open_browser=browser or FormBrowser(),
                         prompt=prompt, clock=clock or FakeClock())


def test_an_expired_oauth_access_token_is_refreshed_on_401_and_the_request_retried_once(private_server, http,
                                                                                        tmp_path):
    profile = profile_for(private_server)
    signed_in = _authenticator(tmp_path).sign_in_with_browser(profile, timeout=10)
    provider = signed_in.provider
    before = provider.current()
    private_server.context.clock.advance(private_server.context.settings.oauth_access_token_lifetime_seconds + 1)
    attempts = Attempts(http, profile)

    assert call_with_credentials(provider, attempts) == "admin"

    assert attempts.used[0] == before.value
    assert len(attempts.used) == 2
    assert attempts.used[1] != before.value


def test_an_oauth_token_is_refreshed_before_it_expires(demo_server, tmp_path):
    clock = FakeClock()
    provider = _authenticator(tmp_path, clock).sign_in_with_browser(profile_for(demo_server), timeout=10).provider
    first = provider.current()

    clock.advance(provider.tokens.expires_at - clock() - 30)  # inside the one-minute leeway
    second = provider.current()

    assert second.value != first.value
    assert provider.current() == second  # no refresh while it is fresh


def test_a_refreshed_refresh_token_replaces_the_remembered_one(demo_server, tmp_path, memory_keyring):
    clock = FakeClock()
    auth = _authenticator(tmp_path, clock)
    profile = profile_for(demo_server)
    provider = auth.sign_in_with_browser(profile, remember=True, timeout=10).provider
    remembered = auth.secrets.get(profile.name, "refresh_token")

    provider.renew(provider.current())

    assert auth.secrets.get(profile.name, "refresh_token") == provider.tokens.refresh_token != remembered


def test_a_revoked_refresh_token_makes_the_next_401_an_authentication_error(private_server, http, tmp_path):
    profile = profile_for(private_server)
    signed_in = _authenticator(tmp_path).sign_in_with_browser(profile, timeout=10)
    WorkfrontOAuth(profile, http).revoke(signed_in.provider.tokens.refresh_token)
    attempts = Attempts(http, profile)

    with pytest.raises(errors.AuthenticationError):
        call_with_credentials(signed_in.provider, attempts)
    assert len(attempts.used) == 1


def test_with_a_prompt_a_revoked_oauth_sign_in_goes_through_the_browser_again(private_server, http, tmp_path):
    profile = profile_for(private_server)
    browser = FormBrowser()
    prompt = Prompt("ok")
    signed_in = _authenticator(tmp_path, prompt=prompt, browser=browser).sign_in_with_browser(profile, timeout=10)
    WorkfrontOAuth(profile, http).revoke(signed_in.provider.tokens.refresh_token)

    assert call_with_credentials(signed_in.provider, Attempts(http, profile)) == "admin"
    assert len(browser.opened) == 2
    assert [request.needs for request in prompt.asked] == ["browser"]


def test_an_expired_password_session_asks_for_the_password_and_retries_once(demo_server, http, tmp_path):
    prompt = Prompt("demo")
    profile = profile_for(demo_server)
    provider = _authenticator(tmp_path, prompt=prompt).sign_in_with_password(profile, "admin", "demo").provider
    demo_server.context.sessions.revoke(provider.current().value)  # the server forgets the session
    attempts = Attempts(http, profile)

    assert call_with_credentials(provider, attempts) == "admin"

    assert len(attempts.used) == 2
    assert [(asked.needs, asked.username) for asked in prompt.asked] == [("password", "admin")]
    assert "expired" in prompt.asked[0].message


def test_a_kept_password_signs_in_again_without_asking(demo_server, http, tmp_path):
    prompt = Prompt()
    profile = profile_for(demo_server)
    provider = PasswordProvider(profile, http, "admin", "demo", keep_password=True, prompt=prompt)
    demo_server.context.sessions.revoke(provider.current().value)

    assert call_with_credentials(provider, Attempts(http, profile)) == "admin"
    assert prompt.asked == []


def test_declining_the_password_prompt_does_not_retry(demo_server, http):
    profile = profile_for(demo_server)
    provider = PasswordProvider(profile, http, "admin", "demo", prompt=Prompt(None))
    demo_server.context.sessions.revoke(provider.current().value)
    attempts = Attempts(http, profile)

    with pytest.raises(ReauthenticationDeclined):
        call_with_credentials(provider, attempts)
    assert len(attempts.used) == 1


def test_a_wrong_password_at_the_prompt_is_asked_for_again_with_the_servers_reason(demo_server, http):
    profile = profile_for(demo_server)
    prompt = Prompt("wrong", "demo")
    provider = PasswordProvider(profile, http, "admin", "demo", prompt=prompt)
    demo_server.context.sessions.revoke(provider.current().value)
    attempts = Attempts(http, profile)

    assert call_with_credentials(provider, attempts) == "admin"
    assert prompt.asked[0].error is None
    assert "wasn't quite right" in (prompt.asked[1].error or "")
    assert len(attempts.used) == 2


def test_giving_up_after_a_wrong_password_sends_nothing_again(demo_server, http):
    profile = profile_for(demo_server)
    provider = PasswordProvider(profile, http, "admin", "demo", prompt=Prompt("wrong", None))
    demo_server.context.sessions.revoke(provider.current().value)
    attempts = Attempts(http, profile)

    with pytest.raises(ReauthenticationDeclined):
        call_with_credentials(provider, attempts)
    assert len(attempts.used) == 1


def test_without_a_prompt_the_gui_can_reauthenticate_itself(demo_server, http):
    profile = profile_for(demo_server)
    provider = PasswordProvider(profile, http, "admin", "demo")
    stale = provider.current()
    demo_server.context.sessions.revoke(stale.value)

    with pytest.raises(errors.AuthenticationError):
        provider.renew(stale)
    provider.reauthenticate("demo")

    assert Attempts(http, profile)(provider.current()) == "admin"


def test_a_cleared_api_key_asks_for_the_password_and_continues_with_the_new_key(private_server, http):
    profile = profile_for(private_server)
    credentials = private_server.credentials()
    new_keys: list[str] = []
    provider = ApiKeyProvider(profile, http, credentials["api_key"], username="admin", prompt=Prompt("demo"),
                              on_new_key=new_keys.append)
    sessions = private_server.context.sessions
    sessions.clear_api_key(sessions.find_user("admin")["ID"])

    assert call_with_credentials(provider, Attempts(http, profile)) == "admin"
    assert new_keys and new_keys[0] != credentials["api_key"]


def test_client_credentials_fetch_a_new_token_after_a_401(private_server, http):
    profile = profile_for(private_server)
    credentials = private_server.credentials()
    oauth = WorkfrontOAuth(profile, http, client_id=credentials["oauth_client_id"],
                           client_secret=credentials["oauth_client_secret"])
    provider = ClientCredentialsProvider(oauth)
    private_server.context.sessions.revoke(provider.current().value)
    attempts = Attempts(http, profile)

    assert call_with_credentials(provider, attempts) == "admin"
    assert len(attempts.used) == 2


def test_a_pasted_token_cannot_be_renewed():
    provider = StaticTokenProvider("abc")

    with pytest.raises(errors.AuthenticationError, match="paste a new one"):
        provider.renew(provider.current())


def test_concurrent_401s_with_the_same_stale_credential_renew_only_once(demo_server, http):
    prompt = Prompt("demo", "demo", "demo")
    profile = profile_for(demo_server)
    provider = PasswordProvider(profile, http, "admin", "demo", prompt=prompt)
    stale = provider.current()
    demo_server.context.sessions.revoke(stale.value)
    results: list[str] = []

    threads = [threading.Thread(target=lambda: results.append(provider.renew(stale).value)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert len(prompt.asked) == 1
    assert len(set(results)) == 1 and results[0] != stale.value


def test_the_planning_client_refreshes_an_expired_oauth_token_through_a_token_source(private_server, tmp_path):
    profile = profile_for(private_server)
    signed_in = _authenticator(tmp_path).sign_in_with_browser(profile, timeout=10)
    source = TokenSource(signed_in.provider)
    planning = PlanningConnection(profile.base_url, source.token, refresh=source.refresh, transport=signed_in.http)
    first = source.token()
    context = private_server.context
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)

    reply = planning.call("GET", ("workspaces",))

    assert reply.status == 200
    assert signed_in.provider.current().value != first


def test_a_token_source_refuses_api_keys_for_planning(private_server, http):
    provider = ApiKeyProvider(profile_for(private_server), http, "some-key")

    with pytest.raises(errors.AuthenticationError, match="Planning"):
        TokenSource(provider).token()

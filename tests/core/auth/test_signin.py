"""Signing in with each method through the Authenticator, and what is remembered where."""

from __future__ import annotations

import json
import re
import threading

import pytest

from wfexplorer.core import errors
from wfexplorer.core.auth import Authenticator, AuthMethod, ProfileStore, SecretStore, SignInCancelled, TokenService
from wfexplorer.core.auth.signin import default_transport


def test_password_sign_in_knows_the_user(authenticator, profile):
    signed_in = authenticator.sign_in_with_password(profile, "admin", "demo")

    assert signed_in.method is AuthMethod.PASSWORD
    assert signed_in.username == "admin"
    assert signed_in.user_name
    assert signed_in.provider.user_id == signed_in.user["ID"]


def test_a_wrong_password_is_refused_with_the_servers_message(authenticator, profile):
    with pytest.raises(errors.AuthenticationError, match="wasn't quite right"):
        authenticator.sign_in_with_password(profile, "admin", "not-it")


def test_api_key_sign_in_checks_the_key_with_the_server(authenticator, profile, credentials):
    signed_in = authenticator.sign_in_with_api_key(profile, credentials["api_key"])

    assert signed_in.method is AuthMethod.API_KEY
    assert signed_in.username == "admin"


def test_a_wrong_api_key_is_refused(authenticator, profile):
    with pytest.raises(errors.AuthenticationError, match="did not accept this API key"):
        authenticator.sign_in_with_api_key(profile, "0" * 32)


def test_get_api_key_uses_the_username_and_password(authenticator, profile, credentials):
    assert authenticator.get_api_key(profile, "admin", "demo") == credentials["api_key"]
    with pytest.raises(errors.AuthenticationError):
        authenticator.get_api_key(profile, "admin", "wrong")


def test_browser_sign_in(authenticator, profile, browser):
    signed_in = authenticator.sign_in_with_browser(profile, timeout=10)

    assert signed_in.method is AuthMethod.OAUTH_BROWSER
    assert signed_in.username == "admin"
    assert browser.pages[-1] == "You are signed in to wfexplorer"


@pytest.mark.parametrize("service", [TokenService.WORKFRONT, TokenService.IMS])
def test_client_credentials_sign_in(authenticator, profile, credentials, service):
    signed_in = authenticator.sign_in_with_client_credentials(
        profile, credentials["oauth_client_id"], credentials["oauth_client_secret"], service=service
    )

    assert signed_in.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS
    assert signed_in.profile.token_service is service
    assert signed_in.username == "admin"


def test_remember_saves_the_profile_without_secrets_and_the_secret_in_the_keyring(authenticator, profile, credentials,
                                                                                 memory_keyring):
    authenticator.sign_in_with_api_key(profile, credentials["api_key"], username="admin", remember=True)

    text = authenticator.profiles.path.read_text(encoding="utf-8")
    assert credentials["api_key"] not in text
    assert json.loads(text)["profiles"][0]["auth_method"] == "api_key"
    assert memory_keyring.secrets[("wfexplorer", f"{profile.name}/api_key")] == credentials["api_key"]


def test_the_password_is_kept_only_when_asked(authenticator, profile, memory_keyring):
    authenticator.sign_in_with_password(profile, "admin", "demo", remember=True)
    assert memory_keyring.secrets == {}

    authenticator.sign_in_with_password(profile, "admin", "demo", remember=True, remember_password=True)
    assert memory_keyring.secrets == {("wfexplorer", f"{profile.name}/password"): "demo"}


@pytest.mark.parametrize("method", ["password", "api_key", "browser", "client_credentials"])
def test_a_remembered_profile_signs_in_again_without_asking(authenticator, profile, credentials, browser, method):
    if method == "password":
        authenticator.sign_in_with_password(profile, "admin", "demo", remember=True, remember_password=True)
    elif method == "api_key":
        authenticator.sign_in_with_api_key(profile, credentials["api_key"], remember=True)
    elif method == "browser":
        authenticator.sign_in_with_browser(profile, remember=True, timeout=10)
    else:
        authenticator.sign_in_with_client_credentials(profile, credentials["oauth_client_id"],
                                                      credentials["oauth_client_secret"], remember=True)
    opened = len(browser.opened)
    saved = authenticator.profiles.get(profile.name)

    restored = authenticator.restore(saved)

    assert restored is not None
    assert restored.username == "admin"
    assert len(browser.opened) == opened  # no browser, no prompt


def test_restore_without_a_remembered_secret_returns_none(authenticator, profile):
    authenticator.sign_in_with_password(profile, "admin", "demo", remember=True)

    assert authenticator.restore(authenticator.profiles.get(profile.name)) is None


def test_forget_deletes_the_profile_and_its_secrets(authenticator, profile, credentials, memory_keyring):
    authenticator.sign_in_with_api_key(profile, credentials["api_key"], remember=True)

    authenticator.forget(profile.name)

    assert authenticator.profiles.load() == []
    assert memory_keyring.secrets == {}


def test_a_sign_in_cancelled_before_it_starts_sends_nothing(authenticator, profile, demo_server):
    cancel = threading.Event()
    cancel.set()
    sessions_before = len(demo_server.context.store.table("_session"))

    with pytest.raises(SignInCancelled):
        authenticator.sign_in_with_password(profile, "admin", "demo", cancel=cancel)
    assert len(demo_server.context.store.table("_session")) == sessions_before


def test_signing_out_of_an_oauth_sign_in_revokes_its_refresh_token(authenticator, profile):
    signed_in = authenticator.sign_in_with_browser(profile, timeout=10)
    refresh_token = signed_in.provider.tokens.refresh_token

    signed_in.sign_out()

    oauth = authenticator.oauth_for(signed_in.profile, signed_in.http)
    with pytest.raises(errors.AuthenticationError):
        oauth.refresh(refresh_token)


def test_an_incomplete_profile_is_refused_before_any_request(authenticator, profile):
    with pytest.raises(errors.ValidationError):
        authenticator.sign_in_with_browser(profile.with_changes(client_id=""), timeout=1)


@pytest.fixture
def wire(tmp_path, browser):
    """An Authenticator whose transport records every request (method, path under the API) of its sign-ins."""
    sent: list[tuple[str, str]] = []

    def recorded(profile):
        http = default_transport(profile)
        http.subscribe(lambda event: sent.append((event.method, event.url.split("?")[0].split("/attask/api/")[-1])))
        return http

    made = Authenticator(profiles=ProfileStore(tmp_path / "wired"), secrets=SecretStore(), open_browser=browser,
                         transport_factory=recorded)
    return made, sent


def test_each_credential_is_proven_by_the_server_before_the_sign_in_returns(wire, profile, credentials):
    authenticator, sent = wire

    authenticator.sign_in_with_password(profile, "admin", "demo")
    assert sent == [("POST", "v21.0/login"), ("GET", "v21.0/user")]  # the session, then who it belongs to
    sent.clear()
    authenticator.sign_in_with_api_key(profile, credentials["api_key"])
    assert sent == [("GET", "v21.0/user")]  # one request: the key proves itself by saying whose it is


def test_no_secret_is_in_the_repr_of_a_sign_in_its_provider_or_its_credential(authenticator, profile, credentials):
    keeping = profile.with_changes(remember_password=True)  # the provider then holds the password
    by_password = authenticator.sign_in_with_password(keeping, "admin", "demo")
    by_key = authenticator.sign_in_with_api_key(profile, credentials["api_key"])
    session_id = by_password.provider.current().value

    for signed_in in (by_password, by_key):
        shown = " ".join(repr(item) for item in (signed_in, signed_in.provider, signed_in.provider.current()))
        assert session_id not in shown and credentials["api_key"] not in shown
        assert not re.search(r"\bpassword=", shown)  # no password field shown (remember_password is a flag)
    assert "demo" not in repr(by_password.provider) + repr(by_password.provider.current())  # the kept password

"""What the sign-in form requires and how failures are worded (no display needed)."""

from __future__ import annotations

import pytest

from wfexplorer.core import errors
from wfexplorer.ui import messages
from wfexplorer.ui.login.form import AuthMethod, LoginForm, looks_like_sandbox


@pytest.mark.parametrize("domain", ["acme-sandbox", "acmesb01", "acme-sb", "acme.preview", "ACME_SANDBOX2"])
def test_sandbox_looking_domains_are_recognised(domain):
    assert looks_like_sandbox(domain)


@pytest.mark.parametrize("domain", ["acme", "sbarro", "absolute", "acmecorp", "sbux"])
def test_ordinary_domains_are_not_taken_for_sandboxes(domain):
    assert not looks_like_sandbox(domain)


def test_the_sandbox_hint_is_given_only_on_production_environments():
    assert LoginForm(environment="production", domain="acme-sandbox").sandbox_hint()
    assert LoginForm(environment="legacy", domain="acme-sandbox").sandbox_hint()
    assert LoginForm(environment="preview", domain="acme-sandbox").sandbox_hint() is None
    assert LoginForm(environment="production", domain="acme").sandbox_hint() is None


def test_each_method_requires_its_own_fields():
    assert set(LoginForm(domain="acme").missing()) == {"username", "password"}
    assert set(LoginForm(domain="acme", method=AuthMethod.API_KEY).missing()) == {"api_key"}
    assert set(LoginForm(domain="acme", method=AuthMethod.OAUTH_BROWSER).missing()) == {"client_id"}
    assert set(LoginForm(domain="acme", method=AuthMethod.OAUTH_CLIENT_CREDENTIALS).missing()) == {
        "client_id", "client_secret"}
    assert set(LoginForm(environment="custom", username="a", password="b").missing()) == {"custom_url"}
    assert LoginForm(environment="demo").missing() == {}


def test_secrets_never_appear_in_the_forms_repr():
    form = LoginForm(domain="acme", username="ada", password="hunter2", api_key="k" * 32, client_secret="s3cret")
    assert "hunter2" not in repr(form) and "k" * 32 not in repr(form) and "s3cret" not in repr(form)


def test_a_refused_password_is_shown_in_the_servers_words_next_to_the_password():
    error = errors.AuthenticationError("That username/password combination wasn't quite right.", status=401)
    message = messages.explain_sign_in_error(error, LoginForm(domain="acme"))
    assert message.text == "That username/password combination wasn't quite right."
    assert message.field == "password"


def test_host_not_found_points_at_the_domain_and_adds_the_sandbox_hint():
    error = errors.NetworkError("Host not found: acme-sandbox.my.workfront.com")
    message = messages.explain_sign_in_error(error, LoginForm(domain="acme-sandbox"))
    assert message.field == "domain"
    assert "Check the domain" in message.text and "Preview sandbox" in message.text
    without_hint = messages.explain_sign_in_error(error, LoginForm(domain="acme-sandbox"), hint=False)
    assert "Preview sandbox" not in without_hint.text


def test_a_tls_failure_says_what_may_intercept_the_connection():
    error = errors.NetworkError("Secure connection to acme.my.workfront.com failed (TLS): the certificate could not "
                                "be verified")
    message = messages.explain_sign_in_error(error, LoginForm(environment="custom", custom_url="https://x"))
    assert "proxy" in message.text
    assert message.field == "custom_url"


def test_an_unexpected_error_is_called_a_bug():
    assert "bug" in messages.explain(KeyError("x"))


def test_a_message_without_a_full_stop_gets_one_before_the_advice():
    error = errors.NetworkError("The connection to acme.my.workfront.com failed or was dropped")
    assert messages.explain(error) == ("The connection to acme.my.workfront.com failed or was dropped. "
                                       "Check the address and your network connection, then try again.")
    assert messages.explain(errors.NotFoundError("No such project.")).startswith("No such project. It may")


def test_an_unexpected_error_in_an_operation_says_it_is_a_bug_and_where_the_details_are():
    text = messages.explain(errors.UnexpectedError(KeyError("x")))
    assert text == ("Something went wrong inside wfexplorer (KeyError: 'x'). This is a bug in wfexplorer; "
                    "the crash report has the details. Try again, or report it.")

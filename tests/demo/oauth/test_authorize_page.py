"""The sign-in and consent page: a real HTML form that signs the user in and redirects back to the app."""

from __future__ import annotations

import html

import pytest
from oauth_support import LOOPBACK_REDIRECT, hidden_fields, pkce_pair, query_of


def test_authorize_page_is_an_html_form_carrying_the_request_in_hidden_fields(oauth):
    _, challenge = pkce_pair()
    params = oauth.authorize_params(challenge=challenge)

    page = oauth.open_page(params)

    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert '<form method="post" action="/integrations/oauth2/authorize"' in page.text
    assert 'name="username"' in page.text and 'type="password"' in page.text
    assert hidden_fields(page.text) == params


def test_signing_in_redirects_to_the_app_with_code_state_domain_and_lane(oauth):
    _, challenge = pkce_pair()
    page = oauth.open_page(oauth.authorize_params(challenge=challenge, state="s-42"))

    answer = oauth.submit(page)

    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(LOOPBACK_REDIRECT + "?")
    query = query_of(location)
    assert query["state"] == "s-42"
    assert len(query["code"]) >= 32
    assert query["domain"] and query["lane"]


def test_wrong_password_shows_the_form_again_with_the_servers_message_and_no_redirect(oauth):
    _, challenge = pkce_pair()
    page = oauth.open_page(oauth.authorize_params(challenge=challenge))

    answer = oauth.submit(page, password="not-the-password")

    assert answer.status_code == 200
    assert "Location" not in answer.headers
    assert "wasn't quite right" in html.unescape(answer.text)
    assert 'value="admin"' in answer.text  # the username is kept
    assert hidden_fields(answer.text) == hidden_fields(page.text)


def test_denying_redirects_with_access_denied_and_the_state(oauth):
    _, challenge = pkce_pair()
    page = oauth.open_page(oauth.authorize_params(challenge=challenge, state="s-deny"))

    answer = oauth.submit(page, decision="deny")

    assert answer.status_code == 302
    query = query_of(answer.headers["Location"])
    assert query["error"] == "access_denied"
    assert query["state"] == "s-deny"
    assert "code" not in query


@pytest.mark.parametrize("port", [1024, 49152, 65535])
def test_public_client_may_redirect_to_a_loopback_address_on_any_port(oauth, port):
    _, challenge = pkce_pair()
    redirect = f"http://127.0.0.1:{port}/callback"

    answer = oauth.submit(oauth.open_page(oauth.authorize_params(challenge=challenge, redirect_uri=redirect)))

    assert answer.headers["Location"].startswith(redirect + "?code=")


@pytest.mark.parametrize(
    "redirect",
    [
        "http://127.0.0.1:8080/elsewhere",
        "http://evil.example:8080/callback",
        "https://127.0.0.1:8080/callback",
        "http://127.0.0.1:notaport/callback",
    ],
)
def test_unregistered_redirect_uri_gets_an_error_page_and_no_redirect(oauth, redirect):
    _, challenge = pkce_pair()

    page = oauth.open_page(oauth.authorize_params(challenge=challenge, redirect_uri=redirect))

    assert page.status_code == 400
    assert "Location" not in page.headers
    assert "cannot be completed" in page.text


def test_confidential_client_redirects_only_to_its_exact_registered_uri(oauth):
    client_id = oauth.credentials["oauth_client_id"]

    refused = oauth.open_page(oauth.authorize_params(client_id=client_id, redirect_uri=LOOPBACK_REDIRECT))
    allowed = oauth.open_page(oauth.authorize_params(client_id=client_id,
                                                     redirect_uri=oauth.credentials["oauth_redirect_uri"]))

    assert refused.status_code == 400
    assert allowed.status_code == 200


def test_unknown_client_gets_an_error_page(oauth):
    page = oauth.open_page(oauth.authorize_params(client_id="no-such-app"))

    assert page.status_code == 400
    assert "The client does not exist" in page.text


def test_public_client_without_pkce_is_sent_back_with_invalid_request(oauth):
    answer = oauth.open_page(oauth.authorize_params(state="s-nopkce"))

    assert answer.status_code == 302
    query = query_of(answer.headers["Location"])
    assert query["error"] == "invalid_request"
    assert "PKCE" in query["error_description"]
    assert query["state"] == "s-nopkce"


def test_plain_pkce_method_is_refused(oauth):
    verifier, _ = pkce_pair()
    params = oauth.authorize_params(code_challenge=verifier, code_challenge_method="plain")

    answer = oauth.open_page(params)

    assert query_of(answer.headers["Location"])["error"] == "invalid_request"

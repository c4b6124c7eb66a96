"""Secrets are hidden wherever the transport or an error shows a URL, a header, a body snippet or a log line.

The names come from ARCHITECTURE.md (password, apiKey, sessionID, Authorization, access_token,
refresh_token, client_secret, code, code_verifier); each form a secret can take in text is covered:
``name=value`` (URLs, form bodies), JSON and Python-repr ``"name": "value"`` (body snippets,
tracebacks), ``Name: value`` headers, and ``user:password@`` in an address.
"""

from __future__ import annotations

import pytest

from wfexplorer.core import redaction

SECRET = "s3cr3t-VALUE-42"
NAMES = ["password", "apiKey", "sessionID", "access_token", "refresh_token", "client_secret", "code",
         "code_verifier"]


@pytest.mark.parametrize("name", NAMES)
def test_secret_query_parameters_are_hidden_and_the_rest_kept(name: str) -> None:
    shown = redaction.redact_url(f"https://acme.my.workfront.com/attask/api/v21.0/proj/search?{name}={SECRET}&x=1")
    assert SECRET not in shown
    assert shown.startswith("https://acme.my.workfront.com/attask/api/v21.0/proj/search?") and "x=1" in shown


def test_parameter_names_are_matched_whatever_their_case() -> None:
    assert SECRET not in redaction.redact_url(f"https://h/x?APIKEY={SECRET}&SessionId={SECRET}")


def test_a_password_in_the_address_itself_is_hidden() -> None:
    shown = redaction.redact_url(f"https://bob:{SECRET}@acme.my.workfront.com/attask/api/v21.0/proj")
    assert SECRET not in shown and "bob" in shown and "acme.my.workfront.com" in shown


def test_mappings_keep_ordinary_values_and_hide_secrets() -> None:
    shown = redaction.redact_mapping({"Authorization": f"Bearer {SECRET}", "Accept": "application/json"})
    assert shown == {"Authorization": redaction.REDACTED, "Accept": "application/json"}


@pytest.mark.parametrize("name", NAMES)
def test_name_equals_value_in_free_text_is_hidden(name: str) -> None:
    assert SECRET not in redaction.redact_text(f"POST /login failed: {name}={SECRET}&username=bob")


@pytest.mark.parametrize("name", NAMES)
def test_json_and_repr_pairs_in_free_text_are_hidden(name: str) -> None:
    assert SECRET not in redaction.redact_text(f'{{"data": {{"userID": "u1", "{name}": "{SECRET}"}}}}')
    assert SECRET not in redaction.redact_text(f"{{'{name}': '{SECRET}', 'username': 'bob'}}")
    assert "u1" in redaction.redact_text(f'{{"userID": "u1", "{name}": "{SECRET}"}}')


def test_a_json_secret_cut_off_by_a_truncated_body_is_still_hidden() -> None:
    assert SECRET not in redaction.redact_text(f'{{"data":{{"userID":"u1","sessionID":"{SECRET}')


@pytest.mark.parametrize("header", ["Authorization: Bearer", "authorization: Basic", "Cookie: JSESSIONID=x;",
                                    "apiKey:", "SessionID:"])
def test_header_lines_in_free_text_are_hidden(header: str) -> None:
    shown = redaction.redact_text(f"curl -H '{header} {SECRET}' https://h/x")
    assert SECRET not in shown and shown.endswith("' https://h/x")


def test_ordinary_text_is_left_alone() -> None:
    text = 'GET https://h/attask/api/v21.0/task/search?status=CPL {"name": "Code review", "errorCode": 3}'
    assert redaction.redact_text(text) == text

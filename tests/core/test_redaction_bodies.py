"""Redaction of what the request log keeps: headers (the auth scheme stays visible), parameter pairs and JSON at
any depth, JSON text (also cut short), and secret values a server echoes back."""

from __future__ import annotations

import json

from wfexplorer.core import redaction

SECRET = "s3cr3t-VALUE-42"


def test_an_authorization_header_keeps_its_scheme_and_hides_the_credential() -> None:
    assert redaction.redact_header("Authorization", f"Bearer {SECRET}") == "Bearer ***"
    assert redaction.redact_header("authorization", f"Basic {SECRET}") == "Basic ***"
    assert redaction.redact_header("sessionID", SECRET) == "***"
    assert redaction.redact_header("Accept", "application/json") == "application/json"


def test_json_values_are_hidden_under_secret_keys_at_any_depth() -> None:
    value = {"data": [{"name": "n", "apiKey": SECRET, "nested": {"refresh_token": SECRET}}], "code": SECRET}
    shown = redaction.redact_json(value)
    assert SECRET not in json.dumps(shown)
    assert shown["data"][0]["name"] == "n" and shown["data"][0]["apiKey"] == "***"


def test_pairs_hide_secret_values_and_secrets_inside_json_values() -> None:
    pairs = [("password", SECRET), ("updates", json.dumps({"name": "x", "password": SECRET})), ("name", "p")]
    shown = redaction.redact_pairs(pairs)
    assert SECRET not in repr(shown)
    assert shown[0] == ("password", "***") and shown[2] == ("name", "p")
    assert json.loads(shown[1][1]) == {"name": "x", "password": "***"}


def test_json_text_without_secret_keys_comes_back_unchanged() -> None:
    text = '{"data": {"name": "Code review", "errorCode": 3}}'
    assert redaction.redact_json_text(text) == text and not redaction.may_hold_secrets(text)


def test_json_text_cut_short_is_still_redacted() -> None:
    shown = redaction.redact_json_text(f'{{"data": {{"sessionID": "{SECRET}", "more": "', complete=False)
    assert SECRET not in shown


def test_the_result_of_an_api_key_action_can_be_declared_secret() -> None:
    shown = redaction.redact_json_text(f'{{"data": {{"result": "{SECRET}"}}}}', frozenset({"result"}))
    assert json.loads(shown) == {"data": {"result": "***"}}


def test_values_a_request_sent_as_secrets_are_scrubbed_from_any_text() -> None:
    sent = redaction.secret_values([("Authorization", f"Bearer {SECRET}"), ("name", "visible-value"),
                                    ("password", "short")])
    assert sent == frozenset({SECRET})
    assert redaction.scrub_values(f"Invalid token {SECRET}!", sent) == "Invalid token ***!"

"""The sign-in factory: addresses in any form become the right URL template; one credential is required."""

from __future__ import annotations

import pytest

from wfexplorer.core import errors
from wfexplorer.core.classic import SignIn
from wfexplorer.core.classic.factory import server_template


@pytest.mark.parametrize(("address", "url"), [
    ("acme", "https://acme.my.workfront.com/attask/api/v21.0"),
    ("acme.preview.workfront.com", "https://acme.preview.workfront.com/attask/api/v21.0"),
    ("https://acme.my.workfront.com/", "https://acme.my.workfront.com/attask/api/v21.0"),
    ("http://127.0.0.1:8123", "http://127.0.0.1:8123/attask/api/v21.0"),
    ("https://acme.my.workfront.com/attask/api/v15.0", "https://acme.my.workfront.com/attask/api/v21.0"),
])
def test_addresses_become_base_urls(address: str, url: str) -> None:
    domain, template = server_template(address)
    assert template.format(protocol="https", domain=domain, api_version="v21.0") == url


def test_an_empty_address_is_a_validation_error() -> None:
    with pytest.raises(errors.ValidationError, match="address"):
        server_template("  ")


@pytest.mark.parametrize(("sign_in", "method"), [
    (SignIn("acme", username="ada", password="pw"), "password"),
    (SignIn("acme", api_key="k"), "api_key"),
    (SignIn("acme", session_id="t"), "session"),
])
def test_the_credential_given_picks_the_method(sign_in: SignIn, method: str) -> None:
    assert sign_in.method == method


def test_no_credential_is_a_validation_error() -> None:
    with pytest.raises(errors.ValidationError, match="API key"):
        _ = SignIn("acme", username="ada").method

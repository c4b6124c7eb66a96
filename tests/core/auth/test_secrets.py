"""Secrets live in the OS keyring under their profile; without a keyring, in memory only, with a notice."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from wfexplorer.core.auth import SecretKind, SecretStore


def test_secrets_are_kept_in_the_keyring_under_the_profile(memory_keyring):
    store = SecretStore()

    store.set("Acme", SecretKind.API_KEY, "key-123")
    store.set("Other", SecretKind.API_KEY, "key-456")

    assert memory_keyring.secrets[("wfexplorer", "Acme/api_key")] == "key-123"
    assert store.get("Acme", SecretKind.API_KEY) == "key-123"
    assert store.get("Acme", SecretKind.PASSWORD) is None
    assert store.notice is None
    assert store.persistent


def test_a_new_store_reads_what_an_earlier_one_kept():
    SecretStore().set("Acme", SecretKind.REFRESH_TOKEN, "rt-1")

    assert SecretStore().get("Acme", SecretKind.REFRESH_TOKEN) == "rt-1"


def test_forgetting_a_profile_deletes_every_secret_it_had(memory_keyring):
    store = SecretStore()
    for kind in SecretKind:
        store.set("Acme", kind, f"{kind}-value")
    store.set("Other", SecretKind.PASSWORD, "keep")

    store.forget_profile("Acme")

    assert memory_keyring.secrets == {("wfexplorer", "Other/password"): "keep"}


def test_setting_an_empty_secret_deletes_it(memory_keyring):
    store = SecretStore()
    store.set("Acme", SecretKind.PASSWORD, "pw")

    store.set("Acme", SecretKind.PASSWORD, "")

    assert memory_keyring.secrets == {}


def test_without_a_keyring_backend_secrets_last_for_this_run_only_and_a_notice_says_so(tmp_path, monkeypatch):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.chdir(tmp_path)

    store = SecretStore()
    store.set("Acme", SecretKind.API_KEY, "key-123")

    assert store.notice is not None
    assert "only until wfexplorer closes" in store.notice.message
    assert not store.persistent
    assert store.get("Acme", SecretKind.API_KEY) == "key-123"
    assert SecretStore().get("Acme", SecretKind.API_KEY) is None  # the next run (a new store) has nothing
    assert list(tmp_path.iterdir()) == []


class _BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringError("broken")


@pytest.mark.parametrize("first", ["set", "get"])
def test_a_keyring_that_fails_at_use_turns_into_memory_storage_with_a_notice(first):
    keyring.set_keyring(_BrokenKeyring())
    store = SecretStore()
    assert store.notice is None

    if first == "get":
        assert store.get("Acme", SecretKind.PASSWORD) is None
    store.set("Acme", SecretKind.PASSWORD, "pw")
    store.delete("Acme", SecretKind.API_KEY)

    assert store.notice is not None
    assert store.get("Acme", SecretKind.PASSWORD) == "pw"


class PlaintextKeyring(keyring.backend.KeyringBackend):
    """Stands for keyrings.alt's backend that writes secrets to a plain file."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("a plain-file keyring must not be used")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a plain-file keyring must not be used")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("a plain-file keyring must not be used")


def test_a_plain_file_keyring_is_not_used():
    keyring.set_keyring(PlaintextKeyring())

    store = SecretStore()
    store.set("Acme", SecretKind.PASSWORD, "pw")

    assert store.notice is not None
    assert "plain file" in store.notice.detail
    assert store.get("Acme", SecretKind.PASSWORD) == "pw"


def test_moving_a_renamed_profiles_secrets_leaves_nothing_under_the_old_name(memory_keyring):
    store = SecretStore()
    store.set("Old", SecretKind.PASSWORD, "old password")
    store.set("Old", SecretKind.API_KEY, "old key")
    store.set("New", SecretKind.PASSWORD, "fresh password")  # just kept by the sign-in under the new name
    store.move_profile("Old", "New")
    assert store.get("New", SecretKind.PASSWORD) == "fresh password"
    assert store.get("New", SecretKind.API_KEY) == "old key"
    assert all(not user.startswith("Old/") for (_service, user) in memory_keyring.secrets)

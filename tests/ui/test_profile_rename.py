"""Renaming a saved profile in the sign-in dialog renames it: no stale profile, no stale secrets in the keyring."""

from __future__ import annotations

import pytest

from wfexplorer.ui.login.dialog import LoginDialog


def _sign_in(dialog: LoginDialog, run_until) -> None:
    dialog.sign_in()
    run_until(lambda: not dialog.busy and (dialog.connection is not None or dialog.error.isVisible()))
    assert dialog.connection is not None, dialog.error.text()


def _keyring_users(memory_keyring) -> set[str]:
    return {user for (_service, user) in memory_keyring.secrets}


@pytest.mark.parametrize("remember", [True, False])
def test_renaming_a_saved_profile_then_signing_in_renames_it_and_its_secrets(
    signin_backend, demo_server, memory_keyring, ops, qtbot, run_until, remember
):
    first = LoginDialog(signin_backend, ops)
    qtbot.addWidget(first)
    first.add_profile()
    first.profile_name.setText("Old tenant")
    first.environment.setCurrentIndex(first.environment.findData("custom"))
    first.custom_url.setText(demo_server.base_url)
    first.password_tab.username.setText("admin")
    first.password_tab.password.setText("demo")
    first.remember.setChecked(True)
    _sign_in(first, run_until)
    assert _keyring_users(memory_keyring) == {"Old tenant/password"}

    again = LoginDialog(signin_backend, ops)
    qtbot.addWidget(again)
    assert again.profile_list.currentItem().text() == "Old tenant"
    run_until(lambda: again.password_tab.password.text() == "demo")
    again.profile_name.selectAll()
    qtbot.keyClicks(again.profile_name, "New tenant")  # typed, as a user renames it
    assert again.profile_list.currentItem().text() == "New tenant"
    again.remember.setChecked(remember)
    _sign_in(again, run_until)

    assert [form.profile_name for form in signin_backend.profiles()] == ["New tenant"]
    assert _keyring_users(memory_keyring) == ({"New tenant/password"} if remember else set())
    assert all(not user.startswith("Old tenant/") for user in _keyring_users(memory_keyring))


def test_a_renamed_profile_keeps_its_place_in_the_list(signin_backend, demo_server, memory_keyring, ops, qtbot,
                                                       run_until):
    from wfexplorer.core.auth.profiles import Profile

    for name in ("First", "Second", "Third"):
        signin_backend.profile_store.save(Profile(name=name, domain="acme", username="admin"))
    dialog = LoginDialog(signin_backend, ops)
    qtbot.addWidget(dialog)
    dialog.profile_list.setCurrentRow(2)  # "Second" (the demo is row 0)
    dialog.profile_name.selectAll()
    qtbot.keyClicks(dialog.profile_name, "Renamed")
    dialog.environment.setCurrentIndex(dialog.environment.findData("custom"))
    dialog.custom_url.setText(demo_server.base_url)
    dialog.password_tab.password.setText("demo")
    _sign_in(dialog, run_until)
    assert [form.profile_name for form in signin_backend.profiles()] == ["First", "Renamed", "Third"]

"""The sign-in dialog against the real simulator: each method, inline errors, cancel, keyboard, remember me."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wfexplorer.ui.login.apikey_dialog import GetApiKeyDialog
from wfexplorer.ui.login.dialog import LoginDialog
from wfexplorer.ui.login.form import AuthMethod


def use_custom_profile(dialog: LoginDialog, address: str, name: str = "Simulator") -> None:
    dialog.add_profile()
    dialog.profile_name.setText(name)
    dialog.environment.setCurrentIndex(dialog.environment.findData("custom"))
    dialog.custom_url.setText(address)


def sign_in_and_wait(dialog: LoginDialog, run_until, qtbot) -> None:
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    run_until(lambda: not dialog.busy and (dialog.connection is not None or dialog.error.isVisible()))


def test_the_demo_profile_is_listed_first_and_preselected_with_its_user(login_dialog):
    assert login_dialog.profile_list.item(0).text() == "Demo (local simulator)"
    assert login_dialog.profile_list.currentRow() == 0
    assert login_dialog.password_tab.username.text() == "admin"


def test_password_sign_in_to_the_demo_returns_a_connection(login_dialog, run_until, qtbot, crashes):
    with qtbot.waitSignal(login_dialog.signed_in, timeout=10_000) as signal:
        qtbot.mouseClick(login_dialog.sign_in_button, Qt.MouseButton.LeftButton)
        run_until(lambda: login_dialog.connection is not None)
    connection = signal.args[0]
    assert connection.username == "admin"
    assert connection.user_name
    assert connection.host.startswith("127.0.0.1:")
    assert login_dialog.result() == LoginDialog.DialogCode.Accepted
    assert crashes == []


def test_wrong_password_shows_the_servers_message_inline_and_keeps_what_was_typed(
    login_dialog, demo_server, run_until, qtbot
):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("not the password")
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.connection is None
    assert login_dialog.isVisible()
    assert "username/password combination wasn't quite right" in login_dialog.error.text()
    assert login_dialog.password_tab.username.text() == "admin"
    assert login_dialog.password_tab.password.text() == "not the password"
    assert login_dialog.custom_url.text() == demo_server.base_url
    assert QApplication.focusWidget() is login_dialog.password_tab.password
    assert login_dialog.inputs.isEnabled()


def test_api_key_sign_in(login_dialog, demo_server, demo_credentials, run_until, qtbot):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.tabs.setCurrentWidget(login_dialog.api_key_tab)
    login_dialog.api_key_tab.api_key.setText(demo_credentials["api_key"])
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.connection is not None
    assert login_dialog.connection.method is AuthMethod.API_KEY
    assert login_dialog.connection.username == demo_credentials["username"]


def test_wrong_api_key_is_reported_inline(login_dialog, demo_server, run_until, qtbot):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.tabs.setCurrentWidget(login_dialog.api_key_tab)
    login_dialog.api_key_tab.api_key.setText("0" * 32)
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.connection is None
    assert login_dialog.error.isVisible() and login_dialog.error.text()
    assert login_dialog.api_key_tab.api_key.text() == "0" * 32


def test_get_api_key_fetches_the_key_with_username_and_password(
    login_dialog, demo_server, demo_credentials, run_until, qtbot
):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.password_tab.username.setText(demo_credentials["username"])
    login_dialog.tabs.setCurrentWidget(login_dialog.api_key_tab)
    qtbot.mouseClick(login_dialog.api_key_tab.get_key, Qt.MouseButton.LeftButton)
    key_dialog = login_dialog.findChild(GetApiKeyDialog)
    assert key_dialog is not None and key_dialog.username.text() == demo_credentials["username"]
    key_dialog.password.setText(demo_credentials["password"])
    qtbot.mouseClick(key_dialog.ok_button, Qt.MouseButton.LeftButton)
    run_until(lambda: login_dialog.api_key_tab.api_key.text() != "")
    assert login_dialog.api_key_tab.api_key.text() == demo_credentials["api_key"]


def test_cancel_stops_a_slow_sign_in_and_keeps_the_form(login_dialog, demo_server, demo_faults, run_until, qtbot):
    demo_faults.latency_ms = 1500
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("demo")
    qtbot.mouseClick(login_dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert login_dialog.busy
    assert login_dialog.busy_panel.isVisible() and not login_dialog.inputs.isEnabled()
    assert login_dialog.cancel_button.isEnabled()
    qtbot.mouseClick(login_dialog.cancel_button, Qt.MouseButton.LeftButton)
    run_until(lambda: not login_dialog.busy)
    assert login_dialog.isVisible()
    assert login_dialog.connection is None
    assert login_dialog.inputs.isEnabled()
    assert login_dialog.password_tab.password.text() == "demo"


def test_escape_cancels_a_running_sign_in_then_closes_the_dialog(
    login_dialog, demo_server, demo_faults, run_until, qtbot
):
    demo_faults.latency_ms = 1500
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("demo")
    login_dialog.sign_in()
    assert login_dialog.busy
    qtbot.keyClick(login_dialog, Qt.Key.Key_Escape)
    run_until(lambda: not login_dialog.busy)
    assert login_dialog.isVisible()
    qtbot.keyClick(login_dialog, Qt.Key.Key_Escape)
    assert not login_dialog.isVisible()
    assert login_dialog.result() == LoginDialog.DialogCode.Rejected


def test_enter_in_the_password_field_signs_in(login_dialog, run_until, qtbot):
    login_dialog.password_tab.password.setFocus()
    qtbot.keyClick(login_dialog.password_tab.password, Qt.Key.Key_Return)
    run_until(lambda: login_dialog.connection is not None)


def test_tab_order_follows_the_reading_order(login_dialog, qtbot):
    use_custom_profile(login_dialog, "http://127.0.0.1:1")
    login_dialog.profile_name.setFocus()
    seen = []
    for _ in range(12):
        seen.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    order = ["profile_name", "environment", "custom_url", "classic_version", "planning_version", "methodTabs",
             "username", "password", "remember", "signIn", "cancel"]
    positions = [seen.index(name) for name in order]
    assert positions == sorted(positions), seen


def test_missing_domain_is_reported_before_any_request(login_dialog, run_until):
    login_dialog.add_profile()
    login_dialog.profile_name.setText("Acme")
    login_dialog.password_tab.username.setText("ada")
    login_dialog.password_tab.password.setText("secret")
    login_dialog.sign_in()
    assert not login_dialog.busy
    assert "domain" in login_dialog.error.text().lower()
    assert QApplication.focusWidget() is login_dialog.domain


def test_host_not_found_is_explained_next_to_the_domain(login_dialog, run_until, qtbot):
    use_custom_profile(login_dialog, "https://{domain}.invalid")
    login_dialog.domain.setText("no-such-tenant")
    login_dialog.password_tab.username.setText("ada")
    login_dialog.password_tab.password.setText("secret")
    sign_in_and_wait(login_dialog, run_until, qtbot)
    text = login_dialog.error.text()
    assert "no-such-tenant.invalid" in text
    assert "Host not found" in text or "connection" in text


def test_tls_failure_is_explained(login_dialog, demo_server, run_until, qtbot):
    plain_http_port = demo_server.base_url.rsplit(":", 1)[1]
    use_custom_profile(login_dialog, f"https://127.0.0.1:{plain_http_port}")
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("demo")
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert "TLS" in login_dialog.error.text()


@pytest.mark.parametrize("domain", ["acme-sandbox", "acmesb01", "acme.preview"])
def test_a_sandbox_domain_on_production_shows_a_hint(login_dialog, domain):
    login_dialog.add_profile()
    login_dialog.environment.setCurrentIndex(login_dialog.environment.findData("production"))
    login_dialog.domain.setText(domain)
    assert login_dialog.hint.isVisible()
    assert "Preview sandbox" in login_dialog.hint.text()
    login_dialog.environment.setCurrentIndex(login_dialog.environment.findData("preview"))
    assert not login_dialog.hint.isVisible()


def test_remember_me_saves_the_profile_and_puts_the_password_in_the_keyring_only(
    login_dialog, signin_backend, demo_server, memory_keyring, run_until, qtbot, ops, tmp_path
):
    use_custom_profile(login_dialog, demo_server.base_url, name="Local")
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("demo")
    login_dialog.remember.setChecked(True)
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.connection is not None
    assert "demo" in memory_keyring.secrets.values()
    saved = (tmp_path / "config" / "profiles.json").read_text()
    assert "Local" in saved and '"demo"' not in saved

    again = LoginDialog(signin_backend, ops)
    qtbot.addWidget(again)
    assert again.profile_list.item(1).text() == "Local"
    assert again.profile_list.currentRow() == 1
    run_until(lambda: again.password_tab.password.text() == "demo")
    assert again.remember.isChecked()


def test_oauth_browser_sign_in_to_the_demo(login_dialog, browser, run_until, qtbot, crashes):
    login_dialog.tabs.setCurrentWidget(login_dialog.oauth_tab)
    login_dialog.oauth_tab.browser.setChecked(True)
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.error.text() == ""
    assert login_dialog.connection is not None
    assert login_dialog.connection.method is AuthMethod.OAUTH_BROWSER
    assert login_dialog.connection.username == "admin"
    assert len(browser.opened) == 1 and "code_challenge" in browser.opened[0]
    assert crashes == []


def test_cancel_stops_a_browser_sign_in_that_never_comes_back(login_dialog, demo_server, browser, run_until, qtbot):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.tabs.setCurrentWidget(login_dialog.oauth_tab)
    login_dialog.oauth_tab.client_id.setText("no-such-client")  # the sign-in page refuses it: no redirect ever
    login_dialog.sign_in()
    run_until(lambda: browser.opened)
    assert login_dialog.busy and "browser" in login_dialog.status.text()
    qtbot.mouseClick(login_dialog.cancel_button, Qt.MouseButton.LeftButton)
    run_until(lambda: not login_dialog.busy, timeout=5)
    assert login_dialog.isVisible() and login_dialog.connection is None
    assert login_dialog.oauth_tab.client_id.text() == "no-such-client"


def test_oauth_client_credentials_sign_in(login_dialog, demo_server, demo_credentials, run_until, qtbot):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.tabs.setCurrentWidget(login_dialog.oauth_tab)
    login_dialog.oauth_tab.server.setChecked(True)
    login_dialog.oauth_tab.client_id.setText(demo_credentials["oauth_client_id"])
    login_dialog.oauth_tab.client_secret.setText(demo_credentials["oauth_client_secret"])
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.error.text() == ""
    assert login_dialog.connection.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS


def test_wrong_client_secret_is_reported_inline_and_kept(login_dialog, demo_server, demo_credentials, run_until,
                                                          qtbot):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.tabs.setCurrentWidget(login_dialog.oauth_tab)
    login_dialog.oauth_tab.server.setChecked(True)
    login_dialog.oauth_tab.client_id.setText(demo_credentials["oauth_client_id"])
    login_dialog.oauth_tab.client_secret.setText("wrong secret")
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.connection is None
    assert login_dialog.error.text()
    assert login_dialog.oauth_tab.client_secret.text() == "wrong secret"
    assert QApplication.focusWidget() is login_dialog.oauth_tab.client_secret


def _browser_sign_in(qtbot, ops, demo_provider, tmp_path, open_url):
    from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
    from wfexplorer.ui.login.browser import BrowserLauncher
    from wfexplorer.ui.login.core_backend import CoreSignInBackend

    launcher = BrowserLauncher(open_url=open_url)
    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore(),
                                  open_browser=launcher)
    backend = CoreSignInBackend(authenticator.profiles, authenticator, demo_provider)
    dialog = LoginDialog(backend, ops)
    qtbot.addWidget(dialog)
    launcher.link_ready.connect(dialog.show_sign_in_link)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.oauth_tab)
    dialog.sign_in()
    return dialog


def test_without_a_browser_the_dialog_says_so_and_offers_the_link_to_copy(
    qtbot, ops, demo_provider, browser, tmp_path, run_until
):
    from wfexplorer.ui.login.sign_in_link import NOT_OPENED

    dialog = _browser_sign_in(qtbot, ops, demo_provider, tmp_path, open_url=lambda url: False)
    run_until(lambda: dialog.sign_in_link is not None and dialog.sign_in_link.isVisible())
    link = dialog.sign_in_link
    assert link.note.text() == NOT_OPENED
    assert "No web browser could be started" in dialog.status.text()
    assert dialog.busy and link.isEnabled() and link.copy.isEnabled()  # usable while the form is locked
    qtbot.mouseClick(link.copy, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied == link.field.text() and copied.startswith("http://127.0.0.1:")
    ops.run(lambda: browser(copied))  # the user pastes it into a browser
    run_until(lambda: dialog.connection is not None)
    assert dialog.connection.method is AuthMethod.OAUTH_BROWSER
    assert not link.isVisible()


def test_a_browser_that_closes_at_once_leaves_the_link_on_screen_and_cancel_takes_it_away(
    qtbot, ops, demo_provider, tmp_path, run_until
):
    from wfexplorer.ui.login.sign_in_link import OPENED

    started = []
    dialog = _browser_sign_in(qtbot, ops, demo_provider, tmp_path, open_url=lambda url: started.append(url) or True)
    run_until(lambda: dialog.sign_in_link is not None and dialog.sign_in_link.isVisible())
    link = dialog.sign_in_link
    assert link.note.text() == OPENED
    assert link.field.text() == started[0] and link.field.isReadOnly()
    assert link.field.accessibleName() and link.copy.accessibleName()
    link.copy.setFocus()
    qtbot.keyClick(link.copy, Qt.Key.Key_Space)  # the keyboard works too
    assert QApplication.clipboard().text() == started[0]
    dialog.cancel_sign_in()
    run_until(lambda: not dialog.busy)
    assert not link.isVisible()


def test_remember_me_without_a_working_keyring_says_secrets_last_only_this_run(qtbot, ops, tmp_path, run_until):
    import keyring
    from keyring.backends import fail

    from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
    from wfexplorer.ui.login.core_backend import CoreSignInBackend

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore())
        dialog = LoginDialog(CoreSignInBackend(authenticator.profiles, authenticator), ops)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.remember.setChecked(True)
        run_until(lambda: dialog.keyring_notice.isVisible())
        assert "only until wfexplorer closes" in dialog.keyring_notice.text()
        dialog.remember.setChecked(False)
        assert not dialog.keyring_notice.isVisible()
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("confirmed", [True, False])
def test_deleting_a_saved_profile_asks_first_and_forgets_it(
    login_dialog, signin_backend, demo_server, run_until, qtbot, monkeypatch, confirmed
):
    from PySide6.QtWidgets import QMessageBox

    use_custom_profile(login_dialog, demo_server.base_url, name="Old tenant")
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("demo")
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert [form.profile_name for form in signin_backend.profiles()] == ["Old tenant"]

    again = LoginDialog(signin_backend, login_dialog.ops)
    qtbot.addWidget(again)
    asked = []
    answer = QMessageBox.StandardButton.Yes if confirmed else QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or answer)
    again.profile_list.setCurrentRow(1)
    again.remove_profile()
    assert len(asked) == 1
    remaining = [form.profile_name for form in signin_backend.profiles()]
    assert remaining == ([] if confirmed else ["Old tenant"])
    assert again.profile_list.count() == (1 if confirmed else 2)


def test_oauth_client_credentials_through_adobe_ims(login_dialog, demo_server, demo_credentials, run_until, qtbot):
    use_custom_profile(login_dialog, demo_server.base_url)
    login_dialog.tabs.setCurrentWidget(login_dialog.oauth_tab)
    login_dialog.oauth_tab.server.setChecked(True)
    login_dialog.oauth_tab.client_id.setText(demo_credentials["oauth_client_id"])
    login_dialog.oauth_tab.client_secret.setText(demo_credentials["oauth_client_secret"])
    login_dialog.oauth_tab.token_service.setCurrentIndex(login_dialog.oauth_tab.token_service.findData("ims"))
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert login_dialog.error.text() == ""
    assert login_dialog.connection.method is AuthMethod.OAUTH_CLIENT_CREDENTIALS
    assert str(login_dialog.connection.profile.token_service) == "ims"


def test_a_dialog_painted_before_the_event_loop_fills_remembered_secrets_once_it_runs(
    signin_backend, demo_server, memory_keyring, ops, qtbot, run_until
):
    first = LoginDialog(signin_backend, ops)
    qtbot.addWidget(first)
    use_custom_profile(first, demo_server.base_url, name="Kept")
    first.password_tab.username.setText("admin")
    first.password_tab.password.setText("demo")
    first.remember.setChecked(True)
    first.sign_in()
    run_until(lambda: first.connection is not None)

    early = LoginDialog(signin_backend, None)  # as at start-up: no operations helper yet
    qtbot.addWidget(early)
    assert early.profile_list.currentItem().text() == "Kept"
    assert early.password_tab.password.text() == ""
    early.sign_in()  # nothing can run yet, and nothing breaks
    assert not early.busy
    early.attach_operations(ops)
    run_until(lambda: early.password_tab.password.text() == "demo")


def test_a_custom_address_with_a_domain_placeholder_asks_for_the_domain(login_dialog, run_until, qtbot):
    use_custom_profile(login_dialog, "https://wf.example.com")
    assert not login_dialog.domain.isVisible()
    login_dialog.custom_url.setText("https://{domain}.example.com")
    assert login_dialog.domain.isVisible()
    login_dialog.password_tab.username.setText("ada")
    login_dialog.password_tab.password.setText("secret")
    sign_in_and_wait(login_dialog, run_until, qtbot)
    assert "domain" in login_dialog.error.text().lower()
    assert QApplication.focusWidget() is login_dialog.domain
    login_dialog.domain.setText("acme")
    assert login_dialog.address.text() == "https://acme.example.com"


def test_a_saved_profile_opens_with_the_focus_on_what_is_left_to_type(qtbot, signin_backend, ops):
    from wfexplorer.core.auth.profiles import Profile

    signin_backend.profile_store.save(Profile(name="Acme", domain="acme", username="ada"))
    dialog = LoginDialog(signin_backend, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert dialog.profile_list.currentItem().text() == "Acme"
    assert QApplication.focusWidget() is dialog.password_tab.password

"""The two small password prompts (Get API key, session expired): a refusal is shown in full, never clipped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from wfexplorer.core.auth import Profile, ReauthRequest
from wfexplorer.ui.login.apikey_dialog import GetApiKeyDialog
from wfexplorer.ui.login.form import LoginForm
from wfexplorer.ui.login.reauth import ReauthDialog


def shows_all_of(label: QLabel) -> bool:
    """True when the label is tall enough for its wrapped text at its current width."""
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def test_a_refused_password_in_get_api_key_is_shown_whole(qtbot, signin_backend, ops, demo_server, run_until):
    form = LoginForm(environment="custom", custom_url=demo_server.base_url, username="admin")
    dialog = GetApiKeyDialog(signin_backend, ops, form)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.error.isVisible() and dialog.password.isEnabled())
    qtbot.wait(50)  # let the layout settle as it would on screen
    assert "wasn't quite right" in dialog.error.text()
    assert shows_all_of(dialog.error)


def test_a_refused_password_after_expiry_is_shown_whole(qtbot):
    refused = ("That username/password combination wasn't quite right. Check both, mind the Caps Lock key, "
               "and ask your Workfront administrator to unlock the account if it keeps failing.")
    request = ReauthRequest(Profile("acme", domain="acme"), "password", "admin", "Your session expired.", refused)
    dialog = ReauthDialog(request, "acme.my.workfront.com")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert "wasn't quite right" in dialog.error.text()
    assert shows_all_of(dialog.error)

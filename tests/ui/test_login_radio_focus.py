"""Keyboard use of the OAuth 2.0 tab: Tab enters the flow choice on the checked option, then its fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _tab_from(widget, qtbot, steps: int) -> list[str]:
    widget.setFocus()
    seen = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    return seen


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        (False, ["oauthBrowser", "client_id", "signIn"]),
        (True, ["oauthClientCredentials", "client_id", "client_secret", "token_service", "signIn"]),
    ],
)
def test_tab_lands_on_the_checked_flow_then_its_fields(login_dialog, qtbot, server, expected):
    login_dialog.add_profile()  # a saved-style profile: Remember me is enabled
    login_dialog.tabs.setCurrentWidget(login_dialog.oauth_tab)
    (login_dialog.oauth_tab.server if server else login_dialog.oauth_tab.browser).setChecked(True)
    seen = _tab_from(login_dialog.tabs.tabBar(), qtbot, len(expected) + 1)
    assert [name for name in seen if name != "remember"][: len(expected)] == expected, seen


def test_arrow_keys_still_move_between_the_flows(login_dialog, qtbot):
    oauth = login_dialog.oauth_tab
    login_dialog.tabs.setCurrentWidget(oauth)
    oauth.browser.setChecked(True)
    oauth.browser.setFocus()
    qtbot.keyClick(oauth.browser, Qt.Key.Key_Down)
    assert oauth.server.isChecked()
    assert QApplication.focusWidget() is oauth.server
    qtbot.keyClick(oauth.server, Qt.Key.Key_Up)
    assert oauth.browser.isChecked()
    assert QApplication.focusWidget() is oauth.browser


def test_shift_tab_from_the_fields_goes_back_to_the_checked_flow(login_dialog, qtbot):
    oauth = login_dialog.oauth_tab
    login_dialog.tabs.setCurrentWidget(oauth)
    oauth.server.setChecked(True)
    oauth.client_id.setFocus()
    qtbot.keyClick(oauth.client_id, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is oauth.server


def test_clicking_the_other_flow_checks_and_focuses_it(login_dialog, qtbot):
    oauth = login_dialog.oauth_tab
    login_dialog.tabs.setCurrentWidget(oauth)
    oauth.browser.setChecked(True)
    qtbot.mouseClick(oauth.server, Qt.MouseButton.LeftButton)
    assert oauth.server.isChecked()
    assert QApplication.focusWidget() is oauth.server

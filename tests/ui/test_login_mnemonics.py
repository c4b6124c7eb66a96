"""Alt+letter in the sign-in dialog: on every tab and OAuth flow, each underlined letter leads to one place only.

Qt does not activate a mnemonic two visible widgets share: Alt+S would only move the focus between
them instead of signing in.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def visible_mnemonics(root: QWidget) -> Counter[str]:
    """Count the letters underlined in the visible, enabled labels and buttons under ``root``."""
    letters: Counter[str] = Counter()
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label without a buddy has no shortcut
        found = _MNEMONIC.search(widget.text().replace("&&", ""))
        if found:
            letters[found.group(1).lower()] += 1
    return letters


@pytest.mark.parametrize("environment", ["production", "custom"])
@pytest.mark.parametrize("state", ["password", "api_key", "oauth_browser", "oauth_client_credentials"])
def test_no_two_visible_controls_share_an_alt_letter(login_dialog, environment, state):
    login_dialog.add_profile()
    login_dialog.environment.setCurrentIndex(login_dialog.environment.findData(environment))
    tab = {"password": 0, "api_key": 1}.get(state, 2)
    login_dialog.tabs.setCurrentIndex(tab)
    if state == "oauth_client_credentials":
        login_dialog.oauth_tab.server.setChecked(True)
    elif state == "oauth_browser":
        login_dialog.oauth_tab.browser.setChecked(True)

    shared = {letter: count for letter, count in visible_mnemonics(login_dialog).items() if count > 1}

    assert shared == {}

"""Builds the sign-in dialog in this process and prints, as JSON, every text that does not fit (a helper script).

Run by ``test_login_scaling.py`` in a fresh process, so the scale factor and screen (environment
variables read when Qt starts) apply: ``QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=…``.
It walks the dialog through its states (each tab, both OAuth flows, a saved profile with the sandbox
hint, a long error, the keyring notice) at the size it opens with and at its minimum size, and
reports each visible label, button or tab whose text is cut off, plus the dialog's minimum size
against the screen, whether the form scrolls, and whether the buttons and the error are in full
sight. ``argv[1]``, when given, is a folder for screenshots of each state.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTabBar,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.core.auth.profiles import ProfileStore
from wfexplorer.ui import messages
from wfexplorer.ui.login.core_backend import CoreSignInBackend
from wfexplorer.ui.login.dialog import LoginDialog

_SHOW_MNEMONIC = Qt.TextFlag.TextShowMnemonic.value


class _Demo:
    def defaults(self) -> dict[str, str]:
        return {"username": "admin", "password": "demo"}

    def start(self) -> dict[str, str]:
        raise RuntimeError("not started in this probe")


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.objectName() or text[:40]!r})"


def _cut_off(dialog: LoginDialog) -> list[str]:
    """What the user cannot read in full right now."""
    problems = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(size.width())
                if needed > size.height():
                    problems.append(f"{_name(widget)} needs {needed}px of height, has {size.height()}")
            else:
                hint = widget.sizeHint()
                if hint.width() > size.width() or hint.height() > size.height():
                    problems.append(f"{_name(widget)} needs {hint.toTuple()}, has {size.toTuple()}")
        elif isinstance(widget, QPushButton) and widget.text():  # its size hint has a style minimum: use the text
            text = widget.fontMetrics().size(_SHOW_MNEMONIC, widget.text())
            margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, widget)
            if text.width() + 2 * margin > size.width() or text.height() > size.height():
                problems.append(f"{_name(widget)} needs {text.width() + 2 * margin}px for its text, has {size.width()}")
        elif isinstance(widget, QAbstractButton) and widget.text():  # check boxes, radio buttons: indicator and text
            hint = widget.sizeHint()
            if hint.width() > size.width() or hint.height() > size.height():
                problems.append(f"{_name(widget)} needs {hint.toTuple()}, has {size.toTuple()}")
        elif isinstance(widget, QLineEdit | QComboBox) and not isinstance(widget.parent(), QComboBox):
            # a field squeezed below its height shows no text (a combo box's own editor is its business)
            needed = widget.minimumSizeHint().height()
            if size.height() < needed:
                problems.append(f"{_name(widget)} is squeezed to {size.height()}px of height, needs {needed}")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.tabRect(index).width() < widget.tabSizeHint(index).width():
                    problems.append(f"tab {widget.tabText(index)!r} is elided")
        else:
            continue
        shown = widget.visibleRegion().boundingRect()
        if (isinstance(widget, QLabel | QAbstractButton | QTabBar) and shown.size() != size
                and not widget.visibleRegion().isEmpty()):
            problems.append(f"{_name(widget)} is clipped to {shown.size().toTuple()} of {size.toTuple()}")
    return problems


def _not_in_full_sight(dialog: LoginDialog) -> list[str]:
    """Which of the buttons and the error (when shown) the user cannot see whole without scrolling."""
    widgets = [dialog.sign_in_button, dialog.cancel_button] + ([dialog.error] if dialog.error.isVisible() else [])
    return [_name(widget) for widget in widgets
            if widget.visibleRegion().boundingRect().size() != widget.size() or widget.height() <= 0]


def _settle(app: QApplication, dialog: LoginDialog) -> None:
    for _ in range(3):
        app.processEvents()
        dialog.layout().activate()


def main() -> None:
    app = QApplication(sys.argv[:1])
    shots = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    config = tempfile.mkdtemp()
    backend = CoreSignInBackend(ProfileStore(config), lambda: None, _Demo())  # nothing here signs in
    dialog = LoginDialog(backend, None)
    dialog.show()
    screen = dialog.screen().availableGeometry().size()
    report: dict[str, object] = {"screen": screen.toTuple(), "scale": dialog.devicePixelRatioF(), "states": {}}

    def long_error() -> None:
        failure = errors.NetworkError("TLS certificate verification failed for acme-sandbox.my.workfront.com")
        dialog._show_error(messages.explain_sign_in_error(failure, dialog.form()))  # as a failed sign-in does

    def keyring_notice() -> None:
        dialog.remember.setChecked(True)
        dialog._show_keyring_notice("No system keyring is available: your password, API key or token will be "
                                    "kept only until wfexplorer closes.")

    def settle() -> None:
        _settle(app, dialog)

    def new_profile() -> None:
        dialog.add_profile()
        dialog.domain.setText("acme")
        dialog.oauth_tab.browser.setChecked(True)

    def new_sandbox_profile() -> None:
        dialog.add_profile()
        dialog.profile_name.setText("A rather long profile name for the Acme Corporation sandbox")
        dialog.domain.setText("acme-sandbox")

    def tab(index: int, server: bool = False) -> None:
        dialog.tabs.setCurrentIndex(index)
        if server:
            dialog.oauth_tab.server.setChecked(True)

    states = {
        "password": lambda: tab(0),
        "new-profile-oauth-server": lambda: (new_profile(), tab(2), settle(), tab(2, server=True)),
        "api-key": lambda: tab(1),
        "oauth-browser": lambda: tab(2),
        "oauth-server": lambda: tab(2, server=True),
        "sandbox-hint": new_sandbox_profile,
        "long-error": long_error,
        "keyring-notice": keyring_notice,
    }
    opened = dialog.size()
    for name, enter in states.items():
        enter()  # states build on each other: the last one shows the hint, the error and the notice together
        _settle(app, dialog)
        minimum = dialog.minimumSizeHint()
        state: dict[str, object] = {"minimum": minimum.toTuple(), "size": dialog.size().toTuple()}
        state["cut_off"] = _cut_off(dialog)
        state["not_in_sight"] = _not_in_full_sight(dialog)
        scrolls = dialog.form_area.verticalScrollBar().isVisible()
        if shots is not None:
            dialog.grab().save(str(shots / f"login-{name}.png"))
        dialog.resize(minimum.width(), dialog.layout().totalHeightForWidth(minimum.width())
                      if dialog.layout().hasHeightForWidth() else minimum.height())
        _settle(app, dialog)
        state["at_minimum"] = dialog.size().toTuple()
        state["cut_off_at_minimum"] = _cut_off(dialog)
        state["not_in_sight_at_minimum"] = _not_in_full_sight(dialog)
        state["form_scrolls"] = scrolls or dialog.form_area.verticalScrollBar().isVisible()  # either size
        if shots is not None:
            dialog.grab().save(str(shots / f"login-{name}-minimum.png"))
        dialog.resize(opened.expandedTo(dialog.size()))
        _settle(app, dialog)
        report["states"][name] = state  # type: ignore[index]
    print(json.dumps(report))


if __name__ == "__main__":
    main()

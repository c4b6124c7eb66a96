"""The sign-in dialog: pick or describe a connection, choose how to prove who you are, sign in.

Signing in runs in :class:`~wfexplorer.ui.asyncops.Operations`: while it runs the dialog shows a busy
bar and what it is doing, the inputs are locked (not cleared), and Cancel / Esc stop the attempt.
Errors appear inline in the user's terms and put the focus on the field to fix; nothing typed is lost.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.ui import fit, messages, resources
from wfexplorer.ui.busy import BusyIndicator
from wfexplorer.ui.login.backend import SignInBackend
from wfexplorer.ui.login.connection_fields import DEMO_LABEL, ConnectionFields
from wfexplorer.ui.login.form import AuthMethod, LoginForm
from wfexplorer.ui.login.form_area import FormArea, FormContent
from wfexplorer.ui.login.profile_list import NEW_PROFILE, ProfileList
from wfexplorer.ui.login.tabs import ApiKeyTab, OAuthTab, PasswordTab

if TYPE_CHECKING:
    import asyncio

    from wfexplorer.core.connection import Connection
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.login.sign_in_link import SignInLink

log = logging.getLogger(__name__)



class LoginDialog(QDialog):
    """Collects a connection and credentials and signs in off the GUI thread.

    Signals:
        signed_in(object): the :class:`~wfexplorer.core.connection.Connection` after a successful sign-in
            (the dialog then closes with ``accept()``).
    """

    signed_in = Signal(object)

    def __init__(self, backend: SignInBackend, ops: Operations | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle("Sign in to Workfront — wfexplorer")
        self.backend = backend
        self.ops = ops  # None until the event loop runs (the dialog may be painted first)
        self._waiting_for_ops: list[Callable[[], object]] = []
        self.connection: Connection | None = None
        self._task: asyncio.Task[None] | None = None
        self._cancelled: threading.Event | None = None
        self._busy = False
        self._focus_after_busy: QWidget | None = None
        self.sign_in_link: SignInLink | None = None  # made when a browser sign-in first waits
        self._saved_name = ""  # the shown profile's saved name (see LoginForm.saved_name)
        self._build()
        self._load_profiles()
        self._focus_what_is_left()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        profiles = self.profiles = ProfileList()
        self.profile_list, self.new_profile, self.delete_profile = profiles.list, profiles.new_button, \
            profiles.delete_button
        left = profiles

        self.fields = ConnectionFields(self.backend.environments(), self.backend.classic_versions(),
                                       self.backend.planning_versions())
        fields = self.fields  # the widgets keep their short names on the dialog (tests, tab order)
        self.profile_name, self.environment, self.domain = fields.profile_name, fields.environment, fields.domain
        self.custom_url, self.classic_version = fields.custom_url, fields.classic_version
        self.planning_version, self.address, self.hint = fields.planning_version, fields.address, fields.hint

        self.password_tab = PasswordTab()
        self.api_key_tab = ApiKeyTab()
        self.oauth_tab = OAuthTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("methods")
        self.tabs.tabBar().setObjectName("methodTabs")
        self.tabs.addTab(self.password_tab, "Password")
        self.tabs.addTab(self.api_key_tab, "API key")
        self.tabs.addTab(self.oauth_tab, "OAuth 2.0")

        self.remember = QCheckBox("&Remember me on this computer")
        self.remember.setObjectName("remember")
        self.remember.setToolTip("Keeps this profile, and its secret in your system's keyring (never in a file).")
        self.keyring_notice = resources.message_label("hint", "keyringNotice")
        self.error = resources.message_label("error", "error")
        self.error.setAccessibleName("Sign-in error")
        self.busy_panel = BusyIndicator()
        self.status = self.busy_panel.label

        self.sign_in_button = QPushButton("&Sign in")
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAutoDefault(False)
        buttons = self._button_row = QHBoxLayout()
        buttons.addWidget(self.busy_panel, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.cancel_button)

        self.inputs = FormContent()  # everything that is locked while signing in
        inputs_layout = QVBoxLayout(self.inputs)
        inputs_layout.setContentsMargins(0, 0, 0, 0)
        inputs_layout.addWidget(fields)
        inputs_layout.addWidget(self.tabs)
        inputs_layout.addWidget(self.remember)
        inputs_layout.addWidget(self.keyring_notice)
        inputs_layout.addStretch(1)
        self.form_area = FormArea(self.inputs)  # scrolls only on a screen too small for the form

        header = QLabel("Sign in to Workfront")
        header.setObjectName("header")
        resources.set_role(header, "title")
        icon = QLabel()
        icon.setPixmap(resources.svg_pixmap(resources.APP_ICON, self.fontMetrics().height() * 2,
                                            self.devicePixelRatioF()))
        title_row = self._title_row = QHBoxLayout()
        title_row.addWidget(icon)
        title_row.addWidget(header, 1)

        right = QWidget()
        right_layout = self._right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.form_area, 1)
        right_layout.addWidget(self.error)  # outside the scrolling part: always in sight
        right_layout.addStretch(0)

        self.left_panel = left
        separator = self._separator = QFrame()
        separator.setFrameShape(QFrame.Shape.HLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        columns = QHBoxLayout()
        columns.addWidget(left, 2)
        columns.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        columns.addWidget(right, 5)

        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(separator)
        outer.addLayout(buttons)

        em = self.fontMetrics().averageCharWidth()
        left.setMinimumWidth(em * 24)
        right.setMinimumWidth(em * 64)
        self._right = right
        self._cap_form_height()
        available = self.screen().availableGeometry().size()
        self.resize(self.sizeHint().expandedTo(QSize(em * 100, 0)).boundedTo(available)
                    .expandedTo(self.minimumSizeHint()))

        reading_order = [
            self.profile_list, self.new_profile, self.delete_profile, fields.profile_name, fields.environment,
            fields.domain, fields.custom_url, fields.classic_version, fields.planning_version, self.tabs,
            self.password_tab.username, self.password_tab.password, self.api_key_tab.api_key, self.api_key_tab.get_key,
            self.oauth_tab.browser, self.oauth_tab.server, self.oauth_tab.client_id, self.oauth_tab.client_secret,
            self.oauth_tab.token_service, self.remember, self.sign_in_button, self.cancel_button,
        ]
        for before, after in itertools.pairwise(reading_order):
            self.setTabOrder(before, after)

        profiles.chosen.connect(self._profile_chosen)
        self.new_profile.clicked.connect(self.add_profile)
        self.delete_profile.clicked.connect(self.remove_profile)
        self.profile_name.textEdited.connect(profiles.rename_current)
        fields.changed.connect(self._connection_changed)
        self.api_key_tab.get_key_requested.connect(self.get_api_key)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.cancel_button.clicked.connect(self.reject)
        for shortcut in (QKeySequence("Ctrl+1"), QKeySequence("Ctrl+2"), QKeySequence("Ctrl+3")):
            index = int(shortcut.toString()[-1]) - 1
            QShortcut(shortcut, self, partial(self.tabs.setCurrentIndex, index))

        self.remember.toggled.connect(self._remember_toggled)
        self.oauth_tab.browser.toggled.connect(self._fit)  # client credentials show more rows: make room
        self.tabs.currentChanged.connect(self._fit)

    def _remember_toggled(self, checked: bool) -> None:
        """Say that nothing will outlive this run when there is no keyring, as soon as it matters."""
        if not checked:
            self._show_keyring_notice(None)
            return
        self._run_soon(lambda ops: ops.run(self.backend.keyring_notice, on_success=self._show_keyring_notice,
                                           on_error=lambda error: log.info("keyring check failed: %s", error)))

    def _show_keyring_notice(self, notice: str | None) -> None:
        self.keyring_notice.setText(notice or "")
        self.keyring_notice.setVisible(bool(notice) and self.remember.isChecked())
        self._fit()

    # -- background work -------------------------------------------------------------------------

    def attach_operations(self, ops: Operations) -> None:
        """Start background work once the event loop runs; what waited for it runs now."""
        self.ops = ops
        waiting, self._waiting_for_ops = self._waiting_for_ops, []
        for start in waiting:
            start()

    def _run_soon(self, start: Callable[[Operations], object]) -> None:
        """Run ``start(ops)`` now, or as soon as the operations helper is attached."""
        if self.ops is not None:
            start(self.ops)
        else:
            self._waiting_for_ops.append(lambda: start(self.ops))  # type: ignore[arg-type]

    # -- profiles ------------------------------------------------------------------------------

    def _load_profiles(self) -> None:
        demo = self.backend.demo_profile()
        if demo is not None:
            self.profiles.add(demo, DEMO_LABEL)
        for profile in self.backend.profiles():
            self.profiles.add(profile, profile.profile_name)
        if self.profiles.count() == 0:
            self.add_profile()
        else:
            self.profiles.select(1 if demo is not None and self.profiles.count() > 1 else 0)  # first saved one

    def _focus_what_is_left(self) -> None:
        """Open on the first field a saved profile still needs (its password, say), not on the list."""
        form = self.form()
        if form.is_demo or not form.profile_name:  # a new profile starts at its name (add_profile)
            return
        widget = self._field_widget(next(iter(form.missing()), None))
        if widget is not None:
            widget.setFocus()

    def select_demo(self) -> bool:
        """Select the built-in demo profile; False when there is none."""
        for row, form in enumerate(self.profiles.forms()):
            if form.is_demo:
                self.profiles.select(row)
                return True
        return False

    def add_profile(self) -> None:
        """Start a new, empty profile (production, password)."""
        versions = self.backend.classic_versions()
        item = self.profiles.add(LoginForm(classic_version=versions[0] if versions else ""), NEW_PROFILE)
        self.profile_list.setCurrentItem(item)
        self.profile_name.setFocus()

    def remove_profile(self) -> None:
        """Forget the selected profile and its remembered secret, once confirmed (the demo stays)."""
        form = self.profiles.current_form()
        if form is None or form.is_demo:
            return
        if form.profile_name:
            answer = QMessageBox.question(
                self, "Delete profile",
                f"Delete the profile “{form.profile_name}” and forget its saved password, key or token?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.backend.delete_profile(form.profile_name)
        self.profiles.remove_current()

    def _profile_chosen(self, form: LoginForm, previous: QListWidgetItem | None) -> None:
        if previous is not None:
            self.profiles.keep(previous, self.form())  # switching back finds what was typed
        self.fill(form)
        self.delete_profile.setEnabled(not form.is_demo)
        self._show_error(None)
        if form.remember and not form.is_demo and not self._has_secret(form):
            self._run_soon(lambda ops: ops.run(lambda: self.backend.load_secrets(form), on_success=self._secrets_loaded,
                                               on_error=lambda error: log.info("no remembered secret: %s", error)))

    @staticmethod
    def _has_secret(form: LoginForm) -> bool:
        return bool(form.password or form.api_key or form.client_secret)

    def _secrets_loaded(self, form: LoginForm) -> None:
        if self._busy:
            return
        current = self.form()
        if current.profile_name != form.profile_name:
            return
        self.password_tab.password.setText(current.password or form.password)
        self.api_key_tab.api_key.setText(current.api_key or form.api_key)
        if not current.client_secret:
            self.oauth_tab.client_secret.setText(form.client_secret)

    # -- form <-> widgets ---------------------------------------------------------------------

    def fill(self, form: LoginForm) -> None:
        """Show ``form`` in the widgets."""
        demo = form.is_demo
        self._saved_name = form.saved_name
        self.fields.fill(form)
        self.password_tab.fill(form)
        self.api_key_tab.fill(form)
        self.oauth_tab.fill(form)
        self.tabs.setCurrentIndex(self._tab_for(form.method))
        self.remember.setChecked(form.remember)
        self.remember.setEnabled(not demo)
        provided = "Provided by the simulator when you sign in" if demo else ""
        self.password_tab.username.setPlaceholderText(provided or "name@example.com")
        self.password_tab.password.setPlaceholderText(provided)
        self.api_key_tab.api_key.setPlaceholderText(provided)
        self.oauth_tab.client_id.setPlaceholderText(provided)
        self.oauth_tab.client_secret.setPlaceholderText(provided)
        self._connection_changed()

    def form(self) -> LoginForm:
        """Read the widgets into a new :class:`LoginForm`."""
        form = LoginForm(method=self._method(), saved_name=self._saved_name)
        self.fields.read(form)
        form.remember = self.remember.isChecked() and not form.is_demo
        self.password_tab.read(form)
        self.api_key_tab.read(form)
        self.oauth_tab.read(form)
        return form

    def _method(self) -> AuthMethod:
        widget = self.tabs.currentWidget()
        if widget is self.api_key_tab:
            return AuthMethod.API_KEY
        if widget is self.oauth_tab:
            return self.oauth_tab.method
        return AuthMethod.PASSWORD

    @staticmethod
    def _tab_for(method: AuthMethod) -> int:
        return {AuthMethod.PASSWORD: 0, AuthMethod.API_KEY: 1}.get(method, 2)

    def _connection_changed(self) -> None:
        form = self.form()
        try:
            address: str | None = self.backend.address(form)
        except ValueError:
            address = None
        self.fields.show_address(address, form.sandbox_hint())
        self._fit()

    def _fit(self) -> None:
        """Grow the dialog when a hint or an error needs more room (never shrink what the user sized)."""
        self._cap_form_height()
        fit.grow_to_fit(self, refresh=(self.form_area,))

    def _cap_form_height(self) -> None:
        """Let the form ask for no more height than the screen leaves beside the title, error and buttons."""
        metrics = self.fontMetrics()
        outer, right = self.layout(), self._right_layout
        assert outer is not None  # set in __init__
        margins = outer.contentsMargins()
        around = (margins.top() + margins.bottom() + 2 * max(outer.spacing(), 0)
                  + self._separator.sizeHint().height() + self._button_row.sizeHint().height()
                  + self._title_row.sizeHint().height() + max(right.spacing(), 0))
        if self.error.text():  # shown whenever it has text (see _show_error)
            narrowest = self._right.minimumWidth()  # the error's lines at the dialog's least width
            around += max(right.spacing(), 0) + self.error.heightForWidth(narrowest)
        frame = self.frameGeometry().height() - self.geometry().height() if self.isVisible() else 0
        frame = frame or metrics.height() * 2  # a title bar's worth until the window manager says
        room = self.screen().availableGeometry().height() - frame - around
        self.form_area.set_height_cap(max(room, metrics.height() * 4))

    # -- signing in ---------------------------------------------------------------------------

    def sign_in(self) -> None:
        """Check the form, then sign in off the GUI thread."""
        if self._busy or self.ops is None:
            return
        form = self.form()
        missing = form.missing()
        if missing:
            field, text = next(iter(missing.items()))
            self._show_error(messages.InlineMessage(text, field))
            return
        self._show_error(None)
        cancelled = threading.Event()
        self._cancelled = cancelled
        self.status.setText(f"Signing in to {self.address.text()}…" if not form.is_demo
                            else "Starting the local simulator and signing in…")
        if form.method is AuthMethod.OAUTH_BROWSER:
            self.status.setText("Waiting for you to sign in in your web browser…")
        self._task = self.ops.run(
            lambda: self.backend.sign_in(form, cancelled),
            on_success=self._signed_in,
            on_error=lambda error: self._sign_in_failed(error, form),
            busy=self._set_busy,
            name="sign-in",
        )

    def show_sign_in_link(self, url: str, opened: bool) -> None:
        """While the browser sign-in waits: show its link with a Copy button (``opened``: a browser started)."""
        if not self._busy:
            return
        if self.sign_in_link is None:
            from wfexplorer.ui.login.sign_in_link import SignInLink  # only a browser sign-in needs it

            self.sign_in_link = SignInLink()
            self._right_layout.insertWidget(self._right_layout.indexOf(self.error) + 1, self.sign_in_link)
            self.setTabOrder(self.cancel_button, self.sign_in_link.field)
            self.setTabOrder(self.sign_in_link.field, self.sign_in_link.copy)
        self.sign_in_link.show_link(url, opened)
        if not opened:
            self.status.setText("No web browser could be started; waiting for you to sign in with the link…")
        self._fit()

    def cancel_sign_in(self) -> None:
        """Stop a running sign-in; what was typed stays."""
        if self._cancelled is not None:
            self._cancelled.set()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.status.setText("")

    def _signed_in(self, connection: Connection) -> None:
        self.connection = connection
        self.signed_in.emit(connection)
        self.accept()

    def _sign_in_failed(self, error: errors.WorkfrontError, form: LoginForm) -> None:
        self._connection_changed()  # the demo's address is known once its simulator runs
        self._show_error(messages.explain_sign_in_error(error, form, hint=not self.hint.isVisible()))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.inputs.setEnabled(not busy)
        self.left_panel.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
        if busy:
            self.busy_panel.start(self.status.text())
        else:
            self.busy_panel.stop()
            if self.sign_in_link is not None:
                self.sign_in_link.clear()
        if not busy:
            self._task = None
            self._cancelled = None
            if self._focus_after_busy is not None:
                self._focus(self._focus_after_busy)
                self._focus_after_busy = None

    @property
    def busy(self) -> bool:
        """True while a sign-in (or an API key request) runs."""
        return self._busy

    def _show_error(self, message: messages.InlineMessage | None) -> None:
        if message is None:
            self.error.clear()
            self.error.hide()
            return
        self.error.setText(message.text)
        _selectable(self.error)  # to copy it
        self._cap_form_height()  # first make room for it, so showing it cannot push the dialog off the screen
        self.error.show()
        self._fit()
        widget = self._field_widget(message.field)
        if widget is not None:
            self.tabs.setCurrentIndex(self._tab_of(widget))
            if self._busy:  # locked until the operation ends; focus it then
                self._focus_after_busy = widget
            else:
                self._focus(widget)

    @staticmethod
    def _focus(widget: QWidget) -> None:
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def _field_widget(self, name: str | None) -> QWidget | None:
        if not name:
            return None
        return self.findChild(QWidget, name)

    def _tab_of(self, widget: QWidget) -> int:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                return index
        return self.tabs.currentIndex()

    # -- API key ------------------------------------------------------------------------------

    def get_api_key(self) -> None:
        """Ask for username and password and fetch the API key into the API key field."""
        from PySide6.QtCore import Qt

        from wfexplorer.ui.login.apikey_dialog import GetApiKeyDialog  # not needed to paint the dialog

        if self.ops is None:
            return
        form = self.form()
        dialog = GetApiKeyDialog(self.backend, self.ops, replace(form, password=""), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.key_received.connect(self._api_key_received)
        dialog.open()

    def _api_key_received(self, api_key: str) -> None:
        self.api_key_tab.api_key.setText(api_key)
        self.tabs.setCurrentWidget(self.api_key_tab)
        self.sign_in_button.setFocus()

    # -- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc and Cancel: stop a running sign-in first; close only when idle."""
        if self._busy:
            self.cancel_sign_in()
            return
        super().reject()


def _selectable(label: QLabel) -> None:
    """Let the user select (and copy) a label's text."""
    from PySide6.QtCore import Qt  # after the first paint (see profile_list._FORM_ROLE)

    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

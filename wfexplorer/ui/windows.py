"""Which window is on screen: the sign-in dialog until someone signs in, then their main window.

:class:`Windows` also installs, for each signed-in connection, the re-authenticator that asks for
the password again when the session expires, and removes it on sign-out.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from wfexplorer.ui.login.backend import Connection, SignInBackend
from wfexplorer.ui.login.dialog import LoginDialog

if TYPE_CHECKING:
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Windows(QObject):
    """Shows the sign-in dialog or the main window, and switches between them.

    Signals:
        first_shown(): the first window has painted for the first time (start-up benchmarks).
        main_window_shown(object): a main window for a new connection is on screen.
        finished(): the user closed the sign-in dialog or quit; the application should exit.
    """

    first_shown = Signal()
    main_window_shown = Signal(object)
    finished = Signal()

    def __init__(self, backend: SignInBackend, ops: Operations | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.login: LoginDialog | None = None
        self.main: MainWindow | None = None
        self._first_paint_seen = False

    def attach_operations(self, ops: Operations) -> None:
        """Hand over the operations helper once the event loop exists (the dialog may be on screen already)."""
        self.ops = ops
        if self.login is not None:
            self.login.attach_operations(ops)

    def show_login(self) -> LoginDialog:
        """Open the sign-in dialog (non-modal; the event loop keeps running)."""
        dialog = LoginDialog(self.backend, self.ops)
        dialog.signed_in.connect(self.open_connection)
        dialog.rejected.connect(self._login_closed)
        self.login = dialog
        self._watch_first_paint(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_address_to_open(self, url: str) -> None:
        """No browser could be opened for an OAuth sign-in: let the sign-in dialog show the address."""
        if self.login is not None:
            self.login.show_address_to_open(url)

    def open_connection(self, connection: Connection) -> MainWindow:
        """Show the main window for ``connection`` and ask for the password when its session expires."""
        if self.login is not None:
            self.login.hide()
            self.login.deleteLater()
            self.login = None
        from wfexplorer.ui.main_window import MainWindow  # not needed to paint the sign-in dialog

        assert self.ops is not None, "signed in before the event loop ran"
        window = MainWindow(connection, self.ops)
        window.signed_out.connect(self._signed_out)
        window.destroyed.connect(self._forget_main)
        self.main = window
        from wfexplorer.ui.login.reauth import make_reauthenticator  # asyncio: not needed before sign-in

        self.ops.reauthenticator = make_reauthenticator(connection, self.ops, lambda: self.main)
        self._watch_first_paint(window)
        window.show()
        self.main_window_shown.emit(window)
        window.installEventFilter(self)
        return window

    def _signed_out(self) -> None:
        if self.ops is not None:
            self.ops.reauthenticator = None
        if self.main is not None:
            self.main.removeEventFilter(self)
            self.main.deleteLater()  # from the event loop, never from a garbage collection
        self.main = None
        self.show_login()

    def _forget_main(self) -> None:
        self.main = None

    def _login_closed(self) -> None:
        if self.main is None:
            self.finished.emit()

    @property
    def first_paint_seen(self) -> bool:
        """True once any window of ours has painted."""
        return self._first_paint_seen

    def _watch_first_paint(self, widget: QWidget) -> None:
        if not self._first_paint_seen:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._first_paint_seen:
            self._first_paint_seen = True
            self.first_shown.emit()
        elif (event.type() == QEvent.Type.Close and watched is self.main and self.main is not None
              and not self.main.signing_out):
            if self.ops is not None:
                self.ops.reauthenticator = None
            self.finished.emit()
        return False

"""Which windows are on screen: the sign-in dialog, and one main window per signed-in connection.

Several connections may be open at once (File → New connection shows the sign-in dialog again); each
window has its own Operations and its own "ask again" prompt. Signing out closes that window; when the
last one goes the sign-in dialog comes back. Closing the sign-in dialog with no window open quits.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wfexplorer.ui.login.backend import SignInBackend
from wfexplorer.ui.login.dialog import LoginDialog

if TYPE_CHECKING:
    from wfexplorer.core.connection import Connection
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


class Windows(QObject):
    """Shows the sign-in dialog and the main windows, and switches between them.

    Signals:
        first_shown(): the first window has painted for the first time (start-up benchmarks).
        main_window_shown(object): a main window for a new connection is on screen.
        finished(): nothing is left open (or the user quit); the application should exit.
    """

    first_shown = Signal()
    main_window_shown = Signal(object)
    finished = Signal()

    def __init__(self, backend: SignInBackend, ops: Operations | None = None, parent: QObject | None = None,
                 *, config_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.config_dir = config_dir
        self.login: LoginDialog | None = None
        self.mains: list[MainWindow] = []
        self._first_paint_seen = False
        self._quitting = False

    @property
    def main(self) -> MainWindow | None:
        """The most recently opened main window (None when none is open)."""
        return self.mains[-1] if self.mains else None

    def attach_operations(self, ops: Operations) -> None:
        """Hand over the operations helper once the event loop exists (the dialog may be on screen already)."""
        self.ops = ops
        if self.login is not None:
            self.login.attach_operations(ops)

    def show_login(self) -> LoginDialog:
        """Open the sign-in dialog (non-modal; the event loop keeps running), or raise the one that is open."""
        if self.login is not None:
            self.login.show()
            self.login.raise_()
            self.login.activateWindow()
            return self.login
        dialog = LoginDialog(self.backend, self.ops)
        dialog.signed_in.connect(self.open_connection)
        dialog.rejected.connect(self._login_closed)
        self.login = dialog
        self._watch_first_paint(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_sign_in_link(self, url: str, opened: bool) -> None:
        """A browser sign-in waits: the sign-in dialog shows its link (``opened``: a browser was started)."""
        if self.login is not None:
            self.login.show_sign_in_link(url, opened)

    def open_connection(self, connection: Connection) -> MainWindow:
        """Show a main window for ``connection`` (the sign-in dialog goes away)."""
        if self.login is not None:
            self.login.hide()
            self.login.deleteLater()
            self.login = None
        from wfexplorer.core.window_state import WindowStateStore
        from wfexplorer.ui.shell.main_window import MainWindow  # not needed to paint the sign-in dialog

        crash_handler = self.ops.crash_handler if self.ops is not None else None
        store = WindowStateStore(self.config_dir) if self.config_dir is not None else None
        from wfexplorer.core.editing import DraftStore

        drafts = DraftStore() if self.config_dir is not None else None
        window = MainWindow(connection, crash_handler=crash_handler, state_store=store, drafts=drafts)
        window.new_connection_requested.connect(self.show_login)
        window.quit_requested.connect(self.quit)
        window.destroyed.connect(lambda _obj=None, window=window: self._forget(window))
        window.installEventFilter(self)
        self.mains.append(window)
        self._watch_first_paint(window)
        window.show()
        self.main_window_shown.emit(window)
        return window

    def quit(self) -> None:
        """Close every window, then finish."""
        self._quitting = True
        if self.login is not None:
            self.login.close()
        for window in list(self.mains):
            if not window.close():  # unsaved edits and the user chose Cancel
                self._quitting = False
                return
        self.finished.emit()

    def _window_closed(self, window: MainWindow) -> None:
        if window in self.mains:
            self.mains.remove(window)
            window.deleteLater()  # from the event loop, never from a garbage collection
        if self._quitting or self.mains:
            return
        if window.signing_out:
            self.show_login()
        elif self.login is None or not self.login.isVisible():
            self.finished.emit()

    def _forget(self, window: MainWindow) -> None:
        if window in self.mains:
            self.mains.remove(window)

    def _login_closed(self) -> None:
        dialog, self.login = self.login, None
        if dialog is not None:
            dialog.deleteLater()
        if not self.mains:
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
        elif event.type() == QEvent.Type.Close and watched in self.mains:
            from wfexplorer.ui.shell.main_window import MainWindow

            if isinstance(watched, MainWindow):
                # after the window's own closeEvent has decided (it may refuse to close, with unsaved edits)
                QTimer.singleShot(0, lambda: self._after_close(watched))
        return False

    def _after_close(self, window: MainWindow) -> None:
        if window in self.mains and not window.isVisible():
            self._window_closed(window)

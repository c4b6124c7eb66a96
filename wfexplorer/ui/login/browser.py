"""Opens the OAuth sign-in page in the system browser, and tells the dialog when it could not.

The Authenticator calls :class:`BrowserLauncher` from a worker thread. When no browser opens,
the sign-in keeps waiting for the redirect and the dialog shows the address so the user can open it
by hand (the signal reaches the GUI thread through a queued connection).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class BrowserLauncher(QObject):
    """A callable for the Authenticator's ``open_browser``.

    Signals:
        open_by_hand(str): no browser could be opened; the address the user should open.
    """

    open_by_hand = Signal(str)

    def __init__(self, open_url: Callable[[str], bool] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url or _system_browser

    def __call__(self, url: str) -> bool:
        try:
            opened = bool(self._open_url(url))
        except Exception as failure:  # webbrowser raises on broken configurations
            log.info("could not start a web browser: %s", failure)
            opened = False
        if not opened:
            self.open_by_hand.emit(url)
        return True  # keep waiting for the redirect either way


def _system_browser(url: str) -> bool:
    """Open ``url`` in the system browser (``webbrowser`` loads on first use: it is slow to import)."""
    import webbrowser

    return webbrowser.open(url)

"""Opens the OAuth sign-in page in the system browser, and hands the dialog the link either way.

The Authenticator calls :class:`BrowserLauncher` from a worker thread. The sign-in then waits for the
redirect, and the dialog shows the link with a Copy button, saying so when no browser could be started
(the signal reaches the GUI thread through a queued connection). A browser that started but closed at
once cannot be told from one the user is signing in with, so the link is there in both cases.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class BrowserLauncher(QObject):
    """A callable for the Authenticator's ``open_browser``.

    Signals:
        link_ready(str, bool): the sign-in link, and whether a browser was started for it.
    """

    link_ready = Signal(str, bool)

    def __init__(self, open_url: Callable[[str], bool] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url or _system_browser

    def __call__(self, url: str) -> bool:
        try:
            opened = bool(self._open_url(url))
        except Exception as failure:  # webbrowser raises on broken configurations
            log.info("could not start a web browser: %s", failure)
            opened = False
        self.link_ready.emit(url, opened)
        return True  # keep waiting for the redirect either way


def _system_browser(url: str) -> bool:
    """Open ``url`` in the system browser (``webbrowser`` loads on first use: it is slow to import)."""
    import webbrowser

    return webbrowser.open(url)

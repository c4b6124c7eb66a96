"""The composition root: the one module that knows every layer and puts the application together.

``wfexplorer`` opens the sign-in dialog; ``wfexplorer --demo`` starts the Workfront simulator in this
process and signs in to it straight away. Heavy modules (the simulator, ``requests``) are imported
only when first needed, so the sign-in dialog appears quickly.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import PySide6.QtWidgets  # noqa: F401 - PySide6 must be imported before qasync
from PySide6.QtWidgets import QApplication

import wfexplorer

if TYPE_CHECKING:  # imported for real only when needed, so the sign-in dialog appears quickly
    import qasync

    from wfexplorer.core.auth import Authenticator
    from wfexplorer.demo.server import DemoServer
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.crash import CrashReporter
    from wfexplorer.ui.login.core_backend import CoreSignInBackend
    from wfexplorer.ui.windows import Windows

log = logging.getLogger("wfexplorer")


def build_parser() -> argparse.ArgumentParser:
    """Describe the command line."""
    parser = argparse.ArgumentParser(prog="wfexplorer", description="A desktop explorer for Adobe Workfront.")
    parser.add_argument("--demo", action="store_true",
                        help="start the built-in Workfront simulator in this process and sign in to it")
    parser.add_argument("--demo-scale", type=float, default=0.5, metavar="FACTOR",
                        help="size of the simulator's demo data (default 0.5)")
    parser.add_argument("--demo-data", type=Path, default=None, metavar="DIR",
                        help="keep the simulator's database in DIR (default: in memory, fresh each run)")
    parser.add_argument("--config-dir", type=Path, default=None, metavar="DIR",
                        help="where profiles are saved (default: the user config directory)")
    parser.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                        help="where API metadata is cached (default: the user cache directory)")
    parser.add_argument("--version", action="version", version=f"wfexplorer {wfexplorer.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more (never secrets)")
    return parser


class DemoLauncher:
    """Starts the simulator in this process on first use and stops it at exit (a ``DemoProvider``)."""

    def __init__(self, scale: float = 0.5, data_dir: Path | None = None, cache_dir: Path | None = None) -> None:
        self.scale = scale
        self.data_dir = data_dir
        self.cache_dir = cache_dir  # where the seeded data in memory is kept between runs (None: not kept)
        self._server: DemoServer | None = None
        self._lock = threading.Lock()
        self._stopped = False  # stopped at exit: a start still on its way must not leave a server running

    def defaults(self) -> Mapping[str, str]:
        # Known once the simulator runs (importing it just to read them would slow the start-up).
        if self._server is None:
            return {}
        credentials = self._server.credentials()
        return {"username": credentials["username"], "password": credentials["password"]}

    def start(self) -> Mapping[str, Any]:
        with self._lock:
            if self._stopped:
                raise RuntimeError("the simulator has been stopped")
            if self._server is None:
                from wfexplorer.demo.seed_cache import SeedCache

                kept = SeedCache(self.cache_dir / "demo", self.scale) if self.cache_dir and not self.data_dir else None
                if kept is not None:  # a first start seeds in a process of its own, from now, as the simulator loads
                    kept.begin_seeding()
                from wfexplorer.demo.server import DemoServer

                try:
                    server = DemoServer(self.data_dir, scale=self.scale, seed_cache=kept).start()
                finally:
                    if kept is not None:
                        kept.end_seeding()  # it kept a copy the server restored, or it is no longer needed
                assert server.context is not None  # set by start()
                # The demo signs in with a password; let its Planning take that session as a Bearer token,
                # as the simulator's documented option allows (real Workfront Planning wants OAuth 2.0).
                server.context.settings.planning_options["accept_login_sessions"] = "true"
                log.info("simulator listening on %s", server.base_url)
                self._server = server
            return self._server.credentials()

    def start_quietly(self) -> None:
        """:meth:`start` ahead of the sign-in; a failure is left for the sign-in's own start to report."""
        try:
            self.start()
        except Exception:
            log.debug("the simulator did not start ahead of the sign-in", exc_info=True)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._server is not None:
                self._server.stop()
                self._server = None


@dataclass
class Application:
    """Everything :func:`build` put together (tests and benchmarks drive it)."""

    qapp: QApplication
    loop: qasync.QEventLoop
    ops: Operations
    windows: Windows
    backend: CoreSignInBackend
    demo: DemoLauncher
    crash_reporter: CrashReporter
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Stop background work and the simulator."""
        for closer in reversed(self.closers):
            try:
                closer()
            except Exception:  # shutting down: report and go on
                log.exception("error while shutting down")


def build(argv: Sequence[str] | None = None, qapp: QApplication | None = None) -> Application:
    """Create the application, show the first window and wait for its first paint; the loop is not run.

    Two phases, so the sign-in dialog is on screen as early as possible: first Qt, the style and
    the dialog (fed by the small ``profiles`` module); once it has painted, asyncio/qasync, the
    operations helper and the crash handler; the HTTP stack, OAuth and the keyring then load in
    the background.
    """
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from wfexplorer.core.app_dirs import default_cache_dir
    from wfexplorer.core.auth.profiles import ProfileStore  # small: loaded lazily
    from wfexplorer.ui import resources
    from wfexplorer.ui.login.core_backend import CoreSignInBackend
    from wfexplorer.ui.windows import Windows

    if qapp is None:
        qapp = _qapplication()
    qapp.setApplicationName("wfexplorer")
    qapp.setApplicationDisplayName("wfexplorer")
    qapp.setApplicationVersion(wfexplorer.__version__)
    qapp.setDesktopFileName("wfexplorer")
    demo = DemoLauncher(args.demo_scale, args.demo_data, args.cache_dir or default_cache_dir())
    if args.demo:  # the simulator starts while Qt shows the dialog; the sign-in then finds it running
        threading.Thread(target=demo.start_quietly, name="wfexplorer-demo-start", daemon=True).start()
    profiles = ProfileStore(args.config_dir)

    from wfexplorer.ui.login.browser import BrowserLauncher

    browser = BrowserLauncher()

    def authenticator() -> Authenticator:
        # The HTTP stack, OAuth and the keyring load on first use, not before the dialog.
        from wfexplorer.core.auth import Authenticator, SecretStore

        return Authenticator(profiles=profiles, secrets=SecretStore(), open_browser=browser)

    backend = CoreSignInBackend(profiles, authenticator, demo, args.cache_dir)
    windows = Windows(backend, config_dir=profiles.config_dir)
    browser.link_ready.connect(windows.show_sign_in_link)
    dialog = windows.show_login()
    wait_for_first_paint(windows)
    log.info("sign-in dialog shown")
    windows.main_window_shown.connect(lambda window: log.info("signed in: %s", window.windowTitle()))

    import asyncio

    import qasync

    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.collector import COLLECTOR
    from wfexplorer.ui.crash import CrashReporter, install_excepthook

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    reporter = CrashReporter()
    install_excepthook(reporter, loop)
    ops = Operations(crash_handler=reporter)
    windows.attach_operations(ops)
    resources.apply_style(qapp)  # the window icon: not needed for the first paint
    application = Application(qapp, loop, ops, windows, backend, demo, reporter)
    application.closers += [demo.stop, ops.shutdown, COLLECTOR.stop]
    ops.run(lambda: warm_up(backend), name="warm-up")
    windows.main_window_shown.connect(lambda _window: COLLECTOR.start())
    if args.demo:
        dialog.select_demo()
        dialog.sign_in()
    return application


def _qapplication() -> QApplication:
    """The running QApplication, or a new one; a bare QCoreApplication cannot show windows."""
    existing = QApplication.instance()
    if existing is None:
        return QApplication(sys.argv[:1])
    if not isinstance(existing, QApplication):
        raise RuntimeError("wfexplorer needs a QApplication, but a QCoreApplication is already running")
    return existing


def warm_up(backend: CoreSignInBackend) -> None:
    """Off the GUI thread, after the first paint: load what signing in needs, so the GUI never stalls on it.

    The HTTP stack, OAuth and the keyring (through the Authenticator), and the main window's and the
    re-authentication prompt's modules, which the GUI thread would otherwise import on the first sign-in.
    """
    backend.auth  # noqa: B018 - the property builds the Authenticator
    importlib.import_module("wfexplorer.ui.shell.main_window")
    importlib.import_module("wfexplorer.ui.login.reauth")


def wait_for_first_paint(windows: Windows, timeout_ms: int = 1000) -> None:
    """Run Qt's own event loop until the first window has painted (or ``timeout_ms`` passed)."""
    from PySide6.QtCore import QEventLoop, QTimer

    waiting = QEventLoop()
    windows.first_shown.connect(waiting.quit)
    QTimer.singleShot(timeout_ms, waiting.quit)
    if not windows.first_paint_seen:
        waiting.exec()
    windows.first_shown.disconnect(waiting.quit)


def main(argv: Sequence[str] | None = None) -> int:
    """Run wfexplorer until the last window closes."""
    application = build(argv)
    import asyncio

    loop = application.loop
    done = asyncio.Event()
    application.windows.finished.connect(done.set)
    application.qapp.setQuitOnLastWindowClosed(False)
    from wfexplorer.ui.quit_signals import QuitOnSignals

    on_signals = QuitOnSignals(application.windows.quit)
    try:
        with loop:
            loop.run_until_complete(done.wait())
    finally:
        on_signals.close()
        application.close()
    log.info("exited cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main())

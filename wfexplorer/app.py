"""The composition root: the one module that knows every layer and puts the application together.

``wfexplorer`` opens the sign-in dialog; ``wfexplorer --demo`` starts the Workfront simulator in this
process and signs in to it straight away. Heavy modules (the simulator, ``requests``) are imported
only when first needed, so the sign-in dialog appears quickly.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import PySide6.QtWidgets  # noqa: F401 - PySide6 must be imported before qasync
from PySide6.QtWidgets import QApplication

import wfexplorer

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

    def __init__(self, scale: float = 0.5, data_dir: Path | None = None) -> None:
        self.scale = scale
        self.data_dir = data_dir
        self._server: Any = None
        self._lock = threading.Lock()

    def defaults(self) -> Mapping[str, str]:
        from wfexplorer.demo import seed

        return {"username": seed.ADMIN_USERNAME, "password": seed.DEMO_PASSWORD}

    def start(self) -> Mapping[str, Any]:
        with self._lock:
            if self._server is None:
                from wfexplorer.demo.server import DemoServer

                self._server = DemoServer(self.data_dir, scale=self.scale).start()
                log.info("simulator listening on %s", self._server.base_url)
            return self._server.credentials()

    def stop(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop()
                self._server = None


@dataclass
class Application:
    """Everything :func:`build` put together (tests and benchmarks drive it)."""

    qapp: QApplication
    loop: asyncio.AbstractEventLoop
    ops: Any
    windows: Any
    backend: Any
    demo: DemoLauncher
    crash_reporter: Any
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Stop background work and the simulator."""
        for closer in reversed(self.closers):
            try:
                closer()
            except Exception:  # shutting down: report and go on
                log.exception("error while shutting down")


def build(argv: Sequence[str] | None = None, qapp: QApplication | None = None) -> Application:
    """Create the application objects and show the first window (without running the event loop)."""
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    import qasync

    from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
    from wfexplorer.ui import resources
    from wfexplorer.ui.asyncops import Operations
    from wfexplorer.ui.crash import CrashReporter, install_excepthook
    from wfexplorer.ui.login.core_backend import CoreSignInBackend
    from wfexplorer.ui.windows import Windows

    if qapp is None:
        qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("wfexplorer")
    qapp.setApplicationDisplayName("wfexplorer")
    qapp.setApplicationVersion(wfexplorer.__version__)
    qapp.setDesktopFileName("wfexplorer")
    resources.apply_style(qapp)

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    reporter = CrashReporter()
    install_excepthook(reporter, loop)
    ops = Operations(crash_handler=reporter)
    demo = DemoLauncher(args.demo_scale, args.demo_data)
    authenticator = Authenticator(profiles=ProfileStore(args.config_dir), secrets=SecretStore())
    backend = CoreSignInBackend(authenticator, demo, args.cache_dir)
    windows = Windows(backend, ops)
    application = Application(qapp, loop, ops, windows, backend, demo, reporter)
    application.closers += [demo.stop, ops.shutdown]

    dialog = windows.show_login()
    if args.demo:
        dialog.select_demo()
        dialog.sign_in()
    return application


def main(argv: Sequence[str] | None = None) -> int:
    """Run wfexplorer until the last window closes."""
    application = build(argv)
    loop = application.loop
    done = asyncio.Event()
    application.windows.finished.connect(done.set)
    application.qapp.setQuitOnLastWindowClosed(False)
    try:
        with loop:
            loop.run_until_complete(done.wait())
    finally:
        application.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

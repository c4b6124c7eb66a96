"""A window with the ActionsPanel of a new task in the simulator, for an AT-SPI client to operate.

Run by ``run_action_atspi.sh`` (with the project's venv). Prints ``READY <task id>`` once the actions are
listed, then ``RAN <field changes>`` when an action ran, or ``FAILED <message>``, and quits.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "actions"))

import PySide6.QtWidgets  # noqa: F401 - before qasync
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from wfexplorer.core.actions import ActionRunner
from wfexplorer.core.journal import Journal
from wfexplorer.demo.server import DemoServer
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.actions_panel import ActionsPanel


def main() -> None:
    from acting_support import new_task, sign_in

    app = QApplication(sys.argv)
    app.setApplicationName("wfexplorer")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    folder = Path(tempfile.mkdtemp())
    with DemoServer(folder / "demo", scale=0.05) as server:
        connection = sign_in(server, folder)
        task = new_task(connection, "Task run over AT-SPI")
        journal = Journal.for_profile("AT-SPI", folder / "journal")
        ops = Operations()
        window = QMainWindow()
        window.setWindowTitle("Actions — wfexplorer")
        panel = ActionsPanel(ops, ActionRunner(connection.session, journal))
        window.setCentralWidget(panel)
        window.resize(700, 600)
        window.show()
        shown = [False]

        def listed() -> None:
            if panel.list.count() and not shown[0]:
                shown[0] = True
                print("READY", task["ID"], flush=True)

        def ran(_code: str, _object_id: str, outcome: object) -> None:
            print("RAN", getattr(outcome, "changed", {}), flush=True)
            QTimer.singleShot(200, app.quit)

        def failed() -> None:
            if panel.message.isVisible() and panel.message.text():
                print("FAILED", panel.message.text(), flush=True)

        panel.ran.connect(ran)
        poll = QTimer()
        poll.timeout.connect(listed)
        poll.timeout.connect(failed)
        poll.start(100)
        QTimer.singleShot(60_000, app.quit)
        panel.load("TASK", task["ID"], task["name"])
        with loop:
            loop.run_until_complete(_until_quit(app))
        connection.sign_out()
        ops.shutdown()


async def _until_quit(app: QApplication) -> None:
    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    await done.wait()


if __name__ == "__main__":
    main()

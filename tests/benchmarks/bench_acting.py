"""Acting figures: the GUI heartbeat during an action and during a 100-object bulk edit; the journal opening.

Run alone: ``python tests/benchmarks/bench_acting.py``. Prints the longest GUI heartbeat gap while an action runs
through the ActionsPanel and while a Planning bulk edit of 100 records runs through the BulkEditDialog, both
against the simulator with 100 ms latency per request (goal <= 50 ms each), and how long the Changes dock takes
to show a journal of 10,000 writes (goal <= 200 ms).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "actions"))

import PySide6.QtWidgets  # noqa: F401 - before qasync
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from wfexplorer.core.actions import ActionRunner, BulkEditor, BulkRow
from wfexplorer.core.editing.specs import Api, planning_specs
from wfexplorer.core.journal import Change, Journal, JournalEntry, Kind, Undo
from wfexplorer.core.planning.filters import FieldKind
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.actions_panel import ActionsPanel
from wfexplorer.ui.forms.bulk_dialog import BulkEditDialog
from wfexplorer.ui.journal.dock import ChangesDock


def heartbeat(loop: qasync.QEventLoop, start: Callable[[], None], finished: Callable[[], bool]) -> float:
    """The longest gap (ms) of a 5 ms timer between ``start()`` and ``finished()``."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(beat)
    timer.start()
    last[0] = time.perf_counter()
    start()

    async def wait() -> None:
        while not finished():
            await asyncio.sleep(0.005)

    loop.run_until_complete(wait())
    timer.stop()
    return max(gaps) if gaps else 0.0


def main() -> None:
    from acting_support import new_project, new_task, sign_in

    from wfexplorer.demo.server import DemoServer

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Operations()
    folder = Path(tempfile.mkdtemp())
    journal = Journal.for_profile("Bench", folder / "journal")
    with DemoServer(folder / "demo", scale=0.05) as server:
        connection = sign_in(server, folder)
        assert server.context is not None
        task, target = new_task(connection), new_project(connection)
        panel = ActionsPanel(ops, ActionRunner(connection.session, journal), confirm=lambda *_: True)
        panel.show()
        panel.load("TASK", task["ID"])
        loop.run_until_complete(_until(lambda: panel.list.count() > 0))
        panel.choose("move")
        panel.form.set("projectID", target["ID"])  # type: ignore[union-attr]
        ran: list[object] = []
        panel.ran.connect(lambda *args: ran.append(args))
        for _ in range(5):
            app.processEvents()
        server.context.faults.latency_ms = 100
        gap = heartbeat(loop, panel.run, lambda: bool(ran) or panel.message.isVisible())
        print(f"heartbeat during an action (3 requests, 100 ms latency each): longest gap {gap:.1f} ms "
              f"(goal <= 50 ms); ran: {bool(ran)}")
        server.context.faults.reset()

        client = connection.planning
        assert client is not None
        record_type = client.record_types(client.workspaces()[0].id)[0]
        fields = client.fields(record_type.id)
        text = next(field for field in fields if field.kind is FieldKind.TEXT)
        made = client.bulk_create(record_type.id, [{text.id: f"row {index}"} for index in range(100)])
        rows = [BulkRow(str(item.id), f"Record {index}", {text.id: f"row {index}"})
                for index, item in enumerate(made.items)]
        dialog = BulkEditDialog(ops, BulkEditor(connection.session, client, journal), Api.PLANNING, record_type.id,
                                rows, planning_specs(fields))
        dialog.show()
        dialog.add_field(text.id)
        dialog.values[text.id] = "benchmarked"
        dialog.preview()
        applied: list[object] = []
        dialog.applied.connect(applied.append)
        for _ in range(5):
            app.processEvents()
        server.context.faults.latency_ms = 100
        gap = heartbeat(loop, dialog.apply, lambda: bool(applied) or dialog.message.isVisible())
        print(f"heartbeat during a 100-record bulk edit (1 request, 100 ms latency): longest gap {gap:.1f} ms "
              f"(goal <= 50 ms); changed: {len(dialog.outcome.succeeded) if dialog.outcome else 0}")
        server.context.faults.reset()

        big = Journal.for_profile("Big", folder / "journal")
        entry = JournalEntry.create(Kind.SAVE, code="TASK", object_id="0" * 32, object_name="Benchmark task",
                                    title="Save", changes=[Change("priority", "Priority", 1, 2)], result="done")
        big.record_many([entry] * 10_000)
        started = time.perf_counter()
        dock = ChangesDock(ops, big, Undo(connection.session, client, big))
        dock.show()
        loop.run_until_complete(_until(lambda: dock.model.rowCount() == 10_000))
        dock.grab()
        print(f"Changes dock with a journal of 10,000 writes opened and painted in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms (goal <= 200 ms)")
        connection.sign_out()
    ops.shutdown()


async def _until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.005)


if __name__ == "__main__":
    main()

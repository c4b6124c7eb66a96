"""Edit form figures: a 200-field form (custom form included) built and painted; the heartbeat during a save.

Run alone: ``python tests/benchmarks/bench_edit_form.py``. Prints the build+paint time (goal <= 100 ms; the form
builds its first screenful of rows, the rest after the paint, so it also prints when every row is built and the
longest event-loop turn that building the rest takes) and the longest GUI heartbeat gap while a save runs
against the simulator with 300 ms latency (goal <= 50 ms).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "editing"))

import PySide6.QtWidgets  # noqa: F401 - before qasync
import qasync
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from wfexplorer.core.classic.customforms import CustomForm
from wfexplorer.core.classic.metadata import EnumValue, FieldMeta, ObjectMeta
from wfexplorer.core.editing import Editing, EditSetup, EditState, EditTarget, classic_groups
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.edit_form import EditForm

TYPES = ["string", "int", "double", "dateTime", "boolean"]


def big_editing() -> Editing:
    fields = {f"field{i}": FieldMeta(f"field{i}", f"Field {i}", TYPES[i % 5],
                                     possible_values=(EnumValue("A", "Alpha"), EnumValue("B", "Beta")) if i % 7 == 0
                                     else ()) for i in range(150)}
    form = CustomForm("c1", "Big form", "TASK", tuple(FieldMeta(f"DE:Custom {i}", f"Custom {i}", TYPES[i % 5],
                                                                flags=("CUSTOM",)) for i in range(50)))
    meta = ObjectMeta("Task", "Task", "TASK", fields=fields)
    groups = tuple(classic_groups(meta, [form]))
    specs = [spec for group in groups for spec in group.specs]
    return Editing(EditState(EditTarget.classic("TASK", "t1"), specs, {}), groups)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Operations()
    editing = big_editing()
    fields = sum(len(group.specs) for group in editing.groups)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        form = EditForm(editing, None, ops)  # type: ignore[arg-type]
        form.resize(900, 800)
        form.show()
        form.grab()
        timings.append((time.perf_counter() - started) * 1000)
        form.close()
        form.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, not during the heartbeat below
        app.processEvents()
    print(f"form with {fields} fields built and painted: best {min(timings):.0f} ms, median "
          f"{sorted(timings)[2]:.0f} ms (goal <= 100 ms)")
    whole, longest = [], []
    for _ in range(5):  # the rows below the first screenful are built after the paint, a few per loop turn
        started = time.perf_counter()
        form = EditForm(editing, None, ops)  # type: ignore[arg-type]
        form.resize(900, 800)
        form.show()
        form.grab()
        turns = [time.perf_counter()]
        while form.pending_rows:
            app.processEvents()
            turns.append(time.perf_counter())
        whole.append((turns[-1] - started) * 1000)
        longest.append(max((b - a) * 1000 for a, b in itertools.pairwise(turns)) if len(turns) > 1 else 0)
        form.close()
        form.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    print(f"  every row built: median {sorted(whole)[2]:.0f} ms; longest loop turn building the rest "
          f"{max(longest):.0f} ms")

    from editing_support import new_task, sign_in

    from wfexplorer.core.details import DetailLoader
    from wfexplorer.demo.server import DemoServer
    from wfexplorer.ui.forms.services import EditServices

    folder = Path(tempfile.mkdtemp())
    with DemoServer(folder / "demo", scale=0.05) as server:
        connection = sign_in(server, folder)
        task = new_task(connection)
        details = DetailLoader(connection).classic("TASK", task["ID"], all_fields=True)
        real = EditSetup(connection).for_object(details)
        form = EditForm(real, EditServices(connection).saver_for(real.state.target), ops)
        form.show()
        real.state.set("name", "Heartbeat")
        for _ in range(5):  # painted before the clock starts: the figure is about the save, not the first paint
            app.processEvents()
        assert server.context is not None
        server.context.faults.latency_ms = 300
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(beat)
        done: list[object] = []
        form.saved.connect(done.append)
        timer.start()
        last[0] = time.perf_counter()
        form.save()

        async def wait() -> None:
            while not done and not form.message.isVisible():
                await asyncio.sleep(0.01)

        loop.run_until_complete(wait())
        timer.stop()
        print(f"heartbeat during a save (2 requests, 300 ms latency each): longest gap {max(gaps):.1f} ms "
              f"(goal <= 50 ms); saved: {bool(done)}")
        server.context.faults.reset()
        connection.sign_out()
    ops.shutdown()


if __name__ == "__main__":
    main()

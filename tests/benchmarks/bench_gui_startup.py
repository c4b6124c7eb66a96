"""GUI start-up and sign-in figures (a plain script, not collected by pytest; runs offscreen).

    .venv/bin/python tests/benchmarks/bench_gui_startup.py [--runs 7]

1. Process start → sign-in dialog painted: median over fresh processes, against a bare QApplication
   showing an empty QWidget measured the same way in the same run (targets: ≤ 0.6 s and ≤ 1.6 times).
2. Password sign-in to the simulator → main window painted (target ≤ 1.0 s); the first sign-in of a
   process (which imports the HTTP stack) and the median of the following ones.

The child processes may write bytecode caches (an installed application has them: pip compiles
on install), even when ``PYTHONDONTWRITEBYTECODE`` is set for this shell; a warm-up run of each
fills them before anything is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            app.exit(0)
        return False
window = QWidget()
window.resize(640, 480)
watcher = Painted()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

APP = """
import sys, time
from wfexplorer import app as wapp
painted = []
original = wapp.wait_for_first_paint
def wait_and_note(windows, *args):
    windows.first_shown.connect(lambda: painted.append(time.time()))
    original(windows, *args)
wapp.wait_for_first_paint = wait_and_note
application = wapp.build(["--config-dir", sys.argv[1], "--cache-dir", sys.argv[1]])
print(painted[0], flush=True)
application.close()
"""


def time_to_first_paint(code: str, *args: str) -> float:
    """Seconds from launching a fresh interpreter to its first window's first paint."""
    started = time.time()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={**env, "QT_QPA_PLATFORM": "offscreen"})
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if not lines:
        raise RuntimeError(f"no paint reported:\n{done.stderr[-2000:]}")
    return float(lines[-1]) - started


def startup(runs: int) -> tuple[list[float], list[float]]:
    """Times to first paint of the bare baseline and of wfexplorer, interleaved run by run."""
    bare: list[float] = []
    app: list[float] = []
    with tempfile.TemporaryDirectory() as config:
        time_to_first_paint(BARE)  # warm the OS file cache and the bytecode caches of both
        time_to_first_paint(APP, config)
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare.append(time_to_first_paint(BARE))
            app.append(time_to_first_paint(APP, config))
    return bare, app


def sign_in(runs: int) -> tuple[float, float, float]:
    """(first sign-in, median of the others, longest GUI heartbeat gap in ms while signing in)."""
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer

    from wfexplorer import app as wapp

    timings: list[float] = []
    with tempfile.TemporaryDirectory() as config:
        application = wapp.build(["--config-dir", config, "--cache-dir", config, "--demo-scale", "0.2"])
        application.qapp.setQuitOnLastWindowClosed(False)
        application.demo.start()  # the simulator runs already: measure the sign-in, not the seeding
        loop = application.loop
        windows = application.windows
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]
        gaps: list[int] = []

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(tick)

        class Painted(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.at: float | None = None

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and self.at is None:
                    self.at = time.perf_counter()
                return False

        async def one() -> float:
            dialog = windows.login
            painted = Painted()
            shown: list[object] = []
            windows.main_window_shown.connect(lambda window: (window.installEventFilter(painted),
                                                              shown.append(window)))
            last[0] = clock.elapsed()
            heartbeat.start()
            started = time.perf_counter()
            dialog.sign_in()
            while painted.at is None:
                await asyncio.sleep(0.001)
            elapsed = painted.at - started
            heartbeat.stop()
            windows.main_window_shown.disconnect()
            window = shown[0]
            window.sign_out()
            while windows.login is None or not windows.login.isVisible():
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.05)
            return elapsed

        with loop:
            for _ in range(runs + 1):
                timings.append(loop.run_until_complete(one()))
        application.close()
    return timings[0], statistics.median(timings[1:]), max(gaps, default=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bare_times, app_times = startup(args.runs)
    bare, app = statistics.median(bare_times), statistics.median(app_times)
    ratio = app / bare
    pairs = statistics.median(a / b for a, b in zip(app_times, bare_times, strict=True))
    print(f"start-up, process start to first paint (median of {args.runs}, offscreen):")
    print(f"  bare QApplication + empty QWidget: {bare * 1000:7.0f} ms   (fastest {min(bare_times) * 1000:.0f} ms)")
    print(f"  wfexplorer sign-in dialog:         {app * 1000:7.0f} ms   (fastest {min(app_times) * 1000:.0f} ms)")
    print(f"  ratio of the medians {ratio:.2f}x, median of the run-by-run ratios {pairs:.2f}x, "
          f"of the fastest runs {min(app_times) / min(bare_times):.2f}x")
    print(f"  targets: <= 600 ms {'OK' if app <= 0.6 else 'MISSED'}, <= 1.6x {'OK' if ratio <= 1.6 else 'MISSED'}")
    first, median, gap = sign_in(args.runs)
    print("password sign-in to the simulator until the main window is painted:")
    print(f"  first of the process: {first * 1000:7.0f} ms")
    print(f"  median of {args.runs} more:     {median * 1000:7.0f} ms   "
          f"(target: <= 1000 ms {'OK' if max(first, median) <= 1.0 else 'MISSED'})")
    verdict = "OK" if gap <= 50 else "MISSED"
    print(f"  longest GUI heartbeat gap while signing in: {gap} ms (target: <= 50 ms {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

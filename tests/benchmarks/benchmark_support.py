"""What several benchmarks share: a simulator in its own process, a GUI heartbeat, the resident set.

    process, credentials = start_simulator(folder, scale=0.5)   # wfexplorer-demo on a free port
    heartbeat = Heartbeat(); heartbeat.start(); ...; longest, p99 = heartbeat.stop()
    rss_mb()                                                      # this process's resident set
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil
from PySide6.QtCore import QElapsedTimer, QTimer


def start_simulator(data: Path, scale: float = 0.5, *, grow: dict[str, int] | None = None
                    ) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    """``wfexplorer-demo`` on a free port in its own process; returns it and its credentials.

    ``grow`` adds seeded Planning records first (``{"campaigns": 25_000}``), in a process of its own
    before the server starts, so the served database already holds them.
    """
    if grow:
        code = ("import sys; from pathlib import Path; from wfexplorer.demo.server import DemoServer;"
                "from wfexplorer.demo.planning.seed import grow_record_type;"
                f"server = DemoServer(Path(sys.argv[1]), scale={scale}); server.start();"
                f"[grow_record_type(server.context, alias, count) for alias, count in {grow!r}.items()];"
                "server.stop()")
        subprocess.run([sys.executable, "-c", code, str(data)], check=True)
        reset: list[str] = []
    else:
        reset = ["--reset"]
    process = subprocess.Popen([sys.executable, "-m", "wfexplorer.demo", "--port", "0", "--data", str(data),
                                *reset, "--scale", str(scale)], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if "listening on" in line:
            break
    else:
        raise RuntimeError("the simulator did not start")
    credentials = json.loads((data / "demo-credentials.json").read_text(encoding="utf-8"))
    return process, credentials


class Heartbeat:
    """A 5 ms timer on the GUI thread that records the gaps between its ticks."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[int] = []
        self._last = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self._last = 0
        self.timer.start()

    def stop(self) -> tuple[int, float]:
        """Stop; return the longest gap and the 99th percentile (ms)."""
        self.timer.stop()
        if len(self.gaps) < 2:
            return (max(self.gaps) if self.gaps else 0), 0.0
        return max(self.gaps), statistics.quantiles(self.gaps, n=100, method="inclusive")[98]


def rss_mb() -> float:
    """The process's resident set, in MB."""
    return psutil.Process().memory_info().rss / 1e6

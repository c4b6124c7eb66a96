"""Start an installed wfexplorer offscreen with ``--demo`` and follow it to the main window and a clean exit."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MILESTONES = ("sign-in dialog shown", "signed in: ", "exited cleanly")


@dataclass
class Run:
    """What one start printed, and how it ended."""

    log: str
    returncode: int

    def saw(self, milestone: str) -> bool:
        return any(milestone in line for line in self.log.splitlines())


def start_demo(program: Sequence[str], home: Path, timeout: float = 60.0) -> Run:
    """Run ``program -v --demo`` until it has signed in, then ask it to quit (SIGTERM) as a desktop log-out does."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data")}
    env.pop("PYTHONPATH", None)
    log_path = home / "wfexplorer.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([*program, "-v", "--demo", "--config-dir", str(home / "profiles"),
                                    "--cache-dir", str(home / "cache")], stdout=log, stderr=subprocess.STDOUT,
                                   env=env, cwd=home)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and process.poll() is None:
                if MILESTONES[1] in log_path.read_text():
                    break
                time.sleep(0.2)
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            returncode = process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    return Run(log_path.read_text(), returncode)

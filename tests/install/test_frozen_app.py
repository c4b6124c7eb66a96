"""packaging/build.sh builds the one-folder app, and the built program starts, signs in to --demo and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from install_support import start_demo

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def test_the_built_program_shows_the_sign_in_dialog_signs_in_to_the_demo_and_exits_cleanly(tmp_path):
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(tmp_path / "dist"), "WORK": str(tmp_path / "build")}
    started = time.monotonic()
    built = subprocess.run([str(ROOT / "packaging" / "build.sh")], capture_output=True, text=True, env=env,
                           timeout=540)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    program = tmp_path / "dist" / "wfexplorer" / "wfexplorer"
    assert program.is_file() and os.access(program, os.X_OK)
    print(f"build took {time.monotonic() - started:.0f} s")

    run = start_demo([str(program)], tmp_path)

    assert run.saw("sign-in dialog shown"), run.log
    assert run.saw("signed in: "), run.log
    assert run.saw("exited cleanly"), run.log
    assert run.returncode == 0, run.log
    assert "Traceback" not in run.log, run.log
    # the build drew the Windows and macOS icons from the SVG as well
    assert (tmp_path / "build" / "icons" / "wfexplorer.ico").stat().st_size > 0
    assert (tmp_path / "build" / "icons" / "wfexplorer.icns").stat().st_size > 0

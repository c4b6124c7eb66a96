"""The explorer as a screen reader meets it: found, read and operated over AT-SPI from another process.

Runs the real ``wfexplorer --demo`` on a virtual X screen with the accessibility bus, and reads it with
pyatspi from the system Python (Debian's python3-pyatspi), as ``accessibility.md`` in the design
notes describes; keys go in through xdotool. The machine needs: xvfb, xdotool, dbus, at-spi2-core, python3-pyatspi,
libxcb-cursor0 (``.ci/run`` installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
NEEDED = {"Xvfb": "xvfb", "xdotool": "xdotool", "dbus-run-session": "dbus",
          "/usr/libexec/at-spi-bus-launcher": "at-spi2-core"}

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def require_tools() -> None:
    """Fail naming the Debian packages that are missing for reading the app over AT-SPI."""
    missing = [package for tool, package in NEEDED.items() if shutil.which(tool) is None and not Path(tool).exists()]
    probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    assert not missing, f"this test reads the app over AT-SPI; install the Debian packages {', '.join(missing)}"


def reading(tmp_path: Path, reader: str = "read_explorer.py") -> dict:
    require_tools()
    answer = subprocess.run(["dbus-run-session", "--", str(HERE / "run_with_atspi.sh"), sys.executable,
                             str(tmp_path)], capture_output=True, text=True, timeout=110,
                            env={**os.environ, "READER": reader})
    lines = [line for line in answer.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the reader printed nothing:\n{answer.stdout}\n{answer.stderr[-2000:]}"
    return json.loads(lines[-1])


def test_a_screen_reader_finds_names_reads_and_operates_the_explorer(tmp_path):
    found = reading(tmp_path)
    assert "error" not in found, found
    assert found["frame"].endswith("— wfexplorer")
    parts = found["parts"]
    assert "tree" in parts["Navigator"], parts           # the navigator tree, by its name
    assert "Request log" in parts and "Console" in parts and "Find in the navigator" in parts
    assert found["unnamed"] == [], f"controls without a name: {found['unnamed']}"
    assert found["rows"][:3] == ["Workfront (classic API v21.0)", "Project (PROJ)", "Task (TASK)"]
    # selecting a row through AT-SPI opens it, as a click or the arrow keys do
    assert found["selected"] == "Project (PROJ)"
    assert "[page tab] Project (PROJ)" in found["opened"], found["opened"]


def test_a_screen_reader_user_builds_a_planning_search_and_runs_it(tmp_path):
    found = reading(tmp_path, "build_planning_search.py")
    assert found["builder"], "Ctrl+Shift+K opened no Planning filter builder"
    assert found["add_button"] == "Add condition"
    assert found["value_field"] == "Name: value"          # the new condition's value, named by its field
    names = [cell.split(": ", 1)[1] for cell in found["results"] if cell.startswith("Name: ")]
    assert found["result_rows"] > 0 and len(names) == found["result_rows"]
    assert all("a" in name.lower() for name in names), names   # "Name contains a", typed over AT-SPI + keys


def test_a_screen_reader_user_edits_a_projects_name_and_saves_it(tmp_path):
    found = reading(tmp_path, "edit_object.py")
    project = found["project"]
    assert found["edit_page"] and found["field"] == "Name"
    assert found["typed"] == f"{project} (AT-SPI)"
    assert found["save"] == "Send the changed fields (Ctrl+S)"      # the Save button's description
    assert found["heading_after"] == f"{project} (AT-SPI)"           # saved: the tab shows the new name
    assert f"{project} (AT-SPI)" in found["navigator_rows"]          # and so does the tree


def test_a_screen_reader_user_selects_several_navigator_rows_and_the_last_one_opens(tmp_path):
    found = reading(tmp_path, "select_several.py")
    assert found["added"] == [True, True, True]
    assert found["selected"] == found["asked"], found                # several rows, as a bulk edit needs
    assert "Issue (OPTASK)" in found["tabs"], found["tabs"]          # the row added last became current


def test_an_atspi_client_chooses_an_action_presses_run_and_the_task_is_done():
    require_tools()
    answer = subprocess.run(["dbus-run-session", "--", "sh", str(HERE / "run_action_atspi.sh")], capture_output=True,
                            text=True, timeout=110, cwd=HERE.parents[1], env={**os.environ, "PYTHON": sys.executable})
    assert answer.returncode == 0, answer.stdout[-3000:] + answer.stderr[-2000:]
    assert "RAN" in answer.stdout


def test_a_screen_reader_pages_a_long_list_with_enter_and_reads_its_folded_rows(tmp_path):
    found = reading(tmp_path, "page_into_ranges.py")
    assert found.get("around"), found
    assert found["around"][:2] == ["Task (TASK)", "Rows 1 to 500"], found     # the oldest rows, folded
    assert found["role"] == "table cell" and "expandable" in found["states"] and "expanded" not in found["states"]
    assert found["description"] == "500 rows, folded; expand to show them" and found["details"] == "500"
    assert found["more"].startswith("Load 200 more (800 of"), found            # three pages came with Enter
    assert len(found["selected"]) == 1 and not found["selected"][0].startswith(("Rows", "Load")), found

"""The sign-in dialog at 100% and 200% scaling: no label, button or tab is cut off, and it fits the screen.

Each case builds the dialog in a fresh offscreen process (``scaling_probe.py``), because Qt reads the
scale factor and the screen size only when it starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("scaling_probe.py")

pytestmark = pytest.mark.gui  # each case starts a QApplication, in a child process


def _probe(tmp_path: Path, scale: int, width: int, height: int) -> dict:
    """Run the probe with ``scale`` on one offscreen screen of ``width`` x ``height`` physical pixels."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": str(scale)}
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    env.pop("QT_ENABLE_HIGHDPI_SCALING", None)
    done = subprocess.run([sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["scale"] == scale
    return report


@pytest.mark.parametrize("scale", [1, 2])
def test_no_label_button_or_tab_is_cut_off_in_any_state_at_its_opening_or_minimum_size(tmp_path, scale):
    report = _probe(tmp_path, scale, 1920 * scale, 1080 * scale)
    cut_off = {name: state["cut_off"] + state["cut_off_at_minimum"]
               for name, state in report["states"].items() if state["cut_off"] or state["cut_off_at_minimum"]}
    assert cut_off == {}
    assert set(report["states"]) >= {"password", "api-key", "oauth-server", "long-error", "keyring-notice"}


def test_at_200_percent_the_dialog_fits_a_desktop_of_1366_by_768_logical_pixels(tmp_path):
    report = _probe(tmp_path, 2, 2732, 1536)  # a 1366x768 desktop at 200%
    width, height = report["screen"]
    assert (width, height) == (1366, 768)
    for name, state in report["states"].items():  # with the hint, the error and the notice all shown, too
        assert state["size"][0] <= width and state["size"][1] <= height, name
        assert state["minimum"][0] <= width and state["minimum"][1] <= height, name


def test_at_200_percent_the_minimum_size_fits_a_1366_by_768_panel(tmp_path):
    report = _probe(tmp_path, 2, 1366, 768)
    width, height = report["screen"]
    assert all(state["minimum"][0] <= width and state["minimum"][1] <= height
               for state in report["states"].values()), {n: s["minimum"] for n, s in report["states"].items()}


def test_on_a_1366_by_768_panel_at_200_percent_the_form_scrolls_and_the_buttons_and_error_stay_in_sight(tmp_path):
    report = _probe(tmp_path, 2, 1366, 768)
    width, height = report["screen"]
    for name, state in report["states"].items():  # the hint, the error and the notice all shown, too
        assert state["size"][0] <= width and state["size"][1] <= height, name
        assert state["at_minimum"][1] <= height, name
        assert state["not_in_sight"] == [] and state["not_in_sight_at_minimum"] == [], name
    assert report["states"]["keyring-notice"]["form_scrolls"]


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_large_screen_the_form_never_scrolls(tmp_path, scale):
    report = _probe(tmp_path, scale, 1920 * scale, 1080 * scale)
    assert {name for name, state in report["states"].items() if state["form_scrolls"]} == set()

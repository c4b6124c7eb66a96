"""The code type-checks: mypy (pinned in the ``test`` extra) finds nothing to complain about.

``wfexplorer.core`` is the library people script against, so it is checked with ``--strict``; the simulator,
the GUI and the composition root (``wfexplorer.demo``, ``wfexplorer.ui``, ``wfexplorer/app.py``) in mypy's
default mode. The settings live in ``pyproject.toml`` (``[tool.mypy]``); README says how to run it alone.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_mypy(*arguments: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("mypy") is None:
        pytest.fail("mypy is not installed: install the 'test' extra (pip install -e '.[test]')", pytrace=False)
    # The cache (.mypy_cache, git-ignored) makes a second run take seconds instead of most of a minute.
    return subprocess.run([sys.executable, "-m", "mypy", *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_the_package_type_checks_as_configured() -> None:
    result = run_mypy()
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_library_type_checks_in_strict_mode() -> None:
    # A cache of its own: the options differ from the configured run's, and would invalidate its cache.
    result = run_mypy("--strict", "--cache-dir", ".mypy_cache/strict-core", "wfexplorer/core")
    assert result.returncode == 0, result.stdout + result.stderr

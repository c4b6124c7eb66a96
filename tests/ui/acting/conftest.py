"""Fixtures for the acting widgets: the action tests' connection and journal (tests/core/actions), and the
explorer tests' main windows (tests/ui/test_explorer.py) over that connection."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "core" / "actions"))

from acting_support import connection, journal  # noqa: F401  (fixtures)
from test_explorer import open_window, state_store  # noqa: F401  (fixtures)

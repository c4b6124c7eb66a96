"""Fixtures for the acting widgets: the action tests' connection and journal (tests/core/actions)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "core" / "actions"))

from acting_support import connection, journal  # noqa: F401  (fixtures)

"""Helpers for journal tests: the action tests' helpers and fixtures (sign-in, wire, new objects, a journal)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "actions"))

from acting_support import Wire, connection, journal, new_project, new_task, sign_in, wire

__all__ = ["Wire", "connection", "journal", "new_project", "new_task", "sign_in", "wire"]

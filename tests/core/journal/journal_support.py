"""Helpers for journal tests: the action tests' helpers (sign-in, wire, new objects)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "actions"))

from acting_support import Wire, new_project, new_task, sign_in

__all__ = ["Wire", "new_project", "new_task", "sign_in"]

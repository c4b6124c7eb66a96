"""Helpers for action, bulk and journal tests: the editing tests' sign-in and wire, new objects, a journal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "editing"))

from editing_support import Wire, new_task, sign_in

__all__ = ["Wire", "new_project", "new_task", "sign_in"]


def new_project(connection: Any, name: str = "Acting test project") -> dict[str, Any]:
    """A project of its own."""
    return connection.session.post("/proj", {"updates": {"name": name}})

"""Actions over HTTP: ``/obj/ID/act``, ``/obj/ID?action=act``, ``/obj?action=act``."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import ObjectDef


def run_action(call: ClassicCall, obj: ObjectDef, object_id: str | None, name: str) -> Any:
    """Run action ``name``."""
    raise ClassicError("actions are not available yet")

"""Named queries: ``/work/myWork``, ``/CSTEM/projectStatuses`` and friends."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import ObjectDef


def is_named_query(obj: ObjectDef, name: str) -> bool:
    """Tell whether ``name`` is a named query this module serves on ``obj``."""
    return False


def run_named_query(call: ClassicCall, obj: ObjectDef, name: str) -> Any:
    """Run a named query."""
    raise ClassicError("named queries are not available yet")

"""``/batch``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError


def run_batch(call: ClassicCall, dispatch: Callable[[ClassicCall], Any]) -> Any:
    """Run every ``uri``."""
    raise ClassicError("batch is not available yet")

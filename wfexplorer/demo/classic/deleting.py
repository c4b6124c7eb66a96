"""Delete: soft delete into ``_recycled:<objCode>``, dependants, ``force``."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import ObjectDef


def delete(call: ClassicCall, obj: ObjectDef, object_id: str) -> Any:
    """``DELETE /{obj}/{ID}``."""
    raise ClassicError("delete is not available yet")

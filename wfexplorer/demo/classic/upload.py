"""``/upload`` and ``POST /document`` with a handle."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema import ObjectDef


def upload(call: ClassicCall) -> Any:
    """``POST /upload``."""
    raise ClassicError("upload is not available yet")


def has_handle(call: ClassicCall) -> bool:
    """Tell whether a document create carries an upload handle."""
    return False


def create_document(call: ClassicCall, obj: ObjectDef) -> Any:
    """``POST /document`` with ``handle``."""
    raise ClassicError("upload is not available yet")

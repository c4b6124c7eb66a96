"""Read operations: get by ID(s), search, count, report and metadata, delegating to the query code."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import schema
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import NOT_FOUND, NOT_FOUND_CLASS, ClassicError
from wfexplorer.demo.classic.schema import ObjectDef


def metadata_index(call: ClassicCall) -> Any:
    """``GET /metadata``."""
    return schema.metadata_index(call.context.base_url, call.route.version_segment)


def object_metadata(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/metadata[?fields=sections]``."""
    raw = call.params.getlist("fields")
    sections = [part.strip() for value in raw for part in value.split(",") if part.strip()] or None
    return schema.object_metadata(obj, call.context.base_url, call.route.version_segment, sections=sections)


def not_found(obj: ObjectDef, object_id: str) -> ClassicError:
    """Return the error for an ID that names no record of ``obj``."""
    return ClassicError(
        f"{obj.name} with ID {object_id} does not exist", error_class=NOT_FOUND_CLASS, kind=NOT_FOUND
    )


def get_one(call: ClassicCall, obj: ObjectDef, object_id: str) -> Any:
    """``GET /{obj}/{ID}`` or ``?id=ID``: one object with default fields plus ``fields``."""
    raise ClassicError("get is not available yet")


def get_many(call: ClassicCall, obj: ObjectDef, ids: list[str]) -> Any:
    """``GET /{obj}?id=a,b``: an array in the order asked."""
    raise ClassicError("get is not available yet")


def search(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/search``."""
    raise ClassicError("search is not available yet")


def count(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/count``."""
    raise ClassicError("count is not available yet")


def report(call: ClassicCall, obj: ObjectDef) -> Any:
    """``GET /{obj}/report``."""
    raise ClassicError("report is not available yet")

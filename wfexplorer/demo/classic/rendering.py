"""How classic handlers answer with records: project them to output dicts, and the not-found error.

Shared by the read handlers (:mod:`~wfexplorer.demo.classic.reads`) and every write handler that returns the
objects it wrote (create, edit, copy, upload, actions, named queries), so none of them imports another.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import projection
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import NOT_FOUND, NOT_FOUND_CLASS, ClassicError
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record


def not_found(obj: ObjectDef, object_id: str) -> ClassicError:
    """Return the error for an ID that names no record of ``obj``."""
    return ClassicError(
        f"{obj.name} with ID {object_id} does not exist", error_class=NOT_FOUND_CLASS, kind=NOT_FOUND
    )


def render_many(call: ClassicCall, obj: ObjectDef, records: list[Record]) -> list[dict[str, Any]]:
    """Project records to output dicts: default fields plus ``fields``, dates in the configured zone."""
    env = call.env()
    spec = projection.parse_fields(obj, call.params.getlist("fields"), env)
    return projection.project(spec, records, env)


def render_one(call: ClassicCall, obj: ObjectDef, record: Record) -> dict[str, Any]:
    """Project one record (see :func:`render_many`)."""
    return render_many(call, obj, [record])[0]

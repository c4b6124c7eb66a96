"""Status values of work objects: the base enums plus custom CSTEM statuses, and the ``:A`` suffix.

A status may be a base code (``CUR``), a custom CSTEM value whose ``equatesWith`` is a base code
(``WSX`` ≈ ``CUR``), either of them with the ``:A`` suffix that marks "pending approval to enter
this status" (``CPL:A``). Writes call :func:`validate_status`; queries and actions use
:func:`equates_with` to reason about custom statuses.
"""

from __future__ import annotations

from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError
from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.model import TableReader

PENDING_SUFFIX = ":A"

BASE_STATUSES: dict[str, tuple[tuple[str, str], ...]] = {
    "PROJ": enums.PROJECT_STATUS,
    "TASK": enums.TASK_STATUS,
    "OPTASK": enums.ISSUE_STATUS,
}
ENUM_CLASS = {"PROJ": "STATUS_PROJ", "TASK": "STATUS_TASK", "OPTASK": "STATUS_OPTASK"}
DONE_EQUIVALENT = {"PROJ": "CPL", "TASK": "CPL", "OPTASK": "CLS"}
"""The base status that means "done" for each work object."""


def split_pending(status: str) -> tuple[str, bool]:
    """Split ``"CPL:A"`` into ``("CPL", True)``; ``"CPL"`` gives ``("CPL", False)``."""
    if status.endswith(PENDING_SUFFIX):
        return status[: -len(PENDING_SUFFIX)], True
    return status, False


def custom_statuses(reader: TableReader, obj_code: str) -> dict[str, str]:
    """Return custom status value → base status it equates with, from CSTEM rows of the object's class."""
    enum_class = ENUM_CLASS.get(obj_code)
    if enum_class is None:
        return {}
    out: dict[str, str] = {}
    for row in reader.table("CSTEM").values():
        if row.get("enumClass") == enum_class and row.get("value"):
            out[str(row["value"])] = str(row.get("equatesWith") or row["value"])
    return out


def status_values(reader: TableReader, obj_code: str) -> dict[str, str]:
    """Return every valid status of ``obj_code`` → the base status it equates with."""
    base = BASE_STATUSES.get(obj_code, ())
    values = {
        value: (enums.ISSUE_STATUS_EQUATES.get(value, value) if obj_code == "OPTASK" else value) for value, _ in base
    }
    values.update(custom_statuses(reader, obj_code))
    return values


def equates_with(reader: TableReader, obj_code: str, status: str | None) -> str | None:
    """Return the base status ``status`` equates with (``:A`` removed), or ``None`` if unknown."""
    if not status:
        return None
    code, _ = split_pending(status)
    return status_values(reader, obj_code).get(code)


def is_done(reader: TableReader, obj_code: str, status: str | None) -> bool:
    """Tell whether ``status`` counts as complete/closed for ``obj_code`` (pending approval is not done)."""
    if not status or split_pending(status)[1]:
        return False
    return equates_with(reader, obj_code, status) == DONE_EQUIVALENT.get(obj_code)


def validate_status(reader: TableReader, obj_code: str, status: object) -> str:
    """Return ``status`` when it is valid for ``obj_code`` (base, custom, optionally ``:A``); else raise.

    The error reads ``Invalid custom enum value(s) for field 'Status': ['APV']`` (classic-api.md §6).
    """
    text = "" if status is None else str(status)
    code, _ = split_pending(text)
    if code not in status_values(reader, obj_code):
        raise ClassicError(
            f"Invalid custom enum value(s) for field 'Status': ['{text}']",
            error_class="com.attask.common.InvalidParameterException",
            kind=UNPROCESSABLE,
        )
    return text

"""Named queries (classic-api.md §3.12): ``GET /{obj}/{queryName}[?args][&fields=…]``.

- ``/CSTEM/projectStatuses``, ``taskStatuses``, ``opTaskStatuses``: the status CSTEM rows of the
  object (base statuses and custom ones), hidden ones left out.
- ``/CSTEM/projectGroupStatuses?groupID=..[&includeHidden=true]`` (and the task/issue forms):
  the same for one group (global rows plus the group's own), each entry carrying ``groupID``.
- ``/work/myWork``: the caller's open tasks and issues (assigned directly or through an assignment).
- ``/role/smartAssignmentRoles?searchTerm=``: roles whose name contains the term;
  ``/role/earlyAccessRoles``: none.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.rendering import render_many
from wfexplorer.demo.classic.schema import ObjectDef, enums, object_def
from wfexplorer.demo.classic.schema.statuses import BASE_STATUSES, is_done
from wfexplorer.demo.store import Record

_STATUS_QUERIES = {
    "projectstatuses": ("PROJ", False),
    "taskstatuses": ("TASK", False),
    "optaskstatuses": ("OPTASK", False),
    "projectgroupstatuses": ("PROJ", True),
    "taskgroupstatuses": ("TASK", True),
    "optaskgroupstatuses": ("OPTASK", True),
}
_ENUM_CLASS = {"PROJ": "STATUS_PROJ", "TASK": "STATUS_TASK", "OPTASK": "STATUS_OPTASK"}


def is_named_query(obj: ObjectDef, name: str) -> bool:
    """Tell whether ``name`` is a named query this module serves on ``obj``."""
    lowered = name.lower()
    if obj.obj_code == "CSTEM":
        return lowered in _STATUS_QUERIES
    if obj.obj_code == "WORK":
        return lowered == "mywork"
    if obj.obj_code == "ROLE":
        return lowered in ("smartassignmentroles", "earlyaccessroles")
    return False


def run_named_query(call: ClassicCall, obj: ObjectDef, name: str) -> Any:
    """Run the named query ``name`` of ``obj`` and return the projected rows."""
    lowered = name.lower()
    if obj.obj_code == "CSTEM" and lowered in _STATUS_QUERIES:
        code, by_group = _STATUS_QUERIES[lowered]
        return _statuses(call, obj, code, by_group)
    if obj.obj_code == "WORK" and lowered == "mywork":
        return _my_work(call)
    if obj.obj_code == "ROLE" and lowered == "smartassignmentroles":
        term = (call.params.get("searchTerm") or "").strip().lower()
        rows = [row for row in call.context.store.table("ROLE").values() if term in str(row.get("name", "")).lower()]
        return render_many(call, obj, sorted(rows, key=lambda row: str(row.get("name", ""))))
    if obj.obj_code == "ROLE" and lowered == "earlyaccessroles":
        return []
    raise ClassicError(f"The named query {name} of {obj.name} is not available in the simulator")


def _statuses(call: ClassicCall, obj: ObjectDef, code: str, by_group: bool) -> list[dict[str, Any]]:
    group_id = call.params.get("groupID") if by_group else None
    if by_group and not group_id:
        raise ClassicError("The argument groupID is required")
    include_hidden = call.params.flag("includeHidden")
    enum_class = _ENUM_CLASS[code]
    rows = [row for row in call.context.store.table("CSTEM").values() if row.get("enumClass") == enum_class]
    if not rows:
        rows = _base_rows(code)
    chosen = [
        row for row in rows
        if (include_hidden or not row.get("isHidden"))
        and (not row.get("groupID") or (group_id is not None and row.get("groupID") == group_id))
    ]
    chosen.sort(key=lambda row: (row.get("displayOrder") is None, row.get("displayOrder") or 0))
    output = render_many(call, obj, chosen)
    if by_group:
        for item in output:
            item["groupID"] = group_id
    return output


def _base_rows(code: str) -> list[Record]:
    """CSTEM-shaped rows for the base statuses (used when the store has none)."""
    equates = enums.ISSUE_STATUS_EQUATES if code == "OPTASK" else {}
    return [
        {"ID": f"{code}:{value}", "objCode": "CSTEM", "value": value, "label": label,
         "equatesWith": equates.get(value, value), "enumClass": _ENUM_CLASS[code], "color": None,
         "displayOrder": position}
        for position, (value, label) in enumerate(BASE_STATUSES[code])
    ]


def _my_work(call: ClassicCall) -> list[dict[str, Any]]:
    user_id = call.user_id
    store = call.context.store
    assigned: dict[str, set[str]] = {"TASK": set(), "OPTASK": set()}
    for row in store.table("ASSGN").values():
        if row.get("assignedToID") == user_id:
            if row.get("taskID"):
                assigned["TASK"].add(str(row["taskID"]))
            if row.get("opTaskID"):
                assigned["OPTASK"].add(str(row["opTaskID"]))
    output: list[dict[str, Any]] = []
    for code in ("TASK", "OPTASK"):
        work_obj = object_def(code)
        assert work_obj is not None
        rows = [
            row for row in store.table(code).values()
            if (row.get("assignedToID") == user_id or row["ID"] in assigned[code])
            and not is_done(store, code, row.get("status"))
        ]
        rows.sort(key=lambda row: str(row.get("plannedCompletionDate") or ""))
        output.extend(render_many(call, work_obj, rows))
    return output

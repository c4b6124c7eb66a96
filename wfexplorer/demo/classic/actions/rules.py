"""Business rules shared by actions (and usable by the write code): status changes, open projects, numbering.

- :func:`apply_status` is the one way a work item's status changes: it validates the value (base
  enum or CSTEM custom status), sends it through approval (``CPL:A``) when the item has an
  approval process, and applies what the status implies (percentComplete, actual dates,
  ``isComplete``, assignment states).
- :func:`ensure_project_open` raises the ProjectStatusViolationException of a Complete or Dead project.
- :func:`renumber_project` rewrites ``taskNumber``, ``wbs``, ``indent`` and ``numberOfChildren``;
  :func:`next_task_number` gives the number a new task gets.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.actions.base import ActionEnv, save
from wfexplorer.demo.classic.errors import business_rule_error
from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.model import Record, TableReader
from wfexplorer.demo.classic.schema.statuses import (
    DONE_EQUIVALENT,
    PENDING_SUFFIX,
    equates_with,
    split_pending,
    validate_status,
)
from wfexplorer.demo.store import Transaction

PROJECT_STATUS_VIOLATION = "com.attask.common.ProjectStatusViolationException"
APPROVAL_EXCEPTION = "com.attask.common.ApprovalException"
BUSINESS_RULE = "com.attask.common.BusinessRuleException"

_PROJECT_LABELS = dict(enums.PROJECT_STATUS)


def project_status_error(status: str) -> Exception:
    """The fixture's error: ``Unable to complete operation for a project of status Complete``."""
    label = _PROJECT_LABELS.get(status, status)
    message = f"Unable to complete operation for a project of status {label}"
    return business_rule_error(PROJECT_STATUS_VIOLATION, message)


def ensure_project_open(reader: TableReader, project_id: Any) -> None:
    """Raise when the project is Complete or Dead (custom statuses count by what they equate with)."""
    if not project_id:
        return
    project = reader.table("PROJ").get(str(project_id))
    if project is None:
        return
    base = equates_with(reader, "PROJ", project.get("status"))
    if base in ("CPL", "DED") and not str(project.get("status", "")).endswith(PENDING_SUFFIX):
        raise project_status_error(base)


def needs_approval(obj_code: str, record: Record, base: str) -> bool:
    """Whether entering base status ``base`` must wait for approval.

    Items with an ``approvalProcessID`` need approval to become done (TASK/PROJ CPL, OPTASK CLS);
    projects also need it to become Current.
    """
    if not record.get("approvalProcessID"):
        return False
    if base == DONE_EQUIVALENT.get(obj_code):
        return True
    return obj_code == "PROJ" and base == "CUR"


def status_effects(reader: TableReader, obj_code: str, record: Record, status: str, env: ActionEnv) -> dict[str, Any]:
    """Return the field changes that entering ``status`` implies (besides ``status`` itself)."""
    code, pending = split_pending(status)
    base = equates_with(reader, obj_code, code) or code
    old_base = equates_with(reader, obj_code, record.get("status"))
    changes: dict[str, Any] = {}
    if obj_code in ("TASK", "OPTASK"):
        changes["statusEquatesWith"] = base
    if pending:
        return changes
    done = base == DONE_EQUIVALENT.get(obj_code)
    was_done = old_base == DONE_EQUIVALENT.get(obj_code) and not str(record.get("status", "")).endswith(
        PENDING_SUFFIX
    )
    if done:
        changes["percentComplete"] = 100.0
        changes["actualCompletionDate"] = record.get("actualCompletionDate") if was_done else env.now_iso
        if not record.get("actualStartDate"):
            changes["actualStartDate"] = env.now_iso
        if obj_code == "OPTASK":
            changes["isComplete"] = True
        if obj_code == "TASK" and not was_done:
            changes["_statusBeforeDone"] = record.get("status")
            changes["_percentBeforeDone"] = record.get("percentComplete")
    else:
        if was_done:
            changes["actualCompletionDate"] = None
            previous = record.get("_percentBeforeDone")
            changes["percentComplete"] = float(previous) if previous not in (None, 100, 100.0) else (
                0.0 if base == "NEW" else 50.0
            )
        if obj_code == "OPTASK":
            changes["isComplete"] = False
        if base in ("INP", "CUR") and not record.get("actualStartDate"):
            changes["actualStartDate"] = env.now_iso
        if obj_code == "TASK" and base == "NEW" and not was_done:
            changes["percentComplete"] = 0.0
    if obj_code == "OPTASK" and record.get("status") != status:
        changes["previousStatus"] = record.get("status")
    return changes


def apply_status(
    tx: Transaction,
    obj_code: str,
    record: Record,
    status: str,
    env: ActionEnv,
    *,
    bypass_approval: bool = False,
) -> Record:
    """Change a PROJ/TASK/OPTASK status with its approval and side effects; return the saved record.

    A status needing approval is stored as ``<status>:A`` and the old status is remembered in
    ``_statusBeforeApproval`` (approve/reject/recall then finish the change).
    """
    status = validate_status(tx, obj_code, status)
    code, pending = split_pending(status)
    base = equates_with(tx, obj_code, code) or code
    changes: dict[str, Any] = {}
    if not pending and not bypass_approval and needs_approval(obj_code, record, base) and record.get("status") != code:
        status = code + PENDING_SUFFIX
        changes["_statusBeforeApproval"] = record.get("status")
    elif pending:
        changes["_statusBeforeApproval"] = record.get("status")
    changes.update(status_effects(tx, obj_code, record, status, env))
    changes["status"] = status
    updated = save(tx, record, changes, env)
    if obj_code in ("TASK", "OPTASK") and not split_pending(status)[1]:
        _update_assignments(tx, obj_code, updated, base, env)
    return updated


def _update_assignments(tx: Transaction, obj_code: str, record: Record, base: str, env: ActionEnv) -> None:
    link = "taskID" if obj_code == "TASK" else "opTaskID"
    done = base == DONE_EQUIVALENT[obj_code]
    for row in tx.table("ASSGN").values():
        if row.get(link) != record["ID"]:
            continue
        if done and row.get("status") != "DN":
            save(tx, row, {"status": "DN"}, env)
        elif not done and row.get("status") == "DN":
            save(tx, row, {"status": "WRK" if base == "INP" else "NEW"}, env)


def next_task_number(reader: TableReader, project_id: str) -> int:
    """Return the ``taskNumber`` a new task of the project gets (one more than the highest)."""
    numbers = [
        int(row.get("taskNumber") or 0) for row in reader.table("TASK").values() if row.get("projectID") == project_id
    ]
    return max(numbers, default=0) + 1


def renumber_project(tx: Transaction, project_id: str, env: ActionEnv) -> None:
    """Rewrite taskNumber (outline order), wbs (``2.1.3``), indent and numberOfChildren of a project's tasks."""
    tasks = [row for row in tx.table("TASK").values() if row.get("projectID") == project_id]
    ids = {row["ID"] for row in tasks}
    children: dict[str | None, list[Record]] = {}
    for row in tasks:
        parent = row.get("parentID") if row.get("parentID") in ids else None
        children.setdefault(parent, []).append(row)
    for rows in children.values():
        rows.sort(key=lambda row: (int(row.get("taskNumber") or 10**9), str(row.get("entryDate") or ""), row["ID"]))
    counter = 0

    def walk(parent: str | None, prefix: str, depth: int) -> None:
        nonlocal counter
        for position, row in enumerate(children.get(parent, []), start=1):
            counter += 1
            wbs = f"{prefix}{position}"
            kids = children.get(row["ID"], [])
            wanted = {"taskNumber": counter, "wbs": wbs, "indent": depth, "numberOfChildren": len(kids)}
            if row.get("parentID") and row.get("parentID") not in ids:
                wanted["parentID"] = None
            if any(row.get(key) != value for key, value in wanted.items()):
                save(tx, row, wanted, env)
            walk(row["ID"], wbs + ".", depth + 1)

    walk(None, "", 0)


def descendants(reader: TableReader, task_id: str) -> list[Record]:
    """Return every task below ``task_id`` (children, grandchildren…)."""
    by_parent: dict[str, list[Record]] = {}
    for row in reader.table("TASK").values():
        parent = row.get("parentID")
        if parent:
            by_parent.setdefault(str(parent), []).append(row)
    out: list[Record] = []
    stack = [task_id]
    while stack:
        for child in by_parent.get(stack.pop(), []):
            out.append(child)
            stack.append(child["ID"])
    return out

"""approveApproval, rejectApproval and recallApproval on projects, tasks and issues.

A work item waiting for approval has a status with the ``:A`` suffix (``CPL:A``) and remembers
its previous status in ``_statusBeforeApproval``. Approving enters the requested status (with its
side effects); rejecting or recalling goes back to the previous status. Each decision is
recorded as an ARVSTS row (``approvableObjID``, ``approvableObjCode``, ``approvedByID``,
``status`` AA/RJ/RC). Acting on an item that is not pending raises an ApprovalException.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.actions.base import ActionEnv, action, create, save
from wfexplorer.demo.classic.actions.rules import APPROVAL_EXCEPTION, apply_status, ensure_project_open
from wfexplorer.demo.classic.errors import business_rule_error
from wfexplorer.demo.classic.schema.model import ObjectDef, Record
from wfexplorer.demo.classic.schema.statuses import split_pending
from wfexplorer.demo.store import Transaction

APPROVABLE = ("PROJ", "TASK", "OPTASK")
_DEFAULT_BACK = {"PROJ": "PLN", "TASK": "INP", "OPTASK": "INP"}


def _pending(obj: ObjectDef, record: Record) -> str:
    status, pending = split_pending(str(record.get("status") or ""))
    if not pending:
        raise business_rule_error(
            APPROVAL_EXCEPTION, f"{obj.label} '{record.get('name')}' is not pending approval (status {status})"
        )
    return status


def _record_decision(tx: Transaction, obj: ObjectDef, record: Record, decision: str, env: ActionEnv,
                     note: str | None) -> None:
    create(tx, "ARVSTS", {
        "name": f"{decision} {record.get('status')}",
        "approvableObjID": record["ID"],
        "approvableObjCode": obj.obj_code,
        "approvedByID": env.user_id,
        "status": decision,
        "description": note,
    }, env)


def _project_of(obj: ObjectDef, record: Record) -> Any:
    return record["ID"] if obj.obj_code == "PROJ" else record.get("projectID")


@action(APPROVABLE, "approveApproval")
def approve(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Approve the pending status change: ``CPL:A`` becomes ``CPL``."""
    assert record is not None
    target = _pending(obj, record)
    if obj.obj_code != "PROJ":
        ensure_project_open(tx, _project_of(obj, record))
    _record_decision(tx, obj, record, "AA", env, args.get("auditNote"))
    updated = apply_status(tx, obj.obj_code, record, target, env, bypass_approval=True)
    save(tx, updated, {"_statusBeforeApproval": None}, env)
    return None


def _go_back(tx: Transaction, obj: ObjectDef, record: Record, decision: str, env: ActionEnv,
             note: str | None) -> None:
    _pending(obj, record)
    previous = record.get("_statusBeforeApproval")
    if not previous or split_pending(str(previous))[1]:
        previous = _DEFAULT_BACK[obj.obj_code]
    _record_decision(tx, obj, record, decision, env, note)
    updated = apply_status(tx, obj.obj_code, record, str(previous), env, bypass_approval=True)
    save(tx, updated, {"_statusBeforeApproval": None}, env)


@action(APPROVABLE, "rejectApproval")
def reject(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Reject the pending status change: back to the status before the request."""
    assert record is not None
    _go_back(tx, obj, record, "RJ", env, args.get("auditNote"))
    return None


@action(APPROVABLE, "recallApproval")
def recall(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Withdraw the pending request: back to the status before the request."""
    assert record is not None
    _go_back(tx, obj, record, "RC", env, None)
    return None

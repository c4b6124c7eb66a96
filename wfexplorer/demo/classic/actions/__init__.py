"""Object actions of the classic simulator: a registry from (objCode, action name) to an implementation.

How the HTTP layer runs an action (``PUT /{obj}/{ID}/{action}``, ``/{obj}/{ID}?action=``,
``/{obj}?action=``)::

    from wfexplorer.demo.classic.actions import ActionEnv, response_data, run_action

    env = ActionEnv.from_context(context, user_id)            # user_id None for getApiKey & co.
    with context.store.transaction() as tx:
        record = tx.get(obj.obj_code, object_id) if object_id else None   # 404 handling is the caller's
        result = run_action(tx, obj, record, action_name, request_params, env)
    data = response_data(obj, action_name, result)            # {"result": …}, {} or {"success": true}

``run_action(tx, obj_def, record_or_None, name, raw_params, env)``:

- finds the :class:`~wfexplorer.demo.classic.schema.ActionDef` (exact name, then case-insensitive);
  an unknown name raises ``ClassicError`` (IllegalArgumentException, "… is not a valid action …");
- raises when the action needs an object and ``record`` is ``None``;
- parses ``raw_params`` into typed arguments with :func:`parse_arguments` (lists for repeated keys,
  JSON text for arrays/maps, ``updates`` JSON merged in, undeclared parameters ignored);
- calls the implementation ``impl(tx, obj_def, record, args, env)``, which changes records only
  through ``tx`` (the caller's transaction: an error rolls everything back) and returns the
  result or ``None``. Business-rule failures are ``ClassicError`` in the
  ProjectStatusViolationException shape (``business_rule_error``);
- declared actions without an implementation raise UnsupportedOperationException.

Rules also useful to the write code live in :mod:`wfexplorer.demo.classic.actions.rules`
(``apply_status``, ``ensure_project_open``, ``next_task_number``, ``renumber_project``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wfexplorer.demo.classic.actions import approvals, misc, project, users, work  # noqa: F401  (registration)
from wfexplorer.demo.classic.actions.base import (
    ActionEnv,
    ActionImpl,
    implementation,
    implemented_actions,
    parse_arguments,
)
from wfexplorer.demo.classic.errors import ILLEGAL_ARGUMENT, UNSUPPORTED_OPERATION, ClassicError
from wfexplorer.demo.classic.schema.model import ActionDef, ObjectDef, Record
from wfexplorer.demo.store import Transaction

__all__ = [
    "ActionEnv",
    "ActionImpl",
    "find_action",
    "implementation",
    "implemented_actions",
    "parse_arguments",
    "response_data",
    "run_action",
]

_SUCCESS_ACTIONS = {("USER", "clearApiKey"), ("USER", "clearAllApiKeys")}


def find_action(obj: ObjectDef, name: str) -> ActionDef:
    """Return the action ``name`` of ``obj`` or raise the unknown-action error."""
    action_def = obj.find_action(name) if name else None
    if action_def is None:
        raise ClassicError(f"{name} is not a valid action for {obj.name}", error_class=ILLEGAL_ARGUMENT)
    return action_def


def run_action(
    tx: Transaction,
    obj: ObjectDef,
    record: Record | None,
    name: str,
    raw_params: Mapping[str, Any],
    env: ActionEnv,
) -> Any:
    """Run action ``name`` on ``record`` (``None`` for object-less actions) and return its result."""
    action_def = find_action(obj, name)
    if action_def.needs_object and record is None:
        raise ClassicError(f"The action {action_def.name} of {obj.name} needs an object ID")
    impl = implementation(obj.obj_code, action_def.name)
    if impl is None:
        raise ClassicError(
            f"The simulator does not implement the action {action_def.name} of {obj.name}",
            error_class=UNSUPPORTED_OPERATION,
        )
    args = parse_arguments(action_def, raw_params)
    return impl(tx, obj, record, args, env)


def response_data(obj: ObjectDef, name: str, result: Any) -> dict[str, Any]:
    """Return the ``data`` of an action's response: ``{"result": value}`` for actions with a resultType,
    ``{"success": true}`` for clearApiKey (as Workfront answers), otherwise ``{}``."""
    action_def = find_action(obj, name)
    if (obj.obj_code, action_def.name) in _SUCCESS_ACTIONS:
        return {"success": True}
    if action_def.result_type is not None:
        return {"result": result}
    return {}

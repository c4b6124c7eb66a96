"""Actions over HTTP (classic-api.md §3.9): ``/obj/ID/act``, ``/obj/ID?action=act``, ``/obj?action=act``.

Arguments come as parameters (arrays as repeated keys, JSON text or comma-separated IDs) or
inside an ``updates`` JSON object (python-workfront's carrier). The implementation runs in the
call's transaction; the response is ``{"result": value}`` when the action declares a result
type, ``{"success": true}`` for clearApiKey and clearAllApiKeys (Workfront's documented reply),
``{}`` otherwise.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.access import guard
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.credentials import not_logged_in
from wfexplorer.demo.classic.errors import UNSUPPORTED_OPERATION, ClassicError
from wfexplorer.demo.classic.rendering import not_found
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.classic.writing.checks import resolve_id


def _response(obj: ObjectDef, name: str, result: Any) -> Any:
    """The response ``data`` of an action (``{"result": …}``, ``{"success": true}`` or ``{}``)."""
    from wfexplorer.demo.classic.actions import response_data

    return response_data(obj, name, result)


def _registry() -> Any:
    import wfexplorer.demo.classic.actions as registered  # noqa: F401  (imports every implementation)
    from wfexplorer.demo.classic.actions import base

    return base


def run_action(call: ClassicCall, obj: ObjectDef, object_id: str | None, name: str) -> Any:
    """Run action ``name`` on ``obj`` (on the record ``object_id``, or object-less when ``None``)."""
    if call.caller is not None and call.caller.via == "cookie":
        raise not_logged_in()  # cookies authenticate reads only, and an action writes
    action = obj.find_action(name)
    if action is None:
        raise ClassicError(f"Unknown action '{name}' for {obj.name}")
    base = _registry()
    implementation = base.implementation(obj.obj_code, action.name)
    if implementation is None:
        raise ClassicError(
            f"The action {action.name} of {obj.name} is not available in the simulator",
            error_class=UNSUPPORTED_OPERATION,
        )
    if action.needs_object and object_id is None:
        raise ClassicError(f"The action {action.name} needs the ID of a {obj.name}")
    raw = {key: values if len(values) > 1 else values[0] for key, values in call.params.items()}
    args = base.parse_arguments(action, raw)
    env = base.ActionEnv.from_context(call.context, call.user_id)
    with call.write() as tx:
        record = None
        if object_id is not None:
            resolved = resolve_id(call, obj, object_id)
            record = tx.get(obj.obj_code, resolved)
            if record is None:
                raise not_found(obj, resolved)
        guard.require_action(call, obj, record, action.name)
        result = implementation(tx, obj, record, args, env)
    return _response(obj, action.name, result)

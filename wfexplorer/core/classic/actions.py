"""Object actions as methods: ``issue.mark_done(status='CLS')`` → ``PUT /OPTASK/{ID}/markDone?status=CLS``.

:func:`make_action` turns an :class:`~wfexplorer.core.classic.metadata.ActionMeta` into a method
with a real signature (keyword arguments in Python spelling, all optional, as in python-workfront);
a wrong argument name is a ``TypeError`` before any request. The method returns the action's
``result`` (or ``None`` for void actions).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from wfexplorer.core.classic.metadata import ActionMeta


def argument_names(meta: ActionMeta) -> list[tuple[str, str]]:
    """Return ``(python name, Workfront name)`` for each argument (Workfront name if not an identifier)."""
    result: list[tuple[str, str]] = []
    for argument in meta.arguments:
        python = argument.python_name or argument.name
        if not python.isidentifier() or python == "self":
            python = f"arg{len(result)}"
        result.append((python, argument.name))
    return result


def make_action(meta: ActionMeta) -> Callable[..., Any]:
    """Build the method that runs ``meta`` on an object."""
    pairs = argument_names(meta)
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    parameters += [inspect.Parameter(python, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None)
                   for python, _ in pairs]
    signature = inspect.Signature(parameters)
    action_name = meta.name

    def action(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        this = bound.arguments.pop("self")
        by_python = dict(pairs)
        return this._call_action(action_name, {by_python[key]: value for key, value in bound.arguments.items()})

    action.__name__ = meta.python_name or action_name
    action.__qualname__ = action.__name__
    action.__signature__ = signature  # type: ignore[attr-defined]
    described = ", ".join(f"{python} ({argument.type})" for (python, _), argument in zip(pairs, meta.arguments,
                                                                                            strict=True))
    returns = f" Returns {meta.result_type}." if meta.result_type else ""
    action.__doc__ = f"The ``{action_name}`` action.{' Arguments: ' + described + '.' if described else ''}{returns}"
    action.workfront_action = meta  # type: ignore[attr-defined]
    return action

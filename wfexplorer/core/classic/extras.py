"""Convenience methods python-workfront adds to some types, as base classes chosen by objCode.

``Issue.convert_to_task()`` turns an issue into a task the way python-workfront does (keeping the
issue, its primary contact and its updates) and returns the new task. Reflection and the
generator both use :func:`base_for`, and an action whose Python name a convenience method takes
keeps its reflected method under ``<name>_action``.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.core.classic.objects import Object

CONVERT_OPTIONS = ("preserveIssue", "preservePrimaryContact", "preserveUpdates")


class IssueExtras(Object):
    """Conveniences of issues (OPTASK)."""

    def convert_to_task(self) -> Object:
        """Convert this issue to a task (issue, primary contact and updates preserved); returns the task."""
        session = self._require_session()
        task: dict[str, Any] = {key: self.fields[key] for key in ("name", "description", "enteredByID")
                                if key in self.fields}
        result = self._call_action("convertToTask", {"options": list(CONVERT_OPTIONS), "task": task})
        converted: Object = session.api.class_for("TASK")._from_wire(session, {"ID": result, "objCode": "TASK"})
        return converted


_BASES: dict[str, type[Object]] = {"OPTASK": IssueExtras}


def base_for(code: str) -> type[Object]:
    """Return the base class for objects of ``code`` (Object, or a class with conveniences)."""
    return _BASES.get(code.upper(), Object)


def reserved_names(code: str) -> frozenset[str]:
    """Return the attribute names a type's convenience base already uses."""
    base = base_for(code)
    return frozenset(name for name in vars(base) if not name.startswith("_")) if base is not Object else frozenset()

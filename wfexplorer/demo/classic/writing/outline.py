"""Keep a project's task outline right after an edit moves a task (new ``parentID`` or ``projectID``).

Workfront renumbers ``taskNumber``, ``wbs``, ``indent`` and ``numberOfChildren`` when a task gets
another parent, including none (``parentID=`` clears it, classic-api.md §8). The renumbering itself
is the one the ``move`` action and deletes use (:func:`~wfexplorer.demo.classic.actions.rules.renumber_project`).
"""

from __future__ import annotations

from wfexplorer.demo.classic.actions.base import ActionEnv
from wfexplorer.demo.classic.actions.rules import renumber_project
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.schema import ObjectDef
from wfexplorer.demo.store import Record, Transaction

_OUTLINE_LINKS = ("parentID", "projectID")


def renumber_if_moved(call: ClassicCall, tx: Transaction, obj: ObjectDef, before: Record, after: Record) -> Record:
    """Renumber the projects a task edit moved it in or out of; return the task as stored afterwards."""
    if obj.obj_code != "TASK" or all(before.get(name) == after.get(name) for name in _OUTLINE_LINKS):
        return after
    env = ActionEnv.from_context(call.context, call.user_id)
    for project_id in sorted({str(p) for p in (before.get("projectID"), after.get("projectID")) if p}):
        renumber_project(tx, project_id, env)
    return tx.get("TASK", str(after["ID"])) or after

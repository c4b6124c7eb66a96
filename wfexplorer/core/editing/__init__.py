"""Editing, Qt-free: field specs, the edit state, savers with the conflict guard, create/copy/delete, drafts.

See :mod:`.specs` (what each field is and which editor it gets), :mod:`.state` (originals, current values, the
dirty set, problems, revert), :mod:`.savers` (the exact request, one per API, the conflict guard),
:mod:`.lifecycle` (edit states for loaded objects, new objects, copy, delete) and :mod:`.drafts` (unsaved
edits on disk).
"""

from wfexplorer.core.editing.drafts import Draft, DraftStore
from wfexplorer.core.editing.lifecycle import (
    DeletePlan,
    Editing,
    EditSetup,
    ForceNeeded,
    copy_object,
    delete_object,
    delete_plan,
    needs_force,
    parent_field,
    plan_delete,
    refusal,
)
from wfexplorer.core.editing.savers import (
    ClassicSaver,
    ConflictFound,
    FieldConflict,
    PlanningSaver,
    Saver,
    SaveRequest,
    SaveResult,
    saver_for,
)
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec, Option, SpecGroup, classic_groups, planning_specs
from wfexplorer.core.editing.state import EditState, EditTarget

__all__ = [
    "Api", "ClassicSaver", "ConflictFound", "DeletePlan", "Draft", "DraftStore", "EditSetup", "EditState",
    "EditTarget", "Editing", "EditorKind", "FieldConflict", "FieldSpec", "ForceNeeded", "Option", "PlanningSaver",
    "SaveRequest", "SaveResult", "Saver", "SpecGroup", "classic_groups", "copy_object", "delete_object",
    "delete_plan", "needs_force", "parent_field", "plan_delete", "planning_specs", "refusal", "saver_for",
]

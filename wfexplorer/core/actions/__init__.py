"""Acting on objects, Qt-free: action specs from metadata (:mod:`.specs`), argument forms (:mod:`.arguments`),
running actions and Planning record moves (:mod:`.invoke`), and bulk edits (:mod:`.bulk`); all journalled."""

from wfexplorer.core.actions.arguments import ArgumentForm
from wfexplorer.core.actions.bulk import BulkEditor, BulkOutcome, BulkPlan, BulkRefused, BulkRow, RowResult, blame
from wfexplorer.core.actions.invoke import ActionOutcome, ActionRunner, move_records
from wfexplorer.core.actions.specs import ActionSpec, action_spec, action_specs, argument_spec

__all__ = ["ActionOutcome", "ActionRunner", "ActionSpec", "ArgumentForm", "BulkEditor", "BulkOutcome", "BulkPlan",
           "BulkRefused", "BulkRow", "RowResult", "action_spec", "action_specs", "argument_spec", "blame",
           "move_records"]

"""Bulk edits over tree rows: what a selection can be edited as, and the tree showing what was written.

    chosen = bulk_selection(view.selected_nodes())
    if chosen.why:                       # "Select two or more …", "The selection mixes 2 object types …"
        action.setEnabled(False)
    else:
        BulkPlan.classic(chosen.type, chosen.rows, …)   # or .planning for chosen.api is Api.PLANNING
    …
    show_written(tree, written_values(outcome), code="TASK", name_field="name")   # the rows' texts follow

A selection is objects of one classic type, or records of one record type. Rows that are not objects or
records (a type row, a collection row, "Load more") make it unusable, and so does a mix of types; the reason
says which, in words the menu shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wfexplorer.core.actions.bulk import BulkOutcome, BulkRow
from wfexplorer.core.browse import BrowseTree, LoadState, Node, NodeKind, ObjectRef, RecordRef
from wfexplorer.core.browse.display import object_label, value_text
from wfexplorer.core.browse.nodes import Packed
from wfexplorer.core.classic.writes import BULK_LIMIT
from wfexplorer.core.editing.specs import Api

#: How the selection gestures read in a reason.
HOW_TO_SELECT = "Shift+click or Shift+arrows select a range, Ctrl+Space adds a row"


@dataclass(frozen=True)
class BulkSelection:
    """The selected objects as one bulk edit's rows; ``why`` says why they cannot be one (empty: they can).

    ``type`` is the objCode (classic) or the record type ID (Planning); ``type_label`` what the user calls it.
    """

    api: Api | None
    type: str
    type_label: str
    rows: tuple[BulkRow, ...]
    why: str = ""

    @property
    def ok(self) -> bool:
        """Whether the rows can be edited together."""
        return not self.why


def _refused(why: str, rows: tuple[BulkRow, ...] = ()) -> BulkSelection:
    return BulkSelection(None, "", "", rows, why)


def _type_label(node: Node) -> str:
    """What the user calls the type of an object or record row (the type row or collection it is listed under)."""
    parent = node.parent
    if parent is not None and parent.kind in (NodeKind.OBJECT_TYPE, NodeKind.RECORD_TYPE):
        return parent.label.split(" (")[0]
    payload = node.payload
    return payload.code if isinstance(payload, ObjectRef) else "record"


def _before(node: Node) -> Mapping[str, Any]:
    """The values the row's load brought (Planning records carry theirs; classic rows only their name)."""
    data = node.data
    if isinstance(data, Packed):
        data = data.unpack()
    return dict(data) if isinstance(data, Mapping) else {}


def too_many(count: int) -> BulkSelection:
    """A selection of ``count`` rows, more than one bulk edit takes (refused before looking at the rows)."""
    return _refused(f"{count:,} rows are selected; one bulk edit changes at most {BULK_LIMIT}. Select fewer.")


def bulk_selection(nodes: Sequence[Node], *, read_only: bool = False) -> BulkSelection:
    """The selected rows as one bulk edit, or why they cannot be one."""
    if read_only:
        return _refused("This profile is read-only: a bulk edit would send nothing.")
    if len(nodes) > BULK_LIMIT:
        return too_many(len(nodes))
    others = [node for node in nodes if node.kind not in (NodeKind.OBJECT, NodeKind.RECORD)]
    if others:
        return _refused(f"Only objects and records can be edited together; “{others[0].label}” is neither. "
                        "Select object rows only.")
    if len(nodes) < 2:
        return _refused(f"Select two or more objects of one type ({HOW_TO_SELECT}).")
    classic = [node for node in nodes if isinstance(node.payload, ObjectRef)]
    records = [node for node in nodes if isinstance(node.payload, RecordRef)]
    if classic and records:
        return _refused("The selection mixes classic objects and Planning records; select one kind.")
    rows = tuple(BulkRow(node.payload.id, node.label, _before(node) if records else {}) for node in nodes)
    if classic:
        codes = sorted({node.payload.code.upper() for node in classic})
        if len(codes) > 1:
            return _refused(f"The selection mixes {len(codes)} object types ({', '.join(codes)}); "
                            "select objects of one type.", rows)
        return BulkSelection(Api.CLASSIC, codes[0], _type_label(classic[0]), rows)
    types = {node.payload.record_type.id for node in records}
    if len(types) > 1:
        return _refused(f"The selection mixes records of {len(types)} record types; select records of one type.",
                        rows)
    record_type = records[0].payload.record_type
    if record_type.classic_code:
        return _refused("These records stand for classic objects: edit them as classic objects.", rows)
    return BulkSelection(Api.PLANNING, record_type.id, _type_label(records[0]), rows)


def written_values(outcome: BulkOutcome) -> dict[str, dict[str, Any]]:
    """What each changed row holds now, from the outcome's journal entries: ``{object id: {field: after}}``."""
    return {entry.object_id: {change.key: change.after for change in entry.changes}
            for entry in outcome.entries if entry.ok and entry.object_id}


def show_written(tree: BrowseTree, values: Mapping[str, Mapping[str, Any]], *, code: str = "",
                 name_field: str | None = None, type_label: str = "") -> list[Node]:
    """Put written values into every row of ``tree`` showing those objects (classic of ``code``, or records).

    The row text follows when the field that names the row was written (``name_field`` for classic objects,
    the record type's primary field for records); the rows' data is what later expansions start from. No
    request is sent. Returns the rows that are expanded: their children (references) may show old values and
    want a reload.
    """
    expanded: list[Node] = []
    for node in list(tree.walk()):
        payload = node.payload
        written = values.get(getattr(payload, "id", None) or "") if isinstance(payload, ObjectRef | RecordRef) \
            else None
        if not written:
            continue
        if isinstance(payload, ObjectRef):
            if code and payload.code.upper() != code.upper():
                continue
            data = {**(node.data if isinstance(node.data, Mapping) else {}), **written}
            label = object_label(data, name_field, type_label) if name_field and name_field in written else None
            tree.update_row(node, label=label, data=data)
        else:
            known = node.data.unpack() if isinstance(node.data, Packed) else {}
            data = {**(known if isinstance(known, Mapping) else {}), **written}
            primary = payload.record_type.primary_field_id
            label = (value_text(data.get(primary)) or None) if primary and primary in written else None
            tree.update_row(node, label=label, data=Packed.of(data))
        if node.state is LoadState.LOADED and node.children:
            expanded.append(node)
    return expanded

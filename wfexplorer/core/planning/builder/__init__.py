"""The Planning filter builder's state and services, without Qt: a GUI is a thin view over these.

    from wfexplorer.core.planning.builder import BuilderState, BuilderFields, preview, check, parse_search_text

    fields = BuilderFields.of(client.fields(record_type_id))
    state = BuilderState(fields.catalog)
    state.add_condition(field="F_status", value="opt_active")       # announced edits, undoable (state.py)
    calls = preview(state, client.connection.root, record_type_id)  # exact v2 and v1 calls (preview.py)
    problems = blocking(state, calls, client.version)               # what stops Run, on its node (checks.py)
    page = client.search(record_type_id, state.request(), allow_losses=True)
    table = result_page(page, fields, state.projection, client.version, names)   # rows.py
    print(describe(state.tree(), fields.catalog, names=people.names(), today=date.today()))

- ``state``: the editable tree (stable ids, insert/remove/move/change announcements, undo) and the sort, group,
  projection and paging of the search;
- ``checks``: every problem before sending, and a server's 400 mapped back onto nodes;
- ``text``/``positions``/``carry``: JSON text in either grammar back to a tree, problems at line and column,
  keeping what the text could not show;
- ``people``: people by name (classic user search) and ids learned from Planning answers;
- ``store``/``document``: saved filters and history per profile;
- ``rows``: a search page as a results table (``wfexplorer.core.results``).
"""

from wfexplorer.core.planning.builder.carry import (
    carry_over,
)
from wfexplorer.core.planning.builder.checks import (
    NodeProblem,
    check,
    errors_only,
    node_for_path,
    problems_from_error,
    v1_labels,
    v2_labels,
)
from wfexplorer.core.planning.builder.document import (
    request_of_document,
    search_document,
)
from wfexplorer.core.planning.builder.events import (
    BuilderEvent,
    Changed,
    Edited,
    Inserted,
    Inserting,
    Moved,
    Moving,
    NodeId,
    Removed,
    Removing,
    RequestChanged,
    Reset,
    Resetting,
)
from wfexplorer.core.planning.builder.fields import (
    BuilderField,
    BuilderFields,
)
from wfexplorer.core.planning.builder.people import (
    ClassicPeople,
    Directory,
    PeopleBook,
    PeopleSource,
    Person,
)
from wfexplorer.core.planning.builder.positions import (
    JsonPositions,
    Position,
    pointer_of,
)
from wfexplorer.core.planning.builder.preview import (
    HARMLESS_LOSSES,
    Preview,
    blocking,
    loss_problems,
    preview,
)
from wfexplorer.core.planning.builder.rows import (
    column_of,
    columns_of,
    result_page,
)
from wfexplorer.core.planning.builder.state import (
    BuilderNode,
    BuilderState,
)
from wfexplorer.core.planning.builder.store import (
    FilterStore,
    HistoryEntry,
    SavedFilter,
)
from wfexplorer.core.planning.builder.text import (
    Grammar,
    PastedSearch,
    TextError,
    TextProblem,
    parse_search_text,
)

__all__ = [
    "HARMLESS_LOSSES", "BuilderEvent", "BuilderField", "BuilderFields", "BuilderNode", "BuilderState",
    "Changed", "ClassicPeople", "Directory", "Edited", "FilterStore", "Grammar", "HistoryEntry", "Inserted",
    "Inserting", "JsonPositions", "Moved", "Moving", "NodeId", "NodeProblem", "PastedSearch", "PeopleBook",
    "PeopleSource", "Person", "Position", "Preview", "Removed", "Removing", "RequestChanged", "Reset",
    "Resetting", "SavedFilter", "TextError", "TextProblem", "blocking", "carry_over", "check", "column_of",
    "columns_of", "errors_only", "loss_problems", "node_for_path", "parse_search_text", "pointer_of", "preview",
    "problems_from_error", "request_of_document", "result_page", "search_document", "v1_labels", "v2_labels",
]

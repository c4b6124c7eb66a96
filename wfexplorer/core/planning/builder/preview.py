"""The exact calls a builder's search makes, in both versions, and everything that stops it from being sent.

    calls = preview(state, client.connection.root, record_type_id, today)
    calls.v2.body, calls.v2.params      # what the v2 tab shows: POST …/v2/record-types/{id}/records/search
    calls.v1.body                       # what the v1 tab shows: POST …/v1/records/search
    calls.call(client.version)          # what Run sends on this connection
    blocking(state, calls, version)     # problems that stop Run: checks, plus what this version cannot say

Relative dates are resolved once, on ``today``, for both calls (each lists its ``resolutions``). What a version
cannot carry is in that call's ``losses``; ``loss_problems`` puts each loss on the node it comes from. On the
connection's own version a loss is an error (Run would drop it), on the other version a warning (a note in its
tab).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from wfexplorer.core.planning.builder.checks import NodeProblem, check, node_for_path, v2_labels
from wfexplorer.core.planning.builder.state import BuilderState
from wfexplorer.core.planning.filters import Loss, Resolution, Severity, resolve_request
from wfexplorer.core.planning.search_call import SearchCall, build_search_call


@dataclass(frozen=True)
class Preview:
    """The v2 and v1 calls of one search, built on one day."""

    v2: SearchCall
    v1: SearchCall
    resolutions: tuple[Resolution, ...]
    today: date

    def call(self, version: int) -> SearchCall:
        """The call for API ``version``."""
        return self.v2 if version == 2 else self.v1


def preview(state: BuilderState, api_root: str, record_type_id: str, today: date | None = None) -> Preview:
    """Both calls of the search ``state`` holds (losses listed, never raised)."""
    today = today or date.today()
    request, resolutions = resolve_request(state.request(), today)
    v2 = build_search_call(api_root, 2, record_type_id, request, allow_losses=True)
    v1 = build_search_call(api_root, 1, record_type_id, request, allow_losses=True)
    return Preview(dataclasses.replace(v2, resolutions=resolutions), dataclasses.replace(v1, resolutions=resolutions),
                   resolutions, today)


def loss_problems(losses: tuple[Loss, ...], state: BuilderState, severity: Severity) -> list[NodeProblem]:
    """Each loss on the node it comes from (``node`` None for sort, paging, projection …)."""
    by_label = {label: node_id for node_id, label in v2_labels(state).items()}
    found = []
    for loss in losses:
        node_id = node_for_path(loss.path, by_label) if loss.path.startswith("filter") else None
        found.append(NodeProblem(loss.path, loss.message, severity, None if node_id == state.root_id else node_id))
    return found


#: Losses that do not stop a search: v1 returns every field, and the table still shows only the projected ones.
HARMLESS_LOSSES = frozenset({"fieldIds", "fieldAliases"})


def blocking(state: BuilderState, calls: Preview, version: int) -> list[NodeProblem]:
    """The errors that stop this search on a ``version`` connection: the checks, and what that version cannot
    carry (except a projection, which v1 cannot send but the table still applies). With none, the search can be
    sent with ``allow_losses=True``."""
    problems = [problem for problem in check(state, calls.today) if problem.is_error]
    losses = tuple(loss for loss in calls.call(version).losses if loss.path not in HARMLESS_LOSSES)
    return problems + loss_problems(losses, state, Severity.ERROR)

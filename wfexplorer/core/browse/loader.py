"""One loader for the whole tree of a connection, and the tree's first rows.

    tree = BrowseTree(root_specs(connection))
    loader = Loader(connection)
    result = loader.load(tree.begin_load(node))      # off the GUI thread; tree.apply(result) on it
"""

from __future__ import annotations

from wfexplorer.core.browse.classic_loader import ClassicLoader
from wfexplorer.core.browse.nodes import NodeKind
from wfexplorer.core.browse.planning_loader import PlanningLoader
from wfexplorer.core.browse.results import LoadRequest, LoadResult, NodeSpec
from wfexplorer.core.connection import Connection


def root_specs(connection: Connection) -> tuple[NodeSpec, ...]:
    """The two top rows: the classic API's object types and Planning's workspaces."""
    return (
        NodeSpec(NodeKind.CLASSIC, f"Workfront (classic API {connection.classic_version})", icon="classic",
                 detail=connection.host, expandable=True),
        NodeSpec(NodeKind.PLANNING, f"Planning ({connection.planning_version})", icon="planning",
                 detail="" if connection.planning else "not available", expandable=True),
    )


class Loader:
    """Loads any node of a connection's tree (blocking; thread-safe)."""

    def __init__(self, connection: Connection) -> None:
        self.classic = ClassicLoader(connection.session)
        self.planning = PlanningLoader(connection.planning, connection.planning_unavailable)

    def load(self, request: LoadRequest) -> LoadResult:
        """The children of the node ``request`` describes."""
        if self.classic.handles(request.kind):
            return self.classic.load(request)
        if self.planning.handles(request.kind):
            return self.planning.load(request)
        raise ValueError(f"nothing loads a {request.kind.value} node")

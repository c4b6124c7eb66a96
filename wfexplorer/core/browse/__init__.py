"""The browse tree, Qt-free: nodes with load states, loaders off the GUI thread, one ``apply`` that announces.

    from wfexplorer.core.browse import BrowseTree, Loader, root_specs
    tree = BrowseTree(root_specs(connection))
    request = tree.begin_load(tree.top(NodeKind.CLASSIC))   # GUI thread
    result = Loader(connection).load(request)              # worker thread: one request at most
    tree.apply(result)                                     # GUI thread: inserted rows are announced

Modules: :mod:`~.nodes` (Node, NodeKind, LoadState, payloads), :mod:`~.results` (the immutable
LoadRequest / LoadResult / NodeSpec), :mod:`~.tree` (BrowseTree, TreeListener), :mod:`~.classic_loader`,
:mod:`~.planning_loader`, :mod:`~.loader` (both, and the root rows), :mod:`~.display` (row texts),
:mod:`~.collections` (which search pages a collection), :mod:`~.targets` (IDs and web links → objects).
"""

from wfexplorer.core.browse.loader import Loader, root_specs
from wfexplorer.core.browse.nodes import (
    LinkRef,
    LoadState,
    MessageRole,
    MoreRef,
    Node,
    NodeKind,
    ObjectRef,
    ObjectTypeRef,
    Packed,
    RecordLinkRef,
    RecordRef,
    RecordTypeRef,
    WorkspaceRef,
)
from wfexplorer.core.browse.results import PAGE_SIZE, LoadRequest, LoadResult, NodeSpec
from wfexplorer.core.browse.tree import BrowseTree, TreeListener

__all__ = [
    "PAGE_SIZE",
    "BrowseTree",
    "LinkRef",
    "LoadRequest",
    "LoadResult",
    "LoadState",
    "Loader",
    "MessageRole",
    "MoreRef",
    "Node",
    "NodeKind",
    "NodeSpec",
    "ObjectRef",
    "ObjectTypeRef",
    "Packed",
    "RecordLinkRef",
    "RecordRef",
    "RecordTypeRef",
    "TreeListener",
    "WorkspaceRef",
    "root_specs",
]

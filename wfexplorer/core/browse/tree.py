"""The browse tree: the one owner of the nodes, which changes them and announces every change.

    tree = BrowseTree(root_specs)                  # the API roots (see loaders.root_specs)
    tree.listeners.append(model)                   # a TreeListener, e.g. the Qt model
    request = tree.begin_load(node)                # on the GUI thread: node shows "Loading…"
    result = loader.load(request)                  # on a worker thread: immutable in, immutable out
    tree.apply(result)                             # on the GUI thread: children in, announced
    tree.fail(request, error)                      # or: the error stays in the node, with Retry

Announcements come in pairs around each change, like a Qt model needs them: ``rows_inserting`` /
``rows_inserted``, ``rows_removing`` / ``rows_removed``, and ``node_changed`` for a node whose own
row changed (label, state, total). A result for a node that was reloaded, filtered or removed since its
request was made is stale and is dropped (:attr:`Node.generation`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from wfexplorer.core import errors
from wfexplorer.core.browse.nodes import LoadState, MessageRole, MoreRef, Node, NodeKind
from wfexplorer.core.browse.results import PAGE_SIZE, LoadRequest, LoadResult, NodeSpec

LOADING_TEXT = "Loading…"
PINNED_TEXT = "Opened by ID or link"


class TreeListener(Protocol):
    """What the tree announces (all on the GUI thread); rows are the positions in ``parent.children``."""

    def rows_inserting(self, parent: Node, first: int, last: int) -> None: ...

    def rows_inserted(self, parent: Node, first: int, last: int) -> None: ...

    def rows_removing(self, parent: Node, first: int, last: int) -> None: ...

    def rows_removed(self, parent: Node, first: int, last: int) -> None: ...

    def node_changed(self, node: Node) -> None: ...


class BrowseTree:
    """Nodes with load states under an invisible root, changed only through this class."""

    def __init__(self, roots: Iterable[NodeSpec] = ()) -> None:
        self._next_id = 0
        self._nodes: dict[int, Node] = {}
        self.root = self._make(NodeSpec(NodeKind.ROOT, "", expandable=False))
        self.listeners: list[TreeListener] = []
        self._insert(self.root, [self._build(spec) for spec in roots])

    # -- reading ---------------------------------------------------------------------------------

    def node(self, node_id: int) -> Node | None:
        """The node with this id, or None once it was removed."""
        return self._nodes.get(node_id)

    def __len__(self) -> int:
        """How many nodes the tree holds (the invisible root included)."""
        return len(self._nodes)

    def walk(self, start: Node | None = None) -> Iterator[Node]:
        """Every loaded node below ``start`` (default: everything), depth first, in row order."""
        stack = list(reversed((start or self.root).children))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def find(self, text: str, start: Node | None = None) -> list[Node]:
        """Loaded nodes whose label contains ``text`` (case-insensitive), in tree order; no request."""
        needle = text.casefold().strip()
        if not needle:
            return []
        return [node for node in self.walk(start)
                if node.kind not in (NodeKind.MORE, NodeKind.MESSAGE) and needle in node.label.casefold()]

    def top(self, kind: NodeKind) -> Node | None:
        """The top-level node of ``kind`` (``CLASSIC`` or ``PLANNING``)."""
        return next((node for node in self.root.children if node.kind is kind), None)

    def pin(self, spec: NodeSpec) -> Node:
        """Put an object opened from outside the tree (quick open, a link) under "Opened by ID or link"."""
        group = self.top(NodeKind.PINNED)
        if group is None:
            group = self._build(NodeSpec(NodeKind.PINNED, PINNED_TEXT, icon="pinned", children=()))
            self._insert(self.root, [group])
        existing = next((child for child in group.children if child.payload == spec.payload), None)
        if existing is not None:
            return existing
        node = self._build(spec)
        self._insert(group, [node])
        return node

    def update_row(self, node: Node, *, label: str | None = None, data: Any = None) -> None:
        """Show values written since the row was loaded (a bulk edit): its text and the data it carries.

        The row keeps its place, its children and its load state, so a selection and the pages around it stay;
        nothing is read from the server.
        """
        if node.id not in self._nodes:
            return
        if label is not None:
            node.label = label
        if data is not None:
            node.data = data
        self._changed(node)

    # -- loading ---------------------------------------------------------------------------------

    def begin_load(self, node: Node, *, first: int = 0) -> LoadRequest | None:
        """Mark ``node`` loading and return what its loader needs; None when it cannot load or already loads.

        ``first > 0`` loads the page starting there (the "Load more" row); otherwise the node's
        children are loaded afresh, the old ones staying visible until the new ones arrive.
        """
        if not node.expandable or node.id not in self._nodes:
            return None
        if first == 0:
            if node.state is LoadState.LOADING:
                return None
            node.generation += 1
            node.state = LoadState.LOADING
            node.error = None
            self._remove_messages(node)
            if not node.children:
                self._insert(node, [self._message(LOADING_TEXT, MessageRole.LOADING)])
        else:
            more = self._more_row(node)
            if more is None or more.state is LoadState.LOADING:
                return None
            more.state = LoadState.LOADING
            more.label = LOADING_TEXT
            self._changed(more)
        self._changed(node)
        return LoadRequest(node.id, node.generation, node.kind, node.payload, node.label, node.query, first,
                           node.total if first else None, node.data)

    def reload(self, node: Node) -> LoadRequest | None:
        """Load ``node`` again (F5); a load already running is superseded."""
        if node.state is LoadState.LOADING:
            node.state = LoadState.LOADED  # the running load's result will be stale
        return self.begin_load(node)

    def set_query(self, node: Node, query: str) -> LoadRequest | None:
        """Filter ``node``'s children by name on the server, and load them again."""
        node.query = query.strip()
        return self.reload(node)

    def apply(self, result: LoadResult) -> bool:
        """Put a load's result into the tree; False (nothing changes) when the result is stale."""
        request = result.request
        node = self._current(request)
        if node is None:
            return False
        new = [self._build(spec) for spec in result.children]
        total = result.total if result.total is not None or not request.is_more else node.total
        more = self._more_row(node) if request.is_more else None
        if more is not None:
            # A page goes in above its "Load more" row, which stays (updated) while pages remain: the row
            # under the user's cursor loads the next page too, and nothing is removed, which would make the
            # view lay out every row it shows again.
            shown = node.loaded_count + len(new)
            self._insert(node, new, at=more.row)
            if result.next_first is None:
                self._remove(node, more.row, more.row)
            else:
                more.payload = MoreRef(result.next_first)
                more.label = self._more_label(shown, total)
                more.state, more.error = LoadState.LOADED, None
                self._changed(more)
        else:
            if request.is_more:
                shown = node.loaded_count + len(new)
            else:
                self._remove(node, 0, len(node.children) - 1)
                shown = len(new)
            if result.next_first is not None:
                new.append(self._make(NodeSpec(NodeKind.MORE, self._more_label(shown, total),
                                               payload=MoreRef(result.next_first), icon="more")))
            self._insert(node, new)
        node.state = LoadState.LOADED
        node.total = total
        if result.label is not None:
            node.label = result.label
        if result.data is not None:
            node.data = result.data
        node.detail = self._detail(node) if result.detail is None else result.detail
        self._changed(node)
        return True

    def fail(self, request: LoadRequest, error: errors.WorkfrontError) -> bool:
        """Keep a failed load's error in its node (with a Retry row); False when the request is stale."""
        node = self._current(request)
        if node is None:
            return False
        if request.is_more:
            more = self._more_row(node)
            if more is not None:
                more.state = LoadState.FAILED
                more.error = error
                more.label = f"Could not load more: {error.message} — activate to try again"
                self._changed(more)
            return True
        node.state = LoadState.FAILED
        node.error = error
        self._remove_messages(node)
        self._insert(node, [self._message(error.message, MessageRole.ERROR, error)], at=0)
        self._changed(node)
        return True

    def cancel(self, request: LoadRequest) -> None:
        """A load was abandoned (signed out, window closed): the node can be expanded again later."""
        node = self._current(request)
        if node is None:
            return
        if request.is_more:
            more = self._more_row(node)
            if more is not None:
                more.state = LoadState.UNLOADED
                more.label = self._more_label(node.loaded_count, node.total)
                self._changed(more)
            return
        self._remove_messages(node)
        node.state = LoadState.LOADED if node.children else LoadState.UNLOADED
        self._changed(node)

    # -- internals -------------------------------------------------------------------------------

    def _current(self, request: LoadRequest) -> Node | None:
        node = self._nodes.get(request.node_id)
        if node is None or node.generation != request.generation:
            return None
        if request.is_more:
            more = self._more_row(node)
            return node if more is not None and more.state is LoadState.LOADING else None
        return node if node.state is LoadState.LOADING else None

    def _make(self, spec: NodeSpec) -> Node:
        self._next_id += 1
        node = Node(self._next_id, spec.kind, spec.label, spec.payload, detail=spec.detail, icon=spec.icon,
                    color=spec.color, expandable=spec.expandable, data=spec.data)
        node.total = spec.total
        self._nodes[node.id] = node
        return node

    def _build(self, spec: NodeSpec) -> Node:
        """A node and, when its spec knows them, its children (the node then counts as loaded)."""
        node = self._make(spec)
        if spec.children is not None:
            node.state = LoadState.LOADED
            kids = [self._build(child) for child in spec.children]
            for row, kid in enumerate(kids):
                kid.parent, kid.row = node, row
            node.children = kids
        return node

    def _message(self, text: str, role: MessageRole, error: errors.WorkfrontError | None = None) -> Node:
        return self._make(NodeSpec(NodeKind.MESSAGE, text, payload=role, icon=role.value, data=error))

    @staticmethod
    def _more_label(shown: int, total: int | None) -> str:
        of = f" ({shown:,} of {total:,} shown)" if total is not None else f" ({shown:,} shown)"
        return f"Load {PAGE_SIZE} more{of}"

    @staticmethod
    def _detail(node: Node) -> str:
        if node.total is None:
            return node.detail
        shown = node.loaded_count
        return f"{node.total:,}" if shown >= node.total else f"{shown:,} of {node.total:,}"

    @staticmethod
    def _more_row(node: Node) -> Node | None:
        last = node.children[-1] if node.children else None
        return last if last is not None and last.kind is NodeKind.MORE else None

    def _remove_messages(self, node: Node) -> None:
        rows = [child.row for child in node.children if child.kind is NodeKind.MESSAGE]
        for row in reversed(rows):
            self._remove(node, row, row)

    def _insert(self, parent: Node, nodes: Sequence[Node], at: int | None = None) -> None:
        if not nodes:
            return
        first = len(parent.children) if at is None else at
        last = first + len(nodes) - 1
        self._announce(lambda listener: listener.rows_inserting(parent, first, last))
        parent.children[first:first] = nodes
        for row in range(first, len(parent.children)):
            child = parent.children[row]
            child.parent, child.row = parent, row
        self._announce(lambda listener: listener.rows_inserted(parent, first, last))

    def _remove(self, parent: Node, first: int, last: int) -> None:
        if last < first:
            return
        self._announce(lambda listener: listener.rows_removing(parent, first, last))
        gone = parent.children[first:last + 1]
        del parent.children[first:last + 1]
        for row in range(first, len(parent.children)):
            parent.children[row].row = row
        for node in gone:
            self._forget(node)
        self._announce(lambda listener: listener.rows_removed(parent, first, last))

    def _forget(self, node: Node) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            self._nodes.pop(current.id, None)
            current.parent = None
            stack.extend(current.children)

    def _changed(self, node: Node) -> None:
        if node.kind is not NodeKind.ROOT:
            self._announce(lambda listener: listener.node_changed(node))

    def _announce(self, call: Callable[[TreeListener], None]) -> None:
        for listener in list(self.listeners):
            call(listener)

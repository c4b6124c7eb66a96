"""Runs the browse tree's loads: ``begin_load`` on the GUI thread, the loader in Operations, ``apply`` back.

This is the only place a tree load starts, so every path (expanding a row, F5, a filter, "Load more",
Retry) costs what the loader says and shows the same Loading… / error rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from wfexplorer.core import errors
from wfexplorer.core.browse import BrowseTree, LoadRequest, LoadResult, LoadState, MessageRole, Node, NodeKind
from wfexplorer.ui.asyncops import Operations


class BrowseController(QObject):
    """Loads nodes of one tree with one loader, off the GUI thread.

    Signals:
        failed(object): a load failed with this WorkfrontError (the status bar shows the last error).
        loaded(object): a node finished loading (the Node).
    """

    failed = Signal(object)
    loaded = Signal(object)

    def __init__(self, tree: BrowseTree, load: Callable[[LoadRequest], LoadResult], ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self._load = load
        self.ops = ops

    def load(self, node: Node, *, first: int = 0) -> bool:
        """Start loading ``node`` (or its page at ``first``); False when there is nothing to start."""
        return self._start(self.tree.begin_load(node, first=first))

    def reload(self, node: Node) -> bool:
        """F5: load ``node`` again (rows other than data rows reload their parent)."""
        target = node.parent if node.kind in (NodeKind.MESSAGE, NodeKind.MORE) and node.parent else node
        if not target.expandable:
            target = target.parent or target
        return self._start(self.tree.reload(target))

    def filter(self, node: Node, text: str) -> bool:
        """Search ``node``'s children by name on the server."""
        return self._start(self.tree.set_query(node, text))

    def activate(self, node: Node) -> bool:
        """Enter / double-click on a row that acts: "Load more" loads the next page, an error row retries."""
        parent = node.parent
        if parent is None:
            return False
        if node.kind is NodeKind.MORE:
            if node.state is LoadState.FAILED:
                node.state = LoadState.UNLOADED
            return self.load(parent, first=node.payload.first)
        if node.kind is NodeKind.MESSAGE and node.payload is MessageRole.ERROR:
            return self.reload(parent)
        return False

    def _start(self, request: LoadRequest | None) -> bool:
        if request is None:
            return False
        state = {"done": False}

        def succeeded(result: LoadResult) -> None:
            state["done"] = True
            if self.tree.apply(result):
                node = self.tree.node(request.node_id)
                if node is not None:
                    self.loaded.emit(node)

        def failed(error: errors.WorkfrontError) -> None:
            state["done"] = True
            self.tree.fail(request, error)
            self.failed.emit(error)

        def busy(on: bool) -> None:
            if not on and not state["done"]:  # cancelled, or a bug went to the crash dialog
                self.tree.cancel(request)

        self.ops.run(lambda: self._load(request), on_success=succeeded, on_error=failed, busy=busy,
                     name=f"load {request.kind.value}")
        return True

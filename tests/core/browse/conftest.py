"""A browse tree over the signed-in connection (``connection`` and ``requests_sent`` are in tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.core.browse import BrowseTree, Loader, LoadResult, Node, root_specs
from wfexplorer.core.connection import Connection


class Browser:
    """The tree and its loader driven synchronously, as the GUI drives them across threads."""

    def __init__(self, connection: Connection, sent: Any) -> None:
        self.tree = BrowseTree(root_specs(connection))
        self.loader = Loader(connection)
        self.sent = sent

    def expand(self, node: Node) -> int:
        """Expand ``node`` as a view does (a load only when it was never loaded); returns the requests it cost."""
        before = self.sent.count()
        request = self.tree.begin_load(node) if node.can_fetch else None
        if request is not None:
            result: LoadResult = self.loader.load(request)
            assert self.tree.apply(result)
        return self.sent.count() - before

    def more(self, node: Node) -> int:
        """Load the next page of ``node``; returns how many requests that cost."""
        before = self.sent.count()
        more = node.children[-1]
        request = self.tree.begin_load(node, first=more.payload.first)
        assert request is not None
        assert self.tree.apply(self.loader.load(request))
        return self.sent.count() - before

    @staticmethod
    def child(node: Node, label_start: str) -> Node:
        """The child whose label starts with ``label_start`` (fails with the labels there)."""
        for kid in node.children:
            if kid.label.startswith(label_start):
                return kid
        raise AssertionError(f"no child of {node.label!r} starts with {label_start!r}: "
                             f"{[kid.label for kid in node.children]}")


@pytest.fixture
def browser(connection: Connection, requests_sent: Any) -> Browser:
    """A browse tree over the signed-in connection."""
    return Browser(connection, requests_sent)

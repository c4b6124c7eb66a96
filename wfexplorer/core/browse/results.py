"""The immutable values that cross between the tree (GUI thread) and the loaders (worker threads).

:class:`LoadRequest` is what a loader is given (a snapshot of the node, never the node);
:class:`LoadResult` is what it returns: the children as :class:`NodeSpec` values, the total on the
server, and where the next page starts. Only :meth:`BrowseTree.apply` turns them into nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wfexplorer.core.browse.nodes import NodeKind

#: Objects per page of a paged node ("Load 200 more").
PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class NodeSpec:
    """A node to be: what :class:`~wfexplorer.core.browse.nodes.Node` gets at creation.

    ``children`` given (even empty) means they are known: the node starts loaded, at no request.
    ``icon`` and ``color`` are names the GUI maps to a picture (a Planning record type's own icon and colour).
    """

    kind: NodeKind
    label: str
    payload: Any = None
    detail: str = ""
    icon: str = ""
    expandable: bool = False
    data: Any = None
    children: tuple[NodeSpec, ...] | None = None
    total: int | None = None
    color: str = ""


@dataclass(frozen=True, slots=True)
class LoadRequest:
    """What to load for one node: its kind and payload, its filter, the first row (0, or a later page),
    the total its first page found, and ``known``: the data already in hand (read it, never change it)."""

    node_id: int
    generation: int
    kind: NodeKind
    payload: Any
    label: str
    query: str = ""
    first: int = 0
    total: int | None = None
    known: Any = None

    @property
    def is_more(self) -> bool:
        """Whether this loads a further page (appended) rather than the first (replacing)."""
        return self.first > 0


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load found: children, the total on the server, and where another page starts (None: no more)."""

    request: LoadRequest
    children: tuple[NodeSpec, ...]
    total: int | None = None
    next_first: int | None = None
    label: str | None = None
    detail: str | None = None
    data: Any = None

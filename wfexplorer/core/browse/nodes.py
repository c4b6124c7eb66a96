"""The nodes of the browse tree: what each row stands for, how far it is loaded, and its children.

A :class:`Node` is plain Python with ``__slots__`` (100,000 of them stay small). Only
:class:`~wfexplorer.core.browse.tree.BrowseTree` changes nodes, on the GUI thread; loaders never see a
node, only the immutable :class:`~wfexplorer.core.browse.results.LoadRequest` made from it.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

from wfexplorer.core import errors


class NodeKind(enum.Enum):
    """What a row of the tree stands for."""

    ROOT = "root"  # invisible: the two API roots hang under it
    CLASSIC = "classic"  # "Workfront (classic API v21.0)": the object types
    OBJECT_TYPE = "object_type"  # "Project (PROJ)": its objects, paged
    OBJECT = "object"  # one classic object: its references and collections
    REFERENCE = "reference"  # one reference of an object: the object it points at
    COLLECTION = "collection"  # one collection of an object: its objects, paged
    PLANNING = "planning"  # "Planning (v2)": the workspaces
    WORKSPACE = "workspace"  # its record types
    RECORD_TYPE = "record_type"  # its records, paged
    RECORD = "record"  # one record: its reference fields
    RECORD_LINK = "record_link"  # one reference field of a record: the linked records (or classic objects)
    PINNED = "pinned"  # "Opened by ID or link": objects opened from outside the tree, so they can be browsed
    MORE = "more"  # "Load 200 more": activating it loads the next page of its parent
    MESSAGE = "message"  # a line of text: "Loading…", an error with Retry, an explanation


class LoadState(enum.Enum):
    """How far a node's children are known."""

    UNLOADED = "unloaded"
    LOADING = "loading"
    LOADED = "loaded"
    FAILED = "failed"


_NOT_DATA = frozenset({NodeKind.MORE, NodeKind.MESSAGE})  # rows that stand for no server data


class MessageRole(enum.Enum):
    """What a MESSAGE row says: the GUI styles it by this."""

    LOADING = "loading"
    ERROR = "error"  # the parent failed to load; Retry reloads the parent
    INFO = "info"


# -- payloads: immutable descriptions of what a node stands for ------------------------------------


@dataclass(frozen=True, slots=True)
class ObjectTypeRef:
    """A classic object type."""

    code: str
    name: str
    label: str


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """One classic object (``code`` is its objCode)."""

    code: str
    id: str


@dataclass(frozen=True, slots=True)
class LinkRef:
    """A reference or collection ``name`` of ``owner``, pointing at objects of ``target_code``."""

    owner: ObjectRef
    name: str
    target_code: str


@dataclass(frozen=True, slots=True)
class WorkspaceRef:
    """A Planning workspace."""

    id: str


@dataclass(frozen=True, slots=True)
class RecordTypeRef:
    """A Planning record type; ``classic_code`` is set for external types that mirror classic objects."""

    id: str
    workspace_id: str | None
    primary_field_id: str | None
    color: str | None = None
    icon: str | None = None
    classic_code: str | None = None


@dataclass(frozen=True, slots=True)
class RecordRef:
    """A Planning record of ``record_type``."""

    id: str
    record_type: RecordTypeRef


@dataclass(frozen=True, slots=True)
class RecordLinkRef:
    """A reference field of ``record``: the linked record IDs and the record type they belong to."""

    record: RecordRef
    field_id: str
    target_record_type_id: str | None
    linked_ids: tuple[str, ...]
    external: bool = False


@dataclass(frozen=True, slots=True)
class Packed:
    """Values kept in a node as compact JSON text, read back with :meth:`unpack`.

    A Planning record's values are nested dicts and lists, dozens of objects per record; 25,000 records
    kept as objects make each of Python's full garbage collections scan a million of them (pauses of
    100 ms and more on the GUI thread). As text they are one string per record, which the collector
    never scans.
    """

    text: str

    @classmethod
    def of(cls, data: Any) -> Packed:
        """Pack ``data`` (JSON-serialisable)."""
        return cls(json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str))

    def unpack(self) -> Any:
        """A fresh copy of the values."""
        return json.loads(self.text)


@dataclass(frozen=True, slots=True)
class MoreRef:
    """Where the next page of the parent starts."""

    first: int


class Node:
    """One row of the browse tree.

    ``label`` is what the row says, ``detail`` the second column (a count, a target type, "(none)"),
    ``icon`` an icon name the GUI maps to a picture (an objCode, ``workspace``, ``error``, a Planning record
    type's ``megaphone``…) and ``color`` the colour it is drawn in (a record type's ``purple``). ``total`` is
    how many children exist on the server when known (paged nodes show "200 of 1,234"). ``data`` is
    what a load already brought about the object (no request needed to show it). ``query`` is the
    node's server-side name filter.
    """

    __slots__ = ("children", "color", "data", "detail", "error", "expandable", "generation", "icon", "id", "kind",
                 "label", "parent", "payload", "query", "row", "state", "total")

    def __init__(self, node_id: int, kind: NodeKind, label: str, payload: Any = None, *, detail: str = "",
                 icon: str = "", color: str = "", expandable: bool = False, data: Any = None) -> None:
        self.id = node_id
        self.kind = kind
        self.label = label
        self.payload = payload
        self.detail = detail
        self.icon = icon
        self.color = color
        self.expandable = expandable
        self.data = data
        self.parent: Node | None = None
        self.children: list[Node] = []
        self.row = 0
        self.state = LoadState.UNLOADED if expandable else LoadState.LOADED
        self.error: errors.WorkfrontError | None = None
        self.total: int | None = None
        self.query = ""
        self.generation = 0

    def __repr__(self) -> str:
        return f"<Node {self.kind.value} {self.label!r} {self.state.value}>"

    @property
    def can_fetch(self) -> bool:
        """Whether expanding the node should start a load (it may have children nobody asked for yet)."""
        return self.expandable and self.state is LoadState.UNLOADED

    @property
    def loaded_count(self) -> int:
        """Children that stand for server data (not the "Load more" and message rows).

        Message rows come first (an error above the rows kept) and "Load more" last, so only the ends are
        looked at: counting every child made each page of a 25,000-record node slower than the one before.
        """
        children, first, last = self.children, 0, len(self.children)
        while first < last and children[first].kind in _NOT_DATA:
            first += 1
        while last > first and children[last - 1].kind in _NOT_DATA:
            last -= 1
        return last - first

    def path(self) -> list[Node]:
        """The nodes from the top (excluding the invisible root) down to this one."""
        nodes: list[Node] = []
        node: Node | None = self
        while node is not None and node.kind is not NodeKind.ROOT:
            nodes.append(node)
            node = node.parent
        return nodes[::-1]

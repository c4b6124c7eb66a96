"""What a ``BuilderState`` announces, so that a view (a Qt item model, a test) follows it without owning it.

Structural changes come in pairs, like napari's evented tree and Qt's own model signals: ``Inserting`` before and
``Inserted`` after rows appear under a group, ``Removing``/``Removed``, ``Moving``/``Moved`` (row coordinates are
those before the move, as ``QAbstractItemModel.beginMoveRows`` takes them), ``Resetting``/``Reset`` when the whole
tree is replaced (a pasted filter, undo). ``Changed`` says which parts of one node changed. ``RequestChanged``
covers the search parts outside the tree (sort, group, projection, paging). ``Edited`` closes every user-visible
edit, once, after the structural events: the moment to refresh JSON, words and counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

NodeId: TypeAlias = int


@dataclass(frozen=True, slots=True)
class Inserting:
    """``count`` rows are about to appear under group ``parent`` from row ``index``."""

    parent: NodeId
    index: int
    count: int = 1


@dataclass(frozen=True, slots=True)
class Inserted:
    """``count`` rows appeared under group ``parent`` from row ``index``."""

    parent: NodeId
    index: int
    count: int = 1


@dataclass(frozen=True, slots=True)
class Removing:
    """``count`` rows under group ``parent`` from row ``index`` are about to go."""

    parent: NodeId
    index: int
    count: int = 1


@dataclass(frozen=True, slots=True)
class Removed:
    """``count`` rows under group ``parent`` from row ``index`` went."""

    parent: NodeId
    index: int
    count: int = 1


@dataclass(frozen=True, slots=True)
class Moving:
    """Row ``index`` of ``source`` is about to move before row ``before`` of ``destination`` (pre-move rows)."""

    source: NodeId
    index: int
    destination: NodeId
    before: int


@dataclass(frozen=True, slots=True)
class Moved:
    """Row ``index`` of ``source`` moved before row ``before`` of ``destination`` (pre-move rows)."""

    source: NodeId
    index: int
    destination: NodeId
    before: int


@dataclass(frozen=True, slots=True)
class Changed:
    """Parts of one node changed: any of ``operator``, ``field``, ``condition``, ``value``, ``match_external_id``."""

    node: NodeId
    parts: frozenset[str]


@dataclass(frozen=True, slots=True)
class Resetting:
    """The whole tree is about to be replaced."""


@dataclass(frozen=True, slots=True)
class Reset:
    """The whole tree was replaced (node ids of the new tree are new, except after undo/redo)."""


@dataclass(frozen=True, slots=True)
class RequestChanged:
    """A search part outside the tree changed: ``sort``, ``group``, ``projection``, ``paging`` or ``fields``."""

    part: str


@dataclass(frozen=True, slots=True)
class Edited:
    """One edit is complete (after its structural events)."""


BuilderEvent: TypeAlias = (Inserting | Inserted | Removing | Removed | Moving | Moved | Changed | Resetting | Reset
                           | RequestChanged | Edited)
Listener: TypeAlias = Callable[[BuilderEvent], None]

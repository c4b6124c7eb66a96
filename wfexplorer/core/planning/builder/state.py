"""The editable state of the Planning filter builder: a tree with stable node ids, announced edits, undo.

    state = BuilderState(catalog)                      # an empty AND root
    status = state.add_condition(field="F_status")     # condition row, first condition the type allows
    state.set_value(status, "opt_active")
    group = state.add_group(operator=Operator.OR)      # nested group, with one empty condition
    state.subscribe(print)                             # Inserting(...), Inserted(...), Changed(...), Edited()
    state.tree()                                       # the frozen model tree: AND(Condition(...), OR(...))
    state.request()                                    # the whole SearchRequest (sort, group, projection, page)

The frozen ``Group``/``Condition`` tree of ``wfexplorer.core.planning.filters`` stays the one filter model: this
class edits a mutable copy of it with ids that survive every edit (so a view keeps its selection and a problem
stays on its row), and hands out frozen snapshots. Every edit is announced (see ``events``) and undoable;
typing into one value coalesces into one undo step. Sort keys, group keys, projected fields, page and page size
live here too, since they are part of the search being built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from wfexplorer.core.planning.builder.events import (
    BuilderEvent,
    Changed,
    Edited,
    Inserted,
    Inserting,
    Listener,
    Moved,
    Moving,
    NodeId,
    Removed,
    Removing,
    RequestChanged,
    Reset,
    Resetting,
)
from wfexplorer.core.planning.filters import (
    V2_DEFAULT_SIZE,
    Condition,
    ConditionType,
    FieldCatalog,
    FieldInfo,
    FieldKind,
    Group,
    IndexPath,
    Node,
    Operator,
    Paging,
    SearchRequest,
    SortKey,
    ValueShape,
)

UNDO_LIMIT = 200


class BuilderNode:
    """One node of the editable tree: a group (``operator``, ``children``) or a condition (``field`` …)."""

    __slots__ = ("children", "condition", "field", "id", "match_external_id", "operator", "parent", "value")

    def __init__(self, node_id: NodeId, parent: BuilderNode | None, operator: Operator | None = None) -> None:
        self.id = node_id
        self.parent = parent
        self.operator = operator
        self.children: list[BuilderNode] = []
        self.field = ""
        self.condition = ConditionType.IS
        self.value: Any = None
        self.match_external_id = False

    @property
    def is_group(self) -> bool:
        """True for a group, False for a condition."""
        return self.operator is not None

    @property
    def row(self) -> int:
        """The node's index among its parent's children (0 for the root)."""
        return 0 if self.parent is None else self.parent.children.index(self)

    def frozen(self) -> Node:
        """The model's immutable node for this subtree."""
        if self.operator is not None:
            return Group(self.operator, tuple(child.frozen() for child in self.children))
        return Condition(self.field, self.condition, self.value, self.match_external_id)

    def descends_from(self, other: BuilderNode) -> bool:
        """True when this node is ``other`` or lies below it."""
        node: BuilderNode | None = self
        while node is not None:
            if node is other:
                return True
            node = node.parent
        return False

    def __repr__(self) -> str:
        if self.is_group:
            return f"<group {self.id} {self.operator} ({len(self.children)})>"
        return f"<condition {self.id} {self.field} {self.condition} {self.value!r}>"


@dataclass(frozen=True)
class _Snapshot:
    """Everything undo restores: the tree with its ids, and the search parts."""

    tree: tuple[Any, ...]
    sort: tuple[SortKey, ...]
    group: tuple[SortKey, ...]
    projection: tuple[str, ...] | None
    page: int
    page_size: int


class BuilderState:
    """The filter tree and search parts a builder edits (see the module docs)."""

    def __init__(self, fields: FieldCatalog | None = None, tree: Group | None = None, *,
                 sort: Iterable[SortKey] = (), group: Iterable[SortKey] = (),
                 projection: Iterable[str] | None = None, page_size: int = V2_DEFAULT_SIZE) -> None:
        self._next_id = 1
        self._nodes: dict[NodeId, BuilderNode] = {}
        self._listeners: list[Listener] = []
        self.fields = fields if fields is not None else FieldCatalog()
        self.root = self._build(tree if tree is not None else Group(Operator.AND), None)
        self.sort: tuple[SortKey, ...] = tuple(sort)
        self.grouping: tuple[SortKey, ...] = tuple(group)
        self.projection: tuple[str, ...] | None = None if projection is None else tuple(projection)
        self.page = 0
        self.page_size = page_size
        self._undo: list[_Snapshot] = []
        self._redo: list[_Snapshot] = []
        self._coalesce: tuple[NodeId, str] | None = None
        self._frozen: Group | None = None

    # -- reading ---------------------------------------------------------------------------------------

    @property
    def root_id(self) -> NodeId:
        """The id of the root group."""
        return self.root.id

    def node(self, node_id: NodeId) -> BuilderNode:
        """The node with ``node_id`` (``KeyError`` if there is none)."""
        return self._nodes[node_id]

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def parent_of(self, node_id: NodeId) -> NodeId | None:
        """The id of the node's group (None for the root)."""
        parent = self._nodes[node_id].parent
        return None if parent is None else parent.id

    def children_of(self, node_id: NodeId) -> tuple[NodeId, ...]:
        """The ids of a group's children, in order (() for a condition)."""
        return tuple(child.id for child in self._nodes[node_id].children)

    def path_of(self, node_id: NodeId) -> IndexPath:
        """The node's index path from the root, as the model's ``walk`` gives it."""
        path: list[int] = []
        node = self._nodes[node_id]
        while node.parent is not None:
            path.append(node.row)
            node = node.parent
        return tuple(reversed(path))

    def id_at(self, path: IndexPath) -> NodeId:
        """The id of the node at ``path`` (``IndexError`` if there is none)."""
        node = self.root
        for index in path:
            if not node.is_group or not 0 <= index < len(node.children):
                raise IndexError(f"no node at {path}")
            node = node.children[index]
        return node.id

    def walk(self) -> Iterator[BuilderNode]:
        """Every node, depth first, root first."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def conditions(self) -> Iterator[BuilderNode]:
        """Every condition node, in document order."""
        return (node for node in self.walk() if not node.is_group)

    def tree(self) -> Group:
        """The frozen filter tree (cached until the next edit)."""
        if self._frozen is None:
            frozen = self.root.frozen()
            assert isinstance(frozen, Group)
            self._frozen = frozen
        return self._frozen

    def request(self, page: int | None = None) -> SearchRequest:
        """The whole search: the tree (an empty root is no filter), sort, group, projection and paging."""
        return SearchRequest(
            filter=self.tree(), sort=self.sort, group=self.grouping,
            field_ids=self.projection, paging=Paging.of_page(self.page if page is None else page, self.page_size),
        )  # fmt: skip

    # -- announcements ---------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event; returns a function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, event: BuilderEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _done(self) -> None:
        self._frozen = None
        self._emit(Edited())

    # -- editing the tree ------------------------------------------------------------------------------

    def add_condition(self, parent: NodeId | None = None, index: int | None = None, field: str = "",
                      condition: ConditionType | str | None = None, value: Any = None) -> NodeId:
        """Add a condition to group ``parent`` (default: the root) at ``index`` (default: the end).

        Without ``condition`` it gets the first one the field's type allows; without ``value``, an empty one.
        """
        group = self._group(parent)
        self._record()
        node = self._new(group)
        node.field = field
        info = self.fields.get(field) if field else None
        allowed = info.allowed_conditions if info is not None else ()
        node.condition = ConditionType(condition) if condition is not None else (allowed[0] if allowed
                                                                                  else ConditionType.IS)
        node.value = Condition("_", node.condition, value).value if value is not None else self._empty_value(node)
        self._insert(group, node, index)
        self._done()
        return node.id

    def add_group(self, parent: NodeId | None = None, operator: Operator | str = Operator.OR,
                  index: int | None = None, with_condition: bool = True, field: str = "") -> NodeId:
        """Add a group to ``parent`` (default: the root), with one empty condition unless told otherwise."""
        group = self._group(parent)
        self._record()
        node = self._new(group, Operator(operator))
        if with_condition:
            child = self._new(node)
            child.field = field
            info = self.fields.get(field) if field else None
            if info is not None and info.allowed_conditions:
                child.condition = info.allowed_conditions[0]
            child.value = self._empty_value(child)
            node.children.append(child)
        self._insert(group, node, index)
        self._done()
        return node.id

    def remove(self, node_id: NodeId) -> None:
        """Remove a condition or a whole group (the root cannot be removed: clear it instead)."""
        node = self._nodes[node_id]
        if node.parent is None:
            raise ValueError("the root group cannot be removed; use clear()")
        self._record()
        parent, row = node.parent, node.row
        self._emit(Removing(parent.id, row))
        del parent.children[row]
        for gone in self._subtree(node):
            del self._nodes[gone.id]
        self._emit(Removed(parent.id, row))
        self._done()

    def clear(self) -> None:
        """Remove every node under the root."""
        if not self.root.children:
            return
        self._record()
        count = len(self.root.children)
        self._emit(Removing(self.root.id, 0, count))
        for child in self.root.children:
            for gone in self._subtree(child):
                del self._nodes[gone.id]
        self.root.children.clear()
        self._emit(Removed(self.root.id, 0, count))
        self._done()

    def duplicate(self, node_id: NodeId) -> NodeId:
        """Insert a copy of a node (with its subtree) right after it; returns the copy's id."""
        node = self._nodes[node_id]
        if node.parent is None:
            raise ValueError("the root group cannot be duplicated")
        self._record()
        copy = self._build(node.frozen(), node.parent)
        self._insert(node.parent, copy, node.row + 1)
        self._done()
        return copy.id

    def move(self, node_id: NodeId, parent: NodeId, before: int) -> bool:
        """Move a node into group ``parent``, before its current row ``before`` (rows as they are before the
        move; ``len(children)`` appends). Returns False, changing nothing, when the move is impossible (into
        itself or a descendant, the root, a condition) or leaves the node where it is."""
        node = self._nodes[node_id]
        target = self._nodes.get(parent)
        if node.parent is None or target is None or not target.is_group or target.descends_from(node):
            return False
        before = max(0, min(before, len(target.children)))
        source, row = node.parent, node.row
        if source is target and before in (row, row + 1):
            return False
        self._record()
        self._emit(Moving(source.id, row, target.id, before))
        del source.children[row]
        index = before - 1 if source is target and before > row else before
        target.children.insert(index, node)
        node.parent = target
        self._emit(Moved(source.id, row, target.id, before))
        self._done()
        return True

    def move_up(self, node_id: NodeId) -> bool:
        """Move a node one row up within its group (keyboard reordering)."""
        node = self._nodes[node_id]
        if node.parent is None or node.row == 0:
            return False
        return self.move(node_id, node.parent.id, node.row - 1)

    def move_down(self, node_id: NodeId) -> bool:
        """Move a node one row down within its group."""
        node = self._nodes[node_id]
        if node.parent is None or node.row >= len(node.parent.children) - 1:
            return False
        return self.move(node_id, node.parent.id, node.row + 2)

    def outdent(self, node_id: NodeId) -> bool:
        """Move a node out of its group, right after that group (keyboard: Ctrl+Left)."""
        node = self._nodes[node_id]
        group = node.parent
        if group is None or group.parent is None:
            return False
        return self.move(node_id, group.parent.id, group.row + 1)

    def indent(self, node_id: NodeId) -> bool:
        """Move a node into the group just above it, at its end (keyboard: Ctrl+Right)."""
        node = self._nodes[node_id]
        if node.parent is None or node.row == 0:
            return False
        above = node.parent.children[node.row - 1]
        if not above.is_group:
            return False
        return self.move(node_id, above.id, len(above.children))

    def wrap_in_group(self, node_id: NodeId, operator: Operator | str = Operator.OR) -> NodeId:
        """Put a node into a new group at its place (dropping a rule onto a rule makes a group, as in
        react-querybuilder); returns the new group's id."""
        node = self._nodes[node_id]
        if node.parent is None:
            raise ValueError("the root group cannot be wrapped")
        parent, row = node.parent, node.row
        self._record()
        group = self._new(parent, Operator(operator))
        self._emit(Inserting(parent.id, row + 1))
        parent.children.insert(row + 1, group)
        self._emit(Inserted(parent.id, row + 1))
        self._emit(Moving(parent.id, row, group.id, 0))
        del parent.children[row]
        group.children.append(node)
        node.parent = group
        self._emit(Moved(parent.id, row, group.id, 0))
        self._done()
        return group.id

    def set_operator(self, group_id: NodeId, operator: Operator | str) -> None:
        """Make a group AND or OR."""
        node = self._nodes[group_id]
        operator = Operator(operator)
        if not node.is_group or node.operator is operator:
            return
        self._record()
        node.operator = operator
        self._emit(Changed(group_id, frozenset({"operator"})))
        self._done()

    def set_field(self, condition_id: NodeId, field: str) -> None:
        """Point a condition at another field; the condition and value follow the new field's type."""
        node = self._condition(condition_id)
        if node.field == field:
            return
        self._record()
        old = self.fields.get(node.field) if node.field else None
        new = self.fields.get(field) if field else None
        node.field = field
        parts = {"field"}
        if new is not None and new.allowed_conditions and node.condition not in new.allowed_conditions:
            node.condition = new.allowed_conditions[0]
            parts.add("condition")
        if old is None or new is None or _value_family(old) != _value_family(new):
            node.value = self._empty_value(node)
            node.match_external_id = False
            parts.update({"value", "match_external_id"})
        self._emit(Changed(condition_id, frozenset(parts)))
        self._done()

    def set_condition(self, condition_id: NodeId, condition: ConditionType | str) -> None:
        """Change a condition's condition type; its value is kept where the new shape can hold it."""
        node = self._condition(condition_id)
        condition = ConditionType(condition)
        if node.condition is condition:
            return
        self._record()
        old_shape = node.condition.shape
        node.condition = condition
        parts = {"condition"}
        if condition.shape is not old_shape:
            node.value = _reshape(node.value, old_shape, condition.shape)
            if node.value is None and condition.shape is not ValueShape.NONE:
                node.value = self._empty_value(node)
            parts.add("value")
        self._emit(Changed(condition_id, frozenset(parts)))
        self._done()

    def set_value(self, condition_id: NodeId, value: Any) -> None:
        """Set a condition's value (lists become tuples). Successive calls on one node are one undo step."""
        node = self._condition(condition_id)
        value = Condition("_", node.condition, value).value  # the model's normal form
        if node.value == value and type(node.value) is type(value):
            return
        self._record(coalesce=(condition_id, "value"))
        node.value = value
        self._emit(Changed(condition_id, frozenset({"value"})))
        self._done()

    def set_match_external_id(self, condition_id: NodeId, match: bool) -> None:
        """Match the values against external ids (external reference fields, v2)."""
        node = self._condition(condition_id)
        if node.match_external_id is bool(match):
            return
        self._record()
        node.match_external_id = bool(match)
        self._emit(Changed(condition_id, frozenset({"match_external_id"})))
        self._done()

    def set_tree(self, tree: Group) -> None:
        """Replace the whole tree (a pasted or opened filter); new nodes get new ids."""
        self._record()
        self._emit(Resetting())
        self._nodes.clear()
        self.root = self._build(tree, None)
        self._emit(Reset())
        self._done()

    def set_fields(self, fields: FieldCatalog) -> None:
        """Use another field catalogue (the record type changed, or its fields were read again)."""
        self.fields = fields
        self._emit(RequestChanged("fields"))
        self._done()

    # -- the search parts ------------------------------------------------------------------------------

    def set_sort(self, keys: Iterable[SortKey]) -> None:
        """Sort by these keys, in order."""
        self._set_part("sort", "sort", tuple(keys))

    def set_grouping(self, keys: Iterable[SortKey]) -> None:
        """Group by these keys, in order."""
        self._set_part("grouping", "group", tuple(keys))

    def set_projection(self, field_ids: Iterable[str] | None) -> None:
        """Return only these fields (None: every field)."""
        self._set_part("projection", "projection", None if field_ids is None else tuple(field_ids))

    def set_page_size(self, size: int) -> None:
        """Records per page (the first page is shown again)."""
        if size < 1:
            raise ValueError("a page holds at least one record")
        if size == self.page_size:
            return
        self._record()
        self.page_size = size
        self.page = 0
        self._emit(RequestChanged("paging"))
        self._done()

    def set_page(self, page: int) -> None:
        """Show zero-based page ``page`` (not an undo step: it moves through results, it edits nothing)."""
        if page < 0:
            raise ValueError("pages are numbered from 0")
        if page == self.page:
            return
        self.page = page
        self._emit(RequestChanged("paging"))
        self._done()

    def _set_part(self, attribute: str, part: str, value: Any) -> None:
        if getattr(self, attribute) == value:
            return
        self._record()
        setattr(self, attribute, value)
        if part in ("sort", "group"):
            self.page = 0
        self._emit(RequestChanged(part))
        self._done()

    # -- undo ------------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """True when there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when there is an undone edit to redo."""
        return bool(self._redo)

    def undo(self) -> bool:
        """Undo the last edit; False when there is none."""
        if not self._undo:
            return False
        self._redo.append(self._snapshot())
        self._restore(self._undo.pop())
        return True

    def redo(self) -> bool:
        """Redo the last undone edit; False when there is none."""
        if not self._redo:
            return False
        self._undo.append(self._snapshot())
        self._restore(self._redo.pop())
        return True

    def _record(self, coalesce: tuple[NodeId, str] | None = None) -> None:
        if coalesce is not None and coalesce == self._coalesce:
            return
        self._coalesce = coalesce
        self._undo.append(self._snapshot())
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(_freeze_with_ids(self.root), self.sort, self.grouping, self.projection, self.page,
                         self.page_size)

    def _restore(self, snapshot: _Snapshot) -> None:
        self._coalesce = None
        self._emit(Resetting())
        self._nodes.clear()
        self.root = self._thaw(snapshot.tree, None)
        self.sort, self.grouping, self.projection = snapshot.sort, snapshot.group, snapshot.projection
        self.page, self.page_size = snapshot.page, snapshot.page_size
        self._emit(Reset())
        for part in ("sort", "group", "projection", "paging"):
            self._emit(RequestChanged(part))
        self._done()

    def _thaw(self, frozen: tuple[Any, ...], parent: BuilderNode | None) -> BuilderNode:
        node_id, operator, payload = frozen
        node = BuilderNode(node_id, parent, operator)
        self._nodes[node_id] = node
        if operator is not None:
            node.children = [self._thaw(child, node) for child in payload]
        else:
            node.field, node.condition, node.value, node.match_external_id = payload
        return node

    # -- internals -------------------------------------------------------------------------------------

    def _new(self, parent: BuilderNode | None, operator: Operator | None = None) -> BuilderNode:
        node = BuilderNode(self._next_id, parent, operator)
        self._next_id += 1
        self._nodes[node.id] = node
        return node

    def _build(self, model: Node, parent: BuilderNode | None) -> BuilderNode:
        if isinstance(model, Group):
            node = self._new(parent, model.operator)
            node.children = [self._build(child, node) for child in model.children]
            return node
        node = self._new(parent)
        node.field, node.condition = model.field, model.condition
        node.value, node.match_external_id = model.value, model.match_external_id
        return node

    def _insert(self, group: BuilderNode, node: BuilderNode, index: int | None) -> None:
        row = len(group.children) if index is None else max(0, min(index, len(group.children)))
        self._emit(Inserting(group.id, row))
        group.children.insert(row, node)
        node.parent = group
        self._emit(Inserted(group.id, row))

    def _group(self, node_id: NodeId | None) -> BuilderNode:
        node = self.root if node_id is None else self._nodes[node_id]
        if not node.is_group:
            raise ValueError(f"node {node_id} is a condition, not a group")
        return node

    def _condition(self, node_id: NodeId) -> BuilderNode:
        node = self._nodes[node_id]
        if node.is_group:
            raise ValueError(f"node {node_id} is a group, not a condition")
        return node

    @staticmethod
    def _subtree(node: BuilderNode) -> Iterator[BuilderNode]:
        yield node
        for child in node.children:
            yield from BuilderState._subtree(child)

    def _empty_value(self, node: BuilderNode) -> Any:
        shape = node.condition.shape
        if shape is ValueShape.LIST:
            return ()
        if shape is ValueShape.SCALAR:
            info = self.fields.get(node.field) if node.field else None
            if info is not None and info.effective_kind is FieldKind.BOOLEAN:
                return True
        return None


_FAMILIES: dict[FieldKind, str] = {
    **dict.fromkeys((FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.URL, FieldKind.FORMULA), "text"),
    **dict.fromkeys((FieldKind.NUMBER, FieldKind.PERCENTAGE, FieldKind.CURRENCY), "number"),
    **dict.fromkeys((FieldKind.DATE, FieldKind.CREATED_AT, FieldKind.UPDATED_AT), "date"),
    **dict.fromkeys((FieldKind.USER, FieldKind.CREATED_BY, FieldKind.UPDATED_BY), "people"),
}


def _value_family(info: FieldInfo) -> tuple[Any, ...]:
    """Fields whose values mean the same thing share a family: a value survives a change within it."""
    kind = info.effective_kind
    if kind in _FAMILIES:
        return (_FAMILIES[kind],)
    return (kind, info.options) if kind is not FieldKind.REFERENCE else (kind, info.id)


def _freeze_with_ids(node: BuilderNode) -> tuple[Any, ...]:
    if node.operator is not None:
        return (node.id, node.operator, tuple(_freeze_with_ids(child) for child in node.children))
    return (node.id, None, (node.field, node.condition, node.value, node.match_external_id))


def _reshape(value: Any, old: ValueShape, new: ValueShape) -> Any:
    """Keep what a value can keep when its condition takes another shape."""
    if new is ValueShape.NONE:
        return None
    items = [item for item in (value if isinstance(value, tuple) else (value,)) if item not in (None, "")]
    if new is ValueShape.SCALAR:
        return items[0] if items else None
    if new is ValueShape.PAIR:
        return (items[0], items[1]) if len(items) >= 2 else ((items[0], None) if items else None)
    return tuple(items)


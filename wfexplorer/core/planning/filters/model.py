"""The filter tree: conditions, groups nested to any depth, People ids; immutable and comparable.

A ``Condition`` stores its value in a normalised form so that equal filters compare equal however they were
built: no value is ``None``, a pair or a list is a ``tuple``, and a People value is a plain string (an IMS id,
as the basics page defines it) or a ``UserId`` carrying an explicit ``WF``/``IMS`` id type. Lists and
``{"id", "idType"}`` dicts passed to the constructor are normalised that way. The model does not judge values:
``validate()`` does, so a half-edited filter can always be represented.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from wfexplorer.core.planning.filters.vocabulary import ConditionType, IdType, Operator


@dataclass(frozen=True, slots=True)
class UserId:
    """A People filter value with an explicit id type (v2 ``{"id": ..., "idType": "WF"|"IMS"}``)."""

    id: str
    id_type: IdType = IdType.IMS

    def __post_init__(self) -> None:
        object.__setattr__(self, "id_type", IdType(self.id_type))

    def to_json(self) -> dict[str, str]:
        """The v2 wire form."""
        return {"id": self.id, "idType": self.id_type.value}


_PLAIN = frozenset({str, int, float, bool, type(None)})


def normalise_value(value: Any) -> Any:
    """The model's form of a JSON-ish value: lists become tuples, ``{id, idType}`` dicts become ``UserId``."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, list | tuple):
        return tuple(normalise_value(item) for item in value)
    if isinstance(value, Mapping) and set(value) == {"id", "idType"}:
        try:
            return UserId(str(value["id"]), IdType(value["idType"]))
        except ValueError:
            return value
    return value


@dataclass(frozen=True, slots=True)
class Condition:
    """A leaf: ``field`` (ID or alias) ``condition`` ``value``, optionally matching external ids (v2 only)."""

    field: str
    condition: ConditionType
    value: Any = None
    match_external_id: bool = False

    def __post_init__(self) -> None:
        if type(self.condition) is not ConditionType:
            object.__setattr__(self, "condition", ConditionType(self.condition))
        if type(self.value) not in _PLAIN:
            object.__setattr__(self, "value", normalise_value(self.value))
        if type(self.match_external_id) is not bool:
            object.__setattr__(self, "match_external_id", bool(self.match_external_id))

    def __hash__(self) -> int:
        try:
            return hash((self.field, self.condition, self.value, self.match_external_id))
        except TypeError:  # an un-normalisable value such as a stray dict
            return hash((self.field, self.condition, repr(self.value), self.match_external_id))


@dataclass(frozen=True, slots=True)
class Group:
    """An AND/OR group of conditions and groups. An empty group is representable (``validate`` flags it)."""

    operator: Operator
    children: tuple[Node, ...] = ()

    def __post_init__(self) -> None:
        if type(self.operator) is not Operator:
            object.__setattr__(self, "operator", Operator(self.operator))
        if type(self.children) is not tuple:
            object.__setattr__(self, "children", tuple(self.children))

    def __len__(self) -> int:
        return len(self.children)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.children)

    def __getitem__(self, index: int) -> Node:
        return self.children[index]


Node: TypeAlias = Condition | Group
IndexPath: TypeAlias = tuple[int, ...]


def AND(*children: Node) -> Group:  # noqa: N802 - reads like the operator it builds
    """Shorthand for ``Group(Operator.AND, children)``."""
    return Group(Operator.AND, children)


def OR(*children: Node) -> Group:  # noqa: N802
    """Shorthand for ``Group(Operator.OR, children)``."""
    return Group(Operator.OR, children)


def walk(node: Node, path: IndexPath = ()) -> Iterator[tuple[IndexPath, Node]]:
    """Every node in document order (depth first) with its index path from ``node``; the root has ``()``."""
    yield path, node
    if isinstance(node, Group):
        for index, child in enumerate(node.children):
            yield from walk(child, (*path, index))


def conditions(node: Node) -> Iterator[Condition]:
    """Every condition under ``node``, in document order."""
    for _, item in walk(node):
        if isinstance(item, Condition):
            yield item


def node_at(root: Node, path: IndexPath) -> Node:
    """The node at ``path`` (``IndexError`` if there is none)."""
    node = root
    for index in path:
        if not isinstance(node, Group):
            raise IndexError(f"no node at {path}: {node!r} is a condition")
        node = node.children[index]
    return node


def label_path(root: Node, path: IndexPath, root_label: str = "filter") -> str:
    """The readable path of the node at ``path``, e.g. ``filter.AND[2].OR[0]``."""
    parts = [root_label]
    node = root
    for index in path:
        if not isinstance(node, Group):
            raise IndexError(f"no node at {path}")
        parts.append(f"{node.operator.value}[{index}]")
        node = node.children[index]
    return ".".join(parts)


def replace_at(root: Node, path: IndexPath, new: Node | None) -> Node:
    """A copy of ``root`` with the node at ``path`` replaced by ``new`` (removed when ``new`` is None)."""
    if not path:
        if new is None:
            raise ValueError("cannot remove the root node")
        return new
    if not isinstance(root, Group):
        raise IndexError(f"no node at {path}")
    head, rest = path[0], path[1:]
    children = list(root.children)
    if rest:
        children[head] = replace_at(children[head], rest, new)
    elif new is None:
        del children[head]
    else:
        children[head] = new
    return Group(root.operator, tuple(children))


def insert_at(root: Node, parent: IndexPath, index: int, new: Node) -> Node:
    """A copy of ``root`` with ``new`` inserted as child ``index`` of the group at ``parent``."""
    group = node_at(root, parent)
    if not isinstance(group, Group):
        raise IndexError(f"the node at {parent} is not a group")
    children = list(group.children)
    children.insert(index, new)
    return replace_at(root, parent, Group(group.operator, tuple(children)))

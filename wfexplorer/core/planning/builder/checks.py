"""Checking a search before it is sent, and putting each problem on the node it concerns.

``check(state)`` returns every ``NodeProblem`` (a model ``Problem`` with the id of its node): first what a
person forgets (no field, no value, one end of a range, a range the wrong way round, a field the record type no
longer has), in their words; then whatever the filter model's ``validate`` finds on nodes that passed those
checks (a condition the field type does not allow, a value of the wrong kind), and the sort, group and
projection keys. A problem with ``node`` None concerns the search as a whole (``path`` says which: ``sort[0]``,
``fieldIds[1]``).

``problems_from_error(error, state, version)`` does the same for a server's 400: the paths in its field errors
(``filter.AND[1]`` in v2, ``filters[1].F_x.$is`` in v1) are mapped back to node ids, and a message that names no
spot but quotes one condition's value is put on that condition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.planning.builder.events import NodeId
from wfexplorer.core.planning.builder.state import BuilderNode, BuilderState
from wfexplorer.core.planning.filters import (
    FieldKind,
    Problem,
    RelativeDate,
    UserId,
    ValueShape,
    validate,
)
from wfexplorer.core.planning.filters.field_types import PEOPLE_KINDS, SELECT_KINDS, TEMPORAL_KINDS
from wfexplorer.core.planning.filters.validation import check_request_parts


@dataclass(frozen=True, slots=True)
class NodeProblem(Problem):
    """A ``Problem`` on one node of the builder's tree (``node`` None: the search as a whole; ``path`` then
    says which part, such as ``sort[0]``)."""

    node: NodeId | None = None


def check(state: BuilderState, today: date | None = None) -> list[NodeProblem]:
    """Every problem of the search ``state`` holds (errors and warnings), each on its node."""
    today = today or date.today()
    problems: list[NodeProblem] = []
    labels = v2_labels(state)
    passed: set[NodeId] = set()
    for node in state.walk():
        found = _check_node(state, node, today)
        if found:
            problems.extend(NodeProblem(labels[node.id], message, node=node.id) for message in found)
        else:
            passed.add(node.id)
    tree = state.tree()
    if tree.children:
        by_label = {label: node_id for node_id, label in labels.items()}
        for problem in validate(tree, state.fields):
            node_id = node_for_path(problem.path, by_label)
            if node_id is not None and node_id in passed and node_id != state.root_id:
                problems.append(NodeProblem(problem.path, problem.message, problem.severity, node_id))
    for problem in check_request_parts(state.request(), state.fields):
        problems.append(NodeProblem(problem.path, problem.message, problem.severity))
    return problems


def errors_only(problems: Iterable[NodeProblem]) -> list[NodeProblem]:
    """The problems that stop a search from being sent."""
    return [problem for problem in problems if problem.is_error]


def _check_node(state: BuilderState, node: BuilderNode, today: date) -> list[str]:
    if node.is_group:
        if node.parent is not None and not node.children:
            return ["This group has no conditions: add one, or remove the group."]
        return []
    if not node.field:
        return ["Choose a field."]
    info = state.fields.get(node.field)
    if info is None:
        return [f"The field {node.field!r} no longer exists in this record type: choose another field."]
    kind = info.effective_kind
    if kind is None or not info.allowed_conditions:
        return [f"{info.label!r} cannot be filtered: choose another field."]
    shape = node.condition.shape
    value = node.value
    if shape is ValueShape.SCALAR and _blank(value):
        return [f"Enter {_what(kind)}."]
    if shape is ValueShape.PAIR:
        items = value if isinstance(value, tuple) else ()
        if len(items) != 2 or _blank(items[0]) or _blank(items[1]):
            return [f"Enter both ends of the range ({_what(kind)} from … to …)."]
        reversed_range = _reversed(items[0], items[1], kind, today)
        if reversed_range:
            return [reversed_range]
    if shape is ValueShape.LIST:
        items = value if isinstance(value, tuple) else ()
        if not [item for item in items if not _blank(item)]:
            return [f"Choose at least one {_one(kind)}."]
    return []


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _what(kind: FieldKind) -> str:
    if kind in TEMPORAL_KINDS:
        return "a date"
    if kind in (FieldKind.NUMBER, FieldKind.PERCENTAGE, FieldKind.CURRENCY):
        return "a number"
    if kind in SELECT_KINDS:
        return "an option"
    if kind in PEOPLE_KINDS:
        return "a person"
    if kind is FieldKind.REFERENCE:
        return "a record"
    return "a value"


def _one(kind: FieldKind) -> str:
    return _what(kind).split(" ", 1)[1]


def _comparable(value: Any, kind: FieldKind, today: date) -> Any:
    if isinstance(value, RelativeDate):
        return value.resolve(today).isoformat()
    if kind in TEMPORAL_KINDS and isinstance(value, str):
        return value[:10] if len(value) >= 10 else None
    return None


def _reversed(first: Any, second: Any, kind: FieldKind, today: date) -> str | None:
    low, high = _comparable(first, kind, today), _comparable(second, kind, today)
    if low is None or high is None or low <= high:
        return None
    return f"The range is the wrong way round: {low} comes after {high}. Swap the two dates."


# -- paths -------------------------------------------------------------------------------------------------


def v2_labels(state: BuilderState) -> dict[NodeId, str]:
    """Each node's v2 path, as the model and the servers write it (``filter.AND[1].OR[0]``)."""
    labels: dict[NodeId, str] = {}

    def visit(node: BuilderNode, label: str) -> None:
        labels[node.id] = label
        if node.operator is not None:
            for index, child in enumerate(node.children):
                visit(child, f"{label}.{node.operator.value}[{index}]")

    visit(state.root, "filter")
    return labels


def v1_labels(state: BuilderState) -> dict[NodeId, str]:
    """Each node's v1 path, as the v1 parser writes it (``filters[1].$or[0].F_x.$is``; a root AND is an array)."""
    labels: dict[NodeId, str] = {state.root_id: "filters"}

    def visit(node: BuilderNode, prefix: str) -> None:
        if node.operator is not None:
            labels[node.id] = prefix
            for index, child in enumerate(node.children):
                visit(child, f"{prefix}.{node.operator.v1}[{index}]")
        else:
            labels[node.id] = f"{prefix}.{node.field}.{node.condition.v1}"

    root = state.root
    assert root.operator is not None
    for index, child in enumerate(root.children):
        base = f"filters[{index}]" if root.operator.v1 == "$and" else f"filters.$or[{index}]"
        visit(child, base)
    return labels


def node_for_path(path: str, by_label: dict[str, NodeId]) -> NodeId | None:
    """The deepest node whose label starts ``path`` (``filter.AND[1].value[0]`` → the node ``filter.AND[1]``)."""
    best: NodeId | None = None
    best_length = -1
    for label, node_id in by_label.items():
        if (path == label or path.startswith(label + ".") or path.startswith(label + "[")) and len(label) > best_length:
            best, best_length = node_id, len(label)
    return best


def problems_from_error(error: errors.WorkfrontError, state: BuilderState, version: int) -> list[NodeProblem]:
    """A server's refusal, message by message, on the nodes it concerns (``node`` None where it names none)."""
    labels = v2_labels(state) if version == 2 else v1_labels(state)
    by_label = {label: node_id for node_id, label in labels.items()}
    found: list[NodeProblem] = []
    for path, messages in error.field_errors.items():
        node_id = node_for_path(path, by_label)
        for message in messages:
            if node_id is None or node_id == state.root_id:
                node_id = _node_quoted_in(message, state) or node_id
            target = None if node_id == state.root_id else node_id
            found.append(NodeProblem(path, message, node=target))
    if not found:
        found.append(NodeProblem("search", error.message, node=_node_quoted_in(error.message, state)))
    return found


def _node_quoted_in(message: str, state: BuilderState) -> NodeId | None:
    """The one condition whose field id or a value of which the message quotes, if exactly one does."""
    hits = []
    for node in state.conditions():
        items = node.value if isinstance(node.value, tuple) else (node.value,)
        words = [str(item.id if isinstance(item, UserId) else item) for item in items if not _blank(item)]
        if any(f"'{word}'" in message or f'"{word}"' in message for word in [node.field, *words] if word):
            hits.append(node.id)
    return hits[0] if len(hits) == 1 else None


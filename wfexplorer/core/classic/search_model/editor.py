"""The editable classic search a builder widget binds to: one object holding the query, announcing every change.

::

    search = ClassicSearch("TASK")
    unsubscribe = search.subscribe(print)                      # SearchChange(kind, condition_id, group, index)
    status = search.add_condition("status", "in", ["NEW", "INP"])
    alternative = search.add_group()                           # OR:1:
    search.add_condition("project:name", "cicontains", "launch", group=alternative)
    search.update_condition(status, modifier="notin")
    search.set_sorts([SortKey("plannedCompletionDate", "desc")])
    search.query_string()        # status=NEW&status=INP&status_Mod=notin&OR:1:project:name=launch&…
    search.load("…/task/search?name_Mod=cicontains&name=x")    # a pasted string or URL replaces everything
    search.problems(schema)      # every Problem, pointing at condition ids

State lives here, never in the widget: each edit replaces the immutable :class:`ClassicQuery`
(``search.query``) and then calls the listeners with a :class:`SearchChange`, synchronously, on the
caller's thread. Use it from one thread (the GUI's); hand ``search.query`` (immutable) to workers.
Every edit can be undone (:meth:`ClassicSearch.undo`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic.search_model.model import (
    Aggregate,
    ClassicQuery,
    Condition,
    ConditionGroup,
    SortKey,
)
from wfexplorer.core.classic.search_model.querystring import ParsedQuery, parse, to_query_string
from wfexplorer.core.classic.search_model.running import ClassicRequest, Operation, request_for
from wfexplorer.core.classic.search_model.schema import SearchSchema
from wfexplorer.core.classic.search_model.validation import Problem, validate
from wfexplorer.core.classic.search_model.vocabulary import Modifier

_UNSET: Any = object()
UNDO_DEPTH = 200


class ChangeKind(enum.StrEnum):
    """What an edit changed."""

    OBJECT = "object"
    CONDITION_ADDED = "condition_added"
    CONDITION_CHANGED = "condition_changed"
    CONDITION_REMOVED = "condition_removed"
    CONDITION_MOVED = "condition_moved"
    GROUP_ADDED = "group_added"
    GROUP_REMOVED = "group_removed"
    SORTS = "sorts"
    FIELDS = "fields"
    PAGING = "paging"
    REPORT = "report"
    RAW = "raw"
    MODE = "mode"
    RESET = "reset"  # everything may have changed (a pasted query, a saved search, undo/redo)


@dataclass(frozen=True)
class SearchChange:
    """One announced change: for conditions, the id and where it is now (``group``, ``index``) — or, when removed,
    where it was."""

    kind: ChangeKind
    condition_id: int | None = None
    group: int | None = None
    index: int | None = None


Listener = Callable[[SearchChange], None]


class ClassicSearch:
    """A classic search being edited: the query, the mode (search or report), listeners and undo."""

    def __init__(self, object_code: str, query: ClassicQuery | None = None,
                 mode: Operation | str = Operation.SEARCH) -> None:
        self._query = query if query is not None else ClassicQuery(object_code.upper())
        self._mode = self._checked_mode(mode)
        self._listeners: list[Listener] = []
        self._undo: list[tuple[ClassicQuery, Operation]] = []
        self._redo: list[tuple[ClassicQuery, Operation]] = []
        self._typing: int | None = None  # the condition whose values the last (coalesced) edit typed into

    # -- reading --------------------------------------------------------------------------------

    @property
    def query(self) -> ClassicQuery:
        """The current query (immutable; safe to hand to another thread)."""
        return self._query

    @property
    def object_code(self) -> str:
        """The object type searched."""
        return self._query.object_code

    @property
    def mode(self) -> Operation:
        """``Operation.SEARCH`` or ``Operation.REPORT``: what Run does."""
        return self._mode

    def condition(self, condition_id: int) -> Condition:
        """The condition with this id (``KeyError`` when there is none)."""
        group, index = self._where(condition_id)
        return self._query.groups[group].conditions[index]

    def where(self, condition_id: int) -> tuple[int, int]:
        """``(group, index)`` of a condition (``KeyError`` when there is none)."""
        return self._where(condition_id)

    def query_string(self) -> str:
        """The whole query as a query string, in the model's stable order."""
        return to_query_string(self._query)

    def request(self, operation: Operation | str | None = None) -> ClassicRequest:
        """The exact request of ``operation`` (the current mode by default)."""
        return request_for(self._query, operation or self._mode)

    def problems(self, schema: SearchSchema | None = None) -> list[Problem]:
        """Every problem of the query (see :func:`~wfexplorer.core.classic.search_model.validation.validate`)."""
        return validate(self._query, schema)

    # -- listening ------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every change; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _commit(self, query: ClassicQuery, change: SearchChange, mode: Operation | None = None,
                typing: int | None = None) -> None:
        if typing is None or typing != self._typing:  # a run of typing into one value is one undo step
            self._undo.append((self._query, self._mode))
            del self._undo[:-UNDO_DEPTH]
        self._typing = typing
        self._redo.clear()
        self._query = query
        if mode is not None:
            self._mode = mode
        self._announce(change)

    def _announce(self, change: SearchChange) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- conditions -----------------------------------------------------------------------------

    def add_condition(self, field: str, modifier: Modifier | str | None = None, values: Iterable[str] | str = (),
                      range: str | None = None, *, group: int = 0, index: int | None = None) -> int:  # noqa: A002
        """Add a condition to ``group`` (0: the unprefixed group) at ``index`` (the end by default); returns its id."""
        condition = Condition(field, modifier, tuple([values] if isinstance(values, str) else values), range)
        return self.insert_condition(condition, group=group, index=index)

    def insert_condition(self, condition: Condition, *, group: int = 0, index: int | None = None) -> int:
        """Add a ready-made condition (it keeps its id); returns the id."""
        groups = list(self._query.groups)
        target = self._group(group)
        conditions = list(target.conditions)
        position = len(conditions) if index is None else max(0, min(index, len(conditions)))
        conditions.insert(position, condition)
        groups[group] = ConditionGroup(tuple(conditions), target.id)
        self._commit(self._query.changed(groups=tuple(groups)),
                     SearchChange(ChangeKind.CONDITION_ADDED, condition.id, group, position))
        return condition.id

    def update_condition(self, condition_id: int, *, field: str = _UNSET, modifier: Modifier | str | None = _UNSET,
                         values: Iterable[str] | str = _UNSET, range: str | None = _UNSET,  # noqa: A002
                         typing: bool = False) -> None:
        """Change parts of a condition (only the parts given); it keeps its id and place.

        ``typing``: the change is a keystroke in a value editor; consecutive typing changes of one condition are
        undone as one step (any other edit, or an undo, ends the run).
        """
        group, index = self._where(condition_id)
        old = self._query.groups[group].conditions[index]
        changes: dict[str, Any] = {}
        if field is not _UNSET:
            changes["field"] = field
        if modifier is not _UNSET:
            changes["modifier"] = modifier
        if values is not _UNSET:
            changes["values"] = (values,) if isinstance(values, str) else tuple(values)
        if range is not _UNSET:
            changes["range"] = range
        new = old.changed(**changes)
        if new == old:
            return
        self._commit(self._replaced(group, index, new), SearchChange(ChangeKind.CONDITION_CHANGED, condition_id,
                                                                     group, index),
                     typing=condition_id if typing else None)

    def remove_condition(self, condition_id: int) -> None:
        """Remove a condition (the change says where it was)."""
        group, index = self._where(condition_id)
        self._commit(self._replaced(group, index, None),
                     SearchChange(ChangeKind.CONDITION_REMOVED, condition_id, group, index))

    def move_condition(self, condition_id: int, group: int, index: int) -> None:
        """Move a condition to position ``index`` of ``group`` (another group, or the same one: a reorder)."""
        self._group(group)
        old_group, old_index = self._where(condition_id)
        condition = self._query.groups[old_group].conditions[old_index]
        query = self._replaced(old_group, old_index, None)
        groups = list(query.groups)
        conditions = list(groups[group].conditions)
        position = max(0, min(index, len(conditions)))
        conditions.insert(position, condition)
        groups[group] = ConditionGroup(tuple(conditions), groups[group].id)
        if (old_group, old_index) == (group, position):
            return
        self._commit(query.changed(groups=tuple(groups)),
                     SearchChange(ChangeKind.CONDITION_MOVED, condition_id, group, position))

    # -- OR groups ------------------------------------------------------------------------------

    def add_group(self) -> int:
        """Add an empty OR group at the end; returns its index (``OR:n:`` with n = the index)."""
        groups = (*self._query.groups, ConditionGroup())
        self._commit(self._query.changed(groups=groups), SearchChange(ChangeKind.GROUP_ADDED, group=len(groups) - 1))
        return len(groups) - 1

    def remove_group(self, group: int) -> None:
        """Remove an OR group with its conditions (groups after it move up); group 0 cannot be removed."""
        if group == 0:
            raise errors.ValidationError("The first group holds the conditions without a prefix; it cannot be removed")
        self._group(group)
        groups = self._query.groups[:group] + self._query.groups[group + 1 :]
        self._commit(self._query.changed(groups=groups), SearchChange(ChangeKind.GROUP_REMOVED, group=group))

    # -- the other parts ------------------------------------------------------------------------

    def set_object(self, object_code: str) -> None:
        """Search another object type: conditions, sorts, fields and report parts are cleared (their paths were the
        old type's); paging and mode stay."""
        code = object_code.upper()
        if code == self.object_code:
            return
        self._commit(ClassicQuery(code, first=self._query.first, limit=self._query.limit),
                     SearchChange(ChangeKind.OBJECT))

    def set_sorts(self, sorts: Iterable[SortKey | tuple[str, str]]) -> None:
        """Replace the sort keys (first = most significant)."""
        keys = tuple(key if isinstance(key, SortKey) else SortKey(*key) for key in sorts)
        self._set(ChangeKind.SORTS, sorts=keys)

    def set_fields(self, fields: Iterable[str]) -> None:
        """Replace the fields to return (paths, collections, ``*``)."""
        self._set(ChangeKind.FIELDS, fields=tuple(fields))

    def set_paging(self, first: int | None = _UNSET, limit: int | None = _UNSET) -> None:
        """Change ``$$FIRST`` and/or ``$$LIMIT`` (``None``: not sent)."""
        changes: dict[str, Any] = {}
        if first is not _UNSET:
            changes["first"] = first
        if limit is not _UNSET:
            changes["limit"] = limit
        self._set(ChangeKind.PAGING, **changes)

    def set_report(self, group_bys: Iterable[str] = _UNSET, aggregates: Iterable[Aggregate | tuple[str, str]] = _UNSET,
                   rollup: bool = _UNSET) -> None:
        """Change the report parts: group-bys (in order), aggregates, rollup."""
        changes: dict[str, Any] = {}
        if group_bys is not _UNSET:
            changes["group_bys"] = tuple(group_bys)
        if aggregates is not _UNSET:
            changes["aggregates"] = tuple(a if isinstance(a, Aggregate) else Aggregate(*a) for a in aggregates)
        if rollup is not _UNSET:
            changes["rollup"] = bool(rollup)
        self._set(ChangeKind.REPORT, **changes)

    def set_raw(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Replace the raw parameters (what the model does not represent, sent as they are)."""
        self._set(ChangeKind.RAW, raw=tuple((str(key), str(value)) for key, value in pairs))

    def set_mode(self, mode: Operation | str) -> None:
        """Search or report."""
        checked = self._checked_mode(mode)
        if checked is not self._mode:
            self._commit(self._query, SearchChange(ChangeKind.MODE), checked)

    def replace(self, query: ClassicQuery, mode: Operation | str | None = None) -> None:
        """Replace the whole query (a saved search); the mode follows the query unless given."""
        self._commit(query, SearchChange(ChangeKind.RESET),
                     self._checked_mode(mode or (Operation.REPORT if query.is_report else Operation.SEARCH)))

    def load(self, text: str) -> ParsedQuery:
        """Replace everything with a pasted query string or search URL; returns what was read (with notes).

        Raises :class:`~wfexplorer.core.classic.search_model.querystring.QueryStringError` (nothing changes) for
        text that is not a query string.
        """
        parsed = parse(text, self.object_code)
        report = parsed.operation == Operation.REPORT or (parsed.operation is None and parsed.query.is_report)
        self.replace(parsed.query, Operation.REPORT if report else Operation.SEARCH)
        return parsed

    # -- undo -----------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    def undo(self) -> None:
        """Go back one edit (announced as RESET)."""
        self._typing = None
        if self._undo:
            self._redo.append((self._query, self._mode))
            self._query, self._mode = self._undo.pop()
            self._announce(SearchChange(ChangeKind.RESET))

    def redo(self) -> None:
        """Redo the last undone edit (announced as RESET)."""
        self._typing = None
        if self._redo:
            self._undo.append((self._query, self._mode))
            self._query, self._mode = self._redo.pop()
            self._announce(SearchChange(ChangeKind.RESET))

    # -- helpers --------------------------------------------------------------------------------

    def _set(self, kind: ChangeKind, **changes: Any) -> None:
        query = self._query.changed(**changes)
        if query != self._query:
            self._commit(query, SearchChange(kind))

    def _where(self, condition_id: int) -> tuple[int, int]:
        found = self._query.find(condition_id)
        if found is None:
            raise KeyError(f"no condition with id {condition_id}")
        return found

    def _group(self, group: int) -> ConditionGroup:
        if not 0 <= group < len(self._query.groups):
            raise IndexError(f"no group {group}; there are {len(self._query.groups)}")
        return self._query.groups[group]

    def _replaced(self, group: int, index: int, condition: Condition | None) -> ClassicQuery:
        groups = list(self._query.groups)
        conditions = list(groups[group].conditions)
        if condition is None:
            del conditions[index]
        else:
            conditions[index] = condition
        groups[group] = ConditionGroup(tuple(conditions), groups[group].id)
        return self._query.changed(groups=tuple(groups))

    @staticmethod
    def _checked_mode(mode: Operation | str) -> Operation:
        checked = Operation(mode)
        if checked is Operation.COUNT:
            raise errors.ValidationError("A search builder runs a search or a report; count is separate")
        return checked

"""The classic search as immutable values: conditions in OR groups, sorts, fields, paging, report parts, raw rest.

A search matches a row when *every* condition of one group holds for it: group 0 (the conditions
sent without a prefix) OR group 1 (``OR:1:…``) OR group 2 … Empty groups are left out when the
search is sent (an empty group 0 matches nothing by itself; the OR groups alone decide).

Values are kept as the text Workfront reads (``"2024-05-01"``, ``"$$TODAY-7d"``, ``"$$USER"``,
``"3"``): the model never guesses types, :mod:`.validation` judges them against metadata. Two
normalisations keep "what the model holds" equal to "what is sent": a modifier that takes no value
(``isnull`` …) holds no values, and a lone empty value is no value (``name=`` means "not filled in
yet"). Every condition and group carries an ``id`` (not part of equality) so problems and editors
can point at it across edits.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from dataclasses import field as member
from typing import Any, TypeVar

from wfexplorer.core.classic.search_model.vocabulary import (
    VALUE_SHAPES,
    AggregateFunction,
    Modifier,
    SortDirection,
    ValueShape,
    modifier_of,
)

_ids = itertools.count(1)


def new_id() -> int:
    """A fresh id for a condition or group (unique in this process)."""
    return next(_ids)


WordT = TypeVar("WordT", SortDirection, AggregateFunction)


def _word(vocabulary: type[WordT], text: WordT | str) -> WordT | str:
    """The member of ``vocabulary`` that ``text`` names (any case), else the text as given (validation reports it)."""
    if isinstance(text, vocabulary):
        return text
    try:
        return vocabulary(str(text).lower())
    except ValueError:
        return str(text)


def _texts(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    if type(values) is tuple and all(type(value) is str for value in values):
        return values
    return tuple(str(value) for value in values)


@dataclass(frozen=True, init=False)
class Condition:
    """``field`` (a name, a path such as ``project:name`` or ``assignedTo:homeGroup:name``, or ``DE:Name``)
    ``modifier`` ``values``.

    ``modifier`` ``None`` leaves it to Workfront: ``eq``, ``in`` for several values, ``between`` when
    ``range`` is set. ``range`` is the upper bound of the ``between`` family (``field_Range``). An
    unknown modifier text is kept as given (validation reports it). ``values`` may be given as one
    string or any iterable of strings; it is kept as a tuple. ``id`` is assigned when not given.
    """

    field: str
    modifier: Modifier | str | None
    values: tuple[str, ...]
    range: str | None
    id: int = member(compare=False)

    def __init__(self, field: str, modifier: Modifier | str | None = None, values: Iterable[str] | str = (),
                 range: str | None = None, id: int | None = None) -> None:  # noqa: A002 - the wire's own words
        if modifier is not None and not isinstance(modifier, Modifier):
            modifier = modifier_of(str(modifier)) or str(modifier)
        texts = _texts(values)
        if texts == ("",) or (isinstance(modifier, Modifier) and VALUE_SHAPES[modifier] is ValueShape.NONE):
            texts = ()
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "modifier", modifier)
        object.__setattr__(self, "values", texts)
        object.__setattr__(self, "range", None if range is None else str(range))
        object.__setattr__(self, "id", new_id() if id is None else id)

    @property
    def effective_modifier(self) -> Modifier | str:
        """The modifier Workfront applies: the explicit one, else ``between``/``in``/``eq`` by the values."""
        if self.modifier is not None:
            return self.modifier
        if self.range is not None:
            return Modifier.BETWEEN
        return Modifier.IN if len(self.values) > 1 else Modifier.EQ

    @property
    def shape(self) -> ValueShape | None:
        """How many values the effective modifier takes (``None`` for an unknown modifier)."""
        modifier = self.effective_modifier
        return VALUE_SHAPES[modifier] if isinstance(modifier, Modifier) else None

    def changed(self, **changes: Any) -> Condition:
        """A copy with some parts changed and the same ``id``."""
        return replace(self, **changes)


def between(field: str, low: str, high: str, modifier: Modifier | str = Modifier.BETWEEN) -> Condition:
    """A condition on a range: ``field`` between ``low`` and ``high`` (both inclusive)."""
    return Condition(field, modifier, (low,), high)


@dataclass(frozen=True)
class ConditionGroup:
    """The conditions of one alternative; all of them must hold."""

    conditions: tuple[Condition, ...] = ()
    id: int = member(default_factory=new_id, compare=False)

    def __post_init__(self) -> None:
        if type(self.conditions) is not tuple:
            object.__setattr__(self, "conditions", tuple(self.conditions))

    def __len__(self) -> int:
        return len(self.conditions)


@dataclass(frozen=True)
class SortKey:
    """One sort key (``field_Sort`` / ``field_n_Sort``); unknown direction text is kept for validation to report."""

    field: str
    direction: SortDirection | str = SortDirection.ASC

    def __post_init__(self) -> None:
        object.__setattr__(self, "direction", _word(SortDirection, self.direction))


@dataclass(frozen=True)
class Aggregate:
    """One aggregate of a report (``field_AggFunc=function``); its result column is ``<function>_<field>``."""

    field: str
    function: AggregateFunction | str = AggregateFunction.SUM

    def __post_init__(self) -> None:
        object.__setattr__(self, "function", _word(AggregateFunction, self.function))

    @property
    def column(self) -> str:
        """The key of this aggregate in the report's rows (``sum_hours``)."""
        return f"{self.function}_{self.field}"


@dataclass(frozen=True)
class ClassicQuery:
    """A whole classic search (or report) on one object type.

    ``groups[0]`` holds the conditions sent without a prefix; ``groups[n]`` (n ≥ 1) is sent as
    ``OR:n:``. ``fields`` are the extra fields to return (paths, collections, ``*``). ``first`` and
    ``limit`` are ``$$FIRST``/``$$LIMIT`` (``None``: not sent). ``group_bys``, ``aggregates`` and
    ``rollup`` make a report (``/report``). ``raw`` holds the parameters the model does not represent
    (``EXISTS:`` blocks, ``map``, ``filters={…}``, malformed keys, …), sent as they are, in order.
    """

    object_code: str
    groups: tuple[ConditionGroup, ...] = (ConditionGroup(),)
    sorts: tuple[SortKey, ...] = ()
    fields: tuple[str, ...] = ()
    first: int | None = None
    limit: int | None = None
    group_bys: tuple[str, ...] = ()
    aggregates: tuple[Aggregate, ...] = ()
    rollup: bool = False
    raw: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        groups = tuple(self.groups) or (ConditionGroup(),)
        object.__setattr__(self, "groups", groups)
        for name in ("sorts", "fields", "group_bys", "aggregates"):
            value = getattr(self, name)
            if type(value) is not tuple:
                object.__setattr__(self, name, tuple(value))
        if type(self.raw) is not tuple:
            object.__setattr__(self, "raw", tuple((str(k), str(v)) for k, v in self.raw))

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Every condition, group by group."""
        return tuple(condition for group in self.groups for condition in group.conditions)

    @property
    def is_report(self) -> bool:
        """Whether the query has report parts (group-bys, aggregates or a rollup)."""
        return bool(self.group_bys or self.aggregates or self.rollup)

    def find(self, condition_id: int) -> tuple[int, int] | None:
        """``(group index, position)`` of the condition with this id, or ``None``."""
        for group_index, group in enumerate(self.groups):
            for position, condition in enumerate(group.conditions):
                if condition.id == condition_id:
                    return group_index, position
        return None

    def changed(self, **changes: Any) -> ClassicQuery:
        """A copy with some parts changed."""
        return replace(self, **changes)


def query(object_code: str, *conditions: Condition, or_groups: Iterable[Iterable[Condition]] = (),
          **parts: Any) -> ClassicQuery:
    """Shorthand: ``query("TASK", Condition("status", "in", ["NEW", "INP"]), or_groups=[[...]], limit=50)``."""
    groups = (ConditionGroup(tuple(conditions)), *(ConditionGroup(tuple(group)) for group in or_groups))
    return ClassicQuery(object_code.upper(), groups, **parts)

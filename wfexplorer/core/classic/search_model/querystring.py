"""A classic query both ways: model → parameters and query string (stable order); text or URL → model.

``to_pairs(query)`` gives the parameters in a fixed order: conditions group by group (values,
``_Range``, ``_Mod``; a second condition on the same field in a group gets an ``AND:n:`` slot),
sorts, group-bys, aggregates, ``$$ROLLUP``, ``fields``, ``$$FIRST``, ``$$LIMIT``, then the raw
parameters as they came. ``to_query_string`` encodes them readably (``:``, ``$``, ``,`` and ``*``
stay as they are; ``+`` is ``%2B`` so ``$$TODAY+7d`` survives).

``parse(text)`` reads a query string, or a whole URL or path copied from a browser or a script
(``https://acme.my.workfront.com/attask/api/v21.0/task/search?…``, ``/task/report?…``,
``task/count?…``), into a :class:`ParsedQuery`: the model, the operation the URL names, the API
version it names, and notes on anything changed. Parameters the model cannot represent are kept in
``ClassicQuery.raw``, in order: nothing is dropped, except credentials (``sessionID``, ``apiKey``,
``password`` … by :func:`wfexplorer.core.redaction.is_secret`), which are removed and named in the
notes so a copied URL never carries a secret into a saved search. Text that is not a query string
at all raises :class:`QueryStringError` saying where.

Decoding: ``%XX`` escapes and ``+`` as a space, except in ``$$TODAY``/``$$NOW`` values, where ``+`` is
the plus of an offset, as people type it from the documentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, unquote_plus, urlsplit

from wfexplorer.core import errors, redaction
from wfexplorer.core.classic.search_model.model import (
    Aggregate,
    ClassicQuery,
    Condition,
    ConditionGroup,
    SortKey,
)
from wfexplorer.core.classic.search_model.vocabulary import VALUE_SHAPES, Modifier, ValueShape, object_code_of

Pairs = list[tuple[str, str]]

OPERATIONS = ("search", "count", "report")
_SAFE = ":$,*!'()@/"
_PREFIX = re.compile(r"^(?:(?P<or>OR):(?P<group>\d+):)?(?:(?P<and>AND):(?P<slot>\d+):)?", re.IGNORECASE)
_ANY_PREFIX = re.compile(r"^(?:OR|AND|EXISTS):", re.IGNORECASE)
_SUFFIX = re.compile(r"^(?P<path>.+?)(?:_(?P<n>\d+))?_(?P<suffix>Mod|Range|Sort|GroupBy|AggFunc)$")
_API_PATH = re.compile(
    r"(?:^|/)attask/api(?:-(?P<variant>[A-Za-z]+))?(?:/(?P<version>v\d+(?:\.\d+)?|unsupported|internal))?"
    r"/(?P<object>[^/]+)(?:/(?P<operation>[^/]+))?/?$"
)
_SHORT_PATH = re.compile(r"^/?(?P<object>[A-Za-z][A-Za-z0-9]*)/(?P<operation>[A-Za-z]+)/?$")
_DATE_WILDCARD = re.compile(r"^\$\$(TODAY|NOW)", re.IGNORECASE)
#: Parameters that are never conditions (they are kept as raw parameters).
_NOT_FILTERS = frozenset(name.lower() for name in (
    "map", "filters", "method", "action", "updates", "atomic", "force", "copySourceID", "options", "uri",
    "concurrent", "subdomain", "callback", "jsonp", "_", "bForce", "username",
))  # fmt: skip


class QueryStringError(errors.ValidationError):
    """Text that cannot be read as a classic query string or search URL; ``position`` is where (0-based)."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True)
class ParsedQuery:
    """What :func:`parse` read: the model, the URL's operation and API version (if a URL), and notes."""

    query: ClassicQuery
    operation: str | None = None
    api_version: str | None = None
    notes: tuple[str, ...] = field(default=())


# -- model → parameters ---------------------------------------------------------------------------


def condition_pairs(query: ClassicQuery) -> Pairs:
    """The parameters of the conditions alone (what ``/count`` and ``/report`` filter by)."""
    pairs: Pairs = []
    number = 0
    for index, group in enumerate(query.groups):
        if index and not group.conditions:
            continue
        prefix = ""
        if index:
            number += 1
            prefix = f"OR:{number}:"
        seen: dict[str, int] = {}
        for condition in group.conditions:
            slot = seen.get(condition.field, 0)
            seen[condition.field] = slot + 1
            key = prefix + (f"AND:{slot}:" if slot else "") + condition.field
            pairs.extend(_condition_pairs(key, condition))
    return pairs


def _condition_pairs(key: str, condition: Condition) -> Pairs:
    modifier = condition.modifier
    no_value = isinstance(modifier, Modifier) and VALUE_SHAPES[modifier] is ValueShape.NONE
    pairs: Pairs = [(key, value) for value in condition.values] if condition.values and not no_value else [(key, "")]
    if condition.range is not None:
        pairs.append((f"{key}_Range", condition.range))
    if modifier is not None:
        pairs.append((f"{key}_Mod", str(modifier)))
    return pairs


def numbered(keys: Iterable[tuple[str, str]], suffix: str) -> Pairs:
    """``field_Sort=asc`` for one key, ``field_1_Sort…field_n_Sort`` for several (their order is their priority)."""
    items = list(keys)
    if len(items) == 1:
        return [(f"{items[0][0]}_{suffix}", items[0][1])]
    return [(f"{name}_{index}_{suffix}", value) for index, (name, value) in enumerate(items, start=1)]


def sort_pairs(query: ClassicQuery) -> Pairs:
    """The ``_Sort`` parameters."""
    return numbered(((key.field, str(key.direction)) for key in query.sorts), "Sort")


def report_pairs(query: ClassicQuery) -> Pairs:
    """The report parameters: ``_GroupBy``, ``_AggFunc`` and ``$$ROLLUP``."""
    pairs = numbered(((name, "true") for name in query.group_bys), "GroupBy")
    pairs.extend((f"{aggregate.field}_AggFunc", str(aggregate.function)) for aggregate in query.aggregates)
    if query.rollup:
        pairs.append(("$$ROLLUP", "true"))
    return pairs


def fields_pairs(query: ClassicQuery) -> Pairs:
    """The ``fields`` parameter (none when no extra fields are asked for)."""
    return [("fields", ",".join(query.fields))] if query.fields else []


def paging_pairs(first: int | None, limit: int | None) -> Pairs:
    """``$$FIRST`` and ``$$LIMIT`` (only those that are set)."""
    pairs: Pairs = []
    if first is not None:
        pairs.append(("$$FIRST", str(first)))
    if limit is not None:
        pairs.append(("$$LIMIT", str(limit)))
    return pairs


def to_pairs(query: ClassicQuery) -> Pairs:
    """Every parameter of the query, in the stable order described in the module docstring."""
    return [
        *condition_pairs(query), *sort_pairs(query), *report_pairs(query), *fields_pairs(query),
        *paging_pairs(query.first, query.limit), *query.raw,
    ]


def encode(pairs: Iterable[tuple[str, str]]) -> str:
    """Join parameters into a readable query string (colons, ``$``, commas and ``*`` unescaped)."""
    return "&".join(f"{quote(key, safe=_SAFE)}={quote(value, safe=_SAFE)}" for key, value in pairs)


def to_query_string(query: ClassicQuery) -> str:
    """The query string of the whole query (no leading ``?``)."""
    return encode(to_pairs(query))


# -- text → model ---------------------------------------------------------------------------------


@dataclass
class _Slot:
    """What the parameters say about one condition (one group, AND slot and path)."""

    path: str
    order: int
    values: list[str] = field(default_factory=list)
    modifier: str | None = None
    range: str | None = None


def split_url(text: str) -> tuple[str | None, str | None, str | None, str]:
    """``(object, operation, api_version, query)`` of a URL or path; ``(None, None, None, text)`` for a bare query."""
    stripped = text.strip().split("#", 1)[0]
    head, _, tail = stripped.partition("?")
    looks_like_path = "://" in head or head.startswith("/") or ("/" in head and "=" not in head)
    if not looks_like_path:  # a bare query string (a "?" in it belongs to a value)
        return None, None, None, stripped.removeprefix("?")
    full_url = "://" in head
    path = urlsplit(head).path if full_url else head
    match = _API_PATH.search(path) or (None if full_url else _SHORT_PATH.match(path))
    if match is None:
        raise QueryStringError(
            f"{head!r} is not a classic search address; expected …/attask/api/v21.0/task/search?… or a query "
            "string such as status=CUR&name_Mod=cicontains", 0)
    obj = match.group("object")
    operation = (match.group("operation") or "").lower()
    if operation not in OPERATIONS:
        shown = f"/{operation}" if operation else " with no operation"
        raise QueryStringError(f"The address ends in {obj}{shown}; a search address ends in /search, /count or "
                               "/report", len(head) - len(operation))
    groups = match.groupdict()
    version = groups.get("version") or (f"api-{groups['variant']}" if groups.get("variant") else None)
    return obj, operation, version, tail


def read_pairs(query_text: str, offset: int = 0) -> Pairs:
    """Split and decode ``a=1&b=2`` (a piece without ``=`` or with an empty name is an error saying where)."""
    pairs: Pairs = []
    position = offset
    for piece in query_text.split("&"):
        if piece:
            key_text, equals, value_text = piece.partition("=")
            if not equals:
                raise QueryStringError(f"{piece!r} (at character {position + 1}) is not name=value", position)
            if not key_text:
                raise QueryStringError(f"A parameter without a name (at character {position + 1}): {piece!r}",
                                       position)
            key = unquote_plus(key_text)
            literal = unquote(value_text)
            value = literal if _DATE_WILDCARD.match(literal) else unquote_plus(value_text)
            pairs.append((key, value))
        position += len(piece) + 1
    return pairs


def parse(text: str, object_code: str | None = None) -> ParsedQuery:
    """Read a query string or search URL into a model; ``object_code`` is used when the text names none."""
    obj, operation, version, query_text = split_url(text)
    code = object_code_of(obj) if obj else (object_code or "").upper()
    if not code:
        raise QueryStringError("Say which object type to search: paste a whole …/task/search?… address or pick a "
                               "type first", 0)
    offset = max(text.find(query_text), 0) if query_text else 0
    return from_pairs(read_pairs(query_text, offset), code, operation=operation, api_version=version)


def from_pairs(pairs: Iterable[tuple[str, str]], object_code: str, *, operation: str | None = None,
               api_version: str | None = None) -> ParsedQuery:
    """Build the model from decoded parameters (see :func:`parse`)."""
    notes: list[str] = []
    raw: Pairs = []
    fields: list[str] = []
    first: int | None = None
    limit: int | None = None
    rollup = False
    groups: dict[int, dict[tuple[int, str], _Slot]] = {0: {}}
    sorts: list[tuple[float, int, SortKey]] = []
    group_bys: list[tuple[float, int, str]] = []
    aggregates: list[Aggregate] = []
    for position, (key, value) in enumerate(pairs):
        lowered = key.lower()
        if redaction.is_secret(key):
            notes.append(f"Removed {key}: credentials are sent by the session, never kept in a search")
        elif key == "fields":
            fields.extend(name.strip() for name in value.split(",") if name.strip())
        elif lowered in ("$$first", "$$limit") and _whole(value) is not None:
            if (first if lowered == "$$first" else limit) is not None:
                notes.append(f"{key} was given twice; the last one counts")
            if lowered == "$$first":
                first = _whole(value)
            else:
                limit = _whole(value)
        elif lowered == "$$rollup" and value.lower() == "true":
            rollup = True
        elif _is_raw(key) or not _read_filter(key, value, position, groups, sorts, group_bys, aggregates, notes):
            raw.append((key, value))
    query = ClassicQuery(
        object_code=object_code,
        groups=tuple(ConditionGroup(tuple(_condition(slot) for slot in sorted(slots.values(), key=lambda s: s.order)))
                     for _, slots in sorted(groups.items())),
        sorts=tuple(key for _, _, key in sorted(sorts, key=lambda item: item[:2])),
        fields=tuple(fields),
        first=first,
        limit=limit,
        group_bys=tuple(name for _, _, name in sorted(group_bys, key=lambda item: item[:2])),
        aggregates=tuple(aggregates),
        rollup=rollup,
        raw=tuple(raw),
    )
    return ParsedQuery(query, operation, api_version, tuple(notes))


def _is_raw(key: str) -> bool:
    """Whether a parameter is outside the model whatever its value (other ``$$`` names, controls, EXISTS blocks)."""
    # Lower-case ``id`` is get-by-ID; ``ID`` is a filter on the ID field.
    return key.startswith("$$") or key == "id" or key.lower() in _NOT_FILTERS or key.upper().startswith("EXISTS:")


def _whole(text: str) -> int | None:
    stripped = text.strip()
    return int(stripped) if re.fullmatch(r"-?\d+", stripped) else None


def _read_filter(key: str, value: str, position: int, groups: dict[int, dict[tuple[int, str], _Slot]],
                 sorts: list[tuple[float, int, SortKey]], group_bys: list[tuple[float, int, str]],
                 aggregates: list[Aggregate], notes: list[str]) -> bool:
    """Put one parameter into the model's parts; ``False`` when the model cannot represent it (kept raw)."""
    prefix = _PREFIX.match(key)
    rest = key[prefix.end():] if prefix else key
    grouped = bool(prefix and prefix.end())
    if not rest or _ANY_PREFIX.match(rest):
        return False  # OR:x:…, AND:x:…, OR: twice, EXISTS inside OR: not representable
    suffix_match = _SUFFIX.match(rest)
    suffix = suffix_match.group("suffix") if suffix_match else None
    path = suffix_match.group("path") if suffix_match else rest
    number = suffix_match.group("n") if suffix_match else None
    priority = float(number) if number else float("inf")
    if suffix in ("Sort", "GroupBy", "AggFunc"):
        if grouped:
            return False
        if suffix == "Sort":
            sorts.append((priority, position, SortKey(path, value)))
            return True
        if suffix == "GroupBy":
            if value.lower() != "true":
                return False
            group_bys.append((priority, position, path))
            return True
        if number:
            return False
        aggregates.append(Aggregate(path, value))
        return True
    if number:
        return False  # name_2_Mod: not a condition form Workfront documents
    group_number = int(prefix.group("group")) if prefix and prefix.group("group") else 0
    slot_number = int(prefix.group("slot")) if prefix and prefix.group("slot") else 0
    slots = groups.setdefault(group_number, {})
    slot = slots.setdefault((slot_number, path), _Slot(path, position))
    if suffix == "Mod":
        if slot.modifier is not None:
            notes.append(f"{key} was given twice; the last one counts")
        slot.modifier = value
    elif suffix == "Range":
        if slot.range is not None:
            notes.append(f"{key} was given twice; the last one counts")
        slot.range = value
    else:
        slot.values.append(value)
    return True


def _condition(slot: _Slot) -> Condition:
    return Condition(slot.path, slot.modifier, tuple(slot.values), slot.range)

"""The Planning filter model: conditions and AND/OR groups, field-type rules, v1 and v2 JSON.

Public API (stable; the simulator's Planning handlers import it)::

    from wfexplorer.core.planning.filters import (
        Condition, Group, AND, OR, UserId,             # the tree (frozen, comparable, hashable)
        ConditionType, Operator, ValueShape, IdType, Direction, FieldKind,
        FieldInfo, SelectOption, FieldCatalog,          # what validation needs to know about fields
        SearchRequest, SortKey, Paging,                 # a whole search
        validate, validate_request, Problem, Severity, FilterError,
        node_to_v2, node_from_v2, group_from_v2, request_to_v2, request_from_v2,
        filters_to_v1, filters_from_v1, node_to_v1, request_to_v1, request_from_v1,
        convert_v2_to_v1, convert_v1_to_v2, Conversion, Loss,
        view_filter_from_v2, view_filter_to_v2,         # a view's filter array
        walk, conditions, node_at, label_path, replace_at, insert_at,
        describe, condition_words,                      # the tree in words
        RelativeDate, DateAnchor, Resolution, resolve_tree, resolve_request,   # relative date values
    )

Building and walking a tree::

    tree = AND(Condition("F_status", "IS", "opt_active"),
               OR(Condition("F_budget", ConditionType.GREATER_THAN, 1000),
                  Condition("F_owner", "HAS_ANY_OF", [UserId("63e3...", IdType.WF)])))
    for index_path, node in walk(tree): ...          # depth first; ``node.children`` / ``node.value``

Values are normalised: no value is None, pairs and lists are tuples, People values are ``str`` (an IMS id) or
``UserId``. ``validate(tree, fields)`` returns every ``Problem`` (path like ``filter.AND[2].OR[0]``) and never
raises. The ``*_from_v1``/``*_from_v2`` parsers raise ``FilterError`` (a ``ValidationError``) listing every
error with its spot; with ``fields`` they also refuse unknown fields and conditions the field type does not
allow. Warnings (``Severity.WARNING``: IS_ANY_OF/IS_NONE_OF on a reference, which the service treats as
HAS_ANY_OF/HAS_NONE_OF; ``matchExternalId`` on a field that is not an external reference) never make a parser
fail; call ``validate()`` to see them. ``request_to_v1``/``request_to_v2`` return a ``Conversion`` (``body``,
``params``, ``losses``): what the target version cannot carry is listed, never dropped silently.

The field-type table is ``ALLOWED_CONDITIONS`` (``FieldKind`` -> conditions); ``kind_of()`` maps server type
strings (``SINGLE_SELECT``, ``single-select``, ``LOOKUP`` ...) to kinds; a lookup uses its linked field's kind
(``FieldInfo.effective_kind``).

A condition's value may be a ``RelativeDate`` (today, ``today-7d``, ``startOfMonth`` ...) on date fields; it is
never sent: ``resolve_request(request, today)`` replaces each by its ISO date and lists the ``Resolution`` of each
(the Planning client does so before every search). Serialised without resolving, it is written as
``{"relativeDate": "today-7d"}`` (wfexplorer's saved documents), which the parsers read back only inside
``reading_documents()``.
"""

from wfexplorer.core.planning.filters.catalog import FieldCatalog, FieldInfo, SelectOption
from wfexplorer.core.planning.filters.describe import condition_words, describe
from wfexplorer.core.planning.filters.field_types import (
    ALLOWED_CONDITIONS,
    LENIENT_CONDITIONS,
    NUMERIC_KINDS,
    PEOPLE_KINDS,
    SELECT_KINDS,
    TEMPORAL_KINDS,
    V2_CREATABLE_TYPES,
    V2_TYPE_OF_KIND,
    FieldKind,
    allowed_conditions,
    kind_of,
)
from wfexplorer.core.planning.filters.model import (
    AND,
    OR,
    Condition,
    Group,
    IndexPath,
    Node,
    UserId,
    conditions,
    insert_at,
    label_path,
    node_at,
    replace_at,
    walk,
)
from wfexplorer.core.planning.filters.problems import FilterError, Problem, Severity
from wfexplorer.core.planning.filters.relative import (
    RELATIVE_KEY,
    DateAnchor,
    RelativeDate,
    Resolution,
    has_relative_dates,
    resolve_request,
    resolve_tree,
)
from wfexplorer.core.planning.filters.request import Paging, SearchRequest, SortKey
from wfexplorer.core.planning.filters.v1_json import (
    V1_DEFAULT_LIMIT,
    V1_MAX_LIMIT,
    convert_v1_to_v2,
    convert_v2_to_v1,
    filters_from_v1,
    filters_to_v1,
    node_to_v1,
    request_from_v1,
    request_to_v1,
)
from wfexplorer.core.planning.filters.v2_json import (
    V2_DEFAULT_SIZE,
    group_from_v2,
    node_from_v2,
    node_to_v2,
    request_from_v2,
    request_to_v2,
    value_to_v2,
    view_filter_from_v2,
    view_filter_to_v2,
)
from wfexplorer.core.planning.filters.validation import validate, validate_request
from wfexplorer.core.planning.filters.values import reading_documents
from wfexplorer.core.planning.filters.vocabulary import (
    VALUE_SHAPES,
    ConditionType,
    Direction,
    IdType,
    Operator,
    ValueShape,
)
from wfexplorer.core.planning.filters.wire import Conversion, Loss

__all__ = [
    "ALLOWED_CONDITIONS",
    "AND",
    "LENIENT_CONDITIONS",
    "NUMERIC_KINDS",
    "OR",
    "PEOPLE_KINDS",
    "RELATIVE_KEY",
    "SELECT_KINDS",
    "TEMPORAL_KINDS",
    "V1_DEFAULT_LIMIT",
    "V1_MAX_LIMIT",
    "V2_CREATABLE_TYPES",
    "V2_DEFAULT_SIZE",
    "V2_TYPE_OF_KIND",
    "VALUE_SHAPES",
    "Condition",
    "ConditionType",
    "Conversion",
    "DateAnchor",
    "Direction",
    "FieldCatalog",
    "FieldInfo",
    "FieldKind",
    "FilterError",
    "Group",
    "IdType",
    "IndexPath",
    "Loss",
    "Node",
    "Operator",
    "Paging",
    "Problem",
    "RelativeDate",
    "Resolution",
    "SearchRequest",
    "SelectOption",
    "Severity",
    "SortKey",
    "UserId",
    "ValueShape",
    "allowed_conditions",
    "condition_words",
    "conditions",
    "convert_v1_to_v2",
    "convert_v2_to_v1",
    "describe",
    "filters_from_v1",
    "filters_to_v1",
    "group_from_v2",
    "has_relative_dates",
    "insert_at",
    "kind_of",
    "label_path",
    "node_at",
    "node_from_v2",
    "node_to_v1",
    "node_to_v2",
    "reading_documents",
    "replace_at",
    "request_from_v1",
    "request_from_v2",
    "request_to_v1",
    "request_to_v2",
    "resolve_request",
    "resolve_tree",
    "validate",
    "validate_request",
    "value_to_v2",
    "view_filter_from_v2",
    "view_filter_to_v2",
    "walk",
]

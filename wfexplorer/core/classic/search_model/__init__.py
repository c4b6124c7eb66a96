"""The classic search model: conditions, OR groups, reference paths, the query string both ways, runs and reports.

A builder widget binds to :class:`ClassicSearch`; scripts can use the values and functions directly::

    from wfexplorer.core.classic.search_model import (
        ClassicSearch, ClassicQuery, Condition, ConditionGroup, SortKey, Aggregate, between, query,
        Modifier, FieldKind, ValueShape, SortDirection, AggregateFunction, ALLOWED_MODIFIERS, kind_of,
        to_query_string, to_pairs, parse, ParsedQuery, QueryStringError,
        SearchSchema, validate, Problem, Part, Severity,
        Operation, request_for, run_search, run_page, count, run_report, locate_error,
        SnippetTarget, python_workfront_snippet, core_snippet, javascript_snippet,
        SearchStore,
    )

    search = ClassicSearch("TASK")
    search.add_condition("status", "in", ["NEW", "INP"])
    alternative = search.add_group()                                 # OR:1:
    search.add_condition("project:name", "cicontains", "launch", group=alternative)
    search.add_condition("assignedTo:homeGroup:name", "eq", "Finance", group=alternative)
    search.set_fields(["project:name", "assignedTo:name"])
    search.query_string()
    # status=NEW&status=INP&status_Mod=in&OR:1:project:name=launch&OR:1:project:name_Mod=cicontains&…

    schema = SearchSchema.of_session(session)                        # metadata + custom-form DE: fields
    problems = search.problems(schema)                               # Problem(part, message, target_id=condition id)
    page = run_page(session, search.query, first=0, limit=100, schema=schema)   # rows + ColumnSpec columns
    total = count(session, search.query)                             # for a debounced live count
    search.load("https://acme.my.workfront.com/attask/api/v21.0/task/report?status_GroupBy=true")

Modules, one job each: ``vocabulary`` (modifiers, value shapes, field kinds, which modifier suits which
kind), ``model`` (immutable query values), ``querystring`` (model ⇄ text and URLs; what the model cannot
represent stays in ``raw`` and is re-emitted), ``values`` (value text per kind, ``$$TODAY``/``$$USER``
wildcards), ``schema`` (types, paths, ``DE:`` fields and completions from metadata), ``validation``
(problems pointing at conditions), ``running`` (exact requests, search/page/count/report through
``session.request``, result columns, server errors on their condition), ``editor`` (the editable search
with change announcements and undo), ``snippets`` (python-workfront, ``wfexplorer.core`` and
``workfront-api`` code; the exact request for curl and the like), ``store`` (saved searches and history per
profile), ``table`` (results as the shared results table).
"""

from wfexplorer.core.classic.search_model.editor import ChangeKind, ClassicSearch, SearchChange
from wfexplorer.core.classic.search_model.model import (
    Aggregate,
    ClassicQuery,
    Condition,
    ConditionGroup,
    SortKey,
    between,
    query,
)
from wfexplorer.core.classic.search_model.querystring import (
    ParsedQuery,
    QueryStringError,
    parse,
    to_pairs,
    to_query_string,
)
from wfexplorer.core.classic.search_model.running import (
    ClassicRequest,
    ColumnSpec,
    Operation,
    ReportResult,
    SearchResult,
    count,
    locate_error,
    page_request,
    request_for,
    run_page,
    run_report,
    run_search,
)
from wfexplorer.core.classic.search_model.schema import (
    Completion,
    FilterField,
    PathError,
    ResolvedPath,
    SearchSchema,
)
from wfexplorer.core.classic.search_model.snippets import (
    API_KEY_ENV,
    SESSION_ID_ENV,
    Auth,
    SnippetTarget,
    all_snippets,
    core_snippet,
    http_call,
    javascript_snippet,
    python_workfront_snippet,
)
from wfexplorer.core.classic.search_model.store import HistoryEntry, SavedSearch, SearchStore
from wfexplorer.core.classic.search_model.table import report_table, search_table, table_column
from wfexplorer.core.classic.search_model.validation import Part, Problem, Severity, blocking, validate
from wfexplorer.core.classic.search_model.values import DATE_WILDCARDS, USER_ATTRIBUTES, is_date_wildcard
from wfexplorer.core.classic.search_model.vocabulary import (
    ALLOWED_AGGREGATES,
    ALLOWED_MODIFIERS,
    MODIFIER_LABELS,
    VALUE_SHAPES,
    AggregateFunction,
    FieldKind,
    Modifier,
    SortDirection,
    ValueShape,
    allowed_modifiers,
    kind_of,
)

__all__ = [
    "ALLOWED_AGGREGATES",
    "ALLOWED_MODIFIERS",
    "API_KEY_ENV",
    "DATE_WILDCARDS",
    "MODIFIER_LABELS",
    "SESSION_ID_ENV",
    "USER_ATTRIBUTES",
    "VALUE_SHAPES",
    "Aggregate",
    "AggregateFunction",
    "Auth",
    "ChangeKind",
    "ClassicQuery",
    "ClassicRequest",
    "ClassicSearch",
    "ColumnSpec",
    "Completion",
    "Condition",
    "ConditionGroup",
    "FieldKind",
    "FilterField",
    "HistoryEntry",
    "Modifier",
    "Operation",
    "ParsedQuery",
    "Part",
    "PathError",
    "Problem",
    "QueryStringError",
    "ReportResult",
    "ResolvedPath",
    "SavedSearch",
    "SearchChange",
    "SearchResult",
    "SearchSchema",
    "SearchStore",
    "Severity",
    "SnippetTarget",
    "SortDirection",
    "SortKey",
    "ValueShape",
    "all_snippets",
    "allowed_modifiers",
    "between",
    "blocking",
    "core_snippet",
    "count",
    "http_call",
    "is_date_wildcard",
    "javascript_snippet",
    "kind_of",
    "locate_error",
    "page_request",
    "parse",
    "python_workfront_snippet",
    "query",
    "report_table",
    "request_for",
    "run_page",
    "run_report",
    "run_search",
    "search_table",
    "table_column",
    "to_pairs",
    "to_query_string",
    "validate",
]

"""Text → tree: read a pasted or typed search in either grammar, with every problem pointed at its spot.

    pasted = parse_search_text(text, catalog)
    pasted.grammar        # Grammar.V2 or Grammar.V1, as detected
    pasted.request        # a SearchRequest (a bare filter gives a request with only the filter)
    pasted.whole_body     # True when the text was a whole search body (sort, paging … come with it)

What is understood: a v2 search body (``{"filter": …, "sort": …}``), a v1 body (``{"filters": …, "sorting":
…}``), either of them after the request line the documentation shows (``POST /v2/record-types/{id}/records/
search?page=1&size=500``, whose query parameters and version count too), a bare v2 group (``{"operator",
"conditions"}``) or condition, a bare v1 filter (an array of nodes, or ``{"$and": …}``/``{"<field>": {"$op":
value}}``). ``wfexplorer``'s own relative dates are read as well.

Malformed JSON raises ``TextError`` with the line and column ``json`` reports; a structural problem (an unknown
condition, a field the record type lacks, a value of the wrong shape) carries the model's path
(``filter.AND[2]``) and, found through ``JsonPositions``, the line and column where that node starts.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from wfexplorer.core import errors
from wfexplorer.core.planning.builder.positions import JsonPositions, pointer_of
from wfexplorer.core.planning.filters import (
    AND,
    FilterError,
    Group,
    Problem,
    SearchRequest,
    Severity,
    filters_from_v1,
    group_from_v2,
    reading_documents,
    request_from_v1,
    request_from_v2,
)
from wfexplorer.core.planning.filters.validation import FieldsArg

_V2_BODY_KEYS = frozenset({"filter", "sort", "group", "page", "size", "fieldIds", "fieldAliases",
                           "scopeWorkspaceIds", "globalRecordTypeWorkspaceFieldId"})
_V1_BODY_KEYS = frozenset({"filters", "sorting", "groupingFieldIds", "offset", "limit", "attributes",
                           "rowOrderViewId"})
_REQUEST_LINE = re.compile(r"^\s*(?:GET|POST|PUT|PATCH)\s+(?P<target>\S+)[^\n]*\n", re.IGNORECASE)
_VERSION_IN_PATH = re.compile(r"/v([12])/")


class Grammar(enum.StrEnum):
    """The two filter grammars: v2 ``filter`` (typed conditions) and v1 ``filters`` (``$`` operators)."""

    V2 = "v2"
    V1 = "v1"

    @property
    def version(self) -> int:
        """The API version that speaks this grammar."""
        return 2 if self is Grammar.V2 else 1


@dataclass(frozen=True, slots=True)
class TextProblem:
    """One problem in a text: what, where in the model (``path``) and in the text (1-based line and column)."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.line is not None else ""
        spot = ", ".join(part for part in (where, self.path or "") if part)
        return f"{spot}: {self.message}" if spot else self.message


class TextError(errors.ValidationError):
    """A text that is not a search the builder can show; ``problems`` says what and where."""

    def __init__(self, problems: list[TextProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems) or "not a search")

    @property
    def first(self) -> TextProblem:
        """The first problem (the one to put the cursor on)."""
        return self.problems[0]


@dataclass(frozen=True)
class PastedSearch:
    """What a text said: its grammar, the search, whether it was a whole body, and notes for the user."""

    grammar: Grammar
    request: SearchRequest
    whole_body: bool
    notes: tuple[str, ...] = ()

    @property
    def tree(self) -> Group:
        """The filter tree (an empty AND group for no filter)."""
        return self.request.filter or AND()


def parse_search_text(text: str, fields: FieldsArg = None) -> PastedSearch:
    """Read ``text`` as a search in either grammar (see the module docs); ``TextError`` when it is not one."""
    if not text.strip():
        return PastedSearch(Grammar.V2, SearchRequest(), whole_body=False, notes=("The text is empty: no filter.",))
    params: dict[str, str] = {}
    skipped_lines = 0
    stated: Grammar | None = None
    line = _REQUEST_LINE.match(text)
    if line is not None:
        target = urlsplit(line.group("target"))
        params = dict(parse_qsl(target.query))
        version = _VERSION_IN_PATH.search(target.path + "/")
        stated = None if version is None else (Grammar.V2 if version.group(1) == "2" else Grammar.V1)
        skipped_lines = text.count("\n", 0, line.end())
        text = text[line.end():]
    try:
        data = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as error:
        raise TextError([TextProblem(f"This is not valid JSON: {error.msg}.", None, error.lineno + skipped_lines,
                                     error.colno)]) from None
    except RecursionError:
        raise TextError([TextProblem("The JSON is nested too deeply to read.")]) from None
    grammar, shape = _detect(data)
    if line is not None:
        grammar, shape = stated or grammar, "body"
    notes: list[str] = []
    root_key: str | None = None
    try:
        with reading_documents():
            if shape == "body":
                root_key = "filter" if grammar is Grammar.V2 else "filters"
                request = (request_from_v2(data, params, fields) if grammar is Grammar.V2
                           else request_from_v1(data, params, fields))
            elif grammar is Grammar.V2:
                if shape == "condition":
                    data = {"operator": "AND", "conditions": [data]}
                    notes.append("A single condition was read as an AND group of one.")
                request = SearchRequest(filter=group_from_v2(data, fields))
            else:
                request = SearchRequest(filter=filters_from_v1(data, fields))
    except FilterError as error:
        raise TextError(_located(error.problems, text, root_key, shape, skipped_lines)) from None
    return PastedSearch(grammar, request, whole_body=shape == "body", notes=tuple(notes))


def _detect(data: Any) -> tuple[Grammar, str]:
    """The grammar and shape (``body``, ``group``, ``condition``, ``filters``) of a parsed document."""
    if isinstance(data, list):
        return Grammar.V1, "filters"
    if not isinstance(data, Mapping):
        raise TextError([TextProblem(f"Expected a JSON object (a search body or a filter), not {_kind(data)}.",
                                     None, 1, 1)])
    keys = set(data)
    if keys & _V2_BODY_KEYS and not keys & _V1_BODY_KEYS:
        return Grammar.V2, "body"
    if keys & _V1_BODY_KEYS and not keys & _V2_BODY_KEYS:
        return Grammar.V1, "body"
    if keys & _V1_BODY_KEYS and keys & _V2_BODY_KEYS:
        return (Grammar.V2 if "filter" in keys else Grammar.V1), "body"  # the parser names the foreign keys
    if "operator" in keys or "conditions" in keys:
        return Grammar.V2, "group"
    if "fieldId" in keys or "condition" in keys:
        return Grammar.V2, "condition"
    if "recordTypeId" in keys and keys <= {"recordTypeId", "recordTypeAlias", "aliased"}:
        return Grammar.V2, "body"
    return Grammar.V1, "filters"


def _located(problems: tuple[Problem, ...], text: str, root_key: str | None, shape: str,
             skipped_lines: int) -> list[TextProblem]:
    positions = JsonPositions(text)
    located = []
    for problem in problems:
        inner = root_key
        if shape == "condition":  # the text was the one condition of a group made around it
            path = problem.path.removeprefix("filter.AND[0]").lstrip(".")
            pointer = pointer_of("filter." + path if path else "filter", None)
        else:
            pointer = pointer_of(problem.path, inner) if problem.path.startswith(("filter", "filters")) else (
                pointer_of(problem.path, None))
        position = positions.position(pointer)
        located.append(TextProblem(problem.message, problem.path,
                                   position.line + skipped_lines if position else None,
                                   position.column if position else None, problem.severity))
    return located


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__

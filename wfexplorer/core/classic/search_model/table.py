"""Classic search and report results as the shared results table (``wfexplorer.core.results``).

::

    page = search_table(run_page(session, query, first, limit, schema), total=count(session, query))
    page = report_table(run_report(session, query, schema))

A search page's rows are keyed by ``ID`` (what opening a row hands on); each column's values are read along its
path (``project:name``, through collections as lists). Columns a classic search may sort by (fields, not
references or collections) carry their path as the sort key. A report's rows carry no key: a group cannot be
opened as an object.
"""

from __future__ import annotations

from wfexplorer.core.classic.search_model.running import ColumnSpec, ReportResult, SearchResult
from wfexplorer.core.classic.search_model.vocabulary import FieldKind
from wfexplorer.core.results import ColumnSpec as TableColumn
from wfexplorer.core.results import ResultPage, ResultRow, ValueKind

_KINDS = {
    FieldKind.TEXT: ValueKind.TEXT,
    FieldKind.ENUM: ValueKind.TEXT,
    FieldKind.ID: ValueKind.TEXT,
    FieldKind.NUMBER: ValueKind.NUMBER,
    FieldKind.DATE: ValueKind.DATETIME,
    FieldKind.BOOLEAN: ValueKind.BOOLEAN,
    FieldKind.MULTI: ValueKind.TEXT,
}


def table_column(column: ColumnSpec, *, sortable: bool = True) -> TableColumn:
    """The results-table column of a classic column (typed by its field's kind)."""
    kind = _KINDS.get(column.kind, ValueKind.TEXT) if column.kind is not None else ValueKind.OTHER
    if column.kind is None and column.field_type is None:
        kind = ValueKind.TEXT  # metadata did not say (no schema): shown as sent
    sort_key = column.key if sortable and column.kind is not None and not column.many else None
    return TableColumn(column.key, column.label, kind, sort_key=sort_key)


def search_table(result: SearchResult, total: int | None = None) -> ResultPage:
    """One page of search results as a table (``total``: the count of every match, when known)."""
    columns = tuple(table_column(column) for column in result.columns)
    rows = tuple(ResultRow(row.get("ID"), {column.key: column.value(row) for column in result.columns})
                 for row in result.rows)
    limit = result.limit
    paging = f"$$FIRST={result.first}&$$LIMIT={limit}" if limit else ""
    return ResultPage(columns, rows, (), total, result.first, limit, paging)


def report_table(result: ReportResult) -> ResultPage:
    """A report as a table: one row per group, then the ``$$ROLLUP`` totals as a last row when asked for."""
    columns = tuple(table_column(column, sortable=False) for column in result.columns)
    rows = [ResultRow(None, {column.key: column.value(row) for column in result.columns}) for row in result.rows]
    if result.rollup is not None:
        first = result.columns[0].key if result.columns else ""
        totals = {column.key: result.rollup.get(column.key) for column in result.columns}
        if first and totals.get(first) is None:
            totals[first] = "Total ($$ROLLUP)"
        rows.append(ResultRow(None, totals))
    return ResultPage(columns, tuple(rows), (), len(result.rows), 0, None, "")

"""Classic results as the shared results table: typed columns, rows keyed by ID, paths followed, report totals."""

from __future__ import annotations

from wfexplorer.core.classic.search_model import (
    ColumnSpec,
    FieldKind,
    ReportResult,
    SearchResult,
    report_table,
    request_for,
    search_table,
)
from wfexplorer.core.classic.search_model import query as make_query
from wfexplorer.core.results import ValueKind, display

QUERY = make_query("TASK", fields=("project:name", "assignments:assignedTo:name"))
COLUMNS = (
    ColumnSpec("ID", "ID", "string", FieldKind.ID),
    ColumnSpec("priority", "Priority", "int", FieldKind.NUMBER),
    ColumnSpec("plannedCompletionDate", "Planned Completion Date", "dateTime", FieldKind.DATE),
    ColumnSpec("project:name", "Project > Name", "string", FieldKind.TEXT),
    ColumnSpec("assignments:assignedTo:name", "Assignments > Assigned To > Name", "string", FieldKind.TEXT,
               many=True),
    ColumnSpec("mystery", "mystery"),
)
ROWS = (
    {"ID": "a1", "priority": 2, "plannedCompletionDate": "2026-05-01T17:00:00:000-0700",
     "project": {"name": "Launch"}, "assignments": [{"assignedTo": {"name": "Ann"}}, {"assignedTo": {"name": "Bo"}}],
     "mystery": "x"},
    {"ID": "b2", "priority": 4, "plannedCompletionDate": None, "project": None, "assignments": []},
)


def test_a_search_page_reads_paths_and_keys_rows_by_id() -> None:
    result = SearchResult(ROWS, COLUMNS, request_for(QUERY), first=200, limit=2)
    page = search_table(result, total=7)
    assert [row.key for row in page.rows] == ["a1", "b2"]
    assert page.rows[0].values["project:name"] == "Launch"
    assert page.rows[0].values["assignments:assignedTo:name"] == ["Ann", "Bo"]
    assert page.rows[1].values["project:name"] is None
    kinds = {column.key: column.kind for column in page.columns}
    assert kinds == {"ID": ValueKind.TEXT, "priority": ValueKind.NUMBER, "plannedCompletionDate": ValueKind.DATETIME,
                     "project:name": ValueKind.TEXT, "assignments:assignedTo:name": ValueKind.TEXT,
                     "mystery": ValueKind.TEXT}
    sortable = {column.key: column.sort_key for column in page.columns}
    assert sortable["priority"] == "priority" and sortable["project:name"] == "project:name"
    assert sortable["assignments:assignedTo:name"] is None and sortable["mystery"] is None  # a list; unknown
    assert (page.total, page.offset, page.limit, page.page, page.paging) == (7, 200, 2, 100, "$$FIRST=200&$$LIMIT=2")
    assert display(page.rows[0].values["assignments:assignedTo:name"], page.columns[4]) == "Ann, Bo"


def test_a_report_has_no_keys_and_its_rollup_is_a_last_row() -> None:
    columns = (ColumnSpec("status", "Status", "string", FieldKind.ENUM),
               ColumnSpec("sum_work", "sum of work", "double", FieldKind.NUMBER))
    rows = ({"status": "NEW", "sum_work": 3.0}, {"status": "CPL", "sum_work": 5.5})
    page = report_table(ReportResult(rows, columns, request_for(QUERY, "report"), {"sum_work": 8.5}))
    assert [row.key for row in page.rows] == [None, None, None]
    assert page.rows[-1].values == {"status": "Total ($$ROLLUP)", "sum_work": 8.5}
    assert page.total == 2 and not page.has_more
    assert all(column.sort_key is None for column in page.columns)

"""Exporting a results page as CSV (the words the table shows) or JSON (the values as the server sent them).

CSV has one header row of column titles and one row per result, each cell as ``display`` shows it, so a
spreadsheet reads what the user saw; JSON keeps the typed values (numbers, ISO dates, ids) with the column
specs, for scripts. Both include a key column (``id``) so rows can be found again.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from wfexplorer.core.results.table import ResultPage, display

KEY_TITLE = "id"


def to_csv(page: ResultPage) -> str:
    """The page as CSV text (RFC 4180 quoting, ``\\r\\n`` line ends as spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([KEY_TITLE, *(column.title for column in page.columns)])
    for row in page.rows:
        writer.writerow([str(row.key), *(display(row.values.get(column.key), column, page.names)
                                         for column in page.columns)])
    return buffer.getvalue()


def to_json(page: ResultPage) -> str:
    """The page as a JSON document: columns, rows with raw values, groups, total and paging."""
    document: dict[str, Any] = {
        "columns": [{"key": column.key, "title": column.title, "kind": column.kind.value}
                    for column in page.columns],
        "rows": [{KEY_TITLE: row.key, "values": {column.key: row.values.get(column.key) for column in page.columns}}
                 for row in page.rows],
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "paging": page.paging,
    }
    if page.groups:
        document["groups"] = [{"label": group.label, "count": group.count, "ids": list(group.row_keys)}
                              for group in page.groups]
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"

"""Search results as a table any builder can fill and any view can show: typed columns, rows, groups, export.

    from wfexplorer.core.results import ColumnSpec, ResultPage, ResultRow, ValueKind, display, to_csv, to_json

A ``ResultPage`` holds ``ColumnSpec`` columns (key, title, ``ValueKind``, options with labels and colours,
currency and precision), ``ResultRow`` rows (a key the view hands back when a row is opened, and raw values by
column key), optional ``ResultGroup`` groups, the total count and where the page sits. ``display`` turns a raw
value into the text a cell shows; ``to_csv``/``to_json`` export a page with the same words. The Planning builder
fills it from record searches (``wfexplorer.core.planning.builder.rows``); the classic search builder can too.
"""

from wfexplorer.core.results.export import to_csv, to_json
from wfexplorer.core.results.table import (
    ColumnSpec,
    OptionLabel,
    ResultGroup,
    ResultPage,
    ResultRow,
    ValueKind,
    display,
    option_colours,
)

__all__ = [
    "ColumnSpec",
    "OptionLabel",
    "ResultGroup",
    "ResultPage",
    "ResultRow",
    "ValueKind",
    "display",
    "option_colours",
    "to_csv",
    "to_json",
]

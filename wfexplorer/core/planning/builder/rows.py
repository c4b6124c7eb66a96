"""A Planning search page as a results table: projected fields as typed columns, records as rows, groups.

Columns are the projected fields in the order asked for (every field of the record type when nothing is
projected); each field's kind decides how its values read (option labels and colours, people names, reference
titles, currency codes). Rows are keyed by record id, which is what opening a row hands on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wfexplorer.core.planning.builder.fields import BuilderField, BuilderFields
from wfexplorer.core.planning.filters import FieldKind
from wfexplorer.core.planning.results import SearchPage
from wfexplorer.core.results import ColumnSpec, OptionLabel, ResultGroup, ResultPage, ResultRow, ValueKind, display

_KINDS: dict[FieldKind, ValueKind] = {
    FieldKind.NUMBER: ValueKind.NUMBER,
    FieldKind.PERCENTAGE: ValueKind.PERCENTAGE,
    FieldKind.CURRENCY: ValueKind.CURRENCY,
    FieldKind.DATE: ValueKind.DATE,
    FieldKind.CREATED_AT: ValueKind.DATETIME,
    FieldKind.UPDATED_AT: ValueKind.DATETIME,
    FieldKind.SINGLE_SELECT: ValueKind.OPTION,
    FieldKind.MULTI_SELECT: ValueKind.OPTIONS,
    FieldKind.USER: ValueKind.PEOPLE,
    FieldKind.CREATED_BY: ValueKind.PEOPLE,
    FieldKind.UPDATED_BY: ValueKind.PEOPLE,
    FieldKind.BOOLEAN: ValueKind.BOOLEAN,
    FieldKind.REFERENCE: ValueKind.REFERENCES,
}


def column_of(field: BuilderField) -> ColumnSpec:
    """The column for one field."""
    kind = _KINDS.get(field.kind, ValueKind.TEXT) if field.kind is not None else ValueKind.OTHER
    options = {option.name: OptionLabel(option.display_name or option.name, option.color)
               for option in field.options}
    return ColumnSpec(field.id, field.label, kind, sort_key=field.id if field.filterable else None,
                      options=options, currency=field.currency, precision=field.precision)


def columns_of(fields: BuilderFields, projection: Iterable[str] | None) -> tuple[ColumnSpec, ...]:
    """The columns for a projection (field ids or aliases; None: every field), unknown fields left out."""
    if projection is None:
        chosen = list(fields)
    else:
        chosen = [field for field in (fields.get(key) for key in projection) if field is not None]
    return tuple(column_of(field) for field in chosen)


def result_page(page: SearchPage, fields: BuilderFields, projection: Iterable[str] | None, version: int,
                names: Mapping[str, str] | None = None) -> ResultPage:
    """The table of one search page."""
    columns = columns_of(fields, projection)
    rows = tuple(ResultRow(record.id, record.data) for record in page.records)
    labels = dict(names or {})
    groups = tuple(_group(raw.field_id, raw.value, raw.record_ids, raw.count, fields, labels)
                   for raw in page.groups)
    limit = page.limit
    paging = (f"page={page.page}&size={limit}" if version == 2 else f"offset={page.offset}&limit={limit}") \
        if limit else ""
    return ResultPage(columns, rows, groups, page.total, page.offset, limit, paging, labels)


def _group(field_id: str, value: object, record_ids: tuple[str, ...], count: int, fields: BuilderFields,
           names: Mapping[str, str]) -> ResultGroup:
    field = fields.get(field_id)
    if field is None:
        label = f"{field_id}: {value}"
    else:
        shown = display(value, column_of(field), names) or "(empty)"
        label = f"{field.label}: {shown}"
    return ResultGroup(label, count, record_ids)

"""Pages and bulk outcomes: cursor pages, search pages (both v2 envelopes and v1's), per-row bulk results."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from wfexplorer.core import errors
from wfexplorer.core.planning.models import Record

T = TypeVar("T")


@dataclass(frozen=True)
class CursorPage(Generic[T]):
    """One page of a cursor list: its items, and the opaque cursor of the next page (None on the last)."""

    items: tuple[T, ...]
    next_cursor: str | None = None
    has_more: bool = False

    @classmethod
    def parse(cls, body: Any, item: Callable[[Mapping[str, Any]], T]) -> CursorPage[T]:
        """From ``{"content": [...], "cursor": {"nextCursor", "hasMore"}}``."""
        if not isinstance(body, Mapping) or not isinstance(body.get("content"), list):
            raise errors.ProtocolError("expected a cursor page {content, cursor}")
        cursor = body.get("cursor") or {}
        next_cursor = cursor.get("nextCursor") if isinstance(cursor, Mapping) else None
        has_more = bool(cursor.get("hasMore")) if isinstance(cursor, Mapping) else False
        return cls(tuple(item(raw) for raw in body["content"] if isinstance(raw, Mapping)),
                   next_cursor if has_more else None, has_more and bool(next_cursor))


@dataclass(frozen=True)
class RecordGroup:
    """The records that share one value of a grouping field."""

    field_id: str
    value: Any
    record_ids: tuple[str, ...]
    count: int

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> RecordGroup:
        """From a v1 or v2 ``RecordGroupDto`` (v1 has no ``count``)."""
        ids = tuple(raw.get("recordIds") or ())
        count = raw.get("count")
        return cls(str(raw.get("fieldId") or ""), raw.get("value"), ids, int(count) if count is not None else len(ids))


@dataclass(frozen=True)
class SearchPage:
    """One page of a record search: the records, the groups, and where the page sits in all results."""

    records: tuple[Record, ...]
    groups: tuple[RecordGroup, ...] = ()
    total: int | None = None
    offset: int = 0
    limit: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def has_more(self) -> bool:
        """True when records remain after this page."""
        if self.total is None:
            return self.limit is not None and len(self.records) >= self.limit
        return self.offset + len(self.records) < self.total

    @property
    def page(self) -> int:
        """The zero-based page number (v2 terms)."""
        return self.offset // self.limit if self.limit else 0

    @classmethod
    def parse_v2(cls, body: Any, record_type_id: str | None = None) -> SearchPage:
        """From ``RecordSearchPageDto`` (the spec's Spring page) or the migration guide's ``records[]`` + ``page``;
        a bare ``PageRecordDto`` (the plain record list) works too."""
        if not isinstance(body, Mapping):
            raise errors.ProtocolError("expected a search page object")
        records = body.get("records", body if "content" in body else None)
        page_info: Mapping[str, Any]
        if isinstance(records, Mapping):  # spec shape: records is a Spring Page
            items = records.get("content")
            nested = records.get("page")
            page_info = nested if isinstance(nested, Mapping) else records
        elif isinstance(records, list):  # guide shape: records[] plus a sibling page{}
            items = records
            sibling = body.get("page")
            page_info = sibling if isinstance(sibling, Mapping) else {}
        else:
            raise errors.ProtocolError("search answer has no records")
        if not isinstance(items, list):
            raise errors.ProtocolError("search answer's records are not a list")
        size = page_info.get("size")
        number = page_info.get("number") or 0
        total = page_info.get("totalElements")
        return cls(
            records=tuple(Record.parse(r, record_type_id) for r in items if isinstance(r, Mapping)),
            groups=tuple(RecordGroup.parse(g) for g in body.get("groups") or () if isinstance(g, Mapping)),
            total=int(total) if total is not None else None,
            offset=int(number) * int(size) if size else 0,
            limit=int(size) if size else None,
            raw=dict(body),
        )

    @classmethod
    def parse_v1(cls, body: Any, offset: int, limit: int | None, record_type_id: str | None = None) -> SearchPage:
        """From ``GroupedRecordsDto`` ``{records, groups, totalCount}``."""
        if not isinstance(body, Mapping) or not isinstance(body.get("records"), list):
            raise errors.ProtocolError("expected {records, groups, totalCount}")
        total = body.get("totalCount")
        return cls(
            records=tuple(Record.parse(r, record_type_id) for r in body["records"] if isinstance(r, Mapping)),
            groups=tuple(RecordGroup.parse(g) for g in body.get("groups") or () if isinstance(g, Mapping)),
            total=int(total) if total is not None else None,
            offset=offset,
            limit=limit,
            raw=dict(body),
        )


@dataclass(frozen=True)
class BulkItem:
    """The outcome of one input row of a bulk call, at its 0-based ``index`` in the request."""

    index: int
    ok: bool
    id: str | None = None
    record: Record | None = None
    error_code: str | None = None
    error_message: str | None = None
    error: errors.WorkfrontError | None = field(default=None, compare=False)

    @classmethod
    def parse(cls, raw: Mapping[str, Any], fallback_index: int) -> BulkItem:
        """From a ``RecordBulkResultItemDtoObject``."""
        error = raw.get("error")
        if not isinstance(error, Mapping):
            error = {}
        record = raw.get("record")
        ok = raw.get("status") == "success"
        return cls(
            index=int(raw.get("requestIndex", fallback_index)),
            ok=ok,
            id=raw.get("id") or (record.get("id") if isinstance(record, Mapping) else None),
            record=Record.parse(record) if isinstance(record, Mapping) else None,
            error_code=None if ok else error.get("code"),
            error_message=None if ok else error.get("message"),
        )


@dataclass(frozen=True)
class BulkResult:
    """A bulk call's outcome: one ``BulkItem`` per input row, in input order, plus request-level problems."""

    items: tuple[BulkItem, ...]
    status: str
    request_id: str | None = None
    request_errors: tuple[dict[str, Any], ...] = ()

    @property
    def succeeded(self) -> tuple[BulkItem, ...]:
        """The rows that worked."""
        return tuple(item for item in self.items if item.ok)

    @property
    def failed(self) -> tuple[BulkItem, ...]:
        """The rows that failed."""
        return tuple(item for item in self.items if not item.ok)

    @property
    def all_ok(self) -> bool:
        """True when every row worked and nothing failed at request level."""
        return not self.failed and not self.request_errors

    @classmethod
    def parse(cls, body: Any) -> BulkResult:
        """From a ``RecordBulkResponseDto``."""
        if not isinstance(body, Mapping) or not isinstance(body.get("results"), list):
            raise errors.ProtocolError("expected a bulk response {status, results}")
        items = sorted(
            (BulkItem.parse(raw, index) for index, raw in enumerate(body["results"]) if isinstance(raw, Mapping)),
            key=lambda item: item.index,
        )
        return cls(
            items=tuple(items),
            status=str(body.get("status") or ""),
            request_id=body.get("requestId"),
            request_errors=tuple(dict(e) for e in body.get("errors") or () if isinstance(e, Mapping)),
        )

    @classmethod
    def of_items(cls, items: list[BulkItem]) -> BulkResult:
        """A result assembled client-side (v1 has no bulk endpoints; the client sends rows one by one)."""
        failed = sum(1 for item in items if not item.ok)
        status = "success" if not failed else "failed" if failed == len(items) else "partial"
        return cls(items=tuple(items), status=status)

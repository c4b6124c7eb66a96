"""Cursor pagination (workspaces, record types, fields, views, history) and Spring-style page envelopes.

A cursor is base64 of ``<seq>.<ID>`` of the last item returned: a keyset over the list's order, so items
created or deleted meanwhile never make a page repeat or skip. It is opaque to clients.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from wfexplorer.demo.planning.call import Call
from wfexplorer.demo.planning.errors import bad_request
from wfexplorer.demo.store import Record


def _key(item: Record) -> tuple[float, str]:
    return (float(item.get("_seq", 0)), str(item["ID"]))


def encode_cursor(item: Record) -> str:
    """The opaque cursor after ``item``."""
    seq, item_id = _key(item)
    return base64.b64encode(f"{seq!r}.{item_id}".encode()).decode()


def decode_cursor(cursor: str) -> tuple[float, str]:
    """The keyset position of a cursor; a malformed one is a 400."""
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        head, _, item_id = text.rpartition(".")  # the seq is a float and may hold a dot itself
        if not item_id or not head:
            raise ValueError(text)
        return float(head), item_id
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise bad_request(f"Invalid cursor '{cursor}'.", "cursor", "InvalidCursor") from None


def cursor_page(
    call: Call, items: list[Record], render: Callable[[Record], dict[str, Any]], max_limit: int,
    reverse: bool = False,
) -> dict[str, Any]:
    """``{content, cursor: {nextCursor?, hasMore}}`` for ``items`` (already in list order)."""
    limit = call.integer("limit", 20, minimum=1, maximum=max_limit)
    cursor = call.arg("cursor")
    if cursor:
        position = decode_cursor(cursor)
        if reverse:
            items = [item for item in items if _key(item) < position]
        else:
            items = [item for item in items if _key(item) > position]
    page = items[:limit]
    has_more = len(items) > limit
    info: dict[str, Any] = {"hasMore": has_more}
    if has_more:
        info["nextCursor"] = encode_cursor(page[-1])
    return {"content": [render(item) for item in page], "cursor": info}


def spring_page(content: list[Any], page: int, size: int, total: int, sorted_: bool) -> dict[str, Any]:
    """A serialised Spring ``Page`` (``PageRecordDto``)."""
    sort = {"sorted": sorted_, "unsorted": not sorted_, "empty": not sorted_}
    total_pages = (total + size - 1) // size if size else 0
    return {
        "content": content,
        "totalElements": total,
        "totalPages": total_pages,
        "number": page,
        "size": size,
        "numberOfElements": len(content),
        "first": page == 0,
        "last": page >= total_pages - 1,
        "empty": not content,
        "sort": sort,
        "pageable": {"pageNumber": page, "pageSize": size, "offset": page * size, "paged": True,
                     "unpaged": False, "sort": dict(sort)},
    }

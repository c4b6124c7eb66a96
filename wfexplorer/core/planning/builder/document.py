"""A search as wfexplorer keeps it (saved filters, history): JSON that says relative dates as relative dates.

``search_document(request)`` is the v2 body and query parameters of the search, exactly as ``request_to_v2``
writes them, except that a relative date stays ``{"relativeDate": "today-7d"}``; ``request_of_document`` reads it
back. v2 is the richer grammar (people id types, ``matchExternalId``), so a v1 search loses nothing kept this way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.planning.filters import SearchRequest, reading_documents, request_from_v2, request_to_v2
from wfexplorer.core.planning.filters.validation import FieldsArg

DOCUMENT_FORMAT = 1


def search_document(request: SearchRequest) -> dict[str, Any]:
    """The storable form of ``request``."""
    conversion = request_to_v2(request)
    return {"format": DOCUMENT_FORMAT, "grammar": "v2", "body": conversion.body, "params": conversion.params}


def request_of_document(document: Mapping[str, Any], fields: FieldsArg = None) -> SearchRequest:
    """The search a stored document describes (``FilterError`` when it is not one)."""
    if not isinstance(document, Mapping) or document.get("format") != DOCUMENT_FORMAT:
        raise errors.ValidationError("This saved search was written by another version of wfexplorer.")
    body, params = document.get("body") or {}, document.get("params") or {}
    with reading_documents():
        return request_from_v2(body, params, fields)

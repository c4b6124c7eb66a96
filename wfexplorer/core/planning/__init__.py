"""Workfront Planning: one client for API v1 and v2, its model objects, and the filter model.

    from wfexplorer.core.planning import PlanningClient, SearchRequest
    from wfexplorer.core.planning.filters import AND, Condition   # the filter model (see its package docs)

``PlanningClient(base_url, token, version=2)`` returns the same ``Workspace``/``RecordType``/``Field``/
``Record``/``View``/``HistoryEntry``/``Permissions`` objects for both versions; searches take a
``SearchRequest`` and return a ``SearchPage``; bulk calls return a ``BulkResult`` with one ``BulkItem`` per row.
"""

from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.planning.connection import PlanningConnection, Reply
from wfexplorer.core.planning.error_mapping import error_from_response
from wfexplorer.core.planning.filters import Paging, SearchRequest, SortKey
from wfexplorer.core.planning.models import (
    AccessRequest,
    Audit,
    Field,
    HistoryEntry,
    Member,
    Permissions,
    Record,
    RecordType,
    UserRef,
    View,
    Workspace,
)
from wfexplorer.core.planning.results import BulkItem, BulkResult, CursorPage, RecordGroup, SearchPage
from wfexplorer.core.planning.support import VersionError

__all__ = [
    "AccessRequest",
    "Audit",
    "BulkItem",
    "BulkResult",
    "CursorPage",
    "Field",
    "HistoryEntry",
    "Member",
    "Paging",
    "Permissions",
    "PlanningClient",
    "PlanningConnection",
    "Record",
    "RecordGroup",
    "RecordType",
    "Reply",
    "SearchPage",
    "SearchRequest",
    "SortKey",
    "UserRef",
    "VersionError",
    "View",
    "Workspace",
    "error_from_response",
]

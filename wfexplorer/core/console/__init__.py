"""The API console's core: requests to edit and send, their history per profile, and path completion.

See :mod:`~wfexplorer.core.console.request`, :mod:`~wfexplorer.core.console.history` and
:mod:`~wfexplorer.core.console.paths`.
"""

from wfexplorer.core.console.history import ConsoleHistory, HistoryItem, history_path
from wfexplorer.core.console.paths import codes_to_describe, suggest_paths
from wfexplorer.core.console.request import (
    ConsoleReply,
    ConsoleRequest,
    ReadOnlyRefusal,
    request_from_entry,
    send,
)

__all__ = [
    "ConsoleHistory", "ConsoleReply", "ConsoleRequest", "HistoryItem", "ReadOnlyRefusal", "codes_to_describe",
    "history_path", "request_from_entry", "send", "suggest_paths",
]

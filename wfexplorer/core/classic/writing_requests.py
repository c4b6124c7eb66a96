"""Which classic requests change data: the read-only guard of a session asks here before sending.

Reads are ``GET`` (also when sent as ``POST`` with ``method=GET`` because the URL is long), signing in
and out, and a ``/batch`` whose every call is a ``GET``. Everything else (create, edit, delete,
actions, copy, upload, a batch with one write in it) is a write.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qsl, urlsplit

#: Paths (the last segment, lower case) that sign in or out rather than change data.
SIGN_IN_PATHS = frozenset({"login", "logout"})


def is_write(method: str, url: str, pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether sending ``method`` to ``url`` with ``pairs`` would change data on the server."""
    method = method.upper()
    if method == "GET":
        return False
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    if last in SIGN_IN_PATHS:
        return False
    if last == "batch":
        return not is_read_only_batch(url, pairs)
    return True


def is_read_only_batch(url: str, pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether ``url`` is ``/batch`` and every call in it is a ``GET``: safe to send again, as a read is."""
    if urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower() != "batch":
        return False
    return all(_batch_call_method(value) == "GET" for key, value in pairs if key == "uri")


def _batch_call_method(uri: str) -> str:
    """The Workfront method of one batch call (``method=`` in its query; GET when absent)."""
    query = urlsplit(uri).query
    methods = [value for key, value in parse_qsl(query, keep_blank_values=True) if key == "method"]
    return (methods[-1] if methods else "GET").upper()

"""``ClassicRequester``: the public part of a classic session that the helper modules build on.

The bulk-write, upload, explicit-loading and custom-form helpers (:mod:`~wfexplorer.core.classic.writes`,
:mod:`~wfexplorer.core.classic.loading`, :mod:`~wfexplorer.core.classic.customforms`) are plain functions over
this protocol rather than over :class:`~wfexplorer.core.classic.session.Session` itself, so they depend on a
leaf module and on public members only; ``Session`` satisfies it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from wfexplorer.core.classic.api import APIVersion
    from wfexplorer.core.transport import Transport

T = TypeVar("T")


class ClassicRequester(Protocol):
    """What the classic helper modules need from a session: its object model, its wire and its requests."""

    @property
    def api(self) -> APIVersion:
        """The object classes of the session's API version."""
        ...

    @property
    def transport(self) -> Transport:
        """The one request path (pooling, retries, TLS, request events)."""
        ...

    def url_for(self, path: str) -> str:
        """The absolute URL of ``path`` under the session's API root."""
        ...

    def exchange(self, method: str, url: str, attempt: Callable[[dict[str, str]], T], *,
                 pairs: Sequence[tuple[str, str]] = (), renewable: bool = True) -> T:
        """Run ``attempt(headers)`` with the session's credentials, refusing writes on a read-only session."""
        ...

    def request(self, method: str, path: str, params: Any = None) -> Any:
        """Send one request and return its ``data`` element."""
        ...

    def get(self, path: str, params: Any = None) -> Any:
        """``GET`` ``path`` and return the ``data`` element."""
        ...

    def post(self, path: str, params: Any = None) -> Any:
        """``POST`` ``path`` and return the ``data`` element."""
        ...

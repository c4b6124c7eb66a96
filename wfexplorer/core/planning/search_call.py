"""The exact HTTP request of one record search, as the client sends it, for showing and copying as code.

``PlanningClient.search_call(record_type_id, request)`` returns a ``SearchCall`` (made by ``build_search_call``,
which also previews the call in the other version): method, absolute URL, query
parameters and JSON body for the client's API version, what that version cannot carry (``losses``) and which date
each relative date stood for (``resolutions``). ``PlanningClient.search`` sends exactly this, so what a user
copies is what ran. A ``SearchCall`` holds no credential: it authenticates with a Bearer token (``auth``), which
copied code reads from the ``TOKEN_ENV`` environment variable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from wfexplorer.core.planning.connection import api_url
from wfexplorer.core.planning.filters import Loss, Resolution, SearchRequest, request_to_v1, request_to_v2
from wfexplorer.core.planning.support import VersionError

#: The environment variable copied code reads the Planning access token from.
TOKEN_ENV = "WORKFRONT_TOKEN"


@dataclass(frozen=True)
class SearchCall:
    """One record search on the wire (``params`` are the query string, ``body`` the JSON body)."""

    version: int
    method: str
    #: The absolute URL without the query string (``…/maestro/api/v2/record-types/RT1/records/search``).
    url: str
    #: The API root the client was made with (``…/maestro/api``).
    api_root: str
    segments: tuple[str, ...]
    record_type_id: str
    params: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    losses: tuple[Loss, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    #: How the call authenticates: always an OAuth Bearer token for Planning.
    auth: str = "bearer"

    @property
    def path(self) -> str:
        """The path below the API root, e.g. ``/v2/record-types/RT1/records/search``."""
        return self.url[len(self.api_root):] if self.url.startswith(self.api_root) else urlsplit(self.url).path

    @property
    def server_path(self) -> str:
        """The path on the server, e.g. ``/maestro/api/v2/record-types/RT1/records/search``."""
        return urlsplit(self.url).path

    def query_pairs(self) -> tuple[tuple[str, str], ...]:
        """The query parameters as ordered text pairs (what an HTTP client puts after ``?``)."""
        return tuple((name, _text(value)) for name, value in self.params.items() if value is not None)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build_search_call(api_root: str, version: int, record_type_id: str, request: SearchRequest, *,
                      allow_losses: bool = False) -> SearchCall:
    """The search call of ``request`` in API ``version`` (relative dates must be resolved already).

    v2 posts to ``/record-types/{id}/records/search`` with ``page``/``size``/``fieldIds`` in the query; v1 posts
    to ``/records/search`` with ``recordTypeId`` and ``offset``/``limit`` in the body. What the version cannot
    carry raises ``VersionError`` naming each part, unless ``allow_losses`` lists it in ``losses`` instead.
    """
    if version == 2:
        conversion = request_to_v2(request)
        segments: tuple[str, ...] = ("record-types", record_type_id, "records", "search")
        body = conversion.body
    else:
        conversion = request_to_v1(request)
        segments = ("records", "search")
        body = {**conversion.body, "recordTypeId": record_type_id}
    if conversion.losses and not allow_losses:
        raise VersionError.of_losses(version, conversion.losses)
    return SearchCall(version, "POST", api_url(api_root, version, *segments), api_root, segments, record_type_id,
                      conversion.params, body, conversion.losses)

"""Where a classic request goes: version segment, object type and the rest of the path.

``/attask/api/{vN.M|unsupported|api-unsupported}/...``, ``/attask/api-internal/...`` and
``/attask/api-unsupported/...`` are served; anything else under ``/attask`` is an unknown version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wfexplorer.demo.classic.errors import NOT_FOUND, ClassicError
from wfexplorer.demo.classic.versions import normalise_version

ID_PATTERN = re.compile(r"^[0-9a-fA-F]{32}$")
ROOT_ENDPOINTS = frozenset({"login", "logout", "metadata", "batch", "upload"})
OBJECT_ENDPOINTS = frozenset({"search", "count", "report", "metadata"})


@dataclass(frozen=True)
class Route:
    """A parsed classic path: ``version`` plus the segments after it (no empty segments)."""

    version: str
    segments: tuple[str, ...]
    prefix: str
    version_segment: str = ""

    @property
    def root_endpoint(self) -> str | None:
        """Return ``login``/``logout``/``metadata``/``batch``/``upload`` for root endpoints."""
        if len(self.segments) == 1 and self.segments[0].lower() in ROOT_ENDPOINTS:
            return self.segments[0].lower()
        return None


def looks_like_id(segment: str) -> bool:
    """Tell whether a path segment names an object (32 hex digits or a ``$$`` wildcard)."""
    return bool(ID_PATTERN.match(segment)) or segment.startswith("$$")


def parse_path(path: str) -> Route:
    """Split an ``/attask/...`` path into a :class:`Route`; raise ClassicError for unknown versions."""
    parts = [part for part in path.split("/") if part]
    # parts[0] == "attask"
    if len(parts) >= 2 and parts[1].lower() in ("api-internal", "api-unsupported"):
        version_segment, rest, prefix = parts[1], parts[2:], f"/attask/{parts[1]}"
    elif len(parts) >= 3 and parts[1].lower() == "api":
        version_segment, rest, prefix = parts[2], parts[3:], f"/attask/api/{parts[2]}"
    else:
        shown = "/".join(parts[1:3]) or "(none)"
        raise ClassicError(f"Unknown API version: {shown}", kind=NOT_FOUND)
    version = normalise_version(version_segment)
    if version is None:
        raise ClassicError(f"Unknown API version: {version_segment}", kind=NOT_FOUND)
    return Route(version=version, segments=tuple(rest), prefix=prefix, version_segment=version_segment)

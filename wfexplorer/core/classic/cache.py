"""The on-disk metadata cache: one JSON file per object type, per host and API version.

Layout: ``<cache dir>/classic-metadata/<host_port>/<version>/<name>.json``, each file
``{"format": 1, "saved_at": <unix time>, "data": <the metadata data element>}``. A missing, corrupt,
foreign-format or stale file reads as "not cached" (and is removed), so the caller simply fetches
again; a cache that cannot be written is skipped with a log line. Nothing here is ever fatal.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wfexplorer.core.app_dirs import default_cache_dir
from wfexplorer.core.files import write_text_atomic

log = logging.getLogger(__name__)

FORMAT = 1
DEFAULT_MAX_AGE = 24 * 3600.0
#: How far in the future a file's date may lie (clock adjustments) before the file counts as stale.
CLOCK_SKEW = 300.0


def _safe(part: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", part) or "_"


class MetadataCache:
    """Read and write cached metadata for one host and API version."""

    def __init__(self, base_url: str, api_version: str, root: Path | str | None = None,
                 max_age: float = DEFAULT_MAX_AGE) -> None:
        netloc = urlsplit(base_url).netloc or base_url
        self.directory = Path(root or default_cache_dir()) / "classic-metadata" / _safe(netloc) / _safe(api_version)
        self.max_age = max_age

    def _path(self, key: str) -> Path:
        return self.directory / f"{_safe(key)}.json"

    def read(self, key: str) -> Any | None:
        """Return the cached data for ``key`` (``"_objects"`` or an objCode), or ``None`` when unusable."""
        path = self._path(key)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("metadata cache unreadable (%s); fetching again", error)
            return None
        try:
            entry = json.loads(raw)
            if not isinstance(entry, dict) or entry.get("format") != FORMAT or "data" not in entry:
                raise ValueError("unexpected layout")
            saved_at = float(entry.get("saved_at", 0))
        except (ValueError, TypeError) as error:
            log.warning("metadata cache file %s is corrupt (%s); rebuilding it", path.name, error)
            self._discard(path)
            return None
        age = time.time() - saved_at
        if self.max_age >= 0 and not -CLOCK_SKEW <= age <= self.max_age:  # too old, or dated in the future
            self._discard(path)
            return None
        return entry["data"]

    def write(self, key: str, data: Any) -> None:
        """Store ``data`` for ``key`` atomically; failures are logged and ignored."""
        path = self._path(key)
        try:
            write_text_atomic(path, json.dumps({"format": FORMAT, "saved_at": time.time(), "data": data}))
        except OSError as error:
            log.warning("metadata cache not written (%s)", error)

    def clear(self) -> None:
        """Forget everything cached for this host and version."""
        if not self.directory.is_dir():
            return
        for path in self.directory.glob("*.json"):
            self._discard(path)

    @staticmethod
    def _discard(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()

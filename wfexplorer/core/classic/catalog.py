"""The metadata of one host and API version: ``/metadata`` and ``/{objCode}/metadata``, cached.

Lookups go memory → disk cache → server. :meth:`MetadataCatalog.preload` fetches the metadata of
several types in one ``/batch`` request; :meth:`MetadataCatalog.refresh` forgets everything so the
next lookup asks the server again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any, Protocol

from wfexplorer.core import errors
from wfexplorer.core.classic import metadata
from wfexplorer.core.classic.cache import MetadataCache

log = logging.getLogger(__name__)

OBJECT_LIST_KEY = "_objects"


class Requester(Protocol):
    """What the catalog needs from a session."""

    def get(self, path: str, params: Any = None) -> Any: ...

    def batch(self, calls: Any, atomic: bool = False, concurrent: bool = False, raise_errors: bool = True
              ) -> Any: ...


class MetadataCatalog:
    """Object types and their metadata for one connection."""

    def __init__(self, requester: Requester, cache: MetadataCache | None = None) -> None:
        self._requester = requester
        self.cache = cache
        self._lock = threading.RLock()
        self._objects: dict[str, metadata.ObjectSummary] | None = None
        self._by_code: dict[str, metadata.ObjectSummary] = {}
        self._described: dict[str, metadata.ObjectMeta] = {}

    # -- the object list ---------------------------------------------------------------------

    def objects(self) -> dict[str, metadata.ObjectSummary]:
        """Return every object type by metadata name (one request the first time, unless cached)."""
        with self._lock:
            if self._objects is None:
                raw = self.cache.read(OBJECT_LIST_KEY) if self.cache else None
                parsed = None
                if raw is not None:
                    try:
                        parsed = metadata.parse_object_list(raw)
                    except errors.ProtocolError:
                        parsed = None
                if parsed is None:
                    raw = self._requester.get("/metadata")
                    parsed = metadata.parse_object_list(raw)
                    if self.cache:
                        self.cache.write(OBJECT_LIST_KEY, raw)
                self._objects = parsed
                self._by_code = {summary.obj_code.upper(): summary for summary in parsed.values()}
            return self._objects

    def summary(self, name_or_code: str) -> metadata.ObjectSummary | None:
        """Find a type by objCode, metadata name or Python class name (case-insensitive)."""
        objects = self.objects()
        found = self._by_code.get(name_or_code.upper()) or objects.get(name_or_code)
        if found is not None:
            return found
        lowered = name_or_code.lower()
        for summary in objects.values():
            if lowered in (summary.name.lower(), summary.class_name.lower()):
                return summary
        return None

    # -- one type ----------------------------------------------------------------------------

    def describe(self, name_or_code: str) -> metadata.ObjectMeta:
        """Return the full metadata of a type (one request the first time, unless cached)."""
        code = self._code(name_or_code)
        with self._lock:
            described = self._described.get(code)
            if described is not None:
                return described
            described = self._from_cache(code)
            if described is None:
                raw = self._requester.get(f"/{code.lower()}/metadata")
                described = self._store(code, raw)
            return described

    def is_described(self, name_or_code: str) -> bool:
        """Tell whether a type's metadata is in memory (no request needed)."""
        return self._code(name_or_code) in self._described

    def preload(self, names_or_codes: Iterable[str]) -> None:
        """Make sure several types are described, fetching the missing ones in one batch request.

        Types whose metadata the server refuses are skipped (``describe`` on them raises); a lost network, a
        refused session or a rate limit raises (:data:`~wfexplorer.core.errors.UNAVAILABLE`).
        """
        missing = []
        for name in names_or_codes:
            code = self._code(name)
            if code not in self._described and self._from_cache(code) is None and code not in missing:
                missing.append(code)
        if not missing:
            return
        if len(missing) == 1:
            self.describe(missing[0])
            return
        try:
            results = self._requester.batch([("GET", f"/{code.lower()}/metadata", None) for code in missing],
                                            raise_errors=False)
        except errors.UNAVAILABLE:
            raise  # no request gets through now: one by one would only wait as long for each
        except errors.WorkfrontError as error:
            log.info("batch metadata fetch failed (%s); fetching one by one", error)
            results = [None] * len(missing)
        for code, raw in zip(missing, results, strict=True):
            if isinstance(raw, errors.WorkfrontError):
                log.info("no metadata for %s: %s", code, raw.message)
            elif raw is None:
                try:
                    self.describe(code)
                except errors.WorkfrontError as error:
                    log.info("no metadata for %s: %s", code, error.message)
            else:
                self._store(code, raw)

    # -- feeding the catalog from a batch the caller sends (one request for metadata and data) ----

    @property
    def has_object_list(self) -> bool:
        """Whether the object list is known without a request (memory or disk cache)."""
        with self._lock:
            if self._objects is not None:
                return True
            raw = self.cache.read(OBJECT_LIST_KEY) if self.cache else None
        if raw is None:
            return False
        self.accept_object_list(raw, cache=False)
        return True

    def accept_object_list(self, raw: Any, *, cache: bool = True) -> None:
        """Take a ``/metadata`` answer someone else fetched (e.g. inside a batch)."""
        parsed = metadata.parse_object_list(raw)
        with self._lock:
            self._objects = parsed
            self._by_code = {summary.obj_code.upper(): summary for summary in parsed.values()}
            if cache and self.cache:
                self.cache.write(OBJECT_LIST_KEY, raw)

    def missing(self, codes: Iterable[str]) -> list[str]:
        """The objCodes among ``codes`` whose metadata would cost a request (in order, once each)."""
        found: list[str] = []
        with self._lock:
            for code in (code.upper() for code in codes):
                if code not in self._described and code not in found and self._from_cache(code) is None:
                    found.append(code)
        return found

    def accept(self, code: str, raw: Any) -> metadata.ObjectMeta:
        """Take a ``/{objCode}/metadata`` answer someone else fetched (e.g. inside a batch)."""
        with self._lock:
            return self._store(code.upper(), raw)

    def refresh(self) -> None:
        """Forget all metadata (memory and disk) so the next lookups ask the server."""
        with self._lock:
            self._objects = None
            self._by_code = {}
            self._described = {}
            if self.cache:
                self.cache.clear()

    # -- helpers -----------------------------------------------------------------------------

    def _code(self, name_or_code: str) -> str:
        summary = self.summary(name_or_code)
        if summary is None:
            from wfexplorer.core.classic import names

            suggestions = names.closest(name_or_code, [s.class_name for s in self.objects().values()])
            hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            raise errors.NotFoundError(f"No object type {name_or_code!r} in the metadata{hint}")
        return summary.obj_code.upper()

    def _from_cache(self, code: str) -> metadata.ObjectMeta | None:
        if not self.cache:
            return None
        raw = self.cache.read(code)
        if raw is None:
            return None
        try:
            described = metadata.parse_object(raw)
        except errors.ProtocolError:
            return None
        self._described[code] = described
        return described

    def _store(self, code: str, raw: Any) -> metadata.ObjectMeta:
        described = metadata.parse_object(raw)
        self._described[code] = described
        if self.cache:
            self.cache.write(code, raw)
        return described

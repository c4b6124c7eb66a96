"""The seeding run's shared state: the seeded RNG, the rows built so far and time helpers."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any

from wfexplorer.demo.classic.schema import object_def
from wfexplorer.demo.ids import new_id

DAY = 86400.0
ANCHOR = datetime(2026, 6, 1, 15, 0, tzinfo=UTC).timestamp()
"""The dataset's "today": fixed so the data is identical on every run."""

Record = dict[str, Any]


@cache
def _fields_of(kind: str) -> frozenset[str]:
    obj = object_def(kind)
    return frozenset(obj.fields) if obj is not None else frozenset()


@lru_cache(maxsize=131072)
def _second(whole: int) -> str:
    parts = time.gmtime(whole)
    return (
        f"{parts.tm_year:04d}-{parts.tm_mon:02d}-{parts.tm_mday:02d}"
        f"T{parts.tm_hour:02d}:{parts.tm_min:02d}:{parts.tm_sec:02d}"
    )


def iso(epoch: float) -> str:
    """Stored UTC form of a time (``2026-03-02T15:00:00.000Z``)."""
    whole = int(epoch // 1)
    micros = round((epoch - whole) * 1_000_000)
    if micros >= 1_000_000:
        whole, micros = whole + 1, micros - 1_000_000
    return f"{_second(whole)}.{micros // 1000:03d}Z"


def work_start(epoch: float) -> float:
    """Move a time to 15:00 UTC (9:00 in Chicago) of its day."""
    return (epoch // DAY) * DAY + 15 * 3600


@dataclass
class SeedState:
    """What the builders share: the RNG, the rows per kind and lookups of what exists."""

    scale: float
    rng: random.Random = field(default_factory=lambda: random.Random(20260601))
    rows: dict[str, list[Record]] = field(default_factory=dict)
    by_name: dict[tuple[str, str], Record] = field(default_factory=dict)
    customer_id: str = ""
    admin_id: str = ""

    def count(self, base: float, minimum: int) -> int:
        """``base`` scaled, at least ``minimum``."""
        return max(minimum, round(base * self.scale))

    def add(self, kind: str, values: Record, created: float, by: str | None = None) -> Record:
        """Create a record of ``kind`` created at ``created`` (entry and update stamps, customer)."""
        record: Record = {"ID": new_id(created, self.rng), "objCode": kind}
        record.update(values)
        stamp = iso(created)
        author = by or self.admin_id or None
        fields = _fields_of(kind)
        for name, value in (("entryDate", stamp), ("lastUpdateDate", stamp), ("enteredByID", author),
                            ("lastUpdatedByID", author), ("customerID", self.customer_id or None)):
            if value is not None and name in fields:
                record.setdefault(name, value)
        self.rows.setdefault(kind, []).append(record)
        record_name = record.get("name")
        if isinstance(record_name, str):
            self.by_name.setdefault((kind, record_name), record)
        return record

    def named(self, kind: str, name: str) -> Record:
        """The first record of ``kind`` called ``name``."""
        return self.by_name[(kind, name)]

    def of(self, kind: str) -> list[Record]:
        """Every record of ``kind`` built so far."""
        return self.rows.setdefault(kind, [])


def epoch(stamp: str) -> float:
    """Unix seconds of a stored UTC ISO string."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()

"""Fault injection for tests and demos: latency, errors, 429s, session expiry, dropped connections.

Faults are off by default. Set them from Python (``server.context.faults.latency_ms = 200``) or
from the CLI with a spec such as ``latency=200,jitter=50,error_rate=0.1,error_status=503,
max_in_flight=10,session_expiry=30,drop_rate=0.05``.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field, fields


@dataclass
class Faults:
    """The fault settings; every one is off at its default value."""

    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    error_rate: float = 0.0
    error_status: int = 500
    max_in_flight: int = 0
    session_expiry: float = 0.0
    drop_rate: float = 0.0
    _rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    _SPEC_NAMES = {
        "latency": "latency_ms",
        "jitter": "jitter_ms",
        "error_rate": "error_rate",
        "error_status": "error_status",
        "max_in_flight": "max_in_flight",
        "session_expiry": "session_expiry",
        "drop_rate": "drop_rate",
    }

    @classmethod
    def parse(cls, spec: str) -> Faults:
        """Build faults from ``name=value,...``; raise ValueError naming a bad part."""
        faults = cls()
        faults.update(spec)
        return faults

    def update(self, spec: str) -> None:
        """Apply ``name=value,...`` on top of the current settings."""
        types = {f.name: f.type for f in fields(self)}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, sep, value = part.partition("=")
            attribute = self._SPEC_NAMES.get(name.strip())
            if not sep or attribute is None:
                known = ", ".join(self._SPEC_NAMES)
                raise ValueError(f"unknown fault {part!r}; use name=value with a name from: {known}")
            try:
                converted: float | int = int(value) if types[attribute] == "int" else float(value)
            except ValueError:
                raise ValueError(f"fault {name!r} needs a number, not {value!r}") from None
            _check_range(name.strip(), attribute, converted)
            setattr(self, attribute, converted)

    def reset(self) -> None:
        """Turn every fault off."""
        for f in fields(self):
            if not f.name.startswith("_"):
                setattr(self, f.name, f.default)

    def delay_seconds(self) -> float:
        """Return the latency to add to one request."""
        if not self.latency_ms and not self.jitter_ms:
            return 0.0
        return max(0.0, self.latency_ms + self._rng.uniform(-self.jitter_ms, self.jitter_ms)) / 1000

    def should_fail(self) -> bool:
        """Decide whether this request gets the configured error status."""
        return self.error_rate > 0 and self._rng.random() < self.error_rate

    def should_drop(self) -> bool:
        """Decide whether this request's connection is dropped without an answer."""
        return self.drop_rate > 0 and self._rng.random() < self.drop_rate


def _check_range(name: str, attribute: str, value: float) -> None:
    """Refuse values the server cannot act on (a status werkzeug cannot send drops every request)."""
    if attribute == "error_status" and not 100 <= value <= 599:
        raise ValueError(f"{name} must be an HTTP status from 100 to 599, not {value:g}")
    if attribute.endswith("_rate") and not 0 <= value <= 1:
        raise ValueError(f"{name} must be between 0 and 1, not {value:g}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, not {value:g}")


class InFlightCounter:
    """Counts requests being served, to answer 429 past ``Faults.max_in_flight``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def enter(self) -> int:
        """Count one more request in flight and return the new count."""
        with self._lock:
            self.count += 1
            return self.count

    def leave(self) -> None:
        """Count one request finished."""
        with self._lock:
            self.count -= 1


def sleep_for(faults: Faults) -> None:
    """Sleep for the configured latency, if any."""
    delay = faults.delay_seconds()
    if delay:
        time.sleep(delay)

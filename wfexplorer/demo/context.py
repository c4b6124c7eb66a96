"""What every request handler of the simulator can reach: store, settings, sessions, faults, clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from werkzeug.wrappers import Request, Response

from wfexplorer.demo.faults import Faults
from wfexplorer.demo.sessions import SessionRegistry
from wfexplorer.demo.settings import DemoSettings
from wfexplorer.demo.store import Store


class Clock:
    """Wall-clock time that tests can move forward (``clock.advance(130)``)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        """Move the simulator's time forward."""
        self.offset += seconds


@dataclass
class DemoContext:
    """Shared state of one running simulator.

    ``base_url`` is filled in once the server is bound (``http://127.0.0.1:PORT``).
    """

    store: Store
    settings: DemoSettings = field(default_factory=DemoSettings)
    faults: Faults = field(default_factory=Faults)
    clock: Clock = field(default_factory=Clock)
    base_url: str = ""
    sessions: SessionRegistry = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = SessionRegistry(self.store, self.faults, self.clock)


class Surface(Protocol):
    """One API surface (classic, Planning, OAuth): turns a request into a response.

    ``fault_response`` renders an injected fault (error status, 429) in the surface's own
    error shape, so clients see what the real API would send.
    """

    def __call__(self, request: Request) -> Response: ...

    def fault_response(self, request: Request, status: int, message: str) -> Response: ...


SurfaceFactory = Callable[[DemoContext], Surface]

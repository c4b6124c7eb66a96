"""The per-request facts that query, projection and report code need: store, version, user, zone, now.

Build one per request::

    env = QueryEnv.from_context(context, api_model="V21_0", user_id=session.user_id)

``api_model`` is the version token Workfront error texts use (``V21_0``, ``INTERNAL``,
``UNSUPPORTED``; see ``versions.api_model_name``). ``now`` is the simulator clock in Unix
seconds (tests move it with ``context.clock.advance``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from wfexplorer.demo.classic.dates import zone
from wfexplorer.demo.store import Store

if TYPE_CHECKING:
    from wfexplorer.demo.context import DemoContext


@dataclass
class QueryEnv:
    """What one request's query, projection and report need to know besides its parameters."""

    store: Store
    api_model: str = "V21_0"
    user_id: str | None = None
    time_zone: str = "America/Chicago"
    now: float = field(default_factory=time.time)
    visible: Callable[[str, Mapping[str, Any]], bool] | None = None
    """``visible(objCode, record)``: whether the caller may see a record reached through a reference
    or a collection (``None``: everything; see :mod:`wfexplorer.demo.classic.access`)."""

    @property
    def tz(self) -> tzinfo:
        """The configured time zone as a tzinfo."""
        return zone(self.time_zone)

    @classmethod
    def from_context(cls, context: DemoContext, api_model: str = "V21_0", user_id: str | None = None) -> QueryEnv:
        """Build the environment of one request from the simulator context."""
        return cls(
            store=context.store,
            api_model=api_model,
            user_id=user_id,
            time_zone=context.settings.time_zone,
            now=context.clock(),
        )

"""Placeholder Planning seed (replaced by the planning-sim helper)."""

from __future__ import annotations

from wfexplorer.demo.context import DemoContext


def seed_planning(context: DemoContext, scale: float = 1.0) -> None:
    """Seed nothing yet."""

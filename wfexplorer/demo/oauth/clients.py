"""Placeholder OAuth app registry (replaced by the auth helper)."""

from __future__ import annotations

from wfexplorer.demo.context import DemoContext


def seed_oauth_clients(context: DemoContext) -> dict[str, str]:
    """Register no apps yet; return the credentials entries for them."""
    return {}

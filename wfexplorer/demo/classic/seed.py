"""Placeholder classic seed (replaced by the classic-schema helper): only the admin user."""

from __future__ import annotations

from wfexplorer.demo.context import DemoContext


def seed_classic(context: DemoContext, scale: float = 1.0) -> None:
    """Create the admin user."""
    with context.store.transaction() as tx:
        tx.put("USER", {"ID": "6a0000000000000000000000000000a1", "objCode": "USER", "name": "Ada Admin",
                        "username": "admin", "_password": "demo", "isActive": True})

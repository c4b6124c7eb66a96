"""Definitions of every classic object; importing this package registers them all."""

from __future__ import annotations

from wfexplorer.demo.classic.schema.objects import (  # noqa: F401  (import order: registration only)
    content,
    forms,
    people,
    portfolio,
    system,
    templates,
    work,
)

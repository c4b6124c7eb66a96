"""Workfront-style object IDs: 32 lower-case hex digits, the first 8 the creation time."""

from __future__ import annotations

import random
import time


def new_id(created: float | None = None, rng: random.Random | None = None) -> str:
    """Return a new ID whose first 8 hex digits are the Unix creation time in seconds."""
    seconds = int(time.time() if created is None else created)
    source = rng if rng is not None else random.SystemRandom()
    return f"{seconds & 0xFFFFFFFF:08x}{source.getrandbits(96):024x}"


def new_token() -> str:
    """Return an unguessable 32-hex-digit token (session IDs, API keys, codes)."""
    return f"{random.SystemRandom().getrandbits(128):032x}"

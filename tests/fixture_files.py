"""Where the tests find the data the repository ships (``tests/fixtures/``), and a clear failure when it is gone.

Every test that reads shipped data goes through :func:`fixture_path`, so a missing or renamed file fails the
test with the file's name instead of skipping it or raising a bare ``FileNotFoundError`` deep in a helper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_path(*parts: str) -> Path:
    """Return ``tests/fixtures/<parts...>``; fail the calling test, naming the file, when it does not exist."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"test data is missing: {path} (the repository ships it under tests/fixtures/)", pytrace=False)
    return path


def fixture_text(*parts: str) -> str:
    """Return a shipped fixture's exact text (UTF-8); fails like :func:`fixture_path` when it is missing."""
    return fixture_path(*parts).read_text(encoding="utf-8")

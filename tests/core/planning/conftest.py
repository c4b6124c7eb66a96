"""Fixtures for the Planning filter and client tests: a field catalogue with one field of every kind."""

from __future__ import annotations

import pytest
from planning_filter_fields import CATALOG_FIELDS

from wfexplorer.core.planning.filters import FieldCatalog


@pytest.fixture
def catalog() -> FieldCatalog:
    """The fields above as a catalogue."""
    return FieldCatalog(CATALOG_FIELDS)

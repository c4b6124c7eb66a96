"""Fixtures for the journal: the action tests' connection, wire and journal."""

from journal_support import connection, journal, wire  # noqa: F401  (fixtures)

"""Fixtures for actions and bulk edits: a signed-in connection (OAuth, so Planning works), its wire, a journal."""

from acting_support import connection, journal, wire  # noqa: F401  (fixtures)

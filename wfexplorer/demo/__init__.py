"""The embedded Workfront simulator: a real HTTP server on loopback backed by SQLite (no Qt)."""

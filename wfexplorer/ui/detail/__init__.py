"""The detail area: one tab per object or record, with its form, its raw JSON and its type's metadata."""

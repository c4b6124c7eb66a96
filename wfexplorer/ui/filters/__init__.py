"""The Planning filter builder and its parts (the classic search builder will live here too)."""

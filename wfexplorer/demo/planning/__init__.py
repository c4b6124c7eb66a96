"""The simulator's planning API surface."""

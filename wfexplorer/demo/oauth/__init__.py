"""The simulator's oauth API surface."""

"""The simulator's classic API surface."""

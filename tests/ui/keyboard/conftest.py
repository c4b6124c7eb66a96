"""Fixtures for the keyboard and accessibility tests of the explorer window: the explorer tests' main windows
(tests/ui/test_explorer.py) over the simulator."""

from test_explorer import open_window, state_store  # noqa: F401  (fixtures)

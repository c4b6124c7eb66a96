"""PySide6 user interface; no HTTP here (everything goes through wfexplorer.core)."""

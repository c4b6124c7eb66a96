"""Classic Workfront API client (python-workfront surface)."""

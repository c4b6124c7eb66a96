"""Workfront Planning: the client for API v1 and v2, and the filter model (``wfexplorer.core.planning.filters``)."""
